"""`caseworker-office backup` and `restore` (office/backup.py)."""

from __future__ import annotations

from pathlib import Path

from . import backup


def cmd_backup(args) -> int:
    from .cli import _store

    out = Path(args.out)
    with _store(args) as store:
        backup.backup(store, out)
    print(f"Sicherung geschrieben: {out} (nur mit der Schlüsseldatei des Landratsamts lesbar)")
    return 0


def cmd_restore(args) -> int:
    backup.restore(args.db, Path(args.source), key_file=args.key_file, replace=args.replace)
    print(
        "Sicherung zurückgespielt. Die Laptops senden beim nächsten Abgleich alles erneut, "
        "was dem Landratsamt seitdem fehlt."
    )
    return 0


def add_commands(command) -> None:
    p = command("backup", cmd_backup, "Datenbank sichern (SQLite: verschlüsselte Kopie; pg_dump)")
    p.add_argument("--out", required=True, metavar="DATEI", help="Zieldatei (neu)")
    p = command("restore", cmd_restore, "Sicherung zurückspielen (Server vorher anhalten)")
    p.add_argument("--from", dest="source", required=True, metavar="DATEI", help="Sicherung")
    p.add_argument("--replace", action="store_true", help="eine nicht leere Datenbank ersetzen")
