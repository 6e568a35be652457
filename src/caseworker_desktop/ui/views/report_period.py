"""The report's period: quick choices (last month, last quarter, …) and quarters, as
first and last day seen from today."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP

# Quick choices of the period: key -> German label (translated in the context ReportView).
LAST_MONTH, LAST_QUARTER, THIS_YEAR, LAST_YEAR, CUSTOM = (
    "last_month",
    "last_quarter",
    "this_year",
    "last_year",
    "custom",
)
PERIOD_CHOICES = (
    (LAST_MONTH, QT_TRANSLATE_NOOP("ReportView", "Letzter Monat")),
    (LAST_QUARTER, QT_TRANSLATE_NOOP("ReportView", "Letztes Quartal")),
    (THIS_YEAR, QT_TRANSLATE_NOOP("ReportView", "Laufendes Jahr")),
    (LAST_YEAR, QT_TRANSLATE_NOOP("ReportView", "Letztes Jahr")),
    (CUSTOM, QT_TRANSLATE_NOOP("ReportView", "Eigener Zeitraum")),
)


def quick_period(choice: str, today: date) -> tuple[date, date]:
    """First and last day of a quick choice, seen from `today`."""
    if choice == LAST_MONTH:
        end = today.replace(day=1) - timedelta(days=1)
        return end.replace(day=1), end
    if choice == LAST_QUARTER:
        first_month = 3 * ((today.month - 1) // 3) + 1  # first month of this quarter
        end = today.replace(month=first_month, day=1) - timedelta(days=1)
        start_month = end.month - 2
        return date(end.year, start_month, 1), end
    if choice == THIS_YEAR:
        return date(today.year, 1, 1), today
    if choice == LAST_YEAR:
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    raise ValueError(choice)


def quarters(today: date, count: int = 8) -> list[tuple[str, date, date]]:
    """The running quarter and the ones before it: ('Q4 2026', first day, last day)."""
    found = []
    year, quarter = today.year, (today.month - 1) // 3 + 1
    for _ in range(count):
        start = date(year, 3 * quarter - 2, 1)
        following = date(year + (quarter == 4), 1 if quarter == 4 else 3 * quarter + 1, 1)
        found.append((f"Q{quarter} {year}", start, following - timedelta(days=1)))
        year, quarter = (year - 1, 4) if quarter == 1 else (year, quarter - 1)
    return found
