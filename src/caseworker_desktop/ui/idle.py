"""Idle auto-lock: no keyboard or mouse input for `timeout` seconds -> `timed_out`.

The clock is injected (a fake clock in tests). The check runs on a timer in the GUI event
loop, which keeps running while a modal dialog is open, so the lock fires then too."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from ..clock import Clock

ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)
DEFAULT_TIMEOUT_S = 5 * 60


class IdleLock(QObject):
    timed_out = Signal()

    def __init__(
        self,
        clock: Clock,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        check_interval_ms: int = 1000,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.clock = clock
        self.timeout_s = timeout_s
        self._last_activity = clock.time()
        self._armed = False
        self._timer = QTimer(self)
        self._timer.setInterval(check_interval_ms)
        self._timer.timeout.connect(self.check)
        QApplication.instance().installEventFilter(self)

    def arm(self) -> None:
        """Start watching (after unlock)."""
        self._last_activity = self.clock.time()
        self._armed = True
        self._timer.start()

    def disarm(self) -> None:
        self._armed = False
        self._timer.stop()

    def detach(self) -> None:
        """Stop watching the application's events (shutdown)."""
        self.disarm()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    @property
    def armed(self) -> bool:
        return self._armed

    def set_timeout(self, seconds: float) -> None:
        self.timeout_s = max(30.0, float(seconds))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._armed and event.type() in ACTIVITY_EVENTS:
            self._last_activity = self.clock.time()
        return False

    def check(self) -> None:
        if self._armed and self.clock.time() - self._last_activity >= self.timeout_s:
            self.disarm()
            self.timed_out.emit()
