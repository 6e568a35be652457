"""Printed labels in German and, optionally, the client's language. German enum labels come
from domain/labels.py; this module adds the headings and field labels in German. Every label
in each second language is in resources/print_labels/<code>.json (one file per language, so
that an interpreter can check and correct it): en, uk, ru, ar, fa (Farsi/Dari), ps (Pashto),
tr, kmr (Kurdish, Kurmanji), ti (Tigrinya), so (Somali) and fr.

Keys are plain strings; enum values are looked up with the prefix of their type
("area.housing", "plan.draft", "entry.open", "trauma.requested")."""

from __future__ import annotations

import json
from enum import StrEnum

from ..domain.access_export import ACCESS_TITLE, SECTIONS
from ..domain.enums import (
    EntryStatus,
    HelpPlanStatus,
    HouseholdRelation,
    LifeArea,
    TraumaReferralStatus,
)
from ..domain.errors import CaseworkerError
from ..domain.labels import label as german_enum_label
from ..resources import resources_dir

# In the order the print dialog offers them
PRINT_LANGUAGES = ("en", "uk", "ru", "ar", "fa", "ps", "tr", "kmr", "ti", "so", "fr")


def _load(code: str) -> dict:
    path = resources_dir() / "print_labels" / f"{code}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CaseworkerError(f"Druckbeschriftungen fehlen oder sind defekt: {path}") from exc


_FILES = {code: _load(code) for code in PRINT_LANGUAGES}

LANGUAGE_NAMES: dict[str, str] = {code: data["name"] for code, data in _FILES.items()}
RTL_LANGUAGES = frozenset(code for code, data in _FILES.items() if data["direction"] == "rtl")
TRANSLATIONS: dict[str, dict[str, str]] = {code: data["labels"] for code, data in _FILES.items()}

# Accepted on input, mapped to what is printed: German is always printed; Dari uses the
# Persian labels; "ku" (Kurdish) the Kurmanji ones, spoken by most Kurds who come here.
_ALIASES: dict[str, str | None] = {"de": None, "prs": "fa", "ku": "kmr"}

_PREFIX: dict[type[StrEnum], str] = {
    LifeArea: "area",
    HelpPlanStatus: "plan",
    EntryStatus: "entry",
    TraumaReferralStatus: "trauma",
    HouseholdRelation: "relation",
}


class UnsupportedLanguageError(CaseworkerError):
    pass


def check_language(lang: str | None) -> str | None:
    """The second print language (None: German only). Raises with a German message."""
    if lang is None or not lang.strip():
        return None
    code = lang.strip().lower()
    code = _ALIASES.get(code, code)
    if code is not None and code not in LANGUAGE_NAMES:
        raise UnsupportedLanguageError(
            f"Sprache „{lang}“ wird für den Druck nicht unterstützt. "
            f"Möglich: {', '.join(sorted(LANGUAGE_NAMES))} (oder keine Angabe: nur Deutsch)."
        )
    return code


def print_language_for(code: str | None) -> str | None:
    """The second print language for a client's language code; None (German only) where
    there is none."""
    try:
        return check_language(code)
    except UnsupportedLanguageError:
        return None


def key_of(value: str | StrEnum) -> str:
    if isinstance(value, StrEnum):
        return f"{_PREFIX[type(value)]}.{value.value}"
    return value


def german(value: str | StrEnum) -> str:
    if isinstance(value, StrEnum):
        return german_enum_label(value)
    return GERMAN[value]


def translated_or_empty(key: str, lang: str | None) -> str:
    """A label that not every language has yet; "" where it is missing."""
    return TRANSLATIONS[lang].get(key, "") if lang else ""


def translated(value: str | StrEnum, lang: str | None) -> str:
    """The label in the second language; "" for German-only prints."""
    if lang is None:
        return ""
    return TRANSLATIONS[lang][key_of(value)]


GERMAN: dict[str, str] = {
    "title": "Individueller Hilfeplan",
    "case_reference": "Aktenzeichen",
    "printed_on": "Druckdatum",
    "client": "Klient:in",
    "birth_date": "Geburtsdatum",
    "address": "Anschrift",
    "caseworker": "Integrationsmanager:in",
    "organisation": "Organisation",
    "period": "Planungszeitraum",
    "next_review": "Nächste Überprüfung",
    "status": "Status",
    "agreed_on": "Vereinbart am",
    "approved_on": "Freigegeben am",
    "goals": "Ziele und Maßnahmen",
    "no_goals": "Noch keine Ziele eingetragen.",
    "number": "Nr.",
    "goal_and_measures": "Ziel und Maßnahmen",
    "responsible": "Verantwortlich",
    "due": "Fällig bis",
    "outcome": "Ergebnis",
    "trauma": "Traumasprechstunde",
    "confidential": "Vertraulich",
    "consultation_date": "Sprechstundentermin",
    "recommendation": "Empfehlung",
    "no_trauma": "Keine Vermittlung in die Traumasprechstunde.",
    "signatures": "Unterschriften",
    "agreement": "Der Hilfeplan wurde gemeinsam besprochen und vereinbart.",
    "place_date": "Ort, Datum",
    "signature_client": "Unterschrift Klient:in",
    "signature_caseworker": "Unterschrift Integrationsmanager:in",
    "page": "Seite {page} von {pages}",
    "household": "Haushalt",
    # letters from the office's templates (printing/letter.py)
    "letter.date": "Datum",
    "letter.time": "Uhrzeit",
    "letter.place": "Ort",
    "letter.closing": "Mit freundlichen Grüßen",
    # the access export (Art. 15): its title and section headings (domain.access_export)
    "access.title": ACCESS_TITLE,
    **{f"access.{key}": title for key, title in SECTIONS},
}
