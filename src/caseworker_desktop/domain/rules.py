"""Validation rules and status transitions. Pure functions over domain records; each
`validate_*` raises ValidationError with German messages keyed by field name."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from . import model as m
from .documents import MEDIA_TYPES, SHA256
from .enums import (
    CaseStatus,
    ClosingReason,
    ConsentRecipient,
    ContactKind,
    CourseReferralStatus,
    EntryStatus,
    HelpPlanStatus,
    LifeArea,
    PlacementStatus,
    TraumaOfferKind,
    TraumaReferralStatus,
)
from .errors import TransitionError, ValidationError
from .labels import label

EARLIEST_BIRTH = date(1900, 1, 1)
MAX_CONTACT_MINUTES = 12 * 60

CASE_TRANSITIONS: dict[CaseStatus, frozenset[CaseStatus]] = {
    CaseStatus.OPEN: frozenset({CaseStatus.DORMANT, CaseStatus.CLOSED}),
    CaseStatus.DORMANT: frozenset({CaseStatus.OPEN, CaseStatus.CLOSED}),
    CaseStatus.CLOSED: frozenset({CaseStatus.OPEN}),  # reopening
}

_FINAL_ENTRY = frozenset({EntryStatus.ACHIEVED, EntryStatus.NOT_ACHIEVED, EntryStatus.DROPPED})
ENTRY_TRANSITIONS: dict[EntryStatus, frozenset[EntryStatus]] = {
    EntryStatus.OPEN: frozenset({EntryStatus.IN_PROGRESS} | _FINAL_ENTRY),
    EntryStatus.IN_PROGRESS: frozenset({EntryStatus.OPEN} | _FINAL_ENTRY),
    # A finished goal can be taken up again (Fortschreibung of the plan).
    EntryStatus.ACHIEVED: frozenset({EntryStatus.IN_PROGRESS}),
    EntryStatus.NOT_ACHIEVED: frozenset({EntryStatus.IN_PROGRESS}),
    EntryStatus.DROPPED: frozenset({EntryStatus.IN_PROGRESS}),
}

PLAN_TRANSITIONS: dict[HelpPlanStatus, frozenset[HelpPlanStatus]] = {
    HelpPlanStatus.DRAFT: frozenset({HelpPlanStatus.AGREED}),
    HelpPlanStatus.AGREED: frozenset({HelpPlanStatus.DRAFT, HelpPlanStatus.APPROVED}),
    # Changing an approved plan takes it back to draft; it needs a new approval.
    HelpPlanStatus.APPROVED: frozenset({HelpPlanStatus.DRAFT}),
}

_C = CourseReferralStatus
COURSE_TRANSITIONS: dict[CourseReferralStatus, frozenset[CourseReferralStatus]] = {
    _C.PROPOSED: frozenset({_C.REGISTERED, _C.WAITING_LIST, _C.DROPPED}),
    _C.REGISTERED: frozenset({_C.WAITING_LIST, _C.STARTED, _C.DROPPED}),
    _C.WAITING_LIST: frozenset({_C.REGISTERED, _C.STARTED, _C.DROPPED}),
    _C.STARTED: frozenset({_C.COMPLETED, _C.DROPPED}),
    _C.COMPLETED: frozenset(),
    _C.DROPPED: frozenset({_C.PROPOSED}),
}

_T = TraumaReferralStatus
TRAUMA_TRANSITIONS: dict[TraumaReferralStatus, frozenset[TraumaReferralStatus]] = {
    _T.REQUESTED: frozenset({_T.SLOT_ASSIGNED, _T.CANCELLED}),
    _T.SLOT_ASSIGNED: frozenset({_T.ASSESSED, _T.REQUESTED, _T.CANCELLED}),
    _T.ASSESSED: frozenset({_T.CLOSED}),
    _T.CLOSED: frozenset(),
    _T.CANCELLED: frozenset({_T.REQUESTED}),
}


_P = PlacementStatus
PLACEMENT_TRANSITIONS: dict[PlacementStatus, frozenset[PlacementStatus]] = {
    _P.WAITING: frozenset({_P.ASSIGNED, _P.CANCELLED}),
    _P.ASSIGNED: frozenset({_P.WAITING, _P.ATTENDED, _P.CANCELLED}),
    _P.ATTENDED: frozenset(),
    _P.CANCELLED: frozenset({_P.WAITING}),
}


def check_transition(table: dict, old, new) -> None:
    """Raise TransitionError unless `old -> new` is allowed (staying put always is)."""
    if old == new:
        return
    if new not in table[old]:
        raise TransitionError(
            f"Statuswechsel von „{label(old)}“ nach „{label(new)}“ ist nicht möglich."
        )


class _Problems(dict):
    def require(self, ok: bool, field: str, message: str) -> None:
        if not ok and field not in self:
            self[field] = message

    def raise_if_any(self) -> None:
        if self:
            raise ValidationError(self)


def _not_future(value: date | None, today: date) -> bool:
    return value is None or value <= today


def validate_client(c: m.Client, today: date) -> None:
    p = _Problems()
    p.require(bool(c.first_name.strip()), "first_name", "Vorname fehlt.")
    p.require(bool(c.last_name.strip()), "last_name", "Nachname fehlt.")
    if c.birth_date is not None:
        p.require(c.birth_date >= EARLIEST_BIRTH, "birth_date", "Geburtsdatum ist zu früh.")
        p.require(c.birth_date <= today, "birth_date", "Geburtsdatum liegt in der Zukunft.")
    p.require(_not_future(c.arrival_date, today), "arrival_date", "Einreise liegt in der Zukunft.")
    p.require(
        _not_future(c.employment_since, today),
        "employment_since",
        "Beschäftigungsbeginn liegt in der Zukunft.",
    )
    if c.birth_date and c.arrival_date:
        p.require(c.arrival_date >= c.birth_date, "arrival_date", "Einreise liegt vor der Geburt.")
    p.require(
        c.nationality == "" or (len(c.nationality) == 3 and c.nationality.isalpha()),
        "nationality",
        "Staatsangehörigkeit als dreistelliger Ländercode (z. B. UKR).",
    )
    p.raise_if_any()


def validate_household(h: m.Household, today: date) -> None:
    p = _Problems()
    p.require(bool(h.municipality_id), "municipality_id", "Kommune fehlt.")
    p.require(_not_future(h.moved_in_on, today), "moved_in_on", "Einzug liegt in der Zukunft.")
    p.require(_not_future(h.own_flat_since, today), "own_flat_since", "Datum liegt in der Zukunft.")
    p.raise_if_any()


def validate_consent(c: m.ConsentRecord, today: date) -> None:
    p = _Problems()
    p.require(c.given_on <= today, "given_on", "Datum der Einwilligung liegt in der Zukunft.")
    if c.recipient is ConsentRecipient.OTHER:
        p.require(bool(c.scope.strip()), "scope", "Bitte die Stelle und den Zweck nennen.")
    if c.valid_until is not None:
        p.require(
            c.valid_until >= c.given_on, "valid_until", "„Gültig bis“ liegt vor der Einwilligung."
        )
    if c.withdrawn_on is not None:
        p.require(
            c.withdrawn_on >= c.given_on, "withdrawn_on", "Widerruf liegt vor der Einwilligung."
        )
        p.require(
            _not_future(c.withdrawn_on, today), "withdrawn_on", "Widerruf liegt in der Zukunft."
        )
    p.raise_if_any()


def validate_case(c: m.Case, today: date) -> None:
    p = _Problems()
    p.require(c.opened_on <= today, "opened_on", "Fallbeginn liegt in der Zukunft.")
    if c.status is CaseStatus.CLOSED:
        p.require(c.closed_on is not None, "closed_on", "Abschlussdatum fehlt.")
        p.require(c.closing_reason is not None, "closing_reason", "Abschlussgrund fehlt.")
        if c.closed_on is not None:
            p.require(c.closed_on >= c.opened_on, "closed_on", "Abschluss liegt vor Fallbeginn.")
            p.require(c.closed_on <= today, "closed_on", "Abschluss liegt in der Zukunft.")
    else:
        p.require(c.closed_on is None, "closed_on", "Nur abgeschlossene Fälle haben ein Ende.")
    duplicate = c.closing_reason is ClosingReason.DUPLICATE
    p.require(
        duplicate == (c.merged_into_id is not None),
        "merged_into_id",
        "Eine doppelt angelegte Akte nennt die Akte, mit der sie zusammengeführt wurde "
        "(und nur sie).",
    )
    p.require(
        c.merged_into_id != c.id, "merged_into_id", "Eine Akte ist kein Duplikat ihrer selbst."
    )
    p.require(
        c.erasure_confirmed_by is None or c.erasure_requested_on is not None,
        "erasure_confirmed_by",
        "Bestätigt werden kann nur ein Löschantrag.",
    )
    p.require(
        _not_future(c.erasure_requested_on, today),
        "erasure_requested_on",
        "Der Löschantrag liegt in der Zukunft.",
    )
    p.raise_if_any()


UNSIGNED_APPROVAL = "Nur einen unterschriebenen Hilfeplan kann die Teamleitung freigeben."
NO_GOAL_AGREEMENT = "Ein Hilfeplan ohne Ziel kann nicht vereinbart werden."


def require_open_case(case: m.Case, what: str) -> None:
    """Follow-ups and letters belong to a case that is not closed (reopen it first)."""
    if case.status is CaseStatus.CLOSED:
        raise TransitionError(f"Der Fall ist abgeschlossen: {what} erst nach dem Wiedereröffnen.")


def approval_problem(status: object, signed: object) -> str | None:
    """Approval needs the client's signature: checked by the laptop for every write of a
    plan and by the office for every pushed status (the row as the push leaves it)."""
    if status == HelpPlanStatus.APPROVED and signed is not True:
        return UNSIGNED_APPROVAL
    return None


def validate_agreement(goals: int) -> None:
    """Agreeing a plan with the client needs at least one goal in it."""
    if goals < 1:
        raise ValidationError({"entries": NO_GOAL_AGREEMENT})


def validate_help_plan(h: m.HelpPlan, today: date) -> None:
    p = _Problems()
    p.require(h.period_end > h.period_start, "period_end", "Zeitraum endet vor dem Beginn.")
    p.require(
        h.next_review_on >= h.period_start,
        "next_review_on",
        "Fortschreibung liegt vor dem Beginn des Zeitraums.",
    )
    if h.status in (HelpPlanStatus.AGREED, HelpPlanStatus.APPROVED):
        p.require(h.agreed_on is not None, "agreed_on", "Datum der Vereinbarung fehlt.")
    if h.agreed_on is not None:
        p.require(h.agreed_on <= today, "agreed_on", "Vereinbarung liegt in der Zukunft.")
    if h.status is HelpPlanStatus.APPROVED:
        p.require(bool(h.approved_by), "approved_by", "Freigabe ohne Teamleitung.")
        p.require(h.approved_on is not None, "approved_on", "Datum der Freigabe fehlt.")
        p.require(approval_problem(h.status, h.signed) is None, "signed", UNSIGNED_APPROVAL)
    p.raise_if_any()


def validate_entry(e: m.HelpPlanEntry, plan: m.HelpPlan | None = None) -> None:
    p = _Problems()
    p.require(bool(e.goal.strip()), "goal", "Ziel fehlt.")
    p.require(len(e.goal) <= 2000, "goal", "Ziel ist zu lang (höchstens 2000 Zeichen).")
    p.require(isinstance(e.life_area, LifeArea), "life_area", "Lebensbereich fehlt.")
    if plan is not None and e.due_on is not None:
        p.require(e.due_on >= plan.period_start, "due_on", "Fälligkeit liegt vor dem Planzeitraum.")
    p.raise_if_any()


def validate_course_referral(r: m.CourseReferral, today: date) -> None:
    p = _Problems()
    if r.level_achieved is not None:
        p.require(
            r.status is CourseReferralStatus.COMPLETED,
            "level_achieved",
            "Ein erreichtes Niveau gibt es erst nach Kursabschluss.",
        )
    if r.status in (CourseReferralStatus.STARTED, CourseReferralStatus.COMPLETED):
        p.require(r.start_on is not None, "start_on", "Kursbeginn fehlt.")
    if r.completed_on is not None:
        p.require(
            r.status is CourseReferralStatus.COMPLETED,
            "completed_on",
            "Ein Kursende gibt es erst nach Kursabschluss.",
        )
        p.require(r.completed_on <= today, "completed_on", "Kursende liegt in der Zukunft.")
        if r.start_on is not None:
            p.require(r.completed_on >= r.start_on, "completed_on", "Kursende vor Kursbeginn.")
    if r.status is CourseReferralStatus.STARTED and r.start_on is not None:
        p.require(r.start_on <= today, "start_on", "Kursbeginn liegt in der Zukunft.")
    p.raise_if_any()


def validate_trauma_referral(r: m.TraumaReferral, today: date) -> None:
    p = _Problems()
    p.require(r.requested_on <= today, "requested_on", "Anfrage liegt in der Zukunft.")
    if r.own_consultation:
        p.require(r.case_id is None, "case_id", "Eigene Fallberatung gehört zu keinem Fall.")
    else:
        p.require(r.case_id is not None, "case_id", "Fall fehlt.")
        if r.status not in (TraumaReferralStatus.REQUESTED, TraumaReferralStatus.CANCELLED):
            p.require(
                r.consent_given,
                "consent_given",
                "Ohne Schweigepflichtentbindung kein Termin bei der Fachärztin/dem Facharzt.",
            )
    if r.status is not TraumaReferralStatus.REQUESTED and r.status is not (
        TraumaReferralStatus.CANCELLED
    ):
        p.require(
            r.consultation_date is not None,
            "consultation_date",
            "Termin der Sprechstunde fehlt.",
        )
    if r.status in (TraumaReferralStatus.ASSESSED, TraumaReferralStatus.CLOSED):
        p.require(
            bool(r.recommendation.strip()) or bool(r.assessment_outcome.strip()),
            "recommendation",
            "Ergebnis oder Empfehlung der Abklärung fehlt.",
        )
    p.raise_if_any()


def validate_trauma_offer(o: m.TraumaOffer, today: date) -> None:
    p = _Problems()
    p.require(1 <= o.capacity <= 200, "capacity", "Plätze zwischen 1 und 200.")
    p.require(isinstance(o.kind, TraumaOfferKind), "kind", "Art des Angebots fehlt.")
    if o.kind is not TraumaOfferKind.CONSULTATION:
        p.require(bool(o.title.strip()), "title", "Bezeichnung fehlt.")
    p.require(10 <= o.slot_minutes <= 240, "slot_minutes", "Dauer je Termin: 10 bis 240 Minuten.")
    if o.start_minutes is not None:
        end = o.start_minutes + o.capacity * o.slot_minutes
        p.require(
            o.start_minutes >= 0 and end <= 24 * 60,
            "start_minutes",
            "Die Termine müssen am selben Tag enden (Beginn, Dauer und Zahl der Termine).",
        )
    p.raise_if_any()


def validate_trauma_placement(pl: m.TraumaPlacement, today: date) -> None:
    p = _Problems()
    p.require(pl.requested_on <= today, "requested_on", "Anfrage liegt in der Zukunft.")
    if pl.status in (PlacementStatus.ASSIGNED, PlacementStatus.ATTENDED):
        p.require(pl.offer_id is not None, "offer_id", "Termin oder Angebot fehlt.")
        p.require(pl.slot >= 1, "slot", "Platznummer fehlt.")
    if pl.status is PlacementStatus.WAITING:
        p.require(pl.offer_id is None, "offer_id", "Auf der Warteliste gibt es noch keinen Platz.")
    p.raise_if_any()


def validate_contact_note(n: m.ContactNote, today: date) -> None:
    p = _Problems()
    p.require(n.contact_on <= today, "contact_on", "Kontakt liegt in der Zukunft.")
    p.require(isinstance(n.kind, ContactKind), "kind", "Art des Kontakts fehlt.")
    p.require(
        0 <= n.duration_minutes <= MAX_CONTACT_MINUTES,
        "duration_minutes",
        "Dauer zwischen 0 und 720 Minuten.",
    )
    for area in filter(None, (a.strip() for a in n.life_areas.split(","))):
        if area not in LifeArea.__members__.values():
            p.require(False, "life_areas", f"Unbekannter Lebensbereich: {area}")
    p.raise_if_any()


def validate_reminder(r: m.Reminder, today: date) -> None:
    p = _Problems()
    p.require(bool(r.text.strip()), "text", "Was ist wiedervorzulegen? Der Text fehlt.")
    p.require(len(r.text) <= 500, "text", "Höchstens 500 Zeichen.")
    p.raise_if_any()


def validate_document(d: m.Document, today: date) -> None:
    p = _Problems()
    p.require(bool(d.title.strip()), "title", "Bitte das Dokument benennen.")
    p.require(len(d.title) <= 200, "title", "Höchstens 200 Zeichen.")
    p.require(d.media_type in MEDIA_TYPES, "media_type", "Nur PDF-Dateien und Bilder.")
    p.require(d.size > 0, "size", "Das Dokument ist leer.")
    p.require(
        bool(SHA256.fullmatch(d.content_hash)), "content_hash", "Prüfsumme fehlt oder ist ungültig."
    )
    p.require(_not_future(d.dated_on, today), "dated_on", "Das Datum liegt in der Zukunft.")
    p.raise_if_any()


def validate_review_comment(c: m.ReviewComment, today: date) -> None:
    p = _Problems()
    p.require(bool(c.text.strip()), "text", "Kommentar ist leer.")
    p.raise_if_any()


def _no_rules(record: m.Record, today: date) -> None:
    return None


# What a marker (Art. 18) may be on: the whole person, or one field of their master data.
MARKABLE_FIELDS = frozenset(
    [f"client.{name}" for name in ("first_name", "last_name", "birth_date", "gender",
                                   "nationality", "languages", "residence_status",
                                   "arrival_date", "phone", "notes", "employment",
                                   "relationship")]
    + [f"household.{name}" for name in ("address", "municipality_id", "housing_type")]
)  # fmt: skip


def validate_marker(mk: m.DataMarker, today: date) -> None:
    p = _Problems()
    p.require(mk.field == "" or mk.field in MARKABLE_FIELDS, "field", "Unbekanntes Feld.")
    p.require(bool(mk.reason.strip()), "reason", "Bitte den Grund nennen (Antrag der Person).")
    p.require(_not_future(mk.set_on, today), "set_on", "Das Datum liegt in der Zukunft.")
    if mk.lifted_on is not None:
        p.require(mk.lifted_on >= mk.set_on, "lifted_on", "Aufgehoben vor der Kennzeichnung.")
        p.require(_not_future(mk.lifted_on, today), "lifted_on", "Das Datum liegt in der Zukunft.")
    p.raise_if_any()


VALIDATORS: dict[type[m.Record], Callable[[m.Record, date], None]] = {
    m.DataMarker: validate_marker,
    m.Client: validate_client,
    m.Household: validate_household,
    m.ConsentRecord: validate_consent,
    m.Case: validate_case,
    m.HelpPlan: validate_help_plan,
    m.HelpPlanEntry: lambda e, today: validate_entry(e),
    m.CourseReferral: validate_course_referral,
    m.TraumaReferral: validate_trauma_referral,
    m.TraumaOffer: validate_trauma_offer,
    m.TraumaPlacement: validate_trauma_placement,
    m.ContactNote: validate_contact_note,
    m.ReviewComment: validate_review_comment,
    m.Reminder: validate_reminder,
    m.Document: validate_document,
}


def validate(record: m.Record, today: date) -> None:
    VALIDATORS.get(type(record), _no_rules)(record, today)


STATUS_TRANSITIONS: dict[type[m.Record], tuple[str, dict]] = {
    m.Case: ("status", CASE_TRANSITIONS),
    m.HelpPlan: ("status", PLAN_TRANSITIONS),
    m.HelpPlanEntry: ("status", ENTRY_TRANSITIONS),
    m.CourseReferral: ("status", COURSE_TRANSITIONS),
    m.TraumaReferral: ("status", TRAUMA_TRANSITIONS),
    m.TraumaPlacement: ("status", PLACEMENT_TRANSITIONS),
}


def check_status_change(old: m.Record, new: m.Record) -> None:
    """Raise TransitionError if `new` changes the status of `old` in a disallowed way."""
    spec = STATUS_TRANSITIONS.get(type(old))
    if spec is not None:
        field, table = spec
        check_transition(table, getattr(old, field), getattr(new, field))
