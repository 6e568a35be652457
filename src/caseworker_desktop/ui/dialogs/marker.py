"""Restricting processing or recording that the person disputes data (Art. 18 DSGVO,
§ 84 SGB X): on all of the person's data or on one field, with the reason."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit

from ...domain.enums import MarkerKind
from ...domain.labels import FIELD_LABELS_DE
from ...domain.rules import MARKABLE_FIELDS
from ..widgets.fields import DateField, DateProblems, EnumCombo
from .base import FormDialog


def marked_field_name(field: str) -> str:
    """What a marker is on, as people read it."""
    if not field:
        return QCoreApplication.translate("MarkerDialog", "alle Daten der Person")
    name = field.split(".", 1)[1]
    return QCoreApplication.translate("Label", FIELD_LABELS_DE.get(name, name))


class MarkerDialog(FormDialog):
    def __init__(self, today: date, parent=None):
        super().__init__(
            self.tr("Einschränken oder als bestritten kennzeichnen"),
            parent,
            self.tr(
                "Eingeschränkte Daten können nur noch gelesen werden, bis die Einschränkung "
                "aufgehoben wird. Bestrittene Daten bleiben bearbeitbar und werden überall, auch "
                "im Ausdruck, als „bestritten“ gezeigt."
            ),
        )
        self.kind = self.field("kind", self.tr("Art"), EnumCombo(MarkerKind))
        self.target = self.field("field", self.tr("Betrifft"), QComboBox())
        self.target.addItem(marked_field_name(""), "")
        for field in sorted(MARKABLE_FIELDS, key=marked_field_name):
            self.target.addItem(marked_field_name(field), field)
        self.reason = self.field("reason", self.tr("Grund"), QLineEdit())
        self.reason.setPlaceholderText(self.tr("z. B. Antrag der Person vom …"))
        self.on = self.field("on", self.tr("Ab"), DateField(today))
        self.dirty.reset()

    def values(self) -> dict:
        dates = self.errors.dates(on=self.on)
        if dates["on"] is None:
            raise DateProblems({"on": self.tr("Bitte ein Datum eintragen.")})
        return {
            "kind": self.kind.value(),
            "field": self.target.currentData(),
            "reason": self.reason.text().strip(),
            **dates,
        }
