"""Restriction and disputed data in the window: marked from the master data, the notice
above the tabs and read-only fields while restricted, "(bestritten)" beside a disputed
field; lifted again from the same list."""

from __future__ import annotations

from PySide6.QtCore import Qt

from caseworker_desktop.domain.enums import MarkerKind
from tests.ui.conftest import settle
from tests.ui.test_workflows import create_client, submit, type_text


def _mark(qtbot, box, ops, kind: MarkerKind, target: str, reason: str) -> None:
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    dialog = box.dialog
    assert dialog.isVisible()
    dialog.kind.set_value(kind)
    dialog.target.setCurrentIndex(dialog.target.findText(target))
    type_text(qtbot, dialog.reason, reason)
    submit(qtbot, box, ops)
    assert not dialog.isVisible()
    settle(qtbot, ops)


def test_restrict_a_person_then_lift_it(qtbot, window, session, services):
    ops = session.ops
    create_client(qtbot, window, ops)
    files = window.client_file
    box = files.master.markers
    _mark(qtbot, box, ops, MarkerKind.RESTRICTED, "alle Daten der Person", "Antrag vom 20.11.")
    qtbot.waitUntil(lambda: files.restriction.isVisible())
    assert "Verarbeitung eingeschränkt seit" in files.restriction.text()
    assert "Antrag vom 20.11." in files.restriction.text()
    assert not files.master.phone.isEnabled() and not files.master.save_button.isVisible()
    assert not files.notes.buttons[0].isVisible()  # no new contact note either
    assert box.add_button.isEnabled()  # the markers stay changeable

    box.table.selectRow(0)
    qtbot.mouseClick(box.lift_button, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    qtbot.waitUntil(lambda: not files.restriction.isVisible())
    assert files.master.phone.isEnabled() and files.master.save_button.isVisible()
    rows = [box.model.index(0, c).data() for c in range(box.model.columnCount())]
    assert rows[0] == "Verarbeitung eingeschränkt" and rows[2].startswith("aufgehoben am")


def test_a_disputed_field_says_so_beside_its_label(qtbot, window, session, services):
    ops = session.ops
    create_client(qtbot, window, ops)
    files = window.client_file
    _mark(qtbot, files.master.markers, ops, MarkerKind.DISPUTED, "Geburtsdatum", "Pass sagt 1986")
    label = files.master.person_box.layout().labelForField(files.master.birth_date.parentWidget())
    qtbot.waitUntil(lambda: "(bestritten)" in label.text())
    assert label.toolTip() == "Pass sagt 1986"
    assert files.master.birth_date.isEnabled()  # disputed data stays editable
    other = files.master.person_box.layout().labelForField(files.master.phone.parentWidget())
    assert "bestritten" not in other.text()
