"""Attaching a document (a file, its kind, date, name and note) and editing what is said
about it; the content itself stays as attached."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget

from ...domain import model as m
from ...domain.documents import size_text
from ...domain.enums import DocumentKind
from ..widgets.fields import DateField, DateProblems, EnumCombo
from .base import FormDialog


class DocumentDialog(FormDialog):
    def __init__(
        self, document: m.Document | None, max_mb: int, parent=None, *, path: Path | None = None
    ):
        new = document is None
        super().__init__(
            self.tr("Dokument hinzufügen") if new else self.tr("Dokument bearbeiten"),
            parent,
            self.tr(
                "PDF, Scan oder Foto, höchstens %1 MB. Der Inhalt wird verschlüsselt in der "
                "Falldatei gespeichert und beim Abgleich an das Landratsamt übertragen. "
                "Ärztliche Unterlagen und solche der Traumasprechstunde sind vertraulich: "
                "Name und Notiz erscheinen erst beim Öffnen, jedes Öffnen wird protokolliert."
            ).replace("%1", str(max_mb))
            if new
            else "",
        )
        self.path_edit = None
        if new:
            self.path_edit = QLineEdit(str(path) if path else "")
            self.path_edit.setObjectName("document_path")
            self.path_edit.setPlaceholderText(self.tr("Datei wählen …"))
            choose = QPushButton(self.tr("Durchsuchen …"))
            choose.setObjectName("choose_document")
            choose.clicked.connect(self._choose)
            row = QWidget()
            box = QHBoxLayout(row)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(self.path_edit, 1)
            box.addWidget(choose)
            self.field("file", self.tr("Datei"), row)
            self.dirty.watch(self.path_edit)
        self.kind = self.field("kind", self.tr("Art"), EnumCombo(DocumentKind))
        self.kind.setObjectName("document_kind")
        self.dated_on = self.field(
            "dated_on", self.tr("Datum des Dokuments"), DateField(document and document.dated_on)
        )
        self.title_edit = self.field("title", self.tr("Bezeichnung"), QLineEdit())
        self.title_edit.setObjectName("document_title")
        self.title_edit.setMaxLength(200)
        self.title_edit.setPlaceholderText(self.tr("wie die Datei heißt"))
        self.note = self.field("note", self.tr("Notiz"), QLineEdit())
        self.note.setObjectName("document_note")
        if document is not None:
            self.kind.set_value(document.kind)
            self.title_edit.setText(document.title)
            self.note.setText(document.note)
            self.setToolTip(f"{document.media_type}, {size_text(document.size)}")
        self.dirty.reset()

    def _choose(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Dokument wählen"),
            "",
            self.tr("PDF und Bilder (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.gif *.webp)"),
        )
        if chosen:
            self.path_edit.setText(chosen)

    def values(self) -> dict:
        dates = self.errors.dates(dated_on=self.dated_on)
        values: dict = {
            "kind": self.kind.value(),
            "title": self.title_edit.text().strip(),
            "note": self.note.text().strip(),
            **dates,
        }
        if self.path_edit is not None:
            text = self.path_edit.text().strip()
            if not text:
                raise DateProblems({"file": self.tr("Bitte eine Datei wählen.")})
            values["path"] = Path(text)
        return values
