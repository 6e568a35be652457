"""Two records of one person made one. The caseworker keeps one case with its client, takes
over the fields of the other client they choose, and the other case is closed as a duplicate
that names the kept one. The duplicate's valid consents are carried over (the person signed
them), and its client notes are added to the kept client's, so no text is lost.

Nothing moves between cases and nothing is deleted: the office keeps every row in the case it
was written in (a row's case is fixed), so the duplicate case with its plan, referrals and
notes stays readable as a closed case, and both sides of the merge sync like any other
change. Open referrals are finished in the duplicate first (or that case is the one kept)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..domain import model as m
from ..domain.duplicates import Person, possible_duplicates
from ..domain.enums import (
    AuditAction,
    CaseStatus,
    ClosingReason,
    ConsentRecipient,
    CourseReferralStatus,
    TraumaReferralStatus,
)
from ..domain.errors import CaseworkerError
from ..storage.orm import table_of
from .context import ServiceContext, Tx

# The client's fields a caseworker chooses between (notes are joined, never chosen; the
# household stays the kept client's: it belongs to the kept case at the office)
CHOSEN_FIELDS = (
    "first_name",
    "last_name",
    "birth_date",
    "gender",
    "nationality",
    "languages",
    "residence_status",
    "arrival_date",
    "phone",
    "employment",
    "employment_since",
)
OPEN_COURSE = frozenset(
    {
        CourseReferralStatus.PROPOSED,
        CourseReferralStatus.REGISTERED,
        CourseReferralStatus.WAITING_LIST,
        CourseReferralStatus.STARTED,
    }
)
OPEN_TRAUMA = frozenset(
    {
        TraumaReferralStatus.REQUESTED,
        TraumaReferralStatus.SLOT_ASSIGNED,
        TraumaReferralStatus.ASSESSED,
    }
)


class MergeError(CaseworkerError):
    pass


@dataclass(frozen=True)
class MergePlan:
    """What a merge of `duplicate` into `kept` would do, shown before it is done."""

    kept_case: m.Case
    kept: m.Client
    duplicate_case: m.Case
    duplicate: m.Client
    differing: tuple[str, ...]  # CHOSEN_FIELDS whose values differ
    consents: int  # consents carried over or withdrawn (ConsentStep)
    blockers: tuple[str, ...]  # German: why it cannot be merged yet


class MergeService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def plan(self, kept_case_id: str, duplicate_case_id: str) -> MergePlan:
        with self.ctx.transaction() as tx:
            return _plan(tx, kept_case_id, duplicate_case_id)

    def merge(
        self, kept_case_id: str, duplicate_case_id: str, take: tuple[str, ...] = ()
    ) -> m.Case:
        """Merge; `take`: the fields of CHOSEN_FIELDS whose value comes from the duplicate.
        One transaction: all of it or nothing. Returns the kept case."""
        unknown = set(take) - set(CHOSEN_FIELDS)
        if unknown:
            raise ValueError(f"not a field to choose: {sorted(unknown)}")
        with self.ctx.transaction() as tx:
            plan = _plan(tx, kept_case_id, duplicate_case_id)
            if plan.blockers:
                raise MergeError(" ".join(plan.blockers))
            kept, duplicate = plan.kept, plan.duplicate
            ref = plan.duplicate_case.reference
            changes = {name: getattr(duplicate, name) for name in take}
            if duplicate.notes.strip() and duplicate.notes.strip() not in kept.notes:
                joined = f"{kept.notes.rstrip()}\n\n" if kept.notes.strip() else ""
                changes["notes"] = f"{joined}Aus Akte {ref}: {duplicate.notes.strip()}"
            if changes:
                tx.update(m.Client, kept.id, **changes)
            for step in _consent_steps(tx, kept, duplicate):
                if step.withdraw is not None:  # the person withdrew later, on the other record
                    tx.update(m.ConsentRecord, step.withdraw.id, withdrawn_on=step.withdrawn_on)
                if step.carry is not None:
                    consent = step.carry
                    tx.add(
                        m.ConsentRecord(
                            client_id=kept.id,
                            kind=consent.kind,
                            recipient=consent.recipient,
                            given_on=consent.given_on,
                            valid_until=consent.valid_until,
                            withdrawn_on=consent.withdrawn_on,
                            scope=f"{consent.scope} (übernommen aus Akte {ref})".strip(),
                        )
                    )
            markers = table_of(m.DataMarker)
            for marker in tx.find(m.DataMarker, markers.c.client_id == duplicate.id):
                if marker.active_on(tx.today):  # a restriction or dispute must not get lost
                    tx.add(
                        m.DataMarker(
                            client_id=kept.id, kind=marker.kind, field=marker.field,
                            reason=f"{marker.reason} (übernommen aus Akte {ref})",
                            set_on=marker.set_on,
                        )
                    )  # fmt: skip
            reminders = table_of(m.Reminder)
            for reminder in tx.find(m.Reminder, reminders.c.case_id == plan.duplicate_case.id,
                                    reminders.c.done_on.is_(None)):  # fmt: skip
                tx.add(m.Reminder(case_id=kept_case_id, due_on=reminder.due_on,
                                  text=reminder.text, author_id=tx.user.id))  # fmt: skip
                tx.update(m.Reminder, reminder.id, done_on=tx.today)  # moved, not lost
            old = plan.duplicate_case
            tx.update(
                m.Case,
                old.id,
                check_transition=old.status is not CaseStatus.CLOSED,
                status=CaseStatus.CLOSED,
                closed_on=old.closed_on if old.status is CaseStatus.CLOSED else tx.today,
                closing_reason=ClosingReason.DUPLICATE,
                closing_note=_joined(
                    old.closing_note,
                    f"Doppelt angelegt; zusammengeführt mit Akte {plan.kept_case.reference}.",
                ),
                merged_into_id=kept_case_id,
            )
            detail = f"Akte {ref} zusammengeführt in {plan.kept_case.reference}"
            if take:
                detail += f"; übernommen: {','.join(sorted(take))}"
            tx.audit(AuditAction.MERGE, plan.kept_case, detail)
            tx.audit(AuditAction.MERGE, old, detail)
            tx.touched.append(("case_file", kept_case_id))
            return plan.kept_case

    def candidates(self, case_id: str) -> list[tuple[m.Case, m.Client]]:
        """Other records that may be this case's person (domain.duplicates), each with its
        newest case that was not merged away, newest first."""
        with self.ctx.transaction() as tx:
            client = tx.get(m.Client, tx.get(m.Case, case_id).client_id)
            newest: dict[str, m.Case] = {}
            cases = table_of(m.Case)
            for case in tx.find(m.Case, order_by=cases.c.opened_on):
                if case.closing_reason is not ClosingReason.DUPLICATE:
                    newest[case.client_id] = case
            others = [c for c in tx.find(m.Client) if c.id != client.id and c.id in newest]
            people = [Person(c.id, c.first_name, c.last_name, c.birth_date) for c in others]
            this = Person(client.id, client.first_name, client.last_name, client.birth_date)
            found = {p.id for p in possible_duplicates(this, people)}
            result = [(newest[c.id], c) for c in others if c.id in found]
            return sorted(result, key=lambda pair: pair[0].opened_on, reverse=True)

    def merged_into_here(self, case_id: str) -> list[m.Case]:
        """The duplicates that were merged into this case."""
        with self.ctx.transaction() as tx:
            cases = table_of(m.Case)
            return tx.find(m.Case, cases.c.merged_into_id == case_id, order_by=cases.c.opened_on)


def _plan(tx: Tx, kept_case_id: str, duplicate_case_id: str) -> MergePlan:
    kept_case = tx.get(m.Case, kept_case_id)
    duplicate_case = tx.get(m.Case, duplicate_case_id)
    if kept_case.id == duplicate_case.id:
        raise MergeError("Eine Akte kann nicht mit sich selbst zusammengeführt werden.")
    for case in (kept_case, duplicate_case):
        if case.closing_reason is ClosingReason.DUPLICATE:
            raise MergeError(f"Die Akte {case.reference} ist schon zusammengeführt.")
    kept = tx.get(m.Client, kept_case.client_id)
    duplicate = tx.get(m.Client, duplicate_case.client_id)
    if kept.id == duplicate.id:
        raise MergeError("Beide Akten gehören schon zu derselben Person.")
    differing = tuple(n for n in CHOSEN_FIELDS if getattr(kept, n) != getattr(duplicate, n))
    return MergePlan(
        kept_case=kept_case,
        kept=kept,
        duplicate_case=duplicate_case,
        duplicate=duplicate,
        differing=differing,
        consents=len(_consent_steps(tx, kept, duplicate)),
        blockers=_blockers(tx, duplicate_case),
    )


def _blockers(tx: Tx, case: m.Case) -> tuple[str, ...]:
    courses = table_of(m.CourseReferral)
    trauma = table_of(m.TraumaReferral)
    open_courses = tx.find(
        m.CourseReferral, courses.c.case_id == case.id, courses.c.status.in_(list(OPEN_COURSE))
    )
    open_trauma = tx.find(
        m.TraumaReferral, trauma.c.case_id == case.id, trauma.c.status.in_(list(OPEN_TRAUMA))
    )
    found = []
    if open_courses:
        found.append(f"{len(open_courses)} laufende Kursvermittlung(en)")
    if open_trauma:
        found.append(f"{len(open_trauma)} offene Anfrage(n) an die Traumasprechstunde")
    if not found:
        return ()
    return (
        f"In der Akte {case.reference} ist noch offen: {' und '.join(found)}. Bitte dort "
        "abschließen oder diese Akte behalten.",
    )


@dataclass(frozen=True)
class ConsentStep:
    carry: m.ConsentRecord | None = None  # the duplicate's consent, copied to the kept client
    withdraw: m.ConsentRecord | None = None  # the kept client's, withdrawn ...
    withdrawn_on: date | None = None  # ... as of the day the person withdrew on the other


def _consent_steps(tx: Tx, kept: m.Client, duplicate: m.Client) -> list[ConsentStep]:
    consents = table_of(m.ConsentRecord)
    order = (consents.c.given_on,)
    return consent_steps(
        tx.find(m.ConsentRecord, consents.c.client_id == kept.id, order_by=order),
        tx.find(m.ConsentRecord, consents.c.client_id == duplicate.id, order_by=order),
    )


def consent_steps(
    kept: list[m.ConsentRecord], duplicate: list[m.ConsentRecord]
) -> list[ConsentStep]:
    """What the duplicate's consents change on the kept client. The person's latest word
    counts, on whichever record it was written: a consent the kept client lacks is carried
    over (a withdrawn one too: the history stays complete); one the kept client already has
    for the same purpose is not doubled; a withdrawal on the duplicate withdraws the kept
    client's consent for the same purpose that was given before it."""
    steps: list[ConsentStep] = []
    for theirs in duplicate:
        same = [c for c in kept if _same_purpose(c, theirs)]
        if theirs.withdrawn_on is not None:
            for ours in same:
                if ours.withdrawn_on is None and ours.given_on <= theirs.withdrawn_on:
                    steps.append(ConsentStep(withdraw=ours, withdrawn_on=theirs.withdrawn_on))
            if not any(c.given_on == theirs.given_on for c in same):
                steps.append(ConsentStep(carry=theirs))
        elif not any(c.withdrawn_on is None or c.given_on == theirs.given_on for c in same):
            steps.append(ConsentStep(carry=theirs))
    return steps


def _same_purpose(a: m.ConsentRecord, b: m.ConsentRecord) -> bool:
    return (
        a.kind is b.kind
        and a.recipient is b.recipient
        and (a.recipient is not ConsentRecipient.OTHER or a.scope == b.scope)
    )


def _joined(first: str, second: str) -> str:
    return f"{first.rstrip()}\n{second}" if first.strip() else second
