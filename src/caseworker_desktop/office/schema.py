"""Tables of the district office database and the few helpers that write its log.

`changes` is the append-only log that pull serves, ordered by `seq`. `field_state` holds
the winning value of every field (what merge compares against), `row_case` the case each
row belongs to and `cases` who owns each case: together they decide who sees what."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from datetime import UTC, date, datetime

import sqlalchemy as sa

from ..clock import LOCAL_ZONE
from ..domain import model as m
from ..domain.hlc import HybridLogicalClock, Timestamp
from .keyed_sql import Key, chunks, insert_rows, select_keys

ID = sa.String(32)
SEQ = sa.BigInteger().with_variant(sa.Integer(), "sqlite")  # INTEGER PRIMARY KEY = rowid
EVICT_TABLE = "__evict__"
PURGE_TABLE = "__purge__"  # rows deleted under the retention rules: every laptop drops them
OFFICE = "office"  # device and user id of what the office itself writes


metadata = sa.MetaData()

teams = sa.Table(
    "teams",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("name", sa.Text, nullable=False, unique=True),
)
users = sa.Table(
    "users",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("username", sa.String(64), nullable=False, unique=True),
    sa.Column("display_name", sa.Text, nullable=False),
    sa.Column("role", sa.String(20), nullable=False),  # caseworker | team_lead | admin
    sa.Column("team_id", ID, sa.ForeignKey("teams.id"), nullable=True),
    # a team lead may change case files as a stand-in (else: comment and approve only)
    sa.Column("stand_in", sa.Boolean, nullable=False, server_default=sa.false()),
)
devices = sa.Table(
    "devices",
    metadata,
    sa.Column("id", ID, primary_key=True),  # the laptop's device_id
    sa.Column("user_id", ID, sa.ForeignKey("users.id"), nullable=False),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("name", sa.Text, nullable=False, default=""),
    sa.Column("enrolled_at", sa.DateTime, nullable=False),
    sa.Column("revoked_at", sa.DateTime, nullable=True),
    sa.Column("recovery_wrap", sa.Text, nullable=True),  # JSON of vault.RecoveryWrap
)
enrolment_codes = sa.Table(
    "enrolment_codes",
    metadata,
    sa.Column("code_hash", sa.String(64), primary_key=True),
    sa.Column("user_id", ID, sa.ForeignKey("users.id"), nullable=False),
    sa.Column("expires_at", sa.DateTime, nullable=False),
    sa.Column("used_at", sa.DateTime, nullable=True),
)
changes = sa.Table(
    "changes",
    metadata,
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
    # A row's history (and a case's evictions: table "__evict__", row_id the case).
    sa.Index("ix_changes_row", "table_name", "row_id", "seq"),
    # The evictions of one user (their value), in log order.
    sa.Index(
        "ix_changes_evict",
        "value",
        "seq",
        sqlite_where=sa.text("table_name = '__evict__'"),
        postgresql_where=sa.text("table_name = '__evict__'"),
    ),
    # Idempotency is per device: another device cannot pre-empt ids it has learnt.
    sa.UniqueConstraint("device_id", "change_id", name="uq_changes_device_change"),
    sqlite_autoincrement=True,  # never reuse a seq, even if the newest row were deleted
)
# Changes that arrived but lost the merge: remembered only so that a re-sent batch counts
# them as duplicates instead of merging (and conflicting) again.
superseded_changes = sa.Table(
    "superseded_changes",
    metadata,
    sa.Column("device_id", sa.String(32), primary_key=True),
    sa.Column("change_id", ID, primary_key=True),
    sa.Column("received_at", sa.DateTime, nullable=False),
)
field_state = sa.Table(
    "field_state",
    metadata,
    sa.Column("table_name", sa.String(40), primary_key=True),
    sa.Column("row_id", ID, primary_key=True),
    sa.Column("field", sa.String(40), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
    sa.Column("hlc", sa.String(90), nullable=False),
    sa.Column("device_id", sa.String(32), nullable=False),
)
# Letter templates (invitation, reminder, confirmation of participation) maintained at the
# office and sent to every laptop (office/letters.py).
letter_templates = sa.Table(
    "letter_templates",
    metadata,
    sa.Column("name", sa.String(60), primary_key=True),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("updated_at", sa.DateTime, nullable=False),
)
row_case = sa.Table(
    "row_case",
    metadata,
    sa.Column("table_name", sa.String(40), primary_key=True),
    sa.Column("row_id", ID, primary_key=True),
    sa.Column("case_id", ID, nullable=False, index=True),
)
cases = sa.Table(
    "cases",
    metadata,
    sa.Column("case_id", ID, primary_key=True),
    sa.Column("caseworker_id", ID, nullable=False, index=True),
    sa.Column("team_id", ID, nullable=True, index=True),
    # case: a client's case (a case_file row); personal: a caseworker's own consultations,
    # made by the office with a random id; planning: the district's trauma offers.
    sa.Column("kind", sa.String(12), nullable=False, server_default="case"),
    sa.Index(
        "uq_cases_personal",
        "caseworker_id",
        unique=True,
        sqlite_where=sa.text("kind = 'personal'"),
        postgresql_where=sa.text("kind = 'personal'"),
    ),
)
# Client, household and consent rows pushed before any case points at them (a client
# registered today, the case opened next week): stored, invisible until a case claims them.
unscoped_rows = sa.Table(
    "unscoped_rows",
    metadata,
    sa.Column("table_name", sa.String(40), primary_key=True),
    sa.Column("row_id", ID, primary_key=True),
    sa.Column("user_id", ID, nullable=False, index=True),
    # The row whose arrival in a case claims this one (a consent record's client, the row
    # a conflict is about): claims are looked up by key, never by scanning what is parked.
    sa.Column("parent_table", sa.String(40), nullable=True),
    sa.Column("parent_id", ID, nullable=True),
    sa.Index("ix_unscoped_rows_parent", "parent_table", "parent_id"),
)
# Enrolment attempts per client address, in the database so that every server process
# counts the same (a brute force of one-time codes is slowed down office-wide).
enrol_attempts = sa.Table(
    "enrol_attempts",
    metadata,
    sa.Column("id", SEQ, primary_key=True, autoincrement=True),
    sa.Column("address", sa.String(64), nullable=False),
    sa.Column("at", sa.DateTime, nullable=False),
    sa.Index("ix_enrol_attempts_address_at", "address", "at"),
)
# The audit trails of the devices, append-only (the database refuses UPDATE and DELETE):
# who saw or changed what on which laptop, as the laptop's keyed chain recorded it. `id` is
# the pull cursor; (device_id, seq) the place in the device's chain.
device_audit = sa.Table(
    "device_audit",
    metadata,
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
    sa.Column("pushed_by", sa.String(32), nullable=False),  # the device's user at the office
    sa.Column("received_at", sa.DateTime, nullable=False),
    sa.UniqueConstraint("device_id", "seq", name="uq_device_audit_seq"),
    sa.Index("ix_device_audit_entity", "entity", "entity_id"),
    sa.Index("ix_device_audit_pushed_by", "pushed_by"),
    sqlite_autoincrement=True,
)

# One-time recovery credentials: a device's data key, unwrapped at the office with the
# private recovery key and wrapped again to a code read out by phone (only its hash here).
recovery_credentials = sa.Table(
    "recovery_credentials",
    metadata,
    sa.Column("device_id", sa.String(32), primary_key=True),
    sa.Column("code_hash", sa.String(64), nullable=False),
    sa.Column("credential", sa.Text, nullable=False),
    sa.Column("expires_at", sa.DateTime, nullable=False),
    sa.Column("used_at", sa.DateTime, nullable=True),
)

# Settings of the office itself (the key pin of its TLS certificate).
office_settings = sa.Table(
    "office_settings",
    metadata,
    sa.Column("key", sa.String(40), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)
TLS_PIN = "tls_pin"
EPOCH = "epoch"  # a random id of this database's history; a restore gives a new one

office_audit = sa.Table(
    "office_audit",
    metadata,
    sa.Column("id", SEQ, primary_key=True, autoincrement=True),
    sa.Column("at", sa.DateTime, nullable=False),
    sa.Column("actor", sa.Text, nullable=False),
    sa.Column("action", sa.String(40), nullable=False),
    sa.Column("detail", sa.Text, nullable=False, default=""),
    sqlite_autoincrement=True,
)

# What was deleted under the retention rules or on request, and when: content-free (the
# random id of the case, what kind of rows, how many, by which rule).
deletions = sa.Table(
    "deletions",
    metadata,
    sa.Column("id", SEQ, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(20), nullable=False),  # case | trauma_referral
    sa.Column("case_id", ID, nullable=False, index=True),
    sa.Column("rule", sa.Text, nullable=False),
    sa.Column("rows", sa.Integer, nullable=False),
    sa.Column("deleted_at", sa.DateTime, nullable=False),
    sqlite_autoincrement=True,
)
# The rows deleted (ids only): a laptop that was offline when they went cannot bring them
# back with a late push.
purged_rows = sa.Table(
    "purged_rows",
    metadata,
    sa.Column("table_name", sa.String(40), primary_key=True),
    sa.Column("row_id", ID, primary_key=True),
)
# The counted facts of deleted cases (domain.report_facts, JSON) by team: the outcome
# report of past periods stays the same.
report_facts = sa.Table(
    "report_facts",
    metadata,
    sa.Column("id", SEQ, primary_key=True, autoincrement=True),
    sa.Column("team_id", ID, nullable=True, index=True),
    sa.Column("fact", sa.Text, nullable=False),
    sqlite_autoincrement=True,
)
RETENTION = "retention"  # office_settings key: the retention rules as JSON

# Which device sent or received changes of which case, per day (no content): whom data
# went to (GDPR Art. 15(1)(c)) and which devices held a case.
case_access = sa.Table(
    "case_access",
    metadata,
    sa.Column("day", sa.Date, primary_key=True),
    sa.Column("device_id", sa.String(32), primary_key=True),
    sa.Column("case_id", ID, primary_key=True),
    sa.Column("direction", sa.String(4), primary_key=True),  # push | pull
    sa.Column("user_id", ID, nullable=False),
    sa.Column("changes", sa.Integer, nullable=False),
    sa.Column("first_at", sa.DateTime, nullable=False),
    sa.Column("last_at", sa.DateTime, nullable=False),
    sa.Index("ix_case_access_case_id", "case_id"),
)

# Document content (office/documents.py), sealed chunk by chunk with the field keys (a dump of
# the database holds no scan in the clear): whole contents once per hash, uploads in
# progress per document, and which document's content was checked against its hash.
document_blobs = sa.Table(
    "document_blobs",
    metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Column("stored_at", sa.DateTime, nullable=False),
)
document_chunks = sa.Table(
    "document_chunks",
    metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("idx", sa.Integer, primary_key=True),
    sa.Column("key_id", sa.Integer, nullable=False),
    sa.Column("data", sa.LargeBinary, nullable=False),
)
document_uploads = sa.Table(
    "document_uploads",
    metadata,
    sa.Column("document_id", ID, primary_key=True),
    sa.Column("idx", sa.Integer, primary_key=True),
    sa.Column("key_id", sa.Integer, nullable=False),
    sa.Column("data", sa.LargeBinary, nullable=False),
    sa.Column("received_at", sa.DateTime, nullable=False),
)
document_content = sa.Table(
    "document_content",
    metadata,
    sa.Column("document_id", ID, primary_key=True),
    sa.Column("sha256", sa.String(64), nullable=False, index=True),
    sa.Column("checked_at", sa.DateTime, nullable=False),
)
DOCUMENT_MAX_MB = "document_max_mb"  # office_settings key: the size limit of a document

# Parents before children, so that a laptop can insert a re-delivered case row by row.
_TABLE_ORDER = {cls.table: rank for rank, cls in enumerate(m.SYNCABLE)}


def table_rank(table_name: str) -> int:
    """Where a table's rows come when a case is delivered whole (parents first)."""
    return _TABLE_ORDER.get(table_name, 99)


def utcnow() -> datetime:
    """Naive UTC: stored the same way on SQLite and PostgreSQL."""
    return datetime.now(UTC).replace(tzinfo=None)


def district_day(at: datetime) -> date:
    """The district's date at a naive UTC time, as laptops count days (Europe/Berlin): from
    22:00 UTC in summer and 23:00 UTC in winter it is the day after the UTC date."""
    return at.replace(tzinfo=UTC).astimezone(LOCAL_ZONE).date()


def audit(conn: sa.Connection, actor: str, action: str, detail: str = "") -> None:
    conn.execute(
        office_audit.insert().values(at=utcnow(), actor=actor, action=action, detail=detail)
    )


def case_of_row(conn: sa.Connection, key: Key) -> str | None:
    """The case a row belongs to at the office (row_case), if it has one."""
    return conn.execute(
        sa.select(row_case.c.case_id).where(
            row_case.c.table_name == key[0], row_case.c.row_id == key[1]
        )
    ).scalar()


def case_with_reference(conn: sa.Connection, reference: str) -> str | None:
    """The id of the case with this Aktenzeichen, if the office has it."""
    return conn.execute(
        sa.select(field_state.c.row_id).where(
            field_state.c.table_name == "case_file",
            field_state.c.field == "reference",
            field_state.c.value == json.dumps(reference.strip()),
        )
    ).scalar()


def get_setting(conn: sa.Connection, key: str) -> str | None:
    return conn.execute(
        sa.select(office_settings.c.value).where(office_settings.c.key == key)
    ).scalar()


def set_setting(conn: sa.Connection, key: str, value: str) -> None:
    if not conn.execute(
        office_settings.update().where(office_settings.c.key == key).values(value=value)
    ).rowcount:
        conn.execute(office_settings.insert().values(key=key, value=value))


def office_change(key: Key, field: str, value: object, hlc: str) -> dict:
    """A log entry written by the office itself (evictions, conflicts), its value JSON
    like a laptop writes it (storage.changelog.encode_value)."""
    return {
        "change_id": uuid.uuid4().hex,
        "table_name": key[0],
        "row_id": key[1],
        "field": field,
        "value": json.dumps(value, ensure_ascii=False),
        "hlc": hlc,
        "device_id": OFFICE,
        "user_id": OFFICE,
        "received_at": utcnow(),
    }


def set_field(conn: sa.Connection, key: Key, field: str, value: str, hlc: str, device: str):
    """Write the winning value of one field (insert or update: callers hold the write
    lock, so reading first and then writing is safe)."""
    where = (
        field_state.c.table_name == key[0],
        field_state.c.row_id == key[1],
        field_state.c.field == field,
    )
    values = {"value": value, "hlc": hlc, "device_id": device}
    if not conn.execute(field_state.update().where(*where).values(values)).rowcount:
        conn.execute(
            field_state.insert().values(table_name=key[0], row_id=key[1], field=field, **values)
        )


def office_field(conn: sa.Connection, clock: HybridLogicalClock, key: Key, field: str, value):
    """A field the office decides (a case's caseworker): newer than any laptop's write."""
    current = conn.execute(
        sa.select(field_state.c.hlc).where(
            field_state.c.table_name == key[0],
            field_state.c.row_id == key[1],
            field_state.c.field == field,
        )
    ).scalar()
    if current:
        clock.observe(Timestamp.decode(current))
    set_field(conn, key, field, json.dumps(value), clock.now().encode(), OFFICE)


def reappend(conn: sa.Connection, keys: Iterable[Key]) -> int:
    """Append the current value of every field of these rows to the log again (new seq,
    original HLC and device), so that readers whose cursor is past the originals get
    them. A laptop that already holds a value ignores the copy: its HLC is not newer."""
    ordered = sorted(set(keys), key=lambda k: (_TABLE_ORDER.get(k[0], 99), k))
    now, count = utcnow(), 0
    for part in chunks(ordered):
        rows = sorted(
            select_keys(conn, field_state, "field, value, hlc, device_id", part),
            key=lambda r: (_TABLE_ORDER.get(r[0], 99), r[1], r[2]),
        )
        insert_rows(
            conn,
            changes,
            [
                {
                    "change_id": uuid.uuid4().hex,
                    "table_name": table_name,
                    "row_id": row_id,
                    "field": field,
                    "value": value,
                    "hlc": hlc,
                    "device_id": device_id,
                    "user_id": OFFICE,
                    "received_at": now,
                }
                for table_name, row_id, field, value, hlc, device_id in rows
            ],
        )
        count += len(rows)
    return count
