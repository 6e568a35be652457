"""A box of the master data that lists some of the client's records with a button to add
one and one to end the selected one (consents: withdraw; markers: lift)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QPushButton, QVBoxLayout

from ....domain import model as m
from ...models.records import Column, RecordTableModel
from ...session import Session
from ..common import button_row, record_table


class RecordListBox(QGroupBox):
    changed = Signal()

    def __init__(self, title: str, session: Session, parent=None):
        super().__init__(title, parent)
        self.session = session
        self.client_id: str | None = None
        self.dialog = None

    def setup(
        self,
        columns: Sequence[Column],
        table_name: str,
        min_height: int,
        add: tuple[str, str],
        end: tuple[str, str],
    ) -> None:
        """The list and its buttons; `add`, `end`: (caption, object name) of the buttons,
        which call the subclass's add() and end()."""
        self.model = RecordTableModel(columns, self)
        self.table = record_table(table_name, self.model, min_height)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.add_button, self.end_button = QPushButton(add[0]), QPushButton(end[0])
        for button, name, slot in ((self.add_button, add[1], self.add),
                                   (self.end_button, end[1], self.end)):  # fmt: skip
            button.setObjectName(name)
            button.clicked.connect(slot)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(button_row(self.add_button, self.end_button))
        self._update_buttons()

    def show_records(self, client_id: str, records: list[m.Record]) -> None:
        self.client_id = client_id
        self.model.set_records(records)
        self._update_buttons()

    def selected(self) -> m.Record | None:
        index = self.table.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        record = self.selected()
        self.end_button.setEnabled(record is not None and self.may_end(record))

    def may_end(self, record: m.Record) -> bool:
        raise NotImplementedError

    def add(self) -> None:
        raise NotImplementedError

    def end(self) -> None:
        raise NotImplementedError
