"""The bundled fonts (resources/fonts, SIL OFL): Noto Sans for Latin and Cyrillic, Noto
Sans Arabic for Arabic script (Arabic, Persian/Dari, Pashto), Noto Sans Ethiopic for
Tigrinya. Registered once per process."""

from __future__ import annotations

import functools
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..domain.errors import CaseworkerError
from ..resources import resources_dir

REGULAR = "NotoSans"
BOLD = "NotoSans-Bold"
ARABIC = "NotoSansArabic"
ARABIC_BOLD = "NotoSansArabic-Bold"
ETHIOPIC = "NotoSansEthiopic"
ETHIOPIC_BOLD = "NotoSansEthiopic-Bold"

FILES: dict[str, str] = {
    REGULAR: "NotoSans-Regular.ttf",
    BOLD: "NotoSans-Bold.ttf",
    ARABIC: "NotoSansArabic-Regular.ttf",
    ARABIC_BOLD: "NotoSansArabic-Bold.ttf",
    ETHIOPIC: "NotoSansEthiopic-Regular.ttf",
    ETHIOPIC_BOLD: "NotoSansEthiopic-Bold.ttf",
}


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def font_path(name: str) -> Path:
    return fonts_dir() / FILES[name]


@functools.cache
def register_fonts() -> None:
    for name in FILES:
        path = font_path(name)
        if not path.is_file():
            raise CaseworkerError(f"Schriftart für den Druck fehlt: {path}")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    for normal, bold in ((REGULAR, BOLD), (ARABIC, ARABIC_BOLD), (ETHIOPIC, ETHIOPIC_BOLD)):
        pdfmetrics.registerFontFamily(
            normal, normal=normal, bold=bold, italic=normal, boldItalic=bold
        )


def latin(bold: bool) -> str:
    return BOLD if bold else REGULAR


def arabic(bold: bool) -> str:
    return ARABIC_BOLD if bold else ARABIC


def ethiopic(bold: bool) -> str:
    return ETHIOPIC_BOLD if bold else ETHIOPIC
