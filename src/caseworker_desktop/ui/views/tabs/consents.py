"""The client's consents and releases in the master data: a list with each one's state
(gültig, abgelaufen, widerrufen), recording a new one and the client's withdrawal."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QGroupBox,
    QMenu,
    QPushButton,
    QVBoxLayout,
)

from ....domain import model as m
from ....domain.enums import ConsentState
from ...dialogs.consent import ConsentDialog, WithdrawConsentDialog
from ...i18n import enum_label, format_date
from ...models.records import Column, RecordTableModel
from ...session import Session
from ..common import button_row, record_table, run_form

STATE_COLOURS = {
    ConsentState.VALID: QColor("#1e6b2a"),
    ConsentState.EXPIRED: QColor("#9a5b00"),
    ConsentState.WITHDRAWN: QColor("#b03a2e"),
    ConsentState.NOT_YET_VALID: QColor("#777777"),
}


class ConsentsBox(QGroupBox):
    changed = Signal()

    def __init__(self, session: Session, parent=None):
        super().__init__(self.tr("Einwilligungen"), parent)
        self.session = session
        self.client_id: str | None = None
        self.dialog = None
        today = session.clock.today

        def what(c: m.ConsentRecord) -> str:
            text = enum_label(c.kind)
            return f"{text}: {enum_label(c.recipient)}" if c.recipient is not None else text

        def state(c: m.ConsentRecord) -> str:
            current = c.state_on(today())
            if current is ConsentState.WITHDRAWN:
                return self.tr("widerrufen am %1").replace("%1", format_date(c.withdrawn_on))
            return enum_label(current)

        self.model = RecordTableModel(
            [
                Column(self.tr("Art und Empfänger"), what, tooltip=lambda c: c.scope or None),
                Column(self.tr("Zweck"), lambda c: c.scope or "–"),
                Column(
                    self.tr("Erteilt"), lambda c: format_date(c.given_on), sort=lambda c: c.given_on
                ),
                Column(self.tr("Gültig bis"), lambda c: format_date(c.valid_until) or "–"),
                Column(
                    self.tr("Stand"),
                    state,
                    colour=lambda c: STATE_COLOURS[c.state_on(today())],
                ),
            ],
            self,
        )
        self.table = record_table("consents_table", self.model, 110)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.add_button = QPushButton(self.tr("Einwilligung erfassen …"))
        self.add_button.setObjectName("add_consent")
        self.add_button.clicked.connect(self.add)
        self.withdraw_button = QPushButton(self.tr("Widerrufen …"))
        self.withdraw_button.setObjectName("withdraw_consent")
        self.withdraw_button.clicked.connect(self.withdraw)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(button_row(self.add_button, self.withdraw_button))
        self._update_buttons()

    def show_consents(self, client_id: str, consents: list[m.ConsentRecord]) -> None:
        self.client_id = client_id
        self.model.set_records(consents)
        self._update_buttons()

    def selected(self) -> m.ConsentRecord | None:
        index = self.table.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        consent = self.selected()
        self.withdraw_button.setEnabled(consent is not None and consent.withdrawn_on is None)

    def _menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        self.table.selectRow(index.row())
        menu = QMenu(self)
        action = menu.addAction(self.tr("Widerrufen …"), self.withdraw)
        action.setEnabled(self.withdraw_button.isEnabled())
        menu.popup(self.table.viewport().mapToGlobal(pos))
        self.menu = menu

    # --- actions ---------------------------------------------------------------------------

    def add(self) -> None:
        if self.client_id is None:
            return
        client_id, clients = self.client_id, self.session.services.clients
        self.dialog = run_form(
            self.session,
            ConsentDialog(self),
            lambda values: clients.record_consent(client_id, **values),
            lambda _consent: self.changed.emit(),
        )

    def withdraw(self) -> None:
        consent = self.selected()
        if consent is None or consent.withdrawn_on is not None:
            return
        clients = self.session.services.clients
        self.dialog = run_form(
            self.session,
            WithdrawConsentDialog(consent, self.session.clock.today(), self),
            lambda values: clients.withdraw_consent(consent.id, values["withdrawn_on"]),
            lambda _consent: self.changed.emit(),
        )
