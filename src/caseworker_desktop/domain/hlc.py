"""Hybrid logical clock (Kulkarni et al.): wall time in ms + counter + node id.

Encoded as a fixed-width string so that string order equals clock order; ties between
devices are broken by the node id. Robust to laptops whose wall clocks disagree: the
clock never goes backwards and moves past every timestamp it has observed."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from .errors import CaseworkerError

WALL_DIGITS = 15
COUNTER_DIGITS = 6
MAX_COUNTER = 10**COUNTER_DIGITS - 1
# A remote clock further ahead than this is refused instead of dragging ours along.
DEFAULT_MAX_DRIFT_MS = 24 * 3600 * 1000


# ASCII digits only: int() would also take signs, "_" and other scripts' digits, and then
# string order would no longer be clock order.
_ENCODED = re.compile(rf"([0-9]{{{WALL_DIGITS}}})-([0-9]{{{COUNTER_DIGITS}}})-([^-]+)")


def is_timestamp(text: str) -> bool:
    """Whether `text` is an encoded timestamp (without building one)."""
    return _ENCODED.fullmatch(text) is not None


def wall_prefix(wall_ms: int) -> str:
    """The wall-time part of every timestamp taken at `wall_ms`. Compared with the first
    WALL_DIGITS characters of a stamp (or with a whole stamp: every stamp taken at or
    after `wall_ms` sorts after it) it is the bound of "stamped before/after"."""
    return f"{wall_ms:0{WALL_DIGITS}d}"


class ClockDriftError(CaseworkerError):
    """A remote timestamp is implausibly far in the future."""


@dataclass(frozen=True, order=True)
class Timestamp:
    wall_ms: int
    counter: int
    node: str

    def encode(self) -> str:
        return f"{self.wall_ms:0{WALL_DIGITS}d}-{self.counter:0{COUNTER_DIGITS}d}-{self.node}"

    @classmethod
    def decode(cls, text: str) -> Timestamp:
        match = _ENCODED.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            raise ValueError(f"not a hybrid logical clock timestamp: {text!r}")
        return cls(int(match[1]), int(match[2]), match[3])

    def __str__(self) -> str:
        return self.encode()


def _wall_ms_from(clock: Callable[[], float]) -> int:
    return int(clock() * 1000)


class HybridLogicalClock:
    def __init__(
        self,
        node: str,
        clock: Callable[[], float] = time.time,
        last: Timestamp | None = None,
        max_drift_ms: int = DEFAULT_MAX_DRIFT_MS,
    ):
        if "-" in node or not node:
            raise ValueError("node id must be non-empty and contain no '-'")
        self.node = node
        self._clock = clock
        self._wall = last.wall_ms if last else 0
        self._counter = last.counter if last else 0
        self.max_drift_ms = max_drift_ms
        self._lock = threading.Lock()  # edits (DB worker) and sync (network worker) share it

    @property
    def last(self) -> Timestamp:
        return Timestamp(self._wall, self._counter, self.node)

    def now(self) -> Timestamp:
        """A timestamp for a local event, greater than every earlier one."""
        with self._lock:
            return self._now()

    def _now(self) -> Timestamp:
        physical = _wall_ms_from(self._clock)
        if physical > self._wall:
            self._wall, self._counter = physical, 0
        else:
            self._tick()
        return self.last

    def observe(self, remote: Timestamp, *, check_drift: bool = True) -> Timestamp:
        """Merge a received timestamp; afterwards `now()` is greater than `remote`.
        `check_drift=False`: the caller bounded `remote` by a clock it trusts more than
        this machine's (the office's), which may itself be far behind."""
        with self._lock:
            return self._observe(remote, check_drift)

    def reset(self, last: Timestamp) -> None:
        """Start again from `last` (after this machine's clock was set right: stamps it
        issued while running ahead were replaced)."""
        with self._lock:
            self._wall, self._counter = last.wall_ms, last.counter

    def _observe(self, remote: Timestamp, check_drift: bool = True) -> Timestamp:
        physical = _wall_ms_from(self._clock)
        if check_drift and remote.wall_ms - physical > self.max_drift_ms:
            raise ClockDriftError(
                "Die Uhr eines anderen Geräts geht um mehr als einen Tag vor; "
                "bitte Datum und Uhrzeit prüfen."
            )
        wall = max(self._wall, remote.wall_ms, physical)
        if wall == self._wall == remote.wall_ms:
            counter = max(self._counter, remote.counter) + 1
        elif wall == self._wall:
            counter = self._counter + 1
        elif wall == remote.wall_ms:
            counter = remote.counter + 1
        else:
            counter = 0
        self._wall, self._counter = wall, counter
        if self._counter > MAX_COUNTER:
            self._wall, self._counter = self._wall + 1, 0
        return self.last

    def _tick(self) -> None:
        self._counter += 1
        if self._counter > MAX_COUNTER:  # 1e6 events in one ms: borrow the next ms
            self._wall, self._counter = self._wall + 1, 0
