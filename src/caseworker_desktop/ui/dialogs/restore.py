"""Restore a backup as the case file of a profile: one of the profile's own backups (newest
first) or a file chosen elsewhere (a USB stick), and the passphrase the backup was made
under. The controller reads the backup whole in the background and answers with
`failed(message)` or closes us and opens the restored file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from ...storage import backups
from ...storage.profile import BACKUP_DIR_NAME
from ..i18n import format_date
from .base import busy_label, error_label, show_error


def backup_caption(path: Path) -> str:
    """ "Sicherung vom 30.11.2026, 08:15 (täglich)" for the list."""
    try:
        made = backups.made_at(path)
    except ValueError:
        return path.name
    kinds = {
        "scheduled": QCoreApplication.translate("RestoreDialog", "täglich"),
        "manual": QCoreApplication.translate("RestoreDialog", "von Hand"),
        "before-migration": QCoreApplication.translate("RestoreDialog", "vor einem Update"),
    }
    kind = next((text for key, text in kinds.items() if f"-{key}" in path.stem), "")
    local = made.astimezone()
    moment = f"{format_date(local.date())}, {local:%H:%M}"
    caption = QCoreApplication.translate("RestoreDialog", "Sicherung vom %1").replace("%1", moment)
    return f"{caption} ({kind})" if kind else caption


class RestoreDialog(QDialog):
    restore_requested = Signal(str, str, str)  # profile folder, backup file, passphrase

    def __init__(self, folder: str, parent=None):
        super().__init__(parent)
        self.folder = folder
        self.setWindowTitle(self.tr("Sicherung zurückspielen"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "<p>Die Sicherung ersetzt die Falldatei dieses Profils. Die jetzige Falldatei "
                "bleibt als Kopie im Profilordner (<i>replaced-…</i>).</p>"
                "<p>Was seit der Sicherung an das Landratsamt übertragen wurde, kommt mit dem "
                "nächsten Abgleich zurück. Was nur auf diesem Gerät gespeichert war, fehlt.</p>"
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(intro)
        form = QFormLayout()
        self.backup = QComboBox()
        self.backup.setObjectName("restore_backup")
        for path in reversed(backups.kept(Path(folder) / BACKUP_DIR_NAME)):
            self.backup.addItem(backup_caption(path), str(path))
        self.choose_button = QPushButton(self.tr("Andere Datei …"))
        self.choose_button.setObjectName("restore_choose")
        self.choose_button.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.backup, 1)
        row.addWidget(self.choose_button)
        form.addRow(self.tr("Sicherung"), row)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setObjectName("restore_passphrase")
        form.addRow(self.tr("Passphrase der Sicherung"), self.passphrase)
        layout.addLayout(form)
        self.error = error_label(layout, "restore_error")
        self.busy = busy_label(layout, self.tr("Sicherung wird gelesen und geprüft …"))
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(
            self.tr("Zurückspielen"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Abbrechen"))
        buttons.accepted.connect(self._request)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.backup.currentIndexChanged.connect(self._update)
        self.passphrase.textChanged.connect(self._update)
        self._update()

    def _choose(self) -> None:
        start = str(Path(self.folder) / BACKUP_DIR_NAME)
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Sicherung wählen"),
            start,
            self.tr("Sicherungen (*%1 *%2)")
            .replace("%1", backups.SUFFIX)
            .replace("%2", backups.OLD_SUFFIX),
        )
        if path:
            self.backup.insertItem(0, backup_caption(Path(path)) + f" – {path}", path)
            self.backup.setCurrentIndex(0)

    def _update(self) -> None:
        self.restore_button.setEnabled(
            self.backup.currentData() is not None and bool(self.passphrase.text())
        )

    def _request(self) -> None:
        self.error.hide()
        self.busy.show()
        self.restore_button.setEnabled(False)
        self.restore_requested.emit(self.folder, self.backup.currentData(), self.passphrase.text())

    def failed(self, message: str) -> None:
        self.busy.hide()
        show_error(self.error, message)
        self._update()
        self.passphrase.selectAll()
        self.passphrase.setFocus()
