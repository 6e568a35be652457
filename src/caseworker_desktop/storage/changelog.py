"""Field-level change capture: the sync outbox, written through the caller's transaction, so
it commits or rolls back together with the change it describes (the audit trail: audit.py)."""

from __future__ import annotations

import dataclasses

import sqlalchemy as sa

from ..domain import model as m
from ..domain.codec import UNTRACKED_FIELDS, encode_value
from . import clocks
from .orm import change_log


def tracked_values(record: m.Record) -> dict[str, object]:
    return {
        f.name: getattr(record, f.name)
        for f in dataclasses.fields(record)
        if f.name not in UNTRACKED_FIELDS
    }


def diff(old: m.Record, new: m.Record) -> dict[str, object]:
    """Fields whose value differs between two versions of one record."""
    before, after = tracked_values(old), tracked_values(new)
    return {name: value for name, value in after.items() if before[name] != value}


INSERT_CHANGE = (
    "INSERT INTO change_log"
    " (change_id, table_name, row_id, field, value, hlc, base_hlc, device_id, pushed)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)"
)


def change_rows(
    table: str,
    row_id: str,
    fields: dict[str, object],
    hlc: str,
    bases: clocks.Clocks,
    device_id: str,
) -> list[tuple]:
    """Outbox rows (INSERT_CHANGE) for the changed fields of one row, each with the HLC of
    the value the writer saw (its base: how the office tells an overwrite from a concurrent
    edit). Written with the transaction (storage/staged.py)."""
    return [
        (m.new_id(), table, row_id, name, encode_value(value), hlc, bases.get(name), device_id)
        for name, value in fields.items()
    ]


def unsynced_count(conn: sa.Connection) -> int:
    """Changes not yet acknowledged by the district office (shown in the status bar)."""
    return conn.execute(
        sa.select(sa.func.count()).select_from(change_log).where(change_log.c.pushed.is_(False))
    ).scalar_one()
