"""Enrolment through the window (#19 item 2): Datei → "Beim Landratsamt anmelden …", the
code typed into the real dialog. The office's answer is awaited on the network worker:
while it is slow, edits on the database worker go on."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from caseworker_desktop.config import Settings
from caseworker_desktop.sync import transport as transport_module
from caseworker_desktop.ui.dialogs.enrol import EnrolDialog
from caseworker_desktop.ui.main_window import MainWindow
from caseworker_desktop.ui.sync_controller import SyncController
from tests.helpers import new_client
from tests.inprocess import URL, office_in_process
from tests.ui.conftest import settle


@pytest.fixture
def unenrolled(qtbot, tmp_path, monkeypatch, session, case_file):
    office = office_in_process(f"sqlite:///{tmp_path / 'office.db'}", monkeypatch)
    sync = SyncController(session, case_file)
    window = MainWindow(session, Settings(), sync)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, session.ops)
    yield office, window
    sync.stop()
    office.close()


def _file_menu_action(window, name: str):
    file_menu = window.menuBar().actions()[0].menu()
    return next(a for a in file_menu.actions() if a.objectName() == name)


def test_enrolment_waits_on_the_network_worker_while_edits_go_on(
    qtbot, unenrolled, session, services, monkeypatch
):
    office, window = unenrolled
    code = office.issue_enrolment_code("anna")[0]
    answered, seen = threading.Event(), {}
    real_enrol = transport_module.Transport.enrol

    def slow_enrol(transport, request):
        seen["thread"] = threading.current_thread().name
        assert answered.wait(10)  # the office takes its time
        return real_enrol(transport, request)

    monkeypatch.setattr(transport_module.Transport, "enrol", slow_enrol)

    shown: list[str] = []
    window.statusBar().messageChanged.connect(shown.append)
    _file_menu_action(window, "enrol_action").trigger()
    qtbot.waitUntil(lambda: isinstance(getattr(window, "dialog", None), EnrolDialog))
    dialog = window.dialog
    dialog.server.setText(URL)
    QTest.keyClicks(dialog.code, code)
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "thread" in seen)
    assert seen["thread"] != threading.main_thread().name

    # meanwhile, an edit on the database worker goes through
    done = []
    session.call(lambda: new_client(services, first="Olena", last="Kovalenko"), done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert dialog.isVisible()  # the enrolment is still waiting
    answered.set()

    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    settle(qtbot, session.ops)
    assert "Gerät angemeldet." in shown
    assert services.user.username == "anna"
    qtbot.waitUntil(lambda: window.sync.client is not None and window.sync.client.enrolled)


def test_a_wrong_code_stays_in_the_dialog_with_a_german_reason(qtbot, unenrolled, session):
    _office, window = unenrolled
    _file_menu_action(window, "enrol_action").trigger()
    qtbot.waitUntil(lambda: isinstance(getattr(window, "dialog", None), EnrolDialog))
    dialog = window.dialog
    dialog.server.setText(URL)
    QTest.keyClicks(dialog.code, "ABCD-EFGH-JKMN-PQRS")
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    settle(qtbot, session.ops)
    assert dialog.isVisible()
    message = dialog.general_error.text()
    assert message and "Error" not in message and "Traceback" not in message
