"""Follow-ups (#17 part 2, from the dates already kept): overdue, today, this week; the team
lead's view of the team's overdue items; appointments as iCalendar without names unless
chosen. The test's today is Tuesday, 24 November 2026."""

from __future__ import annotations

from datetime import date

import pytest
from icalendar import Calendar

from caseworker_desktop.domain.enums import (
    ClosingReason,
    ConsentKind,
    CourseType,
    LanguageLevel,
    LifeArea,
)
from caseworker_desktop.domain.errors import TransitionError, ValidationError
from caseworker_desktop.services import follow_ups as fu
from tests.helpers import RELEASE, new_client


def _case_with_dates(services):
    client, case = new_client(services, first="Amir", last="Haidari", consent_on=None)
    plan = services.plans.create(case.id, date(2026, 5, 1), date(2027, 4, 30), date(2026, 11, 20))
    services.plans.add_entry(plan.id, life_area=LifeArea.HOUSING, goal="Eigene Wohnung",
                             due_on=date(2026, 11, 24))  # fmt: skip
    services.plans.add_entry(plan.id, life_area=LifeArea.WORK, goal="Praktikum",
                             due_on=date(2026, 12, 15))  # next month: not yet  # fmt: skip
    services.referrals.refer_to_course(case.id, course_type=CourseType.INTEGRATION_COURSE,
                                       target_level=LanguageLevel.B1,
                                       start_on=date(2026, 11, 27))  # fmt: skip
    referral = services.referrals.request_trauma_consultation(case.id, release=RELEASE)
    services.referrals.assign_consultation(referral.id, date(2026, 11, 29))
    services.clients.record_consent(client.id, ConsentKind.DATA_PROCESSING, date(2026, 1, 5),
                                    valid_until=date(2026, 12, 20))  # fmt: skip
    return case


def test_due_items_by_overdue_today_and_this_week(services):
    case = _case_with_dates(services)
    due = services.follow_ups.due()
    kinds = {(i.bucket(due.today), i.kind, i.due_on) for i in due.items}
    assert kinds == {
        ("overdue", fu.REVIEW, date(2026, 11, 20)),
        ("overdue", fu.CONSENT, date(2026, 11, 22)),  # four weeks before it runs out
        ("today", fu.GOAL, date(2026, 11, 24)),
        ("week", fu.COURSE, date(2026, 11, 27)),
        ("week", fu.CONSULTATION, date(2026, 11, 29)),  # Sunday: still this week
    }
    assert due.counts() == {"overdue": 2, "today": 1, "week": 2}
    goal = due.of("today")[0]
    assert (goal.detail, goal.client_name, goal.case_id) == ("Eigene Wohnung", "Haidari, Amir",
                                                             case.id)  # fmt: skip
    assert not any("Praktikum" in i.detail for i in due.items)


def test_done_things_drop_out(services):
    case = _case_with_dates(services)
    plan = services.plans.current(case.id)
    entry = next(e for e in services.plans.entries(plan.id) if e.goal == "Eigene Wohnung")
    services.plans.update_entry(entry.id, status="achieved")
    services.plans.update(plan.id, next_review_on=date(2027, 2, 1))
    kinds = {i.kind for i in services.follow_ups.due().items}
    assert fu.GOAL not in kinds and fu.REVIEW not in kinds


def test_the_team_lead_sees_only_what_is_overdue(services):
    _case_with_dates(services)
    due = services.follow_ups.due(everyone=True)
    assert {i.kind for i in due.items} == {fu.REVIEW, fu.CONSENT}


def test_appointments_as_icalendar_without_names_unless_chosen(services, tmp_path):
    case = _case_with_dates(services)
    path = tmp_path / "termine.ics"
    assert services.follow_ups.export_ics(path) == 2
    calendar = Calendar.from_ical(path.read_bytes())
    events = sorted(calendar.walk("VEVENT"), key=lambda e: e.decoded("dtstart"))
    assert [str(e["summary"]) for e in events] == [
        f"{fu.COURSE}: {case.reference}", f"{fu.CONSULTATION}: {case.reference}"]  # fmt: skip
    assert events[0].decoded("dtstart") == date(2026, 11, 27)
    assert b"Haidari" not in path.read_bytes() and b"Amir" not in path.read_bytes()
    services.follow_ups.export_ics(path, with_names=True)
    named = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert {str(e["summary"]) for e in named} == {
        f"{fu.COURSE}: Haidari, Amir, {case.reference}",
        f"{fu.CONSULTATION}: Haidari, Amir, {case.reference}",
    }


def test_reminders_set_by_hand_done_and_moved(services, tmp_path):
    _client, case = new_client(services, first="Olena", last="Kovalenko", consent_on=None)
    reminder = services.follow_ups.remind(case.id, date(2026, 11, 24), "Olena wegen Kita anrufen")
    later = services.follow_ups.remind(case.id, date(2026, 12, 10), "Nachfragen Jobcenter")
    due = services.follow_ups.due()
    assert [(i.kind, i.detail, i.reminder_id) for i in due.of("today")] == [
        (fu.REMINDER, "Olena wegen Kita anrufen", reminder.id)]  # fmt: skip
    assert later.id not in {i.reminder_id for i in due.items}  # not this week
    path = tmp_path / "t.ics"
    services.follow_ups.export_ics(path)
    assert b"Olena" not in path.read_bytes() and b"Kita" not in path.read_bytes()
    services.follow_ups.snooze(reminder.id, date(2026, 11, 27))
    assert services.follow_ups.due().of("week")[0].reminder_id == reminder.id
    services.follow_ups.done(reminder.id)
    assert services.follow_ups.due().items == []
    assert services.follow_ups.reminders(case.id)[0].done_on == date(2026, 11, 24)
    with pytest.raises(ValidationError):
        services.follow_ups.remind(case.id, date(2026, 11, 25), "  ")


def test_no_follow_up_on_a_closed_case(services):
    """The rule the disabled menu entry mirrors, in the service (#19 item 1)."""
    _client, case = new_client(services)
    services.cases.close(case.id, ClosingReason.INDEPENDENT)
    with pytest.raises(TransitionError, match="abgeschlossen"):
        services.follow_ups.remind(case.id, date(2026, 12, 1), "Anrufen")
    services.cases.reopen(case.id)
    assert services.follow_ups.remind(case.id, date(2026, 12, 1), "Anrufen").text == "Anrufen"
