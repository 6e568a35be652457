"""Field-level change capture (the sync outbox) and the hash-chained audit log.

Both are written through the caller's connection, so they commit or roll back together
with the change they describe."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import UTC, datetime

import sqlalchemy as sa

from ..domain import model as m
from ..domain.codec import UNTRACKED_FIELDS, encode_value
from ..domain.enums import AuditAction
from .orm import audit_event, change_log

GENESIS_HASH = "0" * 64


def tracked_values(record: m.Record) -> dict[str, object]:
    return {
        f.name: getattr(record, f.name)
        for f in dataclasses.fields(record)
        if f.name not in UNTRACKED_FIELDS
    }


def diff(old: m.Record, new: m.Record) -> dict[str, object]:
    """Fields whose value differs between two versions of one record."""
    before, after = tracked_values(old), tracked_values(new)
    return {name: value for name, value in after.items() if before[name] != value}


_INSERT_CHANGE = (
    "INSERT INTO change_log"
    " (change_id, table_name, row_id, field, value, hlc, base_hlc, device_id, pushed)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)"
)
_FIELD_CLOCKS = "SELECT field, hlc FROM field_clock WHERE table_name = ? AND row_id = ?"
_SET_FIELD_CLOCK = (
    "INSERT INTO field_clock (table_name, row_id, field, hlc) VALUES (?, ?, ?, ?)"
    " ON CONFLICT (table_name, row_id, field) DO UPDATE SET hlc = excluded.hlc"
)


def field_clocks(conn: sa.Connection, table: str, row_id: str) -> dict[str, str]:
    return dict(conn.exec_driver_sql(_FIELD_CLOCKS, (table, row_id)).all())


def append_changes(
    conn: sa.Connection,
    record: m.Record,
    fields: dict[str, object],
    *,
    hlc: str,
    device_id: str,
) -> None:
    """Outbox rows for the changed fields, each with the HLC of the value the writer saw
    (its base: how the office tells an overwrite from a concurrent edit)."""
    if not fields:
        return
    bases = field_clocks(conn, record.table, record.id)
    # Hot path (every write): plain driver SQL, no statement compilation.
    conn.exec_driver_sql(
        _INSERT_CHANGE,
        [
            (
                m.new_id(),
                record.table,
                record.id,
                name,
                encode_value(value),
                hlc,
                bases.get(name),
                device_id,
            )
            for name, value in fields.items()
        ],
    )
    conn.exec_driver_sql(
        _SET_FIELD_CLOCK, [(record.table, record.id, name, hlc) for name in fields]
    )


def unsynced_count(conn: sa.Connection) -> int:
    """Changes not yet acknowledged by the district office (shown in the status bar)."""
    return conn.execute(
        sa.select(sa.func.count()).select_from(change_log).where(change_log.c.pushed.is_(False))
    ).scalar_one()


# --- audit -----------------------------------------------------------------------------


def _event_hash(prev_hash: str, body: dict[str, str]) -> str:
    payload = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(f"{prev_hash}|{payload}".encode()).hexdigest()


def _hash_body(row: dict) -> dict[str, str]:
    keys = ("id", "at", "user_id", "device_id", "action", "entity", "entity_id", "detail")
    return {k: row[k].isoformat() if isinstance(row[k], datetime) else str(row[k]) for k in keys}


_LAST_AUDIT_HASH = "SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1"
_INSERT_AUDIT = (
    "INSERT INTO audit_event (id, at, user_id, device_id, action, entity, entity_id, detail,"
    " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_SQLITE_DATETIME = "%Y-%m-%d %H:%M:%S.%f"  # how SQLAlchemy's DateTime stores it in SQLite


def last_audit_hash(conn: sa.Connection) -> str:
    return conn.exec_driver_sql(_LAST_AUDIT_HASH).scalar() or GENESIS_HASH


def append_audit(
    conn: sa.Connection,
    *,
    at: datetime,
    user_id: str,
    device_id: str,
    action: AuditAction,
    entity: str,
    entity_id: str,
    detail: str = "",
    prev_hash: str | None = None,
) -> str:
    """Append one event; returns its hash. `prev_hash` may be passed by a caller that holds
    the write lock and knows the head of the chain (saves a query per event)."""
    if at.tzinfo is not None:  # stored naive, in UTC, so the hash input round-trips
        at = at.astimezone(UTC).replace(tzinfo=None)
    row = {
        "id": m.new_id(),
        "at": at,
        "user_id": user_id,
        "device_id": device_id,
        "action": action.value,
        "entity": entity,
        "entity_id": entity_id,
        "detail": detail,
    }
    prev_hash = prev_hash or last_audit_hash(conn)
    new_hash = _event_hash(prev_hash, _hash_body(row))
    conn.exec_driver_sql(
        _INSERT_AUDIT,
        (
            row["id"],
            at.strftime(_SQLITE_DATETIME),
            user_id,
            device_id,
            action.value,
            entity,
            entity_id,
            detail,
            prev_hash,
            new_hash,
        ),
    )
    return new_hash


def verify_audit_chain(conn: sa.Connection) -> list[str]:
    """Problems found in the audit chain (empty list: intact)."""
    problems: list[str] = []
    prev_hash = GENESIS_HASH
    for row in conn.execute(sa.select(audit_event).order_by(audit_event.c.seq)).mappings():
        if row["prev_hash"] != prev_hash:
            problems.append(f"Protokolleintrag {row['seq']}: Verkettung unterbrochen.")
        if _event_hash(row["prev_hash"], _hash_body(dict(row))) != row["hash"]:
            problems.append(f"Protokolleintrag {row['seq']}: Inhalt wurde verändert.")
        prev_hash = row["hash"]
    return problems


def audit_events(conn: sa.Connection, entity: str | None = None, entity_id: str | None = None):
    query = sa.select(audit_event).order_by(audit_event.c.seq)
    if entity is not None:
        query = query.where(audit_event.c.entity == entity)
    if entity_id is not None:
        query = query.where(audit_event.c.entity_id == entity_id)
    return [
        m.AuditEvent(**{**row, "action": AuditAction(row["action"])})
        for row in conn.execute(query).mappings()
    ]


def audit_events_for(conn: sa.Connection, entity_ids: set[str]) -> list[m.AuditEvent]:
    query = (
        sa.select(audit_event)
        .where(audit_event.c.entity_id.in_(sorted(entity_ids)))
        .order_by(audit_event.c.seq)
    )
    return [
        m.AuditEvent(**{**row, "action": AuditAction(row["action"])})
        for row in conn.execute(query).mappings()
    ]
