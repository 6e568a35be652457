"""The page "Traumaangebote", driven through the widgets: the coordinator creates a
consultation date, gives a waiting request a slot and sees the free slots drop; a
caseworker sees their requests and asks for a consultation of their own."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from caseworker_desktop.domain.enums import (
    FollowUpOffer,
    PlacementStatus,
    Role,
    TraumaOfferKind,
)
from caseworker_desktop.ui.models.planning import RECORD_ROLE
from caseworker_desktop.ui.views.tabs.trauma import TraumaTab
from tests.helpers import RELEASE, new_client
from tests.services.test_planning import set_role
from tests.ui.conftest import settle


def ok(qtbot, dialog, ops) -> None:
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    settle(qtbot, ops)


def cell(table, row: int, column: str | int) -> str:
    """The text of a cell; `column` by its name (or a position, to walk all of them)."""
    model = table.model()
    if isinstance(column, str):
        column = model.sourceModel().column(column)
    return model.index(row, column).data()


def rows(table) -> list:
    model = table.model()
    return [model.index(r, 0).data(RECORD_ROLE) for r in range(model.rowCount())]


def test_coordinator_creates_a_date_and_assigns_a_waiting_request(
    qtbot, qtmodeltester, session, services, ops, view_for
):
    _, case = new_client(services)
    services.referrals.request_trauma_consultation(case.id, release=RELEASE)
    set_role(services, Role.COORDINATOR)
    view = view_for()
    assert view.coordinator
    assert not hasattr(view, "mine_table")
    assert cell(view.waiting_table, 0, "reference") == case.reference  # the Aktenzeichen, no name
    texts = [cell(view.waiting_table, 0, c) for c in range(view.waiting_model.columnCount())]
    assert not any("Olena" in t or "Kovalenko" in t for t in texts)
    assert view.kind_combo.itemText(0).endswith("(1)")

    qtbot.mouseClick(view.new_offer_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert dialog.isVisible()
    ok(qtbot, dialog, ops)  # no date: the message is at the field, the dialog stays
    assert dialog.isVisible()
    assert dialog.errors.labels["starts_on"].isVisibleTo(dialog)
    qtbot.keyClicks(dialog.starts_on, "03.12.2026")
    qtbot.keyClicks(dialog.specialist, "Dr. Weber")
    qtbot.keyClicks(dialog.location, "Landratsamt, Raum 2.14")
    dialog.capacity.setValue(3)
    ok(qtbot, dialog, ops)
    assert not dialog.isVisible()
    (row,) = rows(view.offers_table)
    assert row.offer.starts_on == date(2026, 12, 3)
    assert cell(view.offers_table, 0, "free") == "3"
    for table in (view.offers_table, view.waiting_table):  # the proxies keep Qt's contract
        qtmodeltester.check(table.model())

    view.waiting_table.selectRow(0)
    qtbot.mouseClick(view.assign_button, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    assign = view.dialog
    assert assign.isVisible()
    assert assign.offer.count() == 1
    assert assign.slot.count() == 4  # automatic + slots 1..3
    assign.slot.setCurrentIndex(2)  # slot 2
    ok(qtbot, assign, ops)
    assert not assign.isVisible()
    assert cell(view.offers_table, 0, "taken") == "1"
    assert cell(view.offers_table, 0, "free") == "2"
    assert rows(view.waiting_table) == []
    assert view.waiting_empty.isVisibleTo(view)

    view.offers_table.selectRow(0)
    settle(qtbot, ops)
    (given,) = rows(view.given_table)
    assert (given.slot, given.status) == (2, PlacementStatus.ASSIGNED)

    # taken back: on the waiting list again, the slot free again
    view.given_table.selectRow(0)
    qtbot.mouseClick(view.release_button, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    assert cell(view.offers_table, 0, "free") == "3"
    assert len(rows(view.waiting_table)) == 1


def test_coordinator_cannot_remove_a_date_with_given_slots(
    qtbot, session, services, ops, view_for, monkeypatch
):
    _, case = new_client(services)
    services.referrals.request_trauma_consultation(case.id, release=RELEASE)
    set_role(services, Role.COORDINATOR)
    offer = services.planning.add_offer(
        TraumaOfferKind.CONSULTATION, starts_on=date(2026, 12, 3), capacity=1
    )
    (placement,) = services.planning.waiting_list(TraumaOfferKind.CONSULTATION)
    services.planning.assign(placement.id, offer.id)
    view = view_for()
    assert cell(view.offers_table, 0, "free") == "0"
    warnings = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    view.offers_table.selectRow(0)
    qtbot.mouseClick(view.remove_offer_button, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    assert warnings and "zurücknehmen" in warnings[0]
    assert len(rows(view.offers_table)) == 1


def test_caseworker_sees_requests_and_asks_for_an_own_consultation(
    qtbot, session, services, ops, view_for
):
    _, case = new_client(services)
    services.referrals.request_trauma_consultation(case.id, release=RELEASE)
    set_role(services, Role.COORDINATOR)
    services.planning.add_offer(
        TraumaOfferKind.CONSULTATION, starts_on=date(2026, 12, 3), capacity=4, specialist="Dr. W"
    )
    services.planning.add_offer(
        TraumaOfferKind.CONSULTATION, starts_on=date(2026, 10, 1), capacity=4
    )
    set_role(services, Role.CASEWORKER)
    view = view_for()
    assert not view.coordinator
    assert not hasattr(view, "assign_button") and not hasattr(view, "new_offer_button")
    assert view.offers_model.columnCount() == 7  # free places by the coordinator's count
    assert len(rows(view.offers_table)) == 1  # upcoming only
    view.show_past.setChecked(True)
    assert len(rows(view.offers_table)) == 2
    assert rows(view.offers_table)[0].offer.starts_on == date(2026, 12, 3)  # upcoming first
    assert len(rows(view.mine_table)) == 1
    assert cell(view.mine_table, 0, "reference") == case.reference
    assert cell(view.mine_table, 0, "status") == "Warteliste"

    qtbot.mouseClick(view.own_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert dialog.isVisible()
    ok(qtbot, dialog, ops)
    assert not dialog.isVisible()
    texts = {cell(view.mine_table, r, "reference") for r in range(2)}
    assert texts == {case.reference, "Eigene Fallberatung"}
    own = services.planning.for_case(None)
    assert [p.status for p in own] == [PlacementStatus.WAITING]


def test_caseworker_withdraws_a_request(qtbot, session, services, ops, view_for, monkeypatch):
    services.referrals.request_trauma_consultation(None)
    view = view_for()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    view.mine_table.selectRow(0)
    qtbot.mouseClick(view.withdraw_button, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    assert cell(view.mine_table, 0, "status") == "Abgesagt"


def test_trauma_tab_shows_the_placement_and_requests_a_group_place(
    qtbot, session, services, ops, monkeypatch
):
    _, case = new_client(services)
    referral = services.referrals.request_trauma_consultation(case.id, release=RELEASE)
    tab = TraumaTab(session)
    qtbot.addWidget(tab)
    tab.resize(1000, 500)
    tab.show()
    tab.show_data(services.client_file(case.id))
    assert tab.model.rowCount() == 0  # hidden until shown
    assert not tab.place_button.isEnabled()
    qtbot.mouseClick(tab.reveal_button, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    assert tab.model.rowCount() == 1
    state = tab.model.index(0, tab.model.column("placement")).data()
    assert "Warteliste seit 24.11.2026" in state

    tab.table.selectRow(0)
    qtbot.mouseClick(tab.place_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    dialog.kind.setCurrentIndex(0)  # group offering
    dialog.urgent.setChecked(True)
    qtbot.keyClicks(dialog.interpreter, "u1")
    ok(qtbot, dialog, ops)
    assert dialog.isVisible()  # not a language code
    dialog.interpreter.clear()
    qtbot.keyClicks(dialog.interpreter, "uk")
    ok(qtbot, dialog, ops)
    assert not dialog.isVisible()
    got = services.referrals.view_trauma_referral(referral.id)
    assert got.group_offering is FollowUpOffer.WAITING_LIST
    assert "Gruppe" in tab.model.index(0, tab.model.column("placement")).data()

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    tab.table.selectRow(0)
    tab.withdraw(TraumaOfferKind.GROUP_OFFERING)
    settle(qtbot, ops)
    got = services.referrals.view_trauma_referral(referral.id)
    assert got.group_offering is FollowUpOffer.DECLINED


def test_the_coordinators_window_has_no_case_pages_and_survives_refreshes(
    qtbot, session, services, ops
):
    from caseworker_desktop.config import Settings
    from caseworker_desktop.ui.main_window import MainWindow
    from caseworker_desktop.ui.sync_controller import SyncController

    set_role(services, Role.COORDINATOR)
    sync = SyncController(session, services.ctx.case_file)
    window = MainWindow(session, Settings(), sync)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, ops)
    titles = [window.pages.tabText(i) for i in range(window.pages.count())]
    assert titles == ["Traumaangebote", "Ergebnisbericht"]
    assert not window.new_client_action.isVisible() and not window.note_action.isEnabled()
    window.refresh_caseload()  # after a sync: nothing to show, nothing deleted underneath
    sync.finished.emit(None)  # a sync came back (the window's handler for it)
    settle(qtbot, ops)
    assert window.cases_page.parent() is None and window.caseload.table is not None
