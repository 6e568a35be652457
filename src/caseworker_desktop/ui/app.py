"""Composition root of the window: settings -> unlock -> session -> main window; the idle
lock drops the key and closes every dialog. No globals: the controller owns everything."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QClipboard
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from ..clock import Clock
from ..config import Settings, default_data_dir
from ..domain.errors import CaseworkerError
from ..storage.casefile import CaseFile
from ..storage.viewer_copies import ViewerCopies
from .dialogs.base import FormDialog
from .dialogs.conflict import ConflictDialog
from .dialogs.recovery import RecoveryDialog
from .dialogs.restore import RestoreDialog
from .dialogs.unlock import FirstRunWizard, UnlockDialog
from .idle import IdleLock
from .operations import DB, NETWORK, Operations

if TYPE_CHECKING:
    from ..services import Services
    from .main_window import MainWindow
    from .session import Session
    from .sync_controller import SyncController

log = logging.getLogger(__name__)


class AppController(QObject):
    unlocked = Signal(object)  # the MainWindow, just shown
    unlock_failed = Signal(str)  # the message the unlock dialog shows

    def __init__(
        self,
        settings: Settings,
        clock: Clock | None = None,
        data_dir: Path | None = None,
        parent=None,
    ):
        super().__init__(parent)
        self.settings = settings
        self.clock = clock or Clock()
        self.ops = Operations(self)
        self.idle = IdleLock(self.clock, settings.idle_lock_minutes * 60, parent=self)
        self.idle.timed_out.connect(self.lock)
        if data_dir is not None:
            settings.remember_profile(data_dir)
        self.case_file: CaseFile | None = None
        self.session: Session | None = None
        self.window: MainWindow | None = None
        self.sync: SyncController | None = None
        self.unlock_dialog: UnlockDialog | None = None
        self.wizard: FirstRunWizard | None = None
        self.recovery_dialog: RecoveryDialog | None = None
        self.restore_dialog: RestoreDialog | None = None
        self._copied_here: dict[QClipboard.Mode, bool] = {}
        # Documents opened in the system's viewer: what a crash left is removed now,
        # this run's copies at lock, at the end and after ten minutes.
        self.viewer_copies = ViewerCopies()
        self.viewer_copies.sweep()
        self._expiry = QTimer(self)
        self._expiry.timeout.connect(self.viewer_copies.expire)
        self._expiry.start(60_000)
        clipboard = QApplication.clipboard()
        clipboard.changed.connect(self._clipboard_changed)

    # --- start and unlock --------------------------------------------------------------

    def start(self) -> None:
        if self.settings.profiles:
            self.show_unlock()
        else:
            self.show_wizard()

    def show_unlock(self) -> None:
        dialog = UnlockDialog(self.settings.profiles)
        dialog.unlock_requested.connect(self.unlock)
        dialog.new_profile_requested.connect(self.show_wizard)
        dialog.recovery_requested.connect(self.show_recovery)
        dialog.restore_requested.connect(self.show_restore)
        dialog.rejected.connect(self._unlock_cancelled)
        self.unlock_dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def _unlock_cancelled(self) -> None:
        if self.window is None and self.wizard is None:
            QApplication.instance().quit()

    def show_wizard(self) -> None:
        if self.unlock_dialog is not None:
            self.unlock_dialog.hide()
        wizard = FirstRunWizard(default_data_dir() / "profil")
        wizard.create_requested.connect(self.create_profile)
        wizard.rejected.connect(self._wizard_cancelled)
        self.wizard = wizard
        wizard.show()

    def _wizard_cancelled(self) -> None:
        self.wizard = None
        if self.unlock_dialog is not None and self.settings.profiles:
            self.unlock_dialog.show()
        else:
            QApplication.instance().quit()

    def create_profile(self, folder: str, username: str, display_name: str, passphrase: str):
        clock = self.clock

        def work():
            return CaseFile.create(
                Path(folder),
                username=username,
                display_name=display_name,
                passphrase=passphrase,
                clock=clock,
            )

        def failed(exc: BaseException) -> None:
            message = (
                str(exc)
                if isinstance(exc, CaseworkerError)
                else self.tr("Das Profil konnte nicht angelegt werden.")
            )
            QMessageBox.warning(None, self.tr("Neues Profil"), message)
            self.show_wizard()

        self.wizard = None
        self.ops.run(work, self._opened, failed)

    def unlock(self, folder: str, passphrase: str) -> None:
        clock = self.clock
        self.ops.run(
            lambda: CaseFile.open(Path(folder), passphrase, clock=clock),
            self._opened,
            self._unlock_failed,
        )
        _load_the_window()

    def show_recovery(self, folder: str) -> None:
        dialog = RecoveryDialog(folder, self.settings.server_url, self.unlock_dialog)
        dialog.recovery_requested.connect(self.recover)
        dialog.setModal(True)
        self.recovery_dialog = dialog
        dialog.show()

    def recover(self, folder: str, server: str, code: str, passphrase: str) -> None:
        """The office's credential by the one-time code, then a new key for the file."""
        clock = self.clock

        def opened() -> None:
            self.settings.server_url = server

        self._open_from_dialog(
            "recovery_dialog",
            lambda: _recover(Path(folder), server, code, passphrase, clock),
            self.tr("Der Zugang konnte nicht wiederhergestellt werden."),
            opened,
            pool=NETWORK,
        )

    def show_restore(self, folder: str) -> None:
        dialog = RestoreDialog(folder, self.unlock_dialog)
        dialog.restore_requested.connect(self.restore)
        dialog.setModal(True)
        self.restore_dialog = dialog
        dialog.show()

    def restore(self, folder: str, backup: str, passphrase: str) -> None:
        """The backup read whole into a new file, which then replaces the profile's (a copy
        of the old one stays in the profile folder); then it opens like an unlock."""
        clock = self.clock
        self._open_from_dialog(
            "restore_dialog",
            lambda: CaseFile.restore(
                Path(backup), Path(folder), passphrase, replace=True, clock=clock
            ),
            self.tr("Die Sicherung konnte nicht zurückgespielt werden."),
        )

    def _open_from_dialog(self, name: str, work, fallback: str, opened=None, *, pool=DB):
        """`work` (it returns an open case file) in the background for the dialog held in
        `self.<name>`: closed and the file opened when it succeeds, else the German reason
        shown in the dialog (`fallback` for anything unexpected, which is logged)."""

        def done(case_file: CaseFile) -> None:
            dialog = getattr(self, name)
            setattr(self, name, None)
            if dialog is not None:
                dialog.accept()
                dialog.deleteLater()
            if opened is not None:
                opened()
            self._opened(case_file)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, CaseworkerError):
                message = str(exc)
            else:
                log.error("%s failed: %s", name, type(exc).__name__)
                message = fallback
            if getattr(self, name) is not None:
                getattr(self, name).failed(message)

        self.ops.run(work, done, failed, pool=pool)

    def _unlock_failed(self, exc: BaseException) -> None:
        if self.unlock_dialog is None:
            return
        if isinstance(exc, CaseworkerError):
            message = str(exc)
        else:
            log.error("unlock failed: %s", type(exc).__name__)
            message = self.tr("Die Falldatei konnte nicht geöffnet werden.")
        self.unlock_dialog.failed(message)
        self.unlock_failed.emit(message)

    def _opened(self, case_file: CaseFile) -> None:
        self.case_file = case_file
        self.settings.remember_profile(case_file.data_dir)
        self.settings.save()
        from ..services import Services  # after the unlock: the dialog comes up sooner

        self.ops.run(
            lambda: Services(case_file, self.clock, self.settings.document_max_mb),
            self._services_ready,
            self._services_failed,
        )
        self.ops.run(case_file.backup_if_due, lambda _path: None, self._backup_failed)

    def _services_failed(self, exc: BaseException) -> None:
        case_file, self.case_file = self.case_file, None
        if case_file is not None:
            self.ops.run(case_file.lock)
        self._unlock_failed(exc)

    def _services_ready(self, services: Services) -> None:
        if self.unlock_dialog is not None:
            self.unlock_dialog.hide()
            self.unlock_dialog.deleteLater()
            self.unlock_dialog = None
        from .main_window import MainWindow
        from .session import Session
        from .sync_controller import SyncController

        self.session = Session(services, self.ops, self.clock, self, self.viewer_copies)
        self.sync = SyncController(self.session, self.case_file, self)
        self.window = MainWindow(self.session, self.settings, self.sync)
        self.window.lock_requested.connect(self.lock)
        self.window.language_chosen.connect(self._language_chosen)
        self.window.idle_minutes_chosen.connect(self._idle_minutes_chosen)
        self.window.show()
        self.idle.arm()
        # the sync (its imports: httpx, pydantic) once the caseload is shown, not beside it
        self.window.caseload_shown.connect(self._start_sync, Qt.ConnectionType.SingleShotConnection)
        self.unlocked.emit(self.window)

    def _start_sync(self, _cases: int) -> None:
        if self.sync is not None:
            self.sync.start()

    def _backup_failed(self, exc: BaseException) -> None:
        log.error("scheduled backup failed: %s", type(exc).__name__)

    # --- lock --------------------------------------------------------------------------

    def _clipboard_changed(self, mode: QClipboard.Mode) -> None:
        """Remember whether the clipboard now holds what was copied in this program (it
        has the focus when the user copies here; the platform may also say so)."""
        clipboard = QApplication.clipboard()
        owns = (
            clipboard.ownsClipboard()
            if mode is QClipboard.Mode.Clipboard
            else clipboard.ownsSelection()
        )
        self._copied_here[mode] = owns or QApplication.focusWidget() is not None

    def _clear_clipboard(self) -> None:
        clipboard = QApplication.clipboard()
        for mode, ours in self._copied_here.items():
            if ours:
                clipboard.clear(mode)
        self._copied_here.clear()

    def lock(self) -> None:
        """Close every dialog, drop the window (and the data it shows), drop the key, and
        empty the clipboard if it holds what was copied in this program."""
        self.idle.disarm()
        self._clear_clipboard()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, FormDialog | ConflictDialog) and widget.isVisible():
                widget.force_close()
            elif isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        if self.window is not None:
            self.window.client_file.discard_changes()
            self.window.hide()
            self.window.deleteLater()
            self.window = None
        if self.sync is not None:
            self.sync.stop()  # its late callbacks are dropped; the object goes with the next
            self.sync.setParent(None)
            self.ops.run(lambda: None, lambda _r, s=self.sync: s.deleteLater(), pool=NETWORK)
            self.sync = None
        if self.session is not None:
            self.session.close()
            self.session.deleteLater()
            self.session = None
        case_file, self.case_file = self.case_file, None
        if case_file is not None:
            # Behind any queued work; and at once drop our reference to the key.
            self.ops.run(case_file.lock)
        self.show_unlock()

    def _language_chosen(self, code: str) -> None:
        self.settings.language = code
        self.settings.save()

    def _idle_minutes_chosen(self, minutes: int) -> None:
        self.settings.idle_lock_minutes = minutes
        self.settings.save()
        self.idle.set_timeout(minutes * 60)

    def shutdown(self) -> None:
        self.idle.detach()
        self.viewer_copies.remove_all()
        if self.case_file is not None:
            case_file = self.case_file
            self.ops.run(case_file.lock)
        self.ops.wait_for_done()


def _recover(folder: Path, server: str, code: str, passphrase: str, clock) -> CaseFile:
    from ..sync.client import SyncClient  # the network only when it is needed

    return SyncClient.recover(folder, server, code, passphrase, clock)


def _load_the_window() -> None:
    """Import what the window after the unlock needs (the services, every view): not
    before the unlock dialog, but while the worker derives the key (Argon2id in
    cryptography lets go of the GIL: measured, 0.13 s of imports done meanwhile)."""
    from ..services import Services  # noqa: F401
    from .main_window import MainWindow  # noqa: F401
