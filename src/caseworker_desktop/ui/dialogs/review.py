"""The team lead's review comment on a case or its current help plan."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QPlainTextEdit

from .base import FormDialog


class CommentDialog(FormDialog):
    def __init__(self, client_name: str, has_plan: bool, parent=None):
        super().__init__(
            self.tr("Kommentar der Teamleitung"),
            parent,
            self.tr(
                "Der Kommentar zu %1 geht mit der nächsten Synchronisierung an die "
                "zuständige Fachkraft. Sie markiert ihn als erledigt."
            ).replace("%1", client_name),
        )
        self.text = self.field("text", self.tr("Kommentar"), QPlainTextEdit())
        self.text.setObjectName("comment_text")
        self.text.setMinimumHeight(110)
        self.on_plan = QCheckBox(self.tr("bezieht sich auf den aktuellen Hilfeplan"))
        self.on_plan.setObjectName("comment_on_plan")
        self.on_plan.setChecked(has_plan)
        self.on_plan.setEnabled(has_plan)
        self.form.addRow("", self.on_plan)
        self.dirty.reset()

    def values(self) -> dict:
        return {"text": self.text.toPlainText().strip(), "on_plan": self.on_plan.isChecked()}
