"""Text of any printed script for reportlab, which draws code points left to right and does
not shape. Arabic-script text (Arabic, Persian/Dari, Pashto) is wrapped in logical order, put
in display order line by line (python-bidi, Unicode bidi algorithm), and then each run of it
is shaped by HarfBuzz (uharfbuzz). A shaped glyph is drawn through a code point that reaches
it in the bundled Noto Sans Arabic: its presentation form where Unicode has one, else the
Private Use code point tools/make_print_fonts.py gave it (the joining forms of Pashto letters
such as ټ ښ ګ have no presentation forms). Arabic script is set in Noto Sans Arabic, Ethiopic
(Tigrinya) in Noto Sans Ethiopic, everything else in Noto Sans."""

from __future__ import annotations

import functools
import re
import unicodedata
from xml.sax.saxutils import escape

import uharfbuzz as hb
from bidi import get_display
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from . import fonts

_ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc"
_PRIVATE = "\ue000-\uf8ff"  # shaped glyphs without a presentation form (see above)
_IN_ARABIC_RUN = f"{_ARABIC}{_PRIVATE}\u200c\u200d"  # with the joining controls
_ETHIOPIC = "\u1200-\u139f\u2d80-\u2ddf\uab00-\uab2f"
_ARABIC_CHAR = re.compile(f"[{_ARABIC}]")
_PRIVATE_CHAR = re.compile(f"[{_PRIVATE}]")


# One run of a script with its own font; spaces between its words stay inside the run.
def _run_of(chars: str) -> str:
    return f"[{chars}](?:[{chars} ]*[{chars}])?"


_ARABIC_RUN = re.compile(_run_of(_IN_ARABIC_RUN))
_RUN = re.compile(f"(?P<arabic>{_run_of(_IN_ARABIC_RUN)})|(?P<ethiopic>{_run_of(_ETHIOPIC)})")


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
    """(text, font name) pieces: each script in its font, the rest in Noto Sans."""
    pieces: list[tuple[str, str]] = []
    pos = 0
    for match in _RUN.finditer(text):
        if match.start() > pos:
            pieces.append((text[pos : match.start()], fonts.latin(bold)))
        font = fonts.arabic(bold) if match.lastgroup == "arabic" else fonts.ethiopic(bold)
        pieces.append((match.group(), font))
        pos = match.end()
    if pos < len(text):
        pieces.append((text[pos:], fonts.latin(bold)))
    return pieces


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The drawn width of text in logical order."""
    arabic = fonts.arabic(bold)
    return sum(
        stringWidth(_shape(piece, font) if font == arabic else piece, font, size)
        for piece, font in runs(text, bold)
    )


def display_lines(
    text: str, size: float, bold: bool = False, max_width: float | None = None
) -> list[str]:
    """One paragraph (no line breaks) in display order, wrapped to max_width (only text
    with Arabic script: reportlab wraps the rest itself)."""
    text = _PRIVATE_CHAR.sub("\ufffd", text)  # those code points are taken (see above)
    if not has_arabic(text):
        return [text]
    lines = [text] if max_width is None else _wrap(text, size, bold, max_width)
    direction = base_direction(text)
    return [_shape_runs(get_display(line, base_dir=direction), bold) for line in lines]


def _shape_runs(line: str, bold: bool) -> str:
    """Shape the Arabic runs of a line in display order. Reversed, such a run is in logical
    order: its letters are all right-to-left, and a number in it, reversed here, is reversed
    back by the right-to-left shaping."""
    font = fonts.arabic(bold)
    return _ARABIC_RUN.sub(lambda match: _shape(match.group()[::-1], font), line)


@functools.lru_cache(maxsize=4096)
def _shape(run: str, font_name: str) -> str:
    """A run of Arabic script in logical order -> its shaped glyphs in display order, each as
    the code point that reaches it in the font ("\x00", the missing glyph, if none does)."""
    hb_font, chars = _shaper(font_name)
    buffer = hb.Buffer()
    buffer.add_str(run)
    buffer.direction = "rtl"
    buffer.script = "Arab"
    buffer.flags = hb.BufferFlags.REMOVE_DEFAULT_IGNORABLES  # the joining controls
    hb.shape(hb_font, buffer)
    return "".join(chars.get(glyph.codepoint, "\x00") for glyph in buffer.glyph_infos)


@functools.cache
def _shaper(font_name: str) -> tuple[hb.Font, dict[int, str]]:
    """HarfBuzz's view of the font, and glyph id -> the code point to draw it with: a
    presentation form first (as text extraction reads it), a base letter next, a Private
    Use code point last."""
    fonts.register_fonts()
    face = pdfmetrics.getFont(font_name).face
    hb_font = hb.Font(hb.Face(hb.Blob.from_file_path(str(fonts.font_path(font_name)))))
    chars: dict[int, str] = {}
    for code, glyph in sorted(face.charToGlyph.items(), key=lambda item: _preference(item[0])):
        chars.setdefault(glyph, chr(code))
    return hb_font, chars


def _preference(code: int) -> tuple[int, int]:
    if 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
        return 0, code
    return (2 if 0xE000 <= code <= 0xF8FF else 1), code


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
    """reportlab paragraph markup for plain text (escaped; line breaks kept; each script in
    its font). Text with Arabic script comes pre-wrapped to max_width, since the paragraph
    cannot wrap it."""
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
