"""Use cases over the case file. One transaction each; no Qt."""

from __future__ import annotations

from ..clock import Clock
from ..domain import model as m
from ..storage import changelog
from ..storage.casefile import CaseFile
from .cases import CaseService
from .clients import ClientService, NewClient
from .context import ServiceContext
from .help_plans import HelpPlanService
from .referrals import ReferralService
from .reviews import ReviewService


class Services:
    """All services of one unlocked case file, sharing one context (user, clock, HLC)."""

    def __init__(self, case_file: CaseFile, clock: Clock | None = None):
        self.ctx = ServiceContext(case_file, clock)
        self.clients = ClientService(self.ctx)
        self.cases = CaseService(self.ctx)
        self.plans = HelpPlanService(self.ctx)
        self.referrals = ReferralService(self.ctx)
        self.reviews = ReviewService(self.ctx)

    @property
    def user(self) -> m.User:
        return self.ctx.user

    def transaction(self):
        return self.ctx.transaction()

    def unsynced_changes(self) -> int:
        with self.ctx.read() as conn:
            return changelog.unsynced_count(conn)

    def history(self, entity: str, entity_id: str) -> list[m.AuditEvent]:
        with self.ctx.read() as conn:
            return changelog.audit_events(conn, entity, entity_id)


__all__ = ["NewClient", "Services"]
