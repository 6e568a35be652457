"""Plain driver SQL for the office's bulk work, by (table, row) keys: IN lists in chunks on
SQLite and arrays on PostgreSQL, one executemany for many rows. On a push of thousands of
changes SQLAlchemy's per-statement and per-row processing cost more than the database's
own work; these helpers skip it (the tables stay declared in schema.py)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime

import sqlalchemy as sa

from ..storage import keyed
from ..storage.keyed import by_table
from ..storage.rows import SQLITE_DATETIME

Key = tuple[str, str]  # (table name, row id)
CHUNK = 400  # keys per IN (...) list: far below every driver's parameter limit


def chunks(items: Sequence, size: int = CHUNK) -> Iterator[Sequence]:
    """The laptop's slicing (storage/keyed.py), with the office's size."""
    return keyed.chunks(items, size)


def sqlite_time(at: datetime) -> str:
    return at.strftime(SQLITE_DATETIME)


def execute_many(conn: sa.Connection, sql: str, rows: Sequence[tuple]) -> None:
    """One plain driver executemany of `sql` (written with `?` marks): on a push of
    thousands of changes SQLAlchemy's per-row statement processing cost more than the
    database's own work."""
    if rows:
        conn.exec_driver_sql(_driver_sql(conn, sql), [tuple(r) for r in rows])


def _driver_sql(conn: sa.Connection, sql: str) -> str:
    return sql if conn.dialect.paramstyle == "qmark" else sql.replace("?", "%s")


def select_in(
    conn: sa.Connection, sql: str, values: Sequence, *params, then: str = ""
) -> Iterator[tuple]:
    """The rows of `sql`, which ends in `IN` and is written with `?` marks, for `values`
    (after `params`): on SQLite a query per chunk of them, on PostgreSQL one with an array
    (`= ANY`; a round trip per chunk and table was a third of a push there); `then` goes
    after the list (ORDER BY, LIMIT: per chunk on SQLite). Plain driver
    SQL on the driver's own cursor: SQLAlchemy re-renders an expanding IN list on every
    execution and wraps every row, which cost more than the query."""
    if not values:
        return
    cursor = conn.connection.cursor()
    try:
        if conn.dialect.name == "postgresql":
            cursor.execute(_driver_sql(conn, f"{sql.removesuffix('IN')}= ANY(?) {then}"),
                           (*params, list(values)))  # fmt: skip
            yield from cursor.fetchall()
            return
        for part in chunks(values):
            marks = ", ".join("?" * len(part))
            cursor.execute(f"{sql} ({marks}) {then}", (*params, *part))
            yield from cursor.fetchall()
    finally:
        cursor.close()


def select_keys(conn: sa.Connection, table: sa.Table, columns: str, keys: Iterable[Key]):
    """(table_name, row_id, *columns) of the rows of `table` with these keys."""
    if conn.dialect.name == "postgresql":
        keys = list(dict.fromkeys(keys))
        if keys:
            yield from _execute(
                conn,
                f"SELECT t.table_name, t.row_id, {columns} FROM {table.name} t"
                " JOIN unnest(%s::text[], %s::text[]) AS k(tn, ri)"
                " ON t.table_name = k.tn AND t.row_id = k.ri",
                ([k[0] for k in keys], [k[1] for k in keys]),
            )
        return
    sql = (
        f"SELECT table_name, row_id, {columns} FROM {table.name}"
        " WHERE table_name = ? AND row_id IN"
    )  # the rows as they come: no tuple built again per row
    for table_name, ids in by_table(keys).items():
        yield from select_in(conn, sql, ids, table_name)


def _execute(conn: sa.Connection, sql: str, params: tuple) -> list[tuple]:
    cursor = conn.connection.cursor()
    try:
        cursor.execute(sql, params)
        return cursor.fetchall()
    finally:
        cursor.close()


def insert_rows(conn: sa.Connection, table: sa.Table, rows: Sequence[dict]) -> None:
    """INSERT rows (dicts with the same keys) with one driver executemany."""
    if not rows:
        return
    names = list(rows[0])
    quote = conn.dialect.identifier_preparer.quote
    sql = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)})"
        f" VALUES ({', '.join('?' * len(names))})"
    )
    data = [[r[n] for n in names] for r in rows]  # lists: datetimes are replaced below
    if conn.dialect.name == "sqlite":  # the driver would store datetimes differently
        times = [i for i, n in enumerate(names) if isinstance(table.c[n].type, sa.DateTime)]
        text: dict[datetime, str] = {}
        for row in data:
            for i in times:
                if row[i] is not None:
                    row[i] = text.get(row[i]) or text.setdefault(
                        row[i], row[i].strftime(SQLITE_DATETIME)
                    )
    execute_many(conn, sql, data)


def delete_keys(conn: sa.Connection, table: sa.Table, keys: Iterable[Key]) -> int:
    """DELETE the rows of `table` with these keys, by its (table_name, row_id) index: a
    row-value `IN (VALUES ...)` made SQLite scan the whole table (1.8 s in a push that
    claimed parked rows, on an office of 5 million changes). Returns rows deleted."""
    keys = list(dict.fromkeys(keys))
    if conn.dialect.name == "postgresql":
        if not keys:
            return 0
        return conn.exec_driver_sql(
            f"DELETE FROM {table.name} t USING unnest(%(tables)s::text[], %(rows)s::text[])"
            " AS k(tn, ri) WHERE t.table_name = k.tn AND t.row_id = k.ri",
            {"tables": [k[0] for k in keys], "rows": [k[1] for k in keys]},
        ).rowcount
    deleted = 0
    for table_name, ids in by_table(keys).items():
        for part in chunks(ids):
            marks = ", ".join("?" * len(part))
            sql = f"DELETE FROM {table.name} WHERE table_name = ? AND row_id IN ({marks})"
            deleted += conn.exec_driver_sql(sql, (table_name, *part)).rowcount
    return deleted
