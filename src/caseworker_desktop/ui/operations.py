"""Background work (the GUI thread never waits on the database or the network).

Database work runs on one worker (the case file has a single connection); network work
(sync) on another, so a slow server never delays an edit. Results come back to the GUI
thread through a queued signal and are handed to `on_success` / `on_failure` there.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

DB = "db"
NETWORK = "network"


class _Relay(QObject):
    """Lives in the GUI thread; the worker emits, the GUI thread receives."""

    done = Signal(object, object)  # result, exception


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay):
        super().__init__()
        self.setAutoDelete(True)
        self.fn = fn
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # handed to on_failure in the GUI thread
            self.relay.done.emit(None, exc)
        else:
            self.relay.done.emit(result, None)


class Operations(QObject):
    """`run(fn, on_success, on_failure)`: fn runs off the GUI thread, callbacks on it."""

    busy_changed = Signal(bool)
    failed = Signal(object)  # an exception nobody handled: the main window shows it

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pools: dict[str, QThreadPool] = {}
        for name in (DB, NETWORK):
            pool = QThreadPool(self)
            pool.setMaxThreadCount(1)
            self._pools[name] = pool
        self._relays: set[_Relay] = set()

    @property
    def pending(self) -> int:
        return len(self._relays)

    def run(
        self,
        fn: Callable[[], Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        *,
        pool: str = DB,
    ) -> None:
        relay = _Relay(self)
        self._relays.add(relay)
        if len(self._relays) == 1:
            self.busy_changed.emit(True)

        @Slot(object, object)
        def finish(result, exc) -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            if not self._relays:
                self.busy_changed.emit(False)
            if exc is None:
                if on_success is not None:
                    on_success(result)
            elif on_failure is not None:
                on_failure(exc)
            else:
                log.error("background operation failed: %s", type(exc).__name__)
                self.failed.emit(exc)

        relay.done.connect(finish)
        self._pools[pool].start(_Task(fn, relay))

    def wait_for_done(self, msecs: int = 30000) -> bool:
        """For shutdown and tests: wait until the workers are idle (callbacks not yet run)."""
        return all(pool.waitForDone(msecs) for pool in self._pools.values())
