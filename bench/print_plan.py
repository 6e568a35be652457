"""Benchmark: printing a help plan with 40 goals (target: under 150 ms). Prints figures only.

    .venv/bin/python bench/print_plan.py [--repeat 15]

- render: HelpPlanPrint -> PDF bytes (German only as the baseline, German + Ukrainian,
  Arabic, Pashto (shaped by HarfBuzz) and Tigrinya (Ethiopic font)), with the ratio to the
  German-only render measured in the same run;
- print: the whole use case through the services on an encrypted case file (gather the
  data, render, audit event), German + Arabic, to memory.
"""

from __future__ import annotations

import argparse
import io
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from caseworker_desktop.domain.enums import EntryStatus, HelpPlanStatus, LifeArea
from caseworker_desktop.printing import HelpPlanPrint, PrintEntry, render_help_plan
from caseworker_desktop.services import NewClient, Services
from caseworker_desktop.storage.casefile import CaseFile

ENTRIES = 40
PASSPHRASE = "Benchmark-Passphrase-2026"


def goals() -> list[tuple[LifeArea, str, str, str, date]]:
    areas = list(LifeArea)
    return [
        (
            areas[i % len(areas)],
            f"Ziel {i + 1}: eigene Wohnung finden und den Mietvertrag verstehen",
            "Wohnungsanzeigen gemeinsam durchsehen; Termin bei der Wohnungsbaugesellschaft "
            "vereinbaren; Unterlagen zusammenstellen.",
            "Klient:in und Integrationsmanagement",
            date(2027, 1, 1 + i % 28),
        )
        for i in range(ENTRIES)
    ]


def sample_plan() -> HelpPlanPrint:
    statuses = list(EntryStatus)
    return HelpPlanPrint(
        plan_id="bench",
        district="Landratsamt Ludwigsburg",
        organisation="AWO Kreisverband Ludwigsburg",
        case_reference="IM-2026-00001",
        client_name="محمد عبدالله",
        client_birth_date=date(1990, 5, 17),
        client_address="Bahnhofstraße 12",
        client_municipality="Ludwigsburg",
        caseworker_name="Anna Müller",
        plan_status=HelpPlanStatus.AGREED,
        period_start=date(2026, 11, 1),
        period_end=date(2027, 4, 30),
        next_review_on=date(2027, 2, 1),
        printed_on=date(2026, 11, 24),
        agreed_on=date(2026, 11, 20),
        entries=tuple(
            PrintEntry(
                life_area=area,
                goal=goal,
                measures=measures,
                responsible=who,
                due_on=due,
                status=statuses[i % len(statuses)],
            )
            for i, (area, goal, measures, who, due) in enumerate(goals())
        ),
    )


def median_ms(fn, repeat: int) -> float:
    fn()  # warm-up: fonts are registered once per process
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def service_case(tmp: Path) -> tuple[Services, str, CaseFile]:
    case_file = CaseFile.create(tmp / "profile", username="bench", passphrase=PASSPHRASE)
    services = Services(case_file)
    municipality = services.clients.municipalities()[0]
    _, case = services.clients.register(
        NewClient(first_name="محمد", last_name="عبدالله", municipality_id=municipality.id)
    )
    plan = services.plans.create(case.id, date(2026, 11, 1), date(2027, 4, 30), date(2027, 2, 1))
    with services.transaction():
        for area, goal, measures, who, due in goals():
            services.plans.add_entry(
                plan.id, life_area=area, goal=goal, measures=measures, responsible=who, due_on=due
            )
    return services, case.id, case_file


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    data = sample_plan()
    print(f"Help plan with {ENTRIES} goals, median of {args.repeat} runs (target < 150 ms):")
    baseline = None
    for lang in (None, "uk", "ar", "ps", "ti"):
        ms = median_ms(
            lambda lang=lang: render_help_plan(data, io.BytesIO(), lang=lang), args.repeat
        )
        baseline = baseline or ms
        print(
            f"  render  de{'+' + lang if lang else '':<4} {ms:7.1f} ms  ({ms / baseline:.2f}x de)"
        )

    with tempfile.TemporaryDirectory() as tmp:
        services, case_id, case_file = service_case(Path(tmp))
        try:
            ms = median_ms(
                lambda: services.printing.print_help_plan(case_id, io.BytesIO(), lang="ar"),
                args.repeat,
            )
        finally:
            case_file.lock()
    print(f"  print   de+ar  {ms:7.1f} ms  (services: gather + render + audit event)")


if __name__ == "__main__":
    main()
