"""What a help plan printout shows: plain data, gathered by services/printing.py."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from ..domain.enums import (
    EntryStatus,
    HelpPlanStatus,
    HouseholdRelation,
    LifeArea,
    TraumaReferralStatus,
)


@dataclass(frozen=True)
class PrintEntry:
    life_area: LifeArea
    goal: str
    measures: str = ""
    responsible: str = ""
    due_on: date | None = None
    status: EntryStatus = EntryStatus.OPEN
    outcome_note: str = ""


@dataclass(frozen=True)
class PrintTraumaReferral:
    status: TraumaReferralStatus
    consultation_date: date | None = None
    recommendation: str = ""


@dataclass(frozen=True)
class PrintHouseholdMember:
    name: str
    relationship: HouseholdRelation  # to the household's reference person
    age: int | None  # full years on the day of printing


@dataclass(frozen=True)
class HelpPlanPrint:
    plan_id: str
    district: str
    organisation: str
    case_reference: str
    client_name: str
    client_birth_date: date | None
    client_address: str
    client_municipality: str
    caseworker_name: str
    plan_status: HelpPlanStatus
    period_start: date
    period_end: date
    next_review_on: date
    printed_on: date
    agreed_on: date | None = None
    approved_on: date | None = None
    entries: tuple[PrintEntry, ...] = ()  # in plan order
    # None: trauma information was not gathered (and must not be printed).
    trauma_referrals: tuple[PrintTraumaReferral, ...] | None = None
    # What the person disputes (Art. 18 DSGVO): "name", "birth_date", "address"
    disputed: frozenset[str] = frozenset()
    client_relationship: HouseholdRelation = HouseholdRelation.UNKNOWN
    household: tuple[PrintHouseholdMember, ...] = ()  # the others, as the master data lists them

    def entries_by_area(self) -> dict[LifeArea, list[PrintEntry]]:
        """Entries grouped by life area, areas in the canonical order."""
        grouped: dict[LifeArea, list[PrintEntry]] = defaultdict(list)
        for entry in self.entries:
            grouped[entry.life_area].append(entry)
        return {area: grouped[area] for area in LifeArea if area in grouped}
