"""Field clocks: the HLC of the value each field of a synced row holds here (own writes and
pulled ones), the base of the next local write and the test whether a pulled value is
newer.

They are kept one row per record (`row_clock`), not one per field: a field clock per row
and field was the largest part of a team lead's case file (some 125 of 150 MB for 5,000
clients) and its inserts a third of a first sync. A row's clocks are JSON text with each
stamp once and the fields that hold it as a bit mask, `{"<hlc>": 4095, ...}`: most rows
are written in one go, so one stamp serves all their fields. A field's bit is its place
among the fields of its record (domain.model, in the order declared; tests pin the order:
a field may be appended, never moved). A field the model does not know is kept by name
(`{"<hlc>": [6, "name"]}`), and the form of earlier releases (a list of names) is read
as it is; the names of a row's fields were two thirds of the table (#18)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator

import orjson
import sqlalchemy as sa

from ..domain import model as m
from . import keyed, rows

Key = tuple[str, str]  # (table, row id)
Clocks = dict[str, str]  # field -> hlc

# The fields of each record in their bit order, and each field's bit.
ORDER: dict[str, tuple[str, ...]] = {
    cls.table: tuple(f.name for f in dataclasses.fields(cls)) for cls in m.SYNCABLE
}
_BIT: dict[str, dict[str, int]] = {
    table: {f: 1 << i for i, f in enumerate(order)} for table, order in ORDER.items()
}


class ClockError(ValueError):
    """A row's clocks name a field bit its record does not have (a damaged row)."""


def encode(table: str, clocks: Clocks) -> str:
    bits = _BIT.get(table, {})
    masks: dict[str, int] = {}
    names: dict[str, list[str]] = {}
    for field, stamp in clocks.items():
        bit = bits.get(field)
        if bit is None:
            names.setdefault(stamp, []).append(field)
        else:
            masks[stamp] = masks.get(stamp, 0) | bit
    held: dict[str, int | list] = dict(masks)
    for stamp, fields in names.items():
        held[stamp] = [masks[stamp], *fields] if stamp in masks else fields
    return orjson.dumps(held).decode()


_NAMED: dict[tuple[str, int], tuple[str, ...]] = {}  # (table, mask) -> its fields


def _named(table: str, mask: int) -> tuple[str, ...]:
    found = _NAMED.get((table, mask))
    if found is None:
        order = ORDER.get(table, ())
        if mask >> len(order):
            raise ClockError(f"Feldbit {mask.bit_length() - 1} gibt es in {table} nicht.")
        found = _NAMED[(table, mask)] = tuple(f for i, f in enumerate(order) if mask >> i & 1)
    return found


def _fields(table: str, held: int | list) -> Iterable[str]:
    if type(held) is int:
        return _named(table, held)
    return [n for item in held for n in ((item,) if type(item) is str else _named(table, item))]


def decode(table: str, text: str | None) -> Clocks:
    if not text:
        return {}
    return {
        field: stamp for stamp, held in orjson.loads(text).items() for field in _fields(table, held)
    }


def field_hlc(table: str, text: str | None, field: str) -> str | None:
    """The clock of one field (registered as the SQL function `field_hlc`)."""
    if not text:
        return None
    bit = _BIT.get(table, {}).get(field, 0)
    for stamp, held in orjson.loads(text).items():
        if type(held) is int:
            if held & bit:
                return stamp
        elif field in held or any(type(i) is int and i & bit for i in held):
            return stamp
    return None


def read(conn: sa.Connection, table: str, row_id: str) -> Clocks:
    """One row's clocks (on the driver: the base of every write is read here)."""
    found = (
        rows.driver(conn)
        .execute(
            "SELECT clocks FROM row_clock WHERE table_name = ? AND row_id = ?", (table, row_id)
        )
        .fetchone()
    )
    return decode(table, found[0] if found else None)


def read_many(conn: sa.Connection, keys: Iterable[Key]) -> dict[Key, Clocks]:
    """The clocks of these rows (rows without any are left out)."""
    found: dict[Key, Clocks] = {}
    sql = "SELECT row_id, clocks FROM row_clock WHERE table_name = ? AND row_id IN"
    for table, ids in keyed.by_table(keys).items():
        for row_id, text in keyed.in_chunks(conn, sql, table, ids):
            found[(table, row_id)] = decode(table, text)
    return found


def write(conn: sa.Connection, rows: dict[Key, Clocks], *, sent: bool = False) -> None:
    """Set these rows' clocks (each row's whole set: read, merge, write); `sent`: the
    rows are known at the office (pulled from there)."""
    if rows:
        conn.exec_driver_sql(
            "INSERT INTO row_clock (table_name, row_id, clocks, sent) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (table_name, row_id) DO UPDATE SET clocks = excluded.clocks,"
            " sent = max(row_clock.sent, excluded.sent)",
            [(table, row_id, encode(table, clocks), int(sent))
             for (table, row_id), clocks in rows.items()],
        )  # fmt: skip


def mark_sent(conn: sa.Connection, keys: Iterable[Key]) -> None:
    """These rows reached the office (their changes were acknowledged)."""
    conn.exec_driver_sql(
        "UPDATE row_clock SET sent = 1 WHERE table_name = ? AND row_id = ? AND sent = 0",
        list(set(keys)),
    )


def any_sent(conn: sa.Connection, keys: Iterable[Key]) -> bool:
    """Whether any of these rows is known at the office."""
    sql = "SELECT 1 FROM row_clock WHERE sent = 1 AND table_name = ? AND row_id IN"
    return any(
        next(keyed.in_chunks(conn, sql, table, ids), None) is not None
        for table, ids in keyed.by_table(keys).items()
    )


def own(conn: sa.Connection, node: str) -> Iterator[tuple[str, str, str, str]]:
    """(table, row id, field, hlc) of every field whose value was written here: its clock's
    node is this device's."""
    suffix = f"-{node}"
    for table, row_id, text in conn.exec_driver_sql(
        "SELECT table_name, row_id, clocks FROM row_clock"
    ):
        for stamp_, held in orjson.loads(text).items():
            if stamp_.endswith(suffix):
                for field in _fields(table, held):
                    yield table, row_id, field, stamp_


def newest_up_to(conn: sa.Connection, prefix: str) -> str | None:
    """The newest field clock whose wall time is not after `prefix` (HLC wall digits)."""
    newest = None
    for (text,) in conn.exec_driver_sql("SELECT clocks FROM row_clock"):
        for stamp_ in orjson.loads(text):
            if stamp_[: len(prefix)] <= prefix and (newest is None or stamp_ > newest):
                newest = stamp_
    return newest


def remap(conn: sa.Connection, mapping: dict[str, str]) -> None:
    """Replace the stamps in `mapping` by their new ones, wherever a field holds one."""
    changed = {}
    for table, row_id, text in conn.exec_driver_sql(
        "SELECT table_name, row_id, clocks FROM row_clock"
    ):
        clocks = decode(table, text)
        if any(s in mapping for s in clocks.values()):
            changed[(table, row_id)] = {f: mapping.get(s, s) for f, s in clocks.items()}
    write(conn, changed)
