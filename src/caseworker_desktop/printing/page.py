"""Page geometry, colours and type styles of the printouts, and the canvas that writes the
running header and the "Seite x von y" footer once the page count is known."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from . import fonts, text

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 22 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X

INK = colors.HexColor("#1d2733")
MUTED_HEX = "#5d6875"
MUTED = colors.HexColor(MUTED_HEX)
ACCENT = colors.HexColor("#1f4e79")
CONFIDENTIAL = colors.HexColor("#9b2226")
RULE = colors.HexColor("#c9d1da")
FILL = colors.HexColor("#f3f6f9")
HEADER_FILL = colors.HexColor("#e1e8f0")
AREA_FILL = colors.HexColor("#f3f6f9")


def _style(name: str, size: float, leading: float, *, bold=False, color=INK, **kw):
    return ParagraphStyle(
        name,
        fontName=fonts.latin(bold),
        fontSize=size,
        leading=leading,
        textColor=color,
        **kw,
    )


class Styles:
    body = _style("body", 9, 12)
    body_bold = _style("body_bold", 9, 12, bold=True)
    measures = _style("measures", 8.5, 11.2, color=INK)
    cell = _style("cell", 8, 11, color=INK)
    note = _style("note", 8, 10.5, color=MUTED)
    label = _style("label", 7.5, 9.5, color=MUTED)
    label_bold = _style("label_bold", 7.5, 9.5, bold=True, color=INK)
    district = _style("district", 12, 15, bold=True, color=ACCENT)
    letterhead = _style("letterhead", 8.5, 11, color=MUTED)
    title = _style("title", 18, 22, bold=True, color=ACCENT)
    subtitle = _style("subtitle", 11, 14, color=MUTED, spaceBefore=1)
    section = _style("section", 11.5, 15, bold=True, color=ACCENT, spaceBefore=16, spaceAfter=6)
    confidential = _style("confidential", 7.5, 9.5, bold=True, color=CONFIDENTIAL)
    area = _style("area", 9, 11.5, bold=True, color=ACCENT)
    translation_right = _style("translation_right", 8.5, 11.5, color=MUTED, alignment=TA_RIGHT)
    translation = _style("translation", 8.5, 11.5, color=MUTED)


def is_bold(style: ParagraphStyle) -> bool:
    return style.fontName in (fonts.BOLD, fonts.ARABIC_BOLD)


def paragraph(value: str, style: ParagraphStyle, width: float | None = None) -> Paragraph:
    """Plain text of any script as a paragraph (text.markup: escaped, each script in its
    font; Arabic script pre-wrapped to `width`)."""
    return Paragraph(text.markup(value, style.fontSize, is_bold(style), width), style)


# decorate(canvas, page_number, page_count) draws header and footer of one page
Decorate = Callable[[Canvas, int, int], None]


class NumberedCanvas(Canvas):
    """Holds the pages back until save(), when the total page count is known."""

    def __init__(self, *args, decorate: Decorate, **kwargs):
        super().__init__(*args, **kwargs)
        self._decorate = decorate
        self._page_states: list[dict] = []

    def showPage(self):
        self._page_states.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._page_states)
        for number, state in enumerate(self._page_states, start=1):
            self.__dict__.update(state)
            self._decorate(self, number, total)
            super().showPage()
        super().save()


def build_document(
    out: BinaryIO,
    story: list[Flowable],
    decorate: Decorate,
    *,
    title: str,
    author: str,
    pagesize: tuple[float, float] = A4,
) -> None:
    """One frame inside the margins on every page, numbered pages (header and footer
    drawn by `decorate`), the PDF metadata."""
    width, height = pagesize
    doc = BaseDocTemplate(
        out,
        pagesize=pagesize,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        author=author,
        creator="Caseworker Desktop",
    )
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        width - 2 * MARGIN_X,
        height - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(story, canvasmaker=functools.partial(NumberedCanvas, decorate=decorate))
