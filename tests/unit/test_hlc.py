"""Hybrid logical clock: monotonic, merges remote time, string order equals clock order."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from caseworker_desktop.domain.hlc import (
    COUNTER_DIGITS,
    DEFAULT_MAX_DRIFT_MS,
    MAX_COUNTER,
    WALL_DIGITS,
    ClockDriftError,
    HybridLogicalClock,
    Timestamp,
)

# 1_764_000_000 s is exactly representable and so is every multiple of 125 ms on top of it,
# so the fake wall clock below converts to milliseconds without rounding.
BASE_MS = 1_764_000_000_000


class FakeClock:
    """A settable wall clock in milliseconds; called like time.time()."""

    def __init__(self, ms: int = BASE_MS) -> None:
        self.ms = ms

    def __call__(self) -> float:
        return self.ms / 1000


def make(node: str = "a", ms: int = BASE_MS, **kwargs) -> tuple[HybridLogicalClock, FakeClock]:
    fake = FakeClock(ms)
    return HybridLogicalClock(node, clock=fake, **kwargs), fake


# --- local events ------------------------------------------------------------------------


def test_now_follows_the_wall_clock_when_it_advances() -> None:
    hlc, fake = make()
    assert hlc.now() == Timestamp(BASE_MS, 0, "a")
    fake.ms += 125
    assert hlc.now() == Timestamp(BASE_MS + 125, 0, "a")


def test_counter_increments_within_the_same_millisecond() -> None:
    hlc, _ = make()
    stamps = [hlc.now() for _ in range(5)]
    assert [s.wall_ms for s in stamps] == [BASE_MS] * 5
    assert [s.counter for s in stamps] == [0, 1, 2, 3, 4]


def test_monotonic_when_the_wall_clock_goes_backwards() -> None:
    hlc, fake = make()
    first = hlc.now()
    fake.ms -= 3_600_000  # the laptop's clock is set back an hour
    second = hlc.now()
    third = hlc.now()
    assert first < second < third
    assert second == Timestamp(BASE_MS, 1, "a")
    assert third == Timestamp(BASE_MS, 2, "a")
    fake.ms = BASE_MS + 125  # wall time catches up: counter resets
    assert hlc.now() == Timestamp(BASE_MS + 125, 0, "a")


def test_counter_overflow_borrows_the_next_millisecond() -> None:
    hlc, _ = make(last=Timestamp(BASE_MS, MAX_COUNTER, "a"))
    assert hlc.now() == Timestamp(BASE_MS + 1, 0, "a")


def test_restarted_clock_continues_after_the_persisted_last_timestamp() -> None:
    persisted = Timestamp(BASE_MS + 10_000, 7, "a")
    hlc, _ = make(last=persisted)  # wall clock is behind what was persisted
    assert hlc.last == persisted
    assert hlc.now() == Timestamp(BASE_MS + 10_000, 8, "a")


@given(
    st.lists(
        st.one_of(
            st.tuples(st.just("tick"), st.integers(-(10**9), 10**9)),
            st.tuples(
                st.just("recv"),
                st.integers(-(10**9), DEFAULT_MAX_DRIFT_MS),
                st.integers(0, MAX_COUNTER),
                st.sampled_from(["a", "b", "z"]),
            ),
        ),
        max_size=40,
    )
)
def test_every_timestamp_is_greater_than_all_earlier_and_all_observed(events) -> None:
    hlc, fake = make(node="m")
    seen: list[Timestamp] = []
    for event in events:
        if event[0] == "tick":
            fake.ms = BASE_MS + event[1]  # wall clock jumps arbitrarily, also backwards
            seen.append(hlc.now())
        else:
            _, offset, counter, node = event
            remote = Timestamp(fake.ms + offset, counter, node)
            merged = hlc.observe(remote)
            assert merged > remote
            seen.append(remote)
            seen.append(merged)
        nxt = hlc.now()
        assert all(nxt > earlier for earlier in seen)
        seen.append(nxt)


# --- merging remote timestamps -----------------------------------------------------------


def test_observe_remote_ahead_makes_next_now_greater_than_remote() -> None:
    hlc, _ = make()
    remote = Timestamp(BASE_MS + 5_000, 42, "b")
    assert hlc.observe(remote) == Timestamp(BASE_MS + 5_000, 43, "a")
    nxt = hlc.now()
    assert nxt > remote
    assert nxt == Timestamp(BASE_MS + 5_000, 44, "a")


def test_observe_same_wall_time_takes_the_larger_counter() -> None:
    hlc, _ = make(last=Timestamp(BASE_MS, 10, "a"))
    assert hlc.observe(Timestamp(BASE_MS, 3, "b")) == Timestamp(BASE_MS, 11, "a")
    assert hlc.observe(Timestamp(BASE_MS, 50, "b")) == Timestamp(BASE_MS, 51, "a")


def test_observe_remote_behind_uses_the_physical_clock() -> None:
    hlc, fake = make()
    hlc.now()
    fake.ms += 125
    assert hlc.observe(Timestamp(BASE_MS - 60_000, 9, "b")) == Timestamp(BASE_MS + 125, 0, "a")


def test_observe_remote_counter_overflow_borrows_the_next_millisecond() -> None:
    hlc, _ = make()
    merged = hlc.observe(Timestamp(BASE_MS + 1_000, MAX_COUNTER, "b"))
    assert merged == Timestamp(BASE_MS + 1_001, 0, "a")
    assert merged > Timestamp(BASE_MS + 1_000, MAX_COUNTER, "b")


def test_far_future_remote_is_refused_and_does_not_drag_the_clock() -> None:
    hlc, _ = make()
    before = hlc.now()
    with pytest.raises(ClockDriftError) as exc_info:
        hlc.observe(Timestamp(BASE_MS + DEFAULT_MAX_DRIFT_MS + 1, 0, "b"))
    assert "Uhr" in str(exc_info.value)
    assert hlc.last == before
    assert hlc.now() == Timestamp(BASE_MS, before.counter + 1, "a")


def test_remote_exactly_at_the_drift_limit_is_accepted() -> None:
    hlc, _ = make()
    remote = Timestamp(BASE_MS + DEFAULT_MAX_DRIFT_MS, 0, "b")
    assert hlc.observe(remote) > remote


def test_custom_drift_limit() -> None:
    hlc, _ = make(max_drift_ms=1_000)
    hlc.observe(Timestamp(BASE_MS + 1_000, 0, "b"))
    with pytest.raises(ClockDriftError):
        hlc.observe(Timestamp(BASE_MS + 1_001, 0, "b"))


# --- ordering and encoding ---------------------------------------------------------------


def test_ties_are_broken_by_node() -> None:
    a, _ = make(node="laptop_a")
    b, _ = make(node="laptop_b")
    ta, tb = a.now(), b.now()
    assert (ta.wall_ms, ta.counter) == (tb.wall_ms, tb.counter)
    assert ta < tb
    assert ta.encode() < tb.encode()
    assert ta != tb


def test_wall_time_dominates_counter_and_counter_dominates_node() -> None:
    assert Timestamp(1, MAX_COUNTER, "z") < Timestamp(2, 0, "a")
    assert Timestamp(1, 9, "z") < Timestamp(1, 10, "a")
    assert Timestamp(1, MAX_COUNTER, "z").encode() < Timestamp(2, 0, "a").encode()
    assert Timestamp(1, 9, "z").encode() < Timestamp(1, 10, "a").encode()


def test_encoding_is_fixed_width() -> None:
    text = Timestamp(BASE_MS, 7, "node1").encode()
    assert text == "001764000000000-000007-node1"
    assert str(Timestamp(BASE_MS, 7, "node1")) == text
    wall, counter, node = text.split("-")
    assert (len(wall), len(counter), node) == (WALL_DIGITS, COUNTER_DIGITS, "node1")


nodes = st.text(
    alphabet=st.characters(blacklist_characters="-", blacklist_categories=("Cs",)),
    min_size=1,
    max_size=12,
)
timestamps = st.builds(
    Timestamp,
    wall_ms=st.integers(0, 10**WALL_DIGITS - 1),
    counter=st.integers(0, MAX_COUNTER),
    node=nodes,
)
# Timestamps that share parts, so that ties on wall time and counter are common.
close_timestamps = st.builds(
    Timestamp,
    wall_ms=st.integers(0, 3),
    counter=st.integers(0, 3),
    node=st.sampled_from(["a", "b", "ab", "B", "a0", "z"]),
)


@given(timestamps)
def test_encode_decode_round_trip(ts: Timestamp) -> None:
    assert Timestamp.decode(ts.encode()) == ts


@given(st.one_of(timestamps, close_timestamps), st.one_of(timestamps, close_timestamps))
def test_string_order_equals_timestamp_order(x: Timestamp, y: Timestamp) -> None:
    assert (x < y) == (x.encode() < y.encode())
    assert (x == y) == (x.encode() == y.encode())


@pytest.mark.parametrize(
    "text",
    [
        "",
        "garbage",
        "001764000000000-000007",  # no node
        "001764000000000-000007-",  # empty node
        "1764000000000-000007-a",  # wall too short
        "0001764000000000-000007-a",  # wall too long
        "001764000000000-7-a",  # counter too short
        "001764000000000-0000007-a",  # counter too long
        "00176400000000x-000007-a",
        "001764000000000-00000x-a",
        "001764000000000_000007_a",
    ],
)
def test_malformed_strings_raise_value_error(text: str) -> None:
    with pytest.raises(ValueError, match="hybrid logical clock"):
        Timestamp.decode(text)


@pytest.mark.parametrize(
    "text",
    [
        "+01764000000000-000007-a",
        " 01764000000000-000007-a",
        "0017640000_0000-000007-a",
        "001764000000000-00000\u0667-a",  # ARABIC-INDIC DIGIT SEVEN
    ],
)
def test_non_canonical_strings_raise_value_error(text: str) -> None:
    with pytest.raises(ValueError):
        Timestamp.decode(text)


@pytest.mark.parametrize("node", ["", "a-b"])
def test_invalid_node_id_is_refused(node: str) -> None:
    with pytest.raises(ValueError):
        HybridLogicalClock(node, clock=FakeClock())
