"""Clients, households and consent records."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa

from ..domain import duplicates
from ..domain import model as m
from ..domain.duplicates import Person
from ..domain.enums import (
    AuditAction,
    CaseStatus,
    ClosingReason,
    ConsentKind,
    ConsentRecipient,
    EmploymentStatus,
    HouseholdRelation,
    HousingType,
    MarkerKind,
    PlacementStatus,
    ResidenceStatus,
    TraumaReferralStatus,
)
from ..domain.errors import CaseworkerError, ValidationError
from ..storage import clocks
from ..storage.orm import change_log, row_clock, table_of
from .context import ServiceContext, Tx


@dataclass(frozen=True)
class NewClient:
    """What the caseworker enters when taking on a new client."""

    first_name: str
    last_name: str
    municipality_id: str
    address: str = ""
    birth_date: date | None = None
    gender: str = ""
    nationality: str = ""
    languages: str = ""
    residence_status: ResidenceStatus = ResidenceStatus.OTHER
    arrival_date: date | None = None
    phone: str = ""
    household_id: str | None = None  # join an existing household instead of a new one
    # to the household's reference person; who starts a new household is that person
    relationship: HouseholdRelation | None = None
    data_processing_consent_on: date | None = None


@dataclass(frozen=True)
class HouseholdMember:
    """Another person of the client's household, as the master data lists them."""

    client: m.Client
    case_id: str | None  # the case to open: this user's, an open one, the newest
    age: int | None  # full years today; None without a birth date

    @property
    def relationship(self) -> HouseholdRelation:
        return self.client.relationship


class PossibleDuplicateError(ValidationError):
    def __init__(self, found: list[tuple[m.Client, str]]):
        shown = "; ".join(
            f"{c.last_name}, {c.first_name}"
            + (f" (geb. {c.birth_date:%d.%m.%Y})" if c.birth_date else "")
            + (f", {reference}" if reference else "")
            for c, reference in found
        )
        super().__init__({"duplicates": f"Möglicherweise schon erfasst: {shown}."})
        self.found = found


class ClientService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def register(
        self, new: NewClient, opened_on: date | None = None, *, refuse_duplicates: bool = False
    ) -> tuple[m.Client, m.Case]:
        """New client with household, consent and an open case assigned to the current
        user, in one transaction. refuse_duplicates: not if someone on file may be this
        person (PossibleDuplicateError names them; the window asks, then registers)."""
        if refuse_duplicates and (
            found := self.possible_duplicates(new.first_name, new.last_name, new.birth_date)
        ):
            raise PossibleDuplicateError(found)
        with self.ctx.transaction() as tx:
            household_id = new.household_id
            relationship = new.relationship or HouseholdRelation.UNKNOWN
            if household_id is None:
                relationship = new.relationship or HouseholdRelation.REFERENCE_PERSON
                household = tx.add(
                    m.Household(
                        municipality_id=new.municipality_id,
                        address=new.address,
                        housing_type=HousingType.FOLLOW_UP_HOUSING,
                    )
                )
                household_id = household.id
            else:
                tx.get(m.Household, household_id)
            client = tx.add(
                m.Client(
                    household_id=household_id,
                    first_name=new.first_name.strip(),
                    last_name=new.last_name.strip(),
                    birth_date=new.birth_date,
                    gender=new.gender,
                    nationality=new.nationality.upper(),
                    languages=new.languages,
                    residence_status=new.residence_status,
                    arrival_date=new.arrival_date,
                    phone=new.phone,
                    relationship=relationship,
                )
            )
            _one_reference_person(tx, client)
            if new.data_processing_consent_on is not None:
                tx.add(
                    m.ConsentRecord(
                        client_id=client.id,
                        kind=ConsentKind.DATA_PROCESSING,
                        given_on=new.data_processing_consent_on,
                    )
                )
            case = tx.add(
                m.Case(
                    client_id=client.id,
                    caseworker_id=tx.user.id,
                    opened_on=opened_on or tx.today,
                    status=CaseStatus.OPEN,
                    reference=_next_reference(tx),
                )
            )
            return client, case

    def get(self, client_id: str) -> m.Client:
        with self.ctx.transaction() as tx:
            return tx.get(m.Client, client_id)

    def update(self, client_id: str, **changes) -> m.Client:
        with self.ctx.transaction() as tx:
            old = tx.get(m.Client, client_id)
            employment = changes.get("employment", old.employment)
            if employment is EmploymentStatus.NOT_EMPLOYED:
                changes["employment_since"] = None
            elif employment is not old.employment and not changes.get("employment_since"):
                # The report counts work and training taken up by this date: today unless
                # the caseworker says otherwise.
                changes["employment_since"] = tx.today
            client = tx.update(m.Client, client_id, **changes)
            if client.relationship is not old.relationship:
                _one_reference_person(tx, client)
            return client

    def household(self, household_id: str) -> m.Household:
        with self.ctx.transaction() as tx:
            return tx.get(m.Household, household_id)

    def update_household(self, household_id: str, **changes) -> m.Household:
        with self.ctx.transaction() as tx:
            return tx.update(m.Household, household_id, **changes)

    def household_members(self, household_id: str) -> list[m.Client]:
        with self.ctx.transaction() as tx:
            t = table_of(m.Client)
            return tx.find(m.Client, t.c.household_id == household_id, order_by=t.c.first_name)

    def others_in_household(self, client: m.Client) -> list[HouseholdMember]:
        """The other people of the client's household with their age and the case that
        opens their file (None if no case of theirs is on this laptop), the reference
        person first, then by relation and age (oldest first)."""
        if client.household_id is None:
            return []
        with self.ctx.transaction() as tx:
            people = table_of(m.Client)
            others = [
                c
                for c in tx.find(m.Client, people.c.household_id == client.household_id)
                if c.id != client.id
            ]
            if not others:
                return []
            t = table_of(m.Case)
            cases: dict[str, list[m.Case]] = {}
            for case in tx.find(m.Case, t.c.client_id.in_([c.id for c in others])):
                if case.closing_reason is not ClosingReason.DUPLICATE:
                    cases.setdefault(case.client_id, []).append(case)

            def preferred(case: m.Case) -> tuple:
                return (case.caseworker_id == tx.user.id, case.status is CaseStatus.OPEN,
                        case.opened_on)  # fmt: skip

            order = list(HouseholdRelation)
            members = [
                HouseholdMember(
                    client=c,
                    case_id=max(cases[c.id], key=preferred).id if c.id in cases else None,
                    age=c.age_on(tx.today),
                )
                for c in others
            ]
            members.sort(
                key=lambda mb: (
                    order.index(mb.client.relationship),
                    -(mb.age if mb.age is not None else -1),
                    mb.client.first_name,
                )
            )
            return members

    def record_consent(
        self,
        client_id: str,
        kind: ConsentKind,
        given_on: date,
        scope: str = "",
        *,
        recipient: ConsentRecipient | None = None,
        valid_until: date | None = None,
    ) -> m.ConsentRecord:
        """A signed consent or release. A release names its recipient; a second valid one
        for the same purpose and recipient is refused (withdraw or let the first expire)."""
        with self.ctx.transaction() as tx:
            return add_consent(
                tx,
                m.ConsentRecord(
                    client_id=client_id,
                    kind=kind,
                    given_on=given_on,
                    scope=scope.strip(),
                    recipient=recipient,
                    valid_until=valid_until,
                ),
            )

    def withdraw_consent(self, consent_id: str, withdrawn_on: date) -> m.ConsentRecord:
        """The client withdraws: from that day nothing more goes to the recipient. Open
        trauma requests that relied on a release lose it (no slot without one), and their
        requests for a slot or place are cancelled and withdrawn from the coordinator, who
        saw them only because of the release."""
        with self.ctx.transaction() as tx:
            old = tx.get(m.ConsentRecord, consent_id)
            if old.withdrawn_on is not None:
                raise ValidationError(
                    {"withdrawn_on": f"Bereits widerrufen am {old.withdrawn_on:%d.%m.%Y}."}
                )
            consent = tx.update(m.ConsentRecord, consent_id, withdrawn_on=withdrawn_on)
            if not valid_release(tx, consent.client_id, ConsentRecipient.TRAUMA_CONSULTATION):
                for referral in _open_trauma_requests(tx, consent.client_id):
                    tx.update(m.TraumaReferral, referral.id, consent_given=False)
                    _withdraw_placements(tx, referral)
            return consent

    def possible_duplicates(
        self, first_name: str, last_name: str, birth_date: date | None
    ) -> list[tuple[m.Client, str]]:
        """Clients on file who may be this person (spelling, script, order of names), each
        with the reference of their newest case."""
        with self.ctx.transaction() as tx:
            cases = table_of(m.Case)
            with_a_case = {  # a duplicate merged away is not offered again
                c.client_id
                for c in tx.find(m.Case)
                if c.closing_reason is not ClosingReason.DUPLICATE
            }
            clients = [c for c in tx.find(m.Client) if c.id in with_a_case]
            new = Person("", first_name, last_name, birth_date)
            people = [Person(c.id, c.first_name, c.last_name, c.birth_date) for c in clients]
            found = {p.id for p in duplicates.possible_duplicates(new, people)}
            result = []
            for client in clients:
                if client.id in found:
                    own = tx.find(
                        m.Case, cases.c.client_id == client.id, order_by=cases.c.opened_on
                    )
                    result.append((client, own[-1].reference if own else ""))
            return result

    def delete_unsynced(self, case_id: str) -> None:
        """A client entered by mistake, gone for good: the case, the client (and their
        household if no one else lives in it) and everything recorded for them, before
        any of it reached the district office. Refused once something was sent."""
        with self.ctx.transaction() as tx:
            case = tx.get(m.Case, case_id)
            client = tx.get(m.Client, case.client_id)
            rows = _rows_of_case(tx, case, client)
            logged = tx.conn.execute(  # acknowledged, still in the log (for a week)
                sa.select(sa.func.count())
                .select_from(change_log)
                .where(change_log.c.pushed, change_log.c.row_id.in_([r for _t, r in rows]))
            ).scalar_one()
            if logged or clocks.any_sent(tx.conn, rows):  # or known there: older, pulled
                raise CaseworkerError(
                    "Diese Akte wurde schon an das Landratsamt übertragen und kann nicht mehr "
                    "gelöscht werden. Gehört sie zu einer anderen Akte derselben Person: "
                    "zusammenführen; sonst den Fall abschließen."
                )
            for table, row_id in rows:
                t = table_of(m.BY_TABLE[table])
                tx.conn.execute(t.delete().where(t.c.id == row_id))
                for log in (change_log, row_clock):
                    tx.conn.execute(
                        log.delete().where(log.c.table_name == table, log.c.row_id == row_id)
                    )
            tx.audit(
                AuditAction.DELETE,
                case,
                f"Fehleingabe gelöscht, nie übertragen ({len(rows)} Einträge)",
            )
            tx.touched.append(("case_file", case.id))

    def consents(self, client_id: str) -> list[m.ConsentRecord]:
        with self.ctx.transaction() as tx:
            t = table_of(m.ConsentRecord)
            return tx.find(m.ConsentRecord, t.c.client_id == client_id, order_by=t.c.given_on)

    def has_consent(
        self,
        client_id: str,
        kind: ConsentKind,
        on: date | None = None,
        recipient: ConsentRecipient | None = None,
    ) -> bool:
        day = on or self.ctx.clock.today()
        return any(c.covers(kind, recipient, day) for c in self.consents(client_id))

    # --- restriction and disputed data (Art. 18 DSGVO, § 84 SGB X) ----------------------

    def mark(
        self, client_id: str, kind: MarkerKind, reason: str, field: str = "", on: date | None = None
    ) -> m.DataMarker:
        """Mark the person's data (all of it, or one field such as "client.phone") as
        restricted (read-only) or disputed (shown and printed as "bestritten")."""
        with self.ctx.transaction() as tx:
            tx.get(m.Client, client_id)
            t = table_of(m.DataMarker)
            for other in tx.find(m.DataMarker, t.c.client_id == client_id):
                if other.kind is kind and other.field == field and other.lifted_on is None:
                    raise ValidationError({"field": "Diese Kennzeichnung besteht schon."})
            return tx.add(
                m.DataMarker(
                    client_id=client_id, kind=kind, field=field, reason=reason.strip(),
                    set_on=on or tx.today,
                )
            )  # fmt: skip

    def lift_marker(self, marker_id: str, on: date | None = None) -> m.DataMarker:
        with self.ctx.transaction() as tx:
            marker = tx.get(m.DataMarker, marker_id)
            if marker.lifted_on is not None:
                raise ValidationError({"lifted_on": "Die Kennzeichnung ist schon aufgehoben."})
            return tx.update(m.DataMarker, marker_id, lifted_on=on or tx.today)

    def markers(self, client_id: str) -> list[m.DataMarker]:
        with self.ctx.transaction() as tx:
            t = table_of(m.DataMarker)
            return tx.find(m.DataMarker, t.c.client_id == client_id, order_by=t.c.set_on)

    def municipalities(self) -> list[m.Municipality]:
        with self.ctx.transaction() as tx:
            return tx.find(m.Municipality, order_by=table_of(m.Municipality).c.name)


def _one_reference_person(tx: Tx, client: m.Client) -> None:
    """A household has one reference person: the others are named by their relation to her."""
    if client.relationship is not HouseholdRelation.REFERENCE_PERSON or not client.household_id:
        return
    people = table_of(m.Client)
    for other in tx.find(m.Client, people.c.household_id == client.household_id):
        if other.id != client.id and other.relationship is HouseholdRelation.REFERENCE_PERSON:
            raise ValidationError(
                {
                    "relationship": f"Bezugsperson dieses Haushalts ist schon "
                    f"{other.full_name}. Erst dort die Beziehung ändern."
                }
            )


def _next_reference(tx) -> str:
    """Aktenzeichen: IM-<year>-<running number>-<device>. The device part keeps references
    unique across laptops, which number their cases independently while offline."""
    year = tx.today.year
    count = tx.scalar("SELECT count(*) FROM case_file")
    return f"IM-{year}-{count + 1:05d}-{tx.ctx.device_id[:4].upper()}"


@dataclass(frozen=True)
class Release:
    """A release (Schweigepflichtentbindung) the client signs when a referral is made."""

    given_on: date
    valid_until: date | None = None
    scope: str = ""

    def record(self, client_id: str, recipient: ConsentRecipient) -> m.ConsentRecord:
        return m.ConsentRecord(
            client_id=client_id,
            kind=ConsentKind.CONFIDENTIALITY_RELEASE,
            recipient=recipient,
            given_on=self.given_on,
            valid_until=self.valid_until,
            scope=self.scope.strip(),
        )


def add_consent(tx: Tx, consent: m.ConsentRecord) -> m.ConsentRecord:
    tx.get(m.Client, consent.client_id)
    if consent.kind is ConsentKind.CONFIDENTIALITY_RELEASE and consent.recipient is None:
        raise ValidationError(
            {"recipient": "Eine Schweigepflichtentbindung nennt, wem Auskunft gegeben werden darf."}
        )
    t = table_of(m.ConsentRecord)
    for other in tx.find(m.ConsentRecord, t.c.client_id == consent.client_id):
        if (
            other.kind is consent.kind
            and other.recipient is consent.recipient
            and other.withdrawn_on is None
            and (other.valid_until is None or other.valid_until >= consent.given_on)
            and (consent.recipient is not ConsentRecipient.OTHER or other.scope == consent.scope)
        ):
            raise ValidationError(
                {
                    "given_on": f"Diese Einwilligung liegt schon vor (erteilt am "
                    f"{other.given_on:%d.%m.%Y}). Erst widerrufen oder ablaufen lassen."
                }
            )
    return tx.add(consent)


def valid_release(
    tx: Tx, client_id: str, recipient: ConsentRecipient, day: date | None = None
) -> m.ConsentRecord | None:
    """The client's release for `recipient` valid on `day` (today), if there is one."""
    t = table_of(m.ConsentRecord)
    for consent in tx.find(m.ConsentRecord, t.c.client_id == client_id):
        if consent.covers(ConsentKind.CONFIDENTIALITY_RELEASE, recipient, day or tx.today):
            return consent
    return None


def _open_trauma_requests(tx: Tx, client_id: str) -> list[m.TraumaReferral]:
    cases = table_of(m.Case)
    referrals = table_of(m.TraumaReferral)
    case_ids = [c.id for c in tx.find(m.Case, cases.c.client_id == client_id)]
    if not case_ids:
        return []
    return [
        r
        for r in tx.find(m.TraumaReferral, referrals.c.case_id.in_(case_ids))
        if r.consent_given
        and r.status in (TraumaReferralStatus.REQUESTED, TraumaReferralStatus.SLOT_ASSIGNED)
    ]


def _withdraw_placements(tx: Tx, referral: m.TraumaReferral) -> None:
    placements = table_of(m.TraumaPlacement)
    for placement in tx.find(m.TraumaPlacement, placements.c.trauma_referral_id == referral.id):
        if placement.status in (PlacementStatus.WAITING, PlacementStatus.ASSIGNED):
            tx.update(m.TraumaPlacement, placement.id, status=PlacementStatus.CANCELLED)
        tx.delete(m.TraumaPlacement, placement.id)


def _rows_of_case(tx: Tx, case: m.Case, client: m.Client) -> list[tuple[str, str]]:
    """(table, row id) of the case and what hangs on it, deleted rows included; the client
    if this is their only case, their household if they live there alone."""

    def ids(cls: type[m.Record], column: str, value: str) -> list[str]:
        t = table_of(cls)
        return list(tx.conn.execute(sa.select(t.c.id).where(t.c[column] == value)).scalars())

    rows: list[tuple[str, str]] = [("case_file", case.id)]
    for cls in m.SYNCABLE:
        if cls is m.Case or "case_id" not in {f.name for f in dataclasses.fields(cls)}:
            continue
        for row_id in ids(cls, "case_id", case.id):
            rows.append((cls.table, row_id))
            if cls is m.HelpPlan:
                rows += [
                    ("help_plan_entry", e) for e in ids(m.HelpPlanEntry, "help_plan_id", row_id)
                ]
    if ids(m.Case, "client_id", client.id) == [case.id]:
        rows.append(("client", client.id))
        rows += [("consent_record", c) for c in ids(m.ConsentRecord, "client_id", client.id)]
        rows += [("data_marker", d) for d in ids(m.DataMarker, "client_id", client.id)]
        if client.household_id and ids(m.Client, "household_id", client.household_id) == [
            client.id
        ]:
            rows.append(("household", client.household_id))
    return rows
