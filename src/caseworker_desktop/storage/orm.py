"""Table definitions. Syncable tables are derived from the domain dataclasses (one source of
truth for field names and types); the Alembic migrations freeze each version of them."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from enum import StrEnum

import sqlalchemy as sa

from ..domain import model as m
from ..domain.codec import field_type


class EnumText(sa.types.TypeDecorator):
    """A StrEnum stored as its value (a short string), returned as the enum member."""

    impl = sa.String(32)
    cache_ok = True

    def __init__(self, enum_type: type[StrEnum]):
        super().__init__()
        self.enum_type = enum_type

    def process_bind_param(self, value, dialect):
        return None if value is None else self.enum_type(value).value

    def process_result_value(self, value, dialect):
        return None if value is None else self.enum_type(value)


metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_name)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def _column_type(py_type: type) -> sa.types.TypeEngine:
    if isinstance(py_type, type) and issubclass(py_type, StrEnum):
        return EnumText(py_type)
    return {
        str: sa.Text(),
        bool: sa.Boolean(),
        int: sa.Integer(),
        date: sa.Date(),
        datetime: sa.DateTime(),
    }[py_type]


# Columns that lead an index of several columns (below): no index of their own.
_LEADING = {("contact_note", "case_id")}


def _table_for(cls: type[m.Record]) -> sa.Table:
    columns: list[sa.Column] = []
    for f in dataclasses.fields(cls):
        py_type, nullable = field_type(cls, f.name)
        col_type = _column_type(py_type)
        if f.name == "id":
            columns.append(sa.Column("id", sa.String(32), primary_key=True))
            continue
        index = f.name.endswith("_id") and (cls.table, f.name) not in _LEADING
        columns.append(sa.Column(f.name, col_type, nullable=nullable, index=index))
    return sa.Table(cls.table, metadata, *columns)


RECORD_TABLES: dict[type[m.Record], sa.Table] = {cls: _table_for(cls) for cls in m.SYNCABLE}

# Caseload overview: last contact per case without scanning all notes.
sa.Index(
    "ix_contact_note_case_contact",
    RECORD_TABLES[m.ContactNote].c.case_id,
    RECORD_TABLES[m.ContactNote].c.contact_on,
)

# Outbox of field-level changes, written in the same transaction as the change itself.
change_log = sa.Table(
    "change_log",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("change_id", sa.String(32), nullable=False, unique=True),
    sa.Column("table_name", sa.String(40), nullable=False),
    sa.Column("row_id", sa.String(32), nullable=False),
    sa.Column("field", sa.String(64), nullable=False),
    sa.Column("value", sa.Text, nullable=True),  # JSON
    sa.Column("hlc", sa.String(64), nullable=False),
    sa.Column("base_hlc", sa.String(64), nullable=True),  # what the writer had seen
    sa.Column("device_id", sa.String(32), nullable=False),
    sa.Column("pushed", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Index("ix_change_log_pushed_seq", "pushed", "seq"),
    sa.Index("ix_change_log_row", "table_name", "row_id"),
)

audit_event = sa.Table(
    "audit_event",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("id", sa.String(32), nullable=False, unique=True),
    sa.Column("at", sa.DateTime, nullable=False),
    sa.Column("user_id", sa.String(32), nullable=False),
    sa.Column("device_id", sa.String(32), nullable=False),
    sa.Column("action", sa.String(32), nullable=False),
    sa.Column("entity", sa.String(40), nullable=False),
    sa.Column("entity_id", sa.String(32), nullable=False),
    sa.Column("detail", sa.Text, nullable=False),
    sa.Column("prev_hash", sa.String(64), nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
    sa.Index("ix_audit_event_entity", "entity", "entity_id"),
)

# The HLC of the value each field holds here, one row per record (storage/clocks.py), and
# whether the row is known at the office (sent and acknowledged, or pulled from there).
row_clock = sa.Table(
    "row_clock",
    metadata,
    sa.Column("table_name", sa.String(40), primary_key=True),
    sa.Column("row_id", sa.String(32), primary_key=True),
    sa.Column("clocks", sa.Text, nullable=False),
    sa.Column("sent", sa.Boolean, nullable=False, server_default=sa.false()),
    sqlite_with_rowid=False,
)

# Pulled fields of rows that are not complete yet (a page may end inside a new row).
sync_pending = sa.Table(
    "sync_pending",
    metadata,
    sa.Column("table_name", sa.String(40), primary_key=True),
    sa.Column("row_id", sa.String(32), primary_key=True),
    sa.Column("field", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=True),
    sa.Column("hlc", sa.String(64), nullable=False),
)

# Changes the office refused (the "nicht übernommen" list): why, and what became of them.
# A change handed over to the new caseworker of a reassigned case keeps no value here.
refused_change = sa.Table(
    "refused_change",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("refused_at", sa.DateTime, nullable=False),
    sa.Column("change_id", sa.String(32), nullable=False),
    sa.Column("table_name", sa.String(40), nullable=False),
    sa.Column("row_id", sa.String(32), nullable=False),
    sa.Column("field", sa.String(64), nullable=False),
    sa.Column("value", sa.Text, nullable=True),  # JSON; None once handed over or evicted
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("handed_to", sa.String(32), nullable=True),
    sa.Column("case_id", sa.String(32), nullable=True),
    sa.Column("case_reference", sa.Text, nullable=False),
)

# Pulled values this laptop cannot hold (a poison pill): kept aside and reported, the rest
# of the page applies.
sync_quarantine = sa.Table(
    "sync_quarantine",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("received_at", sa.DateTime, nullable=False),
    sa.Column("table_name", sa.Text, nullable=False),
    sa.Column("row_id", sa.Text, nullable=False),
    sa.Column("field", sa.Text, nullable=False),
    sa.Column("value", sa.Text, nullable=False),
    sa.Column("hlc", sa.Text, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
)

# Other people's audit events about rows of this laptop's cases, as the office sends them
# (the case history shows them beside this laptop's own trail). Not part of the own chain.
audit_remote = sa.Table(
    "audit_remote",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("cursor", sa.Integer, nullable=False),
    sa.Column("at", sa.Text, nullable=False),
    sa.Column("user_id", sa.String(32), nullable=False),
    sa.Column("device_id", sa.String(32), nullable=False),
    sa.Column("action", sa.String(40), nullable=False),
    sa.Column("entity", sa.String(40), nullable=False),
    sa.Column("entity_id", sa.String(32), nullable=False),
    sa.Column("detail", sa.Text, nullable=False),
    sa.Index("ix_audit_remote_entity_id", "entity_id"),
)

# Document content (the records are `document` rows), once per content hash, in chunks of
# domain.documents.CHUNK_SIZE: inside the encrypted file like everything else. `complete`
# once every chunk is here and the hash checked; a download in progress has some chunks.
document_blob = sa.Table(
    "document_blob",
    metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("complete", sa.Boolean, nullable=False),
)
document_chunk = sa.Table(
    "document_chunk",
    metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("idx", sa.Integer, primary_key=True),
    sa.Column("data", sa.LargeBinary, nullable=False),
)
# Documents attached here whose content the office does not hold yet.
document_upload = sa.Table(
    "document_upload",
    metadata,
    sa.Column("document_id", sa.String(32), primary_key=True),
)

# Small key/value store for this file: local user, device, last HLC, sync cursor.
local_state = sa.Table(
    "local_state",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)


def table_of(cls: type[m.Record]) -> sa.Table:
    return RECORD_TABLES[cls]
