"""A letter from one of the office's templates for the open case: the template, the
appointment it names, the second language of its fixed phrases, then where to save the
PDF. The letter is recorded in the case (services/letters.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QFileDialog, QLineEdit

from ...domain.letters import LetterTemplate
from ...printing.labels_i18n import LANGUAGE_NAMES, print_language_for
from ..widgets.fields import DateField, DateProblems
from .base import FormDialog


class LetterDialog(FormDialog):
    def __init__(self, templates: list[LetterTemplate], reference: str, client_name: str,
                 preferred_language: str, parent=None):  # fmt: skip
        super().__init__(
            self.tr("Brief an %1").replace("%1", client_name),
            parent,
            self.tr("Vorlagen des Landratsamts; Datum, Uhrzeit und Ort werden eingesetzt, wo "
                    "die Vorlage sie nennt. Der Brief wird in der Akte als Kontakt vermerkt."),
        )  # fmt: skip
        self.reference = reference
        self.template = self.field("template", self.tr("Vorlage"), QComboBox())
        self.template.setObjectName("letter_template")
        for template in templates:
            self.template.addItem(template.title, template.name)
        self.on = self.field("on", self.tr("Datum des Termins"), DateField())
        self.at = self.field("at", self.tr("Uhrzeit"), QLineEdit())
        self.at.setPlaceholderText(self.tr("z. B. 10:30"))
        self.at.setObjectName("letter_time")
        self.place = self.field("place", self.tr("Ort"), QLineEdit())
        self.place.setObjectName("letter_place")
        self.language = self.field("lang", self.tr("Sprache"), QComboBox())
        self.language.addItem(self.tr("Nur Deutsch"), None)
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(self.tr("Deutsch und %1").replace("%1", name), code)
        preferred = print_language_for(preferred_language)
        self.language.setCurrentIndex(max(0, self.language.findData(preferred)))
        ok = self.buttons.button(self.buttons.StandardButton.Ok)
        ok.setText(self.tr("Als PDF speichern …"))
        ok.setEnabled(bool(templates))
        if not templates:
            self.show_error(
                self.tr(
                    "Noch keine Briefvorlagen: Das Landratsamt legt sie an; der Laptop "
                    "erhält sie beim nächsten Abgleich."
                )
            )
        self.dirty.reset()

    def values(self) -> dict:
        dates = self.errors.dates(on=self.on)
        name = self.template.currentText().replace("/", "-").replace("{", "").replace("}", "")
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Brief als PDF speichern"),
            str(Path.home() / f"{name} {self.reference}.pdf"),
            self.tr("PDF-Dateien (*.pdf)"),
        )
        if not path:
            raise DateProblems({})  # not saved: the dialog stays as it is
        return {
            "template": self.template.currentData(),
            "at": self.at.text().strip(),
            "place": self.place.text().strip(),
            "lang": self.language.currentData(),
            "path": Path(path),
            **dates,
        }
