"""Restriction and disputed data (Art. 18 DSGVO, § 84 SGB X) in the master data: the
markers with what they are on, since when and why; set a new one, lift one."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QGroupBox,
    QPushButton,
    QVBoxLayout,
)

from ....domain import model as m
from ....domain.enums import MarkerKind
from ...dialogs.marker import MarkerDialog, marked_field_name
from ...i18n import enum_label, format_date
from ...models.records import Column, RecordTableModel
from ...session import Session
from ..common import button_row, record_table, run_form, warn_on_failure

KIND_COLOURS = {MarkerKind.RESTRICTED: QColor("#b03a2e"), MarkerKind.DISPUTED: QColor("#9a5b00")}


class MarkersBox(QGroupBox):
    changed = Signal()

    def __init__(self, session: Session, parent=None):
        super().__init__(self.tr("Einschränkung und Widerspruch"), parent)
        self.session = session
        self.client_id: str | None = None
        self.dialog = None

        def since(mk: m.DataMarker) -> str:
            if mk.lifted_on:
                return self.tr("aufgehoben am %1").replace("%1", format_date(mk.lifted_on))
            return self.tr("seit %1").replace("%1", format_date(mk.set_on))

        self.model = RecordTableModel(
            [
                Column(
                    self.tr("Art"),
                    lambda mk: enum_label(mk.kind),
                    colour=lambda mk: KIND_COLOURS[mk.kind] if not mk.lifted_on else None,
                ),
                Column(self.tr("Betrifft"), lambda mk: marked_field_name(mk.field)),
                Column(self.tr("Stand"), since),
                Column(self.tr("Grund"), lambda mk: mk.reason, tooltip=lambda mk: mk.reason),
            ],
            self,
        )
        self.table = record_table("markers_table", self.model, 80)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.add_button = QPushButton(self.tr("Kennzeichnen …"))
        self.add_button.setObjectName("add_marker")
        self.add_button.clicked.connect(self.add)
        self.lift_button = QPushButton(self.tr("Aufheben"))
        self.lift_button.setObjectName("lift_marker")
        self.lift_button.clicked.connect(self.lift)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(button_row(self.add_button, self.lift_button))
        self._update_buttons()

    def show_markers(self, client_id: str, markers: list[m.DataMarker]) -> None:
        self.client_id = client_id
        self.model.set_records(markers)
        self._update_buttons()

    def selected(self) -> m.DataMarker | None:
        index = self.table.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        marker = self.selected()
        self.lift_button.setEnabled(marker is not None and marker.lifted_on is None)

    def add(self) -> None:
        if self.client_id is None:
            return
        client_id, clients = self.client_id, self.session.services.clients
        self.dialog = run_form(
            self.session,
            MarkerDialog(self.session.clock.today(), self),
            lambda v: clients.mark(client_id, v["kind"], v["reason"], v["field"], v["on"]),
            lambda _marker: self.changed.emit(),
        )

    def lift(self) -> None:
        marker = self.selected()
        if marker is None or marker.lifted_on is not None:
            return
        clients = self.session.services.clients
        failed = warn_on_failure(self.session, self, self.tr("Aufheben"))
        self.session.call(lambda: clients.lift_marker(marker.id), lambda _m: self.changed.emit(),
                          failed)  # fmt: skip
