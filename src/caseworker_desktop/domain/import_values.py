"""Reading the cells of a district's Excel list of clients (no I/O): which column holds which
field (German headers as people write them), and the values in the forms people type them
(dates as 01.02.1990 or 1.2.90, "syrisch" or "Syrien" or "SYR", "Arabisch, Kurdisch").
Every failure is an ImportProblem with a German message that names the cell's text."""

from __future__ import annotations

import re
from datetime import date, datetime

from . import codes
from .enums import HouseholdRelation, ResidenceStatus
from .labels import LABELS_DE


class ImportProblem(ValueError):
    """A cell that cannot be read; the message is German and names the value."""


# field -> the headers that mean it (compared without case, dots, colons, stars, spaces)
HEADERS: dict[str, tuple[str, ...]] = {
    "last_name": ("name", "nachname", "familienname", "zuname"),
    "first_name": ("vorname", "vornamen", "rufname"),
    "full_name": ("name, vorname", "nachname, vorname", "vor- und nachname", "vor und nachname"),
    "birth_date": (
        "geburtsdatum",
        "geb-datum",
        "gebdatum",
        "geboren",
        "geb",
        "geburtstag",
        "geboren am",
    ),
    "municipality": ("kommune", "gemeinde", "wohnort", "ort", "stadt", "stadt/gemeinde"),
    "address": ("anschrift", "adresse", "straße", "strasse", "unterkunft", "wohnanschrift"),
    "nationality": (
        "staatsangehörigkeit",
        "staatsangehoerigkeit",
        "nationalität",
        "staatsang",
        "herkunftsland",
        "herkunft",
    ),
    "languages": ("sprachen", "sprache", "muttersprache", "sprachkenntnisse"),
    "residence_status": ("aufenthaltsstatus", "status", "aufenthaltstitel", "aufenthalt"),
    "moved_in_on": ("einzug", "einzugsdatum", "einzug am", "eingezogen", "einzug au"),
    "arrival_date": ("einreise", "einreisedatum", "ankunft", "ankunft in deutschland"),
    "phone": ("telefon", "tel", "telefonnummer", "handy", "mobil", "mobilnummer"),
    "gender": ("geschlecht",),
    "household": (
        "haushalt",
        "haushalts-nr",
        "haushaltsnummer",
        "hh",
        "hh-nr",
        "familie",
        "familien-nr",
        "familiennummer",
        "bg-nr",
    ),
    "consent_on": (
        "einwilligung",
        "einwilligung datenverarbeitung",
        "datenschutz",
        "einwilligung am",
    ),
    "relationship": (
        "beziehung",
        "verhältnis",
        "stellung im haushalt",
        "verwandtschaft",
        "beziehung zur bezugsperson",
    ),
    "opened_on": ("fallbeginn", "aufnahme", "beginn", "betreuung seit", "betreut seit"),
}
FIELD_NAMES_DE = {
    "last_name": "Nachname",
    "first_name": "Vorname",
    "full_name": "Name, Vorname",
    "birth_date": "Geburtsdatum",
    "municipality": "Kommune",
    "address": "Anschrift",
    "nationality": "Staatsangehörigkeit",
    "languages": "Sprachen",
    "residence_status": "Aufenthaltsstatus",
    "moved_in_on": "Einzug",
    "arrival_date": "Einreise",
    "phone": "Telefon",
    "gender": "Geschlecht",
    "household": "Haushalt",
    "consent_on": "Einwilligung Datenverarbeitung",
    "opened_on": "Fallbeginn",
    "relationship": "Beziehung",
}
_BY_HEADER = {header: field for field, headers in HEADERS.items() for header in headers}


def normalise_header(text: object) -> str:
    cleaned = re.sub(r"[.:*]", "", str(text or "")).replace("_", " ")
    return " ".join(cleaned.split()).casefold()


def field_for(header: object) -> str | None:
    """The field a column header means, or None."""
    return _BY_HEADER.get(normalise_header(header))


def header_score(cells: list[object]) -> int:
    """How many cells of a row are known headers (the header row is the best one)."""
    return sum(1 for cell in cells if field_for(cell))


def text(value: object) -> str:
    """A cell as text: numbers as typed (a phone number 7141123 is not 7141123.0)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


_DMY = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")


def parse_date(value: object, what: str, today: date, *, past: bool = True) -> date | None:
    """A date from an Excel cell or the German ways of writing one; two-digit years are
    taken as the most recent such year that is not in the future (for `past` dates)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raw = text(value)
    if not raw:
        return None
    if m := _DMY.match(raw):
        day, month, year = int(m[1]), int(m[2]), m[3]
        if len(year) == 2:
            full = 2000 + int(year)
            year_n = full if not past or full <= today.year else full - 100
        else:
            year_n = int(year)
    elif m := _ISO.match(raw):
        year_n, month, day = int(m[1]), int(m[2]), int(m[3])
    else:
        raise ImportProblem(f"{what} „{raw}“ ist kein Datum (erwartet z. B. 24.03.1990).")
    try:
        found = date(year_n, month, day)
    except ValueError:
        raise ImportProblem(f"{what} „{raw}“ gibt es nicht.") from None
    if past and found > today:
        raise ImportProblem(f"{what} „{raw}“ liegt in der Zukunft.")
    if found.year < 1900:
        raise ImportProblem(f"{what} „{raw}“ liegt vor 1900.")
    return found


# Adjectives whose stem does not begin the country's German name
_NATIONALITY_WORDS = {
    "staatenlos": "XXA",
    "ungeklärt": "XXX",
    "ungeklaert": "XXX",
    "unbekannt": "XXX",
    "venezolanisch": "VEN",
    "kosovarisch": "XKX",
    "kosovo": "XKX",
    "deutsch": "DEU",
    "kongolesisch": "COD",
    "ivorisch": "CIV",
    "sudanesisch": "SDN",
    "libanesisch": "LBN",
    "togoisch": "TGO",
    "senegalesisch": "SEN",
    "chinesisch": "CHN",
    "vietnamesisch": "VNM",
    "palästinensisch": "PSE",
    "nordmazedonisch": "MKD",
    "mazedonisch": "MKD",
    "bosnisch": "BIH",
    "moldauisch": "MDA",
    "moldawisch": "MDA",
    "belarussisch": "BLR",
    "weißrussisch": "BLR",
    "kirgisisch": "KGZ",
    "tadschikisch": "TJK",
    "usbekisch": "UZB",
    "äthiopisch": "ETH",
    "jemenitisch": "YEM",
    "sri-lankisch": "LKA",
    "tunesisch": "TUN",
}


def parse_nationality(value: object) -> str:
    """ISO 3166-1 alpha-3 from a code (SYR, SY), a German country name or its adjective."""
    raw = text(value)
    if not raw:
        return ""
    key = raw.casefold()
    countries = codes.countries()
    if raw.upper() in countries or raw.upper() == "XKX":
        return raw.upper()
    by_name = {name.casefold(): code for code, name in countries.items()}
    if key in by_name:
        return by_name[key]
    if key in _NATIONALITY_WORDS:
        return _NATIONALITY_WORDS[key]
    if len(raw) == 2:
        import pycountry

        if found := pycountry.countries.get(alpha_2=raw.upper()):
            return found.alpha_3
    for suffix in ("ianisch", "anisch", "nisch", "isch", "esisch"):
        if key.endswith(suffix) and len(key) - len(suffix) >= 3:
            stem = key[: -len(suffix)]
            found = {  # the stem most of the name ("syr" in Syrien, not "mars" in
                code  # Marshallinseln)
                for name, code in by_name.items()
                if name.startswith(stem) and len(name) - len(stem) <= 5
            }
            if len(found) == 1:
                return found.pop()
    raise ImportProblem(f"Staatsangehörigkeit „{raw}“ nicht erkannt (z. B. Syrien, syrisch, SYR).")


def parse_languages(value: object) -> str:
    """'Arabisch, Kurdisch (Kurmandschi)' or 'ar/kmr' -> 'ar,kmr' (the first is preferred)."""
    raw = text(value)
    if not raw:
        return ""
    known = codes.languages()
    by_name = {name.casefold(): code for code, name in known.items()}
    by_name.update(
        {
            "kurdisch": "kmr",
            "kurmandschi": "kmr",
            "sorani": "ckb",
            "farsi": "fa",
            "persisch": "fa",
            "paschtu": "ps",
            "paschto": "ps",
            "tigrinja": "ti",
        }
    )
    found = []
    for part in re.split(r"\s*(?:[,;/+]|\bund\b)\s*", raw):
        part = part.strip()
        if not part:
            continue
        key = part.casefold()
        code = key if key in known else by_name.get(key)
        if code is None:
            raise ImportProblem(f"Sprache „{part}“ nicht erkannt (z. B. Arabisch, Dari, uk).")
        if code not in found:
            found.append(code)
    return ",".join(found)


_STATUS_WORDS = (
    (
        ("gestattung", "asylverfahren", "asylbewerber", "bümA", "ankunftsnachweis"),
        ResidenceStatus.ASYLUM_PENDING,
    ),
    (("subsidiär", "subsidiaer", "§ 25 abs. 2 alt. 2"), ResidenceStatus.SUBSIDIARY_PROTECTION),
    (("abschiebungsverbot", "§ 25 abs. 3"), ResidenceStatus.DEPORTATION_BAN),
    (("§ 24", "§24", "vorübergehend", "ukraine"), ResidenceStatus.TEMPORARY_PROTECTION),
    (("duldung", "geduldet", "§ 60a"), ResidenceStatus.TOLERATED),
    (("niederlassung", "daueraufenthalt", "unbefristet"), ResidenceStatus.SETTLEMENT_PERMIT),
    (
        ("anerkannt", "flüchtling", "fluechtling", "asylberechtigt", "§ 25 abs. 1", "§ 25 abs. 2"),
        ResidenceStatus.RECOGNISED_REFUGEE,
    ),
    (("sonstig", "andere"), ResidenceStatus.OTHER),
)


def parse_residence_status(value: object) -> ResidenceStatus:
    raw = text(value)
    if not raw:
        return ResidenceStatus.OTHER
    key = raw.casefold()
    for status, label in LABELS_DE[ResidenceStatus].items():
        if key == label.casefold() or key == status.value:
            return status
    for words, status in _STATUS_WORDS:
        if any(word.casefold() in key for word in words):
            return status
    raise ImportProblem(
        f"Aufenthaltsstatus „{raw}“ nicht erkannt (z. B. Gestattung, anerkannt, subsidiär, "
        "§ 24, Duldung, Niederlassungserlaubnis, sonstiger)."
    )


_RELATION_WORDS = {
    HouseholdRelation.REFERENCE_PERSON: (
        "bezugsperson",
        "haushaltsvorstand",
        "hv",
        "selbst",
        "antragsteller",
        "antragstellerin",
    ),
    HouseholdRelation.SPOUSE: (
        "ehefrau",
        "ehemann",
        "ehepartner",
        "ehepartnerin",
        "ehepartner:in",
        "partner",
        "partnerin",
        "lebenspartner",
    ),
    HouseholdRelation.CHILD: ("kind", "sohn", "tochter"),
    HouseholdRelation.PARENT: ("elternteil", "mutter", "vater"),
    HouseholdRelation.SIBLING: ("geschwister", "bruder", "schwester"),
    HouseholdRelation.OTHER: (
        "sonstige",
        "sonstiges",
        "andere",
        "enkel",
        "enkelin",
        "onkel",
        "tante",
        "nichte",
        "neffe",
        "schwager",
        "schwägerin",
    ),
}


def parse_relationship(value: object) -> HouseholdRelation | None:
    """The relation to the household's reference person; None if the cell is empty."""
    key = text(value).casefold()
    if not key:
        return None
    for relation, words in _RELATION_WORDS.items():
        if key in words or key == relation.value:
            return relation
    raise ImportProblem(
        f"Beziehung „{text(value)}“ nicht erkannt (z. B. Bezugsperson, Ehefrau, Sohn, "
        "Mutter, Bruder, sonstige)."
    )


def parse_gender(value: object) -> str:
    key = text(value).casefold().rstrip(".")
    if not key:
        return ""
    for code, words in (
        ("w", ("w", "weiblich", "frau", "f")),
        ("m", ("m", "männlich", "mann")),
        ("d", ("d", "divers", "x")),
    ):
        if key in words:
            return code
    raise ImportProblem(f"Geschlecht „{text(value)}“ nicht erkannt (w, m oder d).")


def split_full_name(value: object) -> tuple[str, str]:
    """'Haidari, Amir' -> ('Amir', 'Haidari'); without a comma the last word is the
    family name ('Amir Haidari')."""
    raw = text(value)
    if "," in raw:
        last, first = (part.strip() for part in raw.split(",", 1))
        return first, last
    first, _, last = raw.rpartition(" ")
    return first.strip(), last.strip()
