"""A first sync far behind the log's head (or one whose user has more than a page of new
changes), served as a snapshot: the current value of every field of the user's cases
(field_state), a page of whole cases at a time in case order, and then the log from the
snapshot's position on. `way` decides.

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

import orjson
import sqlalchemy as sa

from . import auth, keyed_sql
from . import schema as s
from .auth import OfficeError, Principal
from .pull import Page, purge_notice, purges, user_evictions
from .sealing import PREFIX as SEALED
from .sealing import Sealer

# A cursor further behind the head than this (and than the caseload's estimated size)
# gets a snapshot; nearer, the new part of the log is walked in `seq` order.
RECENT_WINDOW = 10_000
FIELDS_PER_CASE = 60  # field values of an average case (demo data: 55)
# A laptop that synced before is asked through its user's cases (see `way`): a day behind
# in a busy office is far behind the head, but the user's own part of it is small.
CASELOAD_FIRST = True
CASES_PER_QUERY = 50

TOKEN = re.compile(r"^(\d{1,18}):(e:\d{1,18}|c:(?:[0-9a-f]{32})?)$")
INVALID = (
    "Die Fortsetzung des Abgleichs ist ungültig; bitte den Abgleich neu beginnen "
    "(Laptop neu anmelden oder den Support fragen)."
)


def way(conn: sa.Connection, who: Principal, cursor: int, head: int, limit: int) -> str:
    """How a pull without a snapshot token is served:
    - "log": the log walked in `seq` order, near the head, or for the coordinator (whose
      rows are few and span every case), or when the caseload is so large that walking
      the distance to the head is cheaper than reading it;
    - "caseload": a laptop that synced before (a cursor) and is far behind: its user's
      changes found through their cases (pull.caseload_changes), when their share of
      the office's cases lets them expect no more than a page (it falls back to a
      snapshot if they are more);
    - "snapshot": the current values of the cases, for a first sync far behind, or when
      more than a page is to be expected."""
    if who.role not in ("caseworker", "team_lead") or head - cursor <= RECENT_WINDOW:
        return "log"
    cases = conn.execute(
        sa.select(sa.func.count()).select_from(s.cases).where(auth.visible_cases(who, s.cases))
    ).scalar()
    if head - cursor <= cases * FIELDS_PER_CASE:
        return "log"
    if cursor and CASELOAD_FIRST:
        everyone = conn.execute(sa.select(sa.func.count()).select_from(s.cases)).scalar()
        if (head - cursor) * cases <= limit * max(1, everyone):
            return "caseload"
    return "snapshot"


def page(
    conn: sa.Connection,
    who: Principal,
    cursor: int,
    token: str | None,
    head: int,
    limit: int,
    now_ms: int,
    sealer: Sealer,
    rows: bool = False,
) -> Page:
    """One page of a snapshot (a new one when `token` is None), with the values it carried
    per case (the access log); `rows`: the values in the rows form."""
    at, phase, position = _parse(token, cursor, head) if token else (head, "e", str(cursor))
    evictions: list[str] = []
    notices: list[dict] = []
    if phase == "e":
        evictions, notices, last = _departures(conn, who, int(position or cursor), at, limit)
        if last is not None:  # more of them than one page holds
            return Page([], cursor, True, now_ms, evictions, notices, f"{at}:e:{last}", Counter())
        position = ""
    served, carried, after = _cases(conn, who, position, at, limit, sealer, rows)
    token = None if after is None else f"{at}:c:{after}"
    page = Page([] if rows else served, cursor if token else at, True, now_ms, evictions,
                notices, token, carried)  # fmt: skip
    if rows:
        page.rows = served
    return page  # when complete (no token): the log from the snapshot's head on


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


def _cases(conn, who: Principal, after: str, at: int, limit: int, sealer: Sealer, rows: bool):
    """The field values of the user's next cases after `after`, whole cases until `limit`
    changes or, in the rows form, rows (some ten values each), parents before children:
    (the changes or rows; values per case; the last case served or None when none are
    left). Plain driver SQL: SQLAlchemy's rows cost more than reading."""
    cases = s.cases
    served: list = []
    carried: Counter = Counter()
    while len(served) < limit:
        ids = list(
            conn.execute(
                sa.select(cases.c.case_id)
                .where(auth.visible_cases(who, cases), cases.c.case_id > after)
                .order_by(cases.c.case_id)
                .limit(CASES_PER_QUERY)
            ).scalars()
        )
        if not ids:
            return served, carried, None
        if rows:
            by_case = _rows(keyed_sql.select_in(conn, _per_row(conn), ids), sealer)
        else:
            by_case = _changes(keyed_sql.select_in(conn, _VALUES, ids), at, sealer)
        for case_id in ids:
            tables = by_case.get(case_id, {})
            for table in sorted(tables, key=s.table_rank):
                served += tables[table]
                if rows:
                    carried[case_id] += sum(len(row[3]) for row in tables[table]) // 2
                else:
                    carried[case_id] += len(tables[table])
            after = case_id
            if len(served) >= limit:
                break
    return served, carried, after


def _changes(found, at: int, sealer: Sealer) -> dict[str, dict[str, list]]:
    """The values read, opened, by case and table, as changes (laptops that do not ask
    for the rows form)."""
    by_case: dict[str, dict[str, list]] = {}
    for case_id, table, row_id, field, value, stamp, device_id in found:
        if value.startswith(SEALED):
            value = sealer.open(table, row_id, field, value)
        change = {"seq": at, "table": table, "row_id": row_id, "field": field,
                  "value": value, "hlc": stamp, "device_id": device_id}  # fmt: skip
        by_case.setdefault(case_id, {}).setdefault(table, []).append(change)
    return by_case


def _rows(found, sealer: Sealer) -> dict[str, dict[str, list]]:
    """The rows read, opened, by case and table, in the rows form (sync/protocol.py
    SnapshotRow: [table, row id, clocks, [field, value, ...]], one clock for a row whose
    fields all have the same, as most rows written in one go). The database gathers each
    row's fields, values and clocks into one JSON text (_per_row): a row of the result
    per field value cost more than the values themselves."""
    by_case: dict[str, dict[str, list]] = {}
    for case_id, table, row_id, gathered in found:
        fields, values, stamps = orjson.loads(gathered)
        if not fields:
            continue  # a row without values (none yet)
        if _SEALED_IN_JSON in gathered:  # one search of the row's text, in C
            values = [
                sealer.open(table, row_id, f, v) if v.startswith(SEALED) else v
                for f, v in zip(fields, values, strict=True)
            ]
        flat = [item for pair in zip(fields, values, strict=True) for item in pair]
        if stamps.count(stamps[0]) == len(stamps):
            del stamps[1:]
        by_case.setdefault(case_id, {}).setdefault(table, []).append([table, row_id, stamps, flat])
    return by_case


_SEALED_IN_JSON = orjson.dumps(SEALED).decode()[1:-1]  # as it reads inside a JSON string


def _per_row(conn: sa.Connection) -> str:
    """Each row of the cases with its fields, values and clocks gathered by the database
    into one JSON text `[[fields], [values], [clocks]]` (the three in the same order)."""
    if conn.dialect.name == "postgresql":
        gather = "json_build_array(json_agg(fs.field), json_agg(fs.value), json_agg(fs.hlc))::text"
    else:
        gather = (
            "json_array(json_group_array(fs.field), json_group_array(fs.value),"
            " json_group_array(fs.hlc))"
        )
    return (
        f"SELECT rc.case_id, rc.table_name, rc.row_id, (SELECT {gather} FROM field_state fs"
        " WHERE fs.table_name = rc.table_name AND fs.row_id = rc.row_id)"
        " FROM row_case rc WHERE rc.case_id IN"
    )


_VALUES = (  # the changes form
    "SELECT rc.case_id, fs.table_name, fs.row_id, fs.field, fs.value, fs.hlc, fs.device_id"
    " FROM row_case rc JOIN field_state fs"
    " ON fs.table_name = rc.table_name AND fs.row_id = rc.row_id WHERE rc.case_id IN"
)
