"""Language-course referrals and trauma referrals (restricted; every view is audited)."""

from __future__ import annotations

from datetime import date

from ..domain import model as m
from ..domain.enums import (
    AuditAction,
    ConsentRecipient,
    CourseReferralStatus,
    CourseType,
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
    ) -> m.CourseReferral:
        with self.ctx.transaction() as tx:
            tx.get(m.Case, case_id)
            return tx.add(
                m.CourseReferral(
                    case_id=case_id,
                    course_type=course_type,
                    target_level=target_level,
                    provider=provider,
                    start_on=start_on,
                    childcare_needed=childcare_needed,
                    note=note,
                )
            )

    def update_course_referral(self, referral_id: str, **changes) -> m.CourseReferral:
        with self.ctx.transaction() as tx:
            old = tx.get(m.CourseReferral, referral_id)
            status = changes.get("status", old.status)
            if status is CourseReferralStatus.COMPLETED:
                # The report counts completions by this date: today unless given.
                if changes.get("completed_on", old.completed_on) is None:
                    changes["completed_on"] = tx.today
            elif old.completed_on is not None and "completed_on" not in changes:
                changes["completed_on"] = None  # reopened (undo): no completion date
            return tx.update(m.CourseReferral, referral_id, **changes)

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
    ) -> m.TraumaReferral:
        """Request an assessment in the monthly trauma consultation hour, for a client's
        case, or (case_id None) for the caseworker's own case consultation.

        A client's request waits for a slot only with a valid release for the trauma
        consultation: one on record, or `release` (signed now, recorded with the request).
        consent_given True without one is refused; None: whatever is on record."""
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
    )
