"""Resolve a conflict: two concurrent texts side by side; take one or write a merge."""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
)

from ...domain import model as m
from ...domain.labels import FIELD_LABELS_DE


def text_of(raw: str) -> str:
    """Conflict values are the JSON of the field's value."""
    try:
        value = json.loads(raw)
    except (TypeError, ValueError):
        return raw
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


class ConflictDialog(QDialog):
    resolved = Signal(str, str)  # conflict id, the text chosen or merged

    def __init__(self, conflict: m.Conflict, parent=None):
        super().__init__(parent)
        self.conflict = conflict
        field = QCoreApplication.translate(
            "Label", FIELD_LABELS_DE.get(conflict.field, conflict.field)
        )
        self.setWindowTitle(self.tr("Konflikt lösen – %1").replace("%1", field))
        self.resize(900, 520)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Dieser Text wurde auf zwei Geräten gleichzeitig geändert. Gilt zurzeit: links. "
                "Übernehmen Sie eine Fassung oder führen Sie beide unten zusammen."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        self.current = QPlainTextEdit(text_of(conflict.winner_value))
        self.current.setReadOnly(True)
        self.other = QPlainTextEdit(text_of(conflict.loser_value))
        self.other.setReadOnly(True)
        grid.addWidget(QLabel(self.tr("<b>Gilt zurzeit</b>")), 0, 0)
        grid.addWidget(QLabel(self.tr("<b>Andere Fassung</b>")), 0, 1)
        grid.addWidget(self.current, 1, 0)
        grid.addWidget(self.other, 1, 1)
        layout.addLayout(grid, 2)
        layout.addWidget(QLabel(self.tr("Ergebnis")))
        self.merged = QPlainTextEdit(text_of(conflict.winner_value))
        self.merged.setObjectName("merged_text")
        layout.addWidget(self.merged, 1)
        buttons = QDialogButtonBox()
        self.take_current = buttons.addButton(
            self.tr("Links übernehmen"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.take_other = buttons.addButton(
            self.tr("Rechts übernehmen"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.save = buttons.addButton(
            self.tr("Ergebnis speichern"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.take_current.clicked.connect(
            lambda: self.merged.setPlainText(self.current.toPlainText())
        )
        self.take_other.clicked.connect(lambda: self.merged.setPlainText(self.other.toPlainText()))
        self.save.clicked.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _save(self) -> None:
        self.resolved.emit(self.conflict.id, self.merged.toPlainText())
        self.accept()

    def force_close(self) -> None:
        self.reject()
