"""Letters from templates (no I/O): the placeholders a template may use, their check when
the office adds a template, and filling them for one case. A placeholder is a German word
in braces, e.g. "am {datum} um {uhrzeit} Uhr in {ort}"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import ValidationError

PLACEHOLDERS = {
    "vorname": "Vorname der Person",
    "nachname": "Nachname der Person",
    "name": "Vor- und Nachname",
    "anschrift": "Anschrift des Haushalts",
    "aktenzeichen": "Aktenzeichen des Falls",
    "fachkraft": "Name der Integrationsmanagerin / des Integrationsmanagers",
    "heute": "Datum des Schreibens",
    "datum": "Datum des Termins",
    "uhrzeit": "Uhrzeit des Termins",
    "ort": "Ort des Termins",
}
APPOINTMENT = frozenset({"datum", "uhrzeit", "ort"})  # asked for when the letter is written
_FIELD = re.compile(r"\{([^{}]*)\}")
MAX_BODY = 10_000


@dataclass(frozen=True)
class LetterTemplate:
    name: str  # short key, e.g. "einladung"
    title: str  # the letter's subject line
    body: str

    def needs(self) -> set[str]:
        return {f for f in _FIELD.findall(self.title + self.body) if f in APPOINTMENT}


def check_template(name: str, title: str, body: str) -> LetterTemplate:
    problems = {}
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,59}", name):
        problems["name"] = "Kurzname aus Kleinbuchstaben, Ziffern, - und _ (höchstens 60)."
    if not title.strip() or len(title) > 200:
        problems["title"] = "Betreff fehlt oder ist länger als 200 Zeichen."
    if not body.strip() or len(body) > MAX_BODY:
        problems["body"] = f"Text fehlt oder ist länger als {MAX_BODY:,} Zeichen.".replace(",", ".")
    unknown = sorted({f for f in _FIELD.findall(title + body) if f not in PLACEHOLDERS})
    if unknown:
        known = ", ".join("{" + p + "}" for p in PLACEHOLDERS)
        problems["body"] = (
            "Unbekannte Platzhalter: "
            + ", ".join("{" + u + "}" for u in unknown)
            + f". Erlaubt sind {known}."
        )
    if problems:
        raise ValidationError(problems)
    return LetterTemplate(name, title.strip(), body.strip())


def fill(text: str, values: dict[str, str]) -> str:
    """The text with every placeholder replaced (an empty value leaves "…")."""
    return _FIELD.sub(lambda m: values.get(m[1]) or "…", text)
