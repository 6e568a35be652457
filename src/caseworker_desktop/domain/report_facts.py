"""What the outcome report needs of a case, kept when the case itself is deleted under the
retention rules: no name, no birth date, no text, no id of the case or of the person, only
the dates and categories that the figures count (domain.reports). Turned back into records
of their own, they count exactly as the case did, so the figures of past periods stay."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date

from . import model as m
from .enums import (
    CaseStatus,
    ClosingReason,
    CourseReferralStatus,
    CourseType,
    EmploymentStatus,
    HousingType,
    LanguageLevel,
)


@dataclass(frozen=True)
class CourseFact:
    status: CourseReferralStatus
    start_on: date | None
    completed_on: date | None
    level_achieved: LanguageLevel | None

    def to_list(self) -> list:
        return [self.status.value, _day(self.start_on), _day(self.completed_on),
                _value(self.level_achieved)]  # fmt: skip


@dataclass(frozen=True)
class ReportFact:
    caseworker_id: str
    municipality_id: str | None
    opened_on: date
    closed_on: date | None
    closing_reason: ClosingReason | None
    own_flat_since: date | None
    employment: EmploymentStatus
    employment_since: date | None
    courses: tuple[CourseFact, ...] = ()

    def to_json(self) -> str:
        return json.dumps(
            {
                "caseworker_id": self.caseworker_id,
                "municipality_id": self.municipality_id,
                "opened_on": _day(self.opened_on),
                "closed_on": _day(self.closed_on),
                "closing_reason": _value(self.closing_reason),
                "own_flat_since": _day(self.own_flat_since),
                "employment": self.employment.value,
                "employment_since": _day(self.employment_since),
                "courses": [c.to_list() for c in self.courses],
            },
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> ReportFact:
        d = json.loads(text)
        return cls(
            caseworker_id=d["caseworker_id"],
            municipality_id=d["municipality_id"],
            opened_on=date.fromisoformat(d["opened_on"]),
            closed_on=_date(d["closed_on"]),
            closing_reason=ClosingReason(d["closing_reason"]) if d["closing_reason"] else None,
            own_flat_since=_date(d["own_flat_since"]),
            employment=EmploymentStatus(d["employment"]),
            employment_since=_date(d["employment_since"]),
            courses=tuple(
                CourseFact(
                    CourseReferralStatus(status),
                    _date(start),
                    _date(done),
                    LanguageLevel(level) if level else None,
                )
                for status, start, done, level in d["courses"]
            ),
        )


def fact_of(
    case: m.Case,
    client: m.Client | None,
    household: m.Household | None,
    courses: list[m.CourseReferral],
) -> ReportFact:
    return ReportFact(
        caseworker_id=case.caseworker_id,
        municipality_id=household.municipality_id if household else None,
        opened_on=case.opened_on,
        closed_on=case.closed_on,
        closing_reason=case.closing_reason,
        own_flat_since=household.own_flat_since if household else None,
        employment=client.employment if client else EmploymentStatus.NOT_EMPLOYED,
        employment_since=client.employment_since if client else None,
        courses=tuple(
            CourseFact(c.status, c.start_on, c.completed_on, c.level_achieved)
            for c in courses
            if not c.deleted
        ),
    )


def records_of(
    fact: ReportFact,
) -> tuple[m.Case, m.Client, m.Household | None, list[m.CourseReferral]]:
    """Stand-in records (fresh ids, no names) that the report counts like the case."""
    household = None
    if fact.municipality_id is not None:
        household = m.Household(
            id=uuid.uuid4().hex,
            municipality_id=fact.municipality_id,
            housing_type=HousingType.OWN_FLAT if fact.own_flat_since else HousingType.OTHER,
            own_flat_since=fact.own_flat_since,
        )
    client = m.Client(
        id=uuid.uuid4().hex,
        household_id=household.id if household else None,
        first_name="",
        last_name="",
        employment=fact.employment,
        employment_since=fact.employment_since,
    )
    case = m.Case(
        id=uuid.uuid4().hex,
        client_id=client.id,
        caseworker_id=fact.caseworker_id,
        status=CaseStatus.CLOSED if fact.closed_on else CaseStatus.OPEN,
        opened_on=fact.opened_on,
        closed_on=fact.closed_on,
        closing_reason=fact.closing_reason,
    )
    courses = [
        m.CourseReferral(
            id=uuid.uuid4().hex,
            case_id=case.id,
            course_type=CourseType.INTEGRATION_COURSE,
            target_level=LanguageLevel.B1,
            status=c.status,
            start_on=c.start_on,
            completed_on=c.completed_on,
            level_achieved=c.level_achieved,
        )
        for c in fact.courses
    ]
    return case, client, household, courses


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _value(member) -> str | None:
    return member.value if member is not None else None
