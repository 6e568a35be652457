"""Make the bundled print fonts from the Debian package fonts-noto-core (see
resources/fonts/README.txt). Noto Sans and Noto Sans Ethiopic are copied unchanged. Noto
Sans Arabic gets one change: every glyph that no code point reaches (the joining forms of
Pashto letters such as ټ ښ ګ, ligatures, mark variants) is given a code point in the Private
Use Area (U+E000 on), so that text shaped by HarfBuzz can be drawn by reportlab, which
addresses glyphs only through code points (printing/text.py).

    apt-get install -y fonts-noto-core
    .venv/bin/python tools/make_print_fonts.py /usr/share/fonts/truetype/noto
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from fontTools.ttLib import TTFont

TARGET = Path(__file__).resolve().parents[1] / "resources" / "fonts"
UNCHANGED = (
    "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",
    "NotoSansEthiopic-Regular.ttf",
    "NotoSansEthiopic-Bold.ttf",
)
PUA_FIRST, PUA_LAST = 0xE000, 0xF8FF


def extend_cmap(source: Path, target: Path) -> int:
    """Copy the font with a Private Use code point for every unreached glyph; returns how
    many were added."""
    font = TTFont(source)
    reached = set(font.getBestCmap().values())
    unreached = [g for g in font.getGlyphOrder()[1:] if g not in reached]  # not .notdef
    if PUA_FIRST + len(unreached) > PUA_LAST:
        raise SystemExit(f"{source.name}: too many glyphs for the Private Use Area")
    added = {PUA_FIRST + i: glyph for i, glyph in enumerate(unreached)}
    tables = [table for table in font["cmap"].tables if table.isUnicode()]
    if any(PUA_FIRST <= code <= PUA_LAST for table in tables for code in table.cmap):
        raise SystemExit(f"{source.name} uses the Private Use Area already")
    for table in tables:  # several tables may share one mapping
        table.cmap.update(added)
    font.save(target)
    return len(added)


def main(source_dir: str) -> None:
    source = Path(source_dir)
    for name in UNCHANGED:
        shutil.copyfile(source / name, TARGET / name)
    for name in ("NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"):
        added = extend_cmap(source / name, TARGET / name)
        print(f"{name}: {added} glyphs given Private Use code points")


if __name__ == "__main__":
    main(*sys.argv[1:])
