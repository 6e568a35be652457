"""A case with a help plan as a caseworker fills it in, for the printing tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from caseworker_desktop.domain import model as m
from caseworker_desktop.domain.enums import EntryStatus, LifeArea
from tests.helpers import new_client

GOALS = (
    (LifeArea.HOUSING, "Eigene Wohnung finden", "Wohnungsanzeigen gemeinsam durchsehen",
     "Klientin", date(2027, 3, 31)),
    (LifeArea.LANGUAGE, "Sprachniveau B1 erreichen", "Anmeldung zum Integrationskurs",
     "Klientin und Integrationsmanagement", date(2027, 1, 15)),
    (LifeArea.HOUSING, "Wohngeld beantragen", "Antrag bei der Wohngeldstelle stellen",
     "Integrationsmanagement", date(2026, 12, 20)),
    (LifeArea.WORK, "Ausbildungsplatz als Pflegehelferin", "Bewerbungsmappe erstellen",
     "Jobcenter", None),
)  # fmt: skip


@dataclass
class PlanCase:
    client: m.Client
    case: m.Case
    plan: m.HelpPlan
    entries: list[m.HelpPlanEntry]


def make_plan_case(services, first="Olena", last="Kovalenko", goals=GOALS, **client_kw):
    client, case = new_client(services, first, last, address="Bahnhofstraße 12", **client_kw)
    plan = services.plans.create(case.id, date(2026, 11, 1), date(2027, 4, 30), date(2027, 2, 1))
    entries = [
        services.plans.add_entry(
            plan.id, life_area=area, goal=goal, measures=measures, responsible=who, due_on=due
        )
        for area, goal, measures, who, due in goals
    ]
    if len(entries) > 1:
        services.plans.set_entry_status(entries[1].id, EntryStatus.IN_PROGRESS)
    return PlanCase(client, case, plan, entries)


@pytest.fixture
def plan_case(services) -> PlanCase:
    return make_plan_case(services)
