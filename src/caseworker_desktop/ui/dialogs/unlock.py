"""Unlock dialog (with profile chooser) and the first-run wizard."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from ...storage.passphrase import strength
from ...storage.vault import MIN_PASSPHRASE_LENGTH
from .base import busy_label, error_label, show_error


class UnlockDialog(QDialog):
    """Choose a profile and enter its passphrase. The (slow, deliberate) key derivation
    runs in the background; the controller answers with `failed(message)` or closes us."""

    unlock_requested = Signal(str, str)  # profile folder, passphrase
    new_profile_requested = Signal()
    recovery_requested = Signal(str)  # profile folder: the passphrase is forgotten
    restore_requested = Signal(str)  # profile folder: its file is to come from a backup

    def __init__(self, profiles: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Caseworker Desktop – Entsperren"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("<h2>Falldatei entsperren</h2>"))
        layout.addWidget(heading)
        form = QFormLayout()
        self.profile = QComboBox()
        self.profile.setEditable(False)
        for path in profiles:
            self.profile.addItem(Path(path).name + f"  ({path})", path)
        form.addRow(self.tr("Profil"), self.profile)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setObjectName("passphrase")
        form.addRow(self.tr("Passphrase"), self.passphrase)
        layout.addLayout(form)
        self.error = error_label(layout, "unlock_error")
        self.busy = busy_label(layout, self.tr("Schlüssel wird abgeleitet …"))
        buttons = QDialogButtonBox()
        self.unlock_button = buttons.addButton(
            self.tr("Entsperren"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.unlock_button.setDefault(True)
        open_other = QPushButton(self.tr("Andere Falldatei …"))
        new_profile = QPushButton(self.tr("Neues Profil …"))
        self.forgot_button = QPushButton(self.tr("Passphrase vergessen …"))
        self.restore_button = QPushButton(self.tr("Sicherung zurückspielen …"))
        buttons.addButton(self.forgot_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(open_other, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(new_profile, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self._request)
        buttons.rejected.connect(self.reject)
        open_other.clicked.connect(self._choose_folder)
        new_profile.clicked.connect(self.new_profile_requested.emit)
        self.forgot_button.clicked.connect(self._forgot)
        self.restore_button.clicked.connect(self._restore)
        layout.addWidget(buttons)
        self.passphrase.setFocus()

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Profilordner wählen"))
        if folder:
            self.profile.insertItem(0, Path(folder).name + f"  ({folder})", folder)
            self.profile.setCurrentIndex(0)

    def _forgot(self) -> None:
        if self.profile.currentData() is None:
            self.failed(self.tr("Bitte zuerst ein Profil wählen oder anlegen."))
            return
        self.recovery_requested.emit(self.profile.currentData())

    def _restore(self) -> None:
        if self.profile.currentData() is None:
            self.failed(self.tr("Bitte zuerst ein Profil wählen oder anlegen."))
            return
        self.restore_requested.emit(self.profile.currentData())

    def _request(self) -> None:
        if self.profile.currentData() is None:
            self.failed(self.tr("Bitte zuerst ein Profil wählen oder anlegen."))
            return
        if not self.passphrase.text():
            self.failed(self.tr("Bitte die Passphrase eingeben."))
            return
        self.error.hide()
        self.busy.show()
        self.unlock_button.setEnabled(False)
        self.unlock_requested.emit(self.profile.currentData(), self.passphrase.text())

    def failed(self, message: str) -> None:
        self.busy.hide()
        self.unlock_button.setEnabled(True)
        show_error(self.error, message)
        self.passphrase.selectAll()
        self.passphrase.setFocus()


class FirstRunWizard(QWizard):
    """Create a profile: who, where, passphrase; then the recovery note."""

    create_requested = Signal(str, str, str, str)  # folder, username, display name, passphrase

    def __init__(self, default_folder: Path, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Neues Profil einrichten"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setMinimumSize(560, 420)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Weiter >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Zurück"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Fertig"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Abbrechen"))
        self.default_folder = default_folder

        who = QWizardPage()
        who.setTitle(self.tr("Willkommen"))
        who.setSubTitle(
            self.tr(
                "Caseworker Desktop speichert Ihre Fälle verschlüsselt auf diesem Laptop. "
                "Zuerst legen wir Ihr Profil an."
            )
        )
        form = QFormLayout(who)
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.display_name = QLineEdit()
        self.folder = QLineEdit(str(default_folder))
        form.addRow(self.tr("Benutzername"), self.username)
        form.addRow(self.tr("Anzeigename"), self.display_name)
        form.addRow(self.tr("Ordner"), self.folder)
        who.registerField("username*", self.username)
        self.username.textChanged.connect(self._suggest_folder)
        self.addPage(who)

        secret = PassphrasePage(self)
        self.addPage(secret)
        self.secret_page = secret
        for field in (self.username, self.display_name):  # own names: guessed first
            field.textChanged.connect(self._names_changed)

        note = QWizardPage()
        note.setTitle(self.tr("Wichtiger Hinweis zur Wiederherstellung"))
        text = QLabel(
            self.tr(
                "<p>Ihre Passphrase ist der einzige Schlüssel zu dieser Falldatei. Sie wird "
                "nirgends gespeichert und kann nicht angezeigt werden.</p>"
                "<p>Vergessen Sie die Passphrase, stellt das Landratsamt den Zugang mit "
                "seinem Wiederherstellungsschlüssel wieder her, sobald dieses Gerät "
                "angemeldet ist (Synchronisation). Bis dahin gibt es keinen anderen Weg.</p>"
                "<p>Bewahren Sie die Passphrase nicht auf dem Laptop auf. Der Laptop sperrt "
                "sich nach einigen Minuten ohne Eingabe selbst.</p>"
            )
        )
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        QVBoxLayout(note).addWidget(text)
        self.addPage(note)
        self.accepted.connect(self._emit)

    def _names_changed(self, _text: str) -> None:
        words = f"{self.username.text()} {self.display_name.text()}".split()
        self.secret_page.user_inputs = tuple(w for w in words if len(w) > 2)

    def _suggest_folder(self, name: str) -> None:
        self.folder.setText(str(self.default_folder.parent / (name.strip() or "profil")))

    def _emit(self) -> None:
        self.create_requested.emit(
            self.folder.text().strip(),
            self.username.text().strip(),
            self.display_name.text().strip() or self.username.text().strip(),
            self.secret_page.passphrase.text(),
        )


def _label(text: str) -> str:
    return QCoreApplication.translate("Label", text)


class PassphrasePage(QWizardPage):
    """A new passphrase, twice, with its strength as you type (wizard and recovery)."""

    def __init__(self, wizard):
        super().__init__()
        self.setTitle(self.tr("Passphrase festlegen"))
        self.setSubTitle(
            self.tr(
                "Mindestens %1 Zeichen, schwer zu erraten. Ein Satz aus mehreren "
                "ungewöhnlichen Wörtern ist gut merkbar."
            ).replace("%1", str(MIN_PASSPHRASE_LENGTH))
        )
        form = QFormLayout(self)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setObjectName("new_passphrase")
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setObjectName("repeat_passphrase")
        self.meter = QLabel()
        self.meter.setObjectName("passphrase_strength")
        self.meter.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #c0392b;")
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow("", self.meter)
        form.addRow(self.tr("Wiederholen"), self.repeat)
        form.addRow("", self.hint)
        self.user_inputs: tuple[str, ...] = ()
        self.passphrase.textChanged.connect(self.completeChanged)
        self.repeat.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        text, again = self.passphrase.text(), self.repeat.text()
        rating = strength(text, self.user_inputs)
        self._show(rating)
        if not rating.ok:
            self.hint.setText("")
            return False
        if text != again:
            self.hint.setText(self.tr("Die Eingaben stimmen nicht überein."))
            return False
        self.hint.setText("")
        return True

    def _show(self, rating) -> None:
        """Strength as you type: level and what would help (zxcvbn, in German)."""
        colour = "#1e8449" if rating.ok else "#c0392b"
        text = self.tr("Stärke: %1").replace("%1", _label(rating.level))
        if rating.feedback:
            text += " – " + " ".join(_label(line) for line in rating.feedback)
        self.meter.setText(text)
        self.meter.setStyleSheet(f"color: {colour};")
