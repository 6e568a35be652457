"""A client who may already be on file, as the window shows it: a warning with the names
and case references, and "another person – create anyway"; a mistake deleted from the
"Fall …" menu before it reached the office."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.helpers import new_client
from tests.ui.conftest import settle
from tests.ui.test_workflows import submit, type_text


def _new_client_dialog(qtbot, window, ops, first, last, born):
    window.new_client_action.trigger()
    settle(qtbot, ops)
    dialog = window.dialog
    type_text(qtbot, dialog.first_name, first)
    type_text(qtbot, dialog.last_name, last)
    type_text(qtbot, dialog.birth_date, born)
    return dialog


def test_a_possible_duplicate_is_shown_before_it_is_created(qtbot, window, session, services):
    ops = session.ops
    _, case = new_client(services, first="Oleksandr", last="Kovalenko",
                         birth_date=date(1985, 3, 2))  # fmt: skip
    dialog = _new_client_dialog(qtbot, window, ops, "Alexander", "Kowalenko", "02.03.1985")
    submit(qtbot, window, ops)
    assert dialog.isVisible()
    assert dialog.duplicates.isVisibleTo(dialog) and dialog.confirm_new.isVisibleTo(dialog)
    assert "Kovalenko, Oleksandr (geb. 02.03.1985)" in dialog.duplicates.text()
    assert case.reference in dialog.duplicates.text()
    assert len(services.cases.caseload()) == 1  # nothing created yet
    qtbot.mouseClick(dialog.confirm_new, Qt.MouseButton.LeftButton)
    submit(qtbot, window, ops)
    assert not dialog.isVisible()
    assert len(services.cases.caseload()) == 2


def test_a_different_person_is_created_without_a_question(qtbot, window, session, services):
    ops = session.ops
    new_client(services, first="Oleksandr", last="Kovalenko", birth_date=date(1985, 3, 2))
    dialog = _new_client_dialog(qtbot, window, ops, "Oksana", "Kovalenko", "02.03.1985")
    submit(qtbot, window, ops)
    assert not dialog.isVisible()
    assert not dialog.duplicates.isVisibleTo(dialog)


def test_a_mistake_is_deleted_from_the_case_menu(qtbot, window, session, services):
    ops = session.ops
    new_client(services, first="Olena", last="Kovalenko")
    window.refresh_caseload()
    settle(qtbot, ops)
    window.caseload.table.selectRow(0)
    settle(qtbot, ops)
    files = window.client_file
    asked = []

    def answer_yes() -> None:
        box = QApplication.activeModalWidget()
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(0, answer_yes)
    files.delete_action.trigger()  # "Fall …" → "Als Fehleingabe löschen …"
    settle(qtbot, ops)
    qtbot.waitUntil(lambda: window.caseload.model.rowCount() == 0)
    assert asked and "Olena Kovalenko" in asked[0]
    assert files.data is None
    assert "Fehleingabe gelöscht" in window.statusBar().currentMessage()
    assert services.cases.caseload() == []
