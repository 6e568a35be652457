"""Use cases over the case file. One transaction each; no Qt."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from ..clock import Clock
from ..domain import model as m
from ..domain.enums import MarkerKind
from ..domain.retention import case_deleted_on
from ..storage import audit, changelog
from ..storage.casefile import RETENTION_RULES, CaseFile
from ..storage.orm import table_of
from .access_export import AccessExportService
from .cases import CaseService
from .clients import ClientService, HouseholdMember, NewClient, Release
from .context import ServiceContext
from .documents import DocumentService, Listed
from .follow_ups import FollowUpService
from .help_plans import HelpPlanService, masked
from .importer import ImportService
from .inbox import InboxService
from .letters import LetterService
from .merge import MergeService
from .planning import PlanningService, current_placements
from .printing import PrintService
from .referrals import ReferralService
from .reports import ReportService
from .reviews import ReviewService


@dataclass(frozen=True)
class TraumaSection:
    referrals: list[m.TraumaReferral]
    placements: dict[str | None, list[m.TraumaPlacement]]  # referral id -> current requests
    offers: dict[str, m.TraumaOffer]


@dataclass(frozen=True)
class ClientFile:
    case: m.Case
    client: m.Client
    household: m.Household | None
    members: list[HouseholdMember]  # the others in the household
    consents: list[m.ConsentRecord]
    plan: m.HelpPlan | None
    # Entries carried over from a trauma consultation come with their text hidden
    # (help_plans.masked); `plans.reveal_entry` shows one, as an audited view.
    entries: list[m.HelpPlanEntry]
    course_referrals: list[m.CourseReferral]
    trauma_referral_count: int
    notes: list[m.ContactNote]
    comments: list[m.ReviewComment]
    municipalities: list[m.Municipality]
    markers: list[m.DataMarker]  # restricted or disputed (Art. 18), lifted ones too
    documents: list[Listed]  # of all of the person's cases here; confidential ones masked
    deleted_on: date | None = None  # a closed case: due for deletion (retention rules)

    def restricted(self, day) -> list[m.DataMarker]:
        return [mk for mk in self.markers
                if mk.kind is MarkerKind.RESTRICTED and mk.active_on(day)]  # fmt: skip

    def disputed(self, day) -> list[m.DataMarker]:
        return [mk for mk in self.markers
                if mk.kind is MarkerKind.DISPUTED and mk.active_on(day)]  # fmt: skip


class Services:
    """All services of one unlocked case file, sharing one context (user, clock, HLC)."""

    def __init__(self, case_file: CaseFile, clock: Clock | None = None, document_max_mb: int = 25):
        self.ctx = ServiceContext(case_file, clock)
        self.clients = ClientService(self.ctx)
        self.cases = CaseService(self.ctx)
        self.plans = HelpPlanService(self.ctx)
        self.referrals = ReferralService(self.ctx)
        self.reviews = ReviewService(self.ctx)
        self.printing = PrintService(self.ctx)
        self.planning = PlanningService(self.ctx)
        self.reports = ReportService(self.ctx)
        self.imports = ImportService(self.ctx)
        self.follow_ups = FollowUpService(self.ctx)
        self.letters = LetterService(self.ctx)
        self.inbox = InboxService(self.ctx)
        self.merge = MergeService(self.ctx)
        self.access = AccessExportService(self.ctx)
        self.documents = DocumentService(self.ctx, document_max_mb)

    @property
    def user(self) -> m.User:
        return self.ctx.user

    def transaction(self):
        return self.ctx.transaction()

    def bulk(self):
        """Many use cases written all or nothing, at bulk speed (demo data, an import)."""
        return self.ctx.bulk()

    def client_file(self, case_id: str) -> ClientFile:
        """Everything the client file shows (but trauma referrals: those are opened
        explicitly, and each view is audited), read in one transaction."""
        with self.transaction() as tx:
            case = tx.get(m.Case, case_id)
            client = tx.get(m.Client, case.client_id)
            household = tx.get(m.Household, client.household_id) if client.household_id else None
            plan = self.plans.current(case_id)
            trauma = table_of(m.TraumaReferral)
            return ClientFile(
                case=case,
                client=client,
                household=household,
                members=self.clients.others_in_household(client) if household else [],
                consents=self.clients.consents(client.id),
                plan=plan,
                entries=[masked(e) for e in self.plans.entries(plan.id)] if plan else [],
                course_referrals=self.referrals.course_referrals(case_id),
                trauma_referral_count=sum(
                    1
                    for r in tx.find(m.TraumaReferral, trauma.c.case_id == case_id)
                    if tx.may_see_trauma(r)
                ),
                notes=self.cases.notes(case_id),
                comments=self.reviews.comments(case_id),
                municipalities=self.clients.municipalities(),
                markers=self.clients.markers(client.id),
                documents=self.documents.documents(case_id),
                deleted_on=case_deleted_on(case, _case_years(tx)),
            )

    def trauma_section(self, case_id: str) -> TraumaSection:
        """What the trauma tab shows once opened, read in one transaction: the case's
        trauma referrals the user may see (each one a view, audited), the requests that
        count for each (current_placements) and the offers by id."""
        with self.transaction():
            referrals = self.referrals.trauma_referrals(case_id)
            placements: dict[str, list[m.TraumaPlacement]] = {}
            for placement in current_placements(self.planning.for_case(case_id)):
                placements.setdefault(placement.trauma_referral_id, []).append(placement)
            offers = {row.offer.id: row.offer for row in self.planning.offers()}
        return TraumaSection(referrals, placements, offers)

    def case_history(self, case_id: str) -> list[m.AuditEvent]:
        """Audit events of the case and everything that belongs to it, oldest first: this
        laptop's own, and everyone else's the office sent (a team lead's edits and
        approvals, a colleague's views)."""
        with self.transaction() as tx:
            case = tx.get(m.Case, case_id)
            client = tx.get(m.Client, case.client_id)
            ids = {case.id, client.id}
            if client.household_id:
                ids.add(client.household_id)
            by_case = (
                m.HelpPlan,
                m.CourseReferral,
                m.TraumaReferral,
                m.ContactNote,
                m.ReviewComment,
                m.Reminder,
                m.Document,
            )
            for cls in by_case:
                t = table_of(cls)
                ids.update(r.id for r in tx.find(cls, t.c.case_id == case_id))
            for plan in tx.find(m.HelpPlan, table_of(m.HelpPlan).c.case_id == case_id):
                t = table_of(m.HelpPlanEntry)
                ids.update(e.id for e in tx.find(m.HelpPlanEntry, t.c.help_plan_id == plan.id))
            t = table_of(m.ConsentRecord)
            ids.update(c.id for c in tx.find(m.ConsentRecord, t.c.client_id == client.id))
            own = audit.audit_events_for(tx.conn, ids)
            others = audit.remote_events_for(tx.conn, ids)
            return sorted([*own, *others], key=lambda e: e.at)

    def restore(self, cls: type[m.Record], record_id: str, values: dict) -> m.Record:
        """Undo: put back earlier values, status included (no workflow check: going back
        is always allowed). Logged, audited and synced like any change."""
        with self.transaction() as tx:
            return tx.update(cls, record_id, check_transition=False, **values)

    def conflicts(self, case_id: str | None = None, open_only: bool = True) -> list[m.Conflict]:
        return self.inbox.conflicts(case_id, open_only)

    def resolve_conflict(self, conflict_id: str, text: str) -> m.Conflict:
        return self.inbox.resolve_conflict(conflict_id, text)

    def unsynced_changes(self) -> int:
        with self.ctx.read() as conn:
            return changelog.unsynced_count(conn)

    def history(self, entity: str, entity_id: str) -> list[m.AuditEvent]:
        with self.ctx.read() as conn:
            return audit.audit_events(conn, entity, entity_id)


__all__ = ["ClientFile", "HouseholdMember", "NewClient", "Release", "Services"]


def _case_years(tx) -> int | None:
    """The office's rule for closed cases, as the last sync brought it (None: not yet)."""
    stored = tx.ctx.case_file.state(tx.conn, RETENTION_RULES)
    return json.loads(stored)["case_years"] if stored else None
