"""Documents of the person: residence permit, certificates, the signed help plan, … Attach by
button or by dropping files on the list; look at them inside the app. Confidential ones
(doctors' letters, the trauma consultation's) show their kind only, until opened."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QPushButton

from ....domain.documents import size_text
from ....services import ClientFile
from ....services.documents import Listed
from ...dialogs.document import DocumentDialog
from ...dialogs.document_preview import PreviewDialog
from ...i18n import enum_label, format_date
from ...models.records import Column
from ...session import Session
from ..common import run_form
from .base import ListTab


class DocumentsTab(ListTab):
    def __init__(self, session: Session, parent=None):
        super().__init__(
            session,
            [
                Column(
                    self.tr("Datum"),
                    lambda d: format_date(d.document.dated_on),
                    sort=lambda d: str(d.document.dated_on or ""),
                ),
                Column(self.tr("Art"), lambda d: enum_label(d.document.kind)),
                Column(self.tr("Bezeichnung"), self._title, tooltip=lambda d: d.document.note),
                Column(
                    self.tr("Größe"),
                    lambda d: size_text(d.document.size),
                    sort=lambda d: d.document.size,
                    align_right=True,
                ),
                Column(self.tr("Verfügbar"), self._where),
                Column(self.tr("Notiz"), lambda d: d.document.note),
            ],
            self.tr(
                "Noch keine Dokumente.\n„Dokument hinzufügen“ oder eine Datei hierher ziehen "
                "(PDF, Scan, Foto)."
            ),
            parent,
        )
        for col, width in enumerate((85, 150, 210, 65, 90)):
            self.table.setColumnWidth(col, width)
        self.add_button = QPushButton(self.tr("Dokument hinzufügen …"))
        self.add_button.setObjectName("add_document")
        self.add_button.clicked.connect(lambda: self.add())
        self.view_button = QPushButton(self.tr("Ansehen"))
        self.view_button.setObjectName("view_document")
        self.view_button.clicked.connect(self.view)
        self.edit_button = QPushButton(self.tr("Bearbeiten"))
        self.edit_button.setObjectName("edit_document")
        self.edit_button.clicked.connect(self.edit)
        self.delete_button = QPushButton(self.tr("Löschen"))
        self.delete_button.setObjectName("delete_document")
        self.delete_button.clicked.connect(self.delete)
        self.add_buttons(self.add_button, self.view_button, self.edit_button, self.delete_button)
        self.table.doubleClicked.disconnect()
        self.table.doubleClicked.connect(lambda _index: self.view())
        self.setAcceptDrops(True)
        self.preview: PreviewDialog | None = None

    def _title(self, listed: Listed) -> str:
        """A document of another case of the person says which."""
        document = listed.document
        if self.data is not None and document.case_id != self.data.case.id:
            return (
                self.tr("%1 (Fall %2)")
                .replace("%1", document.title)
                .replace("%2", listed.case_reference)
            )
        return document.title

    def _where(self, listed: Listed) -> str:
        return self.tr("ja") if listed.here else self.tr("nach dem Abgleich")

    def show_data(self, data: ClientFile) -> None:
        self.data = data
        self.set_records(data.documents)

    def set_read_only(self, on: bool) -> None:
        """A team lead's review: documents can be looked at, not changed."""
        self.read_only = on
        for button in (self.add_button, self.edit_button, self.delete_button):
            button.setVisible(not on)

    # --- drag and drop -------------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:
        if not self.read_only and self.data is not None and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.add(Path(files[0]))

    # --- actions -------------------------------------------------------------------------

    def add(self, path: Path | None = None) -> None:
        if self.data is None:
            return
        case_id = self.data.case.id
        documents = self.session.services.documents

        def save(values: dict):
            return documents.attach(case_id, values.pop("path"), **values)

        self.dialog = run_form(
            self.session,
            DocumentDialog(None, documents.max_mb, self, path=path),
            save,
            lambda _d: self.changed.emit(),
        )

    def _chosen(self) -> Listed | None:
        listed = self.selected()
        if listed is None:
            return None
        if listed.document.confidential and (
            QMessageBox.question(
                self,
                self.tr("Vertrauliches Dokument"),
                self.tr(
                    "Dieses Dokument enthält Gesundheitsdaten. Öffnen? Das Öffnen wird "
                    "protokolliert."
                ),
            )
            != QMessageBox.StandardButton.Yes
        ):
            return None
        return listed

    def view(self) -> None:
        listed = self._chosen()
        if listed is None:
            return
        documents = self.session.services.documents

        def shown(result) -> None:
            document, data = result
            self.preview = PreviewDialog(self.session, document, data, self)
            self.preview.open()

        self.session.call(
            lambda: documents.content(listed.document.id),
            shown,
            title=self.tr("Ansehen nicht möglich"),
            parent=self,
        )

    def edit(self) -> None:
        listed = self._chosen()
        if listed is None or self.read_only:
            return
        documents = self.session.services.documents

        def opened(document) -> None:
            self.dialog = run_form(
                self.session,
                DocumentDialog(document, documents.max_mb, self),
                lambda values: documents.update(document.id, **values),
                lambda _d: self.changed.emit(),
            )

        self.session.call(
            lambda: documents.open(listed.document.id),
            opened,
            title=self.tr("Bearbeiten nicht möglich"),
            parent=self,
        )

    def delete(self) -> None:
        listed = self.selected()
        if listed is None:
            return
        if (
            QMessageBox.question(
                self,
                self.tr("Dokument löschen"),
                self.tr(
                    "Dieses Dokument löschen? Es wird auch beim Landratsamt und auf den "
                    "anderen Geräten gelöscht."
                ),
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        documents = self.session.services.documents
        self.session.call(
            lambda: documents.delete(listed.document.id),
            lambda _r: self.changed.emit(),
            title=self.tr("Löschen nicht möglich"),
            parent=self,
        )
