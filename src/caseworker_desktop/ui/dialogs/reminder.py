"""A follow-up (Wiedervorlage) set by hand on a case: the day and what to do then."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QLineEdit

from ..widgets.fields import DateField, DateProblems
from .base import FormDialog


class ReminderDialog(FormDialog):
    def __init__(self, reference: str, today: date, parent=None):
        super().__init__(
            self.tr("Wiedervorlage für %1").replace("%1", reference),
            parent,
            self.tr(
                "Erscheint an diesem Tag unter „Wiedervorlagen“; Termine auch in der "
                "Kalenderdatei (ohne den Text, außer mit Namen)."
            ),
        )
        self.due_on = self.field("due_on", self.tr("Am"), DateField(today + timedelta(days=7)))
        self.text = self.field("text", self.tr("Was ist zu tun?"), QLineEdit())
        self.text.setMaxLength(500)
        self.text.setObjectName("reminder_text")
        self.dirty.reset()

    def values(self) -> dict:
        dates = self.errors.dates(due_on=self.due_on)
        if dates["due_on"] is None:
            raise DateProblems({"due_on": self.tr("Datum fehlt.")})
        return {"text": self.text.text().strip(), **dates}
