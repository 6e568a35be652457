"""Use cases end to end through the services, as the GUI will call them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from caseworker_desktop.domain import model as m
from caseworker_desktop.domain.enums import (
    AuditAction,
    CaseStatus,
    ClosingReason,
    ConsentKind,
    ConsentRecipient,
    ConsentState,
    ContactKind,
    CourseReferralStatus,
    CourseType,
    EntryStatus,
    HelpPlanStatus,
    LanguageLevel,
    LifeArea,
    Role,
    TraumaReferralStatus,
)
from caseworker_desktop.domain.errors import (
    CaseworkerError,
    PermissionDeniedError,
    TransitionError,
    ValidationError,
)
from caseworker_desktop.storage.orm import table_of
from tests.helpers import RELEASE, new_client


@pytest.fixture
def plan(services):
    _, case = new_client(services)
    return services.plans.create(case.id, date(2026, 11, 1), date(2027, 10, 31), date(2027, 2, 1))


def test_register_creates_household_consent_and_open_case(services):
    client, case = new_client(services)
    assert case.status is CaseStatus.OPEN and case.caseworker_id == services.user.id
    assert case.reference == f"IM-2026-00001-{services.ctx.device_id[:4].upper()}"
    household = services.clients.household(client.household_id)
    assert household.municipality_id == services.clients.municipalities()[0].id
    assert services.clients.has_consent(client.id, ConsentKind.DATA_PROCESSING)
    assert not services.clients.has_consent(client.id, ConsentKind.CONFIDENTIALITY_RELEASE)
    new_client(services, first="Andrii", household_id=client.household_id)
    names = [c.first_name for c in services.clients.household_members(client.household_id)]
    assert names == ["Andrii", "Olena"]


def test_consent_withdrawal(services):
    client, _ = new_client(services)
    release = ConsentKind.CONFIDENTIALITY_RELEASE
    with pytest.raises(ValidationError, match="wem Auskunft"):  # a release names its recipient
        services.clients.record_consent(client.id, release, date(2026, 11, 10))
    consent = services.clients.record_consent(
        client.id, release, date(2026, 11, 10), recipient=ConsentRecipient.JOBCENTER
    )
    assert services.clients.has_consent(client.id, release)
    assert services.clients.has_consent(client.id, release, recipient=ConsentRecipient.JOBCENTER)
    assert not services.clients.has_consent(
        client.id, release, recipient=ConsentRecipient.TRAUMA_CONSULTATION
    )
    with pytest.raises(ValidationError, match="schon vor"):  # a second click: no duplicate
        services.clients.record_consent(
            client.id, release, date(2026, 11, 12), recipient=ConsentRecipient.JOBCENTER
        )
    with pytest.raises(ValidationError, match="Zukunft"):
        services.clients.withdraw_consent(consent.id, date(2027, 1, 1))
    services.clients.withdraw_consent(consent.id, date(2026, 11, 20))
    assert not services.clients.has_consent(client.id, release)
    with pytest.raises(ValidationError, match="Bereits widerrufen"):
        services.clients.withdraw_consent(consent.id, date(2026, 11, 21))
    # after the withdrawal a new release may be signed
    services.clients.record_consent(
        client.id, release, date(2026, 11, 21), recipient=ConsentRecipient.JOBCENTER
    )


def test_consent_validity_and_state(services, clock):
    client, _ = new_client(services)
    today = clock.today()
    consent = services.clients.record_consent(
        client.id,
        ConsentKind.CONFIDENTIALITY_RELEASE,
        today - timedelta(days=30),
        "Anmeldung zum Integrationskurs",
        recipient=ConsentRecipient.LANGUAGE_COURSE_PROVIDER,
        valid_until=today + timedelta(days=10),
    )
    assert consent.state_on(today) is ConsentState.VALID
    assert consent.state_on(today + timedelta(days=11)) is ConsentState.EXPIRED
    assert consent.state_on(today - timedelta(days=31)) is ConsentState.NOT_YET_VALID
    with pytest.raises(ValidationError, match="Gültig bis"):
        services.clients.record_consent(
            client.id,
            ConsentKind.CONFIDENTIALITY_RELEASE,
            today,
            recipient=ConsentRecipient.JOBCENTER,
            valid_until=today - timedelta(days=1),
        )
    with pytest.raises(ValidationError, match="Stelle und den Zweck"):
        services.clients.record_consent(
            client.id, ConsentKind.CONFIDENTIALITY_RELEASE, today,
            recipient=ConsentRecipient.OTHER,
        )  # fmt: skip


def test_withdrawing_the_release_takes_it_from_open_trauma_requests(services):
    client, case = new_client(services)
    referral = services.referrals.request_trauma_consultation(case.id, release=RELEASE)
    assert referral.consent_given
    (consent,) = [
        c for c in services.clients.consents(client.id)
        if c.recipient is ConsentRecipient.TRAUMA_CONSULTATION
    ]  # fmt: skip
    services.clients.withdraw_consent(consent.id, date(2026, 11, 20))
    with services.ctx.transaction() as tx:
        assert not tx.get(type(referral), referral.id).consent_given
    with pytest.raises(ValidationError, match="keine gültige Schweigepflichtentbindung"):
        services.referrals.request_trauma_consultation(case.id, consent_given=True)


def test_help_plan_entries_grouped_reordered_and_status(services, plan):
    a = services.plans.add_entry(plan.id, life_area=LifeArea.LANGUAGE, goal="B1")
    b = services.plans.add_entry(plan.id, life_area=LifeArea.HOUSING, goal="Wohnung")
    c = services.plans.add_entry(plan.id, life_area=LifeArea.LANGUAGE, goal="Alpha")
    assert [e.goal for e in services.plans.entries(plan.id)] == ["B1", "Wohnung", "Alpha"]
    services.plans.move_entry(c.id, 0)
    assert [e.goal for e in services.plans.entries(plan.id)] == ["Alpha", "B1", "Wohnung"]
    grouped = services.plans.entries_by_area(plan.id)
    assert list(grouped) == [LifeArea.HOUSING, LifeArea.LANGUAGE]
    assert [e.goal for e in grouped[LifeArea.LANGUAGE]] == ["Alpha", "B1"]
    services.plans.set_entry_status(a.id, EntryStatus.ACHIEVED, "Zertifikat B1 erhalten")
    with pytest.raises(TransitionError, match="nicht möglich"):
        services.plans.set_entry_status(a.id, EntryStatus.DROPPED)
    services.plans.delete_entry(b.id)
    assert [e.goal for e in services.plans.entries(plan.id)] == ["Alpha", "B1"]


def test_due_date_before_plan_period_is_refused(services, plan):
    with pytest.raises(ValidationError) as info:
        services.plans.add_entry(
            plan.id, life_area=LifeArea.WORK, goal="Job", due_on=date(2026, 1, 1)
        )
    assert "due_on" in info.value.problems


def test_editing_an_agreed_plan_takes_it_back_to_draft(services, plan):
    entry = services.plans.add_entry(plan.id, life_area=LifeArea.WORK, goal="Praktikum")
    agreed = services.plans.agree(plan.id, agreed_on=date(2026, 11, 20))
    assert agreed.status is HelpPlanStatus.AGREED and agreed.signed
    services.plans.set_entry_status(entry.id, EntryStatus.IN_PROGRESS)  # progress is fine
    assert services.plans.get(plan.id).status is HelpPlanStatus.AGREED
    services.plans.update_entry(entry.id, goal="Praktikum im Einzelhandel")
    again = services.plans.get(plan.id)
    assert again.status is HelpPlanStatus.DRAFT and not again.signed and again.agreed_on is None


def _become_team_lead(services) -> None:
    with services.ctx.transaction() as tx:
        tx.conn.execute(
            table_of(m.User).update().values(role=Role.TEAM_LEAD.value)
        )  # the server assigns roles; here we simulate it
    services.ctx.user = services.ctx.user.__class__(
        **{**services.ctx.user.__dict__, "role": Role.TEAM_LEAD}
    )


def test_only_a_team_lead_approves(services, plan):
    services.plans.add_entry(plan.id, life_area=LifeArea.WORK, goal="Praktikum")
    services.plans.agree(plan.id, agreed_on=date(2026, 11, 20))
    with pytest.raises(PermissionDeniedError):
        services.plans.approve(plan.id)
    _become_team_lead(services)
    approved = services.plans.approve(plan.id)
    assert approved.status is HelpPlanStatus.APPROVED
    assert approved.approved_by == services.user.id


def test_a_plan_without_a_goal_is_not_agreed(services, plan):
    """The rule the agree button mirrors, in the service (#19 item 1)."""
    with pytest.raises(ValidationError) as info:
        services.plans.agree(plan.id, agreed_on=date(2026, 11, 20))
    assert "ohne Ziel" in info.value.problems["entries"]
    entry = services.plans.add_entry(plan.id, life_area=LifeArea.HOUSING, goal="Wohnung")
    services.plans.delete_entry(entry.id)  # a deleted goal does not count
    with pytest.raises(ValidationError):
        services.plans.agree(plan.id)
    assert services.plans.get(plan.id).status is HelpPlanStatus.DRAFT


def test_an_unsigned_plan_is_not_approved(services, plan):
    """Agreed but not yet signed: the team lead's approval waits for the signature."""
    services.plans.add_entry(plan.id, life_area=LifeArea.WORK, goal="Praktikum")
    services.plans.agree(plan.id, agreed_on=date(2026, 11, 20), signed=False)
    _become_team_lead(services)
    with pytest.raises(ValidationError) as info:
        services.plans.approve(plan.id)
    assert "unterschriebenen" in info.value.problems["signed"]
    assert services.plans.get(plan.id).status is HelpPlanStatus.AGREED
    services.plans.agree(plan.id, agreed_on=date(2026, 11, 20), signed=True)
    assert services.plans.approve(plan.id).status is HelpPlanStatus.APPROVED
    with pytest.raises(ValidationError):  # and an approved plan cannot lose its signature
        services.plans.update(plan.id, signed=False)


def test_case_lifecycle(services):
    _, case = new_client(services)
    services.cases.set_dormant(case.id)
    closed = services.cases.close(case.id, ClosingReason.INDEPENDENT, closed_on=date(2026, 11, 24))
    assert closed.status is CaseStatus.CLOSED
    reopened = services.cases.reopen(case.id)
    assert reopened.closed_on is None and reopened.closing_reason is None
    with pytest.raises(ValidationError):
        services.cases.close(case.id, ClosingReason.OTHER, closed_on=date(2027, 1, 1))


def test_course_referral_workflow(services):
    _, case = new_client(services)
    ref = services.referrals.refer_to_course(
        case.id,
        course_type=CourseType.DISTRICT_COURSE,
        target_level=LanguageLevel.A2,
        provider="VHS Ludwigsburg",
        start_on=date(2026, 10, 1),
        childcare_needed=True,
    )
    with pytest.raises(TransitionError):
        services.referrals.update_course_referral(ref.id, status=CourseReferralStatus.COMPLETED)
    services.referrals.update_course_referral(ref.id, status=CourseReferralStatus.REGISTERED)
    services.referrals.update_course_referral(ref.id, status=CourseReferralStatus.STARTED)
    done = services.referrals.update_course_referral(
        ref.id, status=CourseReferralStatus.COMPLETED, level_achieved=LanguageLevel.A2
    )
    assert done.level_achieved is LanguageLevel.A2
    assert services.referrals.course_referrals(case.id) == [done]


def test_trauma_referral_consent_view_audit_and_recommendation(services, plan):
    case_id = plan.case_id
    ref = services.referrals.request_trauma_consultation(case_id, consent_given=False)
    with pytest.raises(ValidationError) as info:
        services.referrals.assign_consultation(ref.id, date(2026, 12, 9))
    assert "consent_given" in info.value.problems
    with pytest.raises(ValidationError, match="keine gültige Schweigepflichtentbindung"):
        services.referrals.update_trauma_referral(ref.id, consent_given=True)
    client_id = services.cases.get(case_id).client_id
    services.clients.record_consent(
        client_id,
        ConsentKind.CONFIDENTIALITY_RELEASE,
        date(2026, 11, 2),
        recipient=ConsentRecipient.TRAUMA_CONSULTATION,
    )
    services.referrals.update_trauma_referral(ref.id, consent_given=True)
    services.referrals.assign_consultation(ref.id, date(2026, 11, 20), "Dr. med. Hauser")
    with pytest.raises(CaseworkerError, match="noch keine Empfehlung"):
        services.plans.carry_recommendation(ref.id, plan.id)
    services.referrals.record_assessment(
        ref.id,
        outcome="Anpassungsstörung",
        recommendation="Teilnahme am Gruppenangebot",
        next_steps="Anmeldung bis Januar",
    )
    entry = services.plans.carry_recommendation(ref.id, plan.id)
    assert entry.life_area is LifeArea.HEALTH
    assert "Teilnahme am Gruppenangebot" in entry.goal and entry.measures == "Anmeldung bis Januar"
    assert entry.source_trauma_referral_id == ref.id

    def views():
        return [
            e for e in services.history("trauma_referral", ref.id) if e.action is AuditAction.VIEW
        ]

    before = len(views())
    services.referrals.view_trauma_referral(ref.id)
    assert len(views()) == before + 1
    listed = services.referrals.trauma_referrals(case_id)
    assert [r.id for r in listed] == [ref.id]
    assert len(views()) == before + 2
    assert services.referrals.view_trauma_referral(ref.id).status is (TraumaReferralStatus.ASSESSED)


def test_trauma_referral_of_another_caseworker_is_hidden(services):
    _, case = new_client(services)
    ref = services.referrals.request_trauma_consultation(case.id, release=RELEASE)
    with services.ctx.transaction() as tx:
        tx.conn.execute(
            table_of(m.TraumaReferral)
            .update()
            .where(table_of(m.TraumaReferral).c.id == ref.id)
            .values(caseworker_id="someone-else")
        )
    with pytest.raises(PermissionDeniedError):
        services.referrals.view_trauma_referral(ref.id)
    assert services.referrals.trauma_referrals(case.id) == []
    with services.ctx.read() as conn:
        views = conn.execute(
            sa.text("SELECT count(*) FROM audit_event WHERE action = 'view'")
        ).scalar()
    assert views == 0


def test_own_consultation_needs_no_case(services):
    ref = services.referrals.request_trauma_consultation(None)
    assert ref.own_consultation and ref.case_id is None
    services.referrals.assign_consultation(ref.id, date(2026, 11, 20))


def test_caseload_rows(services, clock):
    _, case = new_client(services, first="Yusuf", last="Aydın")
    _, other_case = new_client(services, first="Amina", last="Haddad")
    services.plans.create(case.id, date(2026, 5, 1), date(2027, 4, 30), date(2026, 11, 1))
    services.referrals.refer_to_course(
        case.id, course_type=CourseType.INTEGRATION_COURSE, target_level=LanguageLevel.B1
    )
    services.referrals.request_trauma_consultation(case.id, release=RELEASE)
    services.cases.add_note(case.id, kind=ContactKind.PHONE, text="x", contact_on=date(2026, 11, 3))
    services.cases.add_note(case.id, kind=ContactKind.PHONE, text="y", contact_on=date(2026, 11, 9))
    rows = {r.case_id: r for r in services.cases.caseload()}
    row = rows[case.id]
    assert row.client_name == "Aydın, Yusuf"
    assert row.open_referrals == 2
    assert row.last_contact_on == date(2026, 11, 9)
    assert row.next_review_on == date(2026, 11, 1) and row.review_overdue(clock.today())
    empty = rows[other_case.id]
    assert empty.open_referrals == 0 and empty.last_contact_on is None
    assert not empty.review_overdue(clock.today())
    assert [r.client_name for r in services.cases.caseload()] == ["Aydın, Yusuf", "Haddad, Amina"]


def test_saving_unchanged_content_keeps_the_plan_agreed(services, plan):
    """The dialogs pass every field: only a real content change takes the plan back."""
    entry = services.plans.add_entry(plan.id, life_area=LifeArea.WORK, goal="Praktikum")
    services.plans.agree(plan.id, agreed_on=date(2026, 11, 20))
    same = {
        f: getattr(entry, f)
        for f in ("life_area", "goal", "measures", "responsible", "due_on", "outcome_note")
    }
    services.plans.update_entry(entry.id, status=EntryStatus.IN_PROGRESS, **same)
    current = services.plans.get(plan.id)
    services.plans.update(
        plan.id,
        period_start=current.period_start,
        period_end=current.period_end,
        next_review_on=current.next_review_on,
    )
    assert services.plans.get(plan.id).status is HelpPlanStatus.AGREED


def test_undo_restores_a_status_the_workflow_would_not_allow(services, plan):
    entry = services.plans.add_entry(plan.id, life_area=LifeArea.WORK, goal="Praktikum")
    services.plans.set_entry_status(entry.id, EntryStatus.ACHIEVED)
    services.restore(m.HelpPlanEntry, entry.id, {"status": EntryStatus.OPEN})
    assert services.plans.entries(plan.id)[0].status is EntryStatus.OPEN


def test_a_caught_inner_failure_leaves_nothing_behind(services):
    from tests.helpers import new_client as register

    with services.transaction():
        register(services, first="Amina", last="Haddad")
        with pytest.raises(ValidationError):
            register(services, first="  ", last="Leer")
    with services.ctx.read() as conn:
        households = conn.exec_driver_sql("SELECT count(*) FROM household").scalar()
        clients = conn.exec_driver_sql("SELECT last_name FROM client").scalars().all()
    assert households == 1 and clients == ["Haddad"]


def test_a_course_serves_only_a_goal_of_its_own_case(services, plan):
    _, other_case = new_client(services, first="Taras", last="Bondarenko")
    goal = services.plans.add_entry(plan.id, life_area=LifeArea.LANGUAGE, goal="Deutsch A2")
    with pytest.raises(ValidationError, match="anderen Falls"):
        services.referrals.refer_to_course(
            other_case.id, course_type=CourseType.INTEGRATION_COURSE,
            target_level=LanguageLevel.A2, help_plan_entry_id=goal.id,
        )  # fmt: skip
    referral = services.referrals.refer_to_course(
        plan.case_id, course_type=CourseType.INTEGRATION_COURSE,
        target_level=LanguageLevel.A2, help_plan_entry_id=goal.id,
    )  # fmt: skip
    services.referrals.update_course_referral(referral.id, status=CourseReferralStatus.REGISTERED)
    started = services.referrals.update_course_referral(
        referral.id, status=CourseReferralStatus.STARTED
    )
    assert started.start_on == services.ctx.clock.today()  # begun today unless given
    assert services.plans.entries(plan.id)[-1].status is EntryStatus.IN_PROGRESS


def test_withdrawing_the_trauma_release_stops_the_request_and_its_slot_request(services):
    """What went to the coordinator only because of the release (the request for a slot,
    with the case reference) is cancelled and withdrawn; the request waits for a release."""
    from caseworker_desktop.domain import model as m
    from caseworker_desktop.domain.enums import PlacementStatus, TraumaOfferKind
    from caseworker_desktop.storage.orm import table_of
    from tests.helpers import RELEASE

    client, case = new_client(services)
    referral = services.referrals.request_trauma_consultation(case.id, release=RELEASE)
    waiting = services.planning.waiting_list(TraumaOfferKind.CONSULTATION)
    assert [p.trauma_referral_id for p in waiting] == [referral.id]
    (release,) = [c for c in services.clients.consents(client.id)
                  if c.recipient is ConsentRecipient.TRAUMA_CONSULTATION]  # fmt: skip
    services.clients.withdraw_consent(release.id, date(2026, 11, 20))
    assert services.planning.waiting_list(TraumaOfferKind.CONSULTATION) == []
    with services.ctx.read() as conn:
        t = table_of(m.TraumaPlacement)
        (row,) = conn.execute(sa.select(t)).mappings().all()
    assert row["deleted"] and row["status"] == PlacementStatus.CANCELLED
    assert not services.referrals.view_trauma_referral(referral.id).consent_given
