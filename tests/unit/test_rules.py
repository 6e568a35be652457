"""Validation rules and status transitions of the domain."""

from dataclasses import replace
from datetime import date, timedelta
from itertools import product

import pytest

from caseworker_desktop.domain import model as m
from caseworker_desktop.domain import rules
from caseworker_desktop.domain.enums import (
    CaseStatus,
    ClosingReason,
    ConsentKind,
    ContactKind,
    CourseReferralStatus,
    CourseType,
    EntryStatus,
    HelpPlanStatus,
    LanguageLevel,
    LifeArea,
    TraumaReferralStatus,
)
from caseworker_desktop.domain.errors import TransitionError, ValidationError
from caseworker_desktop.domain.labels import label

TODAY = date(2026, 11, 24)
TOMORROW = TODAY + timedelta(days=1)


def assert_problems(exc_info: pytest.ExceptionInfo[ValidationError], *fields: str) -> None:
    """The error names exactly these fields, each with a German message."""
    problems = exc_info.value.problems
    assert set(problems) == set(fields)
    for field in fields:
        assert problems[field].strip()
        assert problems[field] in str(exc_info.value)


# --- factories of valid records --------------------------------------------------------


def client(**changes) -> m.Client:
    base = m.Client(
        first_name="Olena",
        last_name="Kovalenko",
        birth_date=date(1985, 3, 2),
        arrival_date=date(2022, 4, 1),
        nationality="UKR",
    )
    return replace(base, **changes)


def case(**changes) -> m.Case:
    base = m.Case(client_id="c1", caseworker_id="u1", opened_on=date(2025, 1, 15))
    return replace(base, **changes)


def closed_case(**changes) -> m.Case:
    values = {
        "status": CaseStatus.CLOSED,
        "closed_on": date(2026, 6, 30),
        "closing_reason": ClosingReason.INDEPENDENT,
    }
    values.update(changes)
    return case(**values)


def plan(**changes) -> m.HelpPlan:
    base = m.HelpPlan(
        case_id="k1",
        period_start=date(2026, 10, 1),
        period_end=date(2027, 3, 31),
        next_review_on=date(2027, 1, 15),
    )
    return replace(base, **changes)


def approved_plan(**changes) -> m.HelpPlan:
    values = {
        "status": HelpPlanStatus.APPROVED,
        "agreed_on": date(2026, 10, 5),
        "signed": True,
        "approved_by": "lead1",
        "approved_on": date(2026, 10, 8),
    }
    values.update(changes)
    return plan(**values)


def entry(**changes) -> m.HelpPlanEntry:
    base = m.HelpPlanEntry(
        help_plan_id="p1", life_area=LifeArea.LANGUAGE, goal="B1-Zertifikat erreichen"
    )
    return replace(base, **changes)


def course(**changes) -> m.CourseReferral:
    base = m.CourseReferral(
        case_id="k1",
        course_type=CourseType.INTEGRATION_COURSE,
        target_level=LanguageLevel.B1,
    )
    return replace(base, **changes)


def trauma(**changes) -> m.TraumaReferral:
    base = m.TraumaReferral(case_id="k1", caseworker_id="u1", requested_on=date(2026, 11, 1))
    return replace(base, **changes)


def note(**changes) -> m.ContactNote:
    base = m.ContactNote(
        case_id="k1",
        contact_on=date(2026, 11, 20),
        kind=ContactKind.HOME_VISIT,
        duration_minutes=45,
        life_areas="housing, language",
        text="Hausbesuch",
    )
    return replace(base, **changes)


def consent(**changes) -> m.ConsentRecord:
    base = m.ConsentRecord(
        client_id="c1", kind=ConsentKind.DATA_PROCESSING, given_on=date(2025, 1, 15)
    )
    return replace(base, **changes)


# --- client ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"birth_date": None, "arrival_date": None, "nationality": ""},
        {"birth_date": rules.EARLIEST_BIRTH},
        {"birth_date": TODAY, "arrival_date": TODAY},
        {"arrival_date": date(1985, 3, 2)},  # arrival on the day of birth
        {"nationality": "SYR"},
    ],
)
def test_valid_client_passes(changes) -> None:
    rules.validate_client(client(**changes), TODAY)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"first_name": ""}, "first_name"),
        ({"first_name": "   "}, "first_name"),
        ({"last_name": "\t"}, "last_name"),
        ({"birth_date": date(1899, 12, 31)}, "birth_date"),
        ({"birth_date": TOMORROW, "arrival_date": None}, "birth_date"),
        ({"arrival_date": TOMORROW}, "arrival_date"),
        ({"arrival_date": date(1985, 3, 1)}, "arrival_date"),  # before birth
        ({"nationality": "UA"}, "nationality"),
        ({"nationality": "UKRA"}, "nationality"),
        ({"nationality": "U1R"}, "nationality"),
    ],
)
def test_invalid_client_is_refused(changes, field) -> None:
    with pytest.raises(ValidationError) as exc_info:
        rules.validate_client(client(**changes), TODAY)
    assert_problems(exc_info, field)


def test_client_problems_are_collected_not_first_only() -> None:
    with pytest.raises(ValidationError) as exc_info:
        rules.validate_client(
            client(first_name="", last_name="", nationality="X", arrival_date=TOMORROW), TODAY
        )
    assert_problems(exc_info, "first_name", "last_name", "nationality", "arrival_date")


def test_client_first_problem_of_a_field_wins() -> None:
    # A birth date in the future is also after the arrival: one message per field only.
    with pytest.raises(ValidationError) as exc_info:
        rules.validate_client(client(birth_date=TOMORROW), TODAY)
    assert_problems(exc_info, "birth_date", "arrival_date")
    assert "Zukunft" in exc_info.value.problems["birth_date"]


# --- case --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "record",
    [
        case(),
        case(opened_on=TODAY),
        case(status=CaseStatus.DORMANT),
        closed_case(),
        closed_case(closed_on=date(2025, 1, 15)),  # closed the day it was opened
        closed_case(closed_on=TODAY),
    ],
)
def test_valid_case_passes(record) -> None:
    rules.validate_case(record, TODAY)


@pytest.mark.parametrize(
    ("record", "fields"),
    [
        (case(opened_on=TOMORROW), {"opened_on"}),
        (closed_case(closed_on=None), {"closed_on"}),
        (closed_case(closing_reason=None), {"closing_reason"}),
        (closed_case(closed_on=None, closing_reason=None), {"closed_on", "closing_reason"}),
        (closed_case(closed_on=date(2025, 1, 14)), {"closed_on"}),  # before opening
        (closed_case(closed_on=TOMORROW), {"closed_on"}),
        (case(closed_on=date(2026, 6, 30)), {"closed_on"}),  # open case with an end
        (case(status=CaseStatus.DORMANT, closed_on=date(2026, 6, 30)), {"closed_on"}),
    ],
)
def test_invalid_case_is_refused(record, fields) -> None:
    with pytest.raises(ValidationError) as exc_info:
        rules.validate_case(record, TODAY)
    assert_problems(exc_info, *fields)


# --- help plan ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "record",
    [
        plan(),
        plan(next_review_on=date(2026, 10, 1)),  # review on the first day
        plan(status=HelpPlanStatus.AGREED, agreed_on=TODAY),
        approved_plan(),
    ],
)
def test_valid_help_plan_passes(record) -> None:
    rules.validate_help_plan(record, TODAY)


@pytest.mark.parametrize(
    ("record", "fields"),
    [
        (plan(period_end=date(2026, 10, 1)), {"period_end"}),  # empty period
        (plan(period_end=date(2026, 9, 30)), {"period_end"}),
        (plan(next_review_on=date(2026, 9, 30)), {"next_review_on"}),
        (plan(status=HelpPlanStatus.AGREED), {"agreed_on"}),
        (plan(status=HelpPlanStatus.AGREED, agreed_on=TOMORROW), {"agreed_on"}),
        (plan(agreed_on=TOMORROW), {"agreed_on"}),  # even on a draft
        (approved_plan(agreed_on=None), {"agreed_on"}),
        (approved_plan(approved_by=None), {"approved_by"}),
        (approved_plan(approved_by=""), {"approved_by"}),
        (approved_plan(approved_on=None), {"approved_on"}),
        (approved_plan(approved_by=None, approved_on=None), {"approved_by", "approved_on"}),
    ],
)
def test_invalid_help_plan_is_refused(record, fields) -> None:
    with pytest.raises(ValidationError) as exc_info:
        rules.validate_help_plan(record, TODAY)
    assert_problems(exc_info, *fields)


# --- help plan entry ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "with_plan"),
    [
        (entry(), None),
        (entry(goal="x" * 2000), None),
        (entry(due_on=date(2020, 1, 1)), None),  # without a plan, no period check
        (entry(due_on=date(2026, 10, 1)), plan()),  # first day of the period
        (entry(due_on=date(2027, 2, 1)), plan()),
    ],
)
def test_valid_entry_passes(record, with_plan) -> None:
    rules.validate_entry(record, with_plan)


@pytest.mark.parametrize(
    ("record", "with_plan", "field"),
    [
        (entry(goal=""), None, "goal"),
        (entry(goal=" \n "), None, "goal"),
        (entry(goal="x" * 2001), None, "goal"),
        (entry(life_area=None), None, "life_area"),
        (entry(due_on=date(2026, 9, 30)), plan(), "due_on"),
    ],
)
def test_invalid_entry_is_refused(record, with_plan, field) -> None:
    with pytest.raises(ValidationError) as exc_info:
        rules.validate_entry(record, with_plan)
    assert_problems(exc_info, field)


# --- course referral ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "record",
    [
        course(),
        course(status=CourseReferralStatus.REGISTERED, start_on=date(2027, 1, 10)),
        course(status=CourseReferralStatus.STARTED, start_on=TODAY),
        course(
            status=CourseReferralStatus.COMPLETED,
            start_on=date(2026, 1, 10),
            level_achieved=LanguageLevel.A2,
        ),
    ],
)
def test_valid_course_referral_passes(record) -> None:
    rules.validate_course_referral(record, TODAY)


@pytest.mark.parametrize(
    ("record", "field"),
    [
        (
            course(
                status=CourseReferralStatus.STARTED,
                start_on=date(2026, 9, 1),
                level_achieved=LanguageLevel.B1,
            ),
            "level_achieved",
        ),
        (course(level_achieved=LanguageLevel.A1), "level_achieved"),
        (course(status=CourseReferralStatus.STARTED), "start_on"),
        (course(status=CourseReferralStatus.COMPLETED), "start_on"),
        (course(status=CourseReferralStatus.STARTED, start_on=TOMORROW), "start_on"),
    ],
)
def test_invalid_course_referral_is_refused(record, field) -> None:
    with pytest.raises(ValidationError) as exc_info:
        rules.validate_course_referral(record, TODAY)
    assert_problems(exc_info, field)


# --- trauma referral ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "record",
    [
        trauma(),
        trauma(requested_on=TODAY),
        trauma(case_id=None, own_consultation=True),
        trauma(status=TraumaReferralStatus.CANCELLED),
        trauma(
            status=TraumaReferralStatus.SLOT_ASSIGNED,
            consent_given=True,
            consultation_date=date(2026, 12, 3),
        ),
        # The caseworker's own consultation needs no release from confidentiality.
        trauma(
            case_id=None,
            own_consultation=True,
            status=TraumaReferralStatus.SLOT_ASSIGNED,
            consultation_date=date(2026, 12, 3),
        ),
        trauma(
            status=TraumaReferralStatus.ASSESSED,
            consent_given=True,
            consultation_date=date(2026, 11, 20),
            assessment_outcome="Keine akute Gefährdung.",
        ),
        trauma(
            status=TraumaReferralStatus.CLOSED,
            consent_given=True,
            consultation_date=date(2026, 11, 20),
            recommendation="Gruppenangebot.",
        ),
    ],
)
def test_valid_trauma_referral_passes(record) -> None:
    rules.validate_trauma_referral(record, TODAY)


@pytest.mark.parametrize(
    ("record", "fields"),
    [
        (trauma(requested_on=TOMORROW), {"requested_on"}),
        (trauma(case_id=None), {"case_id"}),
        (trauma(own_consultation=True), {"case_id"}),
        (
            trauma(status=TraumaReferralStatus.SLOT_ASSIGNED, consultation_date=date(2026, 12, 3)),
            {"consent_given"},
        ),
        (
            trauma(status=TraumaReferralStatus.SLOT_ASSIGNED, consent_given=True),
            {"consultation_date"},
        ),
        (
            trauma(status=TraumaReferralStatus.SLOT_ASSIGNED),
            {"consent_given", "consultation_date"},
        ),
        (
            trauma(
                status=TraumaReferralStatus.ASSESSED,
                consent_given=True,
                consultation_date=date(2026, 11, 20),
            ),
            {"recommendation"},
        ),
        (
            trauma(
                status=TraumaReferralStatus.CLOSED,
                consent_given=True,
                consultation_date=date(2026, 11, 20),
                recommendation="  ",
                assessment_outcome="\n",
            ),
            {"recommendation"},
        ),
    ],
)
def test_invalid_trauma_referral_is_refused(record, fields) -> None:
    with pytest.raises(ValidationError) as exc_info:
        rules.validate_trauma_referral(record, TODAY)
    assert_problems(exc_info, *fields)


# --- contact note ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "record",
    [
        note(),
        note(contact_on=TODAY),
        note(duration_minutes=0, life_areas=""),
        note(duration_minutes=rules.MAX_CONTACT_MINUTES),
        note(life_areas=" , work ,, residence_law ,"),
        note(life_areas=",".join(area.value for area in LifeArea)),
    ],
)
def test_valid_contact_note_passes(record) -> None:
    rules.validate_contact_note(record, TODAY)


@pytest.mark.parametrize(
    ("record", "field"),
    [
        (note(contact_on=TOMORROW), "contact_on"),
        (note(kind=None), "kind"),
        (note(duration_minutes=-1), "duration_minutes"),
        (note(duration_minutes=rules.MAX_CONTACT_MINUTES + 1), "duration_minutes"),
        (note(life_areas="housing,flying"), "life_areas"),
        (note(life_areas="HOUSING"), "life_areas"),  # member name, not stored value
    ],
)
def test_invalid_contact_note_is_refused(record, field) -> None:
    with pytest.raises(ValidationError) as exc_info:
        rules.validate_contact_note(record, TODAY)
    assert_problems(exc_info, field)


def test_contact_note_names_the_unknown_life_area() -> None:
    with pytest.raises(ValidationError) as exc_info:
        rules.validate_contact_note(note(life_areas="work, astrology"), TODAY)
    assert "astrology" in exc_info.value.problems["life_areas"]


# --- consent -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "record",
    [
        consent(),
        consent(given_on=TODAY),
        consent(withdrawn_on=date(2025, 1, 15)),  # withdrawn the same day
        consent(withdrawn_on=date(2026, 3, 1)),
    ],
)
def test_valid_consent_passes(record) -> None:
    rules.validate_consent(record, TODAY)


@pytest.mark.parametrize(
    ("record", "field"),
    [
        (consent(given_on=TOMORROW), "given_on"),
        (consent(withdrawn_on=date(2025, 1, 14)), "withdrawn_on"),
    ],
)
def test_invalid_consent_is_refused(record, field) -> None:
    with pytest.raises(ValidationError) as exc_info:
        rules.validate_consent(record, TODAY)
    assert_problems(exc_info, field)


# --- dispatch ----------------------------------------------------------------------------


def test_validate_dispatches_by_record_type() -> None:
    with pytest.raises(ValidationError) as exc_info:
        rules.validate(client(first_name=""), TODAY)
    assert_problems(exc_info, "first_name")
    with pytest.raises(ValidationError) as exc_info:
        rules.validate(closed_case(closed_on=None), TODAY)
    assert_problems(exc_info, "closed_on")
    rules.validate(m.Team(name=""), TODAY)  # no rules for teams


# --- status transitions ------------------------------------------------------------------

_Cs, _E, _P = CaseStatus, EntryStatus, HelpPlanStatus
_C, _T = CourseReferralStatus, TraumaReferralStatus

# The workflow as specified, written out independently of the tables in rules.py.
EXPECTED_ALLOWED = {
    "CASE": (
        rules.CASE_TRANSITIONS,
        CaseStatus,
        {
            (_Cs.OPEN, _Cs.DORMANT),
            (_Cs.OPEN, _Cs.CLOSED),
            (_Cs.DORMANT, _Cs.OPEN),
            (_Cs.DORMANT, _Cs.CLOSED),
            (_Cs.CLOSED, _Cs.OPEN),
        },
    ),
    "ENTRY": (
        rules.ENTRY_TRANSITIONS,
        EntryStatus,
        {
            (_E.OPEN, _E.IN_PROGRESS),
            (_E.OPEN, _E.ACHIEVED),
            (_E.OPEN, _E.NOT_ACHIEVED),
            (_E.OPEN, _E.DROPPED),
            (_E.IN_PROGRESS, _E.OPEN),
            (_E.IN_PROGRESS, _E.ACHIEVED),
            (_E.IN_PROGRESS, _E.NOT_ACHIEVED),
            (_E.IN_PROGRESS, _E.DROPPED),
            (_E.ACHIEVED, _E.IN_PROGRESS),
            (_E.NOT_ACHIEVED, _E.IN_PROGRESS),
            (_E.DROPPED, _E.IN_PROGRESS),
        },
    ),
    "PLAN": (
        rules.PLAN_TRANSITIONS,
        HelpPlanStatus,
        {
            (_P.DRAFT, _P.AGREED),
            (_P.AGREED, _P.DRAFT),
            (_P.AGREED, _P.APPROVED),
            (_P.APPROVED, _P.DRAFT),
        },
    ),
    "COURSE": (
        rules.COURSE_TRANSITIONS,
        CourseReferralStatus,
        {
            (_C.PROPOSED, _C.REGISTERED),
            (_C.PROPOSED, _C.WAITING_LIST),
            (_C.PROPOSED, _C.DROPPED),
            (_C.REGISTERED, _C.WAITING_LIST),
            (_C.REGISTERED, _C.STARTED),
            (_C.REGISTERED, _C.DROPPED),
            (_C.WAITING_LIST, _C.REGISTERED),
            (_C.WAITING_LIST, _C.STARTED),
            (_C.WAITING_LIST, _C.DROPPED),
            (_C.STARTED, _C.COMPLETED),
            (_C.STARTED, _C.DROPPED),
            (_C.DROPPED, _C.PROPOSED),
        },
    ),
    "TRAUMA": (
        rules.TRAUMA_TRANSITIONS,
        TraumaReferralStatus,
        {
            (_T.REQUESTED, _T.SLOT_ASSIGNED),
            (_T.REQUESTED, _T.CANCELLED),
            (_T.SLOT_ASSIGNED, _T.ASSESSED),
            (_T.SLOT_ASSIGNED, _T.REQUESTED),
            (_T.SLOT_ASSIGNED, _T.CANCELLED),
            (_T.ASSESSED, _T.CLOSED),
            (_T.CANCELLED, _T.REQUESTED),
        },
    ),
}

TRANSITION_CASES = [
    pytest.param(table, old, new, (old, new) in allowed, id=f"{name}-{old.value}-{new.value}")
    for name, (table, status_enum, allowed) in EXPECTED_ALLOWED.items()
    for old, new in product(status_enum, repeat=2)
    if old != new
]


@pytest.mark.parametrize("name", EXPECTED_ALLOWED)
def test_transition_table_covers_every_status(name) -> None:
    table, status_enum, _ = EXPECTED_ALLOWED[name]
    assert set(table) == set(status_enum)


@pytest.mark.parametrize("name", EXPECTED_ALLOWED)
def test_staying_in_a_status_is_always_allowed(name) -> None:
    table, status_enum, _ = EXPECTED_ALLOWED[name]
    for status in status_enum:
        rules.check_transition(table, status, status)


@pytest.mark.parametrize(("table", "old", "new", "allowed"), TRANSITION_CASES)
def test_transition(table, old, new, allowed) -> None:
    if allowed:
        rules.check_transition(table, old, new)
        return
    with pytest.raises(TransitionError) as exc_info:
        rules.check_transition(table, old, new)
    message = str(exc_info.value)
    assert f"von „{label(old)}“ nach „{label(new)}“" in message
    assert "nicht möglich" in message


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (case(), closed_case()),
        (closed_case(), case(status=CaseStatus.OPEN)),  # reopening
        (plan(status=HelpPlanStatus.AGREED, agreed_on=TODAY), approved_plan()),
        (approved_plan(), plan()),  # editing an approved plan takes it back to draft
        (entry(status=EntryStatus.ACHIEVED), entry(status=EntryStatus.IN_PROGRESS)),
        (
            course(status=CourseReferralStatus.STARTED),
            course(status=CourseReferralStatus.COMPLETED),
        ),
        (trauma(status=TraumaReferralStatus.ASSESSED), trauma(status=TraumaReferralStatus.CLOSED)),
        (case(), case(reference="AZ-1")),  # no status change at all
        (client(), client(first_name="Other")),  # records without a status workflow
    ],
)
def test_allowed_status_change_of_records(old, new) -> None:
    rules.check_status_change(old, new)


@pytest.mark.parametrize(
    ("old", "new", "old_label", "new_label"),
    [
        (closed_case(), case(status=CaseStatus.DORMANT), "Abgeschlossen", "Ruhend"),
        (plan(), approved_plan(), "Entwurf", "Freigegeben"),
        (
            entry(status=EntryStatus.DROPPED),
            entry(status=EntryStatus.ACHIEVED),
            "Verworfen",
            "Erreicht",
        ),
        (
            course(status=CourseReferralStatus.COMPLETED),
            course(status=CourseReferralStatus.STARTED),
            "Abgeschlossen",
            "Begonnen",
        ),
        (
            trauma(status=TraumaReferralStatus.CLOSED),
            trauma(status=TraumaReferralStatus.REQUESTED),
            "Abgeschlossen",
            "Angefragt",
        ),
    ],
)
def test_forbidden_status_change_of_records(old, new, old_label, new_label) -> None:
    with pytest.raises(TransitionError) as exc_info:
        rules.check_status_change(old, new)
    assert str(exc_info.value) == (
        f"Statuswechsel von „{old_label}“ nach „{new_label}“ ist nicht möglich."
    )
