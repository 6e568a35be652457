"""Caseload: the caseworker's clients and cases, filter-as-you-type."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services.cases import CaseloadRow
from ..models.caseload import ROW_ROLE, CaseloadFilter, CaseloadModel


class CaseloadView(QWidget):
    case_selected = Signal(str)  # case id

    def __init__(self, today: date, parent=None):
        super().__init__(parent)
        self.model = CaseloadModel(today, self)
        self.proxy = CaseloadFilter(self)
        self.proxy.setSourceModel(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.filter = QLineEdit()
        self.filter.setObjectName("caseload_filter")
        self.filter.setPlaceholderText(self.tr("Suchen: Name, Kommune, Status … (Strg+F)"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        layout.addWidget(self.filter)
        self.table = QTableView()
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
        for column, width in enumerate((160, 140, 100, 105, 110, 105, 150)):
            self.table.setColumnWidth(column, width)
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
        self.count.setStyleSheet("color: #666;")
        layout.addWidget(self.count)

    def set_rows(self, rows: list[CaseloadRow], today: date | None = None) -> None:
        current = self.current_case_id()
        self.model.set_rows(rows, today)
        self.proxy.sort(
            self.table.horizontalHeader().sortIndicatorSection(),
            self.table.horizontalHeader().sortIndicatorOrder(),
        )
        if current:
            self.select_case(current, emit=False)
        self._update_empty_state()

    def _filter(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_empty_state()

    def _update_empty_state(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if total == 0:
            self.empty.setText(
                self.tr("Noch keine Klient:innen.\nMit „Neue Klient:in“ (Strg+N) anlegen.")
            )
            self.stack.setCurrentWidget(self.empty)
        elif shown == 0:
            self.empty.setText(self.tr("Keine Treffer für „%1“.").replace("%1", self.filter.text()))
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
