"""Language-course referrals and trauma referrals (restricted; every view is audited)."""

from __future__ import annotations

from datetime import date

from ..domain import model as m
from ..domain.enums import (
    AuditAction,
    ConsentRecipient,
    CourseReferralStatus,
    CourseType,
    EntryStatus,
    LanguageLevel,
    PlacementStatus,
    TraumaOfferKind,
    TraumaReferralStatus,
)
from ..domain.errors import PermissionDeniedError, ValidationError
from ..storage.orm import table_of
from .clients import Release, add_consent, valid_release
from .context import ServiceContext, Tx
from .planning import request_placement

NO_RELEASE = (
    "Für die Traumasprechstunde liegt keine gültige Schweigepflichtentbindung vor. "
    "Bitte zuerst erfassen (Stammdaten → Einwilligungen)."
)


class ReferralService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    # --- language courses --------------------------------------------------------------

    def refer_to_course(
        self,
        case_id: str,
        *,
        course_type: CourseType,
        target_level: LanguageLevel,
        provider: str = "",
        start_on: date | None = None,
        childcare_needed: bool = False,
        note: str = "",
        help_plan_entry_id: str | None = None,
    ) -> m.CourseReferral:
        with self.ctx.transaction() as tx:
            tx.get(m.Case, case_id)
            referral = tx.add(
                m.CourseReferral(
                    case_id=case_id,
                    course_type=course_type,
                    target_level=target_level,
                    provider=provider,
                    start_on=start_on,
                    childcare_needed=childcare_needed,
                    note=note,
                    help_plan_entry_id=help_plan_entry_id,
                )
            )
            _check_goal(tx, referral)
            return referral

    def update_course_referral(self, referral_id: str, **changes) -> m.CourseReferral:
        with self.ctx.transaction() as tx:
            old = tx.get(m.CourseReferral, referral_id)
            status = changes.get("status", old.status)
            if status is CourseReferralStatus.STARTED and not changes.get("start_on", old.start_on):
                changes["start_on"] = tx.today  # marked as begun: today unless given
            if status is CourseReferralStatus.COMPLETED:
                # The report counts completions by this date: today unless given.
                if changes.get("completed_on", old.completed_on) is None:
                    changes["completed_on"] = tx.today
            elif old.completed_on is not None and "completed_on" not in changes:
                changes["completed_on"] = None  # reopened (undo): no completion date
            referral = tx.update(m.CourseReferral, referral_id, **changes)
            _check_goal(tx, referral)
            if referral.status is not old.status:
                _goal_follows(tx, referral)
            return referral

    def complete_course(
        self, referral_id: str, completed_on: date, level_achieved: LanguageLevel | None
    ) -> m.CourseReferral:
        """The course is over: end date and level reached in one step (a course only
        registered is taken as started); its help-plan goal follows."""
        with self.ctx.transaction() as tx:
            old = tx.get(m.CourseReferral, referral_id)
            if old.status in (CourseReferralStatus.REGISTERED, CourseReferralStatus.WAITING_LIST):
                tx.update(
                    m.CourseReferral,
                    referral_id,
                    status=CourseReferralStatus.STARTED,
                    start_on=old.start_on or completed_on,  # begun by the end at the latest
                )
            return self.update_course_referral(
                referral_id,
                status=CourseReferralStatus.COMPLETED,
                completed_on=completed_on,
                level_achieved=level_achieved,
            )

    def course_referrals(self, case_id: str) -> list[m.CourseReferral]:
        with self.ctx.transaction() as tx:
            t = table_of(m.CourseReferral)
            return tx.find(m.CourseReferral, t.c.case_id == case_id, order_by=(t.c.start_on,))

    # --- trauma consultation -----------------------------------------------------------

    def request_trauma_consultation(
        self,
        case_id: str | None,
        *,
        requested_on: date | None = None,
        consent_given: bool | None = None,
        release: Release | None = None,
        reason: str | None = None,
        urgent: bool = False,
        interpreter: str = "",
    ) -> m.TraumaReferral:
        """Request an assessment in the monthly trauma consultation hour, for a client's
        case, or (case_id None) for the caseworker's own case consultation.

        A client's request waits for a slot only with a valid release for the trauma
        consultation: one on record, or `release` (signed now, recorded with the request).
        consent_given True without one is refused; None: whatever is on record.
        `reason` (why the assessment is needed) is required when given (the window
        always gives it); urgency and interpreter language go to the coordinator."""
        if reason is not None and not reason.strip():
            raise ValidationError({"reason": "Bitte den Anlass der Anfrage nennen."})
        with self.ctx.transaction() as tx:
            if case_id is not None:
                case = tx.get(m.Case, case_id)
                if release is not None:
                    recipient = ConsentRecipient.TRAUMA_CONSULTATION
                    add_consent(tx, release.record(case.client_id, recipient))
                has_release = (
                    valid_release(tx, case.client_id, ConsentRecipient.TRAUMA_CONSULTATION)
                    is not None
                )
                if consent_given and not has_release:
                    raise ValidationError({"consent_given": NO_RELEASE})
                consent_given = has_release if consent_given is None else consent_given
            referral = tx.add(
                m.TraumaReferral(
                    case_id=case_id,
                    caseworker_id=tx.user.id,
                    own_consultation=case_id is None,
                    requested_on=requested_on or tx.today,
                    consent_given=bool(consent_given),
                    reason=(reason or "").strip(),
                    urgent=urgent,
                    interpreter=interpreter.strip().lower(),
                )
            )
            _queue_for_consultation(tx, referral)
            return referral

    def view_trauma_referral(self, referral_id: str) -> m.TraumaReferral:
        with self.ctx.transaction() as tx:
            referral = tx.get(m.TraumaReferral, referral_id)
            tx.require_trauma_access(referral)
            tx.audit(AuditAction.VIEW, referral)
            return referral

    def trauma_referrals(self, case_id: str) -> list[m.TraumaReferral]:
        """The case's trauma referrals the user may see; each one returned is a view."""
        with self.ctx.transaction() as tx:
            t = table_of(m.TraumaReferral)
            visible = []
            for referral in tx.find(
                m.TraumaReferral, t.c.case_id == case_id, order_by=(t.c.requested_on,)
            ):
                try:
                    tx.require_trauma_access(referral)
                except PermissionDeniedError:
                    continue
                tx.audit(AuditAction.VIEW, referral)
                visible.append(referral)
            return visible

    def update_trauma_referral(self, referral_id: str, **changes) -> m.TraumaReferral:
        with self.ctx.transaction() as tx:
            old = tx.get(m.TraumaReferral, referral_id)
            tx.require_trauma_access(old)
            if changes.get("consent_given") and not old.consent_given and old.case_id:
                client_id = tx.get(m.Case, old.case_id).client_id
                if valid_release(tx, client_id, ConsentRecipient.TRAUMA_CONSULTATION) is None:
                    raise ValidationError({"consent_given": NO_RELEASE})
            referral = tx.update(m.TraumaReferral, referral_id, **changes)
            _queue_for_consultation(tx, referral)
            return referral

    def assign_consultation(
        self, referral_id: str, consultation_date: date, specialist: str = ""
    ) -> m.TraumaReferral:
        return self.update_trauma_referral(
            referral_id,
            status=TraumaReferralStatus.SLOT_ASSIGNED,
            consultation_date=consultation_date,
            specialist=specialist,
        )

    def record_assessment(
        self, referral_id: str, *, outcome: str, recommendation: str, next_steps: str = ""
    ) -> m.TraumaReferral:
        return self.update_trauma_referral(
            referral_id,
            status=TraumaReferralStatus.ASSESSED,
            assessment_outcome=outcome,
            recommendation=recommendation,
            next_steps=next_steps,
        )


def _queue_for_consultation(tx: Tx, referral: m.TraumaReferral) -> None:
    """A requested consultation goes on the waiting list for a slot as soon as it may:
    at once for one's own consultation, for a client once the release is recorded."""
    if referral.status is not TraumaReferralStatus.REQUESTED:
        return
    if not (referral.own_consultation or referral.consent_given):
        return
    t = table_of(m.TraumaPlacement)
    for placement in tx.find(m.TraumaPlacement, t.c.trauma_referral_id == referral.id):
        if placement.kind is TraumaOfferKind.CONSULTATION and placement.status in (
            PlacementStatus.WAITING,
            PlacementStatus.ASSIGNED,
        ):
            return
    request_placement(
        tx,
        TraumaOfferKind.CONSULTATION,
        case_id=referral.case_id,
        trauma_referral_id=referral.id,
        urgent=referral.urgent,
        interpreter=referral.interpreter,
    )


LEVELS = list(LanguageLevel)


def _check_goal(tx: Tx, referral: m.CourseReferral) -> None:
    if referral.help_plan_entry_id is None:
        return
    entry = tx.get(m.HelpPlanEntry, referral.help_plan_entry_id)
    if tx.get(m.HelpPlan, entry.help_plan_id).case_id != referral.case_id:
        raise ValidationError(
            {"help_plan_entry_id": "Das Ziel gehört zum Hilfeplan eines anderen Falls."}
        )


def _goal_follows(tx: Tx, referral: m.CourseReferral) -> None:
    """The linked help-plan goal follows the course: in progress once it starts,
    achieved when it ends at the target level (or above), with what was reached."""
    if referral.help_plan_entry_id is None:
        return
    entry = tx.get(m.HelpPlanEntry, referral.help_plan_entry_id)
    if entry.deleted or entry.status in (EntryStatus.DROPPED, EntryStatus.NOT_ACHIEVED):
        return
    changes: dict[str, object] = {}
    if referral.status is CourseReferralStatus.STARTED and entry.status is EntryStatus.OPEN:
        changes["status"] = EntryStatus.IN_PROGRESS
    elif referral.status is CourseReferralStatus.COMPLETED:
        reached = referral.level_achieved
        day = f"{referral.completed_on:%d.%m.%Y}" if referral.completed_on else ""
        if reached is not None and LEVELS.index(reached) >= LEVELS.index(referral.target_level):
            changes["status"] = EntryStatus.ACHIEVED
            changes["outcome_note"] = (
                f"Kurs am {day} abgeschlossen, Niveau {reached.value} erreicht."
            )
        else:
            changes["status"] = EntryStatus.IN_PROGRESS
            shown = reached.value if reached else "ohne Zertifikat"
            changes["outcome_note"] = (
                f"Kurs am {day} abgeschlossen: {shown} (Ziel {referral.target_level.value})."
            )
    if changes:
        tx.update(m.HelpPlanEntry, entry.id, **changes)
