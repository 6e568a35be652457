"""The laptop's commands about cases: print a help plan, the access export (GDPR Art. 15),
import the district's list, the caseload for scripts."""

from __future__ import annotations

import csv
import json
import sys
import time
from pathlib import Path

from .cli_common import UsageError, open_case_file, unlocked


def cmd_print_plan(args) -> int:
    from .printing import check_language
    from .services import Services

    lang = check_language(args.lang)  # before the passphrase is asked for
    out = Path(args.out)
    if not out.parent.is_dir():
        raise UsageError(f"Zielordner für das PDF fehlt: {out.parent}")
    case_file = open_case_file(args)
    try:
        Services(case_file).printing.print_help_plan(
            args.case, out, lang=lang, include_trauma=args.include_trauma
        )
    except OSError as exc:
        raise UsageError(f"PDF nicht schreibbar: {out} ({exc.strerror})") from exc
    finally:
        case_file.lock()
    print(f"Hilfeplan gedruckt: {out}")
    return 0


def cmd_export_client(args) -> int:
    from .services import Services

    out = Path(args.out)
    if not out.is_dir():
        raise UsageError(f"Zielordner fehlt: {out}")
    with unlocked(args) as case_file:
        try:
            result = Services(case_file).access.export(
                args.client, out, include_trauma=args.include_trauma, lang=args.lang or ""
            )
        except OSError as exc:
            raise UsageError(f"Auskunft nicht schreibbar: {out} ({exc.strerror})") from exc
    print(f"Auskunft erstellt ({result.records} Einträge): {result.json_path}, {result.pdf_path}")
    return 0


def cmd_import(args) -> int:
    """An existing caseload from the district's list: checked whole, then all or nothing."""
    from .services import Services
    from .services.importer import ListUnreadable

    with unlocked(args) as case_file:
        services = Services(case_file)
        started = time.perf_counter()
        try:
            plan = services.imports.plan(Path(args.file), municipality=args.kommune or "")
        except ListUnreadable as exc:
            raise UsageError(str(exc)) from None
        print(plan.report())
        if plan.rejected:
            print("Nichts importiert: bitte die genannten Zeilen in der Liste berichtigen.")
            return 1
        if args.dry_run:
            print("Probelauf: nichts gespeichert.")
            return 0
        result = services.imports.run(plan)
        elapsed = time.perf_counter() - started
    print(
        f"{result.clients} Klient:innen in {result.households} Haushalten mit je einem offenen "
        f"Fall angelegt, {result.duplicates} Dubletten ausgelassen ({elapsed:.1f} s)."
    )
    return 0


CASE_COLUMNS = ("Aktenzeichen", "Name", "Kommune", "Status", "Nächste Fortschreibung")


def cmd_cases(args) -> int:
    """The caseload for scripts and batch printing: one line per case."""
    from .domain.labels import label
    from .services import Services

    with unlocked(args) as case_file:
        services = Services(case_file)
        today = services.ctx.clock.today()
        rows = services.cases.caseload()
    if args.overdue:
        rows = [r for r in rows if r.review_overdue(today)]
    rows.sort(key=lambda r: (r.client_name.casefold(), r.reference))
    records = [
        {
            "aktenzeichen": r.reference,
            "name": r.client_name,
            "kommune": r.municipality,
            "status": label(r.status),
            "naechste_fortschreibung": r.next_review_on.isoformat() if r.next_review_on else "",
        }
        for r in rows
    ]
    if args.format == "json":
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        print()
    elif args.format == "csv":
        writer = csv.writer(sys.stdout, delimiter=";", lineterminator="\n")
        writer.writerow(CASE_COLUMNS)  # ";": what German spreadsheet programs expect
        for record in records:
            writer.writerow(record.values())
    else:
        shown = [
            [*list(record.values())[:4], _german_date(record["naechste_fortschreibung"])]
            for record in records
        ]
        widths = [
            max([len(head), *(len(row[i]) for row in shown)]) for i, head in enumerate(CASE_COLUMNS)
        ]
        for row in (list(CASE_COLUMNS), *shown):
            print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
        print(
            f"{len(records)} Fälle" + (" mit überfälliger Fortschreibung" if args.overdue else "")
        )
    return 0


def _german_date(iso: str) -> str:
    return f"{iso[8:10]}.{iso[5:7]}.{iso[0:4]}" if iso else "–"
