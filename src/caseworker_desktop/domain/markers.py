"""Restricted processing (GDPR Art. 18, § 84 SGB X) as a rule that the laptop and the office
apply alike: while a person's data is restricted it is read-only, the whole of it or one
field; the markers themselves stay writable (to lift one). Disputed data stays writable and
is shown and printed as "bestritten"."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from . import model as m
from .enums import MarkerKind
from .labels import FIELD_LABELS_DE

RESTRICTED_PERSON = (
    "Die Verarbeitung der Daten dieser Person ist eingeschränkt (Art. 18 DSGVO): sie können "
    "nur gelesen werden. Zuerst die Einschränkung aufheben."
)
RESTRICTED_FIELD = "„{field}“ ist eingeschränkt (Art. 18 DSGVO) und kann nicht geändert werden."


def restriction_reason(
    markers: Iterable[m.DataMarker], table: str, changed: Iterable[str], day: date | None
) -> str | None:
    """Why a write of these fields of a `table` row of the person is refused, or None.
    `day`: the markers in force on that day; None: the markers given are those in force
    (the office decides by the order of the writes, office/restriction.py)."""
    if table == m.DataMarker.table:
        return None
    changed = set(changed)
    for marker in markers:
        if marker.kind is not MarkerKind.RESTRICTED or marker.deleted:
            continue
        if day is not None and not marker.active_on(day):
            continue
        if marker.field == "":
            return RESTRICTED_PERSON
        marked_table, field = marker.field.split(".", 1)
        if marked_table == table and field in changed:
            return RESTRICTED_FIELD.format(field=FIELD_LABELS_DE.get(field, field))
    return None


def disputed(markers: Iterable[m.DataMarker], table: str, field: str, day: date) -> bool:
    """Whether the person disputes this field (or all of their data)."""
    return any(
        mk.kind is MarkerKind.DISPUTED and mk.active_on(day) and mk.covers(table, field)
        for mk in markers
    )
