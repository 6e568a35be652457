"""The outcome report page: figures computed on the worker, tables and charts, CSV and PDF
exports with pseudonyms unless names were chosen (and confirmed)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from caseworker_desktop.domain.enums import (
    ClosingReason,
    CourseReferralStatus,
    CourseType,
    EmploymentStatus,
    LanguageLevel,
)
from caseworker_desktop.domain.reports import FIGURE_KEYS
from caseworker_desktop.services import NewClient
from caseworker_desktop.ui.views.report_period import (
    CUSTOM,
    LAST_MONTH,
    LAST_QUARTER,
    LAST_YEAR,
    THIS_YEAR,
    quick_period,
)
from tests.printing.pdf_tools import plain_text
from tests.ui.conftest import settle

CLIENT_NAMES = ("Kovalenko", "Karimi", "Haidari", "Olena", "Ahmad", "Mariam")


def register(services, first, last, place, opened_on):
    return services.clients.register(
        NewClient(
            first_name=first,
            last_name=last,
            municipality_id=place.id,
            birth_date=date(1990, 1, 1),
            data_processing_consent_on=opened_on,
        ),
        opened_on=opened_on,
    )


def build_caseload(services) -> dict[str, str]:
    """Ludwigsburg: own flat, work, course completed (B1), a case closed as independent.
    Kornwestheim: training, a course started. Returns municipality name -> id."""
    places = {mu.name: mu for mu in services.clients.municipalities()}
    lb, kw = places["Ludwigsburg"], places["Kornwestheim"]
    olena, olena_case = register(services, "Olena", "Kovalenko", lb, date(2026, 2, 1))
    services.clients.update_household(olena.household_id, own_flat_since=date(2026, 6, 1))
    services.clients.update(
        olena.id, employment=EmploymentStatus.EMPLOYED, employment_since=date(2026, 5, 1)
    )
    course = services.referrals.refer_to_course(
        olena_case.id,
        course_type=CourseType.INTEGRATION_COURSE,
        target_level=LanguageLevel.B1,
        start_on=date(2026, 3, 1),
    )
    for status in (CourseReferralStatus.REGISTERED, CourseReferralStatus.STARTED):
        services.referrals.update_course_referral(course.id, status=status)
    services.referrals.update_course_referral(
        course.id,
        status=CourseReferralStatus.COMPLETED,
        level_achieved=LanguageLevel.B1,
        completed_on=date(2026, 9, 30),
    )
    _ahmad, ahmad_case = register(services, "Ahmad", "Karimi", lb, date(2025, 6, 1))
    services.cases.close(ahmad_case.id, ClosingReason.INDEPENDENT, closed_on=date(2026, 10, 15))
    mariam, mariam_case = register(services, "Mariam", "Haidari", kw, date(2026, 3, 10))
    services.clients.update(
        mariam.id,
        employment=EmploymentStatus.VOCATIONAL_TRAINING,
        employment_since=date(2026, 9, 1),
    )
    started = services.referrals.refer_to_course(
        mariam_case.id,
        course_type=CourseType.DISTRICT_COURSE,
        target_level=LanguageLevel.A2,
        start_on=date(2026, 4, 1),
    )
    for status in (CourseReferralStatus.REGISTERED, CourseReferralStatus.STARTED):
        services.referrals.update_course_referral(started.id, status=status)
    return {"Ludwigsburg": lb.id, "Kornwestheim": kw.id}


# figures in FIGURE_KEYS order: open, opened, closed, own flat, course started, completed,
# work, training, independent
EXPECTED = {
    "Kornwestheim": [1, 1, 0, 0, 1, 0, 0, 1, 0],
    "Ludwigsburg": [1, 1, 1, 1, 1, 1, 1, 0, 1],
    "Gesamt": [2, 2, 1, 1, 2, 1, 1, 1, 1],
}


@pytest.fixture
def places(services):
    return build_caseload(services)


def open_report(qtbot, window):
    window.pages.setCurrentWidget(window.report)
    settle(qtbot, window.session.ops)
    return window.report


def export_to(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def test_quick_periods():
    today = date(2026, 11, 24)
    assert quick_period(LAST_MONTH, today) == (date(2026, 10, 1), date(2026, 10, 31))
    assert quick_period(LAST_QUARTER, today) == (date(2026, 7, 1), date(2026, 9, 30))
    assert quick_period(THIS_YEAR, today) == (date(2026, 1, 1), today)
    assert quick_period(LAST_YEAR, today) == (date(2025, 1, 1), date(2025, 12, 31))
    january = date(2026, 1, 15)
    assert quick_period(LAST_MONTH, january) == (date(2025, 12, 1), date(2025, 12, 31))
    assert quick_period(LAST_QUARTER, date(2026, 2, 10)) == (date(2025, 10, 1), date(2025, 12, 31))


def test_table_and_charts_show_the_figures(qtbot, qtmodeltester, window, places):
    view = open_report(qtbot, window)
    assert view.start.text() == "01.01.2026" and view.end.text() == "24.11.2026"
    rows = dict(view.figures_model.rows())
    assert rows == EXPECTED
    assert view.figures_model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert len(FIGURE_KEYS) == len(EXPECTED["Gesamt"])
    assert dict(view.levels_model.rows())["B1"] == [1]
    assert view.caseload_model.rows()[0] == ("Fachkraft 1", [2, 2, 1])
    qtmodeltester.check(view.figures_model)
    qtmodeltester.check(view.caseload_model)
    charts = view.outcome_chart  # one small chart per outcome, municipalities as bars
    assert not charts.total.isVisibleTo(charts)
    assert charts.chart("own_flat").title == "Umzug in eigene Wohnung"
    assert charts.chart("own_flat").bars() == [("Ludwigsburg", 1)]  # no rows of zeros
    assert charts.chart("training_started").bars() == [("Kornwestheim", 1)]
    levels = view.levels_chart
    assert dict(zip(levels.categories(), levels.series()[0].values, strict=True))["B1"] == 1
    assert "Eigene Fälle" in view.summary.text()


def test_period_and_municipality_filter(qtbot, window, places):
    view = open_report(qtbot, window)
    view.set_municipalities([places["Kornwestheim"]])
    settle(qtbot, window.session.ops)
    assert dict(view.figures_model.rows()) == {
        "Kornwestheim": EXPECTED["Kornwestheim"],
        "Gesamt": EXPECTED["Kornwestheim"],
    }
    assert view.municipality_button.text() == "Kornwestheim"
    view.set_municipalities([])
    view.choose_period(LAST_YEAR)
    view.compute()
    settle(qtbot, window.session.ops)
    # 2025: only Ahmad's case opened, still open at the end of the year
    assert dict(view.figures_model.rows())["Gesamt"] == [1, 1, 0, 0, 0, 0, 0, 0, 0]
    view.start.clear()
    qtbot.keyClicks(view.start, "01.10.2026")
    view.end.clear()
    qtbot.keyClicks(view.end, "31.10.2026")
    view.end.editingFinished.emit()
    settle(qtbot, window.session.ops)
    assert view.period.currentData() == LAST_MONTH
    assert dict(view.figures_model.rows())["Gesamt"][view_index("independent")] == 1
    view.end.setText("01.09.2026")
    view.end.editingFinished.emit()
    settle(qtbot, window.session.ops)
    assert view.period.currentData() == CUSTOM
    assert "Ende des Zeitraums" in view.message.text()
    assert not view.csv_button.isEnabled()


def view_index(key: str) -> int:
    return FIGURE_KEYS.index(key)


def test_empty_period(qtbot, window, places):
    view = open_report(qtbot, window)
    view.start.setText("01.01.2020")
    view.end.setText("31.12.2020")
    view.compute()
    settle(qtbot, window.session.ops)
    assert view.figures_model.rowCount() == 0
    assert view.outcome_chart.total.bars() == []
    assert "Keine Fälle im Zeitraum" in view.summary.text()


def test_csv_export_pseudonymised_by_default_names_only_when_chosen(
    qtbot, window, places, tmp_path, monkeypatch
):
    view = open_report(qtbot, window)
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Yes
    )
    target = tmp_path / "bericht.csv"
    export_to(monkeypatch, target)
    qtbot.mouseClick(view.csv_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window.session.ops)
    content = target.read_text(encoding="utf-8-sig")
    assert "Ludwigsburg;< 3;< 3;< 3;< 3;< 3;< 3;< 3;0;< 3" in content  # small numbers hidden
    assert "Zahlen von 1 bis 2 als „< 3“" in content
    assert "Kornwestheim;< 3;< 3;0;0;< 3;0;0;< 3;0" in content
    assert "Gesamt;< 3;< 3;< 3;< 3;< 3;< 3;< 3;< 3;< 3" in content
    assert "Fachkraft 1;< 3;< 3;< 3" in content
    assert "amueller" not in content
    assert not any(name in content for name in CLIENT_NAMES)
    assert not asked
    assert str(target) in view.message.text()
    assert str(target) in window.statusBar().currentMessage()

    view.names.setChecked(True)
    settle(qtbot, window.session.ops)
    assert view.caseload_model.rows()[0][0] == "amueller"
    named = tmp_path / "mit_namen.csv"
    export_to(monkeypatch, named)
    qtbot.mouseClick(view.csv_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window.session.ops)
    assert len(asked) == 1 and "Namen der Fachkräfte" in asked[0][2]
    content = named.read_text(encoding="utf-8-sig")
    assert "amueller;< 3;< 3;< 3" in content
    assert not any(name in content for name in CLIENT_NAMES)


def test_names_are_not_exported_when_the_confirmation_is_declined(
    qtbot, window, places, tmp_path, monkeypatch
):
    view = open_report(qtbot, window)
    view.names.setChecked(True)
    settle(qtbot, window.session.ops)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    target = tmp_path / "bericht.csv"
    export_to(monkeypatch, target)
    qtbot.mouseClick(view.csv_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window.session.ops)
    assert not target.exists()


def test_pdf_export(qtbot, window, places, tmp_path, monkeypatch):
    view = open_report(qtbot, window)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("asked for names"))
    target = tmp_path / "bericht"  # the suffix is added
    export_to(monkeypatch, target)
    qtbot.mouseClick(view.pdf_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window.session.ops)
    pdf = tmp_path / "bericht.pdf"
    assert pdf.is_file()
    text = plain_text(pdf)
    assert "Ergebnisbericht Integrationsmanagement" in text
    assert "01.01.2026 – 24.11.2026" in text
    assert "Eigene Fälle" in text
    assert "Ludwigsburg < 3 < 3 < 3 < 3 < 3 < 3 < 3 0 < 3" in text
    assert "damit niemand an einer kleinen Zahl erkennbar ist" in text
    assert "Gesamt < 3 < 3 < 3 < 3 < 3 < 3 < 3 < 3 < 3" in text
    assert "Fachkraft 1" in text and "amueller" not in text
    assert not any(name in text for name in CLIENT_NAMES)


def test_a_quarter_beside_the_presets(qtbot, window, places):
    view = open_report(qtbot, window)
    names = [view.quarter.itemText(i) for i in range(1, view.quarter.count())]
    assert names[:3] == ["Q4 2026", "Q3 2026", "Q2 2026"] and len(names) == 8
    view.quarter.setCurrentIndex(2)
    view.quarter.activated.emit(2)
    settle(qtbot, window.session.ops)
    assert (view.start.text(), view.end.text()) == ("01.07.2026", "30.09.2026")
    assert view.period.currentData() == "custom"
    assert "01.07.2026 – 30.09.2026" in view.summary.text()


def test_many_municipalities_stay_readable():
    """39 municipalities: the eight largest, the rest summed up as "weitere"."""
    from caseworker_desktop.ui.widgets.charts import HBarChart

    chart = HBarChart("Arbeit aufgenommen")
    values = [(f"Gemeinde {i:02d}", i % 4) for i in range(39)]
    chart.set_data(values)
    bars = chart.bars()
    assert len(bars) == 8
    assert [n for _, n in bars[:7]] == [3] * 7  # largest first
    assert bars[-1][0] == "weitere (22)"  # 29 non-zero municipalities, 7 shown on their own
    assert sum(n for _, n in bars) == sum(n for _, n in values)
