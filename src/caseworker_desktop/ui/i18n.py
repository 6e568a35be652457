"""Languages of the window. German is the product language and the source language of
every UI string; English comes from Qt translation files (resources/translations/*.qm).
Domain labels (German, from domain/labels.py) are translated in the context "Label"."""

from __future__ import annotations

import logging
from datetime import date, datetime
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..domain.labels import label
from ..resources import resources_dir

log = logging.getLogger(__name__)

LANGUAGES = {"de": "Deutsch", "en": "English"}
DATE_FORMAT = "dd.MM.yyyy"


def install(app: QCoreApplication, lang: str = "de") -> list[QTranslator]:
    """Load the translators for `lang`; returns them (the caller keeps them alive)."""
    lang = lang if lang in LANGUAGES else "de"
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    translators: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", qt_dir):  # standard buttons: "Abbrechen", "Schließen"
        translators.append(qt)
    if lang != "de":
        own = QTranslator(app)
        path = resources_dir() / "translations" / f"caseworker_{lang}.qm"
        if own.load(str(path)):
            translators.append(own)
        else:
            log.warning("translation %s not found", path.name)
    for translator in translators:
        app.installTranslator(translator)
    return translators


def enum_label(value: StrEnum | None) -> str:
    """German label of an enum value, translated when another language is active."""
    if value is None:
        return ""
    return QCoreApplication.translate("Label", label(value))


def format_date(value: date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


# Fields that hold a user's id: shown with the person's name.
USER_FIELDS = frozenset({"author_id", "caseworker_id", "approved_by", "handed_over_by"})


def display_value(field: str, value: object, names: dict[str, str]) -> str:
    """A field's domain value as the window shows it (German, or English when chosen)."""
    if value is None or value == "":
        return "—"
    if field in USER_FIELDS and isinstance(value, str):
        return names.get(value, value[:8])
    if isinstance(value, bool):
        if value:
            return QCoreApplication.translate("Value", "Ja")
        return QCoreApplication.translate("Value", "Nein")
    if isinstance(value, StrEnum):
        return enum_label(value)
    if isinstance(value, datetime):
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, date):
        return format_date(value)
    return str(value)


def parse_date(text: str) -> date | None:
    """'24.11.2026' or '24.11.26' or '2026-11-24' -> date; '' -> None; else ValueError."""
    text = text.strip()
    if not text:
        return None
    if "-" in text:
        return date.fromisoformat(text)
    parts = text.split(".")
    if len(parts) != 3 or not all(p.strip().isdigit() for p in parts):
        raise ValueError(text)
    day, month, year = (int(p) for p in parts)
    if year < 100:
        year += 2000 if year < 70 else 1900
    return date(year, month, day)


def slot_caption(offer, slot: int) -> str:
    """'10:45 Uhr' for a consultation date with times, else 'Platz 3'."""
    if offer is not None and (time := offer.slot_time(slot)):
        return QCoreApplication.translate("Slot", "%1 Uhr").replace("%1", time)
    return QCoreApplication.translate("Slot", "Platz %1").replace("%1", str(slot))
