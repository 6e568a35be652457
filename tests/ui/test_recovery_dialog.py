"""Forgotten passphrase in the app (issue 12, item 4): "Passphrase vergessen …" on the
unlock dialog, the one-time code from the office, a new passphrase; the case file opens
with a new key, and from then on only the new passphrase works."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

from caseworker_desktop.office.cli import main as office_main
from caseworker_desktop.services import Services
from caseworker_desktop.storage import vault
from caseworker_desktop.storage.casefile import CaseFile
from caseworker_desktop.sync.client import SyncClient
from tests.conftest import PASSPHRASE
from tests.helpers import new_client
from tests.inprocess import URL, office_in_process
from tests.ui.conftest import running_app, settle

NEW_PASSPHRASE = "Neue-Passphrase-nach-Wiederherstellung"


@pytest.fixture
def office_db(tmp_path):
    return f"sqlite:///{tmp_path / 'office.db'}"


@pytest.fixture
def enrolled(tmp_path, data_dir, clock, office_db, monkeypatch):
    """Anna's enrolled case file (escrowed to the office) and a code the office issued."""
    store = office_in_process(office_db, monkeypatch)
    argv = ["recovery-key", "--db", office_db, "--out", str(tmp_path / "office.pem")]
    assert office_main(argv) == 0
    case_file = CaseFile.create(data_dir, username="anna", passphrase=PASSPHRASE, clock=clock)
    SyncClient.enrol(case_file, URL, store.issue_enrolment_code("anna")[0])
    new_client(Services(case_file, clock), first="Olena", last="Kovalenko")
    device_id = case_file.device_id
    case_file.lock()
    yield store, device_id
    store.close()


def _code(capsys, office_db, device_id, tmp_path) -> str:
    argv = ["recovery", "--db", office_db, "--device", device_id]
    assert office_main([*argv, "--recovery-key", str(tmp_path / "office.pem")]) == 0
    return re.search(r"\(anna\): (\S+)", capsys.readouterr().out)[1]


@pytest.fixture
def controller(qtbot, enrolled, data_dir, clock):
    with running_app(clock, data_dir) as app:
        yield app


def _fill(dialog, code: str, passphrase: str = NEW_PASSPHRASE) -> None:
    dialog.server.setText(URL)
    dialog.code.setText(code)
    dialog.secret.passphrase.setText(passphrase)
    dialog.secret.repeat.setText(passphrase)


def test_forgotten_passphrase_by_phone_code(
    qtbot, controller, enrolled, office_db, tmp_path, capsys, data_dir
):
    qtbot.mouseClick(controller.unlock_dialog.forgot_button, Qt.MouseButton.LeftButton)
    dialog = controller.recovery_dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.recover_button.isEnabled()  # nothing entered yet

    _fill(dialog, "AAAA-BBBB-CCCC-DDDD")  # a guess
    assert dialog.recover_button.isEnabled()
    qtbot.mouseClick(dialog.recover_button, Qt.MouseButton.LeftButton)
    settle(qtbot, controller.ops)
    assert controller.window is None
    assert "ungültig" in dialog.error.text() and dialog.error.isVisibleTo(dialog)

    _fill(dialog, _code(capsys, office_db, enrolled[1], tmp_path), "Passwort12")
    assert not dialog.recover_button.isEnabled()  # too weak: the meter says so
    assert "schwach" in dialog.secret.meter.text()
    dialog.secret.passphrase.setText(NEW_PASSPHRASE)
    dialog.secret.repeat.setText(NEW_PASSPHRASE)
    qtbot.mouseClick(dialog.recover_button, Qt.MouseButton.LeftButton)
    settle(qtbot, controller.ops)
    assert controller.window is not None and controller.window.isVisible()
    assert controller.recovery_dialog is None
    assert controller.window.caseload.model.rowCount() == 1
    controller.lock()
    settle(qtbot, controller.ops)

    with pytest.raises(vault.WrongPassphraseError):
        CaseFile.open(data_dir, PASSPHRASE)
    CaseFile.open(data_dir, NEW_PASSPHRASE).lock()
