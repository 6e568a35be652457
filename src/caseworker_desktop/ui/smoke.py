"""`caseworker-desktop --data-dir DIR --smoke`: a self-test of an installed or bundled app.

It goes through the real start: the unlock dialog gets the passphrase, the key derivation
runs on the worker, the main window loads the caseload; then the help plan of the first
case is rendered as for the print preview (German/Arabic: reportlab, the fonts, shaping,
pdfium, PNG), one line is printed and the app quits with 0. Any failure prints a German
message and quits with 1. Works without a screen (QT_QPA_PLATFORM=offscreen). The
passphrase comes from CASEWORKER_SMOKE_PASSPHRASE or the first line of stdin and is never
printed or logged."""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from .app import AppController

if TYPE_CHECKING:  # imported where the real start imports it: after the unlock
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
        self.report = ""
        self.window: MainWindow | None = None
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
        self.window = window
        window.caseload_shown.connect(self._caseload_shown)

    def _caseload_shown(self, cases: int) -> None:
        if self.done or self.report:
            return
        now = time.perf_counter()
        self.report = (
            f"smoke ok: {cases} cases, unlock to caseload {now - self.clicked:.2f} s, "
            f"start to caseload {now - self.started:.2f} s"
        )
        from .models.caseload import ROW_ROLE  # (the services: imported with the window)

        window = self.window
        model = window.caseload.model
        rows = (model.index(row, 0).data(ROW_ROLE) for row in range(cases))
        case_id = next((row.case_id for row in rows if row.next_review_on), None)
        if case_id is None:
            self.finish(0, f"{self.report}, no help plan to preview")
            return
        printing = window.session.services.printing

        def preview() -> list[bytes]:
            from ..printing.raster import pdf_pages_to_png

            pdf, _plan_id = printing.render_pdf(case_id, lang="ar")
            return pdf_pages_to_png(pdf, dpi=50)

        window.session.call(preview, self._previewed, self._preview_failed)

    def _previewed(self, pages: list[bytes]) -> None:
        if not pages or QImage.fromData(pages[0]).isNull():
            self.fail("Die Druckvorschau des Hilfeplans ist leer.")
            return
        self.finish(0, f"{self.report}, help plan preview: {len(pages)} pages")

    def _preview_failed(self, exc: BaseException) -> None:
        self.fail(f"Druckvorschau des Hilfeplans: {type(exc).__name__}: {exc}")

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
