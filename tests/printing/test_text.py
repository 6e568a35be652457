"""Arabic script for reportlab: shaped, in display order, wrapped in logical order."""

from __future__ import annotations

from caseworker_desktop.printing import fonts, text

MUHAMMAD = "محمد"
# م initial, ح medial, م medial, د final; displayed right to left, so written reversed
MUHAMMAD_SHOWN = "\ufeaa\ufee4\ufea4\ufee3"


def setup_module():
    fonts.register_fonts()


def test_latin_and_cyrillic_pass_through():
    assert text.display_lines("Олена Kovalenko", 9) == ["Олена Kovalenko"]
    assert text.markup("A & B <C>\nzwei", 9) == "A &amp; B &lt;C&gt;<br/>zwei"


def test_arabic_is_shaped_and_in_display_order():
    assert text.display_lines(MUHAMMAD, 9) == [MUHAMMAD_SHOWN]
    # lam-alef becomes the mandatory ligature, Persian letters get their forms
    assert "\ufefb" in text.display_lines("لا", 9)[0]
    shown = text.display_lines("مراجعه‌کننده", 9)[0]
    assert "\u200c" not in shown and "\ufb90" in shown  # keheh initial after the ZWNJ


def test_words_and_numbers_in_right_to_left_text():
    assert text.display_lines("محمد عبدالله", 9) == [
        "\ufeea\ufee0\ufedf\u0627\ufeaa\ufe92\ufecb " + MUHAMMAD_SHOWN
    ]
    assert text.display_lines("صفحة 1 من 2", 9)[0].startswith("2 ")
    mixed = text.display_lines("Seite 1 · " + MUHAMMAD, 9)[0]
    assert mixed == "Seite 1 · " + MUHAMMAD_SHOWN


def test_wrapping_keeps_the_logical_order_of_lines():
    sentence = "تمت مناقشة خطة المساعدة والاتفاق عليها بشكل مشترك."
    lines = text.display_lines(sentence, 9, max_width=80)
    assert len(lines) > 1
    # the first line shown holds the first words (displayed at its right end)
    first_word = text.display_lines("تمت", 9)[0]
    assert lines[0].endswith(first_word)
    assert all(text.text_width(line, 9) <= 80 for line in lines)


def test_runs_use_the_arabic_font_only_for_arabic_script():
    runs = text.runs("Name: " + MUHAMMAD_SHOWN + " (2)", bold=True)
    assert runs == [
        ("Name: ", fonts.BOLD),
        (MUHAMMAD_SHOWN, fonts.ARABIC_BOLD),
        (" (2)", fonts.BOLD),
    ]
    assert f'<font face="{fonts.ARABIC}">' in text.markup(MUHAMMAD, 9)


def test_ethiopic_is_set_in_its_font_with_the_words_of_a_run_together():
    assert text.runs("Name: ተገልጋሊ ፌርማ (2)") == [
        ("Name: ", fonts.REGULAR),
        ("ተገልጋሊ ፌርማ", fonts.ETHIOPIC),
        (" (2)", fonts.REGULAR),
    ]
    assert text.display_lines("ተገልጋሊ", 9) == ["ተገልጋሊ"]  # left to right, not shaped
    assert f'<font face="{fonts.ETHIOPIC_BOLD}">ፌርማ</font>' in text.markup("ፌርማ", 9, bold=True)


def test_pashto_letters_get_their_joining_forms():
    # پښتو: ښ between two joining letters takes its medial form, which Unicode has no
    # code point for; the bundled font reaches it through a Private Use code point
    shown = text.display_lines("پښتو", 9)[0]
    assert len(shown) == 4 and "\u069a" not in shown
    assert any("\ue000" <= c <= "\uf8ff" for c in shown)


def test_private_use_code_points_in_typed_text_cannot_draw_shaped_glyphs():
    # those code points reach the font's unencoded glyphs; typed ones are replaced
    assert text.display_lines("محمد \ue001", 9)[0].startswith("\ufffd ")
    assert "\ue001" not in text.markup("A\ue001", 9)
