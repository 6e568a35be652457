"""Team-lead mode in the window: the team's caseload with the caseworker, municipality and
problem filters; approval (Freigabe) of a help plan; review comments, which the caseworker
sees prominently and marks done."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from caseworker_desktop.clock import FakeClock
from caseworker_desktop.config import Settings
from caseworker_desktop.domain.enums import (
    ContactKind,
    CourseType,
    HelpPlanStatus,
    LanguageLevel,
    LifeArea,
    Role,
)
from caseworker_desktop.domain.errors import PermissionDeniedError
from caseworker_desktop.services import NewClient
from caseworker_desktop.ui.main_window import MainWindow
from caseworker_desktop.ui.models.caseload import ROW_ROLE, CaseloadModel, Problem
from tests.helpers import new_client
from tests.team import acting_as, add_user, make_local_user
from tests.ui.conftest import settle

TODAY = date(2026, 11, 24)


@pytest.fixture
def clock() -> FakeClock:
    # Starts nine weeks before "today", so that a referral can wait that long.
    return FakeClock(datetime(2026, 9, 22, 9, 0, tzinfo=UTC))


def register(services, first, last, municipality, opened_on=None):
    return services.clients.register(
        NewClient(
            first_name=first,
            last_name=last,
            municipality_id=municipality.id,
            birth_date=date(1990, 1, 1),
            nationality="SYR",
            languages="ar",
            data_processing_consent_on=date(2026, 9, 1),
        ),
        opened_on=opened_on,
    )[1]


@pytest.fixture
def team(services, clock):
    """Lena Lehmann leads the team; Anna Müller and Ben Schulz work in it. Their cases
    arrived by sync (here: written as them)."""
    make_local_user(services, Role.TEAM_LEAD, "Lena Lehmann")
    anna = add_user(services, "amueller2", "Anna Müller")
    ben = add_user(services, "bschulz", "Ben Schulz")
    first, second = services.clients.municipalities()[:2]
    with acting_as(services, ben):
        ahmadi = register(services, "Wahid", "Ahmadi", second)
        services.referrals.refer_to_course(
            ahmadi.id, course_type=CourseType.INTEGRATION_COURSE, target_level=LanguageLevel.B1
        )
    clock.set(datetime(2026, 11, 24, 9, 0, tzinfo=UTC))  # nine weeks later: stalled
    with acting_as(services, anna):
        kovalenko = register(services, "Olena", "Kovalenko", first)
        plan = services.plans.create(
            kovalenko.id, date(2026, 11, 1), date(2027, 10, 31), date(2027, 5, 1)
        )
        services.plans.add_entry(plan.id, life_area=LifeArea.LANGUAGE, goal="B1 bis Juni")
        services.plans.agree(plan.id)
        services.cases.add_note(kovalenko.id, kind=ContactKind.HOME_VISIT, text="Hausbesuch")
        haddad = register(
            services, "Amina", "Haddad", second, opened_on=TODAY - timedelta(weeks=10)
        )
        services.plans.create(haddad.id, date(2026, 4, 1), date(2027, 3, 31), date(2026, 10, 1))
    with acting_as(services, ben):
        services.cases.add_note(ahmadi.id, kind=ContactKind.PHONE, text="Anruf")
    return {
        "anna": anna,
        "ben": ben,
        "kovalenko": kovalenko,
        "haddad": haddad,
        "ahmadi": ahmadi,
        "plan": plan,
        "municipalities": (first, second),
    }


@pytest.fixture
def lead_window(qtbot, team, session):
    w = MainWindow(session, Settings())
    qtbot.addWidget(w)
    w.show()
    settle(qtbot, session.ops)
    return w


def names(view):
    return sorted(
        view.proxy.index(r, 0).data(ROW_ROLE).client_name for r in range(view.proxy.rowCount())
    )


def test_team_caseload_with_caseworker_municipality_and_problem_filters(qtbot, lead_window, team):
    view = lead_window.caseload
    assert lead_window.team_lead
    assert names(view) == ["Ahmadi, Wahid", "Haddad, Amina", "Kovalenko, Olena"]
    assert not view.table.isColumnHidden(CaseloadModel.CASEWORKER)
    assert view.table.horizontalHeader().visualIndex(CaseloadModel.CASEWORKER) == 1
    workers = [view.caseworker_filter.itemText(i) for i in range(view.caseworker_filter.count())]
    assert workers == ["Alle Fachkräfte", "Anna Müller (2)", "Ben Schulz (1)"]

    view.choose_caseworker(team["anna"].id)
    assert names(view) == ["Haddad, Amina", "Kovalenko, Olena"]
    view.choose_municipality(team["municipalities"][1].name)
    assert names(view) == ["Haddad, Amina"]
    assert view.reset_button.isEnabled()
    view.reset_filters()
    assert len(names(view)) == 3 and not view.reset_button.isEnabled()

    checks = view.problem_checks
    expectations = {
        "filter_overdue": (["Haddad, Amina"], "Fortschreibung überfällig (1)"),
        "filter_no_contact": (["Haddad, Amina"], "Ohne Kontakt seit"),
        "filter_stalled": (["Ahmadi, Wahid"], "Vermittlung stockt (1)"),
        "filter_awaiting_approval": (["Kovalenko, Olena"], "Freigabe offen (1)"),
        "filter_open_comment": ([], "Kommentar offen (0)"),
    }
    for check in checks.values():
        name = check.objectName()
        expected, caption = expectations[name]
        assert check.text() == caption
        check.setChecked(True)
        assert names(view) == expected, name
        check.setChecked(False)
    assert view.count.text() == "3 von 3 Fällen"
    assert view.no_contact_count.text() == "(1)"

    # without contact for N weeks: Haddad's case was opened ten weeks ago, nobody called
    no_contact = checks[Problem.NO_CONTACT]
    no_contact.setChecked(True)
    view.no_contact_weeks.setValue(12)
    assert names(view) == [] and view.empty.text() == "Keine Fälle für diese Filter."
    view.no_contact_weeks.setValue(9)
    assert names(view) == ["Haddad, Amina"]
    no_contact.setChecked(False)

    # typing still filters, also by the caseworker's name
    view.filter.setText("schulz")
    assert names(view) == ["Ahmadi, Wahid"]
    view.filter.clear()


def test_the_team_lead_approves_and_comments(qtbot, lead_window, team, session, services):
    view, files = lead_window.caseload, lead_window.client_file
    assert view.select_case(team["kovalenko"].id)
    settle(qtbot, session.ops)
    tab = files.plan
    files.tabs.setCurrentWidget(tab)
    assert "Fachkraft: Anna Müller" in files.heading.text()
    assert "Freigabe durch die Teamleitung offen" in tab.approval.text()
    assert tab.approve_button.isVisible() and tab.approve_button.isEnabled()
    qtbot.mouseClick(tab.approve_button, Qt.MouseButton.LeftButton)
    settle(qtbot, session.ops)
    assert services.plans.get(team["plan"].id).status is HelpPlanStatus.APPROVED
    assert "Freigegeben von Lena Lehmann am 24.11.2026" in tab.approval.text()
    assert not tab.approve_button.isEnabled()

    # a comment on the plan, through the dialog
    assert tab.review.isVisible() and tab.review.comment_button.isVisible()
    qtbot.mouseClick(tab.review.comment_button, Qt.MouseButton.LeftButton)
    dialog = tab.review.dialog
    assert dialog.on_plan.isChecked()
    dialog.text.setPlainText("Bitte die Kinderbetreuung für den Kurs klären.")
    # the caseload's counts follow once its (debounced) refresh has run
    with qtbot.waitSignal(lead_window.caseload_shown, timeout=5000):
        qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    settle(qtbot, session.ops)
    (comment,) = services.reviews.comments(team["kovalenko"].id)
    assert comment.help_plan_id == team["plan"].id and comment.author_id == services.user.id
    assert (
        "Kinderbetreuung" in tab.review.cards.findChild(type(tab.approval), "comment_label").text()
    )
    assert "1 offen" in tab.review.title.text()

    checks = view.problem_checks
    assert [c.text() for c in checks.values() if c.objectName() == "filter_awaiting_approval"] == [
        "Freigabe offen (0)"
    ]
    assert [c.text() for c in checks.values() if c.objectName() == "filter_open_comment"] == [
        "Kommentar offen (1)"
    ]


def test_an_empty_comment_stays_in_the_dialog(qtbot, lead_window, team, session, services):
    lead_window.caseload.select_case(team["haddad"].id)
    settle(qtbot, session.ops)
    review = lead_window.client_file.plan.review
    review.add_comment()
    review.dialog.text.setPlainText("   ")
    qtbot.mouseClick(review.dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    settle(qtbot, session.ops)
    assert review.dialog.isVisible()
    assert services.reviews.comments(team["haddad"].id) == []
    review.dialog.force_close()


@pytest.fixture
def reviewed(services, clock):
    """The caseworker's own file (amueller): a plan the team lead approved and commented
    on, as it arrives by sync."""
    clock.set(datetime(2026, 11, 24, 9, 0, tzinfo=UTC))
    lead = add_user(services, "llehmann", "Lena Lehmann", Role.TEAM_LEAD)
    _, case = new_client(services)
    plan = services.plans.create(case.id, date(2026, 11, 1), date(2027, 10, 31), date(2027, 5, 1))
    services.plans.add_entry(plan.id, life_area=LifeArea.WORK, goal="Praktikum im Einzelhandel")
    services.plans.agree(plan.id)
    with acting_as(services, lead):
        services.plans.approve(plan.id)
        services.reviews.comment(case.id, "Bitte den Praktikumsplatz bis Januar klären.", plan.id)
        services.reviews.comment(case.id, "Danke für die gute Dokumentation.")
    return case, plan


def test_the_caseworker_sees_approval_and_comments_and_marks_them_done(
    qtbot, reviewed, window, session, services
):
    case, _plan = reviewed
    view, files = window.caseload, window.client_file
    assert not window.team_lead
    assert view.table.isColumnHidden(CaseloadModel.CASEWORKER)
    assert not view.caseworker_filter.isVisible()
    hints = view.proxy.index(0, CaseloadModel.HINTS).data()
    assert hints == "2 Kommentare"
    view.select_case(case.id)
    settle(qtbot, session.ops)
    assert "2 offene Kommentare der Teamleitung" in files.heading.text()
    assert files.tabs.tabText(files.tabs.indexOf(files.plan)).endswith("●")
    tab = files.plan
    files.tabs.setCurrentWidget(tab)
    assert "Freigegeben von Lena Lehmann am 24.11.2026" in tab.approval.text()
    assert not tab.approve_button.isVisible()
    assert not tab.review.comment_button.isVisible()
    labels = [w.text() for w in tab.review.cards.findChildren(type(tab.approval), "comment_label")]
    assert len(labels) == 2 and any("Praktikumsplatz" in t and "zum Hilfeplan" in t for t in labels)
    assert all("Lena Lehmann" in t for t in labels)
    assert "2 offen" in tab.review.title.text()

    first = next(iter(tab.review.done_buttons.values()))
    qtbot.mouseClick(first, Qt.MouseButton.LeftButton)
    settle(qtbot, session.ops)
    assert sum(not c.resolved for c in services.reviews.comments(case.id)) == 1
    assert "1 offen" in tab.review.title.text()
    assert "1 offener Kommentar der Teamleitung" in files.heading.text()
    qtbot.mouseClick(next(iter(tab.review.done_buttons.values())), Qt.MouseButton.LeftButton)
    settle(qtbot, session.ops)
    assert all(c.resolved for c in services.reviews.comments(case.id))
    assert "alle erledigt" in tab.review.title.text()
    assert "Kommentar der Teamleitung" not in files.heading.text()
    assert tab.review.done_buttons == {}


def test_the_team_lead_reviews_without_changing_unless_a_stand_in(
    qtbot, lead_window, team, session, services
):
    """Default (office setting): a team lead comments and approves; the rest of someone
    else's case is shown, not offered for change, and refused by the services."""
    view, files = lead_window.caseload, lead_window.client_file
    assert view.select_case(team["kovalenko"].id)
    settle(qtbot, session.ops)
    assert files.review_only.isVisibleTo(files)
    assert not files.case_button.isVisibleTo(files)
    assert not files.master.save_button.isVisibleTo(files.master)
    assert not files.master.first_name.isEnabled()
    plan = files.plan
    assert plan.approve_button.isVisibleTo(plan) and plan.print_button.isVisibleTo(plan)
    assert not plan.add_button.isVisibleTo(plan) and not plan.agree_button.isVisibleTo(plan)
    assert not any(b.isVisibleTo(files.notes) for b in files.notes.buttons)
    with pytest.raises(PermissionDeniedError, match="nur als Vertretung"):
        services.cases.add_note(team["kovalenko"].id, kind=ContactKind.PHONE, text="Anruf")

    # granted by the office (the directory says so): the lead may change the case
    services.ctx.user.stand_in = True
    files.reload()
    settle(qtbot, session.ops)
    assert not files.review_only.isVisibleTo(files)
    assert files.master.save_button.isVisibleTo(files.master)
    services.cases.add_note(team["kovalenko"].id, kind=ContactKind.PHONE, text="Anruf")


def test_approving_an_overdue_plan_is_confirmed(qtbot, lead_window, team, session, services):
    view, files = lead_window.caseload, lead_window.client_file
    haddad = team["haddad"]
    plan = services.plans.current(haddad.id)
    with acting_as(services, team["anna"]):
        services.plans.add_entry(plan.id, life_area=LifeArea.WORK, goal="Praktikum")
        services.plans.agree(plan.id)
    assert view.select_case(haddad.id)
    settle(qtbot, session.ops)
    tab = files.plan
    asked = []

    def answer(button) -> None:
        box = QApplication.activeModalWidget()
        asked.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.Cancel))
    qtbot.mouseClick(tab.approve_button, Qt.MouseButton.LeftButton)
    settle(qtbot, session.ops)
    assert "01.10.2026 fällig" in asked[0]
    assert services.plans.get(plan.id).status is HelpPlanStatus.AGREED
    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(tab.approve_button, Qt.MouseButton.LeftButton)
    settle(qtbot, session.ops)
    assert services.plans.get(plan.id).status is HelpPlanStatus.APPROVED


def _answer_yes(asked: list) -> None:
    box = QApplication.activeModalWidget()
    asked.append(box.text())
    box.button(QMessageBox.StandardButton.Yes).click()


def test_the_lead_confirms_an_erasure_the_caseworker_recorded(
    qtbot, lead_window, team, services, session
):
    """Anna records the person's request (Fall … menu, as she would on her laptop); Lena
    sees it in the case and confirms it with the button beside the heading."""
    case_id = team["kovalenko"].id
    with acting_as(services, team["anna"]):
        services.cases.request_erasure(case_id, TODAY)
    lead_window.refresh_caseload_then_select(case_id)
    settle(qtbot, session.ops)
    files = lead_window.client_file
    qtbot.waitUntil(lambda: files.data is not None and files.data.case.id == case_id)
    assert "wartet auf die Bestätigung der Teamleitung" in files.heading.text()
    assert files.confirm_erasure_button.isVisible()
    asked: list[str] = []
    QTimer.singleShot(0, lambda: _answer_yes(asked))
    qtbot.mouseClick(files.confirm_erasure_button, Qt.MouseButton.LeftButton)
    settle(qtbot, session.ops)
    assert asked and "kann nicht rückgängig gemacht werden" in asked[0]
    qtbot.waitUntil(lambda: files.data.case.erasure_confirmed_by == session.user.id)
    assert "bestätigt: das Landratsamt löscht" in files.heading.text()
    assert not files.confirm_erasure_button.isVisible()
