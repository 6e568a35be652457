"""Reading back what a PDF really draws: text in drawing order, decoded through each
font's ToUnicode map, and the embedded fonts checked against the bundled font files."""

from __future__ import annotations

import io
import re
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont
from pypdf import PdfReader
from pypdf.generic import ContentStream

from caseworker_desktop.printing import fonts

_BFCHAR = re.compile(rb"<([0-9A-Fa-f]{2})>\s*<([0-9A-Fa-f]{4,})>")


def reader(pdf: bytes | Path) -> PdfReader:
    return PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)


def plain_text(pdf: bytes | Path) -> str:
    """pypdf's text extraction (fine for left-to-right scripts), whitespace collapsed:
    text wrapped in a table cell reads as one line."""
    return " ".join(" ".join(page.extract_text().split()) for page in reader(pdf).pages)


def _to_unicode(font) -> dict[int, str]:
    data = font["/ToUnicode"].get_object().get_data()
    return {
        int(code, 16): bytes.fromhex(uni.decode()).decode("utf-16-be")
        for code, uni in _BFCHAR.findall(data)
    }


def drawn_runs(pdf: bytes | Path) -> list[tuple[str, str]]:
    """(font base name without subset tag, text) of every text-showing operator, in the
    order drawn: right-to-left text shows up in display order, as a reader sees it."""
    pdf_reader = reader(pdf)
    runs: list[tuple[str, str]] = []
    for page in pdf_reader.pages:
        page_fonts = page["/Resources"]["/Font"]
        font_name, mapping = "", {}
        for operands, operator in ContentStream(page.get_contents(), pdf_reader).operations:
            if operator == b"Tf":
                font = page_fonts[operands[0]].get_object()
                font_name = str(font["/BaseFont"]).split("+")[-1]
                mapping = _to_unicode(font) if "/ToUnicode" in font else {}
            elif operator in (b"Tj", b"'", b'"'):
                runs.append((font_name, _decode(operands[-1], mapping)))
            elif operator == b"TJ":
                text = "".join(_decode(item, mapping) for item in operands[0] if _is_str(item))
                runs.append((font_name, text))
    return runs


def drawn_text(pdf: bytes | Path) -> str:
    return "\n".join(text for _, text in drawn_runs(pdf))


def _is_str(item) -> bool:
    return hasattr(item, "get_original_bytes") or isinstance(item, bytes | str)


def _decode(item, mapping: dict[int, str]) -> str:
    raw = item.get_original_bytes() if hasattr(item, "get_original_bytes") else item
    if isinstance(raw, str):
        raw = raw.encode("latin-1")
    if not mapping:
        return raw.decode("latin-1")
    return "".join(mapping.get(byte, "\ufffd") for byte in raw)


_BUNDLED_NAMES = frozenset(
    {
        "NotoSans-Regular",
        "NotoSans-Bold",
        "NotoSansArabic-Regular",
        "NotoSansArabic-Bold",
        "NotoSansEthiopic-Regular",
        "NotoSansEthiopic-Bold",
    }
)


@cache
def _bundled_font_cmap(base_font: str) -> dict[int, str]:
    by_postscript = {
        TTFont(fonts.font_path(name))["name"].getDebugName(6): fonts.font_path(name)
        for name in fonts.FILES
    }
    return TTFont(by_postscript[base_font]).getBestCmap()


def bundled_cmap(base_font: str) -> frozenset[int]:
    """Code points the bundled font file named by its PostScript name has glyphs for."""
    return frozenset(_bundled_font_cmap(base_font))


def drawn_glyph(base_font: str, char: str) -> str:
    """The name of the glyph a drawn character shows in the bundled font."""
    return _bundled_font_cmap(base_font)[ord(char)]


def drawn_chars(pdf: bytes | Path) -> dict[str, set[str]]:
    """Embedded font name -> every character drawn with it."""
    used: dict[str, set[str]] = {}
    for name, text in drawn_runs(pdf):
        used.setdefault(name, set()).update(text)
    return used


def missing_glyphs(pdf: bytes | Path) -> dict[str, str]:
    """Characters drawn with a font that has no glyph for them (they would print as the
    .notdef box): font name -> the characters. Empty when every glyph is real."""
    missing = {}
    for name, chars in drawn_chars(pdf).items():
        if name not in _BUNDLED_NAMES:
            continue
        cmap = bundled_cmap(name)
        # reportlab draws code 0 (.notdef) for a character the font has no glyph for
        if lost := "".join(sorted(c for c in chars if c == "\x00" or ord(c) not in cmap)):
            missing[name] = lost
    return missing
