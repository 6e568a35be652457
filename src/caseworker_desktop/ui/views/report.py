"""The outcome report: figures per municipality and period, tables and charts, exports.

The figures are computed on the database worker; the exports write what is shown (the
report last computed), caseworkers by name only when "Namen der Fachkräfte anzeigen" was
ticked, and the export asks before names leave."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import Role
from ...domain.errors import CaseworkerError
from ...domain.reports import CASELOAD_FIGURES, FIGURES, NO_LEVEL, OutcomeReport
from ..i18n import format_date
from ..models.figures import FigureTableModel, caseworker_label, is_empty, label
from ..widgets.charts import BarChart
from ..widgets.elide import show_elided_text
from ..widgets.fields import INVALID_STYLE, DateField
from ..widgets.flow import flow_row, together
from ..widgets.municipalities import MunicipalityChooser
from .report_charts import OutcomeCharts
from .report_period import CUSTOM, PERIOD_CHOICES, THIS_YEAR, quarters, quick_period

Index = QModelIndex | QPersistentModelIndex

# Whose cases the report covers: German, since the PDF is German; shown translated.
SCOPE_TEAM = QT_TRANSLATE_NOOP("ReportView", "Team")
SCOPE_OWN = QT_TRANSLATE_NOOP("ReportView", "Eigene Fälle")
# The outcomes the chart shows (the rest of the figures are caseload movements).
MAIN_OUTCOMES = ("own_flat", "course_completed", "work_started", "training_started", "independent")


class ReportView(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.report: OutcomeReport | None = None
        self._chosen: set[str] = set()  # municipality ids; empty: all
        self._request = 0
        self._loaded = False
        self._build()
        self.choose_period(THIS_YEAR)

    # --- building ----------------------------------------------------------------------

    def _build(self) -> None:
        self.period = QComboBox()
        self.period.setObjectName("report_period")
        for key, text in PERIOD_CHOICES:
            self.period.addItem(QCoreApplication.translate("ReportView", text), key)
        self.period.activated.connect(lambda _i: self._period_chosen())
        self.quarter = QComboBox()
        self.quarter.setObjectName("report_quarter")
        self.quarter.addItem(self.tr("Quartal …"), None)
        for name, first, last in quarters(self.session.clock.today()):
            self.quarter.addItem(name, (first, last))
        self.quarter.activated.connect(lambda _i: self._quarter_chosen())
        self.start = DateField()
        self.start.setObjectName("report_start")
        self.end = DateField()
        self.end.setObjectName("report_end")
        for field in (self.start, self.end):
            field.editingFinished.connect(self._dates_edited)
        self.municipality_button = MunicipalityChooser()
        self.municipality_button.setObjectName("report_municipalities")
        self.municipality_button.chosen_changed.connect(self.set_municipalities)
        self.names = QCheckBox(self.tr("Namen der Fachkräfte anzeigen"))
        self.names.setObjectName("report_names")
        self.names.setToolTip(
            self.tr(
                "Ohne Haken erscheinen die Fachkräfte als „Fachkraft 1“, „Fachkraft 2“ … – "
                "auch im Export."
            )
        )
        self.names.toggled.connect(lambda _on: self.compute())
        self.csv_button = QPushButton(self.tr("Als CSV exportieren …"))
        self.csv_button.setObjectName("report_csv")
        self.csv_button.clicked.connect(self.export_csv)
        self.pdf_button = QPushButton(self.tr("Als PDF exportieren …"))
        self.pdf_button.setObjectName("report_pdf")
        self.pdf_button.clicked.connect(self.export_pdf)
        small = self.tr(
            "Im Export erscheinen die Zahlen 1 und 2 als „< 3“: an einer kleinen Zahl soll "
            "niemand zu erkennen sein."
        )
        for button in (self.csv_button, self.pdf_button):
            button.setToolTip(small)

        controls = flow_row(
            together(
                QLabel(self.tr("Zeitraum:")),
                self.period,
                QLabel(self.tr("von")),
                self.start,
                QLabel(self.tr("bis")),
                self.end,
            ),
            self.quarter,
            together(QLabel(self.tr("Kommunen:")), self.municipality_button),
            self.names,
            together(self.csv_button, self.pdf_button),
        )
        controls.layout().setSpacing(18)

        self.summary = QLabel()
        self.summary.setObjectName("report_summary")
        self.summary.setStyleSheet("color: #5d6875;")
        self.summary.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("report_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.figures_model = FigureTableModel(
            [self.tr("Kommune"), *(label(german) for _, german in FIGURES)], self
        )
        self.figures_table = self._table(self.figures_model, "report_figures")
        self.levels_model = FigureTableModel([self.tr("Niveau"), self.tr("Anzahl")], self)
        self.levels_table = self._table(self.levels_model, "report_levels")
        self.caseload_model = FigureTableModel(
            [self.tr("Fachkraft"), *(label(german) for _, german in CASELOAD_FIGURES)], self
        )
        self.caseload_table = self._table(self.caseload_model, "report_caseload")
        outcome_labels = dict(FIGURES)
        self.outcome_chart = OutcomeCharts(
            [(key, label(outcome_labels[key])) for key in MAIN_OUTCOMES],
            self.tr("Keine Fälle im Zeitraum"),
        )
        self.outcome_chart.setObjectName("report_outcome_chart")
        self.levels_chart = BarChart()
        self.levels_chart.setObjectName("report_levels_chart")
        self.caseload_chart = BarChart()
        self.caseload_chart.setObjectName("report_caseload_chart")
        self.caseload_chart.set_legend_visible(True)
        for chart in (self.levels_chart, self.caseload_chart):
            chart.set_empty_text(self.tr("Keine Fälle im Zeitraum"))

        body = QWidget()
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(12)
        grid.addWidget(
            self._group(self.tr("Kennzahlen nach Kommune"), self.figures_table), 0, 0, 1, 2
        )
        outcomes = self._group(self.tr("Wichtigste Ergebnisse"), self.outcome_chart)
        grid.addWidget(outcomes, 1, 0, 1, 2)
        levels = QWidget()
        levels_row = QHBoxLayout(levels)
        levels_row.setContentsMargins(0, 0, 0, 0)
        levels_row.addWidget(self.levels_table, 2, Qt.AlignmentFlag.AlignTop)
        levels_row.addWidget(self.levels_chart, 3)
        grid.addWidget(
            self._group(self.tr("Erreichtes Sprachniveau (abgeschlossene Kurse)"), levels), 2, 0
        )
        caseload = QWidget()
        caseload_row = QHBoxLayout(caseload)
        caseload_row.setContentsMargins(0, 0, 0, 0)
        caseload_row.addWidget(self.caseload_table, 3, Qt.AlignmentFlag.AlignTop)
        caseload_row.addWidget(self.caseload_chart, 2)
        grid.addWidget(self._group(self.tr("Fallzahl je Fachkraft"), caseload), 2, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)

        layout = QVBoxLayout(self)
        layout.addWidget(controls)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)
        self._set_exportable(False)

    def _table(self, model: FigureTableModel, name: str) -> QTableView:
        table = QTableView()
        show_elided_text(table)
        table.setObjectName(name)
        table.setModel(model)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(60)
        table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        return table

    def _group(self, title: str, content: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        layout.addWidget(content)
        return box

    # --- user actions ------------------------------------------------------------------

    def refresh(self) -> None:
        """Shown or synced: (re)load the municipalities once, then compute the figures."""
        if not self._loaded:
            self.session.call(self.session.services.clients.municipalities, self._set_places)
        self.compute()

    def choose_period(self, choice: str) -> None:
        self.period.setCurrentIndex(max(self.period.findData(choice), 0))
        self._period_chosen(compute=False)

    def _period_chosen(self, compute: bool = True) -> None:
        choice = self.period.currentData()
        if choice == CUSTOM:
            self.start.setFocus()
            return
        start, end = quick_period(choice, self.session.clock.today())
        self.start.set_date(start)
        self.end.set_date(end)
        if compute:
            self.compute()

    def _quarter_chosen(self) -> None:
        chosen = self.quarter.currentData()
        if chosen is None:
            return
        first, last = chosen
        self.period.setCurrentIndex(self.period.findData(CUSTOM))
        self.start.set_date(first)
        self.end.set_date(min(last, self.session.clock.today()))
        self.compute()

    def _dates_edited(self) -> None:
        try:
            chosen = (self.start.date(), self.end.date())
        except ValueError:
            chosen = None
        today = self.session.clock.today()
        matching = [
            key
            for key, _ in PERIOD_CHOICES[:-1]
            if chosen is not None and quick_period(key, today) == chosen
        ]
        self.period.setCurrentIndex(self.period.findData(matching[0] if matching else CUSTOM))
        self.compute()

    def set_municipalities(self, ids: Sequence[str]) -> None:
        """Narrow the report to these municipalities (empty: all) and compute it."""
        self._chosen = set(ids)
        self.municipality_button.set_chosen(ids)
        self.compute()

    def _set_places(self, municipalities) -> None:
        self._loaded = True
        self.municipality_button.set_places(municipalities)

    def scope(self) -> str:
        """German (for the PDF): the team lead's file holds the team's cases."""
        return SCOPE_TEAM if self.session.user.role is Role.TEAM_LEAD else SCOPE_OWN

    def compute(self) -> None:
        """Compute the figures for the chosen period and places on the worker."""
        try:
            start, end = self.start.date(), self.end.date()
        except ValueError:
            start = end = None
        for field in (self.start, self.end):
            try:
                valid = field.date() is not None
            except ValueError:
                valid = False
            field.setStyleSheet("" if valid else INVALID_STYLE)
        if start is None or end is None:
            self._fail(self.tr("Bitte Beginn und Ende des Zeitraums als TT.MM.JJJJ eingeben."))
            return
        if end < start:
            self._fail(self.tr("Das Ende des Zeitraums liegt vor seinem Beginn."))
            return
        self._request += 1
        request = self._request
        places = sorted(self._chosen) or None
        with_names = self.names.isChecked()
        reports = self.session.services.reports
        self._set_exportable(False)
        self.message.setStyleSheet("color: #5d6875;")
        self.message.setText(self.tr("Wird berechnet …"))

        def shown(report: OutcomeReport) -> None:
            if request == self._request:  # a newer request is on its way: drop this one
                self.show_report(report)

        self.session.call(lambda: reports.outcome(start, end, places, with_names=with_names), shown)

    def _fail(self, text: str) -> None:
        self._request += 1  # results still on their way are out of date
        self.report = None
        self._set_exportable(False)
        self.message.setStyleSheet("color: #c0392b;")
        self.message.setText(text)

    def show_report(self, report: OutcomeReport) -> None:
        self.report = report
        self.message.clear()
        self.message.setStyleSheet("")
        self.summary.setText(self._summary(report))
        empty = is_empty(report)
        rows = [] if empty else [*report.rows, report.total]
        self.figures_model.set_rows(
            [(label(row.name), [row.figures[k] for k, _ in FIGURES]) for row in rows], total=True
        )
        levels = list(report.levels.items())
        self.levels_model.set_rows(
            []
            if empty
            else [(label(NO_LEVEL) if name == NO_LEVEL else name, [n]) for name, n in levels]
            + [(label("Gesamt"), [sum(n for _, n in levels)])],
            total=True,
        )
        caseload = [
            (caseworker_label(w), [w.figures[k] for k, _ in CASELOAD_FIGURES])
            for w in ([] if empty else report.caseload)
        ]
        if caseload:
            caseload.append(
                (
                    label("Gesamt"),
                    [sum(w.figures[k] for w in report.caseload) for k, _ in CASELOAD_FIGURES],
                )
            )
        self.caseload_model.set_rows(caseload, total=True)
        for table in (self.figures_table, self.levels_table, self.caseload_table):
            self._fit_height(table)
        self._fill_charts(report)
        self._set_exportable(True)

    def _fill_charts(self, report: OutcomeReport) -> None:
        if is_empty(report):
            for chart in (self.levels_chart, self.caseload_chart):
                chart.set_data([], [])
            self.outcome_chart.show_rows([], {})
            return
        self.outcome_chart.show_rows(
            [(label(row.name), dict(row.figures)) for row in report.rows],
            dict(report.total.figures),
        )
        self.levels_chart.set_data(
            [label(NO_LEVEL) if name == NO_LEVEL else name for name in report.levels],
            [(self.tr("Anzahl"), list(report.levels.values()))],
        )
        self.caseload_chart.set_data(
            [caseworker_label(w) for w in report.caseload],
            [(label("Fälle am Stichtag"), [w.figures["open_at_end"] for w in report.caseload])],
        )

    def _fit_height(self, table: QTableView) -> None:
        """Tables as tall as their rows (the page scrolls, not each table)."""
        rows = table.model().rowCount()
        height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
        height += sum(table.rowHeight(r) for r in range(rows)) if rows else 30
        table.setFixedHeight(height + 2)

    def _summary(self, report: OutcomeReport) -> str:
        places = ", ".join(report.municipality_filter) or self.tr("alle Kommunen")
        parts = [
            QCoreApplication.translate("ReportView", self.scope()),
            f"{format_date(report.start)} – {format_date(report.end)}",
            places,
        ]
        text = " · ".join(parts)
        if is_empty(report):
            text += " · " + self.tr("Keine Fälle im Zeitraum")
        return text

    def _set_exportable(self, on: bool) -> None:
        self.csv_button.setEnabled(on)
        self.pdf_button.setEnabled(on)

    # --- exports -----------------------------------------------------------------------

    def export_csv(self) -> None:
        self._export("csv")

    def export_pdf(self) -> None:
        self._export("pdf")

    def _export(self, kind: str) -> None:
        report = self.report
        if report is None:
            return
        named = not report.pseudonymised
        if named and not self._confirm_names():
            return
        if kind == "csv":
            caption = self.tr("Ergebnisbericht als CSV exportieren")
            file_filter = self.tr("CSV-Dateien (*.csv)")
        else:
            caption = self.tr("Ergebnisbericht als PDF exportieren")
            file_filter = self.tr("PDF-Dateien (*.pdf)")
        if named:
            caption += " – " + self.tr("mit Namen der Fachkräfte")
        default = Path.home() / (
            f"Ergebnisbericht_{report.start:%Y-%m-%d}_{report.end:%Y-%m-%d}.{kind}"
        )
        chosen, _ = QFileDialog.getSaveFileName(self, caption, str(default), file_filter)
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(path.name + f".{kind}")
        reports, scope = self.session.services.reports, self.scope()
        if kind == "csv":
            work = lambda: reports.export_csv(report, path)  # noqa: E731
        else:
            work = lambda: reports.export_pdf(report, path, scope=scope)  # noqa: E731
        self.message.setStyleSheet("color: #5d6875;")
        self.message.setText(self.tr("Wird exportiert …"))
        self.session.call(work, self._exported, self._export_failed)

    def _confirm_names(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Export mit Namen"),
            self.tr(
                "Der Export enthält die Namen der Fachkräfte. Mit Namen exportieren?\n\n"
                "Ohne Namen: den Haken bei „Namen der Fachkräfte anzeigen“ entfernen."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _exported(self, path: Path) -> None:
        text = self.tr("Ergebnisbericht gespeichert: %1").replace("%1", str(path))
        self.message.setStyleSheet("color: #2e7d32;")
        self.message.setText(text)
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 8000)

    def _export_failed(self, exc: BaseException) -> None:
        detail = str(exc) if isinstance(exc, CaseworkerError | OSError) else type(exc).__name__
        self.message.setStyleSheet("color: #c0392b;")
        self.message.setText(self.tr("Export fehlgeschlagen: %1").replace("%1", detail))
        if not isinstance(exc, CaseworkerError | OSError):
            self.session.ops.failed.emit(exc)
