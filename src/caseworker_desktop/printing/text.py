"""Text of any printed script for reportlab, which draws code points left to right and does
not shape. Arabic-script text (Arabic, Persian/Dari) is therefore shaped to presentation forms
(arabic-reshaper), wrapped in logical order and then put in display order line by line
(python-bidi, Unicode bidi algorithm). Runs of Arabic script are set in Noto Sans Arabic,
everything else in Noto Sans. Text without Arabic script passes through unchanged."""

from __future__ import annotations

import re
import unicodedata
from xml.sax.saxutils import escape

from arabic_reshaper import ArabicReshaper
from bidi import get_display
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from . import fonts

_ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc"
_ARABIC_CHAR = re.compile(f"[{_ARABIC}]")
# One run of Arabic script; spaces between Arabic words stay inside it (fewer font switches).
_ARABIC_RUN = re.compile(f"[{_ARABIC}](?:[{_ARABIC} ]*[{_ARABIC}])?")
# The word ligature would turn names such as "عبدالله" into the calligraphic ﷲ glyph.
_RESHAPER = ArabicReshaper(configuration={"ARABIC LIGATURE ALLAH": False})
# Joining controls have done their work once the text is shaped; the fonts lack glyphs.
_DROP_JOINERS = str.maketrans("", "", "\u200c\u200d")


def has_arabic(text: str) -> bool:
    return _ARABIC_CHAR.search(text) is not None


def base_direction(text: str) -> str:
    """ "R" if the first strong character is right-to-left, else "L" (bidi rules P2, P3)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "R"
        if kind == "L":
            return "L"
    return "L"


def runs(text: str, bold: bool = False) -> list[tuple[str, str]]:
    """(text, font name) pieces: Arabic script in the Arabic font, the rest in Noto Sans."""
    pieces: list[tuple[str, str]] = []
    pos = 0
    for match in _ARABIC_RUN.finditer(text):
        if match.start() > pos:
            pieces.append((text[pos : match.start()], fonts.latin(bold)))
        pieces.append((match.group(), fonts.arabic(bold)))
        pos = match.end()
    if pos < len(text):
        pieces.append((text[pos:], fonts.latin(bold)))
    return pieces


def text_width(text: str, size: float, bold: bool = False) -> float:
    return sum(stringWidth(piece, font, size) for piece, font in runs(text, bold))


def display_lines(
    text: str, size: float, bold: bool = False, max_width: float | None = None
) -> list[str]:
    """One paragraph (no line breaks) in display order, wrapped to max_width."""
    if not has_arabic(text):
        return [text]
    shaped = _RESHAPER.reshape(text).translate(_DROP_JOINERS)
    lines = [shaped] if max_width is None else _wrap(shaped, size, bold, max_width)
    direction = base_direction(text)
    return [get_display(line, base_dir=direction) for line in lines]


def _wrap(text: str, size: float, bold: bool, max_width: float) -> list[str]:
    """Greedy word wrap in logical order (a word longer than a line stays whole)."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if current and text_width(candidate, size, bold) > max_width:
            lines.append(current)
            current = word
        else:
            current = candidate
    lines.append(current)
    return lines


def markup(text: str, size: float, bold: bool = False, max_width: float | None = None) -> str:
    """reportlab paragraph markup for plain text (escaped; line breaks kept). Text with
    Arabic script comes pre-wrapped to max_width, since the paragraph cannot wrap it."""
    if not has_arabic(text):
        return escape(text).replace("\n", "<br/>")
    lines = [
        line
        for paragraph in text.split("\n")
        for line in display_lines(paragraph, size, bold, max_width)
    ]
    return "<br/>".join(_line_markup(line, bold) for line in lines)


def _line_markup(line: str, bold: bool) -> str:
    latin = fonts.latin(bold)
    return "".join(
        escape(piece) if font == latin else f'<font face="{font}">{escape(piece)}</font>'
        for piece, font in runs(line, bold)
    )


def draw(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    size: float,
    *,
    bold: bool = False,
    align: str = "left",
) -> None:
    """One line straight onto the canvas (page header and footer)."""
    line = display_lines(text, size, bold)[0]
    pieces = runs(line, bold)
    width = sum(stringWidth(piece, font, size) for piece, font in pieces)
    if align == "right":
        x -= width
    for piece, font in pieces:
        canvas.setFont(font, size)
        canvas.drawString(x, y, piece)
        x += stringWidth(piece, font, size)
