"""Domain records. Every syncable record has a UUID, the HLC of its last change and a
tombstone flag. Field names are the storage column names; the storage layer maps them."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import ClassVar

from .enums import (
    AuditAction,
    CaseStatus,
    ClosingReason,
    ConflictKind,
    ConsentKind,
    ConsentRecipient,
    ConsentState,
    ContactKind,
    CourseReferralStatus,
    CourseType,
    DocumentKind,
    EmploymentStatus,
    EntryStatus,
    FollowUpOffer,
    HelpPlanStatus,
    HouseholdRelation,
    HousingType,
    LanguageLevel,
    LifeArea,
    MarkerKind,
    OrganisationKind,
    PlacementStatus,
    ResidenceStatus,
    Role,
    TraumaOfferKind,
    TraumaReferralStatus,
)


def new_id() -> str:
    """A new row or change id: 32 hex digits in the layout of a UUID of version 7 (RFC
    9562), the creation time in milliseconds first and 74 random bits after it. New rows
    land at the end of the office's indexes instead of anywhere in them: a push wrote a few
    pages per change into the WAL with random ids (bench/load.py: 25 % of a push)."""
    ms = time.time_ns() // 1_000_000
    rand = int.from_bytes(os.urandom(10), "big")
    value = (
        (ms & 0xFFFF_FFFF_FFFF) << 80
        | 0x7 << 76  # version 7
        | (rand >> 62 & 0xFFF) << 64
        | 0b10 << 62  # the variant of RFC 9562
        | rand & 0x3FFF_FFFF_FFFF_FFFF
    )
    return f"{value:032x}"


@dataclass(kw_only=True)
class Record:
    """Base of all syncable records."""

    table: ClassVar[str]
    # Free-text fields: concurrent edits of these are kept as conflicts, never dropped.
    text_fields: ClassVar[frozenset[str]] = frozenset()
    # Restricted records (trauma): visible to the assigned caseworker and team lead only.
    restricted: ClassVar[bool] = False

    id: str = field(default_factory=new_id)
    updated_hlc: str = ""
    deleted: bool = False


@dataclass(kw_only=True)
class Organisation(Record):
    table = "organisation"
    name: str
    kind: OrganisationKind = OrganisationKind.WELFARE_ASSOCIATION


@dataclass(kw_only=True)
class Municipality(Record):
    table = "municipality"
    name: str
    official_key: str = ""  # Amtlicher Gemeindeschlüssel


@dataclass(kw_only=True)
class Team(Record):
    table = "team"
    name: str
    organisation_id: str | None = None


@dataclass(kw_only=True)
class User(Record):
    table = "app_user"
    username: str
    display_name: str
    role: Role = Role.CASEWORKER
    team_id: str | None = None
    organisation_id: str | None = None
    # A team lead may change case files only as a stand-in, when the office grants it
    stand_in: bool = False


@dataclass(kw_only=True)
class Household(Record):
    table = "household"
    text_fields = frozenset({"notes"})
    municipality_id: str
    address: str = ""
    housing_type: HousingType = HousingType.FOLLOW_UP_HOUSING
    moved_in_on: date | None = None
    own_flat_since: date | None = None
    notes: str = ""


@dataclass(kw_only=True)
class Client(Record):
    table = "client"
    text_fields = frozenset({"notes"})
    household_id: str | None = None
    first_name: str
    last_name: str
    birth_date: date | None = None
    gender: str = ""
    nationality: str = ""  # ISO 3166-1 alpha-3, e.g. "UKR"
    languages: str = ""  # comma-separated ISO 639-1 codes, first = preferred
    residence_status: ResidenceStatus = ResidenceStatus.OTHER
    arrival_date: date | None = None
    phone: str = ""
    notes: str = ""
    employment: EmploymentStatus = EmploymentStatus.NOT_EMPLOYED
    employment_since: date | None = None
    # Relation to the household's reference person (who is REFERENCE_PERSON herself)
    relationship: HouseholdRelation = HouseholdRelation.UNKNOWN

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def age_on(self, day: date) -> int | None:
        """Full years on `day`; None without a birth date. Born on 29 February: a year
        older on 1 March in common years."""
        born = self.birth_date
        if born is None:
            return None
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    @property
    def preferred_language(self) -> str:
        return self.languages.split(",")[0].strip() if self.languages else ""


@dataclass(kw_only=True)
class ConsentRecord(Record):
    table = "consent_record"
    client_id: str
    kind: ConsentKind
    given_on: date
    withdrawn_on: date | None = None
    scope: str = ""  # the purpose, in the client's words on the form
    recipient: ConsentRecipient | None = None  # a release: to whom
    valid_until: date | None = None  # None: until withdrawn

    def state_on(self, day: date) -> ConsentState:
        if self.withdrawn_on is not None and self.withdrawn_on <= day:
            return ConsentState.WITHDRAWN
        if self.given_on > day:
            return ConsentState.NOT_YET_VALID
        if self.valid_until is not None and self.valid_until < day:
            return ConsentState.EXPIRED
        return ConsentState.VALID

    def active_on(self, day: date) -> bool:
        return not self.deleted and self.state_on(day) is ConsentState.VALID

    def covers(self, kind: ConsentKind, recipient: ConsentRecipient | None, day: date) -> bool:
        """Valid on `day` for information of this kind going to `recipient`."""
        return (
            self.kind is kind
            and (recipient is None or self.recipient is recipient)
            and self.active_on(day)
        )


@dataclass(kw_only=True)
class DataMarker(Record):
    """The person's data marked as restricted (Art. 18 DSGVO, § 84 SGB X: processing
    restricted, read-only) or disputed (shown and printed as "bestritten"): the whole
    person (`field` empty) or one field ("client.phone", "household.address")."""

    table = "data_marker"
    text_fields = frozenset({"reason"})
    client_id: str
    kind: MarkerKind
    field: str = ""
    reason: str = ""
    set_on: date
    lifted_on: date | None = None

    def active_on(self, day: date) -> bool:
        return (
            not self.deleted
            and self.set_on <= day
            and (self.lifted_on is None or self.lifted_on > day)
        )

    def covers(self, table: str, field: str) -> bool:
        """Whether this marker is on `field` of a `table` row of the person (or on all)."""
        return self.field in ("", f"{table}.{field}")


@dataclass(kw_only=True)
class Case(Record):
    table = "case_file"
    text_fields = frozenset({"closing_note"})
    client_id: str
    caseworker_id: str
    reference: str = ""  # Aktenzeichen
    status: CaseStatus = CaseStatus.OPEN
    opened_on: date
    closed_on: date | None = None
    closing_reason: ClosingReason | None = None
    closing_note: str = ""
    merged_into_id: str | None = None  # closed as a duplicate: the case that was kept
    # The person asked for erasure (GDPR Art. 17) on this day; once a team lead confirmed
    # it, the office deletes the case everywhere (office/retention.py).
    erasure_requested_on: date | None = None
    erasure_confirmed_by: str | None = None


@dataclass(kw_only=True)
class HelpPlan(Record):
    table = "help_plan"
    case_id: str
    period_start: date
    period_end: date
    next_review_on: date
    status: HelpPlanStatus = HelpPlanStatus.DRAFT
    agreed_on: date | None = None
    signed: bool = False
    approved_by: str | None = None
    approved_on: date | None = None


@dataclass(kw_only=True)
class HelpPlanEntry(Record):
    table = "help_plan_entry"
    text_fields = frozenset({"goal", "measures", "outcome_note"})
    help_plan_id: str
    life_area: LifeArea
    position: int = 0
    goal: str
    measures: str = ""
    responsible: str = ""
    due_on: date | None = None
    status: EntryStatus = EntryStatus.OPEN
    outcome_note: str = ""
    source_trauma_referral_id: str | None = None


@dataclass(kw_only=True)
class CourseReferral(Record):
    table = "course_referral"
    text_fields = frozenset({"note"})
    case_id: str
    course_type: CourseType
    target_level: LanguageLevel
    provider: str = ""
    start_on: date | None = None
    childcare_needed: bool = False
    status: CourseReferralStatus = CourseReferralStatus.PROPOSED
    level_achieved: LanguageLevel | None = None
    completed_on: date | None = None
    note: str = ""
    help_plan_entry_id: str | None = None  # the goal that follows the course ("Deutsch A2")


@dataclass(kw_only=True)
class TraumaReferral(Record):
    table = "trauma_referral"
    text_fields = frozenset({"reason", "assessment_outcome", "recommendation", "next_steps"})
    restricted = True
    case_id: str | None = None  # None: the caseworker's own consultation
    caseworker_id: str
    own_consultation: bool = False
    requested_on: date
    consultation_date: date | None = None
    specialist: str = ""
    consent_given: bool = False
    reason: str = ""  # why the assessment is asked for (health data: restricted)
    urgent: bool = False  # what the coordinator sees on the waiting list, with:
    interpreter: str = ""  # the language an interpreter is needed for (ISO 639)
    status: TraumaReferralStatus = TraumaReferralStatus.REQUESTED
    assessment_outcome: str = ""
    recommendation: str = ""
    next_steps: str = ""
    group_offering: FollowUpOffer = FollowUpOffer.NONE
    residential_group: FollowUpOffer = FollowUpOffer.NONE


@dataclass(kw_only=True)
class TraumaOffer(Record):
    """A date of the monthly consultation hour with its slots, or a group offering or the
    residential group with its places. Planned by the coordinator, seen by everyone who
    requests slots; no client data."""

    table = "trauma_offer"
    text_fields = frozenset({"note"})
    kind: TraumaOfferKind
    title: str = ""
    starts_on: date  # consultation date, or start of the group / residential group
    location: str = ""
    specialist: str = ""
    capacity: int  # slots of the consultation date, places of the group
    note: str = ""
    # Slots/places given, kept by the coordinator's laptop (caseworkers do not receive
    # other people's requests, so this count is how they see what is still free).
    taken: int = 0
    # A consultation date's appointments: the first at start_minutes after midnight, one
    # every slot_minutes. None: no times planned (slots are then only numbered).
    start_minutes: int | None = None
    slot_minutes: int = 45

    def slot_time(self, slot: int) -> str:
        """'10:45' for a slot of a consultation date with times; '' without."""
        if self.start_minutes is None or slot < 1:
            return ""
        start = self.start_minutes + (slot - 1) * self.slot_minutes
        return f"{start // 60:02d}:{start % 60:02d}"


@dataclass(kw_only=True)
class TraumaPlacement(Record):
    """A caseworker's request for a consultation slot or a group/residential place, and the
    coordinator's answer. Carries the case reference, never the client's name or health
    data: the coordinator plans with it, the trauma referral stays restricted."""

    table = "trauma_placement"
    kind: TraumaOfferKind
    case_id: str | None = None  # None: the caseworker's own consultation
    trauma_referral_id: str | None = None
    caseworker_id: str
    reference: str = ""  # Aktenzeichen, so the coordinator can tell requests apart
    requested_on: date
    urgent: bool = False
    interpreter: str = ""  # language of the interpreter needed, ISO 639-1
    status: PlacementStatus = PlacementStatus.WAITING
    offer_id: str | None = None
    slot: int = 0  # 1..capacity once assigned
    assigned_on: date | None = None


@dataclass(kw_only=True)
class ContactNote(Record):
    table = "contact_note"
    text_fields = frozenset({"text"})
    case_id: str
    contact_on: date
    kind: ContactKind
    duration_minutes: int = 0
    life_areas: str = ""  # comma-separated LifeArea values
    text: str = ""
    author_id: str | None = None


@dataclass(kw_only=True)
class Reminder(Record):
    """A follow-up (Wiedervorlage) the caseworker set on a case: a date and what to do."""

    table = "reminder"
    text_fields = frozenset({"text"})
    case_id: str
    due_on: date
    text: str
    done_on: date | None = None
    author_id: str | None = None


@dataclass(kw_only=True)
class Document(Record):
    """A scan, photo or PDF in a person's case file (residence permit, certificates, the
    signed help plan); the file shows the documents of all of the person's cases here. The
    content is kept apart, once per content hash (storage.blobs), and travels in chunks
    (sync.documents); the record carries the hash, so content and record cannot be paired
    wrongly."""

    table = "document"
    text_fields = frozenset({"note", "title"})
    case_id: str
    kind: DocumentKind = DocumentKind.OTHER
    dated_on: date | None = None  # the date on the document (issued, signed)
    title: str  # the file's name when attached, or what the user calls it
    media_type: str  # read from the content, not from the name
    size: int
    content_hash: str  # SHA-256 of the content, hex
    note: str = ""
    added_by: str | None = None

    @property
    def confidential(self) -> bool:
        """Health data (a doctor's letter, a finding of the trauma consultation): hidden
        until opened, every opening audited, like trauma referrals."""
        return self.kind in (DocumentKind.MEDICAL, DocumentKind.TRAUMA)


@dataclass(kw_only=True)
class ReviewComment(Record):
    table = "review_comment"
    text_fields = frozenset({"text"})
    case_id: str
    help_plan_id: str | None = None
    author_id: str
    created_at: datetime
    text: str
    resolved: bool = False


@dataclass(kw_only=True)
class Conflict(Record):
    """Two concurrent edits of one free-text field: the text in force and the one that
    lost. Created by the district office, synced to both laptops, resolved by a person.

    A handover (kind HANDOVER) holds what the former caseworker of a reassigned case wrote
    offline, one row at a time: `loser_value` and `winner_value` are JSON objects (field
    -> value) of their values and of the values in force; `field` is empty."""

    table = "conflict"
    text_fields = frozenset({"resolution"})
    table_name: str
    row_id: str
    field: str
    winner_value: str
    winner_hlc: str
    winner_device: str
    loser_value: str
    loser_hlc: str
    loser_device: str
    case_id: str | None = None
    resolved: bool = False
    resolution: str = ""
    kind: ConflictKind = ConflictKind.TEXT
    handed_over_by: str | None = None  # user id of the former caseworker (handover)


SYNCABLE: tuple[type[Record], ...] = (
    Organisation,
    Municipality,
    Team,
    User,
    Household,
    Client,
    ConsentRecord,
    DataMarker,
    Case,
    HelpPlan,
    HelpPlanEntry,
    CourseReferral,
    TraumaReferral,
    TraumaOffer,
    TraumaPlacement,
    ContactNote,
    ReviewComment,
    Reminder,
    Document,
    Conflict,
)

BY_TABLE: dict[str, type[Record]] = {cls.table: cls for cls in SYNCABLE}


@dataclass(kw_only=True, frozen=True)
class AuditEvent:
    """Append-only, hash-chained record of who viewed, changed, printed or exported what."""

    seq: int
    id: str
    at: datetime
    user_id: str
    device_id: str
    action: AuditAction
    entity: str
    entity_id: str
    detail: str
    prev_hash: str
    hash: str
