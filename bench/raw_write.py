"""The physical write of what the services wrote (#18 item 3): every row a piece of work
added to a case file (records, change log, audit events, field clocks, document chunks),
written again with one SQLCipher executemany per table into a fresh case file of the same
schema and indexes, in one transaction. The services cannot write those rows faster than
this; their ratio to it is what validation, clocks, hashing and statements cost.

    before = raw_write.rows(case_file)
    ...                                     # the work through the services
    seconds, count = raw_write.timed(tmp, raw_write.added(case_file, before))
"""

from __future__ import annotations

import time
from pathlib import Path

from caseworker_desktop.storage.casefile import CaseFile

PASSPHRASE = "Benchmark-Passphrase-2026"
Rows = dict[str, tuple[list[str], list[tuple]]]  # table -> (columns, rows in write order)


def _tables(conn) -> list[tuple[str, bool]]:
    """(name, has a rowid) of the file's tables (SQLite's own and Alembic's left out)."""
    found = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table'"
        " AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version' ORDER BY name"
    ).all()
    return [(name, "WITHOUT ROWID" not in sql.upper()) for name, sql in found]


def rows(case_file: CaseFile) -> Rows:
    """Every row of every table, in the order written (rowid order where there is one)."""
    out: Rows = {}
    with case_file.engine.connect() as conn:
        for name, rowid in _tables(conn):
            result = conn.exec_driver_sql(
                f"SELECT * FROM {name}" + (" ORDER BY rowid" if rowid else "")
            )
            out[name] = (list(result.keys()), [tuple(r) for r in result])
    return out


def added(case_file: CaseFile, before: Rows) -> Rows:
    """The rows that are in the file now and were not in `before`."""
    out: Rows = {}
    for name, (columns, now) in rows(case_file).items():
        old = set(before.get(name, ([], []))[1])
        new = [r for r in now if r not in old]
        if new:
            out[name] = (columns, new)
    return out


def timed(tmp: Path, written: Rows) -> tuple[float, int]:
    """Seconds to write these rows raw into a fresh case file; and how many rows."""
    target = CaseFile.create(tmp / "raw-write", username="bench", passphrase=PASSPHRASE)
    try:
        conn = target.engine.raw_connection()
        try:
            db = conn.driver_connection
            start = time.perf_counter()
            db.execute("BEGIN IMMEDIATE")
            for name, (columns, values) in written.items():
                marks = ", ".join("?" * len(columns))
                db.executemany(  # a changed row of the seed (local_state) replaces it
                    f"INSERT OR REPLACE INTO {name} ({', '.join(columns)}) VALUES ({marks})",
                    values,
                )
            db.execute("COMMIT")
            elapsed = time.perf_counter() - start
        finally:
            conn.close()
    finally:
        target.lock()
    return elapsed, sum(len(v) for _c, v in written.values())
