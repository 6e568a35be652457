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
    after the list (a LIMIT: per chunk on SQLite). Plain driver SQL on the driver's own
    cursor: SQLAlchemy re-renders an expanding IN list on every execution and wraps every
    row, which cost more than the query."""
    if not values:
        return
    cursor = conn.connection.cursor()
    try:
        if conn.dialect.name == "postgresql":
            # %b: the list goes in binary (text arrays cost a regular expression an item)
            cursor.execute(f"{_driver_sql(conn, sql.removesuffix('IN'))}= ANY(%b) {then}",
                           (*params, list(values)))  # fmt: skip
            yield from cursor.fetchall()
            return
        for part in chunks(values):
            marks = ", ".join("?" * len(part))
            cursor.execute(f"{sql} ({marks}) {then}", (*params, *part))
            yield from cursor.fetchall()
    finally:
        cursor.close()


def select_keys(
    conn: sa.Connection,
    table: sa.Table,
    columns: str,
    keys: Iterable[Key],
    where: str = "",
    params: tuple = (),
    then: str = "",
):
    """(table_name, row_id, *columns) of the rows of `table` with these keys; `where`: a
    further condition (with `?` marks, for `params`), `then`: a LIMIT (per chunk on
    SQLite)."""
    if conn.dialect.name == "postgresql":
        keys = list(dict.fromkeys(keys))
        if keys:
            condition = f" WHERE {_driver_sql(conn, where)}" if where else ""
            yield from rows_of(
                conn,
                f"SELECT t.table_name, t.row_id, {columns} FROM {table.name} t"
                " JOIN unnest(%b::text[], %b::text[]) AS k(tn, ri)"
                f" ON t.table_name = k.tn AND t.row_id = k.ri{condition} {then}",
                ([k[0] for k in keys], [k[1] for k in keys], *params),
            )
        return
    sql = (
        f"SELECT table_name, row_id, {columns} FROM {table.name}"
        f" WHERE table_name = ? AND {where + ' AND ' if where else ''}row_id IN"
    )  # the rows as they come: no tuple built again per row
    for table_name, ids in by_table(keys).items():
        yield from select_in(conn, sql, ids, table_name, *params, then=then)


def rows_of(conn: sa.Connection, sql: str, params: tuple) -> list[tuple]:
    """The rows of plain driver SQL (the driver's own marks) on the driver's cursor."""
    cursor = conn.connection.cursor()
    try:
        cursor.execute(sql, params)
        return cursor.fetchall()
    finally:
        cursor.close()


def insert_rows(conn: sa.Connection, table: sa.Table, rows: Sequence[dict]) -> None:
    """INSERT rows (dicts with the same keys) in one go (insert_tuples)."""
    if not rows:
        return
    names = list(rows[0])
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
    insert_tuples(conn, table.name, names, data)


def insert_tuples(
    conn: sa.Connection, table: str, columns: Sequence[str], rows: Sequence[Sequence]
) -> None:
    """INSERT rows (values in the order of `columns`): one driver executemany on SQLite,
    COPY on PostgreSQL (psycopg's executemany cost some 20 µs of Python per row: half of
    a push there)."""
    if not rows:
        return
    quote = conn.dialect.identifier_preparer.quote
    names = ", ".join(quote(n) for n in columns)
    if conn.dialect.name != "postgresql":
        marks = ", ".join("?" * len(columns))
        execute_many(conn, f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})", rows)
        return
    cursor = conn.connection.cursor()
    try:
        with cursor.copy(f"COPY {quote(table)} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    finally:
        cursor.close()


def update_fields(conn: sa.Connection, rows: Sequence[tuple]) -> None:
    """UPDATE field_state values: rows of (value, hlc, device_id, table_name, row_id,
    field). One driver executemany on SQLite; on PostgreSQL one statement that joins the
    rows as arrays (executemany cost psycopg some 20 µs of Python per row)."""
    if not rows:
        return
    if conn.dialect.name != "postgresql":
        execute_many(conn, _UPDATE_FIELD, rows)
        return
    columns = [list(column) for column in zip(*rows, strict=True)]
    cursor = conn.connection.cursor()
    try:
        cursor.execute(
            "UPDATE field_state AS f SET value = u.value, hlc = u.hlc, device_id = u.device_id"
            " FROM unnest(%b::text[], %b::text[], %b::text[], %b::text[], %b::text[],"
            " %b::text[]) AS u(value, hlc, device_id, table_name, row_id, field)"
            " WHERE f.table_name = u.table_name AND f.row_id = u.row_id AND f.field = u.field",
            columns,
        )
    finally:
        cursor.close()


_UPDATE_FIELD = (
    "UPDATE field_state SET value = ?, hlc = ?, device_id = ?"
    " WHERE table_name = ? AND row_id = ? AND field = ?"
)


def delete_keys(conn: sa.Connection, table: sa.Table, keys: Iterable[Key]) -> int:
    """DELETE the rows of `table` with these keys, by its (table_name, row_id) index: a
    row-value `IN (VALUES ...)` made SQLite scan the whole table (1.8 s in a push that
    claimed parked rows, on an office of 5 million changes). Returns rows deleted."""
    keys = list(dict.fromkeys(keys))
    if conn.dialect.name == "postgresql":
        if not keys:
            return 0
        return conn.exec_driver_sql(
            f"DELETE FROM {table.name} t USING unnest(%(tables)b::text[], %(rows)b::text[])"
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
