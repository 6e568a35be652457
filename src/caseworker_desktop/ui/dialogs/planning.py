"""Dialogs of the trauma offer planning: an offer (consultation date, group, residential
group), giving a waiting request a slot, and the caseworker's requests. Each takes its data
in the constructor and reports the entered values through `submitted(dict)`."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
)

from ...domain import model as m
from ...domain.enums import TraumaOfferKind
from ..i18n import enum_label, format_date, slot_caption
from ..widgets.fields import DateField, DateProblems, EnumCombo
from .base import FormDialog


def offer_caption(offer: m.TraumaOffer) -> str:
    """'03.12.2026 – Dr. Weber, Landratsamt' or '12.01.2027 – Stabilisierungsgruppe'."""
    who = offer.specialist if offer.kind is TraumaOfferKind.CONSULTATION else offer.title
    details = ", ".join(part for part in (who or offer.title, offer.location) if part)
    return format_date(offer.starts_on) + (f" – {details}" if details else "")


class OfferDialog(FormDialog):
    """A new or changed consultation date, group offering or residential group."""

    def __init__(
        self,
        offer: m.TraumaOffer | None,
        kind: TraumaOfferKind,
        parent=None,
        *,
        kind_locked: bool = False,
    ):
        super().__init__(
            self.tr("Termin / Angebot bearbeiten") if offer else self.tr("Neuer Termin / Angebot"),
            parent,
            self.tr(
                "Sprechstundentermine haben Plätze für einzelne Abklärungen; Gruppenangebot und "
                "Wohngruppe Plätze für Teilnehmende. Keine Namen von Klient:innen eintragen."
            ),
        )
        self.kind = self.field("kind", self.tr("Art"), EnumCombo(TraumaOfferKind))
        self.kind.set_value(offer.kind if offer else kind)
        self.kind.setEnabled(not kind_locked)
        self.starts_on = self.field(
            "starts_on", self.tr("Datum / Beginn"), DateField(offer.starts_on if offer else None)
        )
        self.title = self.field("title", self.tr("Bezeichnung"), QLineEdit())
        self.specialist = self.field("specialist", self.tr("Fachärztin/Facharzt"), QLineEdit())
        self.location = self.field("location", self.tr("Ort"), QLineEdit())
        self.capacity = self.field("capacity", self.tr("Plätze"), QSpinBox())
        self.capacity.setRange(1, 200)
        self.capacity.setMaximumWidth(90)
        self.start_time = self.field("start_minutes", self.tr("Erster Termin um"), QTimeEdit())
        self.start_time.setDisplayFormat("HH:mm")
        self.start_time.setMaximumWidth(90)
        self.slot_minutes = self.field("slot_minutes", self.tr("Dauer je Termin"), QSpinBox())
        self.slot_minutes.setRange(10, 240)
        self.slot_minutes.setSingleStep(5)
        self.slot_minutes.setSuffix(self.tr(" Min."))
        self.slot_minutes.setMaximumWidth(110)
        start = offer.start_minutes if offer and offer.start_minutes is not None else 9 * 60
        self.start_time.setTime(QTime(start // 60, start % 60))
        self.slot_minutes.setValue(offer.slot_minutes if offer else 45)
        self.note = self.field("note", self.tr("Hinweis"), QPlainTextEdit())
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(70)
        if offer is not None:
            self.title.setText(offer.title)
            self.specialist.setText(offer.specialist)
            self.location.setText(offer.location)
            self.capacity.setValue(offer.capacity)
            self.note.setPlainText(offer.note)
        else:
            self.capacity.setValue(4 if kind is TraumaOfferKind.CONSULTATION else 8)
        self._kind_changed()
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.dirty.reset()

    def _kind_changed(self) -> None:
        consultation = self.kind.value() is TraumaOfferKind.CONSULTATION
        for widget in (self.start_time, self.slot_minutes):  # appointments: consultations
            widget.setEnabled(consultation)
        self.title.setPlaceholderText(
            self.tr("optional, z. B. Sprechstunde Dezember")
            if consultation
            else self.tr("z. B. Stabilisierungsgruppe Frauen")
        )

    def values(self) -> dict:
        dates = self.errors.dates(starts_on=self.starts_on)
        if dates["starts_on"] is None:
            raise DateProblems({"starts_on": self.tr("Bitte das Datum eingeben (TT.MM.JJJJ).")})
        return {
            "kind": self.kind.value(),
            "title": self.title.text().strip(),
            "specialist": self.specialist.text().strip(),
            "location": self.location.text().strip(),
            "capacity": self.capacity.value(),
            "note": self.note.toPlainText().strip(),
            "start_minutes": (
                self.start_time.time().hour() * 60 + self.start_time.time().minute()
                if self.kind.value() is TraumaOfferKind.CONSULTATION
                else None
            ),
            "slot_minutes": self.slot_minutes.value(),
            **dates,
        }


class AssignDialog(FormDialog):
    """Give a waiting request a slot (consultation) or a place (group): the offers with
    free places, and the slot number (first free one, or chosen)."""

    def __init__(
        self,
        request_caption: str,
        offers: list[tuple[m.TraumaOffer, int, list[int]]],
        parent=None,
    ):
        """`offers`: (offer, free count, free slot numbers), only those with room."""
        super().__init__(self.tr("Platz vergeben"), parent, request_caption)
        self.buttons.button(self.buttons.StandardButton.Ok).setText(self.tr("Vergeben"))
        self._free = {offer.id: slots for offer, _count, slots in offers}
        self._offers = {offer.id: offer for offer, _count, _slots in offers}
        self.offer = self.field("offer_id", self.tr("Termin / Angebot"), QComboBox())
        for offer, count, _slots in offers:
            self.offer.addItem(
                offer_caption(offer) + "  " + self.tr("(%1 frei)").replace("%1", str(count)),
                offer.id,
            )
        self.slot = self.field("slot", self.tr("Termin / Platz"), QComboBox())
        self.slot.setMaximumWidth(220)
        self.offer.currentIndexChanged.connect(self._offer_changed)
        self._offer_changed()
        if not offers:
            self.show_error(self.tr("Kein Termin mit freien Plätzen. Bitte zuerst anlegen."))
            self.buttons.button(self.buttons.StandardButton.Ok).setEnabled(False)
        self.dirty.reset()

    def _offer_changed(self) -> None:
        self.slot.clear()
        self.slot.addItem(self.tr("automatisch (erster freier)"), None)
        offer = self._offers.get(self.offer.currentData())
        for number in self._free.get(self.offer.currentData(), []):
            self.slot.addItem(slot_caption(offer, number), number)

    def values(self) -> dict:
        return {"offer_id": self.offer.currentData(), "slot": self.slot.currentData()}


class OwnConsultationDialog(FormDialog):
    """The caseworker's own case consultation with the specialist (no client data)."""

    def __init__(self, today: date, parent=None):
        super().__init__(
            self.tr("Eigene Fallberatung anfragen"),
            parent,
            self.tr(
                "Fallberatung für Sie selbst in der monatlichen Traumasprechstunde, ohne "
                "Angaben zu Klient:innen. Die Anfrage kommt auf die Warteliste; die "
                "Koordination vergibt den Termin."
            ),
        )
        self.buttons.button(self.buttons.StandardButton.Ok).setText(self.tr("Anfragen"))
        self.requested_on = self.field("requested_on", self.tr("Angefragt am"), DateField(today))
        self.dirty.reset()

    def values(self) -> dict:
        dates = self.errors.dates(requested_on=self.requested_on)
        if dates["requested_on"] is None:
            raise DateProblems({"requested_on": self.tr("Bitte das Datum eingeben (TT.MM.JJJJ).")})
        return dates


class PlacementRequestDialog(FormDialog):
    """Ask for a place in the group offering or the residential group for a client."""

    def __init__(self, kinds: list[TraumaOfferKind], parent=None):
        super().__init__(
            self.tr("Platz anfragen"),
            parent,
            self.tr(
                "Die Anfrage geht mit dem Aktenzeichen (ohne Namen) an die Koordination der "
                "Traumaangebote und kommt auf deren Warteliste."
            ),
        )
        self.buttons.button(self.buttons.StandardButton.Ok).setText(self.tr("Anfragen"))
        self.kind = self.field("kind", self.tr("Angebot"), QComboBox())
        for kind in kinds:
            self.kind.addItem(enum_label(kind), kind)
        self.urgent = self.field("urgent", "", QCheckBox(self.tr("Dringend")))
        self.interpreter = self.field("interpreter", self.tr("Dolmetschung"), QLineEdit())
        self.interpreter.setPlaceholderText(self.tr("Sprachkürzel, z. B. uk, ar, fa; leer: keine"))
        self.interpreter.setMaxLength(3)
        self.dirty.reset()

    def values(self) -> dict:
        interpreter = self.interpreter.text().strip().lower()
        if interpreter and not (interpreter.isalpha() and 2 <= len(interpreter) <= 3):
            raise DateProblems(
                {"interpreter": self.tr("Bitte ein Sprachkürzel mit 2 Buchstaben eingeben.")}
            )
        return {
            "kind": TraumaOfferKind(self.kind.currentData()),
            "urgent": self.urgent.isChecked(),
            "interpreter": interpreter,
        }
