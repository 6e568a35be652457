"""A letter to a client from one of the office's templates (reportlab): the district as
sender, the person's name and address, date and case reference, the subject, the filled
text, and the appointment with its fixed labels in German and, if chosen, the client's
language (resources/print_labels, keys "letter.*")."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from . import fonts
from . import labels_i18n as i18n
from .page import CONTENT_WIDTH, MARGIN_X, MUTED, PAGE_HEIGHT, Styles, build_document, paragraph


@dataclass(frozen=True)
class LetterPrint:
    district: str
    organisation: str
    caseworker: str
    client_name: str
    address: str
    case_reference: str
    written_on: date
    title: str  # filled
    body: str  # filled
    appointment: tuple[str, str, str]  # date, time, place as printed ("" where none)


def render_letter(data: LetterPrint, lang: str | None = None) -> bytes:
    lang = i18n.check_language(lang)
    fonts.register_fonts()
    out = io.BytesIO()
    story = [
        paragraph(data.district, Styles.district),
        paragraph(data.organisation, Styles.letterhead),
        Spacer(1, 14 * mm),
        paragraph(data.client_name, Styles.body),
        *(paragraph(line, Styles.body) for line in data.address.split(", ") if line),
        Spacer(1, 10 * mm),
        _dated(data, lang),
        Spacer(1, 8 * mm),
        paragraph(data.title, Styles.body_bold),
        Spacer(1, 5 * mm),
    ]
    for block in data.body.split("\n\n"):
        story.append(paragraph(" ".join(block.split("\n")), Styles.body))
        story.append(Spacer(1, 3 * mm))
    if any(data.appointment):
        story += [Spacer(1, 3 * mm), _appointment(data, lang)]
    story += [
        Spacer(1, 8 * mm),
        _bilingual("letter.closing", lang),
        Spacer(1, 10 * mm),
        paragraph(data.caseworker, Styles.body),
        paragraph(data.organisation or data.district, Styles.note),
    ]

    def decorate(canvas, _page: int, _pages: int) -> None:
        canvas.setFont(fonts.latin(False), 7)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN_X, 12 * mm, f"{data.district} · {data.case_reference}")
        canvas.drawRightString(MARGIN_X + CONTENT_WIDTH, PAGE_HEIGHT - 12 * mm,
                               data.written_on.strftime("%d.%m.%Y"))  # fmt: skip

    build_document(out, story, decorate, title=data.title, author=data.district)
    return out.getvalue()


def _label(key: str, lang: str | None) -> str:
    german = i18n.german(key)
    other = i18n.translated_or_empty(key, lang)
    return f"{german} / {other}" if other and other != german else german


def _bilingual(key: str, lang: str | None) -> Paragraph:
    return paragraph(_label(key, lang), Styles.body)


def _dated(data: LetterPrint, lang: str | None) -> Table:
    rows = [
        [paragraph(_label("case_reference", lang), Styles.label),
         paragraph(data.case_reference, Styles.body)],
        [paragraph(_label("letter.date", lang), Styles.label),
         paragraph(data.written_on.strftime("%d.%m.%Y"), Styles.body)],
    ]  # fmt: skip
    return _table(rows)


def _appointment(data: LetterPrint, lang: str | None) -> Table:
    keys = ("letter.date", "letter.time", "letter.place")
    rows = [
        [paragraph(_label(key, lang), Styles.label_bold), paragraph(value, Styles.body)]
        for key, value in zip(keys, data.appointment, strict=True)
        if value
    ]
    table = _table(rows)
    table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.5, MUTED)]))
    return table


def _table(rows: list[list]) -> Table:
    table = Table(rows, colWidths=[55 * mm, CONTENT_WIDTH - 55 * mm], hAlign="LEFT")
    table.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 3),
                    ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)])
    )  # fmt: skip
    return table
