"""The page "Wiedervorlagen" (#17 part 2): the count in the status bar, the groups, a double
click that opens the case, appointments saved as .ics through the real file dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from tests.helpers import new_client
from tests.services.test_follow_ups import _case_with_dates
from tests.ui.conftest import choose_from_case_menu, settle


def _show_page(qtbot, window):
    bar = window.pages.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i) == "Wiedervorlagen")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    settle(qtbot, window.session.ops)
    return window.follow_ups


def test_follow_ups_page_and_count(qtbot, window, services, tmp_path):
    case = _case_with_dates(services)
    window.session.records_changed.emit([])
    qtbot.waitUntil(lambda: "2 überfällig, 1 heute" in window.status.due_count.text(), timeout=5000)
    assert window.follow_ups.tree.topLevelItemCount() == 0  # counted, listed once on screen
    view = _show_page(qtbot, window)
    tree = view.tree
    groups = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert groups == ["Überfällig (2)", "Heute (1)", "Diese Woche (2)"]
    today = tree.topLevelItem(1).child(0)
    assert today.text(1) == "Ziel fällig: Eigene Wohnung"
    assert today.text(2) == "Haidari, Amir" and today.text(3) == case.reference
    tree.scrollToItem(today)
    rect = tree.visualItemRect(today)
    # a double click as the mouse sends it: a press and release, then the double click
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    settle(qtbot, window.session.ops)
    assert window.pages.currentWidget() is window.cases_page
    qtbot.waitUntil(lambda: window._shown_case == case.id, timeout=5000)

    target = tmp_path / "Termine.ics"

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        dialog.selectFile(str(target))
        dialog.accept()

    view = _show_page(qtbot, window)
    QTimer.singleShot(0, lambda: qtbot.waitUntil(
        lambda: isinstance(QApplication.activeModalWidget(), QFileDialog)) or answer())  # fmt: skip
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window.session.ops)
    assert "2 Termine gespeichert" in view.status.text()
    assert b"Haidari" not in target.read_bytes()
    view.grab().save(str(tmp_path.parent / "follow-ups.png"))


def test_a_reminder_from_the_case_menu_done_on_the_page(qtbot, window, session, services):
    _client, case = new_client(services, first="Olena", last="Kovalenko")
    window.refresh_caseload_then_select(case.id)
    settle(qtbot, session.ops)
    files = window.client_file
    qtbot.waitUntil(lambda: files.data is not None and files.data.case.id == case.id)
    choose_from_case_menu(qtbot, files, files.reminder_action)
    qtbot.waitUntil(lambda: getattr(files, "dialog", None) is not None and files.dialog.isVisible())
    dialog = files.dialog
    dialog.due_on.set_date(session.clock.today())
    qtbot.keyClicks(dialog.text, "Kita-Anmeldung nachfragen")
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)  # fmt: skip
    settle(qtbot, session.ops)
    assert not dialog.isVisible()
    view = _show_page(qtbot, window)
    qtbot.waitUntil(lambda: view.tree.topLevelItem(1) is not None
                    and view.tree.topLevelItem(1).childCount() == 1)  # fmt: skip
    item = view.tree.topLevelItem(1).child(0)
    assert item.text(1) == "Wiedervorlage: Kita-Anmeldung nachfragen"
    assert not view.done_button.isEnabled()
    rect = view.tree.visualItemRect(item)
    qtbot.mouseClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.done_button.isEnabled()
    qtbot.mouseClick(view.done_button, Qt.MouseButton.LeftButton)
    settle(qtbot, session.ops)
    qtbot.waitUntil(lambda: view.tree.topLevelItem(1).childCount() == 0, timeout=5000)
    assert services.follow_ups.reminders(case.id)[0].done_on == session.clock.today()
