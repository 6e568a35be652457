"""The right of access (GDPR Art. 15): everything stored about one person, as one document
that the laptop (services/access_export.py) and the office (office/access_export.py) fill
from their own stores, written as JSON (every field, for completeness) and as a PDF for the
person (printing/access_export.py). Trauma content only where it was chosen explicitly."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from pathlib import PurePath

from . import model as m

ACCESS_TITLE = "Auskunft über Ihre gespeicherten Daten"
# Section key and German heading ("access.<key>" in the print labels of other languages)
SECTIONS: tuple[tuple[str, str], ...] = (
    ("person", "Persönliche Angaben"),
    ("household", "Haushalt"),
    ("consents", "Einwilligungen und Schweigepflichtentbindungen"),
    ("data_markers", "Einschränkung und Widerspruch"),
    ("cases", "Fälle"),
    ("help_plans", "Hilfepläne"),
    ("help_plan_entries", "Ziele und Maßnahmen"),
    ("course_referrals", "Sprachkurse"),
    ("trauma_referrals", "Traumasprechstunde"),
    ("trauma_placements", "Termine und Plätze der Traumaangebote"),
    ("contact_notes", "Kontakte"),
    ("review_comments", "Kommentare der Teamleitung"),
    ("reminders", "Wiedervorlagen"),
    ("documents", "Dokumente"),
    ("conflicts", "Gleichzeitige Änderungen"),
    ("history", "Wer hat was gesehen oder geändert"),
    ("recipients", "Empfänger Ihrer Daten"),
)
SECTION_TITLES = dict(SECTIONS)
TRAUMA_SECTIONS = ("trauma_referrals", "trauma_placements")
# The sections holding records of a case file, beyond the person and their household
RECORD_SECTIONS = tuple(key for key, _title in SECTIONS
                        if key not in ("person", "household", "history", "recipients"))  # fmt: skip
TRAUMA_LEFT_OUT = (
    "Angaben zur Traumasprechstunde und ärztliche Unterlagen sind nicht enthalten; sie werden "
    "nur auf ausdrücklichen Wunsch ausgegeben."
)
TECHNICAL_FIELDS = frozenset({"updated_hlc"})


@dataclass
class AccessData:
    """What one store holds about a person."""

    client: m.Client
    household: m.Household | None
    consents: list[m.ConsentRecord]
    data_markers: list[m.DataMarker]
    cases: list[m.Case]
    help_plans: list[m.HelpPlan]
    help_plan_entries: list[m.HelpPlanEntry]
    course_referrals: list[m.CourseReferral]
    trauma_referrals: list[m.TraumaReferral]
    trauma_placements: list[m.TraumaPlacement]
    contact_notes: list[m.ContactNote]
    review_comments: list[m.ReviewComment]
    reminders: list[m.Reminder]
    documents: list[m.Document]  # health data only with the trauma content
    conflicts: list[m.Conflict]
    history: list[dict] = field(default_factory=list)  # at, who, action, table, id, detail
    recipients: list[dict] = field(default_factory=list)  # recipient, basis
    include_trauma: bool = False
    source: str = ""  # "Laptop von …" / "Landratsamt"

    def row_ids(self) -> set[str]:
        ids = {self.client.id, *(r.id for r in self.records())}
        if self.household is not None:
            ids.add(self.household.id)
        return ids

    def records(self) -> list[m.Record]:
        return [record for key in RECORD_SECTIONS for record in getattr(self, key)]


def value(item: object) -> object:
    """A field's value as JSON holds it."""
    if isinstance(item, StrEnum):
        return item.value
    if isinstance(item, datetime | date):
        return item.isoformat()
    return item


def record_dict(record: m.Record) -> dict:
    return {
        f.name: value(getattr(record, f.name))
        for f in dataclasses.fields(record)
        if f.name not in TECHNICAL_FIELDS
    }


def copy_name(number: int, attached: m.Document) -> str:
    """The file name of a document's copy in the export: its number in the list, then its
    name made safe for any file system."""
    from .documents import SUFFIXES

    stem = re.sub(r"[^\w.-]+", "_", PurePath(attached.title).stem)[:60] or "dokument"
    return f"{number:02d}-{stem}{SUFFIXES.get(attached.media_type, '')}"


def document(data: AccessData, created_at: datetime) -> dict:
    """The export as a JSON-ready dict, sections in SECTIONS order."""
    sections: dict[str, list[dict]] = {
        "person": [record_dict(data.client)],
        "household": [record_dict(data.household)] if data.household else [],
    }
    for key in RECORD_SECTIONS:
        if key in TRAUMA_SECTIONS and not data.include_trauma:
            continue
        sections[key] = [record_dict(r) for r in getattr(data, key)]
    sections["history"] = list(data.history)
    sections["recipients"] = list(data.recipients)
    return {
        "art": "Auskunft nach Art. 15 DSGVO",
        "erstellt_am": created_at.isoformat(timespec="seconds"),
        "quelle": data.source,
        "traumasprechstunde_enthalten": data.include_trauma,
        "hinweis": "" if data.include_trauma else TRAUMA_LEFT_OUT,
        "abschnitte": {key: sections[key] for key, _title in SECTIONS if key in sections},
    }


def consent_recipients(consents: list[m.ConsentRecord]) -> list[dict]:
    """To whom information may go or went under a release, from the consents."""
    from .labels import label

    found = []
    for c in consents:
        if c.recipient is None or c.deleted:
            continue
        basis = f"Schweigepflichtentbindung vom {c.given_on:%d.%m.%Y}"
        if c.valid_until:
            basis += f", gültig bis {c.valid_until:%d.%m.%Y}"
        if c.withdrawn_on:
            basis += f", widerrufen am {c.withdrawn_on:%d.%m.%Y}"
        found.append({"empfaenger": label(c.recipient), "grundlage": basis})
    return found
