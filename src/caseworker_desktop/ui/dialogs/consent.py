"""Consents (Einwilligung) and releases (Schweigepflichtentbindung): what was signed, for
whom, from and until when; and the client's withdrawal."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit

from ...domain import model as m
from ...domain.enums import ConsentKind, ConsentRecipient
from ...services import Release
from ..i18n import enum_label, format_date
from ..widgets.fields import DateField, DateProblems, EnumCombo
from .base import FormDialog


class ConsentDialog(FormDialog):
    """A new consent as signed on paper. Nothing is pre-filled that the form must say."""

    def __init__(self, parent=None, recipient: ConsentRecipient | None = None):
        super().__init__(
            self.tr("Einwilligung erfassen"),
            parent,
            self.tr(
                "Wie auf dem unterschriebenen Formular: was, an wen, ab wann und bis wann. "
                "Ein Widerruf gilt ab seinem Datum."
            ),
        )
        self.kind = self.field("kind", self.tr("Art"), EnumCombo(ConsentKind))
        self.kind.set_value(ConsentKind.CONFIDENTIALITY_RELEASE)
        self.recipient = self.field(
            "recipient", self.tr("Empfänger"), EnumCombo(ConsentRecipient, allow_empty=True)
        )
        self.recipient.set_value(recipient)
        self.scope = self.field("scope", self.tr("Zweck"), QLineEdit())
        self.scope.setPlaceholderText(self.tr("z. B. Abklärung in der Traumasprechstunde"))
        self.given_on = self.field("given_on", self.tr("Unterschrieben am"), DateField())
        self.valid_until = self.field("valid_until", self.tr("Gültig bis"), DateField())
        self.valid_until.setToolTip(self.tr("Leer lassen, wenn sie bis zum Widerruf gilt."))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.dirty.reset()

    def _kind_changed(self, *_args) -> None:
        release = self.kind.value() is ConsentKind.CONFIDENTIALITY_RELEASE
        self.recipient.setEnabled(release)
        if not release:
            self.recipient.set_value(None)

    def values(self) -> dict:
        dates = self.errors.dates(given_on=self.given_on, valid_until=self.valid_until)
        if dates["given_on"] is None:
            raise DateProblems({"given_on": self.tr("Bitte das Datum der Unterschrift eintragen.")})
        return {
            "kind": self.kind.value(),
            "recipient": self.recipient.value(),
            "scope": self.scope.text().strip(),
            **dates,
        }


class WithdrawConsentDialog(FormDialog):
    def __init__(self, consent: m.ConsentRecord, today: date, parent=None):
        what = enum_label(consent.kind)
        if consent.recipient is not None:
            what += f" – {enum_label(consent.recipient)}"
        super().__init__(
            self.tr("Einwilligung widerrufen"),
            parent,
            self.tr("%1, erteilt am %2. Ab dem Widerruf geht nichts mehr an diese Stelle.")
            .replace("%1", what)
            .replace("%2", format_date(consent.given_on)),
        )
        self.buttons.button(self.buttons.StandardButton.Ok).setText(self.tr("Widerrufen"))
        self.withdrawn_on = self.field("withdrawn_on", self.tr("Widerrufen am"), DateField(today))
        self.dirty.reset()

    def values(self) -> dict:
        dates = self.errors.dates(withdrawn_on=self.withdrawn_on)
        if dates["withdrawn_on"] is None:
            raise DateProblems(
                {"withdrawn_on": self.tr("Bitte das Datum des Widerrufs eintragen.")}
            )
        return dates


class ReleaseFields(QObject):
    """In a referral dialog: the release that referral needs, if none is on record —
    signed now and recorded with the referral in one step."""

    def __init__(
        self,
        dialog: FormDialog,
        recipient: ConsentRecipient,
        on_record: m.ConsentRecord | None,
    ):
        super().__init__(dialog)
        self.on_record = on_record
        name = enum_label(recipient)
        if on_record is not None:
            until = (
                self.tr("gültig bis %1").replace("%1", format_date(on_record.valid_until))
                if on_record.valid_until
                else self.tr("gültig bis zum Widerruf")
            )
            state = QLabel(
                self.tr("✓ Liegt vor: erteilt am %1, %2.")
                .replace("%1", format_date(on_record.given_on))
                .replace("%2", until)
            )
            state.setObjectName("release_on_record")
            state.setStyleSheet("color: #1e6b2a;")
            dialog.form.addRow(self.tr("Schweigepflichtentbindung"), state)
            return
        self.signed = dialog.field(
            "release",
            self.tr("Schweigepflichtentbindung"),
            QCheckBox(self.tr("für „%1“ jetzt unterschrieben").replace("%1", name)),
        )
        self.signed.setObjectName("release_signed")
        self.given_on = dialog.field("given_on", self.tr("Unterschrieben am"), DateField())
        self.valid_until = dialog.field("valid_until", self.tr("Gültig bis"), DateField())
        self.signed.toggled.connect(self._toggled)
        self._toggled(False)
        self.errors = dialog.errors

    def _toggled(self, on: bool) -> None:
        self.given_on.setEnabled(on)
        self.valid_until.setEnabled(on)

    def value(self) -> Release | None:
        """The release signed now, or None (on record, or not signed)."""
        if self.on_record is not None or not self.signed.isChecked():
            return None
        dates = self.errors.dates(given_on=self.given_on, valid_until=self.valid_until)
        if dates["given_on"] is None:
            raise DateProblems({"given_on": self.tr("Bitte das Datum der Unterschrift eintragen.")})
        return Release(given_on=dates["given_on"], valid_until=dates["valid_until"])
