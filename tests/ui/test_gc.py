"""Qt objects are destroyed on the GUI thread only, whatever thread Python's cycle
collector would have run in (ui/operations.py GuiThreadCollector, installed by the app
and for these tests)."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject, Qt, QTimer


def test_a_qt_object_in_a_cycle_dies_on_the_gui_thread(qtbot):
    died_on: list[str] = []

    def orphan() -> None:
        obj = QObject()
        timer = QTimer(obj)  # a running timer: destroyed elsewhere, Qt warns
        timer.start(60_000)
        obj.destroyed.connect(
            lambda: died_on.append(threading.current_thread().name),
            Qt.ConnectionType.DirectConnection,
        )
        cycle: dict = {"obj": obj}
        cycle["cycle"] = cycle

    orphan()
    assert not gc.isenabled()

    kept: list = []

    def allocate() -> None:  # what would make Python's own collector run here
        kept.extend([] for _ in range(50_000))

    worker = threading.Thread(target=allocate, name="worker")
    worker.start()
    worker.join()
    assert died_on == []  # not on the worker
    qtbot.waitUntil(lambda: bool(died_on), timeout=5000)
    assert died_on == [threading.main_thread().name]
