"""Trauma referrals: restricted. Nothing is shown until the user opens the section, and
every opening is an audited view (the assigned caseworker and their team lead only)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QMenu, QMessageBox, QPushButton

from ....domain import model as m
from ....domain.enums import (
    ConsentKind,
    ConsentRecipient,
    FollowUpOffer,
    LifeArea,
    PlacementStatus,
    TraumaOfferKind,
    TraumaReferralStatus,
)
from ....services import ClientFile, TraumaSection
from ...dialogs.carry import CarryRecommendationDialog
from ...dialogs.planning import PlacementRequestDialog
from ...dialogs.referrals import TraumaReferralDialog, TraumaRequestDialog
from ...i18n import enum_label, format_date, slot_caption
from ...models.records import Column, set_widths
from ...session import Session
from ..common import button_row, run_form
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


OPEN = (PlacementStatus.WAITING, PlacementStatus.ASSIGNED)
FURTHER_OFFERS = (TraumaOfferKind.GROUP_OFFERING, TraumaOfferKind.RESIDENTIAL_GROUP)


def _kind_caption(kind: TraumaOfferKind) -> str:
    return {
        TraumaOfferKind.CONSULTATION: QCoreApplication.translate("TraumaTab", "Sprechstunde"),
        TraumaOfferKind.GROUP_OFFERING: QCoreApplication.translate("TraumaTab", "Gruppe"),
        TraumaOfferKind.RESIDENTIAL_GROUP: QCoreApplication.translate("TraumaTab", "Wohngruppe"),
    }[kind]


def placement_text(placement: m.TraumaPlacement, offer: m.TraumaOffer | None) -> str:
    """'Sprechstunde: Platz 2 am 03.12.2026 bei Dr. Weber', 'Gruppe: Warteliste seit …'."""

    status = placement.status
    if status is PlacementStatus.WAITING:
        state = QCoreApplication.translate("TraumaTab", "Warteliste seit %1").replace(
            "%1", format_date(placement.requested_on)
        )
    elif status is PlacementStatus.CANCELLED:
        state = QCoreApplication.translate("TraumaTab", "Anfrage zurückgezogen")
    elif offer is None:  # the date is not (yet) on this laptop
        state = slot_caption(None, placement.slot)
    else:
        when = format_date(offer.starts_on)
        if status is PlacementStatus.ATTENDED:
            state = QCoreApplication.translate("TraumaTab", "wahrgenommen am %1").replace(
                "%1", when
            )
        elif placement.kind is TraumaOfferKind.CONSULTATION:
            state = QCoreApplication.translate("TraumaTab", "%1 am %2").replace(
                "%1", slot_caption(offer, placement.slot)
            )
            state = state.replace("%2", when)
            if offer.specialist:
                state += " " + QCoreApplication.translate("TraumaTab", "bei %1").replace(
                    "%1", offer.specialist
                )
        else:
            state = (
                QCoreApplication.translate("TraumaTab", "Platz %1 ab %2")
                .replace("%1", str(placement.slot))
                .replace("%2", when)
            )
    return _kind_caption(placement.kind) + ": " + state


class TraumaTab(ListTab):
    def __init__(self, session: Session, parent=None):
        super().__init__(
            session,
            [
                Column(
                    self.tr("Angefragt"), lambda r: format_date(r.requested_on), name="requested_on"
                ),
                Column(
                    self.tr("Art"),
                    lambda r: (
                        self.tr("Eigene Fallberatung")
                        if r.own_consultation
                        else self.tr("Abklärung Klient:in")
                    ),
                    name="kind",
                ),
                Column(self.tr("Termin"), lambda r: format_date(r.consultation_date), name="date"),
                Column(self.tr("Status"), lambda r: enum_label(r.status), name="status"),
                Column(
                    self.tr("Warteliste / Platz"),
                    self._placement_state,
                    tooltip=self._placement_state,
                    name="placement",
                ),
                Column(
                    self.tr("Gruppe / Wohngruppe"),
                    _offers,
                    name="offers",
                ),
                Column(
                    self.tr("Empfehlung"),
                    lambda r: r.recommendation,
                    tooltip=lambda r: r.recommendation,
                    name="recommendation",
                ),
            ],
            self.tr("Keine Anfrage an die Traumasprechstunde."),
            parent,
        )
        self.placements: dict[str, list[m.TraumaPlacement]] = {}
        self.offers: dict[str, m.TraumaOffer] = {}
        set_widths(self.table, requested_on=85, kind=130, date=85, status=110, placement=230,
                   offers=170)  # fmt: skip
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
        self.place_button = QPushButton(self.tr("Gruppe / Wohngruppe anfragen …"))
        self.place_button.setObjectName("request_place")
        self.place_button.setToolTip(
            self.tr("Platz im Gruppenangebot oder in der Wohngruppe (Warteliste der Koordination)")
        )
        self.place_button.clicked.connect(self.request_place)
        self.withdraw_button = QPushButton(self.tr("Anfrage zurückziehen …"))
        self.withdraw_button.setObjectName("withdraw_place")
        self.withdraw_button.clicked.connect(self._withdraw_menu)
        self.add_buttons(
            self.reveal_button, self.request_button, self.edit_button, self.carry_button
        )
        self.layout_.addWidget(button_row(self.place_button, self.withdraw_button))
        self.revealed = False
        self.hide_content()

    def hide_content(self) -> None:
        self.revealed = False
        self.model.set_records([])
        self.empty.setText(
            self.tr("Inhalt verborgen. „Anzeigen“ öffnet ihn; das wird protokolliert.")
        )
        self.stack.setCurrentWidget(self.empty)
        self.placements, self.offers = {}, {}
        for button in (self.edit_button, self.carry_button, self.place_button):
            button.setEnabled(False)
        self.withdraw_button.setEnabled(False)
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
        case_id, services = self.data.case.id, self.session.services

        def shown(section: TraumaSection) -> None:
            if self.data is None or self.data.case.id != case_id:
                return
            records = section.referrals
            self.placements, self.offers = section.placements, section.offers
            self.revealed = True
            self.empty.setText(self.tr("Keine Anfrage an die Traumasprechstunde."))
            self.set_records(records)
            self.reveal_button.setEnabled(False)
            for button in (self.edit_button, self.carry_button, self.place_button):
                button.setEnabled(bool(records))
            self.withdraw_button.setEnabled(
                any(p.status in OPEN for ps in self.placements.values() for p in ps)
            )

        self.session.call(
            lambda: services.trauma_section(case_id),
            shown,
            title=self.tr("Traumasprechstunde"),
            parent=self,
        )

    def request(self) -> None:
        if self.data is None:
            return
        case_id = self.data.case.id
        services = self.session.services

        def save(values: dict):
            return services.referrals.request_trauma_consultation(case_id, **values)

        def saved(_r) -> None:
            self.changed.emit()
            self.reveal()

        today = self.session.clock.today()
        release = next(
            (
                c
                for c in self.data.consents
                if c.covers(
                    ConsentKind.CONFIDENTIALITY_RELEASE,
                    ConsentRecipient.TRAUMA_CONSULTATION,
                    today,
                )
            ),
            None,
        )
        preferred = self.data.client.preferred_language
        dialog = TraumaRequestDialog(today, release, preferred, self)
        self.dialog = run_form(self.session, dialog, save, saved)

    def _placement_state(self, referral: m.TraumaReferral) -> str:
        placements = sorted(
            self.placements.get(referral.id, []), key=lambda p: list(TraumaOfferKind).index(p.kind)
        )
        return "\n".join(placement_text(p, self.offers.get(p.offer_id)) for p in placements) or "–"

    def _open_requests(self, referral: m.TraumaReferral) -> list[m.TraumaPlacement]:
        return [p for p in self.placements.get(referral.id, []) if p.status in OPEN]

    def _referral_for_places(self) -> m.TraumaReferral | None:
        referral = self.selected()
        if referral is None and self.model.rowCount() == 1:
            referral = self.model.record(0)
        if referral is None:
            QMessageBox.information(
                self, self.tr("Traumaangebote"), self.tr("Bitte zuerst eine Anfrage wählen.")
            )
        return referral

    def request_place(self) -> None:
        referral = self._referral_for_places()
        if referral is None or self.data is None:
            return
        if referral.own_consultation:
            QMessageBox.information(
                self,
                self.tr("Traumaangebote"),
                self.tr("Gruppe und Wohngruppe gibt es nur für Klient:innen."),
            )
            return
        taken = {p.kind for p in self._open_requests(referral)}
        kinds = [k for k in FURTHER_OFFERS if k not in taken]
        if not kinds:
            QMessageBox.information(
                self,
                self.tr("Traumaangebote"),
                self.tr("Für beide Angebote gibt es schon eine offene Anfrage."),
            )
            return
        case_id = self.data.case.id
        planning = self.session.services.planning
        self.dialog = run_form(
            self.session,
            PlacementRequestDialog(kinds, self),
            lambda v: planning.request(
                v["kind"],
                case_id=case_id,
                trauma_referral_id=referral.id,
                urgent=v["urgent"],
                interpreter=v["interpreter"],
            ),
            lambda _p: (self.changed.emit(), self.reveal()),
        )

    def _withdraw_menu(self) -> None:
        referral = self._referral_for_places()
        if referral is None:
            return
        requests = self._open_requests(referral)
        if not requests:
            QMessageBox.information(
                self,
                self.tr("Anfrage zurückziehen"),
                self.tr("Zu dieser Anfrage wartet nichts auf einen Termin oder Platz."),
            )
            return
        menu = QMenu(self)
        for placement in requests:
            action = menu.addAction(placement_text(placement, self.offers.get(placement.offer_id)))
            action.triggered.connect(lambda _c=False, k=placement.kind: self.withdraw(k))
        menu.popup(self.withdraw_button.mapToGlobal(self.withdraw_button.rect().bottomLeft()))
        self.menu = menu

    def withdraw(self, kind: TraumaOfferKind) -> None:
        """Withdraw the open request of this kind for the selected referral."""
        referral = self._referral_for_places()
        if referral is None:
            return
        found = [p for p in self._open_requests(referral) if p.kind is kind]
        if not found:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Anfrage zurückziehen"),
            self.tr("„%1“ zurückziehen? Ein vergebener Platz wird frei.").replace(
                "%1", placement_text(found[0], self.offers.get(found[0].offer_id))
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        planning = self.session.services.planning

        self.session.call(
            lambda: planning.cancel(found[0].id),
            lambda _p: (self.changed.emit(), self.reveal()),
            title=self.tr("Anfrage zurückziehen"),
            parent=self,
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
            self.changed.emit()

        title = self.tr("Empfehlung übernehmen")

        def chosen(area: LifeArea) -> None:
            self.session.call(
                lambda: plans.carry_recommendation(referral.id, plan_id, area),
                done,
                title=title,
                parent=self,
            )

        # what goes in, where, and that an agreed plan returns to draft: asked first
        dialog = CarryRecommendationDialog(referral, self.data.plan, self)
        dialog.chosen.connect(chosen)
        self.dialog = dialog
        dialog.open()
