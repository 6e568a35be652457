"""The trauma hand-over as caseworker and coordinator do it in the window: a request with
its reason, urgency and interpreter language, which the coordinator's list shows; slots
with times; the recommendation carried into an agreed plan only after the user has seen
what is added and that the plan returns to draft."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTime

from caseworker_desktop.domain.enums import HelpPlanStatus, LifeArea, Role
from tests.helpers import RELEASE, new_client
from tests.services.test_planning import set_role
from tests.ui.conftest import settle
from tests.ui.test_planning import cell, ok, rows
from tests.ui.test_workflows import submit, type_text


def _open_trauma_tab(qtbot, window, ops):
    window.refresh_caseload()
    settle(qtbot, ops)
    window.caseload.table.selectRow(0)
    settle(qtbot, ops)
    files = window.client_file
    files.tabs.setCurrentWidget(files.trauma)
    settle(qtbot, ops)
    return files


def test_request_reason_urgency_and_interpreter_reach_the_coordinator(
    qtbot, window, session, services, view_for
):
    ops = session.ops
    new_client(services, languages="uk,ru")
    files = _open_trauma_tab(qtbot, window, ops)
    qtbot.mouseClick(files.trauma.request_button, Qt.MouseButton.LeftButton)
    dialog = files.trauma.dialog
    assert dialog.interpreter.currentText() == "Ukrainisch"  # the client's language
    qtbot.mouseClick(dialog.release.signed, Qt.MouseButton.LeftButton)
    type_text(qtbot, dialog.release.given_on, "20.11.2026")
    submit(qtbot, files.trauma, ops)
    assert dialog.isVisible()  # no reason: asked for at the field
    assert "Anlass" in dialog.errors.labels["reason"].text()
    type_text(qtbot, dialog.reason, "Albträume und Rückzug seit der Flucht")
    qtbot.mouseClick(dialog.urgent, Qt.MouseButton.LeftButton)
    submit(qtbot, files.trauma, ops)
    assert not dialog.isVisible()
    referral = files.trauma.model.record(0)
    assert referral.reason == "Albträume und Rückzug seit der Flucht"

    set_role(services, Role.COORDINATOR)
    view = view_for()
    headers = [view.waiting_model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(view.waiting_model.columnCount())]  # fmt: skip
    texts = [cell(view.waiting_table, 0, c) for c in range(view.waiting_model.columnCount())]
    assert texts[headers.index("Dringend")] == "dringend"
    assert texts[headers.index("Dolmetschung")] == "Ukrainisch"
    assert not any("Albträume" in t for t in texts)  # the reason stays with the case


def test_consultation_slots_have_times(qtbot, session, services, ops, view_for):
    _, case = new_client(services)
    services.referrals.request_trauma_consultation(case.id, release=RELEASE)
    set_role(services, Role.COORDINATOR)
    view = view_for()
    qtbot.mouseClick(view.new_offer_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    qtbot.keyClicks(dialog.starts_on, "03.12.2026")
    dialog.start_time.setTime(QTime(14, 0))
    dialog.slot_minutes.setValue(50)
    dialog.capacity.setValue(4)
    ok(qtbot, dialog, ops)
    (row,) = rows(view.offers_table)
    assert (row.offer.start_minutes, row.offer.slot_minutes) == (14 * 60, 50)
    view.waiting_table.selectRow(0)
    qtbot.mouseClick(view.assign_button, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    assign = view.dialog
    slots = [assign.slot.itemText(i) for i in range(1, assign.slot.count())]
    assert slots == ["14:00 Uhr", "14:50 Uhr", "15:40 Uhr", "16:30 Uhr"]
    assign.slot.setCurrentIndex(3)
    ok(qtbot, assign, ops)
    view.offers_table.selectRow(0)
    settle(qtbot, ops)
    assert cell(view.given_table, 0, "slot") == "15:40 Uhr"
    # a date whose appointments would run past midnight is refused at the field
    qtbot.mouseClick(view.new_offer_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    qtbot.keyClicks(dialog.starts_on, "04.12.2026")
    dialog.start_time.setTime(QTime(22, 0))
    dialog.capacity.setValue(6)
    ok(qtbot, dialog, ops)
    assert dialog.isVisible() and "selben Tag" in dialog.errors.labels["start_minutes"].text()


def test_carrying_the_recommendation_asks_and_says_the_plan_returns_to_draft(
    qtbot, window, session, services
):
    ops = session.ops
    _, case = new_client(services)
    plan = services.plans.create(case.id, date(2026, 11, 1), date(2027, 10, 31), date(2027, 5, 1))
    services.plans.add_entry(plan.id, life_area=LifeArea.LANGUAGE, goal="Sprachniveau B1")
    services.plans.agree(plan.id, date(2026, 11, 20))
    referral = services.referrals.request_trauma_consultation(case.id, release=RELEASE)
    services.referrals.assign_consultation(referral.id, date(2026, 11, 20), "Dr. Weber")
    services.referrals.record_assessment(
        referral.id, outcome="Belastung", recommendation="Teilnahme am Gruppenangebot"
    )
    files = _open_trauma_tab(qtbot, window, ops)
    files.trauma.reveal()
    settle(qtbot, ops)
    files.trauma.table.selectRow(0)

    qtbot.mouseClick(files.trauma.carry_button, Qt.MouseButton.LeftButton)
    carry = files.trauma.dialog
    assert carry.isVisible()
    assert "Teilnahme am Gruppenangebot" in carry.goal.text()
    assert carry.back_to_draft.isVisibleTo(carry)
    assert "Entwurf" in carry.back_to_draft.text() and "Vereinbart" in carry.back_to_draft.text()
    carry.buttons.rejected.emit()  # "Abbrechen": nothing changes
    settle(qtbot, ops)
    assert len(services.plans.entries(plan.id)) == 1
    assert services.plans.get(plan.id).status is HelpPlanStatus.AGREED

    qtbot.mouseClick(files.trauma.carry_button, Qt.MouseButton.LeftButton)
    carry = files.trauma.dialog
    carry.area.set_value(LifeArea.SOCIAL_PARTICIPATION)
    qtbot.mouseClick(carry.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    entries = services.plans.entries(plan.id)
    assert len(entries) == 2
    carried = [e for e in entries if e.source_trauma_referral_id == referral.id]
    assert carried and carried[0].life_area is LifeArea.SOCIAL_PARTICIPATION
    assert services.plans.get(plan.id).status is HelpPlanStatus.DRAFT
