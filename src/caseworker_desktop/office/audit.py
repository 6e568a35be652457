"""The devices' audit trails at the office: append-only, in the order of each device's chain.

The office cannot check a link's HMAC (the key is the case file's), but it keeps every
chain in order: an event must follow the device's head (next sequence number, previous hash
equal to the head's hash). A device that sends a different event under a sequence number
the office holds (a shortened, re-chained or rolled-back trail) is refused with
`audit_diverged`, and the office notes it. Laptops compare their own trail with the head in
every answer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from ..sync.protocol import AuditHead, AuditPage, AuditRecord, SyncedAuditEvent
from . import auth, keyed_sql
from . import schema as s
from .auth import OfficeError, Principal

GENESIS_HASH = "0" * 64
DIVERGED = (
    "Das Protokoll dieses Geräts passt nicht mehr zu dem, was das Landratsamt bereits hat "
    "(Eintrag {seq}): es wurde gekürzt, neu verkettet oder aus einer älteren Sicherung "
    "zurückgespielt. Das Landratsamt hat den Vorfall vermerkt; bitte die IT informieren."
)
GAP = "Im Protokoll fehlen Einträge vor Eintrag {seq}; bitte erneut abgleichen."
FOREIGN = "Protokolleinträge eines anderen Geräts werden nicht angenommen."


class AuditDiverged(OfficeError):
    """The device's trail differs from what the office holds (noted by the store)."""

    def __init__(self, seq: int):
        super().__init__(DIVERGED.format(seq=seq), status=409, code="audit_diverged")
        self.seq = seq


def head(conn: sa.Connection, device_id: str) -> AuditHead:
    row = conn.execute(
        sa.select(s.device_audit.c.seq, s.device_audit.c.hash)
        .where(s.device_audit.c.device_id == device_id)
        .order_by(s.device_audit.c.seq.desc())
        .limit(1)
    ).first()
    return AuditHead(seq=row.seq, hash=row.hash) if row else AuditHead(seq=0, hash=GENESIS_HASH)


def push(conn: sa.Connection, who: Principal, events: Sequence[AuditRecord]) -> AuditHead:
    """Append this device's events after its head; the same events again are fine."""
    current = head(conn, who.device_id)
    known = {}
    ordered = sorted(events, key=lambda e: e.seq)
    if ordered and ordered[0].seq <= current.seq:
        known = dict(
            conn.execute(
                sa.select(s.device_audit.c.seq, s.device_audit.c.hash).where(
                    s.device_audit.c.device_id == who.device_id,
                    s.device_audit.c.seq.between(ordered[0].seq, current.seq),
                )
            ).all()
        )
    rows, last_seq, last_hash = [], current.seq, current.hash
    received = s.utcnow()
    for event in ordered:
        if event.device_id != who.device_id:
            raise OfficeError(FOREIGN, status=422, code="invalid_request")
        if event.seq <= current.seq:
            if known.get(event.seq) != event.hash:
                raise AuditDiverged(event.seq)
            continue
        if event.seq != last_seq + 1:
            raise OfficeError(GAP.format(seq=event.seq), status=409, code="audit_gap")
        if event.prev_hash != last_hash:
            raise AuditDiverged(event.seq)
        rows.append(
            {
                "device_id": who.device_id,
                "seq": event.seq,
                "event_id": event.id,
                "at": event.at,
                "user_id": event.user_id,
                "action": event.action,
                "entity": event.entity,
                "entity_id": event.entity_id,
                "detail": event.detail,
                "prev_hash": event.prev_hash,
                "hash": event.hash,
                "pushed_by": who.user_id,
                "received_at": received,
            }
        )
        last_seq, last_hash = event.seq, event.hash
    keyed_sql.insert_rows(conn, s.device_audit, rows)
    return AuditHead(seq=last_seq, hash=last_hash)


def pull(conn: sa.Connection, who: Principal, cursor: int, limit: int) -> AuditPage:
    """Other devices' events about rows of the cases this user sees, in office order."""
    a, rc = s.device_audit.c, s.row_case.c
    query = (
        sa.select(
            a.id,
            a.event_id,
            a.at,
            a.user_id,
            a.device_id,
            a.action,
            a.entity,
            a.entity_id,
            a.detail,
        )
        .join(s.row_case, sa.and_(rc.table_name == a.entity, rc.row_id == a.entity_id))
        .join(s.cases, s.cases.c.case_id == rc.case_id)
        .where(a.id > cursor, a.device_id != who.device_id, auth.visible_cases(who, s.cases))
        .order_by(a.id)
        .limit(limit + 1)
    )
    rows = conn.execute(query).all() if auth.works_on_cases(who) else []
    more = len(rows) > limit
    rows = rows[:limit]
    newest = conn.execute(sa.select(sa.func.max(a.id))).scalar() or 0
    return AuditPage(
        events=[
            SyncedAuditEvent(
                cursor=r.id,
                id=r.event_id,
                at=r.at,
                user_id=r.user_id,
                device_id=r.device_id,
                action=r.action,
                entity=r.entity,
                entity_id=r.entity_id,
                detail=r.detail,
            )
            for r in rows
        ],
        next_cursor=rows[-1].id if more else max(newest, cursor),
        more=more,
    )


@dataclass(frozen=True)
class Listed:
    at: str
    user: str
    device_id: str
    action: str
    entity: str
    entity_id: str
    detail: str
    case_reference: str


def listing(
    conn: sa.Connection,
    *,
    case_reference: str | None = None,
    username: str | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
) -> list[Listed]:
    """Who saw or changed what (`caseworker-office audit`), oldest first."""
    a, rc = s.device_audit.c, s.row_case.c
    reference = (
        sa.select(s.field_state.c.row_id, s.field_state.c.value)
        .where(s.field_state.c.table_name == "case_file", s.field_state.c.field == "reference")
        .subquery()
    )
    query = (
        sa.select(
            a.at,
            s.users.c.username,
            s.users.c.display_name,
            a.user_id,
            a.device_id,
            a.action,
            a.entity,
            a.entity_id,
            a.detail,
            reference.c.value,
        )
        .select_from(s.device_audit)
        .outerjoin(s.users, s.users.c.id == a.pushed_by)
        .outerjoin(s.row_case, sa.and_(rc.table_name == a.entity, rc.row_id == a.entity_id))
        .outerjoin(reference, reference.c.row_id == rc.case_id)
        .order_by(a.at, a.id)
    )
    if case_reference:
        case_ids = [
            row_id
            for row_id, value in conn.execute(sa.select(reference))
            if value == f'"{case_reference}"'
        ]
        if not case_ids:
            raise OfficeError(f"Keine Akte mit dem Aktenzeichen {case_reference}.")
        query = query.where(rc.case_id.in_(case_ids))
    if username:
        user = conn.execute(sa.select(s.users.c.id).where(s.users.c.username == username)).scalar()
        if user is None:
            raise OfficeError(f"Den Benutzer „{username}“ gibt es nicht.")
        query = query.where(a.pushed_by == user)
    if start:
        query = query.where(a.at >= start.isoformat())
    if end:
        query = query.where(a.at < end.isoformat())
    return [
        Listed(
            at=r.at,
            user=f"{r.display_name} ({r.username})" if r.username else r.user_id,
            device_id=r.device_id,
            action=r.action,
            entity=r.entity,
            entity_id=r.entity_id,
            detail=r.detail,
            case_reference=(r.value or "").strip('"'),
        )
        for r in conn.execute(query)
    ]
