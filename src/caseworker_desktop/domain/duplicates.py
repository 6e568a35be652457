"""Is this client already on file? Names of refugees reach the file in many spellings:
transliterated (Oleksandr/Alexander, Mohammad/Mohammed/Muhammad), in the original script
(Олена/Olena), with first and last name swapped. Two names are alike when their Kölner
Phonetik codes agree (cologne-phonetics, after transliteration with anyascii) or when
they are close by edit distance (rapidfuzz). A match also needs the same birth date when
both are known."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import cologne_phonetics
from anyascii import anyascii
from rapidfuzz import fuzz

SIMILAR = 85  # rapidfuzz ratio (0-100) from which two spellings count as one name


@dataclass(frozen=True)
class Person:
    id: str
    first_name: str
    last_name: str
    birth_date: date | None


def _latin(name: str) -> str:
    return " ".join(anyascii(name).replace("-", " ").split()).casefold()


def _phonetic(name: str) -> str:
    latin = _latin(name)
    return "".join(code for _word, code in cologne_phonetics.encode(latin)) if latin else ""


def names_alike(a: str, b: str) -> bool:
    left, right = _latin(a), _latin(b)
    if not left or not right:
        return False
    if left == right or fuzz.ratio(left, right) >= SIMILAR:
        return True
    code = _phonetic(a)
    return bool(code) and code == _phonetic(b)


def same_person(a: Person, b: Person) -> bool:
    if a.birth_date and b.birth_date and a.birth_date != b.birth_date:
        return False
    straight = names_alike(a.last_name, b.last_name) and names_alike(a.first_name, b.first_name)
    swapped = names_alike(a.last_name, b.first_name) and names_alike(a.first_name, b.last_name)
    return straight or swapped


def possible_duplicates(new: Person, people: Iterable[Person]) -> list[Person]:
    return [p for p in people if p.id != new.id and same_person(new, p)]
