"""Clients, households and consent records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..domain import model as m
from ..domain.enums import (
    CaseStatus,
    ConsentKind,
    ConsentRecipient,
    EmploymentStatus,
    HousingType,
    ResidenceStatus,
    TraumaReferralStatus,
)
from ..domain.errors import ValidationError
from ..storage.orm import table_of
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
    data_processing_consent_on: date | None = None


class ClientService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def register(self, new: NewClient, opened_on: date | None = None) -> tuple[m.Client, m.Case]:
        """New client with household, consent and an open case assigned to the current
        user, in one transaction."""
        with self.ctx.transaction() as tx:
            household_id = new.household_id
            if household_id is None:
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
                )
            )
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
            return tx.update(m.Client, client_id, **changes)

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
        trauma requests that relied on a release lose it (no slot without one)."""
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
            return consent

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

    def municipalities(self) -> list[m.Municipality]:
        with self.ctx.transaction() as tx:
            return tx.find(m.Municipality, order_by=table_of(m.Municipality).c.name)


def _next_reference(tx) -> str:
    """Aktenzeichen: IM-<year>-<running number>-<device>. The device part keeps references
    unique across laptops, which number their cases independently while offline."""
    import sqlalchemy as sa

    year = tx.today.year
    count = tx.conn.execute(sa.select(sa.func.count()).select_from(table_of(m.Case))).scalar_one()
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
