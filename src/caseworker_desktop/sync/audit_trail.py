"""The audit trail in sync (no Qt): this laptop's events go to the office, which keeps them
append-only and answers with its head; other people's events about this laptop's cases come
back for the case history.

Every sync compares the local trail with the office's head. A trail that was shortened,
linked anew or rolled back (an older backup copied over the file) no longer contains the
head's event: the sync reports it (the office has noted it too) and goes on with the data,
which is not what was tampered with."""

from __future__ import annotations

import sqlalchemy as sa

from ..storage.audit import ACKED_HASH, ACKED_SEQ, GENESIS_HASH, broken_links, hash_body
from ..storage.casefile import CaseFile
from ..storage.orm import audit_event
from .protocol import MAX_AUDIT_EVENTS, MAX_PULL_LIMIT, AuditHead, AuditPush
from .transport import AuditDivergedError, Transport

SHORTER = (
    "Das Protokoll dieses Geräts ist kürzer als das, was das Landratsamt bereits hat "
    "(dort {office} Einträge, hier {local}): es wurde gekürzt oder aus einer älteren "
    "Sicherung zurückgespielt. Bitte die IT informieren."
)
BROKEN = (
    "Das Protokoll dieses Geräts wurde verändert (Eintrag {seq} passt nicht zum Schlüssel "
    "der Falldatei). Es geht trotzdem an das Landratsamt, das den Vorfall so sieht; bitte "
    "die IT informieren."
)
DIFFERENT = (
    "Eintrag {seq} des Protokolls weicht von dem ab, was das Landratsamt bereits hat: das "
    "Protokoll wurde verändert. Bitte die IT informieren."
)
_SET_STATE = (
    "INSERT INTO local_state (key, value) VALUES (?, ?)"
    " ON CONFLICT (key) DO UPDATE SET value = excluded.value"
)
_REMOTE = (
    "INSERT INTO audit_remote (id, cursor, at, user_id, device_id, action, entity, entity_id,"
    " detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"
)


def push_trail(case_file: CaseFile, transport: Transport) -> tuple[int, str | None]:
    """(events sent, a German finding or None)."""
    engine, sent, finding = case_file.engine, 0, None
    while True:
        with engine.connect() as conn:
            acked = int(case_file.state(conn, ACKED_SEQ) or 0)
            acked_hash = case_file.state(conn, ACKED_HASH) or GENESIS_HASH
            rows = (
                conn.execute(
                    sa.select(audit_event)
                    .where(audit_event.c.seq > acked)
                    .order_by(audit_event.c.seq)
                    .limit(MAX_AUDIT_EVENTS)
                )
                .mappings()
                .all()
            )
        broken = broken_links(rows, case_file.audit_key, acked_hash)
        if broken and finding is None:  # sent all the same: the office keeps the evidence
            finding = BROKEN.format(seq=broken[0])
        events = [{**hash_body(dict(r)), "seq": r["seq"], "prev_hash": r["prev_hash"],
                   "hash": r["hash"]} for r in rows]  # fmt: skip
        try:
            head = transport.push_audit(AuditPush.model_validate({"events": events}))
        except AuditDivergedError as exc:
            return sent, str(exc)
        sent += len(events)
        problem = _compare(case_file, head)
        if problem:
            return sent, problem
        with engine.begin() as conn:
            conn.exec_driver_sql(_SET_STATE, [(ACKED_SEQ, str(head.seq)),
                                              (ACKED_HASH, head.hash)])  # fmt: skip
        if len(rows) < MAX_AUDIT_EVENTS:
            return sent, finding


def _compare(case_file: CaseFile, head: AuditHead) -> str | None:
    if head.seq == 0:
        return None
    with case_file.engine.connect() as conn:
        local = conn.execute(
            sa.select(audit_event.c.hash).where(audit_event.c.seq == head.seq)
        ).scalar()
        count = conn.execute(sa.select(sa.func.max(audit_event.c.seq))).scalar() or 0
    if local is None:
        return SHORTER.format(office=head.seq, local=count)
    if local != head.hash:
        return DIFFERENT.format(seq=head.seq)
    return None


def pull_trail(case_file: CaseFile, transport: Transport) -> int:
    """Other people's events about this laptop's cases; returns how many arrived."""
    engine, received = case_file.engine, 0
    with engine.connect() as conn:
        cursor = int(case_file.state(conn, "audit_cursor") or 0)
    while True:
        page = transport.pull_audit(cursor, MAX_PULL_LIMIT)
        with engine.begin() as conn:
            if page.events:
                conn.exec_driver_sql(
                    _REMOTE,
                    [
                        (
                            e.id,
                            e.cursor,
                            e.at,
                            e.user_id,
                            e.device_id,
                            e.action,
                            e.entity,
                            e.entity_id,
                            e.detail,
                        )
                        for e in page.events
                    ],
                )
            conn.exec_driver_sql(_SET_STATE, ("audit_cursor", str(page.next_cursor)))
        received += len(page.events)
        cursor = page.next_cursor
        if not page.more:
            return received
