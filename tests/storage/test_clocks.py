"""Field clocks one row per record (storage/clocks.py): each stamp once, with its fields
as a bit mask."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
import pytest

from caseworker_desktop.storage import clocks

A = "001764000000000-000001-" + "a" * 32
B = "001764000000001-000000-" + "b" * 32


def test_a_row_written_in_one_go_keeps_its_stamp_once():
    held = {"first_name": A, "last_name": A, "phone": B}
    text = clocks.encode("client", held)
    assert text.count(A) == 1 and text.count(B) == 1
    assert "name" not in text and "phone" not in text  # bits, not names
    assert clocks.decode("client", text) == held
    assert clocks.field_hlc("client", text, "phone") == B
    assert clocks.field_hlc("client", text, "first_name") == A
    assert clocks.field_hlc("client", text, "notes") is None
    assert clocks.decode("client", None) == {} and clocks.field_hlc("client", None, "x") is None


def test_a_whole_record_costs_a_third_of_its_field_names():
    held = dict.fromkeys(clocks.ORDER["client"][3:], A)
    by_name = orjson.dumps({A: list(held)}).decode()
    assert len(clocks.encode("client", held)) < len(by_name) / 3


def test_the_form_of_earlier_releases_and_unknown_fields_are_read():
    assert clocks.decode("client", orjson.dumps({A: ["first_name", "x"]}).decode()) == {
        "first_name": A,
        "x": A,
    }
    text = clocks.encode("client", {"first_name": A, "from_a_newer_release": A, "phone": B})
    assert "from_a_newer_release" in text and "first_name" not in text
    assert clocks.decode("client", text) == {
        "first_name": A,
        "from_a_newer_release": A,
        "phone": B,
    }
    assert clocks.field_hlc("client", text, "from_a_newer_release") == A
    assert clocks.field_hlc("client", text, "first_name") == A


def test_a_bit_the_record_does_not_have_is_refused():
    with pytest.raises(clocks.ClockError):
        clocks.decode("organisation", orjson.dumps({A: 1 << 40}).decode())


def test_the_order_of_fields_is_pinned():
    """A case file stores each field as its place in this order: a field may be appended
    to a record (then add it to clock_fields.json too), never moved or removed."""
    pinned = json.loads((Path(__file__).parent / "clock_fields.json").read_text())
    for table, fields in pinned.items():
        assert clocks.ORDER[table][: len(fields)] == tuple(fields), table


def test_stamping_merges_and_names_the_bases(case_file):
    from caseworker_desktop.storage.staged import Staged

    with case_file.engine.begin() as conn:
        staged = Staged(conn, b"k" * 32)  # where a write stamps its fields' clocks
        staged.changes("client", "1" * 32, {"a": 1, "b": 2}, hlc=A, device_id="d")
        staged.flush()
        staged.changes("client", "1" * 32, {"b": 3}, hlc=B, device_id="d")
        staged.flush()
        bases = conn.exec_driver_sql(
            "SELECT field, hlc, base_hlc FROM change_log ORDER BY seq"
        ).all()
        assert bases == [("a", A, None), ("b", A, None), ("b", B, A)]
        assert clocks.read(conn, "client", "1" * 32) == {"a": A, "b": B}
        assert clocks.read_many(conn, [("client", "1" * 32), ("client", "2" * 32)]) == {
            ("client", "1" * 32): {"a": A, "b": B}
        }
        assert clocks.newest_up_to(conn, A[:15]) == A
        assert clocks.newest_up_to(conn, B[:15]) == B
        clocks.remap(conn, {B: "001764000000000-000002-" + "a" * 32})
        assert clocks.read(conn, "client", "1" * 32)["b"].endswith("000002-" + "a" * 32)


@pytest.mark.parametrize("fields", [0, 1, 40])
def test_any_number_of_fields_round_trips(fields):
    clocks_ = {f"field_{n}": (A if n % 3 else B) for n in range(fields)}
    assert clocks.decode("client", clocks.encode("client", clocks_)) == clocks_
