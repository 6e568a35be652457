"""Background work (the GUI thread never waits on the database or the network).

Database work runs on one worker (the case file has a single connection); network work
(sync) on another, so a slow server never delays an edit. Results come back to the GUI
thread through a queued signal and are handed to `on_success` / `on_failure` there.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

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


class GuiThreadCollector(QObject):
    """Python's cycle collector runs in whichever thread happens to allocate. A widget
    caught in a reference cycle and collected on a worker is destroyed there: Qt warns
    ("Timers cannot be stopped from another thread", seen in the UI tests under load) and
    may crash. So the automatic collector is off while the app runs, and this timer runs
    it on the GUI thread with Python's own thresholds (as pyqtgraph's GarbageCollector)."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = 200):
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect)
        self.timer.start(interval_ms)

    def collect(self) -> None:
        counts, thresholds = gc.get_count(), gc.get_threshold()
        if counts[0] > thresholds[0]:
            gc.collect(0)
            if counts[1] > thresholds[1]:
                gc.collect(1)
                if counts[2] > thresholds[2]:
                    gc.collect(2)

    def stop(self) -> None:
        """Back to Python's own collector (tests: the rest of the run has no event loop)."""
        self.timer.stop()
        if self._was_enabled:
            gc.enable()
