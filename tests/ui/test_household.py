"""The household in the master data: the other members with relation and age, the open
button that jumps to a member's file, the combo box that sets the client's own relation."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from caseworker_desktop.domain.enums import HouseholdRelation
from tests.helpers import new_client
from tests.ui.conftest import settle

R = HouseholdRelation


def _select(qtbot, window, ops, client_name: str) -> None:
    proxy = window.caseload.proxy
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == client_name)
    window.caseload.table.selectRow(row)
    settle(qtbot, ops)


def test_open_a_members_file_and_set_the_relation(qtbot, window, session, services):
    ops = session.ops
    olena, _ = new_client(services, birth_date=date(1985, 3, 2))
    taras, taras_case = new_client(
        services, "Taras", birth_date=date(1983, 11, 24), household_id=olena.household_id,
        relationship=R.SPOUSE,
    )  # fmt: skip
    new_client(services, "Ivan", birth_date=None, household_id=olena.household_id)
    window.refresh_caseload()
    settle(qtbot, ops)
    _select(qtbot, window, ops, "Kovalenko, Olena")
    master = window.client_file.master
    assert master.relationship.value() is R.REFERENCE_PERSON
    rows = [
        (master.findChild(QLabel, f"member_name_{i}").text(),
         master.findChild(QLabel, f"member_details_{i}").text())
        for i in range(2)
    ]  # fmt: skip
    assert rows == [
        ("Taras Kovalenko", "Ehepartner:in · 43 J."),
        ("Ivan Kovalenko", "nicht angegeben · Alter unbekannt"),
    ]

    button = master.findChild(QPushButton, "open_member_0")
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    assert window.client_file.case_id == taras_case.id
    assert window.client_file.data.client.id == taras.id
    assert window.caseload.current_case_id() == taras_case.id
    # now in Taras' file: Olena is listed as the reference person
    master = window.client_file.master
    assert master.findChild(QLabel, "member_details_0").text() == "Bezugsperson · 41 J."

    # Ivan is Taras' son: set on Ivan's file with the combo box, saved with the person
    qtbot.mouseClick(master.findChild(QPushButton, "open_member_1"), Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    master = window.client_file.master
    assert window.client_file.data.client.first_name == "Ivan"
    master.relationship.setCurrentIndex(master.relationship.findData(R.CHILD))
    assert master.dirty.dirty
    qtbot.mouseClick(master.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    assert not master.dirty.dirty
    assert window.client_file.data.client.relationship is R.CHILD

    # a second reference person is refused at the field
    master.relationship.setCurrentIndex(master.relationship.findData(R.REFERENCE_PERSON))
    qtbot.mouseClick(master.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    error = master.findChild(QLabel, "error_relationship")
    assert error.isVisible() and "Olena Kovalenko" in error.text()
    assert services.clients.get(window.client_file.data.client.id).relationship is R.CHILD
    window.client_file.discard_changes()


def test_new_member_dialog_asks_for_the_relation(qtbot, window, session, services):
    ops = session.ops
    new_client(services)
    window.refresh_caseload()
    settle(qtbot, ops)
    _select(qtbot, window, ops, "Kovalenko, Olena")
    master = window.client_file.master
    assert master.findChild(QLabel, "member_name_0") is None
    qtbot.mouseClick(master.add_member_button, Qt.MouseButton.LeftButton)
    dialog = master.dialog
    qtbot.keyClicks(dialog.first_name, "Sofiia")
    dialog.relationship.setCurrentIndex(dialog.relationship.findData(R.CHILD))
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    qtbot.waitUntil(lambda: master.findChild(QLabel, "member_name_0") is not None, timeout=3000)
    assert master.findChild(QLabel, "member_details_0").text().startswith("Kind · ")
