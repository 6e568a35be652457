"""The district's outcome report: figures per municipality and period, plus the caseload
per caseworker. Pure functions over domain records, so that the laptop (its synced
caseload) and the office (the whole district) compute the same figures the same way.

Definitions (a period is from `start` to `end`, both days included; a case counts in the
municipality of its client's household, "ohne Kommune" without one):
- open_at_end: cases opened on or before `end` and not closed by then (closed after `end`
  or not at all) — the caseload on the report's closing day;
- opened / closed: cases opened / closed within the period;
- own_flat: cases whose client's household has lived in its own flat since a day within
  the period (moved out of follow-up housing);
- course_started: language-course referrals that started within the period (status
  started or completed, start date in the period);
- course_completed: referrals completed within the period (completion date); the level
  reached of these is counted separately (`levels`);
- work_started: cases whose client took up work (employed, mini-job, self-employed) on a
  day within the period; training_started: began vocational training within the period;
- independent: cases closed within the period because the client no longer needs support.

Aggregates only: the report names no client. Caseworkers appear by name only where the
reader chose so (`pseudonymise`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from . import model as m
from .enums import (
    ClosingReason,
    CourseReferralStatus,
    EmploymentStatus,
    LanguageLevel,
)
from .report_facts import ReportFact, records_of

NO_MUNICIPALITY = "ohne Kommune"
NO_LEVEL = "ohne Angabe"
UNKNOWN_CASEWORKER = "unbekannt"
TOTAL = "Gesamt"

# Figure keys in report order, with their German labels (tables, CSV header, PDF).
FIGURES: tuple[tuple[str, str], ...] = (
    ("open_at_end", "Begleitete Fälle am Stichtag"),
    ("opened", "Neu aufgenommen"),
    ("closed", "Abgeschlossen"),
    ("own_flat", "Umzug in eigene Wohnung"),
    ("course_started", "Sprachkurs begonnen"),
    ("course_completed", "Sprachkurs abgeschlossen"),
    ("work_started", "Arbeit aufgenommen"),
    ("training_started", "Ausbildung begonnen"),
    ("independent", "Selbstständig, Begleitung beendet"),
)
FIGURE_KEYS = tuple(key for key, _ in FIGURES)
FIGURE_LABELS = dict(FIGURES)
CASELOAD_FIGURES: tuple[tuple[str, str], ...] = (
    ("open_at_end", "Fälle am Stichtag"),
    ("opened", "Neu aufgenommen"),
    ("closed", "Abgeschlossen"),
)
WORK = frozenset(
    {EmploymentStatus.EMPLOYED, EmploymentStatus.MINI_JOB, EmploymentStatus.SELF_EMPLOYED}
)


@dataclass(frozen=True)
class ReportData:
    """What the report reads: live (not deleted) records of the cases in scope."""

    cases: list[m.Case]
    clients: dict[str, m.Client]
    households: dict[str, m.Household]
    municipalities: dict[str, str]  # id -> name
    course_referrals: list[m.CourseReferral]
    caseworkers: dict[str, str]  # user id -> display name
    # Cases deleted under the retention rules, as the facts the figures count
    facts: tuple[ReportFact, ...] = ()

    def with_facts_as_records(self) -> ReportData:
        if not self.facts:
            return self
        cases, clients = list(self.cases), dict(self.clients)
        households, courses = dict(self.households), list(self.course_referrals)
        for fact in self.facts:
            case, client, household, referrals = records_of(fact)
            cases.append(case)
            clients[client.id] = client
            if household is not None:
                households[household.id] = household
            courses += referrals
        return replace(
            self, cases=cases, clients=clients, households=households,
            course_referrals=courses, facts=(),
        )  # fmt: skip


@dataclass
class Row:
    name: str
    figures: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIGURE_KEYS, 0))


@dataclass
class WorkerFigures:
    """One caseworker's line in the report: the name, or "Fachkraft <number>"."""

    caseworker: str
    figures: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys((k for k, _ in CASELOAD_FIGURES), 0)
    )
    number: int = 0  # the pseudonym's number; 0: named


@dataclass
class OutcomeReport:
    start: date
    end: date
    municipality_filter: tuple[str, ...]  # names; empty: all
    rows: list[Row]  # per municipality, by name
    total: Row
    levels: dict[str, int]  # level reached in the courses completed within the period
    caseload: list[WorkerFigures]
    pseudonymised: bool  # the caseworkers as "Fachkraft 1", "Fachkraft 2" …
    # Exports that leave the office show counts from 1 to min_count - 1 as "< min_count"
    # (so that nobody is recognisable in a small number); 0: every count as it is.
    min_count: int = 0

    def shown(self, value: int) -> str:
        return f"< {self.min_count}" if 0 < value < self.min_count else str(value)

    def plotted(self, value: int) -> int:
        """A bar's length: 0 where the number is not shown."""
        return 0 if 0 < value < self.min_count else value

    def for_export(self, min_count: int = 3) -> OutcomeReport:
        if min_count < 0:
            raise ValueError("Die Mindestzahl kann nicht negativ sein.")
        return replace(self, min_count=min_count)

    def figure(self, municipality: str, key: str) -> int:
        for row in [*self.rows, self.total]:
            if row.name == municipality:
                return row.figures[key]
        raise KeyError(municipality)


def outcome_report(
    data: ReportData,
    start: date,
    end: date,
    municipalities: Iterable[str] | None = None,
    *,
    pseudonymise: bool = True,
) -> OutcomeReport:
    """The figures for `start`..`end`; `municipalities` (ids) narrows to those places."""
    if end < start:
        raise ValueError("Das Ende des Zeitraums liegt vor seinem Beginn.")
    data = data.with_facts_as_records()
    wanted = set(municipalities) if municipalities else None
    within = lambda day: day is not None and start <= day <= end  # noqa: E731
    rows: dict[str, Row] = {}
    caseload: dict[str, WorkerFigures] = {}
    case_place: dict[str, str] = {}
    live_cases = [c for c in data.cases if not c.deleted]
    for case in live_cases:
        client = data.clients.get(case.client_id)
        household = (
            data.households.get(client.household_id) if client and client.household_id else None
        )
        muni_id = household.municipality_id if household else None
        if wanted is not None and muni_id not in wanted:
            continue
        place = data.municipalities.get(muni_id, NO_MUNICIPALITY) if muni_id else NO_MUNICIPALITY
        case_place[case.id] = place  # a merged duplicate's courses still count
        row = rows.setdefault(place, Row(place))
        if case.closing_reason is ClosingReason.DUPLICATE:
            continue  # one person: counted once, with the case that was kept
        counts = row.figures
        open_at_end = case.opened_on <= end and (case.closed_on is None or case.closed_on > end)
        opened, closed = within(case.opened_on), within(case.closed_on)
        counts["open_at_end"] += open_at_end
        counts["opened"] += opened
        counts["closed"] += closed
        counts["independent"] += closed and case.closing_reason is ClosingReason.INDEPENDENT
        if household is not None:
            counts["own_flat"] += within(household.own_flat_since)
        if client is not None and within(client.employment_since):
            counts["work_started"] += client.employment in WORK
            counts["training_started"] += client.employment is EmploymentStatus.VOCATIONAL_TRAINING
        worker = caseload.setdefault(case.caseworker_id, WorkerFigures(case.caseworker_id))
        worker.figures["open_at_end"] += open_at_end
        worker.figures["opened"] += opened
        worker.figures["closed"] += closed
    levels = Counter({level.value: 0 for level in LanguageLevel})
    levels[NO_LEVEL] = 0
    for referral in data.course_referrals:
        place = case_place.get(referral.case_id)
        if place is None or referral.deleted:
            continue
        counts = rows[place].figures
        if referral.status in (
            CourseReferralStatus.STARTED,
            CourseReferralStatus.COMPLETED,
        ) and within(referral.start_on):
            counts["course_started"] += 1
        if referral.status is CourseReferralStatus.COMPLETED and within(referral.completed_on):
            counts["course_completed"] += 1
            level = referral.level_achieved
            levels[level.value if level else NO_LEVEL] += 1
    total = Row(TOTAL)
    for row in rows.values():
        for key, value in row.figures.items():
            total.figures[key] += value
    # Named: alphabetical. Pseudonymised: by id, so the numbers do not hint at the names.
    workers = sorted(
        caseload.values(),
        key=(lambda w: w.caseworker)
        if pseudonymise
        else (lambda w: data.caseworkers.get(w.caseworker, UNKNOWN_CASEWORKER).casefold()),
    )
    for number, worker in enumerate(workers, start=1):
        if pseudonymise:
            worker.caseworker, worker.number = f"Fachkraft {number}", number
        else:
            worker.caseworker = data.caseworkers.get(worker.caseworker, UNKNOWN_CASEWORKER)
    filter_names = tuple(sorted(data.municipalities.get(i, i) for i in wanted or ()))
    return OutcomeReport(
        start=start,
        end=end,
        municipality_filter=filter_names,
        rows=sorted(rows.values(), key=lambda r: (r.name == NO_MUNICIPALITY, r.name)),
        total=total,
        levels=dict(levels),
        caseload=workers,
        pseudonymised=pseudonymise,
    )


def csv_rows(report: OutcomeReport) -> list[list[str]]:
    """The report as CSV rows (German headers), three blocks separated by an empty row."""
    period = f"{report.start:%d.%m.%Y} – {report.end:%d.%m.%Y}"
    out = [["Ergebnisbericht Integrationsmanagement", period]]
    if report.municipality_filter:
        out.append(["Kommunen", ", ".join(report.municipality_filter)])
    out.append([])
    out.append(["Kommune", *(label for _, label in FIGURES)])
    for row in [*report.rows, report.total]:
        out.append([row.name, *(report.shown(row.figures[k]) for k in FIGURE_KEYS)])
    out.append([])
    out.append(["Erreichtes Sprachniveau (abgeschlossene Kurse)", "Anzahl"])
    out.extend([level, report.shown(count)] for level, count in report.levels.items())
    out.append([])
    out.append(["Fachkraft", *(label for _, label in CASELOAD_FIGURES)])
    for worker in report.caseload:
        out.append([worker.caseworker, *(report.shown(v) for v in worker.figures.values())])
    if report.min_count:
        out.append([])
        out.append([f"Zahlen von 1 bis {report.min_count - 1} als „< {report.min_count}“"])
    return out
