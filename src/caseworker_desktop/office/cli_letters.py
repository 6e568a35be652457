"""`caseworker-office template add|list|remove`: the letter templates the laptops use
(invitation to an appointment, reminder, confirmation of participation)."""

from __future__ import annotations

from ..domain.errors import ValidationError
from ..domain.letters import PLACEHOLDERS
from . import letters
from . import schema as s
from .auth import OfficeError
from .cli_common import open_store, read_file


def cmd_add(args) -> int:
    raw = read_file(args.file, "Die Vorlage")
    try:
        body = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise OfficeError(f"Die Vorlage {args.file} ist kein UTF-8-Text.") from None
    with open_store(args) as store:
        try:
            with store.write() as conn:
                new = letters.put(conn, args.name, args.title, body, s.utcnow())
        except ValidationError as exc:
            raise OfficeError(" ".join(exc.problems.values())) from None
    print(f"Vorlage „{args.name}“ {'angelegt' if new else 'ersetzt'}; die Laptops erhalten sie "
          "beim nächsten Abgleich.")  # fmt: skip
    return 0


def cmd_list(args) -> int:
    with open_store(args) as store, store.engine.connect() as conn:
        templates = letters.all_templates(conn)
    for template in templates:
        print(f"{template.name}: {template.title}")
    print(f"{len(templates)} Vorlagen. Platzhalter: "
          + ", ".join("{" + p + "}" for p in PLACEHOLDERS))  # fmt: skip
    return 0


def cmd_remove(args) -> int:
    with open_store(args) as store, store.write() as conn:
        if not letters.remove(conn, args.name):
            raise OfficeError(f"Keine Vorlage „{args.name}“.")
    print(f"Vorlage „{args.name}“ entfernt.")
    return 0


def add_commands(sub, command) -> None:
    group = sub.add_parser(
        "template", help="Briefvorlagen für die Laptops (Einladung, Erinnerung, Bestätigung)"
    ).add_subparsers(dest="action", required=True, metavar="AKTION")
    p = command("add", cmd_add, "Vorlage anlegen oder ersetzen", group)
    p.add_argument("--name", required=True, help="Kurzname, z. B. einladung")
    p.add_argument("--title", required=True, help="Betreff des Briefs")
    p.add_argument("--file", required=True, metavar="DATEI", help="Text der Vorlage (UTF-8)")
    command("list", cmd_list, "Vorlagen auflisten", group)
    p = command("remove", cmd_remove, "Vorlage entfernen", group)
    p.add_argument("--name", required=True, help="Kurzname der Vorlage")
