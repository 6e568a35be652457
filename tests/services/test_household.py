"""The household: each person's relation to the reference person, ages from birth dates,
the case that opens each member's file."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from caseworker_desktop.domain import model as m
from caseworker_desktop.domain.codec import InvalidValue, decode_value
from caseworker_desktop.domain.enums import HouseholdRelation
from caseworker_desktop.domain.errors import ValidationError
from caseworker_desktop.storage.orm import change_log
from tests.helpers import new_client

R = HouseholdRelation


def _family(services):
    """Olena (reference person), her husband, their son and a grandmother without a birth
    date, all in one household (the clock's today is 24.11.2026)."""
    olena, olena_case = new_client(services, birth_date=date(1985, 3, 2))
    household = olena.household_id
    taras, taras_case = new_client(
        services, "Taras", birth_date=date(1983, 11, 24), household_id=household,
        relationship=R.SPOUSE,
    )  # fmt: skip
    ivan, ivan_case = new_client(
        services, "Ivan", birth_date=date(2012, 11, 25), household_id=household,
        relationship=R.CHILD,
    )  # fmt: skip
    halyna, _ = new_client(services, "Halyna", birth_date=None, household_id=household)
    return olena, taras, ivan, halyna, (olena_case, taras_case, ivan_case)


def test_ages_relations_and_cases_of_the_other_members(services):
    olena, _taras, _ivan, halyna, (_, taras_case, ivan_case) = _family(services)
    assert olena.relationship is R.REFERENCE_PERSON  # who starts a household
    assert halyna.relationship is R.UNKNOWN  # joined without saying how

    file = next(
        services.client_file(r.case_id)
        for r in services.cases.caseload()
        if r.client_id == olena.id
    )
    members = file.members
    assert [(mb.client.first_name, mb.relationship, mb.age) for mb in members] == [
        ("Taras", R.SPOUSE, 43),  # his birthday is today
        ("Ivan", R.CHILD, 13),  # 14 tomorrow
        ("Halyna", R.UNKNOWN, None),
    ]
    assert [mb.case_id for mb in members[:2]] == [taras_case.id, ivan_case.id]


def test_age_on_a_leap_day_birthday():
    leap = m.Client(first_name="A", last_name="B", birth_date=date(2020, 2, 29))
    assert leap.age_on(date(2021, 2, 28)) == 0
    assert leap.age_on(date(2021, 3, 1)) == 1
    assert leap.age_on(date(2024, 2, 29)) == 4
    assert m.Client(first_name="A", last_name="B").age_on(date(2026, 1, 1)) is None


def test_relationship_is_stored_logged_and_restored(services, case_file):
    _olena, _taras, _ivan, halyna, _ = _family(services)
    services.clients.update(halyna.id, relationship=R.PARENT)
    assert services.clients.get(halyna.id).relationship is R.PARENT
    with case_file.engine.connect() as conn:
        logged = (
            conn.execute(
                sa.select(change_log.c.value).where(
                    change_log.c.row_id == halyna.id, change_log.c.field == "relationship"
                )
            )
            .scalars()
            .all()
        )
    assert logged[-1] == '"parent"'
    assert decode_value(m.Client, "relationship", logged[-1]) is R.PARENT
    restored = services.restore(m.Client, halyna.id, {"relationship": R.UNKNOWN})
    assert restored.relationship is R.UNKNOWN


def test_one_reference_person_per_household(services):
    olena, taras, *_ = _family(services)
    with pytest.raises(ValidationError) as exc_info:
        services.clients.update(taras.id, relationship=R.REFERENCE_PERSON)
    assert "Olena Kovalenko" in exc_info.value.problems["relationship"]
    assert services.clients.get(taras.id).relationship is R.SPOUSE
    # hand it over: first Olena becomes the spouse, then Taras the reference person
    services.clients.update(olena.id, relationship=R.SPOUSE)
    services.clients.update(taras.id, relationship=R.REFERENCE_PERSON)
    with pytest.raises(ValidationError):
        new_client(services, "Oksana", household_id=olena.household_id,
                   relationship=R.REFERENCE_PERSON)  # fmt: skip


def test_an_unknown_relation_is_refused_on_the_wire():
    with pytest.raises(InvalidValue):
        decode_value(m.Client, "relationship", '"cousin"')


def test_a_member_without_a_case_on_this_laptop_has_none_to_open(services):
    olena, *_ = _family(services)
    with services.transaction() as tx:  # e.g. a relative the caseworker does not support
        tx.add(m.Client(household_id=olena.household_id, first_name="Petro", last_name="K."))
    file = next(
        services.client_file(r.case_id)
        for r in services.cases.caseload()
        if r.client_id == olena.id
    )
    by_name = {mb.client.first_name: mb for mb in file.members}
    assert by_name["Petro"].case_id is None
    assert by_name["Taras"].case_id is not None
