"""The merge rule, one field at a time. Pure functions: the district office server applies
them to every pushed change; the tests run them against simulated laptops.

- Last writer wins by hybrid logical clock (ties broken by device id, which is part of the
  encoded HLC), for every field.
- A free-text field written without having seen the current value (its `base_hlc` is not
  the HLC of the current value) and with different text is a concurrent edit: whichever
  text loses is kept in a Conflict, together with the winner, so nobody's words vanish.
- Deletes are a plain field ("deleted" = true, a tombstone) and follow the same rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


@dataclass(frozen=True)
class FieldChange:
    change_id: str
    table: str
    row_id: str
    field: str
    value: str  # JSON
    hlc: str
    base_hlc: str | None  # HLC of the value the writer saw before writing; None: none seen
    device_id: str


class FieldState(NamedTuple):
    """The current (winning) value of one field, as the server knows it (a tuple: the
    office builds one per stored field of every row a push touches)."""

    value: str
    hlc: str
    device_id: str


@dataclass(frozen=True)
class ConflictCopy:
    """Two concurrent texts of one field: the one in force and the one that lost."""

    table: str
    row_id: str
    field: str
    winner_value: str
    winner_hlc: str
    winner_device: str
    loser_value: str
    loser_hlc: str
    loser_device: str


@dataclass(frozen=True)
class MergeResult:
    state: FieldState  # the field after the change
    applied: bool  # the change is now the field's value
    conflict: ConflictCopy | None


def merge(current: FieldState | None, change: FieldChange, is_text: bool) -> MergeResult:
    incoming = FieldState(change.value, change.hlc, change.device_id)
    if current is None:
        return MergeResult(incoming, True, None)
    if change.hlc == current.hlc:  # the same write again (a re-sent batch)
        return MergeResult(current, False, None)
    wins = change.hlc > current.hlc
    winner, loser = (incoming, current) if wins else (current, incoming)
    concurrent = change.base_hlc != current.hlc
    conflict = None
    if is_text and concurrent and change.value != current.value:
        conflict = ConflictCopy(
            table=change.table,
            row_id=change.row_id,
            field=change.field,
            winner_value=winner.value,
            winner_hlc=winner.hlc,
            winner_device=winner.device_id,
            loser_value=loser.value,
            loser_hlc=loser.hlc,
            loser_device=loser.device_id,
        )
    return MergeResult(winner, wins, conflict)


def apply_pulled(local_hlc: str | None, change_hlc: str) -> bool:
    """On a laptop: take a pulled value only if it is newer than what the field holds."""
    return local_hlc is None or change_hlc > local_hlc
