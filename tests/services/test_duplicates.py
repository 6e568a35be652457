"""Is this client already on file? Spellings, scripts and swapped names; and a client
entered by mistake removed before anything reached the office."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from caseworker_desktop.domain.duplicates import Person, names_alike, same_person
from caseworker_desktop.domain.enums import ConsentKind, ConsentRecipient, LifeArea
from caseworker_desktop.domain.errors import CaseworkerError, NotFoundError
from caseworker_desktop.storage.orm import audit_event, change_log
from tests.helpers import new_client

BORN = date(1985, 3, 2)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Oleksandr", "Alexander"),
        ("Mohammad", "Mohammed"),
        ("Muhammad", "Mohammed"),
        ("Kovalenko", "Kowalenko"),
        ("Олена", "Olena"),
        ("Hussein", "Husain"),
        ("Yusuf", "Jussuf"),
        ("Al-Ahmad", "Alahmad"),
    ],
)
def test_spellings_of_one_name(a, b):
    assert names_alike(a, b)


@pytest.mark.parametrize(("a", "b"), [("Olena", "Oksana"), ("Kovalenko", "Bondarenko"),
                                      ("Ahmad", "Mahmoud"), ("Fatima", "Hiba")])  # fmt: skip
def test_different_names(a, b):
    assert not names_alike(a, b)


def test_birth_date_and_swapped_names():
    one = Person("1", "Mohammad", "Al-Hussein", BORN)
    assert same_person(one, Person("2", "Mohammed", "Al Hussein", BORN))
    assert same_person(one, Person("3", "Al-Hussein", "Muhammad", BORN))  # swapped
    assert same_person(one, Person("4", "Mohammed", "Alhussein", None))  # date unknown
    assert not same_person(one, Person("5", "Mohammed", "Al-Hussein", date(1990, 1, 1)))


def test_possible_duplicates_on_file(services):
    client, case = new_client(services, first="Oleksandr", last="Kovalenko", birth_date=BORN)
    new_client(services, first="Oksana", last="Kovalenko", birth_date=BORN)
    found = services.clients.possible_duplicates("Alexander", "Kowalenko", BORN)
    assert [(c.id, ref) for c, ref in found] == [(client.id, case.reference)]
    assert services.clients.possible_duplicates("Alexander", "Kowalenko", date(2001, 1, 1)) == []


def test_a_mistake_is_deleted_with_all_it_holds(services):
    keep, keep_case = new_client(services, first="Olena", last="Kovalenko")
    client, case = new_client(services, first="Olnea", last="Kovalenko")  # a typo
    services.clients.record_consent(
        client.id, ConsentKind.CONFIDENTIALITY_RELEASE, date(2026, 11, 2),
        recipient=ConsentRecipient.JOBCENTER,
    )  # fmt: skip
    plan = services.plans.create(case.id, date(2026, 11, 1), date(2027, 10, 31), date(2027, 5, 1))
    services.plans.add_entry(plan.id, life_area=LifeArea.LANGUAGE, goal="B1")
    services.clients.delete_unsynced(case.id)
    with pytest.raises(NotFoundError):
        services.cases.get(case.id)
    with pytest.raises(NotFoundError):
        services.clients.get(client.id)
    with services.ctx.read() as conn:
        ids = {client.id, case.id, plan.id, client.household_id}
        left = conn.execute(
            sa.select(sa.func.count()).select_from(change_log).where(change_log.c.row_id.in_(ids))
        ).scalar_one()
    assert left == 0  # nothing of it will be sent
    assert services.cases.get(keep_case.id) and services.clients.get(keep.id)
    with services.ctx.read() as conn:  # the audit keeps that it happened
        details = conn.execute(
            sa.select(audit_event.c.detail).where(audit_event.c.entity_id == case.id)
        ).scalars()
        assert any("Fehleingabe" in d for d in details)


def test_what_was_sent_is_not_deleted(services):
    _, case = new_client(services)
    with services.ctx.case_file.engine.begin() as conn:
        conn.execute(change_log.update().values(pushed=True))  # as after a sync
    with pytest.raises(CaseworkerError, match="schon an das Landratsamt übertragen"):
        services.clients.delete_unsynced(case.id)
    assert services.cases.get(case.id)
