"""A client who may already be on file, as the window shows it: a warning with the names
and case references, and "another person – create anyway"; a mistake deleted from the
"Fall …" menu before it reached the office."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox

from tests.helpers import new_client
from tests.ui.conftest import choose_from_case_menu, settle
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


def test_two_records_of_one_person_are_merged_from_the_case_menu(qtbot, window, session, services):
    ops = session.ops
    kept, kept_case = new_client(services, first="Oleksandr", last="Kovalenko",
                                 birth_date=date(1985, 3, 2))  # fmt: skip
    _other, other_case = new_client(services, first="Alexander", last="Kowalenko",
                                    birth_date=date(1985, 3, 2), phone="0176 555")  # fmt: skip
    window.refresh_caseload_then_select(kept_case.id)
    settle(qtbot, ops)
    files = window.client_file
    qtbot.waitUntil(lambda: files.data is not None and files.data.case.id == kept_case.id)
    choose_from_case_menu(qtbot, files, files.merge_action)
    settle(qtbot, ops)
    dialog = files.dialog
    qtbot.waitUntil(lambda: dialog.plan is not None)
    assert dialog.isVisible() and other_case.reference in dialog.other.currentText()
    assert "Alexander Kowalenko" in dialog.keep_other.text()
    rows = {dialog.table.item(r, 0).text(): r for r in range(dialog.table.rowCount())}
    assert {"Vorname", "Nachname", "Telefon"} <= set(rows)
    phone = dialog.table.item(rows["Telefon"], 2)
    assert (dialog.table.item(rows["Telefon"], 1).text(), phone.text()) == ("–", "0176 555")
    phone.setCheckState(Qt.CheckState.Checked)
    assert other_case.reference in dialog.summary.text()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert "Akten zusammengeführt" in window.statusBar().currentMessage()
    assert services.clients.get(kept.id).phone == "0176 555"
    assert services.cases.get(other_case.id).merged_into_id == kept_case.id
    qtbot.waitUntil(lambda: files.data is not None and files.data.case.id == kept_case.id)
    window.refresh_caseload_then_select(other_case.id)  # the duplicate says where to look
    settle(qtbot, ops)
    qtbot.waitUntil(lambda: files.data is not None and files.data.case.id == other_case.id)
    assert f"zusammengeführt mit Akte {kept_case.reference}" in files.heading.text()
    assert not files.merge_action.isEnabled()


def test_nothing_to_merge_is_said(qtbot, window, session, services):
    ops = session.ops
    _, case = new_client(services, first="Olena", last="Kovalenko")
    window.refresh_caseload_then_select(case.id)
    settle(qtbot, ops)
    files = window.client_file
    qtbot.waitUntil(lambda: files.data is not None)
    said = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        said.append(box.text())
        box.accept()

    QTimer.singleShot(200, answer)
    choose_from_case_menu(qtbot, files, files.merge_action)
    settle(qtbot, ops)
    qtbot.waitUntil(lambda: bool(said))
    assert "Keine andere Akte gefunden" in said[0]


def test_a_request_for_erasure_is_recorded_from_the_case_menu(qtbot, window, session, services):
    ops = session.ops
    client, case = new_client(services, first="Olena", last="Kovalenko")
    window.refresh_caseload_then_select(case.id)
    settle(qtbot, ops)
    files = window.client_file
    qtbot.waitUntil(lambda: files.data is not None)
    asked = []

    def answer_yes() -> None:
        box = QApplication.activeModalWidget()
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(200, answer_yes)
    choose_from_case_menu(qtbot, files, files.erasure_action)
    settle(qtbot, ops)
    qtbot.waitUntil(lambda: files.data.case.erasure_requested_on is not None)
    assert asked and "Olena Kovalenko" in asked[0] and case.reference in asked[0]
    assert "wartet auf die Bestätigung der Teamleitung" in files.heading.text()
    assert not files.confirm_erasure_button.isVisible()  # a caseworker cannot confirm
    assert files.erasure_action.text() == "Löschantrag zurücknehmen"
    assert client.id


def test_an_access_export_from_the_case_menu(
    qtbot, window, session, services, tmp_path, monkeypatch
):
    ops = session.ops
    _client, case = new_client(services, first="Olena", last="Kovalenko")
    window.refresh_caseload_then_select(case.id)
    settle(qtbot, ops)
    files = window.client_file
    qtbot.waitUntil(lambda: files.data is not None)
    folder = tmp_path / "auskunft"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    said = []

    def confirm() -> None:
        dialog = QApplication.activeModalWidget()
        assert "Olena Kovalenko" in dialog.findChild(QLabel).text()
        assert not dialog.trauma.isEnabled()  # no trauma referral in this case
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            said.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(100, answer)

    QTimer.singleShot(200, confirm)
    QTimer.singleShot(400, answer)
    choose_from_case_menu(qtbot, files, files.access_action)
    settle(qtbot, ops)
    qtbot.waitUntil(lambda: bool(said))
    assert "Auskunft erstellt" in said[0]
    assert sorted(p.suffix for p in folder.iterdir()) == [".json", ".pdf"]
