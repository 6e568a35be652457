"""The outcome report PDF from a small hand-built case set, read back with pypdf."""

from __future__ import annotations

import io
from datetime import date

from caseworker_desktop.domain import model as m
from caseworker_desktop.domain.enums import (
    CaseStatus,
    ClosingReason,
    CourseReferralStatus,
    CourseType,
    EmploymentStatus,
    LanguageLevel,
)
from caseworker_desktop.domain.reports import FIGURES, ReportData, outcome_report
from caseworker_desktop.printing.report import render_outcome_report
from tests.printing.pdf_tools import missing_glyphs, plain_text, reader

START, END = date(2026, 7, 1), date(2026, 9, 30)
PLACES = {"m-lb": "Ludwigsburg", "m-bb": "Bietigheim-Bissingen"}
WORKERS = {"u-anna": "Anna Müller", "u-bernd": "Bernd Schulz"}


def case(n, place, worker, opened, closed=None, reason=None, flat=None, job=None, since=None):
    household = m.Household(id=f"h{n}", municipality_id=place, own_flat_since=flat)
    client = m.Client(
        id=f"c{n}",
        household_id=household.id,
        first_name="Vorname",
        last_name=f"Nachname{n}",
        employment=job or EmploymentStatus.NOT_EMPLOYED,
        employment_since=since,
    )
    record = m.Case(
        id=f"k{n}",
        client_id=client.id,
        caseworker_id=worker,
        opened_on=opened,
        status=CaseStatus.CLOSED if closed else CaseStatus.OPEN,
        reference=f"IM-2026-{n}",
        closed_on=closed,
        closing_reason=reason,
    )
    return household, client, record


def course(n, case_id, status, start_on, completed_on=None, level=None):
    return m.CourseReferral(
        id=f"r{n}",
        case_id=case_id,
        course_type=CourseType.INTEGRATION_COURSE,
        target_level=LanguageLevel.B1,
        status=status,
        start_on=start_on,
        completed_on=completed_on,
        level_achieved=level,
    )


def report_data() -> ReportData:
    done = ClosingReason.INDEPENDENT
    rows = [
        case(1, "m-lb", "u-anna", date(2026, 1, 10), flat=date(2026, 8, 1)),
        case(2, "m-lb", "u-anna", date(2026, 7, 5), job=EmploymentStatus.EMPLOYED,
             since=date(2026, 9, 1)),
        case(3, "m-lb", "u-bernd", date(2025, 5, 1), closed=date(2026, 9, 15), reason=done),
        case(4, "m-bb", "u-bernd", date(2026, 8, 20), job=EmploymentStatus.VOCATIONAL_TRAINING,
             since=date(2026, 9, 1)),
        case(5, "m-bb", "u-bernd", date(2026, 2, 1), flat=date(2026, 3, 1)),  # before the period
    ]  # fmt: skip
    courses = [
        course(1, "k1", CourseReferralStatus.COMPLETED, date(2026, 1, 15), date(2026, 8, 31),
               LanguageLevel.B1),
        course(2, "k4", CourseReferralStatus.STARTED, date(2026, 9, 1)),
        course(3, "k5", CourseReferralStatus.COMPLETED, date(2026, 7, 1), date(2026, 9, 30)),
    ]  # fmt: skip
    return ReportData(
        cases=[c for _, _, c in rows],
        clients={cl.id: cl for _, cl, _ in rows},
        households={h.id: h for h, _, _ in rows},
        municipalities=PLACES,
        course_referrals=courses,
        caseworkers=WORKERS,
    )


def render(report, scope="Team Nord") -> bytes:
    out = io.BytesIO()
    render_outcome_report(report, out, scope=scope, generated_on=date(2026, 10, 2))
    return out.getvalue()


def test_report_pdf_shows_title_period_figures_and_total():
    report = outcome_report(report_data(), START, END)
    pdf = render(report)
    text = plain_text(pdf)
    assert "Landratsamt Ludwigsburg" in text
    assert "Ergebnisbericht Integrationsmanagement" in text
    assert "01.07.2026 – 30.09.2026" in text
    assert "Team Nord" in text
    assert "Erstellt am 02.10.2026" in text
    for _, label in FIGURES:
        # header labels wrap inside their cells: every word is there
        assert all(word in text for word in label.split()), label
    # open, opened, closed, own flat, course started, completed, work, training, independent
    assert "Bietigheim-Bissingen 2 1 0 0 2 1 0 1 0" in text
    assert "Ludwigsburg 2 1 1 1 0 1 1 0 1" in text
    assert "Gesamt 4 2 1 1 2 2 1 1 1" in text
    # levels: B1 once, one completion without a level
    assert "B1 1" in text and "ohne Angabe 1" in text
    assert "Aggregierte Zahlen – keine Angaben zu einzelnen Klient:innen" in text
    assert "Seite 1 von" in text
    assert "Nachname" not in text and "Vorname" not in text
    assert missing_glyphs(pdf) == {}
    width, height = (float(v) for v in reader(pdf).pages[0].mediabox.upper_right)
    assert width > height  # landscape: nine figure columns


def test_caseworkers_pseudonymised_unless_names_chosen():
    pseudonymised = plain_text(render(outcome_report(report_data(), START, END)))
    assert "Fachkraft 1 2 1 0" in pseudonymised
    assert "Fachkraft 2 2 1 1" in pseudonymised
    assert "Anna Müller" not in pseudonymised and "Bernd Schulz" not in pseudonymised
    assert "pseudonymisiert" in pseudonymised
    named = plain_text(render(outcome_report(report_data(), START, END, pseudonymise=False)))
    assert "Anna Müller 2 1 0" in named
    assert "Bernd Schulz 2 1 1" in named
    assert "Fachkraft 1" not in named
    assert "namentlich" in named


def test_municipality_filter_is_printed():
    report = outcome_report(report_data(), START, END, ["m-bb"])
    text = plain_text(render(report, scope="Eigene Fälle"))
    assert "Kommunen Bietigheim-Bissingen" in text
    assert "Eigene Fälle" in text
    assert "Gesamt 2 1 0 0 2 1 0 1 0" in text
    assert "Ludwigsburg 2" not in text


def test_empty_period():
    report = outcome_report(report_data(), date(2020, 1, 1), date(2020, 3, 31))
    pdf = render(report)
    text = plain_text(pdf)
    assert "Keine Fälle im Zeitraum" in text
    assert "01.01.2020 – 31.03.2020" in text
    assert "Seite 1 von 1" in text
    assert len(reader(pdf).pages) == 1


def test_many_municipalities_chart_shows_totals():
    data = report_data()
    places = {f"m{i}": f"Gemeinde {i:02d}" for i in range(12)}
    rows = [case(100 + i, f"m{i}", "u-anna", date(2026, 7, 2), flat=date(2026, 8, 1))
            for i in range(12)]  # fmt: skip
    data = ReportData(
        cases=[c for _, _, c in rows],
        clients={cl.id: cl for _, cl, _ in rows},
        households={h.id: h for h, _, _ in rows},
        municipalities=places,
        course_referrals=[],
        caseworkers=WORKERS,
    )
    text = plain_text(render(outcome_report(data, START, END)))
    assert "Wichtigste Ergebnisse (gesamt)" in text
    assert "Gemeinde 11 1 1 0 1" in text
    assert "Gesamt 12 12 0 12" in text
