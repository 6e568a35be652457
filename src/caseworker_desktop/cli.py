"""The `caseworker` command: the core without a window (set-up, demo data, maintenance).

Exit codes: 0 done, 1 a check found problems, 2 a user mistake or bad input (clear
message, no traceback), 130 interrupted."""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa
from sqlcipher3 import dbapi2 as sqlcipher

from . import german_argparse
from .cli_cases import cmd_cases, cmd_export_client, cmd_import, cmd_print_plan
from .cli_common import (
    DEMO_PASSPHRASE,
    NEW_PASSPHRASE_ENV,
    PASSPHRASE_ENV,
    UsageError,
    ask,
    read_file,
    unlocked,
)
from .config import setup_logging
from .domain.errors import CaseworkerError
from .hardening import harden_process
from .storage import vault
from .storage.casefile import CaseFile, profile_exists

log = logging.getLogger(__name__)


def cmd_init(args) -> int:
    recovery = None
    if args.recovery_key:
        recovery = read_file(args.recovery_key, "Wiederherstellungsschlüssel")
    passphrase = ask("Neue Passphrase: ", PASSPHRASE_ENV, confirm=True)
    case_file = CaseFile.create(
        Path(args.data_dir),
        username=args.user,
        display_name=args.display_name,
        passphrase=passphrase,
        recovery_public_pem=recovery,
    )
    case_file.lock()
    print(f"Falldatei für {args.user} angelegt in {args.data_dir}.")
    if recovery is None:
        print(
            "Hinweis: Es wurde kein Wiederherstellungsschlüssel des Landratsamts hinterlegt. "
            "Wer die Passphrase vergisst, verliert den Zugang zu dieser Falldatei."
        )
    return 0


def cmd_demo_data(args) -> int:
    from . import demo
    from .services import Services

    if args.clients < 1:
        raise UsageError("--clients muss mindestens 1 sein.")
    with unlocked(args) as case_file:
        started = time.perf_counter()
        summary = demo.generate(Services(case_file), args.clients, seed=args.seed)
        elapsed = time.perf_counter() - started
    print(
        f"{summary.clients} Klient:innen in {summary.households} Haushalten angelegt "
        f"({summary.plan_entries} Hilfeplanziele, {summary.course_referrals} Sprachkurs- und "
        f"{summary.trauma_referrals} Traumavermittlungen, {summary.notes} Beratungskontakte) "
        f"in {elapsed:.1f} s."
    )
    return 0


def cmd_passwd(args) -> int:
    with unlocked(args) as case_file:
        old = ask("Bisherige Passphrase: ", PASSPHRASE_ENV)
        new = ask("Neue Passphrase: ", NEW_PASSPHRASE_ENV, confirm=True)
        case_file.change_passphrase(old, new)
    print("Passphrase geändert.")
    return 0


def cmd_backup(args) -> int:
    with unlocked(args) as case_file:
        path = case_file.backup("manual", Path(args.out) if args.out else None)
    print(f"Verschlüsselte Sicherung geschrieben: {path}")
    return 0


def cmd_restore(args) -> int:
    backup = Path(args.backup)
    case_file = CaseFile.restore(
        backup,
        Path(args.data_dir),
        ask("Passphrase der Sicherung: ", PASSPHRASE_ENV),
        replace=args.replace,
    )
    try:
        problems = case_file.verify()
    finally:
        case_file.lock()
    print(f"Sicherung {backup.name} zurückgespielt nach {args.data_dir}.")
    aside = sorted(Path(args.data_dir).glob("replaced-*"))
    if args.replace and aside:
        print(f"Die bisherige Falldatei liegt unverändert in {aside[-1]}.")
    print(
        "Was seit der Sicherung an das Landratsamt übertragen wurde, kommt mit dem nächsten "
        "Abgleich zurück."
    )
    for problem in problems:
        print(f"  - {problem}")
    return 1 if problems else 0


def cmd_verify(args) -> int:
    with unlocked(args) as case_file:
        problems = case_file.verify()
    if problems:
        print("Prüfung fehlgeschlagen:")
        for problem in problems:
            print(f"  - {problem}")
        return 1
    print("Prüfung bestanden: Verschlüsselung (HMAC aller Seiten), Datenbank und Protokollkette.")
    return 0


def cmd_export_key_info(args) -> int:
    with unlocked(args) as case_file:
        info = case_file.key_info()
    text = json.dumps(info, indent=2, ensure_ascii=False)
    if args.out:
        from .storage.atomic import write_atomic

        write_atomic(Path(args.out), text.encode() + b"\n", mode=0o644)
        print(f"Schlüsselinformationen geschrieben: {args.out}")
    else:
        print(text)
    return 0


def cmd_recover(args) -> int:
    from .sync.client import SyncClient

    new = ask("Neue Passphrase: ", NEW_PASSPHRASE_ENV, confirm=True)
    case_file = SyncClient.recover(Path(args.data_dir), args.server, args.code, new)
    case_file.lock()
    print(
        "Zugang wiederhergestellt: neue Passphrase, neuer Datenschlüssel, frische Sicherung. "
        "Die alte Passphrase, alte Schlüsseldateien und alte Sicherungen öffnen nichts mehr."
    )
    return 0


def cmd_enrol(args) -> int:
    from .sync.client import SyncClient

    with unlocked(args) as case_file:
        user = SyncClient.enrol(case_file, args.server, args.code)
    print(f"Gerät angemeldet beim Landratsamt als {user.display_name} ({user.role.value}).")
    return 0


def cmd_sync(args) -> int:
    from .services import Services
    from .sync.client import SyncClient

    with unlocked(args) as case_file:
        with SyncClient(case_file, server_url=args.server) as client:
            report = client.sync()
        # Slots and places the coordinator gave: into this user's trauma referrals.
        carried = Services(case_file).planning.apply_assignments()
    if carried:
        print(f"{carried} Termine/Plätze der Koordination übernommen.")
    documents = (
        f" Dokumente: {report.documents_sent} gesendet, {report.documents_received} empfangen"
        f", {report.documents_waiting} warten."
        if report.documents_sent or report.documents_received or report.documents_waiting
        else ""
    )
    print(
        f"Synchronisiert in {report.seconds:.2f} s: {report.pushed} Änderungen gesendet"
        f" ({report.duplicates} bereits bekannt), {report.pulled} empfangen, "
        f"{report.conflicts} neue Konflikte, {report.evicted_cases} Fälle abgegeben.{documents}"
    )
    if report.handed_over:
        print(
            f"{report.handed_over} Änderungen in inzwischen umverteilten Akten wurden der neuen "
            "Fachkraft zur Übernahme übergeben."
        )
    if report.rejected > report.handed_over:
        print(
            f"Achtung: {report.rejected - report.handed_over} Änderungen hat das Landratsamt "
            "nicht übernommen; sie stehen in der App unter „nicht übernommen“ mit dem Grund."
        )
    if report.quarantined:
        print(
            f"Achtung: {report.quarantined} empfangene Werte sind auf diesem Gerät nicht lesbar "
            "und wurden beiseitegelegt (in der App unter „nicht übernommen“)."
        )
    if report.restamped:
        print(f"{report.restamped} Zeitstempel aus der Zeit der falsch gehenden Uhr erneuert.")
    if report.clock_warning:
        print(f"Hinweis: {report.clock_warning}")
    if report.audit_problem:
        print(f"Achtung: {report.audit_problem}")
        return 1  # a check found a problem
    return 0


def cmd_demo_profile(args) -> int:
    """`make run`: make sure a demo profile exists and say how to use it."""
    from . import demo
    from .services import Services

    data_dir = Path(args.data_dir)
    if not profile_exists(data_dir):
        print(f"Lege Demo-Falldatei in {data_dir} an …")
        case_file = CaseFile.create(
            data_dir,
            username=args.user,
            display_name=args.display_name,
            passphrase=DEMO_PASSPHRASE,
        )
        if args.clients > 0:
            demo.generate(Services(case_file), args.clients, seed=1)
        case_file.lock()
    print(f"Demo-Falldatei: {data_dir.resolve()}")
    print(f"Demo-Passphrase: {DEMO_PASSPHRASE}")
    print("Das Programmfenster öffnet sich mit dem Entsperr-Dialog; dort die Passphrase eingeben.")
    print(f"Von Hand: .venv/bin/caseworker-desktop --data-dir {data_dir}")
    return 0


def cmd_demo_planning(args) -> int:
    """`make run`: the coordinator's demo plan (dates, groups) and a round of assignments."""
    from . import demo
    from .services import Services

    with unlocked(args) as case_file:
        services = Services(case_file)
        created = 0 if services.planning.offers() else demo.generate_offers(services)
        assigned = demo.assign_waiting(services)
    print(f"Traumaangebote: {created} angelegt, {assigned} Anfragen mit Termin/Platz versorgt.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    german_argparse.install()
    parser = argparse.ArgumentParser(
        prog="caseworker",
        description="Caseworker Desktop ohne Fenster: Falldatei anlegen, prüfen, sichern.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="BEFEHL")

    def add(name: str, func: Callable, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--data-dir", required=True, help="Profilordner mit der Falldatei")
        p.set_defaults(func=func)
        return p

    p = add("init", cmd_init, "Neue verschlüsselte Falldatei anlegen")
    p.add_argument("--user", required=True, help="Benutzername")
    p.add_argument("--display-name", help="Anzeigename")
    p.add_argument("--recovery-key", help="Öffentlicher Wiederherstellungsschlüssel (PEM)")
    p = add("demo-data", cmd_demo_data, "Synthetische Fälle für Demo und Tests anlegen")
    p.add_argument("--clients", type=int, required=True, help="Anzahl Klient:innen")
    p.add_argument("--seed", type=int, default=1, help="Startwert des Zufallsgenerators")
    add("passwd", cmd_passwd, "Passphrase ändern (die Falldatei erhält einen neuen Schlüssel)")
    p = add("backup", cmd_backup, "Verschlüsselte Sicherung schreiben")
    p.add_argument("--out", help="Zielordner (Standard: backups/ im Profil)")
    p = add("restore", cmd_restore, "Sicherung als Falldatei zurückspielen")
    p.add_argument(
        "--backup", required=True, metavar="DATEI", help="Sicherungsdatei (.cwbackup oder .db)"
    )
    p.add_argument(
        "--replace",
        action="store_true",
        help="eine vorhandene Falldatei ersetzen (eine Kopie bleibt in replaced-<Zeit>/)",
    )
    add("verify", cmd_verify, "Integrität von Verschlüsselung, Datenbank und Protokoll prüfen")
    p = add("export-key-info", cmd_export_key_info, "Schlüsselparameter ohne Geheimnisse")
    p.add_argument("--out", help="Datei statt Standardausgabe")
    p = add("recover", cmd_recover, "Vergessene Passphrase: Zugang mit Einmalcode des Landratsamts")
    p.add_argument("--server", required=True, help="Adresse des Servers des Landratsamts")
    p.add_argument("--code", required=True, help="Wiederherstellungscode (telefonisch erhalten)")
    p = add("enrol", cmd_enrol, "Gerät mit Einmalcode beim Landratsamt anmelden")
    p.add_argument(
        "--server", required=True, help="Adresse des Servers, z. B. http://127.0.0.1:8750"
    )
    p.add_argument("--code", required=True, help="Einmalcode der Teamleitung/Administration")
    p = add("sync", cmd_sync, "Mit dem Server des Landratsamts synchronisieren")
    p.add_argument("--server", help="Adresse des Servers (Standard: die bei der Anmeldung)")
    p = add("demo-profile", cmd_demo_profile, "Demo-Profil anlegen (für make run)")
    p.add_argument("--clients", type=int, default=300, help="0: leere Falldatei")
    p.add_argument("--user", default="demo", help="Benutzername")
    p.add_argument("--display-name", default="Demo Integrationsmanagerin")
    add("demo-planning", cmd_demo_planning, "Demo: Traumaangebote planen (Koordination)")
    p = add("print-plan", cmd_print_plan, "Hilfeplan eines Falls als PDF drucken")
    p.add_argument(
        "--case", required=True, help="Fall-ID oder Aktenzeichen (z. B. IM-2026-00001-3F2A)"
    )
    p.add_argument("--out", required=True, help="Ziel-PDF-Datei")
    p.add_argument(
        "--lang",
        help="Zweite Sprache: en, uk, ru, ar, fa, ps, tr, kmr, ti, so, fr (Standard: nur Deutsch)",
    )
    p.add_argument(
        "--include-trauma",
        action="store_true",
        help="Angaben zur Traumasprechstunde mitdrucken (vertraulich)",
    )
    p = add(
        "export-client",
        cmd_export_client,
        "Auskunft nach Art. 15 DSGVO: alle Daten einer Person als JSON und PDF",
    )
    p.add_argument(
        "--client",
        required=True,
        metavar="AKTENZEICHEN",
        help="Aktenzeichen eines Falls der Person oder ihre Kennung",
    )
    p.add_argument("--out", required=True, metavar="ORDNER", help="Zielordner (JSON und PDF)")
    p.add_argument(
        "--include-trauma",
        action="store_true",
        help="Angaben zur Traumasprechstunde aufnehmen (ausdrückliche Wahl, protokolliert)",
    )
    p.add_argument("--lang", help="Überschriften auch in dieser Sprache (Standard: die der Person)")
    p = add(
        "import", cmd_import, "Bestehenden Fallbestand aus einer Excel- oder CSV-Liste übernehmen"
    )
    p.add_argument("--file", required=True, metavar="LISTE", help="Liste als .xlsx, .csv oder .tsv")
    p.add_argument("--kommune", help="Kommune für Zeilen ohne eigene (Spalte „Kommune“)")
    p.add_argument(
        "--dry-run", action="store_true", help="nur prüfen und berichten, nichts speichern"
    )
    p = add("cases", cmd_cases, "Fälle auflisten (für Skripte und Sammeldruck)")
    p.add_argument(
        "--overdue", action="store_true", help="nur Fälle mit überfälliger Fortschreibung"
    )
    p.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help="Ausgabe: table (Tabelle), csv (Semikolon) oder json",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    harden_process()  # case data in memory: no core dumps
    args = build_parser().parse_args(argv)
    setup_logging()
    try:
        return args.func(args)
    except vault.WrongPassphraseError as exc:
        print(f"Fehler: {exc}", file=sys.stderr)
        return 2
    except CaseworkerError as exc:
        print(f"Fehler: {exc}", file=sys.stderr)
        return exc.exit_code
    except (sa.exc.DatabaseError, sqlcipher.DatabaseError) as exc:
        log.error("database error (%s)", type(exc).__name__)  # never the SQL parameters
        print(
            "Fehler: Die Falldatei ist beschädigt oder wurde verändert. "
            "Bitte `caseworker verify` ausführen und eine Sicherung zurückspielen.",
            file=sys.stderr,
        )
        return 2
    except KeyboardInterrupt:
        print("Abgebrochen.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
