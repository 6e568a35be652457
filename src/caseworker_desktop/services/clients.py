"""Clients, households and consent records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..domain import model as m
from ..domain.enums import (
    CaseStatus,
    ConsentKind,
    EmploymentStatus,
    HousingType,
    ResidenceStatus,
)
from ..storage.orm import table_of
from .context import ServiceContext


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
        self, client_id: str, kind: ConsentKind, given_on: date, scope: str = ""
    ) -> m.ConsentRecord:
        with self.ctx.transaction() as tx:
            tx.get(m.Client, client_id)
            return tx.add(
                m.ConsentRecord(client_id=client_id, kind=kind, given_on=given_on, scope=scope)
            )

    def withdraw_consent(self, consent_id: str, withdrawn_on: date) -> m.ConsentRecord:
        with self.ctx.transaction() as tx:
            return tx.update(m.ConsentRecord, consent_id, withdrawn_on=withdrawn_on)

    def consents(self, client_id: str) -> list[m.ConsentRecord]:
        with self.ctx.transaction() as tx:
            t = table_of(m.ConsentRecord)
            return tx.find(m.ConsentRecord, t.c.client_id == client_id, order_by=t.c.given_on)

    def has_consent(self, client_id: str, kind: ConsentKind, on: date | None = None) -> bool:
        day = on or self.ctx.clock.today()
        return any(c.kind is kind and c.active_on(day) for c in self.consents(client_id))

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
