"""`caseworker-office`: run and administer the district office server.

User errors print one German line and exit with 2; no tracebacks."""

from __future__ import annotations

import argparse
import csv
import io
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path

import sqlalchemy.exc

from .. import german_argparse
from ..domain.errors import CaseworkerError
from ..hardening import harden_process
from ..storage.atomic import write_atomic
from . import auth, cli_documents, cli_letters, cli_operations, cli_privacy, recovery
from .cli_common import open_store, read_file
from .rotation import rotate
from .schema import audit
from .store import Store

DEFAULT_DB = "sqlite:///office.db"
EXIT_USER_ERROR = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(EXIT_USER_ERROR, f"Fehler: ungültiger Aufruf – {message}\n")


def cmd_tls_pin(args) -> int:
    """Behind a reverse proxy: the certificate laptops see is the proxy's."""
    with open_store(args) as store:
        pin = store.pin_certificate(read_file(args.cert, "Das Zertifikat"))
    print(f"Fingerabdruck gespeichert: {pin.hex()}; neue Anmeldecodes enthalten ihn.")
    return 0


def cmd_migrate(args) -> int:
    store = Store(args.db, migrate=True, key_file=args.key_file)
    before, after = store.migrated or (None, "?")
    keys_at, encrypted, sealed = store.keys.path, store.encrypted, store.sealed
    store.close()
    if before == after:
        print(f"Die Datenbank ist auf dem neuesten Stand (Version {after}).")
    else:
        print(f"Datenbank migriert: Version {before or 'leer'} → {after}.")
    if encrypted:
        print("Die bisher unverschlüsselte Datenbank ist jetzt verschlüsselt (SQLCipher).")
    if sealed:
        print(f"{sealed} vertrauliche Texte versiegelt.")
    print(f"Schlüsseldatei: {keys_at} (nur für den Server lesbar; getrennt sichern!)")
    return 0


def cmd_team_add(args) -> int:
    with open_store(args) as store:
        store.add_team(args.name)
    print(f"Team „{args.name}“ angelegt.")
    return 0


def cmd_user_add(args) -> int:
    with open_store(args) as store:
        user_id = store.add_user(args.username, args.display_name, args.role, args.team)
    print(f"Benutzer „{args.username}“ angelegt (Kennung {user_id}).")
    return 0


def cmd_user_stand_in(args) -> int:
    with open_store(args) as store:
        store.set_stand_in(args.username, not args.off)
    if args.off:
        print(f"„{args.username}“ kommentiert und gibt frei (keine Vertretung mehr).")
    else:
        print(f"„{args.username}“ darf als Vertretung Akten des Teams bearbeiten.")
    return 0


def cmd_enrol(args) -> int:
    with open_store(args) as store:
        code, expires = store.issue_enrolment_code(args.username)
    print(f"Anmeldecode für {args.username}: {code}")
    pinned = len(code.replace("-", "")) > 12
    print(
        f"Einmal verwendbar, gültig bis {expires:%d.%m.%Y %H:%M} UTC."
        + (" Er enthält den Fingerabdruck des Servers." if pinned else "")
    )
    return 0


def cmd_revoke(args) -> int:
    with open_store(args) as store:
        store.revoke(args.device)
    print(f"Gerät {args.device} gesperrt; es kann ab sofort nicht mehr abgleichen.")
    return 0


def cmd_reassign(args) -> int:
    with open_store(args) as store:
        resent = store.reassign(args.case, args.to)
    print(
        f"Akte {args.case} ist jetzt {args.to} zugewiesen; {resent} Felder werden beim "
        "nächsten Abgleich übertragen, das bisherige Gerät entfernt die Akte."
    )
    return 0


def cmd_recovery(args) -> int:
    """A forgotten passphrase: unwrap the device's escrowed data key here, at the office, with
    the private recovery key, and wrap it again to a one-time code for the phone. The laptop
    turns code and key into a new passphrase and a new data key; the private key and the data
    key never leave this machine in the clear."""
    try:
        pem = Path(args.recovery_key).read_bytes()
    except OSError as exc:
        raise auth.OfficeError(f"Die Schlüsseldatei {args.recovery_key} ist nicht lesbar.") from exc
    with open_store(args) as store, store.write() as conn:
        issued = recovery.issue(conn, args.device, pem)
    print(f"Wiederherstellungscode für Gerät {args.device} ({issued.username}): {issued.code}")
    print(
        f"Einmal verwendbar, gültig bis {issued.expires:%d.%m.%Y %H:%M} UTC. Am Laptop: "
        "„Passphrase vergessen …“ im Entsperrdialog (oder caseworker recover)."
    )
    return 0


def cmd_recovery_key(args) -> int:
    out = Path(args.out)
    if out.exists():
        raise auth.OfficeError(f"{out} gibt es schon; bitte eine andere Datei angeben.")
    with open_store(args) as store, store.write() as conn:
        private = recovery.create_key_pair(conn)
        write_atomic(out, private, mode=0o600)  # in the transaction: no key without its file
    print(
        f"Privater Wiederherstellungsschlüssel geschrieben: {out} (nur für die Administration; "
        "sicher aufbewahren, z. B. zusätzlich offline). Geräte hinterlegen ihre Datenschlüssel "
        "ab der nächsten Anmeldung oder Synchronisation dafür."
    )
    return 0


def cmd_rotate_keys(args) -> int:
    with open_store(args) as store:
        done = rotate(store)
    print(
        f"Neue Schlüssel: {done.resealed} vertrauliche Texte neu versiegelt"
        + (", Datenbank neu verschlüsselt" if done.database_rekeyed else "")
        + f". Die neue Schlüsseldatei ({store.keys.path}) getrennt sichern; die bisherige "
        "öffnet nur noch ältere Sicherungen der Datenbank."
    )
    return 0


def cmd_devices(args) -> int:
    with open_store(args) as store, store.engine.connect() as conn:
        rows = recovery.devices(conn, args.user)
    if not rows:
        print("Keine Geräte.")
        return 0
    for row in rows:
        state = f"gesperrt {row.revoked_at:%d.%m.%Y}" if row.revoked_at else "aktiv"
        escrow = "hinterlegt" if row.escrowed else "kein Wiederherstellungsschlüssel"
        print(
            f"{row.id}  {row.username:<12} {row.name:<16} angemeldet "
            f"{row.enrolled_at:%d.%m.%Y}  {state}  {escrow}"
        )
    return 0


def _day(text: str) -> date:
    try:
        if "." in text:
            day, month, year = (int(part) for part in text.split("."))
            return date(year, month, day)
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"„{text}“ ist kein Datum (TT.MM.JJJJ oder JJJJ-MM-TT)."
        ) from None


def _count(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"„{text}“ ist keine Zahl ab 0.")
    return int(text)


def cmd_report(args) -> int:
    """The outcome report for the social committee: aggregates only (caseworkers as
    "Fachkraft n" unless --with-names), as CSV and/or PDF."""
    from ..domain.reports import csv_rows
    from .reports import district_report

    if not (args.csv or args.pdf):
        raise auth.OfficeError("Bitte --csv DATEI und/oder --pdf DATEI angeben.")
    with open_store(args) as store:
        report = district_report(
            store,
            args.start,
            args.end,
            team=args.team,
            municipalities=args.municipality or (),
            with_names=args.with_names,
        ).for_export(args.min_count)
        scope = f"Team {args.team}" if args.team else "Landkreis"
        written = []
        if args.csv:
            buffer = io.StringIO()
            csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(csv_rows(report))
            write_atomic(Path(args.csv), ("\ufeff" + buffer.getvalue()).encode("utf-8"))
            written.append(args.csv)
        if args.pdf:
            from ..printing.report import render_outcome_report

            out = io.BytesIO()
            render_outcome_report(report, out, scope=scope)
            write_atomic(Path(args.pdf), out.getvalue())
            written.append(args.pdf)
        with store.write() as conn:
            audit(
                conn,
                "admin",
                "report_export",
                f"{scope} {args.start.isoformat()}..{args.end.isoformat()}"
                f"{' with_names' if args.with_names else ''} -> {', '.join(written)}",
            )
    total = report.total.figures
    print(
        f"Ergebnisbericht {args.start:%d.%m.%Y}–{args.end:%d.%m.%Y} ({scope}): "
        f"{total['open_at_end']} begleitete Fälle, {len(report.rows)} Kommunen; "
        f"geschrieben: {', '.join(written)}"
    )
    return 0


ACTIONS_DE = {
    "create": "angelegt", "update": "geändert", "delete": "gelöscht", "view": "angesehen",
    "print": "gedruckt", "export": "exportiert", "unlock": "entsperrt",
    "passphrase_change": "Passphrase geändert", "backup": "gesichert",
    "recovery": "wiederhergestellt", "merge": "zusammengeführt",
    "restore": "Sicherung zurückgespielt",
}  # fmt: skip


def cmd_audit(args) -> int:
    """Who saw or changed what, from the devices' audit trails (every view of a trauma
    referral included). Reading it is itself recorded."""
    from ..domain.labels import TABLE_LABELS_DE
    from .audit import listing

    if not (args.case or args.username or args.start or args.end):
        raise auth.OfficeError("Bitte --case, --user und/oder --from/--to angeben.")
    with open_store(args) as store:
        with store.engine.connect() as conn:
            found = listing(
                conn,
                case_reference=args.case,
                username=args.username,
                start=datetime.combine(args.start, time()) if args.start else None,
                end=datetime.combine(args.end, time()) + timedelta(days=1) if args.end else None,
            )
        with store.write() as conn:
            asked = f"case={args.case or ''} user={args.username or ''} rows={len(found)}"
            audit(conn, "admin", "audit_read", asked)
    print(f"{len(found)} Einträge")
    for e in found:
        when = e.at[:16].replace("T", " ")
        area = TABLE_LABELS_DE.get(e.entity, e.entity)
        print(
            f"{when}  {e.user}  {ACTIONS_DE.get(e.action, e.action)}  {area}"
            f"{'  ' + e.detail if e.detail else ''}"
            f"{'  Akte ' + e.case_reference if e.case_reference else ''}  Gerät {e.device_id[:8]}"
        )
    return 0


def build_parser() -> argparse.ArgumentParser:
    german_argparse.install()
    parser = _Parser(
        prog="caseworker-office", description="Server des Landratsamts für Caseworker Desktop"
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="BEFEHL")

    def command(name, func, help_text, parent=sub) -> argparse.ArgumentParser:
        p = parent.add_parser(name, help=help_text)
        p.add_argument("--db", default=DEFAULT_DB, help=f"Datenbank-URL (Vorgabe: {DEFAULT_DB})")
        p.add_argument(
            "--key-file",
            metavar="DATEI",
            help="Schlüsseldatei des Landratsamts (Vorgabe: neben der SQLite-Datei, "
            "$CASEWORKER_OFFICE_KEY_FILE oder die systemd-Credential)",
        )
        p.set_defaults(func=func)
        return p

    command("migrate", cmd_migrate, "Datenbank anlegen oder auf den neuesten Stand bringen")

    p = command("serve", cli_operations.cmd_serve, "Server starten")
    p.add_argument("--host", default="127.0.0.1", help="Adresse (Vorgabe: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8750, help="Port (Vorgabe: 8750)")
    p.add_argument("--tls-cert", metavar="DATEI", help="TLS-Zertifikat (PEM)")
    p.add_argument("--tls-key", metavar="DATEI", help="Privater Schlüssel dazu (PEM)")
    p.add_argument(
        "--trusted-proxy",
        action="append",
        default=[],
        metavar="ADRESSE",
        help="Adresse eines vorgeschalteten Proxys, dessen X-Forwarded-For gilt (mehrfach)",
    )
    p.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="Anzahl der Serverprozesse (mehr als einer nur mit PostgreSQL; Vorgabe: 1)",
    )
    p.add_argument(
        "--metrics-from",
        action="append",
        default=[],
        metavar="BEREICH",
        help="Adressbereich, der /metrics abrufen darf, z. B. 10.0.5.0/24 (mehrfach; "
        "Vorgabe: nur 127.0.0.1 und ::1)",
    )

    tls = sub.add_parser("tls", help="TLS-Zertifikat des Landratsamts").add_subparsers(
        dest="action", required=True, metavar="AKTION"
    )
    p = command(
        "pin", cmd_tls_pin, "Zertifikat vor einem Reverse Proxy für Anmeldecodes merken", tls
    )
    p.add_argument("--cert", required=True, metavar="DATEI", help="Zertifikat, das Laptops sehen")

    team = sub.add_parser("team", help="Teams verwalten").add_subparsers(
        dest="action", required=True, metavar="AKTION"
    )
    p = command("add", cmd_team_add, "Team anlegen", team)
    p.add_argument("--name", required=True)

    user = sub.add_parser("user", help="Benutzer verwalten").add_subparsers(
        dest="action", required=True, metavar="AKTION"
    )
    p = command("add", cmd_user_add, "Benutzer anlegen", user)
    p.add_argument("--username", required=True)
    p.add_argument("--display-name", default="")
    p.add_argument("--role", choices=auth.ROLES, default="caseworker")
    p.add_argument("--team", help="Name des Teams")
    p = command(
        "stand-in",
        cmd_user_stand_in,
        "Teamleitung als Vertretung Akten bearbeiten lassen (sonst nur kommentieren, freigeben)",
        user,
    )
    p.add_argument("--username", required=True)
    p.add_argument("--off", action="store_true", help="Vertretung wieder beenden")

    p = command("enrol", cmd_enrol, "Einmal-Anmeldecode für ein Gerät ausgeben (24 h gültig)")
    p.add_argument("--username", required=True)

    p = command("revoke", cmd_revoke, "Gerät sperren")
    p.add_argument("--device", required=True, help="Gerätekennung")

    p = command("reassign", cmd_reassign, "Akte einer anderen Fachkraft zuweisen")
    p.add_argument("--case", required=True, help="Kennung der Akte")
    p.add_argument("--to", required=True, help="Benutzername der neuen Fachkraft")

    command(
        "rotate-keys",
        cmd_rotate_keys,
        "Neue Schlüssel für Datenbank und vertrauliche Texte (Server vorher anhalten)",
    )

    p = command("devices", cmd_devices, "Angemeldete Geräte auflisten")
    p.add_argument("--user", help="Nur die Geräte dieses Benutzers")

    p = command(
        "recovery-key", cmd_recovery_key, "Wiederherstellungsschlüssel des Landratsamts anlegen"
    )
    p.add_argument("--out", required=True, help="Datei für den privaten Schlüssel (PEM)")

    p = command("recovery", cmd_recovery, "Einmal-Wiederherstellungscode für ein Gerät ausgeben")
    p.add_argument("--device", required=True, help="Gerätekennung")
    p.add_argument("--recovery-key", required=True, help="Privater Schlüssel (PEM)")

    p = command("audit", cmd_audit, "Protokoll: wer hat was gesehen oder geändert")
    p.add_argument("--case", metavar="AKTENZEICHEN", help="Nur diese Akte")
    p.add_argument("--user", dest="username", metavar="BENUTZER", help="Nur diese Person")
    p.add_argument("--from", dest="start", type=_day, help="Ab (TT.MM.JJJJ)")
    p.add_argument("--to", dest="end", type=_day, help="Bis einschließlich (TT.MM.JJJJ)")

    p = command("report", cmd_report, "Ergebnisbericht (nur Summen) als CSV/PDF")
    p.add_argument("--from", dest="start", type=_day, required=True, help="Beginn (TT.MM.JJJJ)")
    p.add_argument("--to", dest="end", type=_day, required=True, help="Ende (TT.MM.JJJJ)")
    p.add_argument("--team", help="Nur die Fälle dieses Teams")
    p.add_argument("--municipality", action="append", help="Nur diese Kommune (mehrfach)")
    p.add_argument(
        "--with-names", action="store_true", help="Fachkräfte mit Namen statt „Fachkraft n“"
    )
    p.add_argument("--csv", help="CSV-Datei schreiben")
    p.add_argument("--pdf", help="PDF-Datei schreiben")
    p.add_argument(
        "--min-count",
        type=_count,
        default=3,
        metavar="N",
        help="Zahlen von 1 bis N-1 als „< N“ ausgeben, damit niemand erkennbar ist "
        "(Vorgabe: 3; 0: alle Zahlen genau)",
    )

    cli_privacy.add_commands(sub, command, _day)
    cli_letters.add_commands(sub, command)
    cli_documents.add_commands(sub, command)
    cli_operations.add_commands(command)
    return parser


def main(argv: list[str] | None = None) -> int:
    harden_process()  # case data in memory: no core dumps
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except CaseworkerError as exc:
        print(f"Fehler: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except sqlalchemy.exc.ArgumentError:
        print(f"Fehler: Ungültige Datenbank-URL: {args.db}", file=sys.stderr)
        return EXIT_USER_ERROR
    except sqlalchemy.exc.OperationalError as exc:
        reason = str(exc.orig).splitlines()[0] if exc.orig else ""
        print(f"Fehler: Die Datenbank ist nicht erreichbar ({reason}).", file=sys.stderr)
        return EXIT_USER_ERROR
    except OSError as exc:  # a full disk, a missing directory: said, not a traceback
        print(f"Fehler: {exc.strerror or exc} ({exc.filename or ''})", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
