"""Records to rows and back on the driver's own connection: the few statements every use
case runs (a record by id, its insert, a changed field) without SQLAlchemy's per-statement
work, which was most of a use case's time (#18). The values are stored exactly as
SQLAlchemy's column types store them (orm.py), so both ways read and write the same rows;
tests/storage/test_staged.py holds them to that."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from datetime import date, datetime
from enum import StrEnum
from typing import Any, TypeVar

import sqlalchemy as sa

from ..domain import model as m
from ..domain.codec import field_type

R = TypeVar("R", bound=m.Record)
SQLITE_DATETIME = "%Y-%m-%d %H:%M:%S.%f"  # how SQLAlchemy's DateTime stores it in SQLite


def _to_row(py_type: type) -> Callable[[Any], Any] | None:
    if py_type is datetime:
        return lambda v: v.strftime(SQLITE_DATETIME)
    if py_type is date:
        return date.isoformat
    if isinstance(py_type, type) and issubclass(py_type, StrEnum):
        return lambda v: v.value if type(v) is py_type else py_type(v).value
    return None


def _from_row(py_type: type) -> Callable[[Any], Any] | None:
    if py_type is datetime:
        return datetime.fromisoformat
    if py_type is date:
        return date.fromisoformat
    if py_type is bool:
        return bool
    if isinstance(py_type, type) and issubclass(py_type, StrEnum):
        members = {e.value: e for e in py_type}
        return lambda v: members.get(v) or py_type(v)  # (a value it lacks: ValueError)
    return None


@dataclasses.dataclass(frozen=True)
class _Shape:
    names: tuple[str, ...]
    insert: str
    by_id: str
    to_row: tuple[Callable[[Any], Any] | None, ...]
    from_row: tuple[Callable[[Any], Any] | None, ...]
    convert: dict[str, Callable[[Any], Any] | None]  # field -> to_row


@functools.cache
def _shape(cls: type[m.Record]) -> _Shape:
    names = tuple(f.name for f in dataclasses.fields(cls))
    types = [field_type(cls, name)[0] for name in names]
    columns = ", ".join(names)
    to_row = tuple(_to_row(t) for t in types)
    return _Shape(
        names=names,
        insert=f"INSERT INTO {cls.table} ({columns}) VALUES ({', '.join('?' * len(names))})",
        by_id=f"SELECT {columns} FROM {cls.table} WHERE id = ?",
        to_row=to_row,
        from_row=tuple(_from_row(t) for t in types),
        convert=dict(zip(names, to_row, strict=True)),
    )


def names(cls: type[m.Record]) -> tuple[str, ...]:
    """The record's fields, in the order of its columns."""
    return _shape(cls).names


def driver(conn: sa.Connection):
    """The DB-API connection under `conn` (in its transaction)."""
    return conn.connection.driver_connection


def insert(conn: sa.Connection, record: m.Record) -> None:
    shape = _shape(type(record))
    row = [getattr(record, name) for name in shape.names]
    driver(conn).execute(
        shape.insert,
        [v if v is None or f is None else f(v) for v, f in zip(row, shape.to_row, strict=True)],
    )


def update(conn: sa.Connection, cls: type[m.Record], record_id: str, values: dict) -> None:
    """Set these fields of one row (fields of the record only: their names go into SQL)."""
    convert = _shape(cls).convert
    if unknown := set(values) - convert.keys():
        raise ValueError(f"{cls.table} has no fields {sorted(unknown)}")
    sql = f"UPDATE {cls.table} SET {', '.join(f'{n} = ?' for n in values)} WHERE id = ?"
    params = [v if v is None or convert[n] is None else convert[n](v) for n, v in values.items()]
    driver(conn).execute(sql, [*params, record_id])


def get(conn: sa.Connection, cls: type[R], record_id: str) -> R | None:
    """The stored row as its record, deleted or not; None if there is none."""
    shape = _shape(cls)
    row = driver(conn).execute(shape.by_id, (record_id,)).fetchone()
    if row is None:
        return None
    return cls(
        **{
            name: v if v is None or f is None else f(v)
            for name, v, f in zip(shape.names, row, shape.from_row, strict=True)
        }
    )
