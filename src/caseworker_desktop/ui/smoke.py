"""`caseworker-desktop --data-dir DIR --smoke`: a self-test of an installed or bundled app.

It goes through the real start: the unlock dialog gets the passphrase, the key derivation
runs on the worker, the main window loads the caseload; then one line is printed and the
app quits with 0. Any failure prints a German message and quits with 1. Works without a
screen (QT_QPA_PLATFORM=offscreen). The passphrase comes from CASEWORKER_SMOKE_PASSPHRASE
or the first line of stdin and is never printed or logged."""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from .app import AppController
from .main_window import MainWindow

PASSPHRASE_ENV = "CASEWORKER_SMOKE_PASSPHRASE"
TIMEOUT_S = 120


class SmokeError(Exception):
    pass


def read_passphrase() -> str:
    # Taken out of the environment so nothing started later inherits it.
    passphrase = os.environ.pop(PASSPHRASE_ENV, None)
    if passphrase is None and not sys.stdin.isatty():
        passphrase = sys.stdin.readline().rstrip("\r\n")
    if not passphrase:
        raise SmokeError(f"Keine Passphrase: {PASSPHRASE_ENV} setzen oder auf stdin übergeben.")
    return passphrase


def isolate_settings() -> tempfile.TemporaryDirectory:
    """The real start remembers the profile in settings.json; the self-test must not add
    its profile to the user's list, so it writes its settings to a directory of its own."""
    directory = tempfile.TemporaryDirectory(prefix="caseworker-smoke-")
    os.environ["CASEWORKER_CONFIG_DIR"] = directory.name
    return directory


class SmokeRun(QObject):
    def __init__(
        self,
        controller: AppController,
        data_dir: Path,
        passphrase: str,
        started: float,
        timeout_s: float = TIMEOUT_S,
    ):
        super().__init__(controller)
        self.controller = controller
        self.data_dir = Path(data_dir).resolve()
        self._passphrase = passphrase
        self.started = started
        self.clicked = 0.0
        self.done = False
        self._excepthook = sys.excepthook
        self.timeout = QTimer(self)
        self.timeout.setSingleShot(True)
        self.timeout.setInterval(int(timeout_s * 1000))
        self.timeout.timeout.connect(
            lambda: self.fail(f"Fallliste nach {timeout_s:.0f} s nicht geladen.")
        )

    def start(self) -> None:
        """Call after `controller.start()`: the unlock dialog is open then."""
        self.controller.unlocked.connect(self._unlocked)
        self.controller.unlock_failed.connect(self.fail)
        self._excepthook, sys.excepthook = sys.excepthook, self._unexpected
        self.timeout.start()
        QTimer.singleShot(0, self._enter_passphrase)

    def _enter_passphrase(self) -> None:
        dialog = self.controller.unlock_dialog
        if dialog is None or not dialog.isVisible():
            self.fail("Der Entsperr-Dialog ist nicht erschienen.")
            return
        index = dialog.profile.findData(str(self.data_dir))
        if index < 0:
            self.fail(f"Das Profil {self.data_dir} fehlt in der Profilauswahl.")
            return
        dialog.profile.setCurrentIndex(index)
        dialog.passphrase.setText(self._passphrase)
        self._passphrase = ""
        self.clicked = time.perf_counter()
        dialog.unlock_button.click()

    def _unlocked(self, window: MainWindow) -> None:
        window.caseload_shown.connect(self._caseload_shown)

    def _caseload_shown(self, cases: int) -> None:
        if self.done:
            return
        now = time.perf_counter()
        self.finish(
            0,
            f"smoke ok: {cases} cases, unlock to caseload {now - self.clicked:.2f} s, "
            f"start to caseload {now - self.started:.2f} s",
        )

    def fail(self, message: str) -> None:
        self.finish(1, f"Selbsttest fehlgeschlagen: {message}", sys.stderr)

    def _unexpected(self, exc_type, exc, tb) -> None:
        traceback.print_exception(exc_type, exc, tb, file=sys.stderr)
        self.fail(f"unerwarteter Fehler ({exc_type.__name__}).")

    def finish(self, code: int, line: str, stream=None) -> None:
        if self.done:
            return
        self.done = True
        self.timeout.stop()
        sys.excepthook = self._excepthook
        print(line, file=stream or sys.stdout, flush=True)
        QApplication.exit(code)
