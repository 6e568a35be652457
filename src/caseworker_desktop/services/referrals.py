"""Language-course referrals and trauma referrals (restricted; every view is audited)."""

from __future__ import annotations

from datetime import date

from ..domain import model as m
from ..domain.enums import AuditAction, CourseType, LanguageLevel, TraumaReferralStatus
from ..domain.errors import PermissionDeniedError
from ..storage.orm import table_of
from .context import ServiceContext


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
        consent_given: bool = False,
    ) -> m.TraumaReferral:
        """Request an assessment in the monthly trauma consultation hour, for a client's
        case, or (case_id None) for the caseworker's own case consultation."""
        with self.ctx.transaction() as tx:
            if case_id is not None:
                tx.get(m.Case, case_id)
            return tx.add(
                m.TraumaReferral(
                    case_id=case_id,
                    caseworker_id=tx.user.id,
                    own_consultation=case_id is None,
                    requested_on=requested_on or tx.today,
                    consent_given=consent_given,
                )
            )

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
            tx.require_trauma_access(tx.get(m.TraumaReferral, referral_id))
            return tx.update(m.TraumaReferral, referral_id, **changes)

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
