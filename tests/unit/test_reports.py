"""The outcome report against figures computed by hand from a small fixture.

Period: 01.01.2026 – 31.03.2026 (Q1). Three municipalities (Ludwigsburg, Kornwestheim,
Bietigheim-Bissingen), two caseworkers (Anna, Ben), seven cases:

case  client  place         worker opened      closed      reason       other
c1    Amal    Ludwigsburg   Anna   2025-06-01  -           -            own flat 2026-02-10;
                                                                        course started
                                                                        2026-01-15; employed
                                                                        since 2026-03-01
c2    Bilal   Ludwigsburg   Anna   2026-01-20  2026-03-15  independent  course completed
                                                                        2026-03-10 (B1),
                                                                        started 2025-10-01
c3    Chiara  Kornwestheim  Ben    2025-01-01  2025-12-20  independent  (closed before Q1)
c4    Dawit   Kornwestheim  Ben    2026-02-01  -           -            training since
                                                                        2026-02-15; own flat
                                                                        2025-11-01 (before)
c5    Elif    Bietigheim    Anna   2026-04-02  -           -            (opened after Q1)
c6    Farid   -             Ben    2025-09-01  2026-01-31  moved_away   mini-job since
                                                                        2025-12-01 (before);
                                                                        course completed
                                                                        2026-02-01 no level
c7    Galyna  Ludwigsburg   Ben    2025-05-05  -           -            DELETED case
Hand-counted (Q1):
- Ludwigsburg: open_at_end c1 (c2 closed) = 1; opened c2 = 1; closed c2 = 1; own_flat c1
  = 1; course_started c1 = 1 (c2 started in 2025); course_completed c2 = 1; work c1 = 1;
  training 0; independent c2 = 1.
- Kornwestheim: open_at_end c4 = 1 (c3 closed 2025); opened c4 = 1; closed 0; own_flat 0
  (2025); training c4 = 1; independent 0 (c3 closed before the period).
- ohne Kommune: open_at_end 0 (c6 closed 31.01.); closed c6 = 1; course_completed c6 = 1;
  work 0 (mini-job began before); independent 0 (moved away).
- Bietigheim-Bissingen: c5 opened after the period: a row with open_at_end 0 (it counts
  nowhere in Q1 but exists as a case of the place).
- levels: B1 = 1, ohne Angabe = 1.
- caseload: Anna open 1 (c1; c5 opened later), opened 1 (c2), closed 1 (c2); Ben open 1
  (c4), opened 1 (c4), closed 1 (c6).
"""

from __future__ import annotations

import csv
import dataclasses
import io
from datetime import date

import pytest

from caseworker_desktop.domain import model as m
from caseworker_desktop.domain.enums import (
    ClosingReason,
    CourseReferralStatus,
    CourseType,
    EmploymentStatus,
    LanguageLevel,
)
from caseworker_desktop.domain.reports import (
    FIGURE_KEYS,
    NO_MUNICIPALITY,
    ReportData,
    csv_rows,
    outcome_report,
)

Q1 = (date(2026, 1, 1), date(2026, 3, 31))
PLACES = {"lb": "Ludwigsburg", "kw": "Kornwestheim", "bb": "Bietigheim-Bissingen"}
WORKERS = {"anna": "Anna Arendt", "ben": "Ben Brandt"}


def _fixture() -> ReportData:
    households = {
        "h1": m.Household(id="h1", municipality_id="lb", own_flat_since=date(2026, 2, 10)),
        "h2": m.Household(id="h2", municipality_id="lb"),
        "h3": m.Household(id="h3", municipality_id="kw"),
        "h4": m.Household(id="h4", municipality_id="kw", own_flat_since=date(2025, 11, 1)),
        "h5": m.Household(id="h5", municipality_id="bb"),
        "h7": m.Household(id="h7", municipality_id="lb"),
    }

    def client(cid, name, household, **kw):
        return m.Client(id=cid, first_name=name, last_name="X", household_id=household, **kw)

    clients = {
        c.id: c
        for c in (
            client(
                "k1",
                "Amal",
                "h1",
                employment=EmploymentStatus.EMPLOYED,
                employment_since=date(2026, 3, 1),
            ),
            client("k2", "Bilal", "h2"),
            client("k3", "Chiara", "h3"),
            client(
                "k4",
                "Dawit",
                "h4",
                employment=EmploymentStatus.VOCATIONAL_TRAINING,
                employment_since=date(2026, 2, 15),
            ),
            client("k5", "Elif", "h5"),
            client(
                "k6",
                "Farid",
                None,
                employment=EmploymentStatus.MINI_JOB,
                employment_since=date(2025, 12, 1),
            ),
            client("k7", "Galyna", "h7"),
        )
    }

    def case(cid, client_id, worker, opened, closed=None, reason=None, **kw):
        return m.Case(
            id=cid,
            client_id=client_id,
            caseworker_id=worker,
            opened_on=opened,
            closed_on=closed,
            closing_reason=reason,
            **kw,
        )

    independent = ClosingReason.INDEPENDENT
    cases = [
        case("c1", "k1", "anna", date(2025, 6, 1)),
        case("c2", "k2", "anna", date(2026, 1, 20), date(2026, 3, 15), independent),
        case("c3", "k3", "ben", date(2025, 1, 1), date(2025, 12, 20), independent),
        case("c4", "k4", "ben", date(2026, 2, 1)),
        case("c5", "k5", "anna", date(2026, 4, 2)),
        case("c6", "k6", "ben", date(2025, 9, 1), date(2026, 1, 31), ClosingReason.MOVED_AWAY),
        case("c7", "k7", "ben", date(2025, 5, 5), deleted=True),
    ]

    def course(rid, case_id, status, start, completed=None, level=None):
        return m.CourseReferral(
            id=rid,
            case_id=case_id,
            course_type=CourseType.INTEGRATION_COURSE,
            target_level=LanguageLevel.B1,
            status=status,
            start_on=start,
            completed_on=completed,
            level_achieved=level,
        )

    done = CourseReferralStatus.COMPLETED
    referrals = [
        course("r1", "c1", CourseReferralStatus.STARTED, date(2026, 1, 15)),
        course("r2", "c2", done, date(2025, 10, 1), date(2026, 3, 10), LanguageLevel.B1),
        course("r6", "c6", done, date(2025, 9, 15), date(2026, 2, 1)),
        # proposed with a start date in Q1: not started, does not count
        course("r4", "c4", CourseReferralStatus.PROPOSED, date(2026, 3, 1)),
        # in the deleted case: never counts
        course("r7", "c7", CourseReferralStatus.STARTED, date(2026, 1, 10)),
    ]
    return ReportData(
        cases=cases,
        clients=clients,
        households=households,
        municipalities=PLACES,
        course_referrals=referrals,
        caseworkers=WORKERS,
    )


def _expected(**figures) -> dict[str, int]:
    return {key: figures.get(key, 0) for key in FIGURE_KEYS}


def test_figures_per_municipality_equal_the_hand_count():
    report = outcome_report(_fixture(), *Q1)
    by_name = {row.name: row.figures for row in report.rows}
    assert by_name["Ludwigsburg"] == _expected(
        open_at_end=1,
        opened=1,
        closed=1,
        own_flat=1,
        course_started=1,
        course_completed=1,
        work_started=1,
        independent=1,
    )
    assert by_name["Kornwestheim"] == _expected(open_at_end=1, opened=1, training_started=1)
    assert by_name[NO_MUNICIPALITY] == _expected(closed=1, course_completed=1)
    assert by_name["Bietigheim-Bissingen"] == _expected()
    assert [row.name for row in report.rows] == [
        "Bietigheim-Bissingen",
        "Kornwestheim",
        "Ludwigsburg",
        NO_MUNICIPALITY,
    ]
    assert report.total.figures == _expected(
        open_at_end=2,
        opened=2,
        closed=2,
        own_flat=1,
        course_started=1,
        course_completed=2,
        work_started=1,
        training_started=1,
        independent=1,
    )
    assert report.levels == {"A1": 0, "A2": 0, "B1": 1, "B2": 0, "C1": 0, "ohne Angabe": 1}


def test_caseload_per_caseworker_is_pseudonymous_unless_names_are_chosen():
    report = outcome_report(_fixture(), *Q1)
    assert [w.caseworker for w in report.caseload] == ["Fachkraft 1", "Fachkraft 2"]
    named = outcome_report(_fixture(), *Q1, pseudonymise=False)
    figures = {w.caseworker: w.figures for w in named.caseload}
    assert figures == {
        "Anna Arendt": {"open_at_end": 1, "opened": 1, "closed": 1},
        "Ben Brandt": {"open_at_end": 1, "opened": 1, "closed": 1},
    }
    assert report.pseudonymised and [w.number for w in report.caseload] == [1, 2]
    assert not named.pseudonymised and {w.number for w in named.caseload} == {0}


def test_whether_names_are_shown_is_a_fact_of_the_report_not_of_a_name():
    """#19 item 4: someone whose display name is "Fachkraft 7" is still a name; the CSV
    export's audit, the PDF's note and the window ask the report's flag, not the text."""
    data = _fixture()
    data = dataclasses.replace(data, caseworkers=dict.fromkeys(data.caseworkers, "Fachkraft 7"))
    named = outcome_report(data, *Q1, pseudonymise=False)
    assert [w.caseworker for w in named.caseload] == ["Fachkraft 7", "Fachkraft 7"]
    assert not named.pseudonymised and all(w.number == 0 for w in named.caseload)


def test_a_municipality_filter_narrows_every_figure():
    report = outcome_report(_fixture(), *Q1, municipalities=["kw"])
    assert [row.name for row in report.rows] == ["Kornwestheim"]
    assert report.total.figures == _expected(open_at_end=1, opened=1, training_started=1)
    assert report.municipality_filter == ("Kornwestheim",)
    assert report.levels["B1"] == 0
    assert [w.figures for w in report.caseload] == [{"open_at_end": 1, "opened": 1, "closed": 0}]


def test_period_boundaries_are_inclusive():
    report = outcome_report(_fixture(), date(2026, 3, 15), date(2026, 3, 15))
    assert report.total.figures["closed"] == 1  # c2, closed on the single day
    assert report.total.figures["independent"] == 1
    one_day_later = outcome_report(_fixture(), date(2026, 3, 16), date(2026, 3, 16))
    assert one_day_later.total.figures["closed"] == 0


def test_an_inverted_period_is_refused():
    with pytest.raises(ValueError, match="Ende"):
        outcome_report(_fixture(), date(2026, 3, 1), date(2026, 2, 1))


def test_csv_has_figures_and_no_client_names():
    report = outcome_report(_fixture(), *Q1)
    text = io.StringIO()
    csv.writer(text, delimiter=";").writerows(csv_rows(report))
    content = text.getvalue()
    for name in ("Amal", "Bilal", "Chiara", "Dawit", "Elif", "Farid", "Galyna"):
        assert name not in content
    assert "Anna" not in content and "Ben Brandt" not in content
    rows = list(csv.reader(io.StringIO(content), delimiter=";"))
    header = next(r for r in rows if r and r[0] == "Kommune")
    total = next(r for r in rows if r and r[0] == "Gesamt")
    assert dict(zip(header[1:], total[1:], strict=True))["Umzug in eigene Wohnung"] == "1"
    assert total[1:] == ["2", "2", "2", "1", "1", "2", "1", "1", "1"]


def test_the_facts_of_deleted_cases_count_exactly_like_the_cases():
    """Retention deletes a case but keeps what the figures count (domain.report_facts):
    every case of the fixture turned into facts gives the same report, in every period."""
    from caseworker_desktop.domain.report_facts import ReportFact, fact_of

    data = _fixture()
    facts = []
    for case in data.cases:
        if case.deleted:
            continue
        client = data.clients.get(case.client_id)
        household = data.households.get(client.household_id) if client.household_id else None
        courses = [c for c in data.course_referrals if c.case_id == case.id]
        fact = fact_of(case, client, household, courses)
        assert ReportFact.from_json(fact.to_json()) == fact
        assert "Amal" not in fact.to_json() and case.id not in fact.to_json()
        facts.append(fact)
    only_facts = ReportData(
        cases=[],
        clients={},
        households={},
        municipalities=data.municipalities,
        course_referrals=[],
        caseworkers=data.caseworkers,
        facts=tuple(facts),
    )
    periods = (
        (date(2026, 1, 1), date(2026, 3, 31)),
        (date(2025, 1, 1), date(2026, 12, 31)),
        (date(2026, 2, 1), date(2026, 2, 1)),
    )
    for start, end in periods:
        with_cases, with_facts = (
            outcome_report(data, start, end),
            outcome_report(only_facts, start, end),
        )
        assert [(r.name, r.figures) for r in with_facts.rows] == [
            (r.name, r.figures) for r in with_cases.rows
        ]
        assert with_facts.levels == with_cases.levels
        assert [r.figures for r in with_facts.caseload] == [r.figures for r in with_cases.caseload]


def test_exports_show_small_counts_only_as_below_the_threshold():
    report = outcome_report(_fixture(), date(2026, 1, 1), date(2026, 3, 31))
    ludwigsburg = report.figure("Ludwigsburg", "opened")
    assert ludwigsburg == 1 and report.shown(ludwigsburg) == "1"  # the app shows the count
    exported = report.for_export(3)
    rows = {row[0]: row[1:] for row in csv_rows(exported) if row}
    assert rows["Ludwigsburg"][FIGURE_KEYS.index("opened")] == "< 3"
    assert rows["Bietigheim-Bissingen"][FIGURE_KEYS.index("opened")] == "0"  # 0 says nothing
    assert "1" not in {cell for row in csv_rows(exported)[3:] for cell in row[1:]}
    assert exported.plotted(2) == 0 and exported.plotted(3) == 3
    assert any("< 3" in " ".join(row) for row in csv_rows(exported)[-1:])
    everything = {row[0]: row[1:] for row in csv_rows(report.for_export(0)) if row}
    assert everything["Ludwigsburg"][FIGURE_KEYS.index("opened")] == "1"
    with pytest.raises(ValueError):
        report.for_export(-1)
