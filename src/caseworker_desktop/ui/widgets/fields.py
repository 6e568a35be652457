"""Form helpers: German date fields and validation messages shown at the field."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...domain.labels import LABELS_DE
from ..i18n import enum_label, format_date, parse_date

INVALID_STYLE = "border: 1px solid #c0392b; background: #fdf0ef;"


class DateField(QLineEdit):
    """A date in German format (TT.MM.JJJJ); may be empty unless required."""

    def __init__(self, value: date | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText(self.tr("TT.MM.JJJJ"))
        self.setMaximumWidth(130)
        self.set_date(value)

    def set_date(self, value: date | None) -> None:
        self.setText(format_date(value))

    def date(self) -> date | None:
        """The entered date; raises ValueError for text that is not a date."""
        return parse_date(self.text())


class EnumCombo(QComboBox):
    """Combo box over a StrEnum with its German (or translated) labels."""

    def __init__(self, enum_type: type[StrEnum], *, allow_empty: bool = False, parent=None):
        super().__init__(parent)
        self.enum_type = enum_type
        if allow_empty:
            self.addItem("–", None)
        for member in LABELS_DE[enum_type]:
            self.addItem(enum_label(member), member)

    def value(self):
        data = self.currentData()  # Qt hands back a plain str: make it the enum again
        return None if data is None else self.enum_type(data)

    def set_value(self, value) -> None:
        index = self.findData(value)
        self.setCurrentIndex(max(index, 0))


class FieldErrors:
    """Maps field names to widgets; shows German messages in a red line under each field."""

    def __init__(self, form: QFormLayout):
        self.form = form
        self.widgets: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}

    def add(self, name: str, caption: str, widget: QWidget) -> QWidget:
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error.setStyleSheet("color: #c0392b;")
        error.setWordWrap(True)
        error.hide()
        container = QWidget()
        box = QVBoxLayout(container)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(error)
        container.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.form.addRow(caption, container)
        self.widgets[name] = widget
        self.labels[name] = error
        return widget

    def clear(self) -> None:
        for name, widget in self.widgets.items():
            widget.setStyleSheet("")
            self.labels[name].hide()

    def show(self, problems: dict[str, str]) -> bool:
        """Show the problems that belong to a field here; True if all had a field."""
        self.clear()
        shown = True
        for name, message in problems.items():
            if name in self.widgets:
                self.widgets[name].setStyleSheet(INVALID_STYLE)
                self.labels[name].setText(message)
                self.labels[name].show()
            else:
                shown = False
        first = next((self.widgets[n] for n in problems if n in self.widgets), None)
        if first is not None:
            first.setFocus()
        return shown

    def dates(self, **fields: DateField) -> dict[str, date | None]:
        """Parse date fields; problems for malformed ones are raised as ValueError(dict)."""
        values, problems = {}, {}
        for name, widget in fields.items():
            try:
                values[name] = widget.date()
            except ValueError:
                problems[name] = QCoreApplication.translate(
                    "DateField", "Datum bitte als TT.MM.JJJJ eingeben."
                )
        if problems:
            raise DateProblems(problems)
        return values


class DateProblems(ValueError):
    def __init__(self, problems: dict[str, str]):
        super().__init__(problems)
        self.problems = problems


class DirtyTracker:
    """Remembers whether any watched widget was edited since the last reset."""

    def __init__(self):
        self.dirty = False

    def watch(self, *widgets: QWidget) -> None:
        for widget in widgets:
            for signal_name in ("textEdited", "currentIndexChanged", "toggled", "textChanged"):
                signal = getattr(widget, signal_name, None)
                if signal is not None:
                    signal.connect(self._mark)
                    break

    def _mark(self, *args) -> None:
        self.dirty = True

    def reset(self) -> None:
        self.dirty = False
