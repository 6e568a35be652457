"""Help plans (Hilfeplan): goals and measures per life area, review, agreement, approval."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from datetime import date

from ..domain import model as m
from ..domain import rules
from ..domain.enums import AuditAction, EntryStatus, HelpPlanStatus, LifeArea, Role
from ..domain.errors import CaseworkerError
from ..storage.changelog import diff
from ..storage.orm import table_of
from .context import ServiceContext, Tx

# Fields that record the plan's state rather than its content.
PLAN_STATE_FIELDS = frozenset({"status", "agreed_on", "signed", "approved_by", "approved_on"})
# The text of an entry carried over from a trauma consultation is restricted like the
# consultation itself: hidden until someone with access opens it, and every opening audited.
RESTRICTED_TEXT = ("goal", "measures", "outcome_note")


def is_restricted(entry: m.HelpPlanEntry) -> bool:
    return entry.source_trauma_referral_id is not None


def masked(entry: m.HelpPlanEntry) -> m.HelpPlanEntry:
    """The entry as a list shows it: a restricted one without its text."""
    if not is_restricted(entry):
        return entry
    return dataclasses.replace(entry, **dict.fromkeys(RESTRICTED_TEXT, ""))


class HelpPlanService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def create(
        self, case_id: str, period_start: date, period_end: date, next_review_on: date
    ) -> m.HelpPlan:
        with self.ctx.transaction() as tx:
            tx.get(m.Case, case_id)
            return tx.add(
                m.HelpPlan(
                    case_id=case_id,
                    period_start=period_start,
                    period_end=period_end,
                    next_review_on=next_review_on,
                )
            )

    def get(self, plan_id: str) -> m.HelpPlan:
        with self.ctx.transaction() as tx:
            return tx.get(m.HelpPlan, plan_id)

    def plans(self, case_id: str) -> list[m.HelpPlan]:
        with self.ctx.transaction() as tx:
            t = table_of(m.HelpPlan)
            return tx.find(m.HelpPlan, t.c.case_id == case_id, order_by=(t.c.period_start.desc(),))

    def current(self, case_id: str) -> m.HelpPlan | None:
        plans = self.plans(case_id)
        return plans[0] if plans else None

    def update(self, plan_id: str, **changes) -> m.HelpPlan:
        with self.ctx.transaction() as tx:
            old = tx.get(m.HelpPlan, plan_id)
            plan = tx.update(m.HelpPlan, plan_id, **changes)
            content_changed = set(diff(old, plan)) - PLAN_STATE_FIELDS
            return _back_to_draft(tx, plan) if content_changed else plan

    def agree(self, plan_id: str, agreed_on: date | None = None, signed: bool = True) -> m.HelpPlan:
        """The plan was agreed with (and signed by) the client; it needs a goal."""
        with self.ctx.transaction() as tx:
            rules.validate_agreement(len(_entries(tx, plan_id)))
            return tx.update(
                m.HelpPlan,
                plan_id,
                status=HelpPlanStatus.AGREED,
                agreed_on=agreed_on or tx.today,
                signed=signed,
            )

    def approve(self, plan_id: str) -> m.HelpPlan:
        """Freigabe by the team lead, of an agreed plan the client signed."""
        with self.ctx.transaction() as tx:
            tx.require_role(Role.TEAM_LEAD)
            return tx.update(
                m.HelpPlan,
                plan_id,
                status=HelpPlanStatus.APPROVED,
                approved_by=tx.user.id,
                approved_on=tx.today,
            )

    # --- entries -----------------------------------------------------------------------

    def entries(self, plan_id: str) -> list[m.HelpPlanEntry]:
        with self.ctx.transaction() as tx:
            return _entries(tx, plan_id)

    def entries_by_area(self, plan_id: str) -> dict[LifeArea, list[m.HelpPlanEntry]]:
        """Entries grouped by life area, areas in the canonical order, entries by position."""
        grouped: dict[LifeArea, list[m.HelpPlanEntry]] = defaultdict(list)
        for entry in self.entries(plan_id):
            grouped[entry.life_area].append(entry)
        return {area: grouped[area] for area in LifeArea if area in grouped}

    def add_entry(
        self,
        plan_id: str,
        *,
        life_area: LifeArea,
        goal: str,
        measures: str = "",
        responsible: str = "",
        due_on: date | None = None,
        source_trauma_referral_id: str | None = None,
    ) -> m.HelpPlanEntry:
        with self.ctx.transaction() as tx:
            plan = tx.get(m.HelpPlan, plan_id)
            entry = m.HelpPlanEntry(
                help_plan_id=plan_id,
                life_area=life_area,
                position=_next_position(tx, plan_id),
                goal=goal.strip(),
                measures=measures,
                responsible=responsible,
                due_on=due_on,
                source_trauma_referral_id=source_trauma_referral_id,
            )
            rules.validate_entry(entry, plan)
            tx.add(entry)
            _back_to_draft(tx, plan)
            return entry

    def reveal_entry(self, entry_id: str) -> m.HelpPlanEntry:
        """A restricted entry's text, for someone who may see the consultation it came
        from; each call is an audited view (ordinary entries are returned as they are)."""
        with self.ctx.transaction() as tx:
            entry = tx.get(m.HelpPlanEntry, entry_id)
            if not is_restricted(entry):
                return entry
            t = table_of(m.TraumaReferral)
            for referral in tx.find(m.TraumaReferral, t.c.id == entry.source_trauma_referral_id):
                tx.require_trauma_access(referral)
            tx.audit(AuditAction.VIEW, entry, "vertraulicher Inhalt (Traumasprechstunde)")
            return entry

    def update_entry(self, entry_id: str, **changes) -> m.HelpPlanEntry:
        with self.ctx.transaction() as tx:
            old = tx.get(m.HelpPlanEntry, entry_id)
            plan = tx.get(m.HelpPlan, old.help_plan_id)
            if "due_on" in changes and changes["due_on"] is not None:
                probe = m.HelpPlanEntry(**{**old.__dict__, **changes})
                rules.validate_entry(probe, plan)
            entry = tx.update(m.HelpPlanEntry, entry_id, **changes)
            # Progress (status, outcome) is fine on a signed plan; new content is not.
            if set(diff(old, entry)) - {"status", "outcome_note"}:
                _back_to_draft(tx, plan)
            return entry

    def set_entry_status(
        self, entry_id: str, status: EntryStatus, outcome_note: str | None = None
    ) -> m.HelpPlanEntry:
        changes: dict[str, object] = {"status": status}
        if outcome_note is not None:
            changes["outcome_note"] = outcome_note
        return self.update_entry(entry_id, **changes)

    def move_entry(self, entry_id: str, new_index: int) -> list[m.HelpPlanEntry]:
        """Reorder: put the entry at `new_index` among the plan's entries (0-based)."""
        with self.ctx.transaction() as tx:
            entry = tx.get(m.HelpPlanEntry, entry_id)
            ordered = [e for e in _entries(tx, entry.help_plan_id) if e.id != entry_id]
            new_index = max(0, min(new_index, len(ordered)))
            ordered.insert(new_index, entry)
            for position, item in enumerate(ordered):
                if item.position != position:
                    tx.update(m.HelpPlanEntry, item.id, position=position)
            return _entries(tx, entry.help_plan_id)

    def delete_entry(self, entry_id: str) -> None:
        with self.ctx.transaction() as tx:
            entry = tx.get(m.HelpPlanEntry, entry_id)
            tx.delete(m.HelpPlanEntry, entry_id)
            _back_to_draft(tx, tx.get(m.HelpPlan, entry.help_plan_id))

    def carry_recommendation(
        self, trauma_referral_id: str, plan_id: str, life_area: LifeArea = LifeArea.HEALTH
    ) -> m.HelpPlanEntry:
        """The specialist's recommendation becomes a goal of the help plan (one action)."""
        with self.ctx.transaction() as tx:
            referral = tx.get(m.TraumaReferral, trauma_referral_id)
            tx.require_trauma_access(referral)
            plan = tx.get(m.HelpPlan, plan_id)
            if referral.case_id != plan.case_id:
                raise CaseworkerError("Die Empfehlung gehört zu einem anderen Fall.")
            if not referral.recommendation.strip():
                raise CaseworkerError("Die Abklärung enthält noch keine Empfehlung.")
            goal, measures = recommendation_goal(referral)
            return self.add_entry(
                plan_id,
                life_area=life_area,
                goal=goal,
                measures=measures,
                responsible="Klient:in und Integrationsmanagement",
                source_trauma_referral_id=referral.id,
            )


def recommendation_goal(referral: m.TraumaReferral) -> tuple[str, str]:
    """(goal, measures) of the help-plan entry a specialist's recommendation becomes."""
    return (
        f"Empfehlung der Traumasprechstunde umsetzen: {referral.recommendation.strip()}",
        referral.next_steps.strip(),
    )


def _entries(tx: Tx, plan_id: str) -> list[m.HelpPlanEntry]:
    t = table_of(m.HelpPlanEntry)
    return tx.find(m.HelpPlanEntry, t.c.help_plan_id == plan_id, order_by=(t.c.position,))


def _next_position(tx: Tx, plan_id: str) -> int:
    top = tx.scalar("SELECT max(position) FROM help_plan_entry WHERE help_plan_id = ?", plan_id)
    return 0 if top is None else top + 1


def _back_to_draft(tx: Tx, plan: m.HelpPlan) -> m.HelpPlan:
    """A changed plan is no longer the one the client signed or the team lead approved."""
    if plan.status is HelpPlanStatus.DRAFT:
        return plan
    return tx.update(
        m.HelpPlan,
        plan.id,
        status=HelpPlanStatus.DRAFT,
        signed=False,
        agreed_on=None,
        approved_by=None,
        approved_on=None,
    )
