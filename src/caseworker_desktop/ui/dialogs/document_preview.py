"""Looking at a document inside the app: images via Qt, PDFs page by page via pdfium. The
content stays in memory; "Mit Standardprogramm öffnen" hands a temporary copy to the
system's viewer (storage.viewer_copies), which is removed again."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
)

from ...domain import model as m
from ...domain.documents import SUFFIXES, size_text
from ...domain.errors import CaseworkerError
from ..i18n import enum_label, format_date
from ..session import Session

PAGE_WIDTH = 820  # pixels a page is rendered at: the width of the dialog's view


class PreviewDialog(QDialog):
    def __init__(self, session: Session, document: m.Document, data: bytes, parent=None):
        super().__init__(parent)
        self.session, self.document, self.data = session, document, data
        self.setWindowTitle(self.tr("Dokument: %1").replace("%1", document.title))
        self.setObjectName("document_preview")
        room = self.screen().availableGeometry()  # 1280×720 at 125 %: 1024×576 less a bar
        self.resize(min(900, room.width() - 40), min(640, room.height() - 60))
        layout = QVBoxLayout(self)
        facts = [enum_label(document.kind), format_date(document.dated_on),
                 size_text(document.size), document.note]  # fmt: skip
        about = QLabel(" · ".join(f for f in facts if f))
        about.setWordWrap(True)
        layout.addWidget(about)
        self.image = QLabel()
        self.image.setObjectName("preview_image")
        self.image.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.image)
        layout.addWidget(scroll, 1)
        pages = QHBoxLayout()
        self.previous = QPushButton(self.tr("◀ Vorige Seite"))
        self.previous.clicked.connect(lambda: self.show_page(self.page - 1))
        self.next = QPushButton(self.tr("Nächste Seite ▶"))
        self.next.setObjectName("next_page")
        self.next.clicked.connect(lambda: self.show_page(self.page + 1))
        self.page_label = QLabel()
        self.page_label.setObjectName("page_label")
        pages.addWidget(self.previous)
        pages.addWidget(self.page_label)
        pages.addWidget(self.next)
        pages.addStretch(1)
        self.open_button = QPushButton(self.tr("Mit Standardprogramm öffnen"))
        self.open_button.setObjectName("open_externally")
        self.open_button.setToolTip(
            self.tr(
                "Öffnet eine vorübergehende Kopie; sie wird beim Sperren, beim Beenden und "
                "spätestens nach 10 Minuten gelöscht."
            )
        )
        self.open_button.clicked.connect(self.open_externally)
        self.save_button = QPushButton(self.tr("Kopie speichern …"))
        self.save_button.setObjectName("save_copy")
        self.save_button.clicked.connect(self.save_copy)
        close = QPushButton(self.tr("Schließen"))
        close.clicked.connect(self.accept)
        for button in (self.open_button, self.save_button, close):
            pages.addWidget(button)
        layout.addLayout(pages)
        self.page, self.pages = 0, 1
        self.show_page(0)

    def show_page(self, index: int) -> None:
        if self.document.media_type == "application/pdf":
            from ...printing.raster import pdf_page_to_png  # pdfium: when used

            try:
                png, self.pages = pdf_page_to_png(self.data, index, PAGE_WIDTH)
            except ValueError:
                self._unreadable()
                return
            image = QImage.fromData(QByteArray(png), "PNG")
        else:
            image = QImage.fromData(QByteArray(self.data))
            self.pages = 1
        if image.isNull():
            self._unreadable()
            return
        self.page = min(max(index, 0), self.pages - 1)
        if image.width() > PAGE_WIDTH:
            image = image.scaledToWidth(PAGE_WIDTH, Qt.TransformationMode.SmoothTransformation)
        self.image.setPixmap(QPixmap.fromImage(image))
        shown = self.tr("Seite %1 von %2").replace("%1", str(self.page + 1))
        self.page_label.setText(shown.replace("%2", str(self.pages)))
        self.previous.setEnabled(self.page > 0)
        self.next.setEnabled(self.page < self.pages - 1)
        for widget in (self.previous, self.next, self.page_label):
            widget.setVisible(self.pages > 1)

    def _unreadable(self) -> None:
        self.image.setText(
            self.tr(
                "Für diese Datei gibt es keine Vorschau (beschädigt oder ein Format, das "
                "hier nicht dargestellt wird). „Mit Standardprogramm öffnen“ versuchen."
            )
        )
        self.image.setWordWrap(True)
        for widget in (self.previous, self.next, self.page_label):
            widget.hide()

    def open_externally(self) -> None:
        name = self.document.title
        suffix = SUFFIXES.get(self.document.media_type, "")
        if not name.lower().endswith(suffix):
            name += suffix
        try:
            path = self.session.viewer_copies.write(name, self.data)
        except OSError:
            QMessageBox.warning(
                self,
                self.tr("Öffnen nicht möglich"),
                self.tr("Die vorübergehende Kopie konnte nicht angelegt werden."),
            )
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            QMessageBox.warning(
                self,
                self.tr("Öffnen nicht möglich"),
                self.tr("Für diese Dateiart ist kein Programm eingerichtet."),
            )

    def save_copy(self) -> None:
        suffix = SUFFIXES.get(self.document.media_type, "")
        suggested = self.document.title
        if not suggested.lower().endswith(suffix):
            suggested += suffix
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Kopie speichern"), suggested)
        if not path:
            return
        documents = self.session.services.documents

        def failed(exc: BaseException) -> None:
            message = str(exc) if isinstance(exc, CaseworkerError | OSError) else ""
            QMessageBox.warning(self, self.tr("Speichern fehlgeschlagen"), message)

        self.session.call(
            lambda: documents.save_copy(self.document.id, path), lambda _d: None, failed
        )
