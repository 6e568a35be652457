"""Print the help plan: second language, trauma information (explicit opt-in), then
preview, print or save as PDF."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
)

from ...printing.labels_i18n import LANGUAGE_NAMES, print_language_for
from .base import error_label, show_error

PREVIEW, PRINT, SAVE_PDF = "preview", "print", "pdf"


class PrintPlanDialog(QDialog):
    requested = Signal(str, object, bool)  # action, language (None: German only), trauma

    def __init__(self, preferred_language: str, has_trauma: bool, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hilfeplan drucken"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.language = QComboBox()
        self.language.setObjectName("print_language")
        self.language.addItem(self.tr("Nur Deutsch"), None)
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(self.tr("Deutsch und %1").replace("%1", name), code)
        preferred = print_language_for(preferred_language)
        self.language.setCurrentIndex(max(0, self.language.findData(preferred)))
        form.addRow(self.tr("Beschriftung"), self.language)
        self.trauma = QCheckBox(self.tr("Angaben der Traumasprechstunde aufnehmen (vertraulich)"))
        self.trauma.setObjectName("print_trauma")
        self.trauma.setChecked(False)
        self.trauma.setEnabled(has_trauma)
        form.addRow("", self.trauma)
        layout.addLayout(form)
        note = QLabel(self.tr("Jeder Ausdruck wird im Verlauf protokolliert."))
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)
        self.error = error_label(layout)
        buttons = QDialogButtonBox()
        self.preview_button = buttons.addButton(
            self.tr("Vorschau …"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.pdf_button = buttons.addButton(
            self.tr("Als PDF speichern …"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.print_button = buttons.addButton(
            self.tr("Drucken …"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.preview_button.clicked.connect(lambda: self._request(PREVIEW))
        self.pdf_button.clicked.connect(lambda: self._request(SAVE_PDF))
        self.print_button.clicked.connect(lambda: self._request(PRINT))
        layout.addWidget(buttons)

    def _request(self, action: str) -> None:
        self.error.hide()
        self.requested.emit(action, self.language.currentData(), self.trauma.isChecked())

    def show_error(self, message: str) -> None:
        show_error(self.error, message)

    def force_close(self) -> None:
        self.reject()
