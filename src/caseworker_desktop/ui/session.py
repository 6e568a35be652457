"""An unlocked session in the window: services + background operations + undo.

The one adapter between the plain-Python service events and Qt signals lives here."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from ..clock import Clock
from ..domain.errors import CaseworkerError
from ..services import Services
from ..storage.viewer_copies import ViewerCopies
from .operations import DB, Operations


class Session(QObject):
    # [(table, record_id), ...] committed by a service; emitted from the worker thread and
    # delivered queued to the GUI thread.
    records_changed = Signal(object)
    unsynced_changed = Signal(int)
    undo_available = Signal(str)  # description, "" when nothing to undo

    def __init__(
        self,
        services: Services,
        ops: Operations,
        clock: Clock,
        parent=None,
        viewer_copies: ViewerCopies | None = None,
    ):
        super().__init__(parent)
        self.services = services
        # Documents handed to the system's viewer: removed when the session closes (lock)
        self.viewer_copies = viewer_copies or ViewerCopies()
        self.ops = ops
        self.clock = clock
        self._undo: tuple[str, Callable[[], Any]] | None = None
        self._closed = False
        self._listener = self.records_changed.emit
        services.ctx.listeners.append(self._listener)
        self.records_changed.connect(lambda _changes: self.refresh_unsynced())

    @property
    def user(self):
        return self.services.user

    def call(
        self,
        fn: Callable[[], Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        *,
        title: str = "",
        parent: QWidget | None = None,
        then: Callable[[], None] | None = None,
        pool: str = DB,
    ) -> None:
        """Run `fn` (a service call) on the database worker (`pool=NETWORK`: beside the
        sync, for work that waits on the office). Once the session is closed (locked),
        results still on their way are dropped: the widgets they were for are gone.

        A failure without `on_failure` is presented here, the one way a user's action
        fails: a CaseworkerError's German reason as a warning titled `title` over
        `parent`; without a title, and for anything unexpected, the main window's report
        (`ops.failed`). `then` runs after a failure either way (e.g. show what is now)."""

        def guard(callback):
            if callback is None:
                return None
            return lambda value: None if self._closed else callback(value)

        def present(exc: BaseException) -> None:
            if title and isinstance(exc, CaseworkerError):
                QMessageBox.warning(parent, title, str(exc))
            else:
                self.ops.failed.emit(exc)
            if then is not None:
                then()

        self.ops.run(fn, guard(on_success), guard(on_failure or present), pool=pool)

    def refresh_unsynced(self) -> None:
        self.call(self.services.unsynced_changes, self.unsynced_changed.emit)

    # --- undo of the last edit ---------------------------------------------------------

    def remember_undo(self, description: str, undo: Callable[[], Any]) -> None:
        """`undo` runs on the worker (it calls services, so it is logged and synced)."""
        self._undo = (description, undo)
        self.undo_available.emit(description)

    def undo(self, on_done: Callable[[Any], None] | None = None, on_failure=None) -> bool:
        if self._undo is None:
            return False
        _, fn = self._undo
        self._undo = None
        self.undo_available.emit("")
        self.call(fn, on_done, on_failure)
        return True

    def close(self) -> None:
        self._closed = True
        self.viewer_copies.remove_all()
        if self._listener in self.services.ctx.listeners:
            self.services.ctx.listeners.remove(self._listener)
        self._undo = None
