"""Base of the editing dialogs: a form with validation at the field, OK/Cancel, and
protection against losing unsaved input. The dialog does not save anything itself: it
emits `submitted(values)`; the view runs the service call and either closes the dialog or
shows the problems at the fields."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..widgets.fields import DateProblems, DirtyTracker, FieldErrors


def error_label(layout, name: str = "") -> QLabel:
    """A red line for what went wrong, hidden until there is something to say."""
    label = QLabel()
    if name:
        label.setObjectName(name)
    label.setStyleSheet("color: #c0392b;")
    label.setWordWrap(True)
    label.hide()
    layout.addWidget(label)
    return label


def show_error(label: QLabel, message: str) -> None:
    """Say what went wrong in an error line; the window grows if the line needs room (it
    was squeezed out of the text above it: the restore dialog's notice was cut off)."""
    label.setText(message)
    label.show()
    window = label.window()
    layout = window.layout()
    if layout is None or not layout.hasHeightForWidth():
        return
    layout.activate()
    needed = layout.totalHeightForWidth(window.width())
    if needed > window.height():
        window.resize(window.width(), needed)


def text_edit(value: str = "", lines: int = 3) -> QPlainTextEdit:
    """A text field of a few lines in which Tab moves on to the next field."""
    edit = QPlainTextEdit(value)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(22 * lines + 12)
    return edit


def busy_label(layout, text: str) -> QLabel:
    """A line that says what runs in the background, hidden until it does."""
    label = QLabel(text)
    label.hide()
    layout.addWidget(label)
    return label


class FormDialog(QDialog):
    submitted = Signal(object)  # a dict; Signal(dict) would turn enums into str

    def __init__(self, title: str, parent: QWidget | None = None, intro: str = ""):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        if intro:
            text = QLabel(intro)
            text.setWordWrap(True)
            text.setStyleSheet("color: #555;")
            layout.addWidget(text)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addLayout(self.form)
        self.errors = FieldErrors(self.form)
        self.general_error = error_label(layout)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Speichern"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.dirty = DirtyTracker()
        self._closing_without_asking = False
        self._focused_once = False

    def showEvent(self, event) -> None:
        """Open with the cursor in the first field one can type in, not on "Speichern"."""
        super().showEvent(event)
        first = next(
            (w for w in self.errors.widgets.values() if w.isEnabled() and w.isVisibleTo(self)),
            None,
        )
        if first is not None and not self._focused_once:
            self._focused_once = True
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def field(self, name: str, caption: str, widget: QWidget) -> QWidget:
        self.dirty.watch(widget)
        return self.errors.add(name, caption, widget)

    def values(self) -> dict:
        """The entered values; subclasses implement. Raise DateProblems for bad dates."""
        raise NotImplementedError

    def _submit(self) -> None:
        self.general_error.hide()
        try:
            values = self.values()
        except DateProblems as exc:
            self.errors.show(exc.problems)
            return
        self.errors.clear()
        self.submitted.emit(values)

    def show_problems(self, problems: dict[str, str]) -> None:
        if not self.errors.show(problems):
            other = [m for f, m in problems.items() if f not in self.errors.widgets]
            self.show_error(" ".join(other))

    def show_error(self, message: str) -> None:
        show_error(self.general_error, message)

    def saved(self) -> None:
        """Called by the view when the service call succeeded."""
        self._closing_without_asking = True
        self.accept()

    def force_close(self) -> None:
        """Lock: close without asking (input is dropped with the key)."""
        self._closing_without_asking = True
        self.reject()

    def reject(self) -> None:
        if self.dirty.dirty and not self._closing_without_asking:
            answer = QMessageBox.question(
                self,
                self.tr("Eingaben verwerfen?"),
                self.tr("Die Eingaben sind noch nicht gespeichert. Verwerfen?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()
