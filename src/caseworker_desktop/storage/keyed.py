"""Reading rows by (table, row id) keys in chunks that SQLite's limit on bound parameters
allows (row_clock, sync_pending and the record tables)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar

import sqlalchemy as sa

T = TypeVar("T")


def by_table(keys: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """Row ids grouped by table, sorted, for `table_name = ? AND row_id IN (...)`: the
    primary keys of row_clock and sync_pending start with (table_name, row_id)."""
    grouped: dict[str, list[str]] = {}
    for table, row_id in keys:
        grouped.setdefault(table, []).append(row_id)
    return {table: sorted(set(ids)) for table, ids in grouped.items()}


def chunks(items: Sequence[T], size: int = 500) -> Iterator[Sequence[T]]:
    """`items` in slices SQLite's limit on bound parameters allows."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def in_chunks(conn: sa.Connection, sql: str, table: str | None, ids: list[str]):
    """The rows of `sql`, which ends in `IN`, for `ids` (after `table`, if given)."""
    for chunk in chunks(ids):
        marks = ",".join("?" * len(chunk))
        params = (table, *chunk) if table is not None else tuple(chunk)
        yield from conn.exec_driver_sql(f"{sql} ({marks})", params)
