"""Course referrals in the window: only the status steps a course can take, the end of a
course in one step, and the help-plan goal that follows the course."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu

from caseworker_desktop.domain.enums import (
    CourseReferralStatus,
    CourseType,
    EntryStatus,
    LanguageLevel,
    LifeArea,
)
from tests.helpers import new_client
from tests.ui.conftest import settle
from tests.ui.test_workflows import submit


def _courses(qtbot, window, services, ops):
    _, case = new_client(services)
    plan = services.plans.create(case.id, date(2026, 11, 1), date(2027, 10, 31), date(2027, 5, 1))
    goal = services.plans.add_entry(plan.id, life_area=LifeArea.LANGUAGE, goal="Deutsch A2")
    services.plans.add_entry(plan.id, life_area=LifeArea.HOUSING, goal="Eigene Wohnung")
    window.refresh_caseload()
    settle(qtbot, ops)
    window.caseload.table.selectRow(0)
    settle(qtbot, ops)
    files = window.client_file
    files.tabs.setCurrentWidget(files.courses)
    return case, goal, files.courses


def _choose(menu_text: str) -> None:
    menu = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible())
    (action,) = [a for a in menu.actions() if a.text() == menu_text]
    menu.close()
    action.trigger()


def test_a_course_with_its_goal_from_referral_to_completion(qtbot, window, session, services):
    ops = session.ops
    case, goal, tab = _courses(qtbot, window, services, ops)
    qtbot.mouseClick(tab.refer_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    goals = [dialog.goal.itemText(i) for i in range(dialog.goal.count())]
    assert goals[1] == "Sprache: Deutsch A2"  # language goals first
    dialog.goal.setCurrentIndex(1)
    dialog.course_type.set_value(CourseType.INTEGRATION_COURSE)
    dialog.target_level.set_value(LanguageLevel.A2)
    submit(qtbot, tab, ops)
    settle(qtbot, ops)
    (referral,) = services.referrals.course_referrals(case.id)
    assert referral.help_plan_entry_id == goal.id

    tab.table.selectRow(0)
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    offered = [dialog.status.itemData(i) for i in range(dialog.status.count())]
    assert offered == ["proposed", "registered", "waiting_list", "dropped"]  # no "completed"
    dialog.force_close()

    # right click: "angemeldet", then "begonnen" (the goal is now in progress)
    for status in (CourseReferralStatus.REGISTERED, CourseReferralStatus.STARTED):
        rect = tab.table.visualRect(tab.model.index(0, 0))
        QTimer.singleShot(50, lambda s=status: _choose(f"Status: {_label(s)}"))
        tab.table.customContextMenuRequested.emit(rect.center())
        qtbot.waitUntil(
            lambda s=status: services.referrals.course_referrals(case.id)[0].status is s
        )
        settle(qtbot, ops)
        tab.table.selectRow(0)
    assert services.plans.entries(goal.help_plan_id)[0].status is EntryStatus.IN_PROGRESS

    # the end in one step: date and level; the goal is achieved, with what was reached
    qtbot.mouseClick(tab.complete_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog.completed_on.text() == "24.11.2026"
    assert dialog.level_achieved.value() is LanguageLevel.A2
    submit(qtbot, tab, ops)
    settle(qtbot, ops)
    (referral,) = services.referrals.course_referrals(case.id)
    assert referral.status is CourseReferralStatus.COMPLETED
    assert (referral.completed_on, referral.level_achieved) == (
        date(2026, 11, 24),
        LanguageLevel.A2,
    )
    entry = next(e for e in services.plans.entries(goal.help_plan_id) if e.id == goal.id)
    assert entry.status is EntryStatus.ACHIEVED
    assert entry.outcome_note == "Kurs am 24.11.2026 abgeschlossen, Niveau A2 erreicht."
    tab.table.selectRow(0)
    assert not tab.complete_button.isEnabled()  # completed once


def test_completion_from_registered_and_below_the_target(qtbot, window, session, services):
    ops = session.ops
    case, goal, tab = _courses(qtbot, window, services, ops)
    referral = services.referrals.refer_to_course(
        case.id, course_type=CourseType.INTEGRATION_COURSE, target_level=LanguageLevel.B1,
        help_plan_entry_id=goal.id,
    )  # fmt: skip
    services.referrals.update_course_referral(referral.id, status=CourseReferralStatus.REGISTERED)
    window.client_file.reload()
    settle(qtbot, ops)
    tab.table.selectRow(0)
    assert tab.complete_button.isEnabled()
    qtbot.mouseClick(tab.complete_button, Qt.MouseButton.LeftButton)
    tab.dialog.level_achieved.set_value(LanguageLevel.A2)
    submit(qtbot, tab, ops)
    settle(qtbot, ops)
    (referral,) = services.referrals.course_referrals(case.id)
    assert referral.status is CourseReferralStatus.COMPLETED
    entry = next(e for e in services.plans.entries(goal.help_plan_id) if e.id == goal.id)
    assert entry.status is EntryStatus.IN_PROGRESS  # A2 of B1: not yet
    assert "A2 (Ziel B1)" in entry.outcome_note


def _label(status: CourseReferralStatus) -> str:
    from caseworker_desktop.domain.labels import label

    return label(status)
