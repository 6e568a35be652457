"""Follow-ups (Wiedervorlagen): what is due in the open cases, from the dates already kept
(help plan reviews, goals' due dates, course starts, trauma consultations, consents that
run out), sorted into overdue, today and the rest of this week. Appointments export as
iCalendar, without client names unless asked for.

Read with a few queries over the case file, not record by record; of a trauma referral
only its date is read (its content is restricted and stays out of this list)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import sqlalchemy as sa

from ..domain import model as m
from ..domain import rules
from ..domain.enums import CaseStatus, ConsentKind, CourseType, EntryStatus
from ..domain.labels import label
from ..storage.atomic import write_atomic
from ..storage.orm import table_of
from .cases import OPEN_COURSE, OPEN_TRAUMA
from .context import ServiceContext

REVIEW, GOAL, COURSE, CONSULTATION, CONSENT, REMINDER = (
    "Fortschreibung des Hilfeplans",
    "Ziel fällig",
    "Kursbeginn",
    "Termin Traumasprechstunde",
    "Einwilligung läuft ab",
    "Wiedervorlage",
)
APPOINTMENTS = frozenset({COURSE, CONSULTATION, REMINDER})  # what goes into a calendar
BUCKETS = ("overdue", "today", "week")


@dataclass(frozen=True)
class FollowUp:
    due_on: date
    kind: str  # one of the German kinds above
    detail: str  # the goal, the course type, the consent's kind
    case_id: str
    reference: str
    client_name: str
    caseworker: str
    reminder_id: str = ""  # a follow-up set by hand: it can be done or moved

    def bucket(self, today: date) -> str | None:
        """overdue, today, week (until Sunday), or None (later)."""
        if self.due_on < today:
            return "overdue"
        if self.due_on == today:
            return "today"
        sunday = today + timedelta(days=6 - today.weekday())
        return "week" if self.due_on <= sunday else None


@dataclass(frozen=True)
class FollowUpList:
    today: date
    items: list[FollowUp]  # overdue, today and this week, by date

    def of(self, bucket: str) -> list[FollowUp]:
        return [i for i in self.items if i.bucket(self.today) == bucket]

    def counts(self) -> dict[str, int]:
        return {b: len(self.of(b)) for b in BUCKETS}


class FollowUpService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def due(self, *, everyone: bool = False) -> FollowUpList:
        """The user's open cases; `everyone` (the team lead): every case in the file, and
        of those only what is overdue."""
        today = self.ctx.clock.today()
        until = today + timedelta(days=6 - today.weekday())
        with self.ctx.read() as conn:
            items = [i for i in self._all(conn, everyone, until) if i.due_on <= until]
        if everyone:
            items = [i for i in items if i.due_on < today]
        items.sort(key=lambda i: (i.due_on, i.client_name.casefold(), i.kind))
        return FollowUpList(today, items)

    def _all(self, conn: sa.Connection, everyone: bool, until: date) -> list[FollowUp]:
        case, client, user = table_of(m.Case), table_of(m.Client), table_of(m.User)
        plan, entry = table_of(m.HelpPlan), table_of(m.HelpPlanEntry)
        course, trauma = table_of(m.CourseReferral), table_of(m.TraumaReferral)
        consent = table_of(m.ConsentRecord)
        where = [case.c.deleted.is_(False), case.c.status != CaseStatus.CLOSED.value]
        if not everyone:
            where.append(case.c.caseworker_id == self.ctx.user.id)
        cases = {
            row.id: row
            for row in conn.execute(
                sa.select(case.c.id, case.c.reference, case.c.client_id,
                          (client.c.last_name + ", " + client.c.first_name).label("name"),
                          sa.func.coalesce(user.c.display_name, "").label("worker"))
                .join(client, client.c.id == case.c.client_id)
                .outerjoin(user, user.c.id == case.c.caseworker_id)
                .where(*where)
            )
        }  # fmt: skip
        found: list[FollowUp] = []

        def add(due: date | None, kind: str, detail: str, case_id: str, reminder: str = ""):
            if due is not None and case_id in cases:
                row = cases[case_id]
                found.append(FollowUp(due, kind, detail, case_id, row.reference, row.name,
                                      row.worker, reminder))  # fmt: skip

        reminder = table_of(m.Reminder)
        for row in conn.execute(
            sa.select(reminder.c.id, reminder.c.case_id, reminder.c.due_on, reminder.c.text)
            .where(reminder.c.deleted.is_(False), reminder.c.done_on.is_(None),
                   reminder.c.due_on <= until)
        ):  # fmt: skip
            add(row.due_on, REMINDER, row.text, row.case_id, row.id)

        newest = (
            sa.select(plan.c.case_id, sa.func.max(plan.c.period_start).label("start"))
            .where(plan.c.deleted.is_(False))
            .group_by(plan.c.case_id)
            .subquery()
        )
        plans = conn.execute(
            sa.select(plan.c.id, plan.c.case_id, plan.c.next_review_on)
            .join(
                newest,
                sa.and_(newest.c.case_id == plan.c.case_id, newest.c.start == plan.c.period_start),
            )
            .where(plan.c.deleted.is_(False))
        ).all()
        for row in plans:
            add(row.next_review_on, REVIEW, "", row.case_id)
        plan_case = {row.id: row.case_id for row in plans}
        for row in conn.execute(
            sa.select(entry.c.help_plan_id, entry.c.goal, entry.c.due_on).where(
                entry.c.deleted.is_(False), entry.c.due_on <= until,
                entry.c.status.in_([EntryStatus.OPEN.value, EntryStatus.IN_PROGRESS.value]),
            )
        ):  # fmt: skip
            add(row.due_on, GOAL, row.goal, plan_case.get(row.help_plan_id, ""))
        for row in conn.execute(
            sa.select(course.c.case_id, course.c.course_type, course.c.start_on).where(
                course.c.deleted.is_(False), course.c.start_on <= until,
                course.c.status.in_([s.value for s in OPEN_COURSE]),
            )
        ):  # fmt: skip
            add(row.start_on, COURSE, label(CourseType(row.course_type)), row.case_id)
        for row in conn.execute(
            sa.select(trauma.c.case_id, trauma.c.consultation_date).where(
                trauma.c.deleted.is_(False), trauma.c.consultation_date <= until,
                trauma.c.status.in_([s.value for s in OPEN_TRAUMA]),
            )
        ):  # fmt: skip
            add(row.consultation_date, CONSULTATION, "", row.case_id or "")
        by_client = {row.client_id: cid for cid, row in cases.items()}
        for row in conn.execute(
            sa.select(consent.c.client_id, consent.c.kind, consent.c.valid_until).where(
                consent.c.deleted.is_(False), consent.c.withdrawn_on.is_(None),
                consent.c.valid_until <= until + timedelta(days=28),
            )
        ):  # fmt: skip
            # four weeks ahead: time to ask for a new one before it runs out
            if row.client_id in by_client:
                due = row.valid_until - timedelta(days=28)
                add(due, CONSENT, label(ConsentKind(row.kind)), by_client[row.client_id])
        return found

    def remind(self, case_id: str, due_on: date, text: str) -> m.Reminder:
        """A follow-up set by hand on a case."""
        with self.ctx.transaction() as tx:
            rules.require_open_case(tx.get(m.Case, case_id), "eine Wiedervorlage")
            return tx.add(m.Reminder(case_id=case_id, due_on=due_on, text=text.strip(),
                                     author_id=tx.user.id))  # fmt: skip

    def done(self, reminder_id: str) -> m.Reminder:
        with self.ctx.transaction() as tx:
            return tx.update(m.Reminder, reminder_id, done_on=tx.today)

    def snooze(self, reminder_id: str, until: date) -> m.Reminder:
        """Moved to a later day (Wiedervorlage verschoben)."""
        with self.ctx.transaction() as tx:
            return tx.update(m.Reminder, reminder_id, due_on=until)

    def reminders(self, case_id: str) -> list[m.Reminder]:
        with self.ctx.transaction() as tx:
            t = table_of(m.Reminder)
            return tx.find(m.Reminder, t.c.case_id == case_id, order_by=(t.c.due_on,))

    def export_ics(self, path: Path, *, with_names: bool = False) -> int:
        """The appointments of the user's open cases from today on (course starts,
        consultations) as an iCalendar file; names only when asked for, the file leaves
        the encrypted case file. Returns the number of events."""
        from icalendar import Calendar, Event

        today = self.ctx.clock.today()
        with self.ctx.read() as conn:
            items = [
                i for i in self._all(conn, False, today + timedelta(days=366))
                if i.kind in APPOINTMENTS and i.due_on >= today
            ]  # fmt: skip
        calendar = Calendar()
        calendar.add("prodid", "-//Caseworker Desktop//Wiedervorlagen//DE")
        calendar.add("version", "2.0")
        for item in sorted(items, key=lambda i: i.due_on):
            event = Event()
            who = f"{item.client_name}, " if with_names else ""
            event.add("summary", f"{item.kind}: {who}{item.reference}")
            if item.detail and (with_names or item.kind != REMINDER):  # free text: may
                event.add("description", item.detail)  # name the person
            event.add("dtstart", item.due_on)
            event.add("dtend", item.due_on + timedelta(days=1))
            key = f"{item.case_id}|{item.kind}|{item.due_on}".encode()
            event.add("uid", hashlib.sha256(key).hexdigest()[:32] + "@caseworker-desktop")
            calendar.add_component(event)
        write_atomic(path, calendar.to_ical())  # names, when chosen: only for this user
        return len(items)
