"""Start, unlock, idle auto-lock (fake clock, with a modal dialog open), unlock again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from caseworker_desktop.config import Settings
from caseworker_desktop.storage.casefile import CaseFile, LockedError
from caseworker_desktop.ui.app import AppController
from tests.conftest import PASSPHRASE
from tests.helpers import new_client
from tests.ui.conftest import settle


@pytest.fixture
def profile(data_dir, clock):
    cf = CaseFile.create(
        data_dir,
        username="amueller",
        display_name="Anna Müller",
        passphrase=PASSPHRASE,
        clock=clock,
    )
    from caseworker_desktop.services import Services

    new_client(Services(cf, clock), first="Olena", last="Kovalenko")
    cf.lock()
    return data_dir


@pytest.fixture
def controller(qtbot, profile, clock):
    settings = Settings(idle_lock_minutes=5)
    c = AppController(settings, clock=clock, data_dir=profile)
    c.start()
    yield c
    if c.window is not None:
        c.lock()
    c.shutdown()
    if c.unlock_dialog is not None:
        c.unlock_dialog.close()


def unlock(qtbot, controller, passphrase=PASSPHRASE):
    dialog = controller.unlock_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.passphrase.setText(passphrase)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    settle(qtbot, controller.ops)
    return dialog


def test_wrong_passphrase_shows_a_clear_error(qtbot, controller):
    dialog = unlock(qtbot, controller, "eine falsche Passphrase")
    assert controller.window is None
    assert dialog.error.isVisibleTo(dialog)
    assert dialog.error.text() == "Die Passphrase ist falsch."
    assert dialog.unlock_button.isEnabled()


def test_idle_lock_fires_with_a_modal_dialog_open_and_drops_the_key(qtbot, controller, clock):
    unlock(qtbot, controller)
    window = controller.window
    assert window is not None and window.isVisible()
    settle(qtbot, controller.ops)
    assert window.caseload.model.rowCount() == 1
    case_file = controller.case_file

    window.new_client_action.trigger()  # a modal dialog with typed, unsaved input
    settle(qtbot, controller.ops)
    dialog = window.dialog
    assert dialog.isVisible() and dialog.isModal()
    dialog.first_name.setText("Halb eingegeben")
    closed = []
    dialog.finished.connect(closed.append)

    clock.advance(4 * 60)
    controller.idle.check()
    assert controller.window is window  # not yet: 4 of 5 minutes

    clock.advance(61)
    qtbot.waitUntil(lambda: controller.window is None, timeout=3000)  # the timer fires
    settle(qtbot, controller.ops)
    assert closed, "the modal dialog was closed by the lock"
    assert controller.case_file is None and controller.session is None
    assert case_file.locked
    with pytest.raises(LockedError):
        case_file.engine  # noqa: B018 (queries fail: no key, no connection)
    assert controller.unlock_dialog is not None and controller.unlock_dialog.isVisible()

    unlock(qtbot, controller)
    settle(qtbot, controller.ops)
    assert controller.window is not None
    assert controller.window.caseload.model.rowCount() == 1  # nothing lost, nothing added


def test_activity_postpones_the_lock(qtbot, controller, clock):
    unlock(qtbot, controller)
    window = controller.window
    clock.advance(4 * 60)
    qtbot.keyClick(window.caseload.filter, "k")  # the user is still there
    clock.advance(2 * 60)
    controller.idle.check()
    assert controller.window is window
    clock.advance(4 * 60)
    controller.idle.check()
    assert controller.window is None


def test_lock_shortcut(qtbot, controller):
    unlock(qtbot, controller)
    controller.window.lock_action.trigger()  # Ctrl+L
    settle(qtbot, controller.ops)
    assert controller.window is None and controller.case_file is None


def test_first_run_wizard_creates_a_profile(qtbot, tmp_path, clock):
    controller = AppController(Settings(), clock=clock)
    controller.start()
    wizard = controller.wizard
    assert wizard is not None and wizard.isVisible()
    wizard.username.setText("bschulz")
    wizard.display_name.setText("Ben Schulz")
    wizard.folder.setText(str(tmp_path / "bschulz"))
    wizard.next()
    page = wizard.secret_page
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    for weak, said in (
        ("kurz", "Mindestens 10 Zeichen."),
        ("Passwort12", "Stärke: schwach"),  # long enough, guessed early (zxcvbn)
        ("1234567890", "häufigsten Passwörter"),
        ("qwertzuiop12", "Stärke:"),  # a row of keys
    ):
        qtbot.keyClicks(page.passphrase, weak)
        qtbot.keyClicks(page.repeat, weak)
        assert said in page.meter.text() and not next_button.isEnabled(), weak
        page.passphrase.clear()
        page.repeat.clear()
    qtbot.keyClicks(page.passphrase, "eine lange Passphrase")
    assert "Stärke: sehr stark" in page.meter.text()
    qtbot.keyClicks(page.repeat, "eine lange Passphrase")
    assert next_button.isEnabled()
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    wizard.accept()
    settle(qtbot, controller.ops)
    qtbot.waitUntil(lambda: controller.window is not None, timeout=5000)
    assert controller.window.session.user.display_name == "Ben Schulz"
    assert (tmp_path / "bschulz" / "keyfile.json").exists()
    assert str((tmp_path / "bschulz").resolve()) in Settings.load().profiles
    controller.lock()
    controller.shutdown()
    controller.unlock_dialog.close()


def test_a_name_copied_in_the_window_leaves_the_clipboard_on_lock(qtbot, controller):
    from PySide6.QtWidgets import QApplication

    unlock(qtbot, controller)
    window = controller.window
    window.caseload.table.selectRow(0)
    settle(qtbot, controller.ops)
    field = window.client_file.master.first_name
    assert field.text() == "Olena"
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "Olena"
    window.lock_action.trigger()  # Ctrl+L
    settle(qtbot, controller.ops)
    assert controller.window is None and QApplication.clipboard().text() == ""


@pytest.mark.parametrize("role", ["caseworker", "coordinator"])
def test_after_the_caseload_the_status_bar_fills_and_the_sync_starts(qtbot, profile, role):
    """The first screen first: the counts in the status bar and the sync (not enrolled
    here: it says so) follow the caseload, for a coordinator too (who holds no cases)."""
    if role == "coordinator":
        with CaseFile.open(profile, PASSPHRASE).engine.begin() as conn:
            conn.exec_driver_sql("UPDATE app_user SET role = 'coordinator'")
    c = AppController(Settings(), data_dir=profile)
    c.start()
    shown = []
    c.unlocked.connect(lambda window: window.caseload_shown.connect(shown.append))
    try:
        dialog = c.unlock_dialog
        dialog.passphrase.setText(PASSPHRASE)
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: c.window is not None, timeout=10000)
        qtbot.waitUntil(lambda: "Offline" in c.window.status.network.text(), timeout=10000)
        settle(qtbot, c.ops)
        assert shown == [0 if role == "coordinator" else 1]
        assert c.window.status.unsynced.text()  # counted
    finally:
        if c.window is not None:
            c.lock()
        c.shutdown()


def test_the_client_file_tabs_follow_the_first_caseload(qtbot, profile):
    """The client file's seven tabs are made once the caseload is on screen, not before
    it; a click on a case then shows them with its data."""
    c = AppController(Settings(), data_dir=profile)
    c.start()
    built_at_caseload = []
    c.unlocked.connect(
        lambda window: window.caseload_shown.connect(
            lambda _n: built_at_caseload.append(window.client_file.tabs_built)
        )
    )
    try:
        dialog = c.unlock_dialog
        dialog.passphrase.setText(PASSPHRASE)
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(built_at_caseload), timeout=10000)
        assert built_at_caseload == [False]
        files = c.window.client_file
        qtbot.waitUntil(lambda: files.tabs_built, timeout=5000)
        assert files.stack.currentWidget() is files.empty
        table = c.window.caseload.table
        rect = table.visualRect(table.model().index(0, 0))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.waitUntil(lambda: files.stack.currentWidget() is files.tabs, timeout=5000)
        assert files.master.first_name.text() == "Olena"
    finally:
        if c.window is not None:
            c.lock()
        c.shutdown()
