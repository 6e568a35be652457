"""The caseworker's day, driven through the widgets: create a client, build a help plan,
refer to a language course and to the trauma consultation, note a visit, undo, find it all
again after reopening the file."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from caseworker_desktop.domain.enums import (
    AuditAction,
    CaseStatus,
    ClosingReason,
    ContactKind,
    CourseType,
    EntryStatus,
    HelpPlanStatus,
    LanguageLevel,
    LifeArea,
    TraumaReferralStatus,
)
from caseworker_desktop.services import Services
from caseworker_desktop.storage.casefile import CaseFile
from tests.conftest import PASSPHRASE
from tests.helpers import RELEASE, new_client
from tests.ui.conftest import settle


def type_text(qtbot, widget, text: str) -> None:
    """Type like a person. QTest only knows ASCII keys; umlauts are typed as input-method
    text (insert), which still counts as a user edit."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
    elif hasattr(widget, "insertPlainText"):
        widget.insertPlainText(text)
    else:
        widget.insert(text)


def submit(qtbot, window_or_tab, ops):
    dialog = window_or_tab.dialog
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)  # "Speichern"
    settle(qtbot, ops)
    return dialog


def create_client(qtbot, window, ops, first="Olena", last="Kovalenko"):
    window.new_client_action.trigger()
    settle(qtbot, ops)
    dialog = window.dialog
    assert dialog.isVisible()
    type_text(qtbot, dialog.first_name, first)
    type_text(qtbot, dialog.last_name, last)
    type_text(qtbot, dialog.birth_date, "02.03.1985")
    type_text(qtbot, dialog.nationality, "ukr")
    type_text(qtbot, dialog.languages, "uk,ru")
    dialog.municipality.setCurrentIndex(dialog.municipality.findText("Kornwestheim"))
    type_text(qtbot, dialog.address, "Bahnhofstraße 12")
    submit(qtbot, window, ops)
    assert not dialog.isVisible()
    return dialog


def test_create_client_shows_it_in_caseload_and_file(qtbot, window, session):
    create_client(qtbot, window, session.ops)
    assert window.caseload.model.rowCount() == 1
    assert window.caseload.proxy.index(0, 0).data() == "Kovalenko, Olena"
    assert window.client_file.data is not None
    assert window.client_file.data.client.nationality == "UKR"
    assert "Olena Kovalenko" in window.client_file.heading.text()
    assert window.client_file.master.address.text() == "Bahnhofstraße 12"


def test_validation_is_shown_at_the_field_and_the_dialog_stays(qtbot, window, session):
    window.new_client_action.trigger()
    settle(qtbot, session.ops)
    dialog = window.dialog
    type_text(qtbot, dialog.last_name, "Haddad")
    type_text(qtbot, dialog.birth_date, "31.02.1990")
    submit(qtbot, window, session.ops)
    assert dialog.isVisible()
    assert dialog.errors.labels["birth_date"].isVisibleTo(dialog)
    assert "TT.MM.JJJJ" in dialog.errors.labels["birth_date"].text()
    dialog.birth_date.clear()
    type_text(qtbot, dialog.birth_date, "01.02.1990")
    submit(qtbot, window, session.ops)
    assert dialog.isVisible()
    assert dialog.errors.labels["first_name"].text() == "Vorname fehlt."
    assert not dialog.errors.labels["birth_date"].isVisibleTo(dialog)
    assert window.caseload.model.rowCount() == 0
    dialog.force_close()


def test_help_plan_built_in_the_window(qtbot, window, session, monkeypatch):
    ops = session.ops
    create_client(qtbot, window, ops)
    tab = window.client_file.plan
    window.client_file.tabs.setCurrentWidget(tab)
    assert tab.stack.currentIndex() == 0  # empty state with "Hilfeplan anlegen"
    qtbot.mouseClick(tab.create_button, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    submit(qtbot, tab, ops)
    settle(qtbot, ops)
    assert tab.stack.currentIndex() == 1

    goals = [
        (LifeArea.LANGUAGE, "Sprachniveau B1"),
        (LifeArea.HOUSING, "Eigene Wohnung"),
        (LifeArea.LANGUAGE, "Alphabetisierung"),
    ]
    for area, goal in goals:
        qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
        dialog = tab.dialog
        dialog.life_area.set_value(area)
        type_text(qtbot, dialog.goal, goal)
        type_text(qtbot, dialog.due_on, "30.06.2027")
        submit(qtbot, tab, ops)
        settle(qtbot, ops)
    language = tab.tree.topLevelItem(1)
    assert language.text(0).startswith("Sprache")
    assert [language.child(i).text(0) for i in range(2)] == ["Sprachniveau B1", "Alphabetisierung"]

    tab.tree.setCurrentItem(language.child(1))
    qtbot.mouseClick(tab.up_button, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    language = tab.tree.topLevelItem(1)
    assert [language.child(i).text(0) for i in range(2)] == ["Alphabetisierung", "Sprachniveau B1"]

    tab.tree.setCurrentItem(language.child(1))
    tab.edit_entry()
    dialog = tab.dialog
    dialog.status.set_value(EntryStatus.IN_PROGRESS)
    type_text(qtbot, dialog.measures, "Anmeldung beim Integrationskursträger")
    submit(qtbot, tab, ops)
    settle(qtbot, ops)
    entry = next(e for e in window.client_file.data.entries if e.goal == "Sprachniveau B1")
    assert entry.status is EntryStatus.IN_PROGRESS
    assert entry.measures == "Anmeldung beim Integrationskursträger"

    qtbot.mouseClick(tab.agree_button, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    assert window.client_file.data.plan.status is HelpPlanStatus.AGREED
    assert "Vereinbart" in tab.summary.text()


def test_course_trauma_and_note_through_the_window(qtbot, window, session, services):
    ops = session.ops
    create_client(qtbot, window, ops)
    files = window.client_file
    plan = services.plans.create(
        files.data.case.id, date(2026, 11, 1), date(2027, 10, 31), date(2027, 5, 1)
    )
    settle(qtbot, ops)

    courses = files.courses
    files.tabs.setCurrentWidget(courses)
    qtbot.mouseClick(courses.refer_button, Qt.MouseButton.LeftButton)
    dialog = courses.dialog
    dialog.course_type.set_value(CourseType.DISTRICT_COURSE)
    dialog.target_level.set_value(LanguageLevel.A2)
    type_text(qtbot, dialog.provider, "VHS Ludwigsburg")
    type_text(qtbot, dialog.start_on, "12.01.2027")
    dialog.childcare_needed.setChecked(True)
    submit(qtbot, courses, ops)
    settle(qtbot, ops)
    assert courses.model.rowCount() == 1
    assert courses.model.index(0, 0).data() == "Sprachkurs des Kreises (VwV Deutsch)"
    assert courses.model.index(0, 3).data() == "12.01.2027"

    trauma = files.trauma
    files.tabs.setCurrentWidget(trauma)
    assert trauma.model.rowCount() == 0 and not trauma.revealed
    qtbot.mouseClick(trauma.request_button, Qt.MouseButton.LeftButton)
    dialog = trauma.dialog
    qtbot.mouseClick(dialog.release.signed, Qt.MouseButton.LeftButton)  # signed now
    type_text(qtbot, dialog.reason, "Schlafstörungen seit der Flucht")
    submit(qtbot, trauma, ops)
    assert dialog.isVisible()  # the date on the form is not assumed
    assert "Datum der Unterschrift" in dialog.errors.labels["given_on"].text()
    qtbot.keyClicks(dialog.release.given_on, "20.11.2026")
    submit(qtbot, trauma, ops)
    settle(qtbot, ops)
    assert trauma.model.rowCount() == 1  # revealed after the user's own request
    referral = trauma.model.record(0)
    assert referral.consent_given and referral.status is TraumaReferralStatus.REQUESTED

    trauma.table.selectRow(0)
    trauma.edit()
    dialog = trauma.dialog
    dialog.status.set_value(TraumaReferralStatus.SLOT_ASSIGNED)
    type_text(qtbot, dialog.consultation_date, "20.11.2026")
    type_text(qtbot, dialog.specialist, "Dr. med. Hauser")
    submit(qtbot, trauma, ops)
    settle(qtbot, ops)
    trauma.table.selectRow(0)
    trauma.edit()
    dialog = trauma.dialog
    dialog.status.set_value(TraumaReferralStatus.ASSESSED)
    type_text(qtbot, dialog.recommendation, "Teilnahme am Gruppenangebot")
    submit(qtbot, trauma, ops)
    settle(qtbot, ops)
    trauma.table.selectRow(0)
    qtbot.mouseClick(trauma.carry_button, Qt.MouseButton.LeftButton)
    carry = trauma.dialog
    assert carry.isVisible() and "Teilnahme am Gruppenangebot" in carry.goal.text()
    qtbot.mouseClick(carry.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    goals = [e.goal for e in services.plans.entries(plan.id)]
    assert any("Teilnahme am Gruppenangebot" in g for g in goals)

    notes = files.notes
    files.tabs.setCurrentWidget(notes)
    window.note_action.trigger()  # Ctrl+K
    dialog = notes.dialog
    dialog.kind.set_value(ContactKind.HOME_VISIT)
    dialog.area_boxes[LifeArea.HOUSING].setChecked(True)
    type_text(qtbot, dialog.text, "Hausbesuch: Wohnungssuche besprochen.")
    submit(qtbot, notes, ops)
    settle(qtbot, ops)
    assert notes.model.rowCount() == 1
    assert notes.model.index(0, 3).data() == "Wohnen"

    files.tabs.setCurrentWidget(files.history)
    settle(qtbot, ops)
    areas = {files.history.model.index(r, 2).data() for r in range(files.history.model.rowCount())}
    assert {"Klient:in", "Sprachkurs", "Traumasprechstunde", "Beratungskontakt"} <= areas
    views = [e for e in services.case_history(files.data.case.id) if e.action is AuditAction.VIEW]
    assert views, "showing trauma referrals is audited"


def test_master_data_edit_save_and_undo(qtbot, window, session):
    ops = session.ops
    create_client(qtbot, window, ops)
    master = window.client_file.master
    master.phone.clear()
    type_text(qtbot, master.phone, "07141 55555")
    assert master.dirty.dirty
    window.save_action.trigger()  # Ctrl+S
    settle(qtbot, ops)
    assert not master.dirty.dirty
    assert window.client_file.data.client.phone == "07141 55555"
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()  # Ctrl+Z
    settle(qtbot, ops)
    assert window.client_file.data.client.phone == ""
    assert master.phone.text() == ""


def test_unsaved_changes_are_protected(qtbot, window, session, services, monkeypatch):
    ops = session.ops
    create_client(qtbot, window, ops, first="Amina", last="Haddad")
    new_client(services, first="Zeynep", last="Yılmaz")
    settle(qtbot, ops)
    window.refresh_caseload()
    settle(qtbot, ops)
    first_case = window.client_file.case_id
    type_text(qtbot, window.client_file.master.phone, "0176")
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Cancel,
    )
    other = next(
        r
        for r in range(window.caseload.proxy.rowCount())
        if window.caseload.proxy.index(r, 0).data().startswith("Yılmaz")
    )
    window.caseload.table.selectRow(other)
    settle(qtbot, ops)
    assert asked
    assert window.client_file.case_id == first_case
    assert window.client_file.master.phone.text() == "0176"


def test_status_bar_counts_unsynced_changes(qtbot, window, session, services):
    assert window.status.unsynced.text() == "Alle Änderungen gesendet"
    create_client(qtbot, window, session.ops)
    settle(qtbot, session.ops)
    count = services.unsynced_changes()
    assert count > 10
    assert window.status.unsynced.text() == f"{count} ungesendete Änderungen"
    assert "Offline" in window.status.network.text()


def test_everything_is_there_after_reopening(qtbot, window, session, case_file, data_dir, clock):
    create_client(qtbot, window, session.ops, first="Mariia", last="Melnyk")
    session.ops.wait_for_done()
    case_file.lock()
    reopened = CaseFile.open(data_dir, PASSPHRASE, clock=clock)
    try:
        rows = Services(reopened, clock).cases.caseload()
        assert [r.client_name for r in rows] == ["Melnyk, Mariia"]
    finally:
        reopened.lock()


def test_household_member_and_case_status(qtbot, window, session, services):
    ops = session.ops
    create_client(qtbot, window, ops)
    files = window.client_file
    household_id = files.data.household.id
    qtbot.mouseClick(files.master.add_member_button, Qt.MouseButton.LeftButton)
    dialog = files.master.dialog
    assert dialog.last_name.text() == "Kovalenko" and not dialog.address.isEnabled()
    type_text(qtbot, dialog.first_name, "Andrii")
    submit(qtbot, files.master, ops)
    qtbot.waitUntil(lambda: window.caseload.model.rowCount() == 2, timeout=3000)
    settle(qtbot, ops)
    assert files.master.findChild(QLabel, "member_name_0").text() == "Andrii Kovalenko"
    members = services.clients.household_members(household_id)
    assert sorted(c.first_name for c in members) == ["Andrii", "Olena"]

    files.close_case()
    dialog = files.dialog
    dialog.closing_reason.set_value(ClosingReason.INDEPENDENT)
    type_text(qtbot, dialog.closing_note, "Arbeit gefunden, eigene Wohnung.")
    with qtbot.waitSignal(window.caseload_shown, timeout=5000):  # its refresh is debounced
        submit(qtbot, files, ops)
    settle(qtbot, ops)
    assert files.data.case.status is CaseStatus.CLOSED
    assert files.data.case.closing_reason is ClosingReason.INDEPENDENT
    assert not files.close_action.isEnabled() and files.reopen_action.isEnabled()
    statuses = {
        window.caseload.proxy.index(r, 2).data() for r in range(window.caseload.proxy.rowCount())
    }
    assert statuses == {"Abgeschlossen", "Offen"}
    files.reopen_action.trigger()
    settle(qtbot, ops)
    assert files.data.case.status is CaseStatus.OPEN


def test_unsaved_master_data_survives_a_save_elsewhere(qtbot, window, session):
    ops = session.ops
    create_client(qtbot, window, ops)
    master = window.client_file.master
    type_text(qtbot, master.phone, "0176 999")
    window.note_action.trigger()
    notes = window.client_file.notes
    type_text(qtbot, notes.dialog.text, "Anruf")
    with qtbot.waitSignal(window.caseload_shown, timeout=5000):  # the refresh elsewhere
        submit(qtbot, notes, ops)
    settle(qtbot, ops)
    assert master.phone.text() == "0176 999" and master.dirty.dirty
    window.client_file.discard_changes()  # no "save?" question when the test closes


def test_trauma_content_is_read_only_when_the_user_opens_it(qtbot, window, session, services):
    ops = session.ops
    create_client(qtbot, window, ops)
    files = window.client_file
    services.referrals.request_trauma_consultation(files.data.case.id, release=RELEASE)
    files.reload()
    settle(qtbot, ops)

    def views():
        return [
            e for e in services.case_history(files.data.case.id) if e.action is AuditAction.VIEW
        ]

    assert views() == []
    qtbot.mouseClick(files.trauma.reveal_button, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    assert len(views()) == 1
    for _ in range(3):
        files.master.save()
        settle(qtbot, ops)
        files.reload()
        settle(qtbot, ops)
    assert len(views()) == 1
