"""Trauma offers: consultation dates with slots, group offering and residential group with
places, and their waiting lists (planned by the coordinator, requested by caseworkers)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlanningView(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Traumaangebote")))

    def refresh(self) -> None:
        pass
