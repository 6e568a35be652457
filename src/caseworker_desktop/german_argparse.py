"""German for argparse's own words ("usage", "options", its error messages), so that
`--help` and every call error of `caseworker` and `caseworker-office` are German."""

from __future__ import annotations

import argparse

GERMAN = {
    "usage: ": "Aufruf: ",
    "positional arguments": "Argumente",
    "options": "Optionen",
    "show this help message and exit": "diese Hilfe zeigen und beenden",
    "the following arguments are required: %s": "diese Angaben fehlen: %s",
    "unrecognized arguments: %s": "unbekannte Angaben: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ungültige Wahl: %(value)r (möglich: %(choices)s)"
    ),
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "expected one argument": "ein Wert fehlt",
    "expected at least one argument": "mindestens ein Wert fehlt",
    "expected at most one argument": "höchstens ein Wert erlaubt",
    "invalid %(type)s value: %(value)r": "ungültiger Wert: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": (
        "mehrdeutige Option: %(option)s passt zu %(matches)s"
    ),
    "not allowed with argument %s": "nicht zusammen mit %s erlaubt",
    "one of the arguments %s is required": "eine der Angaben %s fehlt",
    "ignored explicit argument %r": "überzähliger Wert %r",
    "%(prog)s: error: %(message)s\n": "%(prog)s: Fehler: %(message)s\n",
}


# Placeholders of option values in `--help` (argparse would show the English dest).
METAVARS = {
    "case": "KENNUNG", "clients": "ANZAHL", "code": "CODE", "csv": "DATEI", "data_dir": "ORDNER",
    "db": "URL", "device": "GERÄT", "display_name": "NAME", "end": "DATUM", "host": "ADRESSE",
    "lang": "SPRACHE", "municipality": "KOMMUNE", "name": "NAME", "out": "DATEI", "pdf": "DATEI",
    "port": "PORT", "recovery_key": "DATEI", "role": "ROLLE", "seed": "ZAHL", "server": "ADRESSE",
    "start": "DATUM", "team": "TEAM", "to": "BENUTZER", "user": "BENUTZER",
    "username": "BENUTZER", "idle_lock_minutes": "MINUTEN",
}  # fmt: skip


def _metavar(_formatter, action: argparse.Action) -> str:
    return METAVARS.get(action.dest, action.dest.upper())


def install() -> None:
    """argparse looks its words up through its module-level `_` at the time it formats."""
    argparse._ = lambda text: GERMAN.get(text, text)
    argparse.HelpFormatter._get_default_metavar_for_optional = _metavar
