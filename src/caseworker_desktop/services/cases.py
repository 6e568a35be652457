"""Cases, contact notes and the caseload overview."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa

from ..domain import model as m
from ..domain.enums import (
    CaseStatus,
    ClosingReason,
    ContactKind,
    CourseReferralStatus,
    HelpPlanStatus,
    LifeArea,
    PlacementStatus,
    TraumaReferralStatus,
)
from ..domain.errors import CaseworkerError
from ..domain.hlc import wall_prefix
from ..storage.orm import row_clock, table_of
from .context import ServiceContext

OPEN_COURSE = (
    CourseReferralStatus.PROPOSED,
    CourseReferralStatus.REGISTERED,
    CourseReferralStatus.WAITING_LIST,
    CourseReferralStatus.STARTED,
)
OPEN_TRAUMA = (
    TraumaReferralStatus.REQUESTED,
    TraumaReferralStatus.SLOT_ASSIGNED,
    TraumaReferralStatus.ASSESSED,
)
# Referrals that wait for someone else; "stalled" when their status has not moved for weeks.
WAITING_COURSE = (
    CourseReferralStatus.PROPOSED,
    CourseReferralStatus.REGISTERED,
    CourseReferralStatus.WAITING_LIST,
)
STALLED_WEEKS = 8
NO_CONTACT_WEEKS = 6


@dataclass(frozen=True)
class CaseloadRow:
    case_id: str
    client_id: str
    reference: str
    client_name: str
    municipality: str
    status: CaseStatus
    next_review_on: date | None
    open_referrals: int
    last_contact_on: date | None
    caseworker_id: str = ""
    caseworker_name: str = ""
    opened_on: date | None = None
    plan_status: HelpPlanStatus | None = None  # of the newest help plan
    stalled_referrals: int = 0  # open referrals whose status has not moved for weeks
    open_comments: int = 0  # review comments not marked done
    # What else a caseworker remembers a client by, for the search: birth date, phone,
    # address, the names of the others in the household
    search_text: str = ""

    def review_overdue(self, today: date) -> bool:
        return self.next_review_on is not None and self.next_review_on < today

    def without_contact(self, today: date, weeks: int = NO_CONTACT_WEEKS) -> bool:
        """No contact note for `weeks` (counted from the case's start if there is none)."""
        if self.status is CaseStatus.CLOSED:
            return False
        since = self.last_contact_on or self.opened_on
        return since is not None and since < today - timedelta(weeks=weeks)

    @property
    def awaiting_approval(self) -> bool:
        return self.plan_status is HelpPlanStatus.AGREED


class CaseService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def get(self, case_id: str) -> m.Case:
        with self.ctx.transaction() as tx:
            return tx.get(m.Case, case_id)

    def open_case(self, client_id: str, opened_on: date | None = None) -> m.Case:
        with self.ctx.transaction() as tx:
            tx.get(m.Client, client_id)
            return tx.add(
                m.Case(
                    client_id=client_id, caseworker_id=tx.user.id, opened_on=opened_on or tx.today
                )
            )

    def set_dormant(self, case_id: str) -> m.Case:
        with self.ctx.transaction() as tx:
            return tx.update(m.Case, case_id, status=CaseStatus.DORMANT)

    def close(
        self, case_id: str, reason: ClosingReason, closed_on: date | None = None, note: str = ""
    ) -> m.Case:
        with self.ctx.transaction() as tx:
            return tx.update(
                m.Case,
                case_id,
                status=CaseStatus.CLOSED,
                closed_on=closed_on or tx.today,
                closing_reason=reason,
                closing_note=note,
            )

    def reopen(self, case_id: str) -> m.Case:
        with self.ctx.transaction() as tx:
            return tx.update(
                m.Case,
                case_id,
                status=CaseStatus.OPEN,
                closed_on=None,
                closing_reason=None,
                merged_into_id=None,  # a merged duplicate reopened is a case of its own again
            )

    # --- erasure on request (GDPR Art. 17) -----------------------------------------------

    def request_erasure(self, case_id: str, requested_on: date) -> m.Case:
        """The person asked for their data to be erased: recorded in the case; the team
        lead confirms, then the office deletes it everywhere (office/retention.py)."""
        with self.ctx.transaction() as tx:
            case = tx.get(m.Case, case_id)
            if case.erasure_requested_on is not None:
                raise CaseworkerError(
                    f"Die Löschung wurde schon am {case.erasure_requested_on:%d.%m.%Y} beantragt."
                )
            return tx.update(m.Case, case_id, erasure_requested_on=requested_on)

    def withdraw_erasure_request(self, case_id: str) -> m.Case:
        with self.ctx.transaction() as tx:
            return tx.update(m.Case, case_id, erasure_requested_on=None, erasure_confirmed_by=None)

    def confirm_erasure(self, case_id: str) -> m.Case:
        """The team lead's confirmation (the office deletes the case at its next run)."""
        with self.ctx.transaction() as tx:
            case = tx.get(m.Case, case_id)
            if case.erasure_requested_on is None:
                raise CaseworkerError("Für diese Akte liegt kein Löschantrag vor.")
            return tx.update(m.Case, case_id, erasure_confirmed_by=tx.user.id)

    # --- contact notes -----------------------------------------------------------------

    def add_note(
        self,
        case_id: str,
        *,
        kind: ContactKind,
        text: str,
        contact_on: date | None = None,
        duration_minutes: int = 0,
        life_areas: tuple[LifeArea, ...] = (),
    ) -> m.ContactNote:
        with self.ctx.transaction() as tx:
            tx.get(m.Case, case_id)
            return tx.add(
                m.ContactNote(
                    case_id=case_id,
                    contact_on=contact_on or tx.today,
                    kind=kind,
                    duration_minutes=duration_minutes,
                    life_areas=",".join(area.value for area in life_areas),
                    text=text,
                    author_id=tx.user.id,
                )
            )

    def update_note(self, note_id: str, **changes) -> m.ContactNote:
        with self.ctx.transaction() as tx:
            return tx.update(m.ContactNote, note_id, **changes)

    def delete_note(self, note_id: str) -> None:
        with self.ctx.transaction() as tx:
            tx.delete(m.ContactNote, note_id)

    def notes(self, case_id: str) -> list[m.ContactNote]:
        with self.ctx.transaction() as tx:
            t = table_of(m.ContactNote)
            return tx.find(m.ContactNote, t.c.case_id == case_id, order_by=(t.c.contact_on.desc(),))

    # --- overview ----------------------------------------------------------------------

    def caseload(
        self, *, everyone: bool = False, stalled_weeks: int = STALLED_WEEKS
    ) -> list[CaseloadRow]:
        """One row per case, in one query (for thousands of clients): the user's own cases,
        or (`everyone`, the team lead's review) every case in the file, which after sync
        is the team's caseload."""
        case, client = table_of(m.Case), table_of(m.Client)
        household, muni = table_of(m.Household), table_of(m.Municipality)
        plan, note = table_of(m.HelpPlan), table_of(m.ContactNote)
        course, trauma = table_of(m.CourseReferral), table_of(m.TraumaReferral)
        placement, comment = table_of(m.TraumaPlacement), table_of(m.ReviewComment)
        user, clock = table_of(m.User), row_clock
        live = lambda t: t.c.deleted.is_(False)  # noqa: E731
        next_review = (
            # the newest plan has the latest review date
            sa.select(plan.c.case_id, sa.func.max(plan.c.next_review_on).label("next_review"))
            .where(live(plan))
            .group_by(plan.c.case_id)
            .subquery()
        )
        newest_plan_status = (
            sa.select(plan.c.status)
            .where(plan.c.case_id == case.c.id, live(plan))
            .order_by(plan.c.period_start.desc())
            .limit(1)
            .scalar_subquery()
        )
        last_contact = (
            sa.select(note.c.case_id, sa.func.max(note.c.contact_on).label("last_contact"))
            .where(live(note))
            .group_by(note.c.case_id)
            .subquery()
        )
        open_refs = sa.union_all(
            sa.select(course.c.case_id).where(
                live(course), course.c.status.in_([s.value for s in OPEN_COURSE])
            ),
            sa.select(trauma.c.case_id).where(
                live(trauma), trauma.c.status.in_([s.value for s in OPEN_TRAUMA])
            ),
        ).subquery()
        ref_count = (
            sa.select(open_refs.c.case_id, sa.func.count().label("n"))
            .group_by(open_refs.c.case_id)
            .subquery()
        )
        # The status field's clock says when the status last changed (here or elsewhere).
        cutoff_ms = int((self.ctx.clock.time() - stalled_weeks * 7 * 86400) * 1000)
        cutoff_hlc = wall_prefix(cutoff_ms)

        def stalled(table, statuses):
            return (
                sa.select(table.c.case_id)
                .join(
                    clock,
                    sa.and_(clock.c.table_name == table.name, clock.c.row_id == table.c.id),
                )
                .where(
                    live(table),
                    table.c.status.in_([s.value for s in statuses]),
                    sa.func.field_hlc(clock.c.table_name, clock.c.clocks, "status") < cutoff_hlc,
                )
            )

        stalled_refs = sa.union_all(
            stalled(course, WAITING_COURSE),
            stalled(placement, (PlacementStatus.WAITING,)),
        ).subquery()
        stalled_count = (
            sa.select(stalled_refs.c.case_id, sa.func.count().label("n"))
            .group_by(stalled_refs.c.case_id)
            .subquery()
        )
        comments = (
            sa.select(comment.c.case_id, sa.func.count().label("n"))
            .where(live(comment), comment.c.resolved.is_(False))
            .group_by(comment.c.case_id)
            .subquery()
        )
        others = client.alias("other")
        household_names = (
            sa.select(sa.func.group_concat(others.c.first_name + " " + others.c.last_name, " "))
            .where(
                others.c.household_id == client.c.household_id,
                others.c.id != client.c.id,
                live(others),
            )
            .scalar_subquery()
        )
        query = (
            sa.select(
                case.c.id,
                case.c.client_id,
                case.c.reference,
                client.c.first_name,
                client.c.last_name,
                muni.c.name,
                case.c.status,
                next_review.c.next_review,
                sa.func.coalesce(ref_count.c.n, 0),
                last_contact.c.last_contact,
                case.c.caseworker_id,
                user.c.display_name,
                case.c.opened_on,
                newest_plan_status,
                sa.func.coalesce(stalled_count.c.n, 0),
                sa.func.coalesce(comments.c.n, 0),
                client.c.birth_date,
                client.c.phone,
                household.c.address,
                household_names,
            )
            .select_from(case)
            .join(client, client.c.id == case.c.client_id)
            .outerjoin(household, household.c.id == client.c.household_id)
            .outerjoin(muni, muni.c.id == household.c.municipality_id)
            .outerjoin(next_review, next_review.c.case_id == case.c.id)
            .outerjoin(last_contact, last_contact.c.case_id == case.c.id)
            .outerjoin(ref_count, ref_count.c.case_id == case.c.id)
            .outerjoin(stalled_count, stalled_count.c.case_id == case.c.id)
            .outerjoin(comments, comments.c.case_id == case.c.id)
            .outerjoin(user, user.c.id == case.c.caseworker_id)
            .where(live(case), live(client))
            .order_by(client.c.last_name, client.c.first_name)
        )
        if not everyone:
            query = query.where(case.c.caseworker_id == self.ctx.user.id)
        with self.ctx.read() as conn:
            return [
                CaseloadRow(
                    case_id=r[0],
                    client_id=r[1],
                    reference=r[2],
                    client_name=f"{r[4]}, {r[3]}",
                    municipality=r[5] or "",
                    status=r[6],
                    next_review_on=_as_date(r[7]),
                    open_referrals=r[8],
                    last_contact_on=_as_date(r[9]),
                    caseworker_id=r[10],
                    caseworker_name=r[11] or "",
                    opened_on=_as_date(r[12]),
                    plan_status=HelpPlanStatus(r[13]) if r[13] else None,
                    stalled_referrals=r[14],
                    open_comments=r[15],
                    search_text=_search_text(_as_date(r[16]), r[17], r[18], r[19]),
                )
                for r in conn.execute(query).all()  # (all at once: a fetch per row cost more)
            ]


_NOT_DIGITS = str.maketrans("", "", " +-/()")


def _search_text(born: date | None, phone: str, address: str | None, others: str | None) -> str:
    phone = phone or ""
    digits = phone.translate(_NOT_DIGITS)
    if not digits.isdigit():  # anything else than the usual separators
        digits = "".join(ch for ch in phone if ch.isdigit())
    parts = [phone, digits, address or ""]
    if born is not None:
        parts += [f"{born.day:02d}.{born.month:02d}.{born.year:04d}", born.isoformat()]
    return " ".join([*parts, others or ""])


def _as_date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)
