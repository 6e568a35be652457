"""When a case is deleted under the office's retention rules (office/retention.py decides
and deletes; a laptop shows the day from the rules it learnt with the directory)."""

from __future__ import annotations

from datetime import date

from . import model as m
from .enums import CaseStatus


def years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def case_deleted_on(case: m.Case, case_years: int | None) -> date | None:
    """The day a closed case is due for deletion; None while it is open or without rules."""
    if case_years is None or case.status is not CaseStatus.CLOSED or case.closed_on is None:
        return None
    return years_after(case.closed_on, case_years)
