"""End to end, with the real server process: the trauma offer planning between the
coordinator and two caseworkers of different teams. Dates go out to everyone, requests go
to the coordinator with the case reference only (no case, client or trauma referral rows
on the coordinator's laptop), the slot comes back into the caseworker's referral, the
recommendation goes into the help plan. Nobody writes what is not theirs."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa

from caseworker_desktop.clock import FakeClock
from caseworker_desktop.domain import model as m
from caseworker_desktop.domain.enums import (
    LifeArea,
    PlacementStatus,
    Role,
    TraumaOfferKind,
    TraumaReferralStatus,
)
from caseworker_desktop.domain.errors import PermissionDeniedError
from caseworker_desktop.services import Release
from caseworker_desktop.storage.orm import table_of
from tests.e2e.conftest import office
from tests.e2e.test_two_laptops import laptop, sync
from tests.helpers import forged_writes, new_client

CONSULTATION = TraumaOfferKind.CONSULTATION


@pytest.fixture
def district(server):
    office(server.db, "team add", "--name", "Team Nord")
    office(server.db, "team add", "--name", "Team Süd")
    for username, display, role, team in (
        ("amueller", "Anna Müller", "caseworker", "Team Nord"),
        ("cschmidt", "Carla Schmidt", "caseworker", "Team Süd"),
        ("koord", "Kim Koordination", "coordinator", None),
    ):
        options = ["--username", username, "--display-name", display, "--role", role]
        office(server.db, "user add", *options, *(["--team", team] if team else []))
    return server


def count(case_file, cls) -> int:
    with case_file.engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(table_of(cls))).scalar()


def test_consultation_planning_between_coordinator_and_caseworkers(tmp_path, district):
    clock = FakeClock(datetime.now(UTC))  # the server's clock is real
    today = clock.today()
    k_file, k = laptop(tmp_path, "coordinator", "koord", district, clock)
    a_file, a = laptop(tmp_path, "laptop-a", "amueller", district, clock)
    c_file, c = laptop(tmp_path, "laptop-c", "cschmidt", district, clock)
    try:
        assert k.user.role is Role.COORDINATOR

        # the coordinator plans two dates and the group offering
        first = k.planning.add_offer(
            CONSULTATION,
            starts_on=today + timedelta(days=9),
            capacity=3,
            specialist="Dr. Weber",
            location="Landratsamt, Raum 2.14",
        )
        k.planning.add_offer(CONSULTATION, starts_on=today + timedelta(days=37), capacity=3)
        k.planning.add_offer(
            TraumaOfferKind.GROUP_OFFERING,
            starts_on=today + timedelta(days=20),
            capacity=8,
            title="Stabilisierungsgruppe",
        )
        assert sync(k_file, k).rejected == 0

        # both caseworkers see the dates
        for cf, services in ((a_file, a), (c_file, c)):
            sync(cf, services)
            offers = services.planning.offers(CONSULTATION, from_date=today)
            assert [r.offer.starts_on for r in offers] == [
                today + timedelta(days=9),
                today + timedelta(days=37),
            ]
            assert offers[0].offer.specialist == "Dr. Weber"

        # a caseworker asks for a consultation for a client, with the release signed
        client, case = new_client(a, first="Olena", last="Kovalenko")
        referral = a.referrals.request_trauma_consultation(
            case.id, release=Release(given_on=today, scope="Traumasprechstunde")
        )
        plan = a.plans.create(
            case.id, today, today + timedelta(days=364), today + timedelta(days=180)
        )
        assert sync(a_file, a).rejected == 0

        # the coordinator sees the request with the case reference, and no case data
        sync(k_file, k)
        (waiting,) = k.planning.waiting_list(CONSULTATION)
        assert waiting.reference == case.reference and waiting.case_id == case.id
        assert k.planning.staff_names()[waiting.caseworker_id] == "Anna Müller"
        for cls in (m.Case, m.Client, m.Household, m.TraumaReferral, m.HelpPlan, m.ConsentRecord):
            assert count(k_file, cls) == 0, cls.__name__
        placement = k.planning.assign(waiting.id, first.id)
        assert placement.slot == 1
        assert sync(k_file, k).rejected == 0

        # the slot arrives in the caseworker's referral
        sync(a_file, a)
        assert a.planning.apply_assignments() == 1
        got = a.referrals.view_trauma_referral(referral.id)
        assert got.status is TraumaReferralStatus.SLOT_ASSIGNED
        assert got.consultation_date == first.starts_on
        assert got.specialist == "Dr. Weber"
        (mine,) = a.planning.mine()
        assert (mine.status, mine.offer_id, mine.slot) == (PlacementStatus.ASSIGNED, first.id, 1)
        # the caseworker sees what is still free by the count the coordinator keeps
        row = next(r for r in a.planning.offers(CONSULTATION) if r.offer.id == first.id)
        assert (row.taken, row.free) == (1, first.capacity - 1)

        # after the consultation: assessment, recommendation into the help plan
        a.referrals.record_assessment(
            referral.id,
            outcome="Belastungsreaktion, keine akute Gefährdung",
            recommendation="Teilnahme an der Stabilisierungsgruppe",
            next_steps="Platz über die Koordination anfragen",
        )
        entry = a.plans.carry_recommendation(referral.id, plan.id)
        assert entry.life_area is LifeArea.HEALTH
        a.planning.request(
            TraumaOfferKind.GROUP_OFFERING, case_id=case.id, trauma_referral_id=referral.id
        )
        assert sync(a_file, a).rejected == 0
        sync(k_file, k)
        assert len(k.planning.waiting_list(TraumaOfferKind.GROUP_OFFERING)) == 1
        # the assessment itself never reaches the coordinator
        assert count(k_file, m.TraumaReferral) == 0 and count(k_file, m.HelpPlanEntry) == 0

        # a caseworker cannot plan: refused locally, and refused by the office when forced
        with pytest.raises(PermissionDeniedError):
            a.planning.add_offer(CONSULTATION, starts_on=today, capacity=99)
        with pytest.raises(PermissionDeniedError), a.transaction() as tx:
            tx.add(m.TraumaOffer(kind=CONSULTATION, starts_on=today, capacity=99))
        with forged_writes(), a.transaction() as tx:
            forged = tx.add(m.TraumaOffer(kind=CONSULTATION, starts_on=today, capacity=99))
        assert sync(a_file, a).rejected > 0
        sync(k_file, k)
        assert forged.id not in {r.offer.id for r in k.planning.offers()}

        # the other team's caseworker sees the dates, never the first one's requests
        sync(c_file, c)
        assert count(c_file, m.TraumaPlacement) == 0
        assert c.planning.mine() == []
        assert len(c.planning.offers(from_date=today)) == 3
        assert forged.id not in {r.offer.id for r in c.planning.offers()}

        # the coordinator may neither edit a case nor make requests
        with pytest.raises(PermissionDeniedError), k.transaction() as tx:
            tx.add(m.Case(client_id=client.id, caseworker_id=k.user.id, opened_on=today))
        with forged_writes(), k.transaction() as tx:
            tx.add(
                m.Case(
                    id=case.id,
                    client_id=client.id,
                    caseworker_id=k.user.id,
                    reference="gefälscht",
                    opened_on=date(2026, 1, 1),
                )
            )
            tx.add(
                m.TraumaPlacement(
                    kind=CONSULTATION,
                    case_id=case.id,
                    caseworker_id=waiting.caseworker_id,
                    reference=case.reference,
                    requested_on=today,
                )
            )
        report = sync(k_file, k)
        assert report.rejected >= 2
        sync(a_file, a)
        assert a.cases.get(case.id).reference == case.reference
        assert a.cases.get(case.id).caseworker_id == a.user.id
        assert len(a.planning.for_case(case.id)) == 2  # consultation + group, no forged one
    finally:
        for cf in (k_file, a_file, c_file):
            cf.lock()
