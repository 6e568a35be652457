"""The outcome report: figures per municipality and period, tables and charts, exports."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class ReportView(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Ergebnisbericht")))

    def refresh(self) -> None:
        pass
