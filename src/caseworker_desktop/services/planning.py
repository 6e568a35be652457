"""Planning of the district's trauma offers: the monthly consultation dates with their
slots, the supervised group offering and the residential group with their places.

Caseworkers request (for a client's case, or a consultation of their own); the request
waits on the list of its kind until the coordinator gives it a slot or place. Requests
carry the case reference, never a client's name or health data (the trauma referral stays
restricted). When a consultation slot arrives on the caseworker's laptop, the referral
takes its date (`apply_assignments`, after every sync)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from ..domain import model as m
from ..domain.enums import (
    FollowUpOffer,
    PlacementStatus,
    Role,
    TraumaOfferKind,
    TraumaReferralStatus,
)
from ..domain.errors import PermissionDeniedError, ValidationError
from ..storage.orm import table_of
from .context import ServiceContext, Tx

log = logging.getLogger(__name__)
ACTIVE = (PlacementStatus.ASSIGNED, PlacementStatus.ATTENDED)
COORDINATOR_ONLY = "Termine und Plätze vergibt die Koordination der Traumaangebote."
NOT_WAITING = "Die Anfrage wartet nicht mehr auf einen Platz."
# What a place in a group means for the referral's follow-up fields.
_FOLLOW_UP_FIELD = {
    TraumaOfferKind.GROUP_OFFERING: "group_offering",
    TraumaOfferKind.RESIDENTIAL_GROUP: "residential_group",
}
_FOLLOW_UP_STATE = {
    PlacementStatus.WAITING: FollowUpOffer.WAITING_LIST,
    PlacementStatus.ASSIGNED: FollowUpOffer.PLACED,
    PlacementStatus.ATTENDED: FollowUpOffer.PLACED,
    PlacementStatus.CANCELLED: FollowUpOffer.DECLINED,
}


@dataclass(frozen=True)
class OfferRow:
    offer: m.TraumaOffer
    taken: int  # slots/places given (assigned or attended)

    @property
    def free(self) -> int:
        return max(self.offer.capacity - self.taken, 0)

    @property
    def overbooked(self) -> bool:
        """Two coordinators gave the last place offline: shown, never hidden."""
        return self.taken > self.offer.capacity


class PlanningService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    # --- the coordinator's side ---------------------------------------------------------

    def add_offer(
        self,
        kind: TraumaOfferKind,
        *,
        starts_on: date,
        capacity: int,
        title: str = "",
        location: str = "",
        specialist: str = "",
        note: str = "",
        start_minutes: int | None = None,
        slot_minutes: int = 45,
    ) -> m.TraumaOffer:
        with self.ctx.transaction() as tx:
            _coordinator(tx)
            return tx.add(
                m.TraumaOffer(
                    kind=kind,
                    starts_on=starts_on,
                    capacity=capacity,
                    title=title,
                    location=location,
                    specialist=specialist,
                    note=note,
                    start_minutes=start_minutes,
                    slot_minutes=slot_minutes,
                )
            )

    def update_offer(self, offer_id: str, **changes) -> m.TraumaOffer:
        with self.ctx.transaction() as tx:
            _coordinator(tx)
            if "capacity" in changes:
                taken = _taken(tx, offer_id)
                if changes["capacity"] < len(taken):
                    raise ValidationError(
                        {"capacity": f"Es sind bereits {len(taken)} Plätze vergeben."}
                    )
                highest = max((p.slot for p in taken), default=0)
                if changes["capacity"] < highest:  # the slot numbers given stay valid
                    raise ValidationError(
                        {"capacity": f"Platz {highest} ist vergeben; bitte zuerst zurücknehmen."}
                    )
            if "kind" in changes and _taken(tx, offer_id):
                raise ValidationError({"kind": "Die Art eines belegten Angebots bleibt."})
            return tx.update(m.TraumaOffer, offer_id, **changes)

    def remove_offer(self, offer_id: str) -> None:
        """Only an offer nobody has a place in (else: give the places back first)."""
        with self.ctx.transaction() as tx:
            _coordinator(tx)
            if _taken(tx, offer_id):
                raise ValidationError(
                    {"offer_id": "Der Termin hat vergebene Plätze; bitte zuerst zurücknehmen."}
                )
            tx.delete(m.TraumaOffer, offer_id)

    def offers(
        self, kind: TraumaOfferKind | None = None, *, from_date: date | None = None
    ) -> list[OfferRow]:
        with self.ctx.transaction() as tx:
            t = table_of(m.TraumaOffer)
            where = []
            if kind is not None:
                where.append(t.c.kind == kind.value)
            if from_date is not None:
                where.append(t.c.starts_on >= from_date)
            offers = tx.find(m.TraumaOffer, *where, order_by=(t.c.starts_on, t.c.title))
            if tx.user.role is not Role.COORDINATOR:  # the count the coordinator keeps
                return [OfferRow(offer, offer.taken) for offer in offers]
            taken = _taken_counts(tx)
            return [OfferRow(offer, taken.get(offer.id, 0)) for offer in offers]

    def recount(self) -> int:
        """The coordinator's laptop: bring every offer's synced `taken` count in line with
        the requests it holds (after sync, and after every assignment). Returns the
        number of offers whose count changed."""
        with self.ctx.transaction() as tx:
            return _recount(tx) if tx.user.role is Role.COORDINATOR else 0

    def waiting_list(self, kind: TraumaOfferKind) -> list[m.TraumaPlacement]:
        """Urgent requests first, then first come, first served."""
        with self.ctx.transaction() as tx:
            waiting = [p for p in _placements(tx, kind) if p.status is PlacementStatus.WAITING]
        return sorted(waiting, key=lambda p: (not p.urgent, p.requested_on, p.id))

    def placements(self, offer_id: str) -> list[m.TraumaPlacement]:
        with self.ctx.transaction() as tx:
            t = table_of(m.TraumaPlacement)
            found = tx.find(m.TraumaPlacement, t.c.offer_id == offer_id)
        return sorted(
            (p for p in found if p.status in ACTIVE), key=lambda p: (p.slot, p.requested_on)
        )

    def choices(self, placement_id: str, today: date) -> list[tuple[m.TraumaOffer, int, list[int]]]:
        """Where a waiting request can go: each offer of its kind from `today` on with room
        left, with the number of free places and (for a consultation) the free slots."""
        with self.ctx.transaction() as tx:
            placement = tx.get(m.TraumaPlacement, placement_id)
            found = []
            for row in self.offers(placement.kind, from_date=today):
                if row.free <= 0:
                    continue
                taken = {p.slot for p in _taken(tx, row.offer.id)}
                slots = [n for n in range(1, row.offer.capacity + 1) if n not in taken]
                found.append((row.offer, row.free, slots))
            return found

    def assign(self, placement_id: str, offer_id: str, slot: int | None = None):
        """Give a waiting request a slot (consultation) or a place (group)."""
        with self.ctx.transaction() as tx:
            _coordinator(tx)
            placement = tx.get(m.TraumaPlacement, placement_id)
            offer = tx.get(m.TraumaOffer, offer_id)
            if placement.status not in (PlacementStatus.WAITING, PlacementStatus.ASSIGNED):
                raise ValidationError({"offer_id": NOT_WAITING})
            if offer.kind is not placement.kind:
                raise ValidationError({"offer_id": "Anfrage und Angebot passen nicht zusammen."})
            taken = {p.slot for p in _taken(tx, offer_id) if p.id != placement_id}
            free = [n for n in range(1, offer.capacity + 1) if n not in taken]
            if not free:
                raise ValidationError({"offer_id": "Alle Plätze sind vergeben."})
            if slot is None:
                slot = free[0]
            elif slot not in free:
                raise ValidationError({"slot": f"Platz {slot} ist nicht frei."})
            if placement.status is PlacementStatus.ASSIGNED:  # moving to another date
                tx.update(
                    m.TraumaPlacement, placement_id, status=PlacementStatus.WAITING, offer_id=None
                )
            placement = tx.update(
                m.TraumaPlacement,
                placement_id,
                status=PlacementStatus.ASSIGNED,
                offer_id=offer_id,
                slot=slot,
                assigned_on=tx.today,
            )
            _recount(tx)
            return placement

    def release(self, placement_id: str) -> m.TraumaPlacement:
        """Take a slot back: the request returns to the waiting list."""
        with self.ctx.transaction() as tx:
            _coordinator(tx)
            if tx.get(m.TraumaPlacement, placement_id).status is not PlacementStatus.ASSIGNED:
                raise ValidationError({"offer_id": "Diese Anfrage hat keinen vergebenen Platz."})
            placement = tx.update(
                m.TraumaPlacement,
                placement_id,
                status=PlacementStatus.WAITING,
                offer_id=None,
                slot=0,
                assigned_on=None,
            )
            _recount(tx)
            return placement

    # --- the caseworker's side ----------------------------------------------------------

    def request(
        self,
        kind: TraumaOfferKind,
        *,
        case_id: str | None = None,
        trauma_referral_id: str | None = None,
        urgent: bool = False,
        interpreter: str = "",
    ) -> m.TraumaPlacement:
        """Put a client's case (or, without a case, one's own consultation) on the waiting
        list of an offer."""
        with self.ctx.transaction() as tx:
            return request_placement(
                tx,
                kind,
                case_id=case_id,
                trauma_referral_id=trauma_referral_id,
                urgent=urgent,
                interpreter=interpreter,
            )

    def cancel(self, placement_id: str) -> m.TraumaPlacement:
        with self.ctx.transaction() as tx:
            placement = tx.get(m.TraumaPlacement, placement_id)
            if placement.caseworker_id != tx.user.id and tx.user.role is not Role.COORDINATOR:
                raise PermissionDeniedError("Nur die anfragende Fachkraft kann absagen.")
            placement = tx.update(
                m.TraumaPlacement,
                placement_id,
                status=PlacementStatus.CANCELLED,
                offer_id=None,
                slot=0,
            )
            _follow_up(tx, placement)
            if tx.user.role is Role.COORDINATOR:
                _recount(tx)
            return placement

    def mark_attended(self, placement_id: str) -> m.TraumaPlacement:
        with self.ctx.transaction() as tx:
            placement = tx.update(m.TraumaPlacement, placement_id, status=PlacementStatus.ATTENDED)
            if tx.user.role is Role.COORDINATOR:
                _recount(tx)
            return placement

    def for_case(self, case_id: str | None) -> list[m.TraumaPlacement]:
        """The requests of a case (None: the user's own consultations)."""
        with self.ctx.transaction() as tx:
            t = table_of(m.TraumaPlacement)
            if case_id is None:
                where = (t.c.case_id.is_(None), t.c.caseworker_id == tx.user.id)
            else:
                where = (t.c.case_id == case_id,)
            return tx.find(m.TraumaPlacement, *where, order_by=(t.c.requested_on,))

    def mine(self) -> list[m.TraumaPlacement]:
        """Every request of this user (clients' cases and own consultations), newest first."""
        with self.ctx.transaction() as tx:
            t = table_of(m.TraumaPlacement)
            found = tx.find(m.TraumaPlacement, t.c.caseworker_id == tx.user.id)
        return sorted(found, key=lambda p: (p.requested_on, p.id), reverse=True)

    def staff_names(self) -> dict[str, str]:
        """Display names of the district's staff (the office's directory), by user id."""
        with self.ctx.transaction() as tx:
            return {u.id: u.display_name for u in tx.find(m.User)}

    def apply_assignments(self) -> int:
        """Carry the coordinator's answers into this user's trauma referrals: the
        consultation date of an assigned slot, the state of a group or residential place.
        Runs after sync; changes nothing that is already up to date. Returns the count."""
        changed = 0
        with self.ctx.transaction() as tx:
            if tx.user.role is Role.COORDINATOR:
                return _recount(tx)
            t = table_of(m.TraumaPlacement)
            mine = tx.find(
                m.TraumaPlacement,
                t.c.caseworker_id == tx.user.id,
                t.c.trauma_referral_id.is_not(None),
            )
            for placement in current_placements(mine):
                try:
                    with tx.savepoint():
                        changed += _follow_up(tx, placement)
                except ValidationError as exc:  # e.g. consent withdrawn meanwhile: shown there
                    log.warning("placement %s not carried over: %s", placement.id, exc)
        return changed


def request_placement(
    tx: Tx,
    kind: TraumaOfferKind,
    *,
    case_id: str | None,
    trauma_referral_id: str | None = None,
    urgent: bool = False,
    interpreter: str = "",
) -> m.TraumaPlacement:
    reference = tx.get(m.Case, case_id).reference if case_id else ""
    if trauma_referral_id is not None:
        referral = tx.get(m.TraumaReferral, trauma_referral_id)
        tx.require_trauma_access(referral)
        if referral.case_id != case_id:
            raise ValidationError({"case_id": "Die Anfrage gehört zu einem anderen Fall."})
        if kind is TraumaOfferKind.CONSULTATION and not (
            referral.own_consultation or referral.consent_given
        ):
            raise ValidationError(
                {"consent_given": "Ohne Schweigepflichtentbindung kein Termin in der Sprechstunde."}
            )
    t = table_of(m.TraumaPlacement)
    for existing in tx.find(
        m.TraumaPlacement,
        t.c.kind == kind.value,
        t.c.case_id == case_id if case_id else t.c.case_id.is_(None),
        t.c.trauma_referral_id == trauma_referral_id
        if trauma_referral_id
        else t.c.trauma_referral_id.is_(None),
    ):
        if existing.status in (PlacementStatus.WAITING, PlacementStatus.ASSIGNED):
            raise ValidationError({"kind": "Dafür gibt es schon eine offene Anfrage."})
    placement = tx.add(
        m.TraumaPlacement(
            kind=kind,
            case_id=case_id,
            trauma_referral_id=trauma_referral_id,
            caseworker_id=tx.user.id,
            reference=reference,
            requested_on=tx.today,
            urgent=urgent,
            interpreter=interpreter.strip().lower(),
        )
    )
    _follow_up(tx, placement)
    return placement


def current_placements(placements: list[m.TraumaPlacement]) -> list[m.TraumaPlacement]:
    """Per referral and kind the request that counts: an open one before a cancelled one
    (a new request after a cancellation), then the latest. Older answers must not flip the
    referral back on every sync."""
    best: dict[tuple, m.TraumaPlacement] = {}

    def rank(p: m.TraumaPlacement) -> tuple:
        return (p.status is not PlacementStatus.CANCELLED, p.requested_on, p.id)

    for placement in placements:
        key = (placement.trauma_referral_id, placement.kind)
        if key not in best or rank(placement) > rank(best[key]):
            best[key] = placement
    return list(best.values())


def _taken_counts(tx: Tx) -> dict[str, int]:
    taken: dict[str, int] = {}
    for placement in _placements(tx):
        if placement.offer_id and placement.status in ACTIVE:
            taken[placement.offer_id] = taken.get(placement.offer_id, 0) + 1
    return taken


def _recount(tx: Tx) -> int:
    taken = _taken_counts(tx)
    changed = 0
    for offer in tx.find(m.TraumaOffer):
        if offer.taken != taken.get(offer.id, 0):
            tx.update(m.TraumaOffer, offer.id, taken=taken.get(offer.id, 0))
            changed += 1
    return changed


def _coordinator(tx: Tx) -> None:
    if tx.user.role is not Role.COORDINATOR:
        raise PermissionDeniedError(COORDINATOR_ONLY)


def _placements(tx: Tx, kind: TraumaOfferKind | None = None) -> list[m.TraumaPlacement]:
    t = table_of(m.TraumaPlacement)
    where = [t.c.kind == kind.value] if kind is not None else []
    return tx.find(m.TraumaPlacement, *where)


def _taken(tx: Tx, offer_id: str) -> list[m.TraumaPlacement]:
    t = table_of(m.TraumaPlacement)
    return [p for p in tx.find(m.TraumaPlacement, t.c.offer_id == offer_id) if p.status in ACTIVE]


def _follow_up(tx: Tx, placement: m.TraumaPlacement) -> int:
    """Mirror a placement in its trauma referral (if this user holds that referral)."""
    if placement.trauma_referral_id is None or placement.caseworker_id != tx.user.id:
        return 0
    t = table_of(m.TraumaReferral)
    found = tx.find(m.TraumaReferral, t.c.id == placement.trauma_referral_id)
    if not found:
        return 0
    referral = found[0]
    changes: dict = {}
    if placement.kind is TraumaOfferKind.CONSULTATION:
        if placement.status is PlacementStatus.ASSIGNED and placement.offer_id:
            offers = tx.find(m.TraumaOffer, table_of(m.TraumaOffer).c.id == placement.offer_id)
            if offers and referral.status in (
                TraumaReferralStatus.REQUESTED,
                TraumaReferralStatus.SLOT_ASSIGNED,
            ):
                changes = {
                    "status": TraumaReferralStatus.SLOT_ASSIGNED,
                    "consultation_date": offers[0].starts_on,
                    "specialist": offers[0].specialist or referral.specialist,
                }
        elif placement.status is PlacementStatus.WAITING and (
            referral.status is TraumaReferralStatus.SLOT_ASSIGNED
        ):
            changes = {"status": TraumaReferralStatus.REQUESTED, "consultation_date": None}
        elif placement.status is PlacementStatus.CANCELLED and referral.status in (
            TraumaReferralStatus.REQUESTED,
            TraumaReferralStatus.SLOT_ASSIGNED,
        ):  # the request was withdrawn: so is the referral (a new request reopens it)
            changes = {"status": TraumaReferralStatus.CANCELLED}
    else:
        field = _FOLLOW_UP_FIELD[placement.kind]
        changes = {field: _FOLLOW_UP_STATE[placement.status]}
    changes = {k: v for k, v in changes.items() if getattr(referral, k) != v}
    if not changes:
        return 0
    tx.update(m.TraumaReferral, referral.id, check_transition=False, **changes)
    return 1
