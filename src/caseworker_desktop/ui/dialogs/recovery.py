"""Forgotten passphrase: the one-time code the office gave by phone, and a new passphrase.
The controller fetches the credential and re-keys the file in the background; it answers
with `failed(message)` or closes us and opens the case file."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QVBoxLayout,
)

from .base import busy_label, error_label, show_error
from .unlock import PassphrasePage


class RecoveryDialog(QDialog):
    recovery_requested = Signal(str, str, str, str)  # folder, server, code, new passphrase

    def __init__(self, folder: str, server_url: str = "", parent=None):
        super().__init__(parent)
        self.folder = folder
        self.setWindowTitle(self.tr("Passphrase vergessen"))
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)  # grows with the hints
        intro = QLabel(
            self.tr(
                "<p>Rufen Sie Ihre Teamleitung oder die Administration des Landratsamts an. "
                "Sie erhalten einen <b>Wiederherstellungscode</b> für dieses Gerät (einmal "
                "verwendbar, 24 Stunden gültig). Dafür braucht der Laptop eine Verbindung "
                "zum Landratsamt.</p>"
                "<p>Danach gilt nur noch die neue Passphrase: Die Falldatei bekommt einen "
                "neuen Schlüssel, alte Sicherungen werden ersetzt.</p>"
            )
        )
        intro.setWordWrap(True)
        intro.setMinimumWidth(580)
        intro.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(intro)
        form = QFormLayout()
        self.server = QLineEdit(server_url)
        self.server.setObjectName("recovery_server")
        self.server.setPlaceholderText("https://integration.landkreis.example")
        self.code = QLineEdit()
        self.code.setObjectName("recovery_code")
        self.code.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-…")
        form.addRow(self.tr("Server des Landratsamts"), self.server)
        form.addRow(self.tr("Wiederherstellungscode"), self.code)
        # the wizard's fields and their checks, in this form (the page itself stays hidden)
        self.secret = PassphrasePage(self)
        self.secret.hide()
        self.secret.meter.setMinimumWidth(400)  # wraps at the field's width, not narrower
        form.addRow(self.tr("Neue Passphrase"), self.secret.passphrase)
        form.addRow("", self.secret.meter)
        form.addRow(self.tr("Wiederholen"), self.secret.repeat)
        form.addRow("", self.secret.hint)
        layout.addLayout(form)
        self.error = error_label(layout, "recovery_error")
        self.busy = busy_label(layout, self.tr("Verbindung zum Landratsamt, neuer Schlüssel …"))
        buttons = QDialogButtonBox()
        self.recover_button = buttons.addButton(
            self.tr("Zugang wiederherstellen"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Abbrechen"))
        buttons.accepted.connect(self._request)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for field in (self.server, self.code):
            field.textChanged.connect(self._update)
        self.secret.completeChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.recover_button.setEnabled(
            bool(self.server.text().strip() and self.code.text().strip())
            and self.secret.isComplete()
        )

    def _request(self) -> None:
        self.error.hide()
        self.busy.show()
        self.recover_button.setEnabled(False)
        self.recovery_requested.emit(
            self.folder,
            self.server.text().strip(),
            self.code.text().strip(),
            self.secret.passphrase.text(),
        )

    def failed(self, message: str) -> None:
        self.busy.hide()
        show_error(self.error, message)
        self._update()
