"""A realistic synthetic caseload, written through the services (change log and audit
included). Deterministic for a given seed and date; ids are random UUIDs."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import timedelta

from .domain.enums import (
    ClosingReason,
    ContactKind,
    CourseReferralStatus,
    CourseType,
    EntryStatus,
    LanguageLevel,
    LifeArea,
    ResidenceStatus,
)
from .resources import resources_dir
from .services import NewClient, Services

GOALS: dict[LifeArea, list[tuple[str, str]]] = {
    LifeArea.HOUSING: [
        ("Eigene Wohnung finden", "Wohnungssuche begleiten, Anzeigen durchgehen, WBS beantragen"),
        ("Wohnung halten", "Hausordnung besprechen, Kontakt zur Vermieterin halten"),
    ],
    LifeArea.LANGUAGE: [
        ("Sprachniveau B1 erreichen", "Anmeldung zum Integrationskurs, Kinderbetreuung klären"),
        ("Alphabetisierung abschließen", "Alphabetisierungskurs, Lernpatenschaft vermitteln"),
    ],
    LifeArea.WORK: [
        ("Arbeitsaufnahme in der Pflege", "Termin Jobcenter, Anerkennung des Abschlusses prüfen"),
        ("Ausbildungsplatz finden", "Bewerbungsmappe erstellen, Praktikum suchen"),
    ],
    LifeArea.HEALTH: [
        ("Hausarzt finden", "Liste der Praxen mit Sprachkenntnissen, Termin begleiten"),
        ("Zahnbehandlung abschließen", "Kostenübernahme klären, Termine wahrnehmen"),
    ],
    LifeArea.EDUCATION: [("Schulanmeldung der Kinder", "Termin Schulamt, VKL-Platz klären")],
    LifeArea.CHILDCARE: [("Kita-Platz für das jüngste Kind", "Anmeldung über das Kita-Portal")],
    LifeArea.FINANCES: [
        ("Kontoeröffnung und Überblick über Einnahmen", "Basiskonto, Haushaltsplan"),
        ("Schulden regulieren", "Termin bei der Schuldnerberatung"),
    ],
    LifeArea.RESIDENCE_LAW: [
        ("Aufenthaltserlaubnis verlängern", "Unterlagen für die Ausländerbehörde sammeln"),
    ],
    LifeArea.SOCIAL_PARTICIPATION: [
        ("Kontakte im Ort aufbauen", "Vereinsangebote vorstellen, Begegnungscafé"),
    ],
    LifeArea.INDEPENDENCE: [
        ("Behördenbriefe selbstständig bearbeiten", "Gemeinsam üben, Ablage anlegen"),
    ],
}

NOTES = {
    ContactKind.HOME_VISIT: "Hausbesuch in der Unterkunft. Wohnsituation besprochen, "
    "nächste Schritte vereinbart.",
    ContactKind.OFFICE_HOUR: "Sprechstunde: Briefe vom Jobcenter gemeinsam gelesen und "
    "beantwortet.",
    ContactKind.PHONE: "Telefonat zur Terminabsprache.",
    ContactKind.ACCOMPANIMENT: "Begleitung zur Ausländerbehörde.",
}


@dataclass
class DemoSummary:
    clients: int = 0
    households: int = 0
    plan_entries: int = 0
    course_referrals: int = 0
    trauma_referrals: int = 0
    notes: int = 0


def _people() -> dict:
    return json.loads((resources_dir() / "demo" / "people.json").read_text(encoding="utf-8"))


def generate(services: Services, clients: int, seed: int = 1, batch: int = 50) -> DemoSummary:
    """Create `clients` clients in households, with cases, plans, referrals and notes."""
    rng = random.Random(seed)
    people = _people()
    nations = list(people["nationalities"].items())
    weights = [n["weight"] for _, n in nations]
    municipalities = services.clients.municipalities()
    today = services.ctx.clock.today()
    summary = DemoSummary()
    while summary.clients < clients:
        with services.transaction():  # many use cases per transaction: bulk speed
            for _ in range(batch):
                if summary.clients >= clients:
                    break
                code, nation = rng.choices(nations, weights)[0]
                size = min(rng.choice([1, 1, 2, 2, 3, 4]), clients - summary.clients)
                _household(
                    services, rng, people, code, nation, municipalities, today, size, summary
                )
    return summary


def _household(services, rng, people, code, nation, municipalities, today, size, summary):
    last_name = rng.choice(nation["last"])
    municipality = rng.choice(municipalities)
    address = f"{rng.choice(people['streets'])} {rng.randint(1, 80)}, {municipality.name}"
    arrival = today - timedelta(days=rng.randint(120, 3 * 365))
    household_id = None
    used: set[str] = set()  # no two Joys in one household
    for member in range(size):
        female = rng.random() < 0.5
        names = [n for n in nation["female" if female else "male"] if n not in used]
        first = rng.choice(names)
        used.add(first)
        age = rng.randint(19, 62) if member < 2 else rng.randint(16, 25)
        birth = today - timedelta(days=age * 365 + rng.randint(0, 364))
        client, case = services.clients.register(
            NewClient(
                first_name=first,
                last_name=last_name,
                municipality_id=municipality.id,
                address=address,
                birth_date=birth,
                gender="w" if female else "m",
                nationality=code,
                languages=",".join(nation["languages"]),
                residence_status=ResidenceStatus(rng.choice(nation["status"])),
                arrival_date=arrival,
                household_id=household_id,
                data_processing_consent_on=arrival + timedelta(days=rng.randint(30, 90)),
            ),
            opened_on=min(today, arrival + timedelta(days=rng.randint(30, 100))),
        )
        if household_id is None:
            household_id = client.household_id
            summary.households += 1
        summary.clients += 1
        _case_content(services, rng, people, case, today, summary)


def _case_content(services, rng, people, case, today, summary):
    start = max(case.opened_on, today - timedelta(days=rng.randint(30, 300)))
    plan = services.plans.create(
        case.id,
        period_start=start,
        period_end=start + timedelta(days=365),
        next_review_on=start + timedelta(days=rng.choice([90, 120, 180, 270])),
    )
    for area in rng.sample(list(GOALS), rng.randint(2, 5)):
        goal, measures = rng.choice(GOALS[area])
        entry = services.plans.add_entry(
            plan.id,
            life_area=area,
            goal=goal,
            measures=measures,
            responsible=rng.choice(["Klient:in", "Integrationsmanagement", "gemeinsam"]),
            due_on=start + timedelta(days=rng.randint(30, 360)),
        )
        summary.plan_entries += 1
        if rng.random() < 0.3:
            services.plans.set_entry_status(entry.id, EntryStatus.IN_PROGRESS)
    if rng.random() < 0.3:
        services.plans.agree(plan.id, agreed_on=min(today, start + timedelta(days=7)))
    if rng.random() < 0.6:
        _course(services, rng, people, case, today)
        summary.course_referrals += 1
    if rng.random() < 0.12:
        referral = services.referrals.request_trauma_consultation(
            case.id,
            requested_on=min(today, start + timedelta(days=rng.randint(0, 20))),
            consent_given=True,
        )
        summary.trauma_referrals += 1
        if rng.random() < 0.6:
            day = min(today, referral.requested_on + timedelta(days=rng.randint(10, 40)))
            services.referrals.assign_consultation(
                referral.id, day, rng.choice(people["specialists"])
            )
    for _ in range(rng.randint(1, 6)):
        kind = rng.choice(list(ContactKind))
        services.cases.add_note(
            case.id,
            kind=kind,
            text=NOTES[kind],
            contact_on=today - timedelta(days=rng.randint(0, 200)),
            duration_minutes=rng.choice([15, 30, 45, 60, 90]),
            life_areas=tuple(rng.sample(list(LifeArea), rng.randint(1, 2))),
        )
        summary.notes += 1
    if rng.random() < 0.05:
        services.cases.close(case.id, ClosingReason.INDEPENDENT, closed_on=today)


def _course(services, rng, people, case, today):
    course_type = rng.choice(list(CourseType))
    referral = services.referrals.refer_to_course(
        case.id,
        course_type=course_type,
        target_level=rng.choice([LanguageLevel.A1, LanguageLevel.A2, LanguageLevel.B1]),
        provider=rng.choice(people["providers"]),
        start_on=today - timedelta(days=rng.randint(-30, 200)),
        childcare_needed=rng.random() < 0.2,
    )
    roll = rng.random()
    if roll < 0.3:
        return
    services.referrals.update_course_referral(referral.id, status=CourseReferralStatus.REGISTERED)
    if roll < 0.5 or referral.start_on > today:
        return
    services.referrals.update_course_referral(referral.id, status=CourseReferralStatus.STARTED)
    if roll > 0.8:
        services.referrals.update_course_referral(
            referral.id,
            status=CourseReferralStatus.COMPLETED,
            level_achieved=referral.target_level,
        )
