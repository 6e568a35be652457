"""Field values on the wire and in the logs: JSON text of the domain's own types.

One codec for every side: a laptop encodes what it writes; the office decodes every pushed
value before it stores it, and a laptop every pulled value, with `decode_value`, which
refuses (InvalidValue) what the domain cannot hold: an unknown enum
member, "abc" for a number, "31.02.2026" for a date, a lone surrogate, a malformed id."""

from __future__ import annotations

import dataclasses
import functools
import json
import re
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from enum import StrEnum

import orjson

from . import model as m
from .errors import CaseworkerError
from .labels import FIELD_LABELS_DE

MAX_TEXT_CHARS = 100_000
# SQLite stores 64-bit integers, PostgreSQL's INTEGER 32-bit: every count, slot or minute
# of the domain fits far below both.
MIN_INT, MAX_INT = -(2**31), 2**31 - 1
_HEX32 = re.compile(r"[0-9a-f]{32}")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?"
)
UNTRACKED_FIELDS = frozenset({"id", "updated_hlc"})


class InvalidValue(CaseworkerError):
    """A value the domain cannot hold; the message says which and why, in German."""


@functools.cache  # get_type_hints is slow (once per class: a third of the start's tables)
def _hints(cls: type) -> dict[str, object]:
    return typing.get_type_hints(cls)


@functools.cache  # every pulled value is decoded with it
def field_type(cls: type, name: str) -> tuple[type, bool]:
    """(base Python type, nullable) of a dataclass field."""
    hint = _hints(cls)[name]
    args = typing.get_args(hint)
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        base = next(a for a in args if a is not type(None))
        return base, True
    return hint, False


def synced_fields(cls: type[m.Record]) -> frozenset[str]:
    """The fields of a record that travel as changes."""
    return frozenset(f.name for f in dataclasses.fields(cls)) - UNTRACKED_FIELDS


def encode_value(value: object) -> str:
    if isinstance(value, StrEnum):
        value = value.value
    elif isinstance(value, datetime | date):
        value = value.isoformat()
    try:  # orjson: a fifth of json's time, the same text for the domain's values
        return orjson.dumps(value).decode()
    except TypeError:  # a lone surrogate, an integer beyond 64 bits: as json writes it
        return json.dumps(value, ensure_ascii=False)


def decode_value(cls: type[m.Record], field: str, raw: str) -> object:
    """The domain value of one field from its JSON text; InvalidValue if it is none."""
    try:
        convert = _converter(cls, field)
    except KeyError:
        raise InvalidValue(f"Unbekanntes Feld „{field}“ in „{cls.table}“.") from None
    try:
        value = orjson.loads(raw)  # a third of json's time, for every value a pull brings
    except (TypeError, ValueError):
        value = _json_fallback(field, raw)
    return convert(value)


def _json_fallback(field: str, raw: str) -> object:
    """What orjson refuses and Python's json reads (a lone surrogate, an integer beyond 64
    bits, NaN): read as before, so that the field's check names the actual fault."""
    try:
        return json.loads(raw)
    except (TypeError, ValueError, RecursionError):
        raise InvalidValue(
            f"„{FIELD_LABELS_DE.get(field, field)}“: kein gültiger Wert (JSON)."
        ) from None


@functools.cache
def _converter(cls: type[m.Record], field: str) -> Callable[[object], object]:
    if field not in synced_fields(cls):
        raise KeyError(field)
    py_type, nullable = field_type(cls, field)
    name = FIELD_LABELS_DE.get(field, field)  # in the messages: the name people know
    if isinstance(py_type, type) and issubclass(py_type, StrEnum):
        convert = _enum(name, py_type)
    elif py_type is str:
        convert = _id(name) if field.endswith("_id") else _text(name)
    else:
        convert = {bool: _bool, int: _int, date: _date, datetime: _datetime}[py_type](name)

    def checked(value: object) -> object:
        if value is None:
            if nullable:
                return None
            raise InvalidValue(f"„{name}“ darf nicht leer sein.")
        return convert(value)

    return checked


def _refuse(field: str, what: str, value: object) -> InvalidValue:
    shown = repr(value)
    if len(shown) > 40:
        shown = shown[:37] + "…"
    return InvalidValue(f"„{field}“: {what} erwartet, erhalten {shown}.")


def _text(field: str) -> Callable[[object], str]:
    def convert(value: object) -> str:
        if not isinstance(value, str):
            raise _refuse(field, "Text", value)
        if len(value) > MAX_TEXT_CHARS:
            raise InvalidValue(f"„{field}“: Text zu lang (höchstens {MAX_TEXT_CHARS} Zeichen).")
        if "\x00" in value:
            raise InvalidValue(f"„{field}“: Text enthält ein Nullzeichen.")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise InvalidValue(f"„{field}“: Text enthält ungültiges Unicode.") from None
        return value

    return convert


def _id(field: str) -> Callable[[object], str]:
    def convert(value: object) -> str:
        if not isinstance(value, str) or not _HEX32.fullmatch(value):
            raise _refuse(field, "eine Kennung (32 Hexadezimalzeichen)", value)
        return value

    return convert


def _enum(field: str, enum: type[StrEnum]) -> Callable[[object], StrEnum]:
    members = {member.value: member for member in enum}

    def convert(value: object) -> StrEnum:
        member = members.get(value) if isinstance(value, str) else None
        if member is None:
            raise _refuse(field, f"einer von {', '.join(members)}", value)
        return member

    return convert


def _bool(field: str) -> Callable[[object], bool]:
    def convert(value: object) -> bool:
        if not isinstance(value, bool):
            raise _refuse(field, "Ja/Nein (true/false)", value)
        return value

    return convert


def _int(field: str) -> Callable[[object], int]:
    def convert(value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _refuse(field, "eine ganze Zahl", value)
        if not MIN_INT <= value <= MAX_INT:
            raise _refuse(field, "eine Zahl in üblicher Größe", value)
        return value

    return convert


def _date(field: str) -> Callable[[object], date]:
    def convert(value: object) -> date:
        if isinstance(value, str) and _DATE.fullmatch(value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        raise _refuse(field, "ein Datum (JJJJ-MM-TT)", value)

    return convert


def _datetime(field: str) -> Callable[[object], datetime]:
    def convert(value: object) -> datetime:
        if isinstance(value, str) and _DATETIME.fullmatch(value):
            try:
                return datetime.fromisoformat(value)
            except ValueError:
                pass
        raise _refuse(field, "ein Zeitpunkt (ISO 8601)", value)

    return convert
