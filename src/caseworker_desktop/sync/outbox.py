"""The laptop's outbox around a push (no Qt): what goes out, what the office refused, and
stamps that ran ahead of the office's clock.

- Refused changes go into the "nicht übernommen" list (refused_change) with the reason and
  the case reference. One the office handed over to the new caseworker of a reassigned
  case keeps no value here: it is with them, and the case leaves this laptop.
- A laptop whose clock ran ahead wrote stamps the office refuses. Once the clock is right
  again (against the office's), the unsent ones get new stamps in their order, and the
  clock restarts from the newest sane stamp: nothing typed is lost, nothing waits days."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime

import sqlalchemy as sa

from ..domain import model as m
from ..domain.codec import encode_value
from ..domain.hlc import WALL_DIGITS, HybridLogicalClock, Timestamp, wall_prefix
from ..storage import clocks, keyed
from ..storage.orm import table_of
from .protocol import Rejected

PUSH_BATCH = 2000
# Changes the office acknowledged are kept this long: after a restore from a recent backup
# they are sent again as they were (with the base each write saw). What is older is in
# every backup worth restoring, and if not, sent from the values this laptop holds.
KEEP_ACKNOWLEDGED_DAYS = 7
DAY_MS = 86_400_000
UNPUSHED = (
    "SELECT seq, change_id, table_name, row_id, field, value, hlc, base_hlc FROM change_log"
    " WHERE pushed = 0 AND seq > ? ORDER BY seq LIMIT ?"
)
MARK_PUSHED = "UPDATE change_log SET pushed = 1 WHERE seq = ?"
_REFUSED = (
    "INSERT INTO refused_change (refused_at, change_id, table_name, row_id, field, value,"
    " reason, handed_to, case_id, case_reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def whole_writes(rows: list) -> list:
    """A full batch must not end inside one write (the fields of one row with one HLC): the
    office places a row in its case by the row's link fields, which may come later in the
    same write. The cut-off write goes out whole with the next batch."""
    if len(rows) < PUSH_BATCH:
        return rows

    def write(r) -> tuple:
        return (r["table_name"], r["row_id"], r["hlc"])

    last = write(rows[-1])
    cut = next(i for i, r in enumerate(rows) if write(r) == last)
    # the rows before the last write's first: a prefix, so that the next batch starts
    # right after it (sync.client reads on from the last row sent)
    return rows[:cut] or rows  # one write larger than a batch: send it as it is


def record_refusals(
    conn: sa.Connection, sent: Mapping[str, Mapping], rejected: Iterable[Rejected]
) -> int:
    """Keep what the office refused, with why and where it went (in the transaction that
    marks the batch as sent)."""
    at = datetime.now(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
    rows, cases = [], {}
    for refusal in rejected:
        change = sent.get(refusal.change_id)
        if change is None:
            continue
        key = (change["table_name"], change["row_id"])
        if key not in cases:
            cases[key] = case_of(conn, *key)
        case_id, reference = cases[key]
        rows.append(
            (
                at,
                refusal.change_id,
                change["table_name"],
                change["row_id"],
                change["field"],
                None if refusal.handed_to else change["value"],
                refusal.reason[:1000],
                refusal.handed_to,
                case_id,
                reference,
            )
        )
    if rows:
        conn.exec_driver_sql(_REFUSED, rows)
    return len(rows)


# Rows that reach their case through a parent: (the field naming it, the parent's record).
_PARENT = {
    m.HelpPlanEntry: ("help_plan_id", m.HelpPlan),
    m.ConsentRecord: ("client_id", m.Client),
    m.DataMarker: ("client_id", m.Client),
}


def case_of(conn: sa.Connection, table: str, row_id: str) -> tuple[str | None, str]:
    """(case id, Aktenzeichen) of a local row, as far as this laptop knows it."""
    cls = m.BY_TABLE.get(table)
    cases = table_of(m.Case)
    clients = table_of(m.Client)
    case_id = None
    if cls is m.Case:
        case_id = row_id
    elif cls is not None and "case_id" in table_of(cls).c:
        t = table_of(cls)
        case_id = conn.execute(sa.select(t.c.case_id).where(t.c.id == row_id)).scalar()
    elif cls in _PARENT:
        field, parent = _PARENT[cls]
        t, p = table_of(cls), table_of(parent)
        parent_id = conn.execute(sa.select(t.c[field]).where(t.c.id == row_id)).scalar()
        if parent is m.HelpPlan:
            case_id = conn.execute(sa.select(p.c.case_id).where(p.c.id == parent_id)).scalar()
        else:
            case_id = _case_of_client(conn, parent_id)
    elif cls is m.Client:
        case_id = _case_of_client(conn, row_id)
    elif cls is m.Household:
        client = conn.execute(
            sa.select(clients.c.id).where(clients.c.household_id == row_id).limit(1)
        ).scalar()
        case_id = _case_of_client(conn, client)
    reference = ""
    if case_id:
        reference = (
            conn.execute(sa.select(cases.c.reference).where(cases.c.id == case_id)).scalar() or ""
        )
    return case_id, reference


def _case_of_client(conn: sa.Connection, client_id: str | None) -> str | None:
    if client_id is None:
        return None
    cases = table_of(m.Case)
    return conn.execute(
        sa.select(cases.c.id).where(cases.c.client_id == client_id).limit(1)
    ).scalar()


def stamped_ahead(conn: sa.Connection, hlc: HybridLogicalClock, limit_ms: int) -> bool:
    """Whether anything unsent (or the clock itself) is stamped after `limit_ms`."""
    if hlc.last.wall_ms > limit_ms:
        return True
    return (
        conn.exec_driver_sql(
            f"SELECT 1 FROM change_log WHERE pushed = 0 AND substr(hlc, 1, {WALL_DIGITS}) > ?"
            " LIMIT 1",
            (wall_prefix(limit_ms),),
        ).first()
        is not None
    )


def restamp_ahead(conn: sa.Connection, hlc: HybridLogicalClock, limit_ms: int) -> int:
    """Give every unsent change stamped after `limit_ms` a new stamp from a clock that
    restarts at the newest sane stamp of this file. Call only when this machine's clock is
    right again (else the new stamps run ahead too). Returns the number of stamps replaced."""
    prefix = wall_prefix(limit_ms)
    ahead = sorted(
        conn.exec_driver_sql(
            "SELECT DISTINCT hlc FROM change_log WHERE pushed = 0"
            f" AND substr(hlc, 1, {WALL_DIGITS}) > ?",
            (prefix,),
        ).scalars()
    )
    if not ahead and hlc.last.wall_ms <= limit_ms:
        return 0
    sane = clocks.newest_up_to(conn, prefix)
    start = Timestamp.decode(sane) if sane else Timestamp(0, 0, hlc.node)
    hlc.reset(Timestamp(start.wall_ms, start.counter, hlc.node))
    mapping = {old: hlc.now().encode() for old in ahead}
    if mapping:
        pairs = [(new, old) for old, new in mapping.items()]
        conn.exec_driver_sql("UPDATE change_log SET hlc = ? WHERE pushed = 0 AND hlc = ?", pairs)
        conn.exec_driver_sql(
            "UPDATE change_log SET base_hlc = ? WHERE pushed = 0 AND base_hlc = ?", pairs
        )
        clocks.remap(conn, mapping)
        for cls in m.SYNCABLE:
            _remap(conn, table_of(cls).name, ("id",), "updated_hlc", prefix, mapping)
    return len(mapping)


def _remap(conn, table: str, key: tuple[str, ...], column: str, prefix: str, mapping) -> None:
    rows = conn.exec_driver_sql(
        f"SELECT {', '.join(key)}, {column} FROM {table} WHERE substr({column}, 1, 15) > ?",
        (prefix,),
    ).all()
    where = " AND ".join(f"{k} = ?" for k in key)
    updates = [(mapping[r[-1]], *r[:-1]) for r in rows if r[-1] in mapping]
    if updates:
        conn.exec_driver_sql(f"UPDATE {table} SET {column} = ? WHERE {where}", updates)


def drop_acknowledged(conn: sa.Connection, now_ms: int) -> int:
    """Remove the acknowledged changes older than KEEP_ACKNOWLEDGED_DAYS (the change log
    was most of a caseworker's file: every change ever pushed). Returns how many."""
    cutoff = wall_prefix(now_ms - KEEP_ACKNOWLEDGED_DAYS * DAY_MS)
    return conn.exec_driver_sql(
        "DELETE FROM change_log WHERE pushed = 1 AND hlc < ?", (cutoff,)
    ).rowcount


def resend_all(conn: sa.Connection, node: str, device_id: str) -> int:
    """After an office restore: every change still in the log goes out again, and before
    them (parents before children: a case before its notes) every value written here
    whose change was dropped, written into the log anew from the value and clock the
    field holds (no base: whatever other text the office holds stays as a conflict, so
    nothing is lost). Returns the values written anew."""
    kept = conn.exec_driver_sql(
        "SELECT change_id, table_name, row_id, field, value, hlc, base_hlc, device_id"
        " FROM change_log ORDER BY seq"
    ).all()
    logged = {(r.table_name, r.row_id, r.field, r.hlc) for r in kept}
    wanted: dict[str, dict[str, dict[str, str]]] = {}  # table -> row -> field -> hlc
    for table, row_id, field, stamp in clocks.own(conn, node):
        if (table, row_id, field, stamp) not in logged and table in m.BY_TABLE:
            wanted.setdefault(table, {}).setdefault(row_id, {})[field] = stamp
    anew = []
    for cls in m.SYNCABLE:  # parents before children
        rows = wanted.get(cls.table)
        if not rows:
            continue
        t = table_of(cls)
        for chunk in keyed.chunks(sorted(rows)):
            for row in conn.execute(sa.select(t).where(t.c.id.in_(chunk))).mappings():
                for field, stamp in rows[row["id"]].items():
                    if field in row:
                        anew.append((m.new_id(), cls.table, row["id"], field,
                                     encode_value(row[field]), stamp, None, device_id))  # fmt: skip
    conn.exec_driver_sql("DELETE FROM change_log")
    conn.exec_driver_sql(
        "INSERT INTO change_log (change_id, table_name, row_id, field, value, hlc,"
        " base_hlc, device_id, pushed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)",
        anew + [tuple(r) for r in kept],
    )
    return len(anew)
