"""The office's side of the consent rule the laptop's ReferralService keeps: a client's
trauma request says "release given" (consent_given) only if the client's case holds a
release (Schweigepflichtentbindung) for the trauma consultation that was signed by today
and not withdrawn or expired before the request. A hand-written client that sets the flag
without one is refused, so the coordinator never plans a slot on a claim."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

import sqlalchemy as sa

from ..domain.enums import ConsentKind, ConsentRecipient
from ..sync.protocol import Change
from . import schema as s
from .scoping import decode

NO_RELEASE = (
    "Für die Traumasprechstunde liegt in dieser Akte keine gültige Schweigepflichtentbindung "
    "vor; ohne sie kann „Schweigepflichtentbindung liegt vor“ nicht gesetzt werden."
)
RELEASE_FIELDS = ("kind", "recipient", "given_on", "valid_until", "withdrawn_on", "deleted")


def release_problem(
    conn: sa.Connection,
    change: Change,
    value: object,
    row_field: Callable[[str], object],
    stored_field: Callable[[str], object],
    case_id: str | None,
    batch: Iterable[Change],
    case_of: Callable[[tuple[str, str]], str | None],
    today: date,
) -> str | None:
    """Why `change` may not set consent_given, or None. `row_field(name)` gives the
    referral's value of a field (this batch first, then stored), `stored_field(name)` as
    stored before this batch; `batch` the changes still allowed (at least those of consent
    records); `case_of` the case of a row of this batch."""
    if change.table != "trauma_referral" or change.field != "consent_given" or value is not True:
        return None
    if stored_field("consent_given") is True or row_field("own_consultation") is True:
        return None  # set before (checked then), or one's own consultation: no client
    if case_id is None:
        return NO_RELEASE
    requested = _day(row_field("requested_on")) or today
    releases = _stored_releases(conn, case_id)
    for other in batch:  # a release signed now travels in the same push
        if other.table == "consent_record" and case_of((other.table, other.row_id)) == case_id:
            releases.setdefault(other.row_id, {})[other.field] = decode(other.value)
    if any(_covers(fields, requested, today) for fields in releases.values()):
        return None
    return NO_RELEASE


def _stored_releases(conn: sa.Connection, case_id: str) -> dict[str, dict[str, object]]:
    rows = sa.select(s.row_case.c.row_id).where(
        s.row_case.c.table_name == "consent_record", s.row_case.c.case_id == case_id
    )
    found: dict[str, dict[str, object]] = {}
    for row_id, name, raw in conn.execute(
        sa.select(s.field_state.c.row_id, s.field_state.c.field, s.field_state.c.value).where(
            s.field_state.c.table_name == "consent_record",
            s.field_state.c.row_id.in_(rows),
            s.field_state.c.field.in_(RELEASE_FIELDS),
        )
    ):
        found.setdefault(row_id, {})[name] = decode(raw)
    return found


def _covers(fields: dict[str, object], requested: date, today: date) -> bool:
    given, until, withdrawn = (
        _day(fields.get(name)) for name in ("given_on", "valid_until", "withdrawn_on")
    )
    return (
        fields.get("kind") == ConsentKind.CONFIDENTIALITY_RELEASE.value
        and fields.get("recipient") == ConsentRecipient.TRAUMA_CONSULTATION.value
        and fields.get("deleted") is not True
        and given is not None
        and given <= today
        and (until is None or until >= min(requested, today))
        and (withdrawn is None or withdrawn > min(requested, today))
    )


def _day(value: object) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
