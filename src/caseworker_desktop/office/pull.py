"""Pull: the changes after a cursor that one user may see, with their evictions, in `seq`
order, from one snapshot (the store opens it)."""

from __future__ import annotations

import json

import sqlalchemy as sa

from ..sync.protocol import PullResponse
from . import auth
from . import schema as s
from .auth import Principal
from .sealing import Sealer, is_sealed


def pull_page(
    conn: sa.Connection, who: Principal, cursor: int, limit: int, now_ms: int, sealer: Sealer
) -> PullResponse:
    head = conn.execute(sa.select(sa.func.max(s.changes.c.seq))).scalar() or 0
    if cursor >= head:  # nothing new at all: one probe of the primary key
        return PullResponse(changes=[], next_cursor=cursor, more=False, server_time_ms=now_ms)
    rows: list[sa.Row] = []
    if auth.works_on_cases(who):
        rows = conn.execute(_visible_changes(who, cursor, head, limit)).all()
    rows += conn.execute(_evictions(who, cursor, head, limit)).all()  # (seq, case)
    rows += conn.execute(_purges(cursor, head, limit)).all()  # (seq, case, notice)
    rows.sort(key=lambda row: row[0])
    page = rows[:limit]
    more = len(rows) > limit
    # Told apart by their width (Row._fields per row was slow).
    return PullResponse.model_validate(
        {
            "changes": [_opened(r, sealer) for r in page if len(r) > 3],
            "evict_cases": [r[1] for r in page if len(r) == 2],
            "purges": [_purge(r[1], r[2]) for r in page if len(r) == 3],
            # Everything up to the head was looked at: move the cursor there even when the
            # last changes were not for this user, so the next empty pull is one probe.
            "next_cursor": page[-1][0] if more else head,
            "more": more,
            "server_time_ms": now_ms,
        }
    )


# A cursor at most this far behind the head walks the new part of the log in `seq` order
# and checks each change's case; further behind (a first sync), the database may start
# from the user's cases instead. Measured on SQLite with 100,000 changes: 100 new changes
# take 2 ms this way, against 9 ms (caseworker) and 56 ms (team lead) via the caseload.
RECENT_WINDOW = 10_000


_PULLED = ("seq", "table", "row_id", "field", "value", "hlc", "device_id")  # the columns of:


def _opened(row: sa.Row, sealer: Sealer) -> dict:
    change = dict(zip(_PULLED, row, strict=True))
    if is_sealed(change["value"]):
        change["value"] = sealer.open(row[1], row[2], row[3], change["value"])
    return change


def _visible_changes(who: Principal, cursor: int, head: int, limit: int) -> sa.Select:
    c = s.changes.c
    columns = (c.seq, c.table_name, c.row_id, c.field, c.value, c.hlc, c.device_id)
    in_visible_case = sa.and_(
        s.row_case.c.table_name == c.table_name,
        s.row_case.c.row_id == c.row_id,
        s.cases.c.case_id == s.row_case.c.case_id,
        auth.visible_cases(who, s.cases),
    )
    if who.role == "coordinator":
        # Every request for a slot or a place, whoever's case it is; no other case rows.
        coordinated = c.table_name.in_(sorted(auth.COORDINATED_TABLES))
        visible = sa.or_(coordinated, sa.exists().where(in_visible_case))
        query = sa.select(*columns).where(c.seq > cursor, c.seq <= head, visible)
    elif head - cursor <= RECENT_WINDOW:
        # A correlated EXISTS: the planner cannot start from the cases (SQLite would walk
        # the user's whole caseload even when none of it changed).
        visible = sa.exists().where(in_visible_case)
        query = sa.select(*columns).where(c.seq > cursor, c.seq <= head, visible)
    else:
        query = sa.select(*columns).where(c.seq > cursor, c.seq <= head, in_visible_case)
    return query.order_by(c.seq).limit(limit + 1)


def _purges(cursor: int, head: int, limit: int) -> sa.Select:
    """Deletions under the retention rules, for everyone (ids only: whoever holds the rows
    deletes them, everyone else has nothing to do)."""
    c = s.changes.c
    return (
        sa.select(c.seq, c.row_id, c.value)
        .where(c.table_name == s.PURGE_TABLE, c.seq > cursor, c.seq <= head)
        .order_by(c.seq)
        .limit(limit + 1)
    )


def _purge(case_id: str, value: str) -> dict:
    notice = json.loads(value)
    return {"case_id": case_id, "rows": notice.get("rows")}


def _evictions(who: Principal, cursor: int, head: int, limit: int) -> sa.Select:
    """This user's evictions, found by the (table_name, row_id, seq) index."""
    c = s.changes.c
    return (
        sa.select(c.seq, c.row_id)
        .where(
            c.table_name == s.EVICT_TABLE,
            c.seq > cursor,
            c.seq <= head,
            c.value == json.dumps(who.user_id),
        )
        .order_by(c.seq)
        .limit(limit + 1)
    )
