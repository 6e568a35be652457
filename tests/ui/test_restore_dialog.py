"""Restoring a backup in the app (#18): "Sicherung zurückspielen …" on the unlock dialog,
one of the profile's backups or a file from a stick chosen in the real file dialog, the
backup's passphrase. A wrong passphrase or a damaged file changes nothing; a good backup
replaces the case file (a copy of the old one stays) and opens."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from caseworker_desktop.services import Services
from caseworker_desktop.storage import backups
from caseworker_desktop.storage.casefile import CaseFile, db_path
from caseworker_desktop.ui.dialogs.restore import RestoreDialog
from tests.conftest import PASSPHRASE
from tests.helpers import new_client
from tests.ui.conftest import running_app, settle


@pytest.fixture
def backed_up(data_dir, clock, tmp_path) -> Path:
    """Olena in yesterday's backup; Yusuf written after it. Returns a damaged copy of the
    backup on a "stick"."""
    case_file = CaseFile.create(data_dir, username="anna", passphrase=PASSPHRASE, clock=clock)
    services = Services(case_file, clock)
    new_client(services, first="Olena", last="Kovalenko")
    made = case_file.backup_if_due()
    new_client(services, first="Yusuf", last="Aydın")
    case_file.lock()
    stick = tmp_path / "stick"
    stick.mkdir()
    damaged = stick / made.name
    data = made.read_bytes()
    damaged.write_bytes(data[:-300] + bytes(300))
    backups.key_file_of(damaged).write_bytes(backups.key_file_of(made).read_bytes())
    return damaged


@pytest.fixture
def controller(qtbot, backed_up, data_dir, clock):
    with running_app(clock, data_dir) as app:
        yield app


def _choose_file(qtbot, dialog: RestoreDialog, path: Path) -> None:
    """Click "Andere Datei …" and answer the file dialog that opens."""

    def when_open() -> None:
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QFileDialog))
        chooser = QApplication.activeModalWidget()
        chooser.selectFile(str(path))
        chooser.accept()

    QTimer.singleShot(0, when_open)
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)


def _fits(dialog: RestoreDialog) -> bool:
    """Every line, the error too, has its room: none squeezed into the one above."""
    return dialog.height() >= dialog.layout().totalHeightForWidth(dialog.width())


def _restore(qtbot, controller, dialog: RestoreDialog, passphrase: str) -> None:
    dialog.passphrase.setText(passphrase)
    assert dialog.restore_button.isEnabled()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    settle(qtbot, controller.ops)


def test_a_backup_replaces_the_file_and_opens(qtbot, controller, backed_up, data_dir):
    before = db_path(data_dir).read_bytes()
    qtbot.mouseClick(controller.unlock_dialog.restore_button, Qt.MouseButton.LeftButton)
    dialog = controller.restore_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.backup.count() == 1 and "Sicherung vom" in dialog.backup.currentText()
    assert "(täglich)" in dialog.backup.currentText()
    assert not dialog.restore_button.isEnabled()  # no passphrase yet

    _restore(qtbot, controller, dialog, "eine-ganz-falsche-Passphrase")
    assert controller.window is None
    assert "Passphrase" in dialog.error.text() and dialog.error.isVisibleTo(dialog)
    assert _fits(dialog)

    _choose_file(qtbot, dialog, backed_up)  # the damaged copy on the stick
    assert str(backed_up) in dialog.backup.currentData()
    _restore(qtbot, controller, dialog, PASSPHRASE)
    assert controller.window is None
    assert "beschädigt" in dialog.error.text() and _fits(dialog)
    assert db_path(data_dir).read_bytes() == before  # nothing replaced
    assert not list(data_dir.glob("replaced-*"))

    dialog.backup.setCurrentIndex(1)  # the profile's own backup
    _restore(qtbot, controller, dialog, PASSPHRASE)
    assert controller.window is not None and controller.window.isVisible()
    assert controller.restore_dialog is None
    names = [r.client_name for r in controller.session.services.cases.caseload()]
    assert names == ["Kovalenko, Olena"]  # Yusuf came after the backup
    (aside,) = data_dir.glob("replaced-*")
    assert (aside / "casefile.db").read_bytes() == before
