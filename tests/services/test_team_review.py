"""The team lead's review through the services: the caseload flags (stalled referrals,
no contact for N weeks, awaiting approval, open comments), approval and comments."""

from __future__ import annotations

from datetime import date

import pytest

from caseworker_desktop.domain.enums import (
    CaseStatus,
    ClosingReason,
    ContactKind,
    CourseReferralStatus,
    CourseType,
    HelpPlanStatus,
    LanguageLevel,
    LifeArea,
    Role,
)
from caseworker_desktop.domain.errors import PermissionDeniedError, ValidationError
from tests.helpers import new_client
from tests.team import acting_as, add_user, make_local_user

WEEK = 7 * 86400


def row_of(services, case_id, **kw):
    return next(r for r in services.cases.caseload(everyone=True, **kw) if r.case_id == case_id)


def test_a_waiting_course_referral_is_stalled_after_eight_weeks_without_a_status_change(
    services, clock
):
    _, case = new_client(services)
    referral = services.referrals.refer_to_course(
        case.id, course_type=CourseType.INTEGRATION_COURSE, target_level=LanguageLevel.B1
    )
    clock.advance(7 * WEEK)
    assert row_of(services, case.id).stalled_referrals == 0
    clock.advance(2 * WEEK)
    assert row_of(services, case.id).stalled_referrals == 1
    assert row_of(services, case.id, stalled_weeks=10).stalled_referrals == 0
    # a status change (here: registered with the provider) starts the count again
    services.referrals.update_course_referral(referral.id, status=CourseReferralStatus.REGISTERED)
    assert row_of(services, case.id).stalled_referrals == 0
    clock.advance(9 * WEEK)
    assert row_of(services, case.id).stalled_referrals == 1
    # a course that started is not waiting for anyone
    services.referrals.update_course_referral(
        referral.id, status=CourseReferralStatus.STARTED, start_on=clock.today()
    )
    clock.advance(20 * WEEK)
    row = row_of(services, case.id)
    assert row.stalled_referrals == 0 and row.open_referrals == 1


def test_no_contact_for_n_weeks(services, clock):
    _, case = new_client(services)
    services.cases.add_note(case.id, kind=ContactKind.HOME_VISIT, text="Hausbesuch")
    _, quiet = new_client(services, first="Amina", last="Haddad")  # no note at all
    clock.advance(5 * WEEK)
    today = clock.today()
    row, never = row_of(services, case.id), row_of(services, quiet.id)
    assert not row.without_contact(today) and not never.without_contact(today)
    assert row.without_contact(today, weeks=4)
    clock.advance(2 * WEEK)
    today = clock.today()
    row, never = row_of(services, case.id), row_of(services, quiet.id)
    assert row.without_contact(today) and not row.without_contact(today, weeks=8)
    assert never.without_contact(today)  # counted from the day the case was opened
    services.cases.add_note(case.id, kind=ContactKind.PHONE, text="Anruf")
    assert not row_of(services, case.id).without_contact(today)
    services.cases.close(quiet.id, ClosingReason.INDEPENDENT)
    assert not row_of(services, quiet.id).without_contact(today)  # closed: nobody to contact


def test_the_team_lead_sees_the_team_caseload_a_caseworker_only_their_own(services):
    lead = make_local_user(services, Role.TEAM_LEAD, "Lena Lehmann")
    anna = add_user(services, "amueller2", "Anna Müller")
    with acting_as(services, anna):
        _, annas = new_client(services, first="Olena", last="Kovalenko")
    _, own = new_client(services, first="Wahid", last="Ahmadi")
    team = {r.case_id: r for r in services.cases.caseload(everyone=True)}
    assert set(team) == {annas.id, own.id}
    assert team[annas.id].caseworker_name == "Anna Müller"
    assert team[own.id].caseworker_name == "Lena Lehmann" == lead.display_name
    assert [r.case_id for r in services.cases.caseload()] == [own.id]
    with acting_as(services, anna):
        assert [r.case_id for r in services.cases.caseload()] == [annas.id]


def test_approval_and_comments_show_in_the_caseload(services):
    anna_is_local = services.user
    lead = add_user(services, "lead", "Lena Lehmann", Role.TEAM_LEAD)
    _, case = new_client(services)
    plan = services.plans.create(case.id, date(2026, 11, 1), date(2027, 10, 31), date(2027, 5, 1))
    services.plans.add_entry(plan.id, life_area=LifeArea.WORK, goal="Praktikum")
    assert row_of(services, case.id).plan_status is HelpPlanStatus.DRAFT
    services.plans.agree(plan.id)
    assert row_of(services, case.id).awaiting_approval
    with pytest.raises(PermissionDeniedError):
        services.plans.approve(plan.id)  # the caseworker does not approve
    with pytest.raises(PermissionDeniedError):
        services.reviews.comment(case.id, "Bitte Kita-Platz klären")  # nor write review comments

    with acting_as(services, lead):
        approved = services.plans.approve(plan.id)
        services.reviews.comment(case.id, "Bitte Kita-Platz klären", help_plan_id=plan.id)
        services.reviews.comment(case.id, "Gut dokumentiert.")
        with pytest.raises(ValidationError):
            services.reviews.comment(case.id, "   ")
    assert approved.status is HelpPlanStatus.APPROVED and approved.approved_by == lead.id
    row = row_of(services, case.id)
    assert not row.awaiting_approval and row.open_comments == 2
    names = services.reviews.user_names()
    assert names[approved.approved_by] == "Lena Lehmann"
    assert names[anna_is_local.id] == anna_is_local.display_name

    first, second = services.reviews.comments(case.id)
    assert first.help_plan_id == plan.id and second.help_plan_id is None
    services.reviews.resolve(first.id)  # the caseworker marks it done
    assert row_of(services, case.id).open_comments == 1
    assert services.client_file(case.id).comments[0].resolved


def test_a_closed_case_has_no_overdue_contact_but_keeps_its_status(services):
    _, case = new_client(services)
    services.cases.close(case.id, ClosingReason.MOVED_AWAY)
    row = row_of(services, case.id)
    assert row.status is CaseStatus.CLOSED and not row.without_contact(date(2030, 1, 1))
