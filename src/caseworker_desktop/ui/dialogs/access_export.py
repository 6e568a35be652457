"""Before an access export (GDPR Art. 15): what it contains, and the explicit choice to
include trauma content (audited)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout


class AccessExportDialog(QDialog):
    chosen = Signal(bool)  # include trauma content

    def __init__(self, name: str, has_trauma: bool, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Auskunft nach Art. 15 DSGVO"))
        self.setModal(True)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Alles, was dieser Laptop über %1 gespeichert hat (alle Fälle, auch gelöschte "
                "Einträge), wer es gesehen oder geändert hat und an wen Daten gingen: als PDF "
                "für die Person und als JSON-Datei mit jedem gespeicherten Feld. Die Geräte, "
                "die die Akte empfangen haben, nennt die Auskunft des Landratsamts."
            ).replace("%1", name)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.trauma = QCheckBox(
            self.tr("Angaben der Traumasprechstunde aufnehmen (vertraulich, wird protokolliert)")
        )
        self.trauma.setObjectName("access_trauma")
        self.trauma.setEnabled(has_trauma)
        layout.addWidget(self.trauma)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Ordner wählen und erstellen …"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        self.accept()
        self.chosen.emit(self.trauma.isChecked())
