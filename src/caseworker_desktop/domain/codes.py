"""Countries (ISO 3166-1 alpha-3, as stored for nationality) and languages (ISO 639-1, or
639-3 where a language has no two-letter code, e.g. Dari "prs", Kurmanji "kmr") by their
German names, from pycountry's ISO data and its German translations. The shorter names
people use ("Syrien", not "Syrien, Arabische Republik") override the official ones."""

from __future__ import annotations

import functools
import gettext

import pycountry

# Names the caseworkers use, where the ISO name is long or official
COUNTRY_NAMES = {
    "SYR": "Syrien",
    "IRN": "Iran",
    "RUS": "Russland",
    "MDA": "Moldau",
    "VEN": "Venezuela",
    "BOL": "Bolivien",
    "TZA": "Tansania",
    "COD": "Kongo (Demokratische Republik)",
    "KOR": "Südkorea",
    "PRK": "Nordkorea",
    "PSE": "Palästinensische Gebiete",
    "XXA": "staatenlos",
    "XXX": "ungeklärt",
}
LANGUAGE_NAMES = {
    "ps": "Paschtu",
    "kmr": "Kurdisch (Kurmandschi)",
    "ckb": "Kurdisch (Sorani)",
    "prs": "Dari",
    "fa": "Persisch (Farsi)",
    "ti": "Tigrinya",
    "el": "Griechisch",
    "apc": "Arabisch (levantinisch)",
    "aii": "Assyrisch-Neuaramäisch",
    "tzm": "Tamazight",
}
# Languages without a two-letter code that caseworkers meet
EXTRA_LANGUAGES = ("prs", "kmr", "ckb", "aii", "apc", "arz", "tzm")


@functools.cache
def _german(domain: str) -> gettext.NullTranslations:
    try:
        return gettext.translation(domain, pycountry.LOCALES_DIR, languages=["de"])
    except OSError:
        return gettext.NullTranslations()


@functools.cache
def countries() -> dict[str, str]:
    """Alpha-3 code -> German name, sorted by name."""
    names = {c.alpha_3: _german("iso3166-1").gettext(c.name) for c in pycountry.countries}
    names.update(COUNTRY_NAMES)
    return dict(sorted(names.items(), key=lambda item: item[1].casefold()))


@functools.cache
def languages() -> dict[str, str]:
    """Language code -> German name, sorted by name."""
    german = _german("iso639-3")
    names: dict[str, str] = {}
    for language in pycountry.languages:
        code = getattr(language, "alpha_2", None)
        if code is None and language.alpha_3 in EXTRA_LANGUAGES:
            code = language.alpha_3
        if code is not None:
            names[code] = german.gettext(language.name).split(";")[0].strip()
    names.update(LANGUAGE_NAMES)
    return dict(sorted(names.items(), key=lambda item: item[1].casefold()))


def country_name(code: str) -> str:
    """'Afghanistan' for 'AFG'; an unknown code as it is."""
    return countries().get(code.strip().upper(), code) if code else ""


def language_name(code: str) -> str:
    return languages().get(code.strip().lower(), code) if code else ""


def language_list(codes: str) -> str:
    """'uk,ru' -> 'Ukrainisch, Russisch' (the first is the preferred language)."""
    return ", ".join(language_name(c) for c in codes.split(",") if c.strip())
