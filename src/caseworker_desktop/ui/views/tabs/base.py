"""A tab that shows records in a table with an empty-state text and action buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...models.records import Column, RecordTableModel
from ...session import Session
from ...widgets.elide import show_elided_text
from ..common import button_row


class ListTab(QWidget):
    changed = Signal()

    def __init__(self, session: Session, columns: list[Column], empty_text: str, parent=None):
        super().__init__(parent)
        self.session = session
        self.data = None
        self.dialog = None
        self.model = RecordTableModel(columns, self)
        self.layout_ = QVBoxLayout(self)
        self.table = QTableView()
        show_elided_text(self.table)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.doubleClicked.connect(lambda _index: self.read_only or self.edit())
        self.empty = QLabel(empty_text)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #666; font-size: 11pt;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.layout_.addWidget(self.stack, 1)
        self.buttons: list[QPushButton] = []
        self.read_only = False  # a team lead's review of someone else's case

    def add_buttons(self, *buttons: QPushButton) -> None:
        self.buttons.extend(buttons)
        self.layout_.addWidget(button_row(*buttons))

    def set_records(self, records) -> None:
        self.model.set_records(records)
        self.stack.setCurrentWidget(self.table if records else self.empty)
        if records:
            self.table.resizeRowsToContents()

    def selected(self):
        index = self.table.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def edit(self) -> None:  # overridden where records can be edited
        return None
