"""Sync from the window: on the network worker, automatically every few minutes and on
demand (F5). Edits keep going on the database worker meanwhile."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from ..storage.casefile import CaseFile
from .operations import NETWORK
from .session import Session

if TYPE_CHECKING:  # the sync (httpx, pydantic) is imported on the worker, after the start
    from ..sync.client import SyncClient, SyncReport

log = logging.getLogger(__name__)
AUTO_SYNC_MS = 2 * 60 * 1000


class SyncController(QObject):
    state_changed = Signal(str, str)  # text for the status bar, colour
    notice = Signal(str)  # a longer German message (the clock is off): status bar, tooltip
    finished = Signal(object)  # SyncReport

    def __init__(self, session: Session, case_file: CaseFile, parent=None):
        super().__init__(parent)
        self.session = session
        self.case_file = case_file
        self.running = False
        self.stopped = False  # locked: results still on their way are dropped
        self.client: SyncClient | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(AUTO_SYNC_MS)
        self.timer.timeout.connect(self.sync)

    def start(self) -> None:
        """Find out whether this laptop is enrolled; if so, sync now and then regularly."""
        hlc = self.session.services.ctx.hlc

        def client() -> SyncClient:
            from ..sync.client import SyncClient

            return SyncClient(self.case_file, hlc=hlc)

        self.session.call(client, self._ready)

    def _ready(self, client: SyncClient) -> None:
        if self.stopped:
            return
        self.client = client
        if not client.enrolled:
            self.state_changed.emit(
                self.tr("● Offline – nicht beim Landratsamt angemeldet"), "#7f8c8d"
            )
            return
        self.timer.start()
        self.sync()

    def sync(self) -> None:
        if self.stopped or self.running or self.client is None or not self.client.enrolled:
            return
        self.running = True
        self.state_changed.emit(self.tr("● Synchronisiert …"), "#2c6fad")
        self.session.ops.run(self.client.sync, self._done, self._failed, pool=NETWORK)

    def _done(self, report: SyncReport) -> None:
        self.running = False
        if self.stopped:
            return
        text = self.tr("● Online – zuletzt synchronisiert %1").replace(
            "%1", self.session.clock.now().astimezone().strftime("%H:%M")
        )
        if report.audit_problem:
            self.state_changed.emit(text + self.tr(" – Protokoll verändert!"), "#b03a2e")
            self.notice.emit(report.audit_problem)
        elif report.clock_warning:
            self.state_changed.emit(text + self.tr(" – Uhr des Geräts weicht ab"), "#b9770e")
            self.notice.emit(report.clock_warning)
        else:
            self.state_changed.emit(text, "#1e8449")
        self.finished.emit(report)

    def _failed(self, exc: BaseException) -> None:
        from ..sync.transport import (
            ClockAheadError,
            DeviceRevokedError,
            OfflineError,
            UpgradeRequiredError,
        )

        self.running = False
        if self.stopped:
            return
        if isinstance(exc, OfflineError):
            self.state_changed.emit(self.tr("● Offline – Server nicht erreichbar"), "#7f8c8d")
        elif isinstance(exc, DeviceRevokedError):
            self.timer.stop()
            self.state_changed.emit(
                self.tr("● Gerät gesperrt – bitte Teamleitung fragen"), "#b03a2e"
            )
        elif isinstance(exc, ClockAheadError):  # nothing is lost; sync resumes once it is right
            self.state_changed.emit(self.tr("● Uhr des Geräts geht vor – bitte korrigieren"),
                                    "#b03a2e")  # fmt: skip
            self.notice.emit(str(exc))
        elif isinstance(exc, UpgradeRequiredError):
            self.timer.stop()
            self.state_changed.emit(self.tr("● Programm veraltet – bitte aktualisieren"), "#b03a2e")
        else:
            log.error("sync failed: %s", type(exc).__name__)
            self.state_changed.emit(self.tr("● Synchronisation fehlgeschlagen"), "#b03a2e")

    def stop(self) -> None:
        self.stopped = True
        self.timer.stop()
        client, self.client = self.client, None
        if client is not None:  # after a sync still running on the network worker
            self.session.ops.run(client.close, pool=NETWORK)
