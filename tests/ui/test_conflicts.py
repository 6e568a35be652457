"""A conflict that arrived by sync is shown side by side and resolved by a person."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from caseworker_desktop.domain import model as m
from caseworker_desktop.domain.enums import LifeArea
from caseworker_desktop.storage.orm import table_of
from tests.helpers import new_client
from tests.ui.conftest import settle


def _arrived_conflict(services, entry):
    """As the sync client stores it: a Conflict row written from a pulled page."""
    conflict = m.Conflict(
        table_name="help_plan_entry",
        row_id=entry.id,
        field="goal",
        winner_value=json.dumps("Sprachniveau B2 bis Dezember"),
        winner_hlc="001790000000002-000000-dev2",
        winner_device="dev2",
        loser_value=json.dumps("Sprachniveau B1 bis Juni, Kinderbetreuung klären"),
        loser_hlc="001790000000001-000000-dev1",
        loser_device="dev1",
        case_id=None,
        updated_hlc="001790000000003-000000-office",
    )
    with services.transaction() as tx:
        tx.conn.execute(table_of(m.Conflict).insert().values(**conflict.__dict__))
    return conflict


def test_conflict_is_shown_and_resolved_with_a_merge(qtbot, window, session, services):
    _, case = new_client(services)
    plan = services.plans.create(
        case.id, *[__import__("datetime").date(2026, 11, d) for d in (1, 30, 20)]
    )
    entry = services.plans.add_entry(
        plan.id, life_area=LifeArea.LANGUAGE, goal="Sprachniveau B2 bis Dezember"
    )
    conflict = _arrived_conflict(services, entry)
    window.refresh_conflicts()
    settle(qtbot, session.ops)
    assert window.conflicts_button.isVisible()
    assert "1" in window.conflicts_button.text()

    qtbot.mouseClick(window.conflicts_button, Qt.MouseButton.LeftButton)
    settle(qtbot, session.ops)
    dialog = window.inbox.dialog
    assert dialog.isVisible()
    assert dialog.current.toPlainText() == "Sprachniveau B2 bis Dezember"
    assert dialog.other.toPlainText() == "Sprachniveau B1 bis Juni, Kinderbetreuung klären"
    qtbot.mouseClick(dialog.take_other, Qt.MouseButton.LeftButton)
    dialog.merged.appendPlainText("Ziel B2 im zweiten Schritt.")
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    settle(qtbot, session.ops)

    goal = services.plans.entries(plan.id)[0].goal
    assert goal == "Sprachniveau B1 bis Juni, Kinderbetreuung klären\nZiel B2 im zweiten Schritt."
    assert services.conflicts() == []
    (closed,) = services.conflicts(open_only=False)
    assert closed.id == conflict.id and closed.resolved and closed.resolution == goal
    assert not window.conflicts_button.isVisible()
