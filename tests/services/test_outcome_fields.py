"""The fields the outcome report reads are kept right by the services: the completion
date of a course, the start of work or training; and the local report with its exports."""

from __future__ import annotations

import csv
from datetime import date, timedelta

import pytest

from caseworker_desktop.domain.enums import (
    AuditAction,
    ClosingReason,
    CourseReferralStatus,
    CourseType,
    EmploymentStatus,
    LanguageLevel,
)
from caseworker_desktop.domain.errors import ValidationError
from caseworker_desktop.services import NewClient


@pytest.fixture
def case(services):
    muni = services.clients.municipalities()[0]
    client, case = services.clients.register(
        NewClient(first_name="Olena", last_name="Kovalenko", municipality_id=muni.id),
        opened_on=services.ctx.clock.today() - timedelta(days=30),
    )
    return client, case


def _started_course(services, case_id, today):
    referral = services.referrals.refer_to_course(
        case_id,
        course_type=CourseType.INTEGRATION_COURSE,
        target_level=LanguageLevel.B1,
        start_on=today - timedelta(days=20),
    )
    services.referrals.update_course_referral(referral.id, status=CourseReferralStatus.REGISTERED)
    return services.referrals.update_course_referral(
        referral.id, status=CourseReferralStatus.STARTED
    )


def test_completing_a_course_records_its_end_and_reopening_clears_it(services, case):
    today = services.ctx.clock.today()
    referral = _started_course(services, case[1].id, today)
    assert referral.completed_on is None
    done = services.referrals.update_course_referral(
        referral.id, status=CourseReferralStatus.COMPLETED, level_achieved=LanguageLevel.A2
    )
    assert done.completed_on == today
    earlier = services.referrals.update_course_referral(
        referral.id, completed_on=today - timedelta(days=3)
    )
    assert earlier.completed_on == today - timedelta(days=3)
    undone = services.restore(
        type(referral),
        referral.id,
        {"status": CourseReferralStatus.STARTED, "level_achieved": None, "completed_on": None},
    )
    assert undone.status is CourseReferralStatus.STARTED
    with pytest.raises(ValidationError) as err:
        services.referrals.update_course_referral(referral.id, completed_on=today)
    assert "completed_on" in err.value.problems


def test_work_taken_up_is_dated_today_unless_given_and_cleared_when_it_ends(services, case):
    client = case[0]
    today = services.ctx.clock.today()
    employed = services.clients.update(client.id, employment=EmploymentStatus.EMPLOYED)
    assert employed.employment_since == today
    training = services.clients.update(
        client.id,
        employment=EmploymentStatus.VOCATIONAL_TRAINING,
        employment_since=date(2026, 9, 1),
    )
    assert training.employment_since == date(2026, 9, 1)
    ended = services.clients.update(client.id, employment=EmploymentStatus.NOT_EMPLOYED)
    assert ended.employment_since is None
    with pytest.raises(ValidationError):
        services.clients.update(
            client.id,
            employment=EmploymentStatus.EMPLOYED,
            employment_since=today + timedelta(days=1),
        )


def test_local_report_and_its_exports_are_aggregates_and_audited(services, case, tmp_path):
    client, c = case
    today = services.ctx.clock.today()
    referral = _started_course(services, c.id, today)
    services.referrals.update_course_referral(
        referral.id, status=CourseReferralStatus.COMPLETED, level_achieved=LanguageLevel.B1
    )
    services.clients.update(client.id, employment=EmploymentStatus.MINI_JOB)
    services.cases.close(c.id, ClosingReason.INDEPENDENT)
    report = services.reports.outcome(today - timedelta(days=60), today)
    figures = report.total.figures
    assert (figures["opened"], figures["closed"], figures["independent"]) == (1, 1, 1)
    assert (figures["course_started"], figures["course_completed"]) == (1, 1)
    assert figures["work_started"] == 1 and figures["open_at_end"] == 0
    assert report.levels["B1"] == 1
    assert [w.caseworker for w in report.caseload] == ["Fachkraft 1"]

    path = services.reports.export_csv(report, tmp_path / "bericht.csv")
    text = path.read_text(encoding="utf-8-sig")
    assert "Kovalenko" not in text and "Olena" not in text
    assert services.user.display_name not in text
    rows = list(csv.reader(text.splitlines(), delimiter=";"))
    assert next(r for r in rows if r and r[0] == "Gesamt")[1:4] == ["0", "< 3", "< 3"]
    exact = services.reports.export_csv(report, tmp_path / "genau.csv", min_count=0)
    rows = list(csv.reader(exact.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert next(r for r in rows if r and r[0] == "Gesamt")[1:4] == ["0", "1", "1"]

    named = services.reports.outcome(today - timedelta(days=60), today, with_names=True)
    services.reports.export_csv(named, tmp_path / "named.csv")
    assert services.user.display_name in (tmp_path / "named.csv").read_text(encoding="utf-8-sig")
    exports = [e for e in services.history("report", "outcome") if e.action is AuditAction.EXPORT]
    assert [("with_caseworker_names" in e.detail) for e in exports] == [False, False, True]
