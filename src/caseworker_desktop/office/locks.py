"""Who waits for whom when the office writes on PostgreSQL (transaction-level advisory
locks, released at commit or rollback).

- OFFICE: every push holds it shared, every other write (administration, retention,
  enrolment, reassignment) exclusively: those never run beside a push.
- A lock per case and one per user: a push holds those of the cases it writes and of its
  user (parked rows, the user's own consultations, the same device twice), so pushes of
  different cases merge at the same time and pushes of one case one after the other.
- SEQUENCER: held from a push's first entry in the log to its commit. The log's `seq` is
  then the commit order, and a pull cursor never passes a change that becomes visible
  later (the rule the office-wide lock kept before, now only for the last milliseconds of
  a push instead of all of it).
- AUDIT: the audit trail's own order (its pull cursor), beside the pushes.

Always in this order (OFFICE, cases and user sorted, SEQUENCER), so no two pushes wait for
each other in a circle. The cases of a push are known for sure only once it is checked;
they are guessed before (the rows' stored cases, the cases the rows name), and a push that
turns out to touch another case starts again with that one locked too."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

import sqlalchemy as sa

from ..sync.protocol import Change
from . import keyed_sql
from . import schema as s
from .scoping import LINK, ref

OFFICE = 0x0FF1CE
SEQUENCER = 0x0FF1CF
AUDIT = 0x0FF1D0
ATTEMPTS = 3  # then the push takes the office-wide lock, as every push did before


class MoreCases(Exception):
    """The push touches cases it did not lock: roll back, lock them too, start again."""


def key(name: str) -> int:
    """The advisory lock key of a case or user id (a signed 64-bit hash)."""
    return int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), "big",
                          signed=True)  # fmt: skip


def take_office(conn: sa.Connection, exclusive: bool) -> None:
    function = sa.func.pg_advisory_xact_lock if exclusive else sa.func.pg_advisory_xact_lock_shared
    conn.execute(sa.select(function(OFFICE)))


def take(conn: sa.Connection, names: Iterable[str]) -> None:
    """The locks of these cases and users, in key order, in one statement."""
    keys = sorted({key(n) for n in names})
    conn.exec_driver_sql(
        "SELECT pg_advisory_xact_lock(k) FROM unnest(%(keys)s::bigint[]) AS k ORDER BY k",
        {"keys": keys},
    ).all()


def sequence(conn: sa.Connection) -> None:
    conn.execute(sa.select(sa.func.pg_advisory_xact_lock(SEQUENCER)))


def audit(conn: sa.Connection) -> None:
    conn.execute(sa.select(sa.func.pg_advisory_xact_lock(AUDIT)))


def guess_cases(conn: sa.Connection, batch: Sequence[Change]) -> set[str]:
    """The cases a push will most likely write: the stored cases of its rows, the cases
    its rows name (directly, or through a parent row's stored case)."""
    cases: set[str] = set()
    parents: set[tuple[str, str]] = set()
    for change in batch:
        if change.table == "case_file":
            cases.add(change.row_id)
        link = LINK.get(change.table)
        if link and change.field == link[0] and (target := ref(change.value)):
            if link[1] is None:
                cases.add(target)
            else:
                parents.add((link[1], target))
    rows = {(c.table, c.row_id) for c in batch} | parents
    cases.update(
        case for _table, _row, case in keyed_sql.select_keys(conn, s.row_case, "case_id", rows)
    )
    return cases
