"""The window on the screens caseworkers have: 1366×768 (the common office laptop) and
1280×720 at 125 % scaling (1024×576 logical pixels, less the taskbar). Every control a
user needs stays on screen; narrow columns show their whole text as a tooltip."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QScrollArea, QToolBar, QToolTip, QWidget

from caseworker_desktop import demo
from caseworker_desktop.config import Settings
from caseworker_desktop.domain.enums import Role
from caseworker_desktop.ui.main_window import MainWindow
from caseworker_desktop.ui.models.caseload import CaseloadModel
from tests.team import make_local_user
from tests.ui.conftest import settle

# (width, height) the window gets: the screen less the taskbar and the title bar
SCREENS = {"1366x768": (1366, 700), "1280x720@125%": (1024, 540)}


def _open(qtbot, session, size) -> MainWindow:
    window = MainWindow(session, Settings())
    qtbot.addWidget(window)
    window.show()
    window.resize(*size)
    settle(qtbot, session.ops)
    return window


def _on_screen(widget: QWidget, window: MainWindow) -> bool:
    """Shown, and wholly inside the window (not cut off at an edge); inside a scroll area
    it may be further down, but never beside the visible width."""
    if not widget.isVisible():
        return False
    scroll = next((p for p in _parents(widget) if isinstance(p, QScrollArea)), None)
    if scroll is not None:
        left = widget.mapTo(scroll.viewport(), QPoint(0, 0)).x()
        if left < 0 or left + widget.width() > scroll.viewport().width():
            return False
        widget = scroll
    top_left = widget.mapTo(window, QPoint(0, 0))
    return window.rect().contains(QRect(top_left, widget.size()))


def _parents(widget: QWidget):
    while (widget := widget.parentWidget()) is not None:
        yield widget


def _toolbar_actions_shown(window: MainWindow) -> list[str]:
    """Texts of the toolbar actions that have room (none pushed into the » menu)."""
    toolbar = window.findChild(QToolBar)
    shown = []
    for action in toolbar.actions():
        button = toolbar.widgetForAction(action)
        if action.isVisible() and button is not None and _on_screen(button, window):
            shown.append(action.text())
    return shown


@pytest.fixture
def demo_cases(services):
    demo.generate(services, 60, seed=3)
    return services


@pytest.mark.parametrize("role", [Role.CASEWORKER, Role.TEAM_LEAD, Role.COORDINATOR])
def test_minimum_size_fits_the_small_screens(qtbot, session, demo_cases, role):
    if role is not Role.CASEWORKER:
        make_local_user(demo_cases, role, "Lena Lehmann")
    window = _open(qtbot, session, SCREENS["1366x768"])
    for index in range(window.pages.count()):  # every page of the window
        window.pages.setCurrentIndex(index)
        settle(qtbot, session.ops)
        hint = window.minimumSizeHint()
        assert hint.width() <= 1024 and hint.height() <= 540, (index, hint)


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("role", [Role.CASEWORKER, Role.TEAM_LEAD])
def test_every_control_of_the_client_file_is_on_screen(qtbot, session, demo_cases, screen, role):
    if role is Role.TEAM_LEAD:
        make_local_user(demo_cases, role, "Lena Lehmann")
    window = _open(qtbot, session, SCREENS[screen])
    assert window.size().toTuple() == SCREENS[screen]
    shown = _toolbar_actions_shown(window)
    for text in ("Neue Klient:in", "Speichern", "Synchronisieren", "Sperren"):
        assert text in shown, (text, shown)
    window.caseload.table.selectRow(2)
    settle(qtbot, session.ops)
    files = window.client_file
    assert _on_screen(files.case_button, window)  # "Fall …"
    bar = files.tabs.tabBar()
    if screen == "1366x768":  # all seven tabs readable beside the caseload, "Verlauf" too
        for index in range(files.tabs.count()):
            assert bar.rect().contains(bar.tabRect(index)), files.tabs.tabText(index)
    for tab in (files.master, files.plan, files.courses, files.trauma, files.notes,
                files.documents):  # fmt: skip
        files.tabs.setCurrentWidget(tab)
        settle(qtbot, session.ops)
        for button in tab.findChildren(QWidget):
            if button.metaObject().className() == "QPushButton" and button.isVisibleTo(tab):
                assert _on_screen(button, window), (type(tab).__name__, button.text())
    # the team lead's filter choices are whole
    for combo in (window.caseload.caseworker_filter, window.caseload.municipality_filter):
        if combo.isVisibleTo(window):
            assert _on_screen(combo, window)
    assert _on_screen(window.caseload.reset_button, window)


def test_a_cut_off_cell_shows_its_whole_text(qtbot, session, demo_cases):
    make_local_user(demo_cases, Role.TEAM_LEAD, "Lena Lehmann")
    window = _open(qtbot, session, SCREENS["1280x720@125%"])
    table = window.caseload.table
    table.setColumnWidth(CaseloadModel.NAME, 40)  # far too narrow for any name
    index = table.model().index(0, CaseloadModel.NAME)
    full = index.data()
    rect = table.visualRect(index)
    viewport = table.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, rect.center(), viewport.mapToGlobal(rect.center()))
    QApplication.sendEvent(viewport, event)
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == full
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
    # a column wide enough shows no tooltip of its own
    table.setColumnWidth(CaseloadModel.NAME, 400)
    QApplication.sendEvent(viewport, QHelpEvent(
        QEvent.Type.ToolTip, rect.center(), viewport.mapToGlobal(rect.center())))  # fmt: skip
    QApplication.processEvents()  # the view answers the event at once (the first one did)
    assert not QToolTip.isVisible()
    header = table.model().headerData(
        CaseloadModel.REVIEW, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    assert header == "Fortschreibung"
