"""What sync leaves for the user, driven through the real window: a handover from the
former caseworker of a reassigned case (take some fields, discard the rest), the
"nicht übernommen" list, and a clock that is off against the office's."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from caseworker_desktop.clock import FakeClock
from caseworker_desktop.config import Settings
from caseworker_desktop.domain import model as m
from caseworker_desktop.domain.enums import LifeArea
from caseworker_desktop.services import Services
from caseworker_desktop.storage.casefile import CaseFile
from caseworker_desktop.sync.client import SyncClient
from caseworker_desktop.ui.main_window import MainWindow
from caseworker_desktop.ui.session import Session
from caseworker_desktop.ui.sync_controller import SyncController
from tests.conftest import PASSPHRASE
from tests.helpers import forged_writes, new_client
from tests.inprocess import URL, office_in_process
from tests.ui.conftest import settle


class Desk:
    """One person's laptop with the real window, its session and sync controller."""

    def __init__(self, qtbot, tmp_path, office, ops, username: str, clock: FakeClock):
        self.file = CaseFile.create(
            tmp_path / username, username=username, passphrase=PASSPHRASE, clock=clock
        )
        SyncClient.enrol(self.file, URL, office.issue_enrolment_code(username)[0])
        self.services = Services(self.file, clock)
        self.session = Session(self.services, ops, clock)
        self.sync = SyncController(self.session, self.file)
        self.window = MainWindow(self.session, Settings(), self.sync)
        qtbot.addWidget(self.window)
        self.window.show()
        self.qtbot, self.ops = qtbot, ops

    def synced(self):
        with self.qtbot.waitSignal(self.sync.finished, timeout=15000) as blocker:
            if self.sync.client is None:
                self.sync.start()
            else:
                self.qtbot.mouseClick(self.window.toolbar_button("sync_action"),
                                      Qt.MouseButton.LeftButton)  # fmt: skip
        settle(self.qtbot, self.ops)
        return blocker.args[0]

    def close(self) -> None:
        self.sync.stop()
        self.session.close()
        self.file.lock()


@pytest.fixture
def desks(qtbot, tmp_path, monkeypatch, ops):
    office = office_in_process(f"sqlite:///{tmp_path / 'office.db'}", monkeypatch)
    made = []

    def desk(username: str, clock: FakeClock | None = None) -> Desk:
        made.append(Desk(qtbot, tmp_path, office, ops, username,
                         clock or FakeClock(datetime.now(UTC))))  # fmt: skip
        return made[-1]

    yield office, desk
    for d in made:
        d.close()
    office.close()


def test_a_handover_is_taken_field_by_field(qtbot, desks):
    office, desk = desks
    anna, ben = desk("anna"), desk("ben")
    _, case = new_client(anna.services, phone="0711 1")
    anna.synced()
    office.reassign(case.id, "ben")
    anna.services.clients.update(case.client_id, phone="0176 2", notes="Zieht im Januar um")
    report = anna.synced()
    assert report.handed_over == 2

    assert ben.synced().conflicts == 1
    button = ben.window.conflicts_button
    assert button.isVisible() and "1" in button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot, ben.ops)
    dialog = ben.window.inbox.dialog
    assert "Anna Müller" in dialog.windowTitle() and "Klient:in" in dialog.windowTitle()
    rows = {dialog.table.item(r, 0).text(): r for r in range(dialog.table.rowCount())}
    assert dialog.table.item(rows["Telefon"], 1).text() == "0711 1"
    assert dialog.table.item(rows["Telefon"], 2).text() == "0176 2"
    dialog.table.item(rows["Vermerk"], 0).setCheckState(Qt.CheckState.Unchecked)
    qtbot.mouseClick(dialog.take_button, Qt.MouseButton.LeftButton)
    settle(qtbot, ben.ops)
    client = ben.services.clients.get(case.client_id)
    assert client.phone == "0176 2" and client.notes == ""
    assert not button.isVisible()
    (done,) = ben.services.conflicts(open_only=False)
    assert done.resolution == "Übernommen: Telefon"

    # anna's laptop says where it went, without keeping the client's data
    refused = anna.window.inbox.refused_button
    assert refused.isVisible() and "2 nicht übernommen" in refused.text()
    qtbot.mouseClick(refused, Qt.MouseButton.LeftButton)
    settle(qtbot, anna.ops)
    listing = anna.window.inbox.dialog
    table = listing.refused_table
    assert {table.item(r, 5).text() for r in range(table.rowCount())} == {"An Ben Roth übergeben"}
    assert table.item(0, 4).text() == "(nicht mehr auf diesem Gerät)"
    qtbot.mouseClick(listing.dismiss_button, Qt.MouseButton.LeftButton)
    settle(qtbot, anna.ops)
    assert not refused.isVisible() and anna.services.inbox.refused_changes() == []


def test_a_refused_change_is_listed_with_its_value_and_reason(qtbot, desks):
    _office, desk = desks
    anna = desk("anna")
    _, case = new_client(anna.services)
    plan = anna.services.plans.create(case.id, *(datetime(2026, 11, d).date() for d in (1, 30, 20)))
    anna.synced()
    with forged_writes(), anna.services.transaction() as tx:
        tx.update(m.HelpPlan, plan.id, approved_on=datetime(2026, 11, 24).date())
    anna.synced()
    qtbot.mouseClick(anna.window.inbox.refused_button, Qt.MouseButton.LeftButton)
    settle(qtbot, anna.ops)
    table = anna.window.inbox.dialog.refused_table
    assert table.rowCount() == 1
    assert [table.item(0, c).text() for c in (1, 2, 3, 4)] == [
        case.reference, "Hilfeplan", "Freigegeben am", "24.11.2026"
    ]  # fmt: skip
    assert "Teamleitung" in table.item(0, 5).text()


def test_a_clock_ahead_of_the_office_is_named_and_nothing_is_lost(qtbot, desks):
    _office, desk = desks
    clock = FakeClock(datetime.now(UTC))
    anna = desk("anna", clock)
    anna.synced()
    clock.advance(3 * 3600)
    new_client(anna.services)
    waiting = anna.services.unsynced_changes()
    with qtbot.waitSignal(anna.sync.notice, timeout=15000) as notice:
        qtbot.mouseClick(anna.window.toolbar_button("sync_action"), Qt.MouseButton.LeftButton)
    assert "3 Stunden vor" in notice.args[0]
    settle(qtbot, anna.ops)
    assert "Uhr des Geräts geht vor" in anna.window.status.network.text()
    assert "3 Stunden vor" in anna.window.status.network.toolTip()
    assert anna.services.unsynced_changes() == waiting
    clock.advance(-3 * 3600 + 5 * 60)  # set right, almost: five minutes ahead is tolerated
    report = anna.synced()
    assert report.restamped > 0 and anna.services.unsynced_changes() == 0
    assert "Uhr des Geräts weicht ab" in anna.window.status.network.text()


def test_the_history_shows_the_team_leads_approval_by_name(qtbot, desks):
    _office, desk = desks
    anna, lena = desk("anna"), desk("lena")
    _, case = new_client(anna.services)
    plan = anna.services.plans.create(case.id, *(datetime(2026, 11, d).date() for d in (1, 30, 20)))
    anna.services.plans.add_entry(plan.id, life_area=LifeArea.WORK, goal="Praktikum")
    anna.services.plans.agree(plan.id)
    anna.synced()
    lena.synced()
    lena.services.plans.approve(plan.id)
    lena.synced()
    anna.synced()
    window = anna.window
    window.caseload.select_case(case.id)
    settle(qtbot, anna.ops)
    history = window.client_file.history
    window.client_file.tabs.setCurrentWidget(history)
    settle(qtbot, anna.ops)
    rows = [
        [history.model.index(r, c).data() for c in range(5)]
        for r in range(history.model.rowCount())
    ]
    assert any(row[4] == "Lena Hoffmann" and row[2] == "Hilfeplan" for row in rows), rows
