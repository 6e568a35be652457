"""Who received what (GDPR Art. 15(1)(c)): per day, which device pushed or pulled how many
changes of which case. Ids and counts only, never content; written after every push and
every pull that carried changes. `caseworker-office access-log --case` reads it, and the
access export names the recipients from it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa

from . import keyed_sql
from . import schema as s
from .auth import Principal
from .schema import Key

PUSH, PULL = "push", "pull"


def cases_of(conn: sa.Connection, keys: Iterable[Key]) -> Counter:
    """How many of these rows' changes each case had."""
    keys = list(keys)
    found = {
        (t, r): case for t, r, case in keyed_sql.select_keys(conn, s.row_case, "case_id", set(keys))
    }
    return Counter(found[k] for k in keys if k in found)


def record(conn: sa.Connection, who: Principal, direction: str, counts: Counter) -> None:
    """One upsert for all cases of a request (ON CONFLICT: needs no office-wide lock, so
    a pull records what it carried without waiting for the pushes). Plain driver SQL: the
    SQLAlchemy statement with a VALUES list of varying length was compiled on every call
    (1.8 ms of every push and pull in bench/load.py)."""
    if not counts:
        return
    now = s.utcnow()
    day: object = now.date()
    at: object = now
    if conn.dialect.name == "sqlite":  # stored as SQLAlchemy stores them there
        day, at = now.date().isoformat(), keyed_sql.sqlite_time(now)
    keyed_sql.execute_many(
        conn,
        _UPSERT,
        [(day, who.device_id, case_id, direction, who.user_id, changes, at, at)
         for case_id, changes in sorted(counts.items())],
    )  # fmt: skip


_UPSERT = (
    "INSERT INTO case_access (day, device_id, case_id, direction, user_id, changes, first_at,"
    " last_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (day, device_id, case_id, direction)"
    " DO UPDATE SET changes = case_access.changes + excluded.changes,"
    " last_at = excluded.last_at"
)


@dataclass(frozen=True)
class Access:
    day: date
    device_id: str
    device_name: str
    username: str
    display_name: str
    direction: str
    changes: int
    first_at: datetime
    last_at: datetime


def log(conn: sa.Connection, case_id: str) -> list[Access]:
    a, d, u = s.case_access, s.devices, s.users
    rows = conn.execute(
        sa.select(a, d.c.name, u.c.username, u.c.display_name)
        .join(u, u.c.id == a.c.user_id)
        .outerjoin(d, d.c.id == a.c.device_id)
        .where(a.c.case_id == case_id)
        .order_by(a.c.day, a.c.first_at)
    ).all()
    return [
        Access(r.day, r.device_id, r.name or "", r.username, r.display_name, r.direction,
               r.changes, r.first_at, r.last_at)
        for r in rows
    ]  # fmt: skip
