"""Field clocks one row per record (storage/clocks.py): each stamp once, with its fields."""

from __future__ import annotations

import pytest

from caseworker_desktop.storage import clocks

A = "001764000000000-000001-" + "a" * 32
B = "001764000000001-000000-" + "b" * 32


def test_a_row_written_in_one_go_keeps_its_stamp_once():
    text = clocks.encode({"first_name": A, "last_name": A, "status": B})
    assert text.count(A) == 1 and text.count(B) == 1
    assert clocks.decode(text) == {"first_name": A, "last_name": A, "status": B}
    assert clocks.field_hlc(text, "status") == B
    assert clocks.field_hlc(text, "note") is None
    assert clocks.decode(None) == {} and clocks.field_hlc(None, "status") is None


def test_stamping_merges_and_returns_the_bases(case_file):
    with case_file.engine.begin() as conn:
        assert clocks.stamp(conn, "client", "1" * 32, ["a", "b"], A) == {}
        assert clocks.stamp(conn, "client", "1" * 32, ["b"], B) == {"a": A, "b": A}
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
    assert clocks.decode(clocks.encode(clocks_)) == clocks_
