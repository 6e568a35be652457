"""The audit trail of a case file: who viewed, changed, printed or exported what.

Append-only and hash-chained, and the chain is **keyed**: each hash is an HMAC-SHA256 under a
key derived from the case file's data key, so nobody can delete an event and recompute the
rest without that key. Events go to the district office with every sync; the office keeps
them append-only with this device's acknowledged head (sequence number and hash). `verify`
and every sync compare the local chain with that head: a shortened, re-chained or rolled
back trail (an older backup copied over the file) is found.

Written through the caller's connection, so an event commits or rolls back with the change
it describes."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import UTC, datetime

import orjson
import sqlalchemy as sa

from ..domain import model as m
from ..domain.enums import AuditAction
from .orm import audit_event, audit_remote
from .rows import SQLITE_DATETIME

GENESIS_HASH = "0" * 64
CHAIN_STATE = "audit_chain"  # local_state: how the chain is hashed
KEYED = "hmac-sha256-v1"
ACKED_SEQ, ACKED_HASH = "audit_acked_seq", "audit_acked_hash"  # the office's head
_LAST_AUDIT_HASH = "SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1"
INSERT_AUDIT = (
    "INSERT INTO audit_event (id, at, user_id, device_id, action, entity, entity_id, detail,"
    " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def event_hash(prev_hash: str, body: dict[str, str], key: bytes | None) -> str:
    """The chain link of one event: HMAC under `key`, or (files before the keyed chain)
    plain SHA-256."""
    try:  # orjson: the same text as json's below, in a fraction of the time
        payload = orjson.dumps(body, option=orjson.OPT_SORT_KEYS).decode()
    except TypeError:  # a lone surrogate
        payload = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    message = f"{prev_hash}|{payload}".encode()
    if key is None:
        return hashlib.sha256(message).hexdigest()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def hash_body(row: dict) -> dict[str, str]:
    keys = ("id", "at", "user_id", "device_id", "action", "entity", "entity_id", "detail")
    return {k: row[k].isoformat() if isinstance(row[k], datetime) else str(row[k]) for k in keys}


def last_audit_hash(conn: sa.Connection) -> str:
    return conn.exec_driver_sql(_LAST_AUDIT_HASH).scalar() or GENESIS_HASH


def event_row(
    *,
    key: bytes,
    prev_hash: str,
    at: datetime,
    user_id: str,
    device_id: str,
    action: AuditAction,
    entity: str,
    entity_id: str,
    detail: str = "",
) -> tuple[tuple, str]:
    """One event linked after `prev_hash`: its row (INSERT_AUDIT) and its hash."""
    if at.tzinfo is not None:  # stored naive, in UTC, so the hash input round-trips
        at = at.astimezone(UTC).replace(tzinfo=None)
    event_id = m.new_id()
    body = hash_body(
        {
            "id": event_id,
            "at": at,
            "user_id": user_id,
            "device_id": device_id,
            "action": action.value,
            "entity": entity,
            "entity_id": entity_id,
            "detail": detail,
        }
    )  # what verify_chain hashes, from the same function
    new_hash = event_hash(prev_hash, body, key)
    row = (event_id, at.strftime(SQLITE_DATETIME), user_id, device_id, action.value, entity,
           entity_id, detail, prev_hash, new_hash)  # fmt: skip
    return row, new_hash


def append_audit(conn: sa.Connection, *, prev_hash: str | None = None, **event) -> str:
    """Append one event (the fields of `event_row`); returns its hash. `prev_hash` may be
    passed by a caller that holds the write lock and knows the head of the chain."""
    row, new_hash = event_row(prev_hash=prev_hash or last_audit_hash(conn), **event)
    conn.exec_driver_sql(INSERT_AUDIT, row)
    return new_hash


def _state(conn: sa.Connection, key: str) -> str | None:
    return conn.exec_driver_sql("SELECT value FROM local_state WHERE key = ?", (key,)).scalar()


def verify_chain(conn: sa.Connection, key: bytes) -> list[str]:
    """Problems of the chain (empty list: intact), also against the head the office
    acknowledged at the last sync (a shortened or re-chained trail)."""
    problems: list[str] = []
    prev_hash = GENESIS_HASH
    by_seq: dict[int, str] = {}
    for row in conn.execute(sa.select(audit_event).order_by(audit_event.c.seq)).mappings():
        if row["prev_hash"] != prev_hash:
            problems.append(f"Protokolleintrag {row['seq']}: Verkettung unterbrochen.")
        if event_hash(row["prev_hash"], hash_body(dict(row)), key) != row["hash"]:
            problems.append(f"Protokolleintrag {row['seq']}: Inhalt wurde verändert.")
        prev_hash = row["hash"]
        by_seq[row["seq"]] = row["hash"]
    acked = _state(conn, ACKED_SEQ)
    if acked and int(acked) > 0:
        seq = int(acked)
        if seq not in by_seq:
            problems.append(
                f"Protokoll: das Landratsamt hat {seq} Einträge bestätigt, hier fehlen welche "
                "(gekürzt oder eine ältere Sicherung zurückgespielt)."
            )
        elif by_seq[seq] != _state(conn, ACKED_HASH):
            problems.append(
                f"Protokoll: Eintrag {seq} weicht von dem ab, was das Landratsamt bestätigt hat."
            )
    return problems


def broken_links(rows, key: bytes, prev_hash: str) -> list[int]:
    """Sequence numbers of events (in order, after `prev_hash`) whose link does not hold."""
    broken = []
    for row in rows:
        body = hash_body(dict(row))
        if row["prev_hash"] != prev_hash or event_hash(prev_hash, body, key) != row["hash"]:
            broken.append(row["seq"])
        prev_hash = row["hash"]
    return broken


def key_the_chain(conn: sa.Connection, key: bytes) -> list[str]:
    """Files from before the keyed chain: check the old (unkeyed) chain, then link every
    event anew with the key. Returns what the old check found (kept in an event)."""
    if _state(conn, CHAIN_STATE) == KEYED:
        return []
    rows = [
        dict(r._mapping) for r in conn.execute(sa.select(audit_event).order_by(audit_event.c.seq))
    ]
    problems: list[str] = []
    prev_old, prev_new = GENESIS_HASH, GENESIS_HASH
    updates = []
    for row in rows:
        body = hash_body(row)
        if row["prev_hash"] != prev_old or event_hash(prev_old, body, None) != row["hash"]:
            problems.append(f"Protokolleintrag {row['seq']}")
        prev_old = row["hash"]
        new_hash = event_hash(prev_new, body, key)
        updates.append((prev_new, new_hash, row["seq"]))
        prev_new = new_hash
    if updates:
        conn.exec_driver_sql(
            "UPDATE audit_event SET prev_hash = ?, hash = ? WHERE seq = ?", updates
        )
    conn.exec_driver_sql(
        "INSERT INTO local_state (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (CHAIN_STATE, KEYED),
    )
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


def remote_events_for(conn: sa.Connection, entity_ids: set[str]) -> list[m.AuditEvent]:
    """Other people's events (synced from the office) about these rows; not part of this
    file's chain (seq 0, no hashes)."""
    query = sa.select(audit_remote).where(audit_remote.c.entity_id.in_(sorted(entity_ids)))
    events = []
    for row in conn.execute(query).mappings():
        try:
            action = AuditAction(row["action"])
            at = datetime.fromisoformat(row["at"])
        except ValueError:  # an action or time of a newer version: not shown
            continue
        events.append(
            m.AuditEvent(
                seq=0,
                id=row["id"],
                at=at,
                user_id=row["user_id"],
                device_id=row["device_id"],
                action=action,
                entity=row["entity"],
                entity_id=row["entity_id"],
                detail=row["detail"],
                prev_hash="",
                hash="",
            )
        )
    return events
