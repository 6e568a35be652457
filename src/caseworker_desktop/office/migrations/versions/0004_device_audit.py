"""the devices' audit trails at the office, append-only

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

SEQ = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
REFUSE = "Das Protokoll ist unveränderlich: nur Anhängen ist erlaubt."


def upgrade() -> None:
    op.create_table(
        "device_audit",
        sa.Column("id", SEQ, primary_key=True, autoincrement=True),
        sa.Column("device_id", sa.String(32), nullable=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("event_id", sa.String(32), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("user_id", sa.String(32), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("entity_id", sa.String(32), nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("pushed_by", sa.String(32), nullable=False),
        sa.Column("received_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("device_id", "seq", name="uq_device_audit_seq"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_device_audit_entity", "device_audit", ["entity", "entity_id"])
    op.create_index("ix_device_audit_pushed_by", "device_audit", ["pushed_by"])
    if op.get_bind().dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER device_audit_no_{verb.lower()} BEFORE {verb} ON device_audit"
                f" BEGIN SELECT RAISE(ABORT, '{REFUSE}'); END"
            )
    else:
        op.execute(
            "CREATE FUNCTION device_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS"
            f" $$ BEGIN RAISE EXCEPTION '{REFUSE}'; END $$"
        )
        op.execute(
            "CREATE TRIGGER device_audit_append_only BEFORE UPDATE OR DELETE OR TRUNCATE"
            " ON device_audit FOR EACH STATEMENT EXECUTE FUNCTION device_audit_append_only()"
        )


def downgrade() -> None:
    raise NotImplementedError("the office database is not migrated backwards")
