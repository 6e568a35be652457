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


def test_a_closed_case_says_when_it_will_be_deleted(qtbot, window, session, services):
    from datetime import date

    from caseworker_desktop.domain.enums import ClosingReason
    from caseworker_desktop.storage.casefile import RETENTION_RULES
    from tests.helpers import new_client

    _client, case = new_client(services)
    services.cases.close(case.id, ClosingReason.MOVED_AWAY, closed_on=date(2026, 11, 24))
    with services.ctx.case_file.engine.begin() as conn:  # as the last sync brought them
        services.ctx.case_file.set_state(
            conn, RETENTION_RULES, '{"case_years": 3, "trauma_years": 1}'
        )
    window.refresh_caseload_then_select(case.id)
    settle(qtbot, session.ops)
    files = window.client_file
    qtbot.waitUntil(lambda: files.data is not None and files.data.case.id == case.id)
    assert "Wird nach den Aufbewahrungsregeln am 24.11.2029 gelöscht." in files.heading.text()
