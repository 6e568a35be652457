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
    DocumentKind,
    EmploymentStatus,
    EntryStatus,
    HouseholdRelation,
    HousingType,
    LanguageLevel,
    LifeArea,
    ResidenceStatus,
    TraumaOfferKind,
)
from .resources import resources_dir
from .services import NewClient, Release, Services

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
    documents: int = 0


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
        with services.bulk():  # many use cases per transaction
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
                relationship=RELATIONS[min(member, 2)],
                data_processing_consent_on=arrival + timedelta(days=rng.randint(30, 90)),
            ),
            opened_on=min(today, arrival + timedelta(days=rng.randint(30, 100))),
        )
        if household_id is None:
            household_id = client.household_id
            summary.households += 1
            if rng.random() < 0.2:  # moved out of follow-up housing into a flat of their own
                services.clients.update_household(
                    household_id,
                    housing_type=HousingType.OWN_FLAT,
                    own_flat_since=today - timedelta(days=rng.randint(0, (today - arrival).days)),
                )
        summary.clients += 1
        if member < 2 and rng.random() < 0.3:  # took up work or training
            services.clients.update(
                client.id,
                employment=rng.choice(WORK_AND_TRAINING),
                employment_since=today - timedelta(days=rng.randint(0, (today - arrival).days)),
            )
        _case_content(services, rng, people, case, today, summary)


# The first of a household is its reference person, the second their spouse, the younger
# ones their (grown-up) children.
RELATIONS = (HouseholdRelation.REFERENCE_PERSON, HouseholdRelation.SPOUSE,
             HouseholdRelation.CHILD)  # fmt: skip


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
        requested_on = min(today, start + timedelta(days=rng.randint(0, 20)))
        referral = services.referrals.request_trauma_consultation(
            case.id,
            requested_on=requested_on,
            release=Release(given_on=requested_on, valid_until=requested_on + timedelta(days=365)),
        )
        summary.trauma_referrals += 1
        if rng.random() < 0.3:  # also a place in the supervised group
            services.planning.request(
                TraumaOfferKind.GROUP_OFFERING, case_id=case.id, trauma_referral_id=referral.id
            )
    for _ in range(rng.randint(1, 6)):
        kind = rng.choice(list(NOTES))  # the kinds of a conversation (a letter has its own)
        services.cases.add_note(
            case.id,
            kind=kind,
            text=NOTES[kind],
            contact_on=today - timedelta(days=rng.randint(0, 200)),
            duration_minutes=rng.choice([15, 30, 45, 60, 90]),
            life_areas=tuple(rng.sample(list(LifeArea), rng.randint(1, 2))),
        )
        summary.notes += 1
    if summary.documents < DEMO_DOCUMENTS:  # a few, so that the tab shows something
        client = services.clients.get(case.client_id)
        services.documents.attach_content(
            case.id, "aufenthaltstitel.pdf", _sample_permit(client.full_name),
            kind=DocumentKind.RESIDENCE_PERMIT, dated_on=start, note="Muster (Demo)",
        )  # fmt: skip
        summary.documents += 1
    if rng.random() < 0.08:
        reason = rng.choice([ClosingReason.INDEPENDENT] * 3 + [ClosingReason.MOVED_AWAY])
        closed_on = today - timedelta(days=rng.randint(0, max(0, (today - case.opened_on).days)))
        services.cases.close(case.id, reason, closed_on=closed_on)


DEMO_DOCUMENTS = 5


def _sample_permit(name: str) -> bytes:
    """A one-page PDF that stands for a scanned residence permit."""
    import io

    from reportlab.lib.pagesizes import A6, landscape
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=landscape(A6))
    page.setFont("Helvetica-Bold", 12)
    page.drawString(20, 260, "AUFENTHALTSTITEL – MUSTER (Demo)")
    page.setFont("Helvetica", 10)
    page.drawString(20, 235, f"Name: {name}")
    page.drawString(20, 218, "§ 24 AufenthG – vorübergehender Schutz")
    page.rect(300, 150, 80, 100)
    page.save()
    return out.getvalue()


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
            completed_on=min(today, referral.start_on + timedelta(days=rng.randint(90, 200))),
        )


WORK_AND_TRAINING = (
    EmploymentStatus.EMPLOYED,
    EmploymentStatus.EMPLOYED,
    EmploymentStatus.MINI_JOB,
    EmploymentStatus.SELF_EMPLOYED,
    EmploymentStatus.VOCATIONAL_TRAINING,
)


def generate_offers(services: Services, months: int = 6) -> int:
    """The coordinator's plan: a consultation date with 6 slots on the first Wednesday of
    each coming month, one supervised group and the residential group. Returns the count."""
    today = services.ctx.clock.today()
    first = today.replace(day=1)
    count = 0
    for month in range(months):
        year, index = divmod(first.month - 1 + month, 12)
        day = first.replace(year=first.year + year, month=index + 1)
        day += timedelta(days=(2 - day.weekday()) % 7)  # first Wednesday
        if day < today:
            continue
        services.planning.add_offer(
            TraumaOfferKind.CONSULTATION,
            starts_on=day,
            capacity=6,
            location="Landratsamt Ludwigsburg, Raum 2.14",
            specialist="Dr. med. Sabine Keller (Psychiatrie und Psychotherapie)",
        )
        count += 1
    services.planning.add_offer(
        TraumaOfferKind.GROUP_OFFERING,
        title="Stabilisierungsgruppe für Frauen",
        starts_on=today + timedelta(days=21),
        capacity=8,
        location="Haus der Familie, Bietigheim-Bissingen",
    )
    services.planning.add_offer(
        TraumaOfferKind.RESIDENTIAL_GROUP,
        title="Therapeutische Wohngruppe Ludwigsburg",
        starts_on=today,
        capacity=6,
        location="Ludwigsburg",
    )
    return count + 2


def assign_waiting(services: Services, share: float = 0.6) -> int:
    """Give part of the waiting requests a slot (the coordinator's demo round)."""
    assigned = 0
    for kind in (TraumaOfferKind.CONSULTATION, TraumaOfferKind.GROUP_OFFERING):
        waiting = services.planning.waiting_list(kind)
        for placement in waiting[: int(len(waiting) * share)]:
            for row in services.planning.offers(kind, from_date=services.ctx.clock.today()):
                if row.free:
                    services.planning.assign(placement.id, row.offer.id)
                    assigned += 1
                    break
    return assigned
