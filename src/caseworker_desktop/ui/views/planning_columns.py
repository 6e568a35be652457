"""The columns of the trauma offer planning tables, each with its name: the offers, the
waiting list, the places given and a caseworker's own requests. They read the page's
current snapshot (today, the offers, the caseworkers' names)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QObject

from ...domain import model as m
from ...domain.codes import language_name
from ...domain.enums import PlacementStatus, TraumaOfferKind
from ...services.planning import OfferRow
from ..dialogs.planning import offer_caption
from ..i18n import enum_label, format_date, slot_caption
from ..models.planning import MUTED, WARNING, Column


def interpreter_text(placement: m.TraumaPlacement) -> str:
    """The language an interpreter is needed for, by its German name; "–" for none."""
    return language_name(placement.interpreter) if placement.interpreter else "–"


@dataclass
class Snapshot:
    """What the page shows, read in one go on the worker."""

    today: date
    offers: list[OfferRow]
    waiting: dict[TraumaOfferKind, list[m.TraumaPlacement]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    mine: list[m.TraumaPlacement] = field(default_factory=list)

    def offer(self, offer_id: str | None) -> m.TraumaOffer | None:
        return next((r.offer for r in self.offers if r.offer.id == offer_id), None)


class PlanningColumns(QObject):
    """The column lists of the page's tables; `snapshot()` gives what the page shows now."""

    def __init__(self, snapshot: Callable[[], Snapshot | None], parent=None):
        super().__init__(parent)
        self.snapshot = snapshot

    def offers(self) -> list[Column]:
        def free_text(r: OfferRow) -> str:
            if r.overbooked:
                return self.tr("überbucht (+%1)").replace("%1", str(r.taken - r.offer.capacity))
            return str(r.free)

        def colour(r: OfferRow):
            if r.overbooked:
                return WARNING
            snapshot = self.snapshot()
            return MUTED if snapshot and r.offer.starts_on < snapshot.today else None

        columns = [
            Column(self.tr("Art"), lambda r: enum_label(r.offer.kind), colour=colour, name="kind"),
            Column(
                self.tr("Datum / Beginn"),
                lambda r: format_date(r.offer.starts_on),
                sort=lambda r: r.offer.starts_on,
                colour=colour,
                name="starts_on",
            ),
            Column(
                self.tr("Fachärztin/Facharzt bzw. Angebot"),
                lambda r: ", ".join(p for p in (r.offer.specialist, r.offer.title) if p) or "–",
                colour=colour,
                name="offer",
            ),
            Column(
                self.tr("Ort"), lambda r: r.offer.location or "–", colour=colour, name="location"
            ),
            Column(
                self.tr("Plätze"),
                lambda r: str(r.offer.capacity),
                sort=lambda r: r.offer.capacity,
                colour=colour,
                align_right=True,
                name="capacity",
            ),
        ]
        columns += [
            Column(
                self.tr("Vergeben"),
                lambda r: str(r.taken),
                sort=lambda r: r.taken,
                colour=colour,
                align_right=True,
                name="taken",
            ),
            Column(
                self.tr("Frei"),
                free_text,
                sort=lambda r: r.free - r.taken if r.overbooked else r.free,
                colour=colour,
                align_right=True,
                name="free",
            ),
        ]
        return columns

    def given(self) -> list[Column]:
        return [
            Column(self.tr("Termin"), self.slot_of_offer, sort=lambda p: p.slot, name="slot"),
            Column(
                self.tr("Aktenzeichen"),
                lambda p: p.reference if p.case_id else self.tr("Eigene Fallberatung"),
                name="reference",
            ),
            Column(self.tr("Fachkraft"), self.caseworker, name="caseworker"),
            Column(self.tr("Status"), lambda p: enum_label(p.status), name="status"),
            Column(self.tr("Dolmetschung"), interpreter_text, name="interpreter"),
        ]

    def requests(self, *, mine: bool) -> list[Column]:
        def reference(p: m.TraumaPlacement) -> str:
            return p.reference if p.case_id else self.tr("Eigene Fallberatung")

        def waiting_days(p: m.TraumaPlacement) -> int:
            snapshot = self.snapshot()
            today = snapshot.today if snapshot else p.requested_on
            return (today - p.requested_on).days

        def since(p: m.TraumaPlacement) -> str:
            days = waiting_days(p)
            return self.tr("1 Tag") if days == 1 else self.tr("%1 Tage").replace("%1", str(days))

        def urgent_colour(p: m.TraumaPlacement):
            return WARNING if p.urgent else None

        requested_on = Column(
            self.tr("Angefragt am"),
            lambda p: format_date(p.requested_on),
            sort=lambda p: p.requested_on,
            name="requested_on",
        )
        if mine:
            return [
                Column(self.tr("Angebot"), lambda p: enum_label(p.kind), name="kind"),
                Column(self.tr("Für"), reference, name="reference"),
                requested_on,
                Column(
                    self.tr("Status"),
                    lambda p: enum_label(p.status),
                    colour=lambda p: MUTED if p.status is PlacementStatus.CANCELLED else None,
                    name="status",
                ),
                Column(self.tr("Termin / Platz"), self.assigned_text, name="assigned"),
            ]
        return [
            Column(
                self.tr("Dringend"),
                lambda p: self.tr("dringend") if p.urgent else "",
                sort=lambda p: not p.urgent,
                colour=urgent_colour,
                name="urgent",
            ),
            requested_on,
            Column(
                self.tr("Wartet seit"), since, sort=waiting_days, align_right=True, name="waiting"
            ),
            Column(self.tr("Aktenzeichen"), reference, name="reference"),
            Column(self.tr("Fachkraft"), self.caseworker, name="caseworker"),
            Column(self.tr("Dolmetschung"), interpreter_text, name="interpreter"),
        ]

    def assigned_text(self, p: m.TraumaPlacement) -> str:
        if p.status not in (PlacementStatus.ASSIGNED, PlacementStatus.ATTENDED):
            return "–"
        snapshot = self.snapshot()
        offer = snapshot.offer(p.offer_id) if snapshot else None
        if offer is None:
            return slot_caption(None, p.slot)
        return (
            self.tr("%1 am %2")
            .replace("%1", slot_caption(offer, p.slot))
            .replace("%2", offer_caption(offer))
        )

    def slot_of_offer(self, p: m.TraumaPlacement) -> str:
        snapshot = self.snapshot()
        offer = snapshot.offer(p.offer_id) if snapshot else None
        return slot_caption(offer, p.slot)

    def caseworker(self, p: m.TraumaPlacement) -> str:
        snapshot = self.snapshot()
        names = snapshot.names if snapshot else {}
        return names.get(p.caseworker_id, self.tr("unbekannt"))
