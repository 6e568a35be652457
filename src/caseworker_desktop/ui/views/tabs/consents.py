"""The client's consents and releases in the master data: a list with each one's state
(gültig, abgelaufen, widerrufen), recording a new one and the client's withdrawal."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QMenu,
)

from ....domain import model as m
from ....domain.enums import ConsentState
from ...dialogs.consent import ConsentDialog, WithdrawConsentDialog
from ...i18n import enum_label, format_date
from ...models.records import Column
from ...session import Session
from ..common import run_form
from .record_box import RecordListBox

STATE_COLOURS = {
    ConsentState.VALID: QColor("#1e6b2a"),
    ConsentState.EXPIRED: QColor("#9a5b00"),
    ConsentState.WITHDRAWN: QColor("#b03a2e"),
    ConsentState.NOT_YET_VALID: QColor("#777777"),
}


class ConsentsBox(RecordListBox):
    def __init__(self, session: Session, parent=None):
        super().__init__(self.tr("Einwilligungen"), session, parent)
        today = session.clock.today

        def what(c: m.ConsentRecord) -> str:
            text = enum_label(c.kind)
            return f"{text}: {enum_label(c.recipient)}" if c.recipient is not None else text

        def state(c: m.ConsentRecord) -> str:
            current = c.state_on(today())
            if current is ConsentState.WITHDRAWN:
                return self.tr("widerrufen am %1").replace("%1", format_date(c.withdrawn_on))
            return enum_label(current)

        self.setup(
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
            "consents_table",
            110,
            add=(self.tr("Einwilligung erfassen …"), "add_consent"),
            end=(self.tr("Widerrufen …"), "withdraw_consent"),
        )
        self.withdraw_button = self.end_button
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)

    def may_end(self, consent: m.ConsentRecord) -> bool:
        return consent.withdrawn_on is None

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

    def end(self) -> None:
        self.withdraw()

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
