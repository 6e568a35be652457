"""the office as the single authority

- cases.kind (case | personal | planning); the personal pseudo-case of a caseworker's own
  consultations gets a random id (the old one was derived from the public user id);
- change ids are unique per device, not across all devices (and so are superseded ones);
- parked rows remember the row that would claim them (claims found by key, not by scan);
- enrolment attempts are counted in the database (shared by several server processes);
- values stamped further ahead than the office's clock allows get the office's time.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

import json
import time
import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

ID = sa.String(32)
SEQ = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
PLANNING_CASE = "0d15741c7a9a5e0e8f0c2b6d1a3e4f50"
OLD_NAMESPACE = uuid.UUID("5b0f7c0e-3f7a-4d52-9a51-2f1c8e0b6a11")
MAX_AHEAD_MS = 10 * 60 * 1000  # sync.protocol.MAX_CLOCK_AHEAD_MS at the time of writing


def upgrade() -> None:
    conn = op.get_bind()
    _case_kinds(conn)
    if conn.dialect.name == "sqlite":
        _rebuild_sqlite(conn)
    else:
        op.drop_constraint("changes_change_id_key", "changes", type_="unique")
        op.create_unique_constraint(
            "uq_changes_device_change", "changes", ["device_id", "change_id"]
        )
        op.add_column(
            "superseded_changes",
            sa.Column("device_id", sa.String(32), nullable=False, server_default=""),
        )
        op.drop_constraint("superseded_changes_pkey", "superseded_changes", type_="primary")
        op.create_primary_key(
            "superseded_changes_pkey", "superseded_changes", ["device_id", "change_id"]
        )
    _parked_parents(conn)
    op.create_table(
        "enrol_attempts",
        sa.Column("id", SEQ, primary_key=True, autoincrement=True),
        sa.Column("address", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_enrol_attempts_address_at", "enrol_attempts", ["address", "at"])
    _restamp_far_future(conn)


def _case_kinds(conn: sa.Connection) -> None:
    op.add_column("cases", sa.Column("kind", sa.String(12), nullable=False, server_default="case"))
    conn.execute(
        sa.text("UPDATE cases SET kind = 'planning' WHERE case_id = :id"), {"id": PLANNING_CASE}
    )
    users = conn.execute(sa.text("SELECT id FROM users")).scalars().all()
    for user_id in users:
        old = uuid.uuid5(OLD_NAMESPACE, f"own-consultations/{user_id}").hex
        exists = conn.execute(sa.text("SELECT 1 FROM cases WHERE case_id = :c"), {"c": old})
        squatted = conn.execute(
            sa.text("SELECT 1 FROM row_case WHERE table_name = 'case_file' AND row_id = :c"),
            {"c": old},
        )
        if exists.first() is None or squatted.first() is not None:
            continue  # none yet, or a colleague's real case under that id: theirs stays
        new = uuid.uuid4().hex
        conn.execute(
            sa.text("UPDATE cases SET case_id = :new, kind = 'personal' WHERE case_id = :old"),
            {"new": new, "old": old},
        )
        conn.execute(
            sa.text("UPDATE row_case SET case_id = :new WHERE case_id = :old"),
            {"new": new, "old": old},
        )
    op.create_index(
        "uq_cases_personal",
        "cases",
        ["caseworker_id"],
        unique=True,
        sqlite_where=sa.text("kind = 'personal'"),
        postgresql_where=sa.text("kind = 'personal'"),
    )


def _rebuild_sqlite(conn: sa.Connection) -> None:
    """SQLite cannot drop an unnamed UNIQUE: build the two tables anew and copy."""
    meta = sa.MetaData()
    changes = sa.Table(
        "changes_new",
        meta,
        sa.Column("seq", SEQ, primary_key=True, autoincrement=True),
        sa.Column("change_id", ID, nullable=False),
        sa.Column("table_name", sa.String(40), nullable=False),
        sa.Column("row_id", ID, nullable=False),
        sa.Column("field", sa.String(40), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("hlc", sa.String(90), nullable=False),
        sa.Column("device_id", sa.String(32), nullable=False),
        sa.Column("user_id", sa.String(32), nullable=False),
        sa.Column("received_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("device_id", "change_id", name="uq_changes_device_change"),
        sqlite_autoincrement=True,
    )
    sa.Table(
        "superseded_changes_new",
        meta,
        sa.Column("device_id", sa.String(32), primary_key=True),
        sa.Column("change_id", ID, primary_key=True),
        sa.Column("received_at", sa.DateTime, nullable=False),
    )
    meta.create_all(conn)
    columns = ", ".join(c.name for c in changes.columns)
    conn.exec_driver_sql(f"INSERT INTO changes_new ({columns}) SELECT {columns} FROM changes")
    conn.exec_driver_sql(
        "INSERT INTO superseded_changes_new (device_id, change_id, received_at)"
        " SELECT '', change_id, received_at FROM superseded_changes"
    )
    for name in ("changes", "superseded_changes"):
        conn.exec_driver_sql(f"DROP TABLE {name}")
        conn.exec_driver_sql(f"ALTER TABLE {name}_new RENAME TO {name}")
    op.create_index("ix_changes_row", "changes", ["table_name", "row_id", "seq"])


def _parked_parents(conn: sa.Connection) -> None:
    op.add_column("unscoped_rows", sa.Column("parent_table", sa.String(40), nullable=True))
    op.add_column("unscoped_rows", sa.Column("parent_id", ID, nullable=True))
    op.create_index("ix_unscoped_rows_parent", "unscoped_rows", ["parent_table", "parent_id"])
    parked = conn.execute(
        sa.text(
            "SELECT u.table_name, u.row_id, f.field, f.value FROM unscoped_rows u"
            " JOIN field_state f ON f.table_name = u.table_name AND f.row_id = u.row_id"
            " WHERE u.table_name IN ('consent_record', 'conflict')"
            " AND f.field IN ('client_id', 'table_name', 'row_id')"
        )
    ).all()
    fields: dict[tuple[str, str], dict[str, object]] = {}
    for table, row_id, field, value in parked:
        try:
            fields.setdefault((table, row_id), {})[field] = json.loads(value)
        except ValueError:
            continue
    for (table, row_id), values in fields.items():
        parent = (
            ("client", values.get("client_id"))
            if table == "consent_record"
            else (values.get("table_name"), values.get("row_id"))
        )
        if all(isinstance(part, str) for part in parent):
            conn.execute(
                sa.text(
                    "UPDATE unscoped_rows SET parent_table = :pt, parent_id = :pid"
                    " WHERE table_name = :t AND row_id = :r"
                ),
                {"pt": parent[0], "pid": parent[1], "t": table, "r": row_id},
            )


def _restamp_far_future(conn: sa.Connection) -> None:
    """A value stamped (say) in the year 2100 would win every later merge and stop every
    laptop that pulls it: it keeps its value, with the office's time as its stamp, and
    goes out again so that laptops receive the sane copy."""
    now_ms = int(time.time() * 1000)
    limit = f"{now_ms + MAX_AHEAD_MS:015d}"
    rows = conn.execute(
        sa.text(
            "SELECT table_name, row_id, field, value FROM field_state"
            " WHERE substr(hlc, 1, 15) > :limit ORDER BY table_name, row_id, field"
        ),
        {"limit": limit},
    ).all()
    received = datetime.now(UTC).replace(tzinfo=None)
    for counter, (table, row_id, field, value) in enumerate(rows):
        stamp = f"{now_ms + counter // 10**6:015d}-{counter % 10**6:06d}-office"
        conn.execute(
            sa.text(
                "UPDATE field_state SET hlc = :hlc, device_id = 'office'"
                " WHERE table_name = :t AND row_id = :r AND field = :f"
            ),
            {"hlc": stamp, "t": table, "r": row_id, "f": field},
        )
        conn.execute(
            sa.text(
                "INSERT INTO changes (change_id, table_name, row_id, field, value, hlc,"
                " device_id, user_id, received_at) VALUES (:id, :t, :r, :f, :v, :hlc,"
                " 'office', 'office', :at)"
            ),
            {
                "id": uuid.uuid4().hex,
                "t": table,
                "r": row_id,
                "f": field,
                "v": value,
                "hlc": stamp,
                "at": received,
            },
        )


def downgrade() -> None:
    raise NotImplementedError("the office database is not migrated backwards")
