"""The access export (GDPR Art. 15) as a PDF for the person: every section of the document
(domain/access_export.py) with German field names and readable values, headings also in the
person's language where the print supports it. Ids and other technical fields are in the
JSON file beside it, which holds every stored field."""

from __future__ import annotations

import contextlib
import io
from datetime import date, datetime
from enum import StrEnum

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from ..domain import codes, district
from ..domain import model as m
from ..domain.access_export import ACCESS_TITLE as TITLE
from ..domain.access_export import SECTION_TITLES, TRAUMA_LEFT_OUT
from ..domain.codec import field_type
from ..domain.district import DISTRICT_NAME
from ..domain.enums import AuditAction
from ..domain.labels import FIELD_LABELS_DE, TABLE_LABELS_DE, label
from . import fonts, text
from . import labels_i18n as i18n
from .page import (
    CONTENT_WIDTH,
    FILL,
    MARGIN_X,
    PAGE_WIDTH,
    RULE,
    Styles,
    build_document,
    paragraph,
)

SECTION_RECORDS: dict[str, type[m.Record]] = {
    "person": m.Client,
    "household": m.Household,
    "consents": m.ConsentRecord,
    "data_markers": m.DataMarker,
    "cases": m.Case,
    "help_plans": m.HelpPlan,
    "help_plan_entries": m.HelpPlanEntry,
    "course_referrals": m.CourseReferral,
    "trauma_referrals": m.TraumaReferral,
    "trauma_placements": m.TraumaPlacement,
    "contact_notes": m.ContactNote,
    "review_comments": m.ReviewComment,
    "reminders": m.Reminder,
    "documents": m.Document,
    "conflicts": m.Conflict,
}
SKIPPED = frozenset({"id", "deleted"})
INTRO = (
    "Diese Auskunft nach Art. 15 DSGVO enthält alle Angaben, die über Sie gespeichert sind, "
    "wer sie gesehen oder geändert hat und an wen sie gegangen sind. Jedes gespeicherte Feld, "
    "auch technische Kennungen, steht in der beiliegenden JSON-Datei."
)


def render_access_export(doc: dict, *, lang: str = "") -> bytes:
    fonts.register_fonts()
    lang = i18n.print_language_for(lang)
    out = io.BytesIO()
    build_document(
        out,
        _story(doc, lang),
        _decorate(doc),
        title=TITLE,
        author=DISTRICT_NAME,
    )
    return out.getvalue()


def _heading(key: str, german: str, lang: str | None) -> list[Flowable]:
    parts: list[Flowable] = [paragraph(german, Styles.section)]
    second = i18n.translated_or_empty(key, lang)
    if second:
        style = Styles.translation_right if lang in i18n.RTL_LANGUAGES else Styles.translation
        parts.append(paragraph(second, style, CONTENT_WIDTH))
    return parts


def _story(doc: dict, lang: str | None) -> list[Flowable]:
    story: list[Flowable] = [
        paragraph(DISTRICT_NAME, Styles.district),
        paragraph("Integrationsmanagement", Styles.letterhead),
        Spacer(1, 6 * mm),
        paragraph(TITLE, Styles.title),
    ]
    second = i18n.translated_or_empty("access.title", lang)
    if second:
        style = Styles.translation_right if lang in i18n.RTL_LANGUAGES else Styles.subtitle
        story.append(paragraph(second, style, CONTENT_WIDTH))
    created = datetime.fromisoformat(doc["erstellt_am"])
    story += [
        paragraph(f"Erstellt am {created:%d.%m.%Y} · {doc['quelle']}", Styles.subtitle),
        Spacer(1, 4 * mm),
        paragraph(INTRO, Styles.body),
    ]
    if not doc["traumasprechstunde_enthalten"]:
        story.append(paragraph(TRAUMA_LEFT_OUT, Styles.note))
    for key, entries in doc["abschnitte"].items():
        heading = _heading(f"access.{key}", SECTION_TITLES[key], lang)
        if not entries:
            story += [*heading, paragraph("Keine Einträge.", Styles.note)]
            continue
        if key == "history":
            story += [*heading, _history(entries)]
        elif key == "recipients":
            story += [*heading, _recipients(entries)]
        else:
            cls = SECTION_RECORDS[key]
            tables = [_record(cls, entry) for entry in entries]
            # a heading never alone at the bottom of a page; no record split over two
            story.append(KeepTogether([*heading, tables[0], Spacer(1, 2 * mm)]))
            story += [KeepTogether([table, Spacer(1, 2 * mm)]) for table in tables[1:]]
    return story


def _record(cls: type[m.Record], entry: dict) -> Table:
    rows = []
    for name, raw in entry.items():
        if name in SKIPPED or raw in (None, "", False):
            continue
        if name.endswith("_id") and name != "municipality_id":
            continue
        shown = _shown(cls, name, raw)
        label_text = FIELD_LABELS_DE.get(name, name)
        rows.append([paragraph(label_text, Styles.label), paragraph(shown, Styles.cell, 120 * mm)])
    if entry.get("deleted"):
        deleted = paragraph("ja (als gelöscht markiert)", Styles.cell)
        rows.append([paragraph("Gelöscht", Styles.label), deleted])
    if not rows:
        rows = [[paragraph("–", Styles.label), paragraph("", Styles.cell)]]
    table = Table(rows, colWidths=[45 * mm, CONTENT_WIDTH - 45 * mm])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, -1), (-1, -1), 0.5, RULE),
                ("BACKGROUND", (0, 0), (-1, -1), FILL),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def _shown(cls: type[m.Record], name: str, raw) -> str:
    if name == "nationality":
        return f"{codes.country_name(raw)} ({raw})"
    if name in ("languages", "interpreter"):
        return codes.language_list(raw)
    if name == "municipality_id":
        return {mu.id: mu.name for mu in district.municipalities()}.get(raw, raw)
    try:
        kind, _nullable = field_type(cls, name)
    except KeyError:
        kind = str
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        try:
            return label(kind(raw))
        except ValueError:
            return str(raw)
    if kind is bool:
        return "ja" if raw else "nein"
    if kind is date and isinstance(raw, str):
        return f"{date.fromisoformat(raw):%d.%m.%Y}"
    if kind is datetime and isinstance(raw, str):
        return f"{datetime.fromisoformat(raw):%d.%m.%Y %H:%M}"
    return str(raw)


def _history(entries: list[dict]) -> Table:
    rows = [[paragraph(h, Styles.label_bold) for h in ("Zeit", "Person", "Was", "Einzelheiten")]]
    for e in entries:
        try:
            action = label(AuditAction(e["aktion"]))
        except ValueError:
            action = e["aktion"]
        when = str(e["zeit"])
        with contextlib.suppress(ValueError):
            when = f"{datetime.fromisoformat(when):%d.%m.%Y %H:%M}"
        what = f"{action}: {TABLE_LABELS_DE.get(e['tabelle'], e['tabelle'])}"
        rows.append(
            [
                paragraph(when, Styles.cell),
                paragraph(e["person"], Styles.cell),
                paragraph(what, Styles.cell),
                paragraph(e["details"], Styles.cell, 70 * mm),
            ]
        )
    table = Table(rows, colWidths=[30 * mm, 35 * mm, 35 * mm, CONTENT_WIDTH - 100 * mm],
                  repeatRows=1)  # fmt: skip
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE)]))  # fmt: skip
    return table


def _recipients(entries: list[dict]) -> Table:
    rows = [[paragraph("Empfänger", Styles.label_bold), paragraph("Grundlage", Styles.label_bold)]]
    rows += [
        [paragraph(e["empfaenger"], Styles.cell, 70 * mm), paragraph(e["grundlage"], Styles.cell)]
        for e in entries
    ]
    table = Table(rows, colWidths=[75 * mm, CONTENT_WIDTH - 75 * mm], repeatRows=1)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE)]))  # fmt: skip
    return table


def _decorate(_doc: dict):
    def decorate(canvas, page: int, pages: int) -> None:
        bottom = 12 * mm
        text.draw(canvas, MARGIN_X, bottom, f"{DISTRICT_NAME} · Auskunft nach Art. 15 DSGVO", 7.5)
        text.draw(canvas, PAGE_WIDTH - MARGIN_X, bottom, f"Seite {page} von {pages}", 7.5,
                  align="right")  # fmt: skip

    return decorate
