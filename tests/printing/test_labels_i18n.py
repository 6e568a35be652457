"""The printed labels: complete in every language, in the right script, German from one place."""

from __future__ import annotations

import re
import unicodedata

import pytest

from caseworker_desktop.domain.enums import (
    EntryStatus,
    HelpPlanStatus,
    HouseholdRelation,
    LifeArea,
    TraumaReferralStatus,
)
from caseworker_desktop.domain.labels import label
from caseworker_desktop.printing import labels_i18n as i18n
from caseworker_desktop.resources import resources_dir

ENUMS = (LifeArea, HelpPlanStatus, EntryStatus, TraumaReferralStatus, HouseholdRelation)
ALL_KEYS = set(i18n.GERMAN) | {i18n.key_of(v) for enum in ENUMS for v in enum}
SCRIPT = {"en": "LATIN", "tr": "LATIN", "fr": "LATIN", "kmr": "LATIN", "so": "LATIN",
          "uk": "CYRILLIC", "ru": "CYRILLIC", "ar": "ARABIC", "fa": "ARABIC", "ps": "ARABIC",
          "ti": "ETHIOPIC"}  # fmt: skip


def test_every_label_file_is_offered_and_names_its_language():
    files = {p.stem for p in (resources_dir() / "print_labels").glob("*.json")}
    assert files == set(i18n.PRINT_LANGUAGES) == set(SCRIPT)
    assert set(i18n.RTL_LANGUAGES) == {"ar", "fa", "ps"}
    assert i18n.LANGUAGE_NAMES["ti"] == "ትግርኛ" and i18n.LANGUAGE_NAMES["kmr"] == "Kurmancî"


@pytest.mark.parametrize("lang", sorted(i18n.LANGUAGE_NAMES))
def test_every_label_is_translated_in_the_language_script(lang):
    texts = i18n.TRANSLATIONS[lang]
    assert set(texts) == ALL_KEYS
    for key, value in texts.items():
        assert value.strip() == value and value, key
        letters = [c for c in re.sub(r"{\w+}", "", value) if c.isalpha()]
        assert letters or value == "№", key
        assert all(SCRIPT[lang] in unicodedata.name(c) for c in letters), (key, value)
        assert re.findall(r"{\w+}", value) == re.findall(r"{\w+}", i18n.GERMAN.get(key, "")), key


def test_persian_uses_persian_letters_not_arabic_ones():
    for value in i18n.TRANSLATIONS["fa"].values():
        assert "\u064a" not in value and "\u0643" not in value, value  # Arabic yeh, kaf
    for value in i18n.TRANSLATIONS["ps"].values():
        assert "\u0643" not in value, value  # Pashto writes ک (or ګ), never Arabic kaf


def test_ukrainian_and_russian_are_not_mixed_up():
    assert not any(set(v) & set("ыэъё") for v in i18n.TRANSLATIONS["uk"].values())
    assert not any(set(v) & set("іїєґ") for v in i18n.TRANSLATIONS["ru"].values())


def test_german_labels_of_enums_come_from_the_domain():
    assert i18n.german(LifeArea.HOUSING) == label(LifeArea.HOUSING) == "Wohnen"
    assert i18n.german(EntryStatus.OPEN) == "Offen"
    assert i18n.translated(LifeArea.HOUSING, "uk") == "Житло"
    assert i18n.translated(TraumaReferralStatus.CLOSED, "en") == "Closed"
    assert i18n.translated("title", None) == ""


def test_check_language():
    assert i18n.check_language(None) is None
    assert i18n.check_language("de") is None
    assert i18n.check_language(" UK ") == "uk"
    assert i18n.check_language("prs") == "fa"  # Dari
    assert i18n.check_language("ku") == "kmr"  # Kurdish: Kurmanji labels
    assert i18n.print_language_for("kmr") == "kmr"
    assert i18n.print_language_for("ckb") is None  # Sorani: German only, no error
    with pytest.raises(i18n.UnsupportedLanguageError, match="„xx“ wird für den Druck nicht"):
        i18n.check_language("xx")
