"""A pull far behind the log's head, served as a snapshot: the current value of every field
of the user's cases (field_state), a page of whole cases at a time in case order, and then
the log from the snapshot's position on.

Walking the log instead re-read years of history: a team lead's first sync grew with the
square of the team's history (every page re-read all visible changes before the cursor and
sorted them). The snapshot's cost is the size of the caseload, whatever its age.

Why it is safe: the snapshot starts at head H. Every page shows the cases as they are when
it is read, at least as new as H; the log from H brings whatever changed since, again
(a laptop ignores a value whose clock is not newer). Before the first case, the user's
evictions and the purges between the laptop's cursor and H come (a laptop that was behind
must still drop what went away meanwhile; a page's evictions apply before its rows).

The position travels as a token: "H:e:SEQ" while those come, "H:c:CASE" for the cases
after CASE ("H:c:" at the start)."""

from __future__ import annotations

import re
from collections import Counter

import sqlalchemy as sa

from . import auth
from . import schema as s
from .auth import OfficeError, Principal
from .pull import Page, purge_notice, purges, user_evictions
from .sealing import Sealer, is_sealed

# A cursor further behind the head than this (and than the caseload's estimated size)
# gets a snapshot; nearer, the new part of the log is walked in `seq` order.
RECENT_WINDOW = 10_000
FIELDS_PER_CASE = 60  # field values of an average case (demo data: 55)
CASES_PER_QUERY = 50

TOKEN = re.compile(r"^(\d{1,18}):(e:\d{1,18}|c:(?:[0-9a-f]{32})?)$")
INVALID = (
    "Die Fortsetzung des Abgleichs ist ungültig; bitte den Abgleich neu beginnen "
    "(Laptop neu anmelden oder den Support fragen)."
)


def wanted(conn: sa.Connection, who: Principal, cursor: int, head: int) -> bool:
    """Whether this pull starts a snapshot: a caseworker or team lead (the coordinator's
    rows are few and span every case) whose cursor is further behind than both the recent
    window and the estimated size of their caseload."""
    if who.role not in ("caseworker", "team_lead") or head - cursor <= RECENT_WINDOW:
        return False
    cases = conn.execute(
        sa.select(sa.func.count()).select_from(s.cases).where(auth.visible_cases(who, s.cases))
    ).scalar()
    return head - cursor > cases * FIELDS_PER_CASE


def page(
    conn: sa.Connection,
    who: Principal,
    cursor: int,
    token: str | None,
    head: int,
    limit: int,
    now_ms: int,
    sealer: Sealer,
) -> Page:
    """One page of a snapshot (a new one when `token` is None), with the changes it carried
    per case (the access log)."""
    at, phase, position = _parse(token, cursor, head) if token else (head, "e", str(cursor))
    if phase == "e":
        evictions, notices, last = _departures(conn, who, int(position or cursor), at, limit)
        if last is not None:  # more of them than one page holds
            return Page([], cursor, True, now_ms, evictions, notices, f"{at}:e:{last}", Counter())
        changes, carried, after = _cases(conn, who, "", at, limit, sealer)
    else:
        evictions, notices = [], []
        changes, carried, after = _cases(conn, who, position, at, limit, sealer)
    if after is None:  # the snapshot is complete: the log from its head on
        return Page(changes, at, True, now_ms, evictions, notices, None, carried)
    return Page(changes, cursor, True, now_ms, evictions, notices, f"{at}:c:{after}", carried)


def _parse(token: str, cursor: int, head: int) -> tuple[int, str, str]:
    match = TOKEN.fullmatch(token)
    if not match or not cursor <= int(match[1]) <= head:
        raise OfficeError(INVALID, status=422, code="invalid_snapshot")
    phase, _sep, position = match[2].partition(":")
    return int(match[1]), phase, position


def _departures(conn, who: Principal, after: int, at: int, limit: int):
    """This user's evictions and everyone's purges in (after, at]: (evictions, purges, the
    seq to go on from if there are more than `limit`)."""
    found = conn.execute(user_evictions(who, after, at, limit)).all()
    found += conn.execute(purges(after, at, limit)).all()
    found.sort(key=lambda row: row[0])
    more = len(found) > limit
    found = found[:limit]
    evictions = [row[1] for row in found if len(row) == 2]
    notices = [purge_notice(row[1], row[2]) for row in found if len(row) == 3]
    return evictions, notices, found[-1][0] if more else None


def _cases(conn, who: Principal, after: str, at: int, limit: int, sealer: Sealer):
    """The field values of the user's next cases after `after`, whole cases until `limit`
    values, parents before children: (changes, values per case, the last case served or
    None when none are left). Plain driver SQL: SQLAlchemy's rows cost more than reading."""
    cases = s.cases
    changes: list[dict] = []
    carried: Counter = Counter()
    while len(changes) < limit:
        ids = list(
            conn.execute(
                sa.select(cases.c.case_id)
                .where(auth.visible_cases(who, cases), cases.c.case_id > after)
                .order_by(cases.c.case_id)
                .limit(CASES_PER_QUERY)
            ).scalars()
        )
        if not ids:
            return changes, carried, None
        by_case: dict[str, dict[str, list]] = {}
        for row in s.select_in(conn, _VALUES, ids):
            by_case.setdefault(row[0], {}).setdefault(row[1], []).append(row)
        for case_id in ids:
            tables = by_case.get(case_id, {})
            for table in sorted(tables, key=s.table_rank):
                for _case, _table, row_id, field, value, hlc, device_id in tables[table]:
                    if is_sealed(value):
                        value = sealer.open(table, row_id, field, value)
                    changes.append({"seq": at, "table": table, "row_id": row_id,
                                    "field": field, "value": value, "hlc": hlc,
                                    "device_id": device_id})  # fmt: skip
                carried[case_id] += len(tables[table])
            after = case_id
            if len(changes) >= limit:
                break
    return changes, carried, after


_VALUES = (
    "SELECT rc.case_id, fs.table_name, fs.row_id, fs.field, fs.value, fs.hlc, fs.device_id"
    " FROM row_case rc JOIN field_state fs"
    " ON fs.table_name = rc.table_name AND fs.row_id = rc.row_id WHERE rc.case_id IN"
)
