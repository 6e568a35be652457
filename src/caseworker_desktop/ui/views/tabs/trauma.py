"""Trauma referrals: restricted. Nothing is shown until the user opens the section, and
every opening is an audited view (the assigned caseworker and their team lead only)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton

from ....domain.enums import FollowUpOffer, LifeArea, TraumaReferralStatus
from ....domain.errors import CaseworkerError
from ....services import ClientFile
from ...dialogs.records import TraumaReferralDialog, TraumaRequestDialog
from ...i18n import enum_label, format_date
from ...models.records import Column
from ...session import Session
from ..common import run_form
from .base import ListTab


def _offers(referral) -> str:
    """Only the offers that are in play: 'Gruppenangebot: Warteliste', or '–'."""
    parts = []
    if referral.group_offering is not FollowUpOffer.NONE:
        parts.append(
            QCoreApplication.translate("TraumaTab", "Gruppe")
            + ": "
            + enum_label(referral.group_offering)
        )
    if referral.residential_group is not FollowUpOffer.NONE:
        parts.append(
            QCoreApplication.translate("TraumaTab", "Wohngruppe")
            + ": "
            + enum_label(referral.residential_group)
        )
    return "; ".join(parts) or "–"


class TraumaTab(ListTab):
    def __init__(self, session: Session, parent=None):
        super().__init__(
            session,
            [
                Column(self.tr("Angefragt"), lambda r: format_date(r.requested_on)),
                Column(
                    self.tr("Art"),
                    lambda r: (
                        self.tr("Eigene Fallberatung")
                        if r.own_consultation
                        else self.tr("Abklärung Klient:in")
                    ),
                ),
                Column(self.tr("Termin"), lambda r: format_date(r.consultation_date)),
                Column(self.tr("Status"), lambda r: enum_label(r.status)),
                Column(
                    self.tr("Gruppe / Wohngruppe"),
                    _offers,
                ),
                Column(
                    self.tr("Empfehlung"),
                    lambda r: r.recommendation,
                    tooltip=lambda r: r.recommendation,
                ),
            ],
            self.tr("Keine Anfrage an die Traumasprechstunde."),
            parent,
        )
        for col, width in enumerate((85, 140, 85, 120, 190)):
            self.table.setColumnWidth(col, width)
        self.notice = QLabel()
        self.notice.setObjectName("trauma_notice")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.RichText)
        self.notice.setStyleSheet(
            "background: #fff7e0; border: 1px solid #e0c060; padding: 8px; border-radius: 4px;"
        )
        self.layout_.insertWidget(0, self.notice)
        self.reveal_button = QPushButton(self.tr("Anzeigen (wird protokolliert)"))
        self.reveal_button.setObjectName("reveal_trauma")
        self.reveal_button.clicked.connect(self.reveal)
        self.request_button = QPushButton(self.tr("Sprechstunde anfragen"))
        self.request_button.setObjectName("request_trauma")
        self.request_button.clicked.connect(self.request)
        self.edit_button = QPushButton(self.tr("Termin / Ergebnis …"))
        self.edit_button.clicked.connect(self.edit)
        self.carry_button = QPushButton(self.tr("Empfehlung in den Hilfeplan übernehmen"))
        self.carry_button.setObjectName("carry_recommendation")
        self.carry_button.clicked.connect(self.carry_recommendation)
        self.add_buttons(
            self.reveal_button, self.request_button, self.edit_button, self.carry_button
        )
        self.revealed = False
        self.hide_content()

    def hide_content(self) -> None:
        self.revealed = False
        self.model.set_records([])
        self.empty.setText(
            self.tr("Inhalt verborgen. „Anzeigen“ öffnet ihn; das wird protokolliert.")
        )
        self.stack.setCurrentWidget(self.empty)
        for button in (self.edit_button, self.carry_button):
            button.setEnabled(False)
        self.reveal_button.setEnabled(True)

    def show_data(self, data: ClientFile) -> None:
        self.data = data
        count = data.trauma_referral_count
        self.notice.setText(
            self.tr(
                "<b>Vertraulich.</b> Nur die zuständige Fachkraft und ihre Teamleitung sehen "
                "diesen Bereich; jede Ansicht wird im Verlauf protokolliert. "
                "Vorgänge zu diesem Fall: %1."
            ).replace("%1", str(count))
        )
        # No re-read here: only the user's "Anzeigen" (or their own edit here) reads and
        # audits; other edits elsewhere leave what is shown as it is.

    def reveal(self) -> None:
        if self.data is None:
            return
        case_id = self.data.case.id
        referrals = self.session.services.referrals

        def shown(records) -> None:
            if self.data is None or self.data.case.id != case_id:
                return
            self.revealed = True
            self.empty.setText(self.tr("Keine Anfrage an die Traumasprechstunde."))
            self.set_records(records)
            self.reveal_button.setEnabled(False)
            self.edit_button.setEnabled(bool(records))
            self.carry_button.setEnabled(bool(records))

        def failed(exc: BaseException) -> None:
            if isinstance(exc, CaseworkerError):
                QMessageBox.warning(self, self.tr("Traumasprechstunde"), str(exc))
            else:
                self.session.ops.failed.emit(exc)

        self.session.call(lambda: referrals.trauma_referrals(case_id), shown, failed)

    def request(self) -> None:
        if self.data is None:
            return
        case_id = self.data.case.id
        client_id = self.data.client.id
        services = self.session.services

        def save(values: dict):
            from ....domain.enums import ConsentKind

            with services.transaction():
                if values["consent_given"] and values["consent_on"]:
                    services.clients.record_consent(
                        client_id,
                        ConsentKind.CONFIDENTIALITY_RELEASE,
                        values["consent_on"],
                        scope="Traumasprechstunde",
                    )
                return services.referrals.request_trauma_consultation(
                    case_id,
                    requested_on=values["requested_on"],
                    consent_given=values["consent_given"],
                )

        def saved(_r) -> None:
            self.changed.emit()
            self.reveal()

        self.dialog = run_form(
            self.session, TraumaRequestDialog(self.session.clock.today(), self), save, saved
        )

    def edit(self) -> None:
        referral = self.selected()
        if referral is None:
            return
        referrals = self.session.services.referrals
        self.dialog = run_form(
            self.session,
            TraumaReferralDialog(referral, self),
            lambda v: referrals.update_trauma_referral(referral.id, **v),
            lambda _r: (self.changed.emit(), self.reveal()),
        )

    def carry_recommendation(self) -> None:
        referral = self.selected()
        if referral is None or self.data is None:
            return
        if self.data.plan is None:
            QMessageBox.information(
                self,
                self.tr("Empfehlung übernehmen"),
                self.tr("Bitte zuerst einen Hilfeplan anlegen."),
            )
            return
        if referral.status not in (TraumaReferralStatus.ASSESSED, TraumaReferralStatus.CLOSED):
            QMessageBox.information(
                self,
                self.tr("Empfehlung übernehmen"),
                self.tr("Die Abklärung ist noch nicht erfolgt."),
            )
            return
        plan_id = self.data.plan.id
        plans = self.session.services.plans

        def done(entry) -> None:
            self.session.remember_undo(
                self.tr("Empfehlung übernehmen"), lambda: plans.delete_entry(entry.id)
            )
            QMessageBox.information(
                self,
                self.tr("Empfehlung übernommen"),
                self.tr("Die Empfehlung steht jetzt im Hilfeplan unter „%1“.").replace(
                    "%1", enum_label(LifeArea.HEALTH)
                ),
            )
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, CaseworkerError):
                QMessageBox.warning(self, self.tr("Empfehlung übernehmen"), str(exc))
            else:
                self.session.ops.failed.emit(exc)

        self.session.call(lambda: plans.carry_recommendation(referral.id, plan_id), done, failed)
