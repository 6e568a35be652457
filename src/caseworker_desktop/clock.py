"""Time source, injectable so tests can use a fake clock (idle lock, HLC, date rules)."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

LOCAL_ZONE = ZoneInfo("Europe/Berlin")


class Clock:
    def time(self) -> float:
        return time.time()

    def now(self) -> datetime:
        return datetime.fromtimestamp(self.time(), UTC)

    def today(self) -> date:
        return self.now().astimezone(LOCAL_ZONE).date()


class FakeClock(Clock):
    def __init__(self, start: datetime | None = None):
        self._t = (start or datetime(2026, 11, 24, 9, 0, tzinfo=UTC)).timestamp()

    def time(self) -> float:
        return self._t

    def advance(self, seconds: float) -> None:
        self._t += seconds

    def set(self, when: datetime) -> None:
        self._t = when.timestamp()
