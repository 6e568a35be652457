"""The data-protection commands of `caseworker-office`: retention rules, what is due and
deleting it (office/retention.py), the access log of a case (office/access.py)."""

from __future__ import annotations

import argparse
from pathlib import Path

import sqlalchemy as sa

from ..storage.db import compact_sqlite
from . import access, retention
from . import schema as s
from .auth import OfficeError
from .cli_common import open_store
from .retention import _reference


def cmd_show(args, store) -> int:
    with store.engine.connect() as conn:
        rules = retention.rules(conn)
    print(f"Aufbewahrung: {rules.describe()}.")
    return 0


def cmd_set(args, store) -> int:
    with store.write() as conn:
        old = retention.rules(conn)
        new = retention.RetentionRules(
            case_years=args.case_years if args.case_years is not None else old.case_years,
            trauma_years=args.trauma_years if args.trauma_years is not None else old.trauma_years,
        )
        retention.set_rules(conn, new)
    print(f"Aufbewahrung jetzt: {new.describe()}.")
    return 0


def cmd_run(args, store) -> int:
    as_of = args.as_of or s.district_day(s.utcnow())
    with store.write() as conn:
        rules = retention.rules(conn)
        items = retention.due(conn, as_of, rules)
        if not args.apply:
            print(f"Fällig am {as_of:%d.%m.%Y} ({rules.describe()}): {len(items)}")
            for item in items:
                print(f"  {item.line()}")
            return 0
        rows = sum(retention.purge(conn, store.hlc, item, "retention") for item in items)
    if items:
        _compact(store.engine)
    print(
        f"Gelöscht: {len(items)} ({rows} Datensätze). Die Laptops löschen sie beim nächsten "
        "Abgleich, samt ihrer Sicherungskopien."
    )
    return 0


def _compact(engine: sa.Engine) -> None:
    """Deleted values must not linger in free pages (SQLite) or dead rows (PostgreSQL)."""
    if engine.dialect.name == "sqlite":
        raw = engine.raw_connection()  # the driver's own: no transaction around VACUUM
        try:
            compact_sqlite(raw.driver_connection)
        finally:
            raw.close()
        return
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        for table in ("changes", "field_state", "row_case", "unscoped_rows", "cases"):
            conn.exec_driver_sql(f"VACUUM FULL {table}")


def case_id_of(conn: sa.Connection, given: str) -> str:
    """A case's id from its id or its Aktenzeichen."""
    given = given.strip()
    if found := s.case_with_reference(conn, given):
        return found
    known = conn.execute(sa.select(s.cases.c.case_id).where(s.cases.c.case_id == given)).scalar()
    known = (
        known
        or conn.execute(
            sa.select(s.deletions.c.case_id).where(s.deletions.c.case_id == given).limit(1)
        ).scalar()
    )
    if not known:
        raise OfficeError(f"Keine Akte „{given}“ (Aktenzeichen oder Kennung).")
    return known


def cmd_access_log(args, store) -> int:
    with store.engine.connect() as conn:
        case_id = case_id_of(conn, args.case)
        entries = access.log(conn, case_id)
        reference = _reference(conn, case_id) or case_id
    print(f"Akte {reference}: {len(entries)} Einträge (Tag, Gerät, Person, Richtung, Änderungen)")
    for e in entries:
        way = "gesendet an das Landratsamt" if e.direction == access.PUSH else "empfangen"
        device = f"{e.device_name} ({e.device_id[:8]})" if e.device_name else e.device_id[:8]
        print(f"  {e.day:%d.%m.%Y}  {device}  {e.display_name} ({e.username})  {way}: "
              f"{e.changes}")  # fmt: skip
    return 0


def cmd_export_client(args, store) -> int:
    from .access_export import export

    result = export(store, args.client, Path(args.out), include_trauma=args.include_trauma)
    print(f"Auskunft erstellt ({result.records} Einträge): {result.json_path}, {result.pdf_path}")
    return 0


def cmd_processing_record(args, store) -> int:
    from ..storage.atomic import write_atomic
    from . import processing_record

    out = Path(args.out)
    if not out.parent.is_dir():
        raise OfficeError(f"Zielordner fehlt: {out.parent}")
    with store.engine.connect() as conn:
        text = processing_record.markdown(conn, s.district_day(s.utcnow()))
    markdown, pdf = out.with_suffix(".md"), out.with_suffix(".pdf")
    write_atomic(markdown, text.encode("utf-8"))
    write_atomic(pdf, processing_record.pdf(text))
    print(f"Verzeichnis von Verarbeitungstätigkeiten: {markdown}, {pdf}")
    return 0


def add_commands(sub, command, day_type) -> None:
    p = command(
        "processing-record",
        _with_store(cmd_processing_record),
        "Verzeichnis von Verarbeitungstätigkeiten (Art. 30 DSGVO) als Markdown und PDF",
    )
    p.add_argument("--out", required=True, help="Zieldatei (.md und .pdf daneben)")
    p = command(
        "export-client",
        _with_store(cmd_export_client),
        "Auskunft nach Art. 15 DSGVO: alles zu einer Person als JSON und PDF",
    )
    p.add_argument("--client", required=True, help="Kennung der Person oder Aktenzeichen")
    p.add_argument("--out", required=True, help="Zielordner")
    p.add_argument(
        "--include-trauma",
        action="store_true",
        help="Angaben zur Traumasprechstunde aufnehmen (ausdrückliche Wahl, protokolliert)",
    )
    p = command(
        "access-log",
        _with_store(cmd_access_log),
        "Welche Geräte eine Akte gesendet oder empfangen haben",
    )
    p.add_argument("--case", required=True, help="Aktenzeichen oder Kennung der Akte")
    group = sub.add_parser(
        "retention", help="Aufbewahrungsfristen und Löschung nach Fristablauf"
    ).add_subparsers(dest="action", required=True, metavar="AKTION")
    command("show", _with_store(cmd_show), "Aufbewahrungsfristen anzeigen", group)
    p = command("set", _with_store(cmd_set), "Aufbewahrungsfristen festlegen", group)
    p.add_argument("--case-years", type=int, metavar="JAHRE", help="Akten: Jahre nach Abschluss")
    p.add_argument(
        "--trauma-years",
        type=int,
        metavar="JAHRE",
        help="Vermittlungen in die Traumasprechstunde: Jahre nach dem Termin",
    )
    p = command(
        "run", _with_store(cmd_run), "Fällige Daten auflisten (--dry-run) oder löschen", group
    )
    mode = p.add_mutually_exclusive_group(required=True)
    mode.add_argument("--dry-run", action="store_true", help="Nur auflisten, nichts löschen")
    mode.add_argument("--apply", action="store_true", help="Fällige Daten endgültig löschen")
    p.add_argument(
        "--as-of", type=day_type, metavar="DATUM", help="Stichtag (TT.MM.JJJJ, Vorgabe: heute)"
    )


def _with_store(func):
    def run(args: argparse.Namespace) -> int:
        with open_store(args) as store:
            return func(args, store)

    return run
