"""Consents in the window, as a caseworker records them: nothing assumed, what, for whom,
from and until when; a list with each one's state; withdrawal from the button and from
the right-click menu; the trauma request that needs a release."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu

from caseworker_desktop.domain.enums import ConsentKind, ConsentRecipient
from tests.ui.conftest import settle
from tests.ui.test_workflows import create_client, submit, type_text


def _consent_rows(box) -> list[list[str]]:
    model = box.model
    return [
        [model.index(row, col).data() for col in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def test_new_client_dialog_assumes_no_consent_date(qtbot, window, session, services):
    dialog = create_client(qtbot, window, session.ops)
    assert dialog.consent.text() == ""
    (client,) = [services.clients.get(window.client_file.data.client.id)]
    assert services.clients.consents(client.id) == []  # none signed, none recorded


def test_record_list_and_withdraw_consents(qtbot, window, session, services):
    ops = session.ops
    create_client(qtbot, window, ops)
    box = window.client_file.master.consents
    assert _consent_rows(box) == []
    assert not box.withdraw_button.isEnabled()

    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    dialog = box.dialog
    assert dialog.isVisible()
    assert dialog.given_on.text() == "" and dialog.valid_until.text() == ""
    dialog.recipient.set_value(ConsentRecipient.TRAUMA_CONSULTATION)
    type_text(qtbot, dialog.scope, "Abklärung in der Traumasprechstunde")
    submit(qtbot, box, ops)
    assert dialog.isVisible()  # no date: the form's date is not assumed
    assert "Datum der Unterschrift" in dialog.errors.labels["given_on"].text()
    type_text(qtbot, dialog.given_on, "10.11.2026")
    type_text(qtbot, dialog.valid_until, "10.11.2027")
    submit(qtbot, box, ops)
    assert not dialog.isVisible()
    settle(qtbot, ops)
    assert _consent_rows(box) == [
        [
            "Schweigepflichtentbindung: Traumasprechstunde / Facharzt",
            "Abklärung in der Traumasprechstunde",
            "10.11.2026",
            "10.11.2027",
            "gültig",
        ]
    ]

    # the same release a second time: refused, said at the field, nothing added
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    dialog = box.dialog
    dialog.recipient.set_value(ConsentRecipient.TRAUMA_CONSULTATION)
    type_text(qtbot, dialog.given_on, "12.11.2026")
    submit(qtbot, box, ops)
    assert dialog.isVisible()
    assert "schon vor" in dialog.errors.labels["given_on"].text()
    dialog.force_close()

    # a release for the Jobcenter, withdrawn through the right-click menu
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    dialog = box.dialog
    dialog.recipient.set_value(ConsentRecipient.JOBCENTER)
    type_text(qtbot, dialog.given_on, "01.11.2026")
    submit(qtbot, box, ops)
    settle(qtbot, ops)
    rows = _consent_rows(box)
    row = next(i for i, r in enumerate(rows) if "Jobcenter" in r[0])

    def choose_withdraw() -> None:
        menu = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()
        )
        (action,) = [a for a in menu.actions() if a.text() == "Widerrufen …"]
        assert action.isEnabled()
        menu.close()
        action.trigger()

    rect = box.table.visualRect(box.model.index(row, 0))
    QTimer.singleShot(50, choose_withdraw)
    box.table.customContextMenuRequested.emit(rect.center())  # what a right click sends
    qtbot.waitUntil(lambda: box.dialog is not dialog and box.dialog.isVisible())
    withdraw = box.dialog
    assert withdraw.withdrawn_on.text() == "24.11.2026"  # today, the usual case
    submit(qtbot, box, ops)
    settle(qtbot, ops)
    rows = _consent_rows(box)
    jobcenter = next(r for r in rows if "Jobcenter" in r[0])
    assert jobcenter[4] == "widerrufen am 24.11.2026"
    client_id = window.client_file.data.client.id
    assert not services.clients.has_consent(
        client_id, ConsentKind.CONFIDENTIALITY_RELEASE, recipient=ConsentRecipient.JOBCENTER
    )
    assert services.clients.has_consent(
        client_id,
        ConsentKind.CONFIDENTIALITY_RELEASE,
        recipient=ConsentRecipient.TRAUMA_CONSULTATION,
    )
    box.table.selectRow(rows.index(jobcenter))
    assert not box.withdraw_button.isEnabled()  # withdrawn once is enough


def test_trauma_request_uses_the_release_on_record(qtbot, window, session, services):
    ops = session.ops
    create_client(qtbot, window, ops)
    client_id = window.client_file.data.client.id
    services.clients.record_consent(
        client_id,
        ConsentKind.CONFIDENTIALITY_RELEASE,
        date(2026, 11, 3),
        recipient=ConsentRecipient.TRAUMA_CONSULTATION,
    )
    window.client_file.reload()
    settle(qtbot, ops)
    trauma = window.client_file.trauma
    window.client_file.tabs.setCurrentWidget(trauma)
    qtbot.mouseClick(trauma.request_button, Qt.MouseButton.LeftButton)
    dialog = trauma.dialog
    shown = dialog.findChild(type(dialog.general_error), "release_on_record")
    assert shown is not None and "03.11.2026" in shown.text()
    type_text(qtbot, dialog.reason, "Albträume, Rückzug")
    submit(qtbot, trauma, ops)
    assert not dialog.isVisible()
    settle(qtbot, ops)
    referral = trauma.model.record(0)
    assert referral.consent_given
    assert len(services.planning.for_case(window.client_file.data.case.id)) == 1  # queued


def test_trauma_request_without_a_release_waits(qtbot, window, session, services):
    ops = session.ops
    create_client(qtbot, window, ops)
    trauma = window.client_file.trauma
    window.client_file.tabs.setCurrentWidget(trauma)
    qtbot.mouseClick(trauma.request_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, trauma.dialog.reason, "Albträume, Rückzug")
    submit(qtbot, trauma, ops)  # not signed: the request is recorded but waits
    settle(qtbot, ops)
    referral = trauma.model.record(0)
    assert not referral.consent_given
    assert services.planning.for_case(window.client_file.data.case.id) == []
