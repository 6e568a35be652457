"""Restricted text sealed field by field (office/sealing.py): what opens and what does not."""

from __future__ import annotations

import os

import pytest

from caseworker_desktop.office.auth import OfficeError
from caseworker_desktop.office.sealing import PREFIX, Sealer

ROW = "a" * 32
TEXT = '"Empfehlung: Gruppenangebot, Ängste beim Einschlafen"'


@pytest.fixture
def sealer() -> Sealer:
    return Sealer({1: os.urandom(32), 2: os.urandom(32)})


def test_a_restricted_value_is_sealed_and_opens_where_it_was_written(sealer):
    stored = sealer.seal("trauma_referral", ROW, "recommendation", TEXT)
    assert stored.startswith(PREFIX) and "Empfehlung" not in stored
    assert stored.startswith(PREFIX + "2:")  # the newest key
    assert sealer.open("trauma_referral", ROW, "recommendation", stored) == TEXT
    # other fields pass through both ways
    assert sealer.seal("client", ROW, "first_name", '"Olena"') == '"Olena"'
    assert sealer.open("client", ROW, "first_name", '"Olena"') == '"Olena"'


def _damaged(sealer, stored: str, row: str = ROW) -> str:
    with pytest.raises(OfficeError) as caught:
        sealer.open("trauma_referral", row, "recommendation", stored)
    return caught.value.code


def test_a_moved_changed_or_malformed_value_does_not_open(sealer):
    stored = sealer.seal("trauma_referral", ROW, "recommendation", TEXT)
    assert _damaged(sealer, stored, row="b" * 32) == "sealed_value_damaged"  # moved
    body = stored[len(PREFIX) : -2]
    flipped = body[:-4] + ("A" if body[-4] != "A" else "B") + body[-3:]
    for bad in (
        PREFIX + flipped + '"}',  # a changed byte
        PREFIX + body[:-8] + '"}',  # cut short
        PREFIX + body + "!" + '"}',  # not base64
        PREFIX + body,  # not closed
        PREFIX + body.replace(":", "", 1) + '"}',  # no key id
        PREFIX + "x" + body + '"}',  # a key id that is no number
    ):
        assert _damaged(sealer, bad) == "sealed_value_damaged", bad


def test_a_value_sealed_under_a_key_the_file_lacks_is_named(sealer):
    stored = sealer.seal("trauma_referral", ROW, "recommendation", TEXT)
    assert _damaged(sealer, stored.replace(PREFIX + "2:", PREFIX + "9:")) == "sealed_key_missing"
