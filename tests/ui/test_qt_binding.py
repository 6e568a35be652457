"""The Qt binding itself: PySide6 6.12.0 dropped a reference to None on every call of a Qt
method that returns nothing, on Python < 3.12 (where None is not immortal). The window made
thousands of such calls in minutes and the process aborted ("none_dealloc"); the UI test
session crashed at random places. pyproject.toml keeps that release out; this notices the
next one like it."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLineEdit


def test_calls_of_qt_methods_keep_none_alive(qtbot):
    field = QLineEdit("Olena Kovalenko")
    qtbot.addWidget(field)
    calls = 20_000
    before = sys.getrefcount(None)
    for _ in range(calls // 2):
        field.selectAll()  # returns nothing
        field.deselect()
    lost = before - sys.getrefcount(None)
    assert lost < calls // 4, f"{lost} references to None lost in {calls} calls"
