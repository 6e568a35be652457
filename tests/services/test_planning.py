"""Trauma offer planning: consultation dates with slots, group and residential places,
waiting lists, the coordinator's answers carried into the caseworker's trauma referrals."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from caseworker_desktop.domain import model as m
from caseworker_desktop.domain.enums import (
    ConsentKind,
    ConsentRecipient,
    FollowUpOffer,
    LifeArea,
    PlacementStatus,
    Role,
    TraumaOfferKind,
    TraumaReferralStatus,
)
from caseworker_desktop.domain.errors import (
    PermissionDeniedError,
    TransitionError,
    ValidationError,
)
from caseworker_desktop.storage.orm import table_of
from tests.helpers import RELEASE, forged_writes, new_client

CONSULTATION = TraumaOfferKind.CONSULTATION
GROUP = TraumaOfferKind.GROUP_OFFERING
RESIDENTIAL = TraumaOfferKind.RESIDENTIAL_GROUP


def set_role(services, role: Role) -> None:
    """One file, two hats: the tests switch the local user's role (enrolment does it)."""
    users = table_of(m.User)
    with services.ctx.case_file.engine.begin() as conn:
        conn.execute(users.update().where(users.c.id == services.user.id).values(role=role))
    services.ctx.reload_user()


@pytest.fixture
def coordinator(services):
    set_role(services, Role.COORDINATOR)
    yield services
    set_role(services, Role.CASEWORKER)


def consultation_request(services, first="Olena", consent=True):
    _, case = new_client(services, first=first)
    referral = services.referrals.request_trauma_consultation(
        case.id, release=RELEASE if consent else None
    )
    return case, referral


def test_only_the_coordinator_plans_offers_and_assigns(services):
    with pytest.raises(PermissionDeniedError):
        services.planning.add_offer(CONSULTATION, starts_on=date(2026, 12, 3), capacity=4)
    case, _referral = consultation_request(services)
    (placement,) = services.planning.for_case(case.id)
    set_role(services, Role.COORDINATOR)
    offer = services.planning.add_offer(CONSULTATION, starts_on=date(2026, 12, 3), capacity=4)
    set_role(services, Role.TEAM_LEAD)
    for call in (
        lambda: services.planning.assign(placement.id, offer.id),
        lambda: services.planning.release(placement.id),
        lambda: services.planning.update_offer(offer.id, capacity=5),
        lambda: services.planning.remove_offer(offer.id),
    ):
        with pytest.raises(PermissionDeniedError):
            call()


def test_consent_queues_the_consultation_request(services, clock):
    _, case = new_client(services)
    referral = services.referrals.request_trauma_consultation(case.id)
    assert services.planning.for_case(case.id) == []  # no release, no slot request
    services.clients.record_consent(
        case.client_id,
        ConsentKind.CONFIDENTIALITY_RELEASE,
        clock.today(),
        recipient=ConsentRecipient.TRAUMA_CONSULTATION,
    )
    services.referrals.update_trauma_referral(referral.id, consent_given=True)
    (placement,) = services.planning.for_case(case.id)
    assert placement.kind is CONSULTATION
    assert placement.status is PlacementStatus.WAITING
    assert placement.reference == case.reference
    assert placement.trauma_referral_id == referral.id
    # saving the referral again does not queue it twice
    services.referrals.update_trauma_referral(referral.id, next_steps="Dolmetschung klären")
    assert len(services.planning.for_case(case.id)) == 1


def test_own_consultation_is_queued_at_once_without_a_case(services):
    referral = services.referrals.request_trauma_consultation(None)
    (placement,) = services.planning.for_case(None)
    assert placement.case_id is None and placement.reference == ""
    assert placement.trauma_referral_id == referral.id
    assert services.planning.mine() == [placement]


def test_capacity_slot_numbering_and_no_double_booking(services, clock):
    requests = []
    for i in range(4):
        requests.append(consultation_request(services, first=f"P{i}")[1])
        clock.advance(86400)
    set_role(services, Role.COORDINATOR)
    offer = services.planning.add_offer(
        CONSULTATION, starts_on=date(2026, 12, 3), capacity=3, specialist="Dr. Weber"
    )
    waiting = services.planning.waiting_list(CONSULTATION)
    assert [p.trauma_referral_id for p in waiting] == [r.id for r in requests]
    first = services.planning.assign(waiting[0].id, offer.id)
    assert first.slot == 1 and first.status is PlacementStatus.ASSIGNED
    assert first.assigned_on == clock.today()
    third = services.planning.assign(waiting[1].id, offer.id, slot=3)
    assert third.slot == 3
    with pytest.raises(ValidationError) as taken:
        services.planning.assign(waiting[2].id, offer.id, slot=3)
    assert "slot" in taken.value.problems
    with pytest.raises(ValidationError):
        services.planning.assign(waiting[2].id, offer.id, slot=4)  # beyond the capacity
    assert services.planning.assign(waiting[2].id, offer.id).slot == 2  # the gap
    with pytest.raises(ValidationError) as full:
        services.planning.assign(waiting[3].id, offer.id)
    assert "offer_id" in full.value.problems
    (row,) = services.planning.offers(CONSULTATION)
    assert (row.taken, row.free, row.overbooked) == (3, 0, False)
    assert [p.slot for p in services.planning.placements(offer.id)] == [1, 2, 3]
    assert len(services.planning.waiting_list(CONSULTATION)) == 1


def test_waiting_list_urgent_first_then_by_request_date(services, clock):
    _, a = new_client(services, first="A")
    _, b = new_client(services, first="B")
    _, c = new_client(services, first="C")
    first = services.planning.request(GROUP, case_id=a.id)
    clock.advance(86400)
    second = services.planning.request(GROUP, case_id=b.id, interpreter=" UK ")
    clock.advance(86400)
    urgent = services.planning.request(GROUP, case_id=c.id, urgent=True)
    order = services.planning.waiting_list(GROUP)
    assert [p.id for p in order] == [urgent.id, first.id, second.id]
    assert second.interpreter == "uk"
    assert services.planning.waiting_list(RESIDENTIAL) == []
    with pytest.raises(ValidationError):  # one open request per case and kind
        services.planning.request(GROUP, case_id=a.id)


def test_release_returns_to_the_waiting_list_and_frees_the_slot(services):
    consultation_request(services)
    set_role(services, Role.COORDINATOR)
    offer = services.planning.add_offer(CONSULTATION, starts_on=date(2026, 12, 3), capacity=2)
    (placement,) = services.planning.waiting_list(CONSULTATION)
    services.planning.assign(placement.id, offer.id)
    assert services.planning.offers()[0].free == 1
    with pytest.raises(ValidationError):  # an offer with given places stays
        services.planning.remove_offer(offer.id)
    with pytest.raises(ValidationError):  # fewer slots than given
        services.planning.update_offer(offer.id, capacity=0)
    released = services.planning.release(placement.id)
    assert released.status is PlacementStatus.WAITING
    assert (released.offer_id, released.slot, released.assigned_on) == (None, 0, None)
    assert services.planning.offers()[0].free == 2
    assert [p.id for p in services.planning.waiting_list(CONSULTATION)] == [placement.id]
    with pytest.raises(ValidationError):  # nothing to release any more
        services.planning.release(placement.id)
    services.planning.remove_offer(offer.id)
    assert services.planning.offers() == []


def test_moving_to_another_date_and_capacity_below_a_given_slot(services):
    consultation_request(services)
    set_role(services, Role.COORDINATOR)
    december = services.planning.add_offer(CONSULTATION, starts_on=date(2026, 12, 3), capacity=4)
    january = services.planning.add_offer(CONSULTATION, starts_on=date(2027, 1, 7), capacity=4)
    (placement,) = services.planning.waiting_list(CONSULTATION)
    services.planning.assign(placement.id, december.id, slot=4)
    with pytest.raises(ValidationError) as problem:
        services.planning.update_offer(december.id, capacity=3)
    assert "Platz 4" in problem.value.problems["capacity"]
    moved = services.planning.assign(placement.id, january.id)
    assert (moved.offer_id, moved.slot) == (january.id, 1)
    rows = {r.offer.id: r for r in services.planning.offers()}
    assert rows[december.id].taken == 0 and rows[january.id].taken == 1
    services.planning.update_offer(december.id, capacity=3, location="Gesundheitsamt")
    with pytest.raises(ValidationError):  # a group place for a consultation request
        group = services.planning.add_offer(GROUP, starts_on=date(2027, 1, 7), capacity=8)
        services.planning.assign(placement.id, group.id)
    with pytest.raises(ValidationError):  # a group needs a title
        services.planning.add_offer(GROUP, starts_on=date(2027, 1, 7), capacity=8)


def test_offers_from_date_and_overbooked(services, coordinator):
    services.planning.add_offer(CONSULTATION, starts_on=date(2026, 10, 1), capacity=2)
    upcoming = services.planning.add_offer(CONSULTATION, starts_on=date(2026, 12, 3), capacity=1)
    rows = services.planning.offers(from_date=date(2026, 11, 24))
    assert [r.offer.id for r in rows] == [upcoming.id]
    # two coordinators gave the last place offline: after sync both placements are there
    set_role(services, Role.CASEWORKER)
    consultation_request(services, first="A")
    consultation_request(services, first="B")
    set_role(services, Role.COORDINATOR)
    one, two = services.planning.waiting_list(CONSULTATION)
    services.planning.assign(one.id, upcoming.id)
    with services.transaction() as tx:  # what the merge of the other laptop's answer does
        tx.update(
            m.TraumaPlacement,
            two.id,
            status=PlacementStatus.ASSIGNED,
            offer_id=upcoming.id,
            slot=1,
            assigned_on=date(2026, 11, 24),
        )
    (row,) = services.planning.offers(CONSULTATION, from_date=date(2026, 11, 24))
    assert (row.taken, row.free, row.overbooked) == (2, 0, True)
    # the synced count followed the coordinator's own assignment; the recount after sync
    # catches up with the merged one, and caseworkers read that count
    assert services.planning.recount() == 1
    assert services.planning.recount() == 0
    set_role(services, Role.CASEWORKER)
    (row,) = services.planning.offers(CONSULTATION, from_date=date(2026, 11, 24))
    assert (row.taken, row.free, row.overbooked) == (2, 0, True)


def test_cancel_only_by_the_requesting_caseworker(services, clock):
    case, _referral = consultation_request(services)
    (placement,) = services.planning.for_case(case.id)
    users = table_of(m.User)
    with services.ctx.case_file.engine.begin() as conn:
        conn.execute(
            users.insert(),
            {
                "id": "b" * 32,
                "updated_hlc": "",
                "deleted": False,
                "username": "bschulz",
                "display_name": "Bernd Schulz",
                "role": Role.TEAM_LEAD,
                "team_id": None,
            },
        )
    with pytest.raises(PermissionDeniedError), services.transaction() as tx:
        tx.update(m.TraumaPlacement, placement.id, caseworker_id="b" * 32)  # fixed with the row
    with forged_writes(), services.transaction() as tx:  # as if pulled with another requester
        tx.update(m.TraumaPlacement, placement.id, caseworker_id="b" * 32)
    with pytest.raises(PermissionDeniedError):
        services.planning.cancel(placement.id)
    assert services.planning.staff_names()["b" * 32] == "Bernd Schulz"


def test_cancelling_the_consultation_request_cancels_the_referral(services):
    case, referral = consultation_request(services)
    (placement,) = services.planning.for_case(case.id)
    cancelled = services.planning.cancel(placement.id)
    assert cancelled.status is PlacementStatus.CANCELLED
    assert services.referrals.view_trauma_referral(referral.id).status is (
        TraumaReferralStatus.CANCELLED
    )
    assert services.planning.waiting_list(CONSULTATION) == []
    # asked again: a new request, and the old cancellation no longer counts
    services.referrals.update_trauma_referral(referral.id, status=TraumaReferralStatus.REQUESTED)
    placements = services.planning.for_case(case.id)
    assert sorted(p.status for p in placements) == sorted(
        [PlacementStatus.CANCELLED, PlacementStatus.WAITING]
    )
    assert services.planning.apply_assignments() == 0
    assert services.referrals.view_trauma_referral(referral.id).status is (
        TraumaReferralStatus.REQUESTED
    )


def test_apply_assignments_carries_the_slot_into_the_referral(services):
    _case, referral = consultation_request(services)
    set_role(services, Role.COORDINATOR)
    offer = services.planning.add_offer(
        CONSULTATION,
        starts_on=date(2026, 12, 3),
        capacity=4,
        specialist="Dr. Weber",
        location="Landratsamt, Raum 2.14",
    )
    (placement,) = services.planning.waiting_list(CONSULTATION)
    services.planning.assign(placement.id, offer.id)
    set_role(services, Role.CASEWORKER)
    assert services.planning.apply_assignments() == 1
    assert services.planning.apply_assignments() == 0  # up to date: nothing written
    got = services.referrals.view_trauma_referral(referral.id)
    assert got.status is TraumaReferralStatus.SLOT_ASSIGNED
    assert (got.consultation_date, got.specialist) == (date(2026, 12, 3), "Dr. Weber")

    # released by the coordinator: back to "requested", without a date
    set_role(services, Role.COORDINATOR)
    services.planning.release(placement.id)
    set_role(services, Role.CASEWORKER)
    assert services.planning.apply_assignments() == 1
    got = services.referrals.view_trauma_referral(referral.id)
    assert (got.status, got.consultation_date) == (TraumaReferralStatus.REQUESTED, None)


def test_apply_assignments_leaves_a_referral_without_consent_alone(services):
    _case, referral = consultation_request(services)
    set_role(services, Role.COORDINATOR)
    offer = services.planning.add_offer(CONSULTATION, starts_on=date(2026, 12, 3), capacity=4)
    (placement,) = services.planning.waiting_list(CONSULTATION)
    services.planning.assign(placement.id, offer.id)
    set_role(services, Role.CASEWORKER)
    # the release was withdrawn meanwhile
    services.referrals.update_trauma_referral(referral.id, consent_given=False)
    assert services.planning.apply_assignments() == 0
    got = services.referrals.view_trauma_referral(referral.id)
    assert (got.status, got.consultation_date) == (TraumaReferralStatus.REQUESTED, None)


def test_group_and_residential_places_follow_into_the_referral(services):
    case, referral = consultation_request(services)
    group = services.planning.request(GROUP, case_id=case.id, trauma_referral_id=referral.id)
    home = services.planning.request(RESIDENTIAL, case_id=case.id, trauma_referral_id=referral.id)
    got = services.referrals.view_trauma_referral(referral.id)
    assert got.group_offering is FollowUpOffer.WAITING_LIST
    assert got.residential_group is FollowUpOffer.WAITING_LIST

    set_role(services, Role.COORDINATOR)
    offer = services.planning.add_offer(
        GROUP, starts_on=date(2027, 1, 12), capacity=8, title="Stabilisierungsgruppe"
    )
    services.planning.assign(group.id, offer.id)
    set_role(services, Role.CASEWORKER)
    assert services.planning.apply_assignments() == 1
    assert services.referrals.view_trauma_referral(referral.id).group_offering is (
        FollowUpOffer.PLACED
    )
    services.planning.cancel(home.id)
    got = services.referrals.view_trauma_referral(referral.id)
    assert got.residential_group is FollowUpOffer.DECLINED
    # a new request after the cancellation counts, the old one does not flip it back
    services.planning.request(RESIDENTIAL, case_id=case.id, trauma_referral_id=referral.id)
    services.planning.apply_assignments()
    assert services.planning.apply_assignments() == 0
    assert services.referrals.view_trauma_referral(referral.id).residential_group is (
        FollowUpOffer.WAITING_LIST
    )


def test_attended_placement_keeps_its_place(services):
    _case, _referral = consultation_request(services)
    set_role(services, Role.COORDINATOR)
    offer = services.planning.add_offer(CONSULTATION, starts_on=date(2026, 12, 3), capacity=1)
    (placement,) = services.planning.waiting_list(CONSULTATION)
    with pytest.raises(TransitionError):
        services.planning.mark_attended(placement.id)
    services.planning.assign(placement.id, offer.id)
    services.planning.mark_attended(placement.id)
    assert services.planning.offers()[0].taken == 1
    with pytest.raises(ValidationError):
        services.planning.release(placement.id)


def test_recommendation_after_the_assessment_goes_into_the_help_plan(services, clock):
    case, referral = consultation_request(services)
    plan = services.plans.create(case.id, date(2026, 11, 1), date(2027, 10, 31), date(2027, 5, 1))
    set_role(services, Role.COORDINATOR)
    offer = services.planning.add_offer(
        CONSULTATION, starts_on=date(2026, 11, 24), capacity=4, specialist="Dr. Weber"
    )
    (placement,) = services.planning.waiting_list(CONSULTATION)
    services.planning.assign(placement.id, offer.id)
    set_role(services, Role.CASEWORKER)
    services.planning.apply_assignments()
    services.referrals.record_assessment(
        referral.id,
        outcome="Belastungsreaktion, keine akute Gefährdung",
        recommendation="Teilnahme am Gruppenangebot",
        next_steps="Anmeldung über die Koordination",
    )
    entry = services.plans.carry_recommendation(referral.id, plan.id)
    assert entry.life_area is LifeArea.HEALTH
    assert "Teilnahme am Gruppenangebot" in entry.goal
    assert entry.source_trauma_referral_id == referral.id
    assert [e.id for e in services.plans.entries(plan.id)] == [entry.id]


def test_placements_hold_no_client_names(services):
    case, _referral = consultation_request(services, first="Olena")
    (placement,) = services.planning.for_case(case.id)
    t = table_of(m.TraumaPlacement)
    with services.ctx.read() as conn:
        row = conn.execute(sa.select(t).where(t.c.id == placement.id)).one()
    assert "Olena" not in repr(row) and "Kovalenko" not in repr(row)


def test_where_a_waiting_request_can_go(services, clock):
    """The assign dialog's choices, from the service (#19 item 9): offers of the request's
    kind from today on with room left, each with its free slots."""
    requests = [consultation_request(services, first=f"P{i}")[1] for i in range(2)]
    set_role(services, Role.COORDINATOR)
    soon = services.planning.add_offer(CONSULTATION, starts_on=date(2026, 12, 3), capacity=3)
    full = services.planning.add_offer(CONSULTATION, starts_on=date(2026, 12, 10), capacity=1)
    services.planning.add_offer(CONSULTATION, starts_on=date(2026, 11, 1), capacity=3)  # past
    services.planning.add_offer(GROUP, starts_on=date(2026, 12, 3), capacity=5, title="Gruppe")
    first, second = services.planning.waiting_list(CONSULTATION)
    services.planning.assign(first.id, soon.id, slot=2)
    services.planning.assign(first.id, full.id)  # moved: slot 2 of the first date is free again
    services.planning.assign(second.id, soon.id, slot=2)
    choices = services.planning.choices(first.id, clock.today())
    assert [(offer.id, free, slots) for offer, free, slots in choices] == [(soon.id, 2, [1, 3])]
    assert len(requests) == 2


def test_the_trauma_section_in_one_read(services):
    """What the trauma tab shows, from the service (#19 item 9): the visible referrals
    (each an audited view), the requests that count per referral, the offers."""
    case, referral = consultation_request(services)
    set_role(services, Role.COORDINATOR)
    offer = services.planning.add_offer(CONSULTATION, starts_on=date(2026, 12, 3), capacity=3)
    (waiting,) = services.planning.waiting_list(CONSULTATION)
    services.planning.assign(waiting.id, offer.id)
    set_role(services, Role.CASEWORKER)
    section = services.trauma_section(case.id)
    assert [r.id for r in section.referrals] == [referral.id]
    assert [p.offer_id for p in section.placements[referral.id]] == [offer.id]
    assert section.offers[offer.id].capacity == 3
    views = [e for e in services.history("trauma_referral", referral.id) if e.action == "view"]
    assert views
