"""Caseload: the caseworker's clients and cases (for a team lead: the team's), with
filter-as-you-type, caseworker and municipality choices and the review problems."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services.cases import NO_CONTACT_WEEKS, STALLED_WEEKS, CaseloadRow
from ..models.caseload import ROW_ROLE, CaseloadFilter, CaseloadModel, Problem
from ..widgets.elide import show_elided_text
from ..widgets.flow import flow_row

COLUMN_WIDTHS = {
    CaseloadModel.NAME: 160,
    CaseloadModel.CASEWORKER: 120,
    CaseloadModel.MUNICIPALITY: 125,
    CaseloadModel.STATUS: 90,
    CaseloadModel.REVIEW: 105,
    CaseloadModel.REFERRALS: 95,
    CaseloadModel.CONTACT: 110,
    CaseloadModel.HINTS: 215,
    CaseloadModel.REFERENCE: 150,
}


class CaseloadView(QWidget):
    case_selected = Signal(str)  # case id

    def __init__(self, today: date, parent=None, *, team_lead: bool = False):
        super().__init__(parent)
        self.team_lead = team_lead
        self.model = CaseloadModel(today, self)
        self.proxy = CaseloadFilter(self)
        self.proxy.setSourceModel(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.filter = QLineEdit()
        self.filter.setObjectName("caseload_filter")
        self.filter.setPlaceholderText(
            self.tr("Suchen: Name, Geburtsdatum, Telefon, Anschrift, Aktenzeichen … (Strg+F)")
        )
        self.filter.setToolTip(
            self.tr(
                "Sucht in Name, Kommune, Status, Aktenzeichen, Geburtsdatum, Telefon, "
                "Anschrift und den Namen im Haushalt. ↓ oder Eingabe: in die Liste."
            )
        )
        self.filter.installEventFilter(self)
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        layout.addWidget(self.filter)
        layout.addWidget(self._build_filter_bar())
        self.table = QTableView()
        show_elided_text(self.table)
        self.table.setObjectName("caseload_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(CaseloadModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(column, width)
        # What matters in a review comes first; the reference is for looking things up.
        order = [CaseloadModel.NAME]
        if team_lead:
            order.append(CaseloadModel.CASEWORKER)
        order += [
            CaseloadModel.MUNICIPALITY,
            CaseloadModel.HINTS,
            CaseloadModel.REVIEW,
            CaseloadModel.CONTACT,
            CaseloadModel.REFERRALS,
            CaseloadModel.STATUS,
            CaseloadModel.REFERENCE,
        ]
        for visual, logical in enumerate(order):
            header.moveSection(header.visualIndex(logical), visual)
        self.table.setColumnHidden(CaseloadModel.CASEWORKER, not team_lead)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.empty = QLabel()
        self.empty.setObjectName("caseload_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #666; font-size: 11pt; padding: 24px;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack)
        self.count = QLabel()
        self.count.setObjectName("caseload_count")
        self.count.setStyleSheet("color: #666;")
        layout.addWidget(self.count)

    def eventFilter(self, watched, event) -> bool:
        """From the search box into the list: ↓ moves to the first match, Enter opens it."""
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.proxy.rowCount() == 0:
                    return False
                if not self.table.currentIndex().isValid() or key != Qt.Key.Key_Down:
                    self.table.selectRow(0)
                self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return True
        return super().eventFilter(watched, event)

    # --- the filter bar ------------------------------------------------------------------

    def _build_filter_bar(self) -> QWidget:
        bar = QWidget()
        bar.setObjectName("caseload_filters")
        box = QVBoxLayout(bar)
        box.setContentsMargins(0, 2, 0, 2)
        box.setSpacing(4)
        self.caseworker_filter = QComboBox()
        self.caseworker_filter.setObjectName("caseworker_filter")
        self.caseworker_filter.setToolTip(self.tr("Nur die Fälle einer Fachkraft zeigen"))
        self.caseworker_filter.currentIndexChanged.connect(self._caseworker_chosen)
        self.caseworker_filter.setVisible(self.team_lead)
        self.municipality_filter = QComboBox()
        self.municipality_filter.setObjectName("municipality_filter")
        self.municipality_filter.setToolTip(self.tr("Nur die Fälle einer Kommune zeigen"))
        self.municipality_filter.currentIndexChanged.connect(self._municipality_chosen)
        for combo in (self.caseworker_filter, self.municipality_filter):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(14)
        self.reset_button = QPushButton(self.tr("Filter zurücksetzen"))
        self.reset_button.setObjectName("reset_filters")
        self.reset_button.clicked.connect(self.reset_filters)
        self.reset_button.setEnabled(False)
        box.addWidget(flow_row(self.caseworker_filter, self.municipality_filter, self.reset_button))

        self.problem_checks: dict[Problem, QCheckBox] = {}
        tips = {
            Problem.REVIEW_OVERDUE: self.tr("Die Fortschreibung des Hilfeplans ist überfällig."),
            Problem.NO_CONTACT: self.tr(
                "Kein Beratungskontakt seit so vielen Wochen (ohne abgeschlossene Fälle)."
            ),
            Problem.STALLED: self.tr(
                "Eine Sprachkurs-Vermittlung oder Platzanfrage wartet seit %1 Wochen "
                "ohne Statusänderung."
            ).replace("%1", str(STALLED_WEEKS)),
            Problem.AWAITING_APPROVAL: self.tr(
                "Der Hilfeplan ist vereinbart und wartet auf die Freigabe der Teamleitung."
            ),
            Problem.OPEN_COMMENT: self.tr("Ein Kommentar der Teamleitung ist noch nicht erledigt."),
        }
        names = {
            Problem.REVIEW_OVERDUE: "filter_overdue",
            Problem.NO_CONTACT: "filter_no_contact",
            Problem.STALLED: "filter_stalled",
            Problem.AWAITING_APPROVAL: "filter_awaiting_approval",
            Problem.OPEN_COMMENT: "filter_open_comment",
        }
        for problem in Problem:
            check = QCheckBox()
            check.setObjectName(names[problem])
            check.setToolTip(tips[problem])
            check.toggled.connect(self._problems_chosen)
            self.problem_checks[problem] = check
        self.no_contact_weeks = QSpinBox()
        self.no_contact_weeks.setObjectName("no_contact_weeks")
        self.no_contact_weeks.setRange(1, 52)
        self.no_contact_weeks.setValue(NO_CONTACT_WEEKS)
        self.no_contact_weeks.setSuffix(self.tr(" Wochen"))
        self.no_contact_weeks.setToolTip(self.tr("Wochen ohne Kontakt"))
        self.no_contact_weeks.valueChanged.connect(self._weeks_changed)
        no_contact_box = QWidget()
        no_contact = QHBoxLayout(no_contact_box)
        no_contact.setContentsMargins(0, 0, 0, 0)
        no_contact.setSpacing(4)
        no_contact.addWidget(self.problem_checks[Problem.NO_CONTACT])
        no_contact.addWidget(self.no_contact_weeks)
        self.no_contact_count = QLabel()
        self.no_contact_count.setObjectName("no_contact_count")
        no_contact.addWidget(self.no_contact_count)
        checks = flow_row(
            self.problem_checks[Problem.REVIEW_OVERDUE],
            no_contact_box,
            self.problem_checks[Problem.STALLED],
            self.problem_checks[Problem.AWAITING_APPROVAL],
            self.problem_checks[Problem.OPEN_COMMENT],
        )
        checks.layout().setSpacing(12)
        box.addWidget(checks)
        self._update_counts()
        return bar

    def _fill_choices(self) -> None:
        """The combos list who and where there are cases; the choice survives a refresh."""
        chosen_worker = self.caseworker_filter.currentData()
        chosen_place = self.municipality_filter.currentData()
        for combo in (self.caseworker_filter, self.municipality_filter):
            combo.blockSignals(True)
            combo.clear()
        self.caseworker_filter.addItem(self.tr("Alle Fachkräfte"), None)
        for worker_id, name, count in self.model.caseworkers():
            self.caseworker_filter.addItem(f"{name} ({count})", worker_id)
        self.municipality_filter.addItem(self.tr("Alle Kommunen"), None)
        for name, count in self.model.municipalities():
            self.municipality_filter.addItem(f"{name} ({count})", name)
        for combo, chosen in (
            (self.caseworker_filter, chosen_worker),
            (self.municipality_filter, chosen_place),
        ):
            combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen else 0)
            combo.blockSignals(False)
        self.proxy.set_caseworker(self.caseworker_filter.currentData())
        self.proxy.set_municipality(self.municipality_filter.currentData())

    def _caseworker_chosen(self, _index: int) -> None:
        self.proxy.set_caseworker(self.caseworker_filter.currentData())
        self._filter_changed()

    def _municipality_chosen(self, _index: int) -> None:
        self.proxy.set_municipality(self.municipality_filter.currentData())
        self._filter_changed()

    def _problems_chosen(self, _checked: bool = False) -> None:
        chosen = Problem(0)
        for problem, check in self.problem_checks.items():
            if check.isChecked():
                chosen |= problem
        self.proxy.set_problems(chosen)
        self._filter_changed()

    def _weeks_changed(self, weeks: int) -> None:
        self.model.set_no_contact_weeks(weeks)
        self.proxy.refilter()
        self._filter_changed()

    def reset_filters(self) -> None:
        widgets = [self.filter, self.caseworker_filter, self.municipality_filter]
        widgets += self.problem_checks.values()
        for widget in widgets:
            widget.blockSignals(True)
        self.filter.clear()
        self.caseworker_filter.setCurrentIndex(0)
        self.municipality_filter.setCurrentIndex(0)
        for check in self.problem_checks.values():
            check.setChecked(False)
        for widget in widgets:
            widget.blockSignals(False)
        self.proxy.set_text("")
        self.proxy.set_caseworker(None)
        self.proxy.set_municipality(None)
        self.proxy.set_problems(Problem(0))
        self._filter_changed()

    def choose_caseworker(self, caseworker_id: str | None) -> None:
        self.caseworker_filter.setCurrentIndex(
            max(0, self.caseworker_filter.findData(caseworker_id))
        )

    def choose_municipality(self, name: str | None) -> None:
        self.municipality_filter.setCurrentIndex(max(0, self.municipality_filter.findData(name)))

    def _update_counts(self) -> None:
        counts = self.proxy.problem_counts()
        texts = {
            Problem.REVIEW_OVERDUE: self.tr("Fortschreibung überfällig (%1)"),
            Problem.NO_CONTACT: self.tr("Ohne Kontakt seit"),
            Problem.STALLED: self.tr("Vermittlung stockt (%1)"),
            Problem.AWAITING_APPROVAL: self.tr("Freigabe offen (%1)"),
            Problem.OPEN_COMMENT: self.tr("Kommentar offen (%1)"),
        }
        for problem, check in self.problem_checks.items():
            n = counts[problem]
            check.setText(texts[problem].replace("%1", str(n)))
            # A problem that exists catches the eye; a zero stays quiet.
            check.setStyleSheet("" if n == 0 else "QCheckBox { color: #9a5b00; }")
        n = counts[Problem.NO_CONTACT]
        self.no_contact_count.setText(self.tr("(%1)").replace("%1", str(n)))
        self.no_contact_count.setStyleSheet("" if n == 0 else "color: #9a5b00;")
        self.reset_button.setEnabled(self.proxy.active)

    # --- rows ----------------------------------------------------------------------------

    def set_rows(self, rows: list[CaseloadRow], today: date | None = None) -> None:
        current = self.current_case_id()
        self.model.set_rows(rows, today)
        self._fill_choices()
        self.proxy.sort(
            self.table.horizontalHeader().sortIndicatorSection(),
            self.table.horizontalHeader().sortIndicatorOrder(),
        )
        if current:
            self.select_case(current, emit=False)
        self._filter_changed()

    def _filter(self, text: str) -> None:
        self.proxy.set_text(text)
        self._filter_changed()

    def _filter_changed(self) -> None:
        self._update_counts()
        self._update_empty_state()

    def _update_empty_state(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if total == 0:
            self.empty.setText(
                self.tr("Noch keine Klient:innen.\nMit „Neue Klient:in“ (Strg+N) anlegen.")
            )
            self.stack.setCurrentWidget(self.empty)
        elif shown == 0 and self.filter.text().strip():
            self.empty.setText(self.tr("Keine Treffer für „%1“.").replace("%1", self.filter.text()))
            self.stack.setCurrentWidget(self.empty)
        elif shown == 0:
            self.empty.setText(self.tr("Keine Fälle für diese Filter."))
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentWidget(self.table)
        self.count.setText(
            self.tr("%1 von %2 Fällen").replace("%1", str(shown)).replace("%2", str(total))
        )

    def current_case_id(self) -> str | None:
        index = self.table.currentIndex()
        row = index.data(ROW_ROLE) if index.isValid() else None
        return row.case_id if row else None

    def select_case(self, case_id: str, emit: bool = True) -> bool:
        source_row = self.model.row_of_case(case_id)
        if source_row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            return False
        if not emit:
            self.table.selectionModel().blockSignals(True)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        if not emit:
            self.table.selectionModel().blockSignals(False)
        return True

    def _current_changed(self, current, _previous) -> None:
        row = current.data(ROW_ROLE) if current.isValid() else None
        if row is not None:
            self.case_selected.emit(row.case_id)
