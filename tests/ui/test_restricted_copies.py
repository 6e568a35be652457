"""Restricted text stays restricted where it is copied (issue 12, item 3): a specialist's
recommendation carried into the help plan is hidden until opened, and every opening is an
audited view; so is opening a conflict or handover about a trauma referral."""

from __future__ import annotations

import json
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from caseworker_desktop.domain import model as m
from caseworker_desktop.domain.enums import AuditAction, LifeArea
from caseworker_desktop.storage import audit
from caseworker_desktop.storage.orm import table_of
from tests.helpers import RELEASE, new_client
from tests.ui.conftest import settle


def _views(services, entity: str) -> int:
    with services.ctx.read() as conn:
        return sum(1 for e in audit.audit_events(conn, entity) if e.action is AuditAction.VIEW)


def _assessed(services):
    _, case = new_client(services)
    plan = services.plans.create(case.id, date(2026, 11, 1), date(2027, 10, 31), date(2027, 5, 1))
    services.plans.add_entry(plan.id, life_area=LifeArea.LANGUAGE, goal="Deutsch B1")
    referral = services.referrals.request_trauma_consultation(case.id, release=RELEASE)
    services.referrals.assign_consultation(referral.id, date(2026, 11, 20))
    services.referrals.record_assessment(
        referral.id, outcome="Belastung", recommendation="Gruppenangebot für Frauen"
    )
    entry = services.plans.carry_recommendation(referral.id, plan.id)
    return case, plan, referral, entry


def test_a_carried_recommendation_is_hidden_until_opened(qtbot, window, session, services):
    case, _plan, _referral, entry = _assessed(services)
    data = services.client_file(case.id)
    (hidden,) = [e for e in data.entries if e.id == entry.id]
    assert hidden.goal == "" and hidden.measures == ""  # the file's data carries no text
    window.refresh_caseload()
    settle(qtbot, session.ops)
    window.caseload.select_case(case.id)
    settle(qtbot, session.ops)
    tab = window.client_file.plan
    window.client_file.tabs.setCurrentWidget(tab)
    settle(qtbot, session.ops)
    items = {}
    for g in range(tab.tree.topLevelItemCount()):
        group = tab.tree.topLevelItem(g)
        for c in range(group.childCount()):
            items[group.child(c).data(0, Qt.ItemDataRole.UserRole + 20).id] = group.child(c)
    assert items[entry.id].text(0).startswith("🔒 Vertraulich")
    assert "Gruppenangebot" not in items[entry.id].text(0) + items[entry.id].text(1)
    before = _views(services, "help_plan_entry")

    tab.tree.scrollToItem(items[entry.id])
    rect = tab.tree.visualItemRect(items[entry.id])
    assert rect.isValid()
    qtbot.mouseClick(tab.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    settle(qtbot, session.ops)
    dialog = tab.dialog  # opened after the text was revealed (edit on double-click)
    assert isinstance(dialog, QDialog) and "Gruppenangebot für Frauen" in dialog.goal.toPlainText()
    dialog.reject()
    assert _views(services, "help_plan_entry") == before + 1
    shown = [
        tab.tree.topLevelItem(g).child(c)
        for g in range(tab.tree.topLevelItemCount())
        for c in range(tab.tree.topLevelItem(g).childCount())
    ]
    assert any("Gruppenangebot für Frauen" in item.text(0) for item in shown)


def test_opening_a_conflict_about_a_trauma_referral_is_a_view(qtbot, window, session, services):
    case, _plan, referral, _entry = _assessed(services)
    conflict = m.Conflict(
        table_name="trauma_referral",
        row_id=referral.id,
        field="recommendation",
        winner_value=json.dumps("Gruppenangebot für Frauen"),
        winner_hlc="001790000000002-000000-dev2",
        winner_device="dev2",
        loser_value=json.dumps("Einzeltermin bei der Fachärztin"),
        loser_hlc="001790000000001-000000-dev1",
        loser_device="dev1",
        case_id=case.id,
        updated_hlc="001790000000003-000000-office",
    )
    with services.transaction() as tx:
        tx.conn.execute(table_of(m.Conflict).insert().values(**conflict.__dict__))
    before = _views(services, "trauma_referral")
    window.refresh_conflicts()
    settle(qtbot, session.ops)
    qtbot.mouseClick(window.conflicts_button, Qt.MouseButton.LeftButton)
    settle(qtbot, session.ops)
    assert "Einzeltermin" in window.inbox.dialog.other.toPlainText()
    assert _views(services, "trauma_referral") == before + 1
    window.inbox.dialog.reject()
