"""Pull: the changes after a cursor that one user may see, with their evictions, in `seq`
order, from one database snapshot (the store opens it). Near the head the log is walked;
far behind it they are found through the user's cases, or a snapshot of the current
values comes instead (office/snapshot.py `way`)."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

import orjson
import sqlalchemy as sa

from ..sync.protocol import PullResponse
from . import auth, keyed_sql
from . import schema as s
from .auth import Principal
from .sealing import Sealer, is_sealed


@dataclass
class Page:
    """A page of a pull as the office reads it, before it is JSON: the API sends it as it
    is (validating 5,000 changes into models again cost more than reading them)."""

    changes: list[dict]
    next_cursor: int
    more: bool
    server_time_ms: int
    evict_cases: list[str]
    purges: list[dict]
    snapshot: str | None = None
    carried: Counter | None = None  # changes per case, where the query knew the case
    rows: list[list] | None = None  # a snapshot's values in the rows form, if asked for

    @property
    def values(self) -> int:
        """The field values the page carries, in either form."""
        if self.rows is None:
            return len(self.changes)
        return sum(len(row[3]) for row in self.rows) // 2

    def json(self) -> bytes:
        body = {
            "changes": self.changes,
            "evict_cases": self.evict_cases,
            "purges": self.purges,
            "next_cursor": self.next_cursor,
            "more": self.more,
            "server_time_ms": self.server_time_ms,
            "snapshot": self.snapshot,
        }
        if self.rows is not None:
            body["rows"] = self.rows
        return orjson.dumps(body)

    def response(self) -> PullResponse:
        return PullResponse.model_validate_json(self.json())


def head_seq(conn: sa.Connection) -> int:
    return conn.execute(sa.select(sa.func.max(s.changes.c.seq))).scalar() or 0


def pull_page(
    conn: sa.Connection,
    who: Principal,
    cursor: int,
    limit: int,
    now_ms: int,
    sealer: Sealer,
    head: int,
    found: tuple[list[tuple], dict[tuple[str, str], str]] | None = None,
    skip_own: bool = False,
) -> Page:
    """The next page of the log after `cursor` for this user, walked in `seq` order, or
    made of the changes `found` through the user's cases (caseload_changes). `skip_own`:
    without the changes this device pushed (`own_left_out`)."""
    if cursor >= head:  # nothing new at all: one probe of the primary key
        return Page([], cursor, False, now_ms, [], [])
    rows: list = []
    case_of: dict[tuple[str, str], str] | None = None
    if found is not None:
        rows, case_of = list(found[0]), found[1]
    elif auth.works_on_cases(who):
        rows = conn.execute(_visible_changes(who, cursor, head, limit, skip_own)).all()
    rows += conn.execute(user_evictions(who, cursor, head, limit)).all()  # (seq, case)
    rows += conn.execute(purges(cursor, head, limit)).all()  # (seq, case, notice)
    rows.sort(key=lambda row: row[0])
    page = rows[:limit]
    more = len(rows) > limit
    # Told apart by their width (Row._fields per row was slow).
    changes = [r for r in page if len(r) > 3]
    return Page(
        changes=[_opened(r, sealer) for r in changes],
        evict_cases=[r[1] for r in page if len(r) == 2],
        purges=[purge_notice(r[1], r[2]) for r in page if len(r) == 3],
        # Everything up to the head was looked at: move the cursor there even when the
        # last changes were not for this user, so the next empty pull is one probe.
        next_cursor=page[-1][0] if more else head,
        more=more,
        server_time_ms=now_ms,
        carried=None if case_of is None else Counter(case_of[(r[1], r[2])] for r in changes),
    )


def caseload_changes(
    conn: sa.Connection, who: Principal, cursor: int, head: int, limit: int, skip_own: bool
) -> tuple[list[tuple], dict[tuple[str, str], str]] | None:
    """The same changes as the log walk (`_visible_changes`: those after `cursor` whose
    rows are in a case this user sees), found from the other end: the user's cases, their
    rows (row_case), each row's changes after the cursor (the index of `changes` by row
    and seq). Its cost is the size of the caseload, not the distance to the head: in a
    busy office a laptop a day behind is hundreds of thousands of changes behind, of which
    a few dozen are its user's. Returns (all of them in `seq` order, the case of every
    row), or None as soon as they are more than `limit`: then a snapshot of the current
    values serves the laptop better than pages of the log. Not for the coordinator, who
    sees rows in every case."""
    case_of = {
        (table, row_id): case_id for table, row_id, case_id in conn.execute(caseload_rows(who))
    }
    found: list[tuple] = []
    own = who.device_id if skip_own else None
    for row in _row_changes(conn, case_of, cursor, head, limit, own):
        found.append(row)
        if len(found) > limit:
            return None
    found.sort(key=lambda row: row[0])
    return found, case_of


def caseload_rows(who: Principal) -> sa.Select:
    """(table, row id, case id) of every row in the cases this user sees: the cases by
    their caseworker or team, their rows by row_case's index of cases."""
    rc, cases = s.row_case, s.cases
    return (
        sa.select(rc.c.table_name, rc.c.row_id, rc.c.case_id)
        .join(cases, cases.c.case_id == rc.c.case_id)
        .where(auth.visible_cases(who, cases))
    )


def _row_changes(
    conn: sa.Connection, keys, cursor: int, head: int, limit: int, own: str | None = None
):
    """The changes in (cursor, head] of these rows, by ix_changes_row (table_name, row_id,
    seq), as the log walk reads them (seq first); without those device `own` pushed (the
    rule of `own_left_out`, written here in the driver SQL that select_keys takes)."""
    where, params = "seq > ? AND seq <= ?", (cursor, head)
    if own is not None:
        where, params = where + " AND (device_id != ? OR user_id = ?)", (*params, own, s.OFFICE)
    for table, row_id, seq, *rest in keyed_sql.select_keys(
        conn, s.changes, "seq, field, value, hlc, device_id", keys,
        where, params, f"LIMIT {int(limit) + 1}",
    ):  # fmt: skip
        yield (seq, table, row_id, *rest)


def own_left_out(who: Principal):
    """The changes this device pushed are left out of its pulls when it asks (a laptop
    that holds everything it pushed: sync.client): it has them, and they were half of
    what a caseworker's sync received. What the office wrote with a device's stamp stays
    in (schema.reappend's copies, user OFFICE), and so do other devices' changes."""
    c = s.changes.c
    return sa.or_(c.device_id != who.device_id, c.user_id == s.OFFICE)


_PULLED = ("seq", "table", "row_id", "field", "value", "hlc", "device_id")  # the columns of:


def _opened(row: sa.Row, sealer: Sealer) -> dict:
    change = dict(zip(_PULLED, row, strict=True))
    if is_sealed(change["value"]):
        change["value"] = sealer.open(row[1], row[2], row[3], change["value"])
    return change


def _visible_changes(
    who: Principal, cursor: int, head: int, limit: int, skip_own: bool = False
) -> sa.Select:
    """The new part of the log in `seq` order, each change checked against its case by a
    correlated scalar subquery (two primary-key look-ups). Neither database may turn it
    into a join that starts from the caseload: PostgreSQL did so with EXISTS a few
    thousand changes behind and scanned all of row_case (45-71 ms at 5-10 million)."""
    c, rc, cases = s.changes.c, s.row_case, s.cases
    visible = (
        sa.select(rc.c.case_id)
        .join(cases, cases.c.case_id == rc.c.case_id)
        .where(rc.c.table_name == c.table_name, rc.c.row_id == c.row_id)
        .where(auth.visible_cases(who, cases))
        .scalar_subquery()
        .is_not(None)
    )
    if who.role == "coordinator":
        # Every request for a slot or a place, whoever's case it is; no other case rows.
        visible = sa.or_(c.table_name.in_(sorted(auth.COORDINATED_TABLES)), visible)
    columns = (c.seq, c.table_name, c.row_id, c.field, c.value, c.hlc, c.device_id)
    query = sa.select(*columns).where(c.seq > cursor, c.seq <= head, visible)
    if skip_own:
        query = query.where(own_left_out(who))
    return query.order_by(c.seq).limit(limit + 1)


def purges(cursor: int, head: int, limit: int) -> sa.Select:
    """Deletions under the retention rules, for everyone (ids only: whoever holds the rows
    deletes them, everyone else has nothing to do)."""
    c = s.changes.c
    return (
        sa.select(c.seq, c.row_id, c.value)
        .where(c.table_name == s.PURGE_TABLE, c.seq > cursor, c.seq <= head)
        .order_by(c.seq)
        .limit(limit + 1)
    )


def purge_notice(case_id: str, value: str) -> dict:
    notice = json.loads(value)
    return {"case_id": case_id, "rows": notice.get("rows")}


def user_evictions(who: Principal, cursor: int, head: int, limit: int) -> sa.Select:
    """This user's evictions, by the partial index of evictions (ix_changes_evict): the
    table name is written as a literal so that both databases know it applies."""
    c = s.changes.c
    return (
        sa.select(c.seq, c.row_id)
        .where(
            c.table_name == sa.literal_column(f"'{s.EVICT_TABLE}'"),
            c.value == json.dumps(who.user_id),
            c.seq > cursor,
            c.seq <= head,
        )
        .order_by(c.seq)
        .limit(limit + 1)
    )
