"""UI fixtures: a session over a fresh encrypted file, the main window, helpers to wait."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from caseworker_desktop.config import Settings
from caseworker_desktop.ui.app import AppController
from caseworker_desktop.ui.main_window import MainWindow
from caseworker_desktop.ui.operations import GuiThreadCollector, Operations
from caseworker_desktop.ui.session import Session
from caseworker_desktop.ui.views.planning import PlanningView


@pytest.fixture(scope="package", autouse=True)
def _gui_thread_collector(qapp):
    """As in the app (__main__): Python's cycle collector runs on the GUI thread only."""
    collector = GuiThreadCollector(qapp)
    yield collector
    collector.stop()


@pytest.fixture
def ops(qtbot):
    operations = Operations()
    yield operations
    operations.wait_for_done()


@pytest.fixture
def session(services, ops, clock):
    s = Session(services, ops, clock)
    yield s
    s.close()


@pytest.fixture
def window(qtbot, session):
    w = MainWindow(session, Settings())
    qtbot.addWidget(w)
    w.show()
    settle(qtbot, session.ops)
    return w


@pytest.fixture
def view_for(qtbot, session, ops):
    """The page "Traumaangebote" for the session's user, shown and loaded."""

    def make() -> PlanningView:
        view = PlanningView(session)
        qtbot.addWidget(view)
        view.resize(1200, 760)
        view.show()
        settle(qtbot, ops)
        return view

    return make


@contextmanager
def running_app(clock, data_dir) -> Iterator[AppController]:
    """The application as it starts (the unlock dialog for the profile in `data_dir`),
    locked and shut down afterwards with whatever dialog is still open."""
    controller = AppController(Settings(), clock=clock, data_dir=data_dir)
    controller.start()
    try:
        yield controller
    finally:
        if controller.window is not None:
            controller.lock()
        controller.shutdown()
        for dialog in (controller.recovery_dialog, controller.restore_dialog,
                       controller.unlock_dialog):  # fmt: skip
            if dialog is not None:
                dialog.close()


def settle(qtbot, ops, timeout: int = 10000) -> None:
    """Wait until background work, the callbacks it queued and the work those started are
    done: nothing pending across a whole pass of the event loop."""

    def idle() -> bool:
        if ops.pending:
            return False
        QApplication.processEvents()  # queued callbacks run, and may start more work
        return ops.pending == 0

    qtbot.waitUntil(idle, timeout=timeout)


def choose_from_case_menu(qtbot, files, action) -> None:
    """Click "Fall …", then the entry in the menu that pops up."""

    def choose() -> None:
        popup = QApplication.activePopupWidget()
        assert popup is not None and action in popup.actions()
        qtbot.mouseClick(
            popup, Qt.MouseButton.LeftButton, pos=popup.actionGeometry(action).center()
        )

    QTimer.singleShot(50, choose)
    qtbot.mouseClick(files.case_button, Qt.MouseButton.LeftButton)
