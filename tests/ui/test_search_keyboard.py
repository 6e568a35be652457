"""Finding a client by what a caseworker remembers, and working from the keyboard: the
search covers birth date, phone, address, Aktenzeichen and household members; ↓ and
Enter go from the search box into the list; dialogs open in their first field; goals
change status from the right-click menu."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu

from caseworker_desktop.domain.enums import EntryStatus, LifeArea
from caseworker_desktop.services import NewClient
from tests.helpers import new_client
from tests.ui.conftest import settle


@pytest.fixture
def two_households(services):
    olena, olena_case = new_client(services, first="Olena", last="Kovalenko",
                                   birth_date=date(1985, 3, 2), phone="0176 5550101")  # fmt: skip
    services.clients.register(
        NewClient(first_name="Taras", last_name="Kovalenko", household_id=olena.household_id,
                  municipality_id=services.clients.municipalities()[0].id,
                  birth_date=date(2012, 5, 1))
    )  # fmt: skip
    _, ahmad_case = new_client(services, first="Ahmad", last="Rahimi",
                               birth_date=date(1979, 8, 30), address="Lindenweg 4")  # fmt: skip
    return olena_case, ahmad_case


def _shown(window) -> list[str]:
    proxy = window.caseload.proxy
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("02.03.1985", ["Kovalenko, Olena"]),
        ("1979-08-30", ["Rahimi, Ahmad"]),
        ("0176 555", ["Kovalenko, Olena"]),
        ("01765550101", ["Kovalenko, Olena"]),
        ("lindenweg", ["Rahimi, Ahmad"]),
        ("taras", ["Kovalenko, Olena"]),  # her son lives with her
    ],
)
def test_search_by_what_is_remembered(qtbot, window, session, two_households, typed, expected):
    window.refresh_caseload()
    settle(qtbot, session.ops)
    window.caseload.filter.setText(typed)
    assert [n for n in _shown(window) if n != "Kovalenko, Taras"] == expected


def test_search_by_reference(qtbot, window, session, two_households):
    _olena, ahmad_case = two_households
    window.refresh_caseload()
    settle(qtbot, session.ops)
    window.caseload.filter.setText(ahmad_case.reference.lower())
    assert _shown(window) == ["Rahimi, Ahmad"]


def test_down_and_enter_go_from_the_search_box_into_the_list(
    qtbot, window, session, two_households
):
    window.refresh_caseload()
    settle(qtbot, session.ops)
    box = window.caseload.filter
    window.focus_filter()
    qtbot.keyClicks(box, "rahimi")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    settle(qtbot, session.ops)
    assert window.caseload.table.hasFocus()
    assert window.client_file.data.client.last_name == "Rahimi"
    box.clear()
    window.focus_filter()
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert window.caseload.table.hasFocus()


def test_dialogs_open_in_their_first_field(qtbot, window, session):
    window.new_client_action.trigger()
    settle(qtbot, session.ops)
    dialog = window.dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.first_name)
    dialog.force_close()


def test_goal_status_from_the_right_click_menu(qtbot, window, session, services):
    _, case = new_client(services)
    plan = services.plans.create(case.id, date(2026, 11, 1), date(2027, 10, 31), date(2027, 5, 1))
    entry = services.plans.add_entry(plan.id, life_area=LifeArea.LANGUAGE, goal="Deutsch A2")
    window.refresh_caseload()
    settle(qtbot, session.ops)
    window.caseload.table.selectRow(0)
    settle(qtbot, session.ops)
    tab = window.client_file.plan
    window.client_file.tabs.setCurrentWidget(tab)
    item = tab.tree.topLevelItem(0).child(0)
    rect = tab.tree.visualItemRect(item)

    def choose() -> None:
        menu = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()
        )
        (action,) = [a for a in menu.actions() if a.text() == "Status: Erreicht"]
        menu.close()
        action.trigger()

    QTimer.singleShot(50, choose)
    tab.tree.customContextMenuRequested.emit(rect.center())
    qtbot.waitUntil(lambda: services.plans.entries(plan.id)[0].status is EntryStatus.ACHIEVED)
    assert services.plans.entries(plan.id)[0].id == entry.id
