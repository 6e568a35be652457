"""Print preview, printing and "save as PDF" of the help plan. The PDF is rendered and
rasterised on the worker (printing/, no Qt); the GUI thread only paints finished images."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QRect, Qt, Signal
from PySide6.QtGui import QImage, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from ..domain.errors import CaseworkerError
from .dialogs.print_plan import PREVIEW, PRINT, SAVE_PDF, PrintPlanDialog
from .session import Session

PREVIEW_DPI = 110
PRINT_DPI = 300


def new_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(True)
    return printer


def document_name(last_name: str, first_name: str, day: date) -> str:
    """What a printout is called, fit for a file name: Hilfeplan Kovalenko Olena 2026-11-30."""
    name = f"Hilfeplan {last_name} {first_name} {day.isoformat()}"
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", name)
    return re.sub(r"\s+", " ", name).strip()


def paint_pages(printer: QPrinter, images: list[QImage]) -> None:
    """Each rendered page onto one printer page, scaled to fit, aspect ratio kept."""
    painter = QPainter(printer)
    try:
        for index, image in enumerate(images):
            if index:
                printer.newPage()
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(QRect(area.x(), area.y(), size.width(), size.height()))
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(area)
    finally:
        painter.end()


class PlanPrinter(QObject):
    """One print job at a time for the help plan of a case."""

    status = Signal(str)

    def __init__(self, session: Session, parent: QWidget):
        super().__init__(parent)
        self.session = session
        self.parent_widget = parent
        self.dialog: PrintPlanDialog | None = None
        self.preview: QPrintPreviewDialog | None = None
        self.images: list[QImage] = []
        self.printer: QPrinter | None = None
        self.print_dialog: QPrintDialog | None = None
        self.document_name = "Hilfeplan"
        self.job: tuple = ("", None, False)

    def start(
        self,
        case_id: str,
        preferred_language: str,
        has_trauma: bool,
        document_name: str = "Hilfeplan",
    ) -> PrintPlanDialog:
        """document_name: what a saved PDF is called by default (client and date)."""
        self.case_id = case_id
        self.document_name = document_name
        dialog = PrintPlanDialog(preferred_language, has_trauma, self.parent_widget)
        dialog.requested.connect(self._requested)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _requested(self, action: str, lang, include_trauma: bool) -> None:
        printing = self.session.services.printing
        case_id = self.case_id
        if action == SAVE_PDF:
            path, _ = QFileDialog.getSaveFileName(
                self.dialog,
                self.tr("Hilfeplan als PDF speichern"),
                str(Path.home() / f"{self.document_name}.pdf"),
                self.tr("PDF-Dateien (*.pdf)"),
            )
            if path:
                self.save_pdf(Path(path), lang, include_trauma)
            return
        dpi = PREVIEW_DPI if action == PREVIEW else PRINT_DPI

        def work():
            pdf, plan_id = printing.render_pdf(case_id, lang=lang, include_trauma=include_trauma)
            return plan_id, _pdf_pages_to_png(pdf, dpi)

        def done(result) -> None:
            plan_id, pages = result
            self.job = (plan_id, lang, include_trauma)
            self.images = [QImage.fromData(png) for png in pages]
            if action == PREVIEW:
                self.show_preview()
            else:
                self.show_print_dialog()

        self.session.call(work, done, self._failed)

    def save_pdf(self, path: Path, lang, include_trauma: bool) -> None:
        printing = self.session.services.printing
        case_id = self.case_id
        self.session.call(
            lambda: printing.print_help_plan(
                case_id, path, lang=lang, include_trauma=include_trauma
            ),
            lambda _r: self._done(self.tr("PDF gespeichert: %1").replace("%1", str(path))),
            self._failed,
        )

    def show_preview(self) -> QPrintPreviewDialog:
        # Qt does not own the printer: keep it alive as long as the dialog
        self.printer = new_printer()
        self.printer.setDocName(self.document_name)
        preview = QPrintPreviewDialog(self.printer, self.dialog)
        preview.setWindowTitle(self.tr("Druckvorschau – Hilfeplan"))
        preview.resize(900, 1000)
        preview.paintRequested.connect(lambda printer: paint_pages(printer, self.images))
        # Qt accepts the preview when its own print button has printed: record that print.
        preview.accepted.connect(self._record_print)
        self.preview = preview
        preview.open()
        return preview

    def _record_print(self) -> None:
        plan_id, lang, include_trauma = self.job
        printing = self.session.services.printing
        self.session.call(
            lambda: printing.record_print(plan_id, lang, include_trauma, "printer"),
            lambda _r: self._done(self.tr("Hilfeplan an den Drucker gesendet.")),
            self._failed,
        )

    def show_print_dialog(self) -> QPrintDialog:
        self.printer = printer = new_printer()
        printer.setDocName(self.document_name)
        if not QPrinterInfo.availablePrinters():  # only "print to file": name the file
            printer.setOutputFileName(str(Path.home() / f"{self.document_name}.pdf"))
        dialog = QPrintDialog(printer, self.dialog)
        dialog.setWindowTitle(self.tr("Hilfeplan drucken"))
        dialog.accepted.connect(lambda: self._print(printer))
        self.print_dialog = dialog
        # PySide6 binds only QPrintDialog.open(receiver, member); this is QDialog's open()
        QDialog.open(dialog)
        return dialog

    def _print(self, printer: QPrinter) -> None:
        paint_pages(printer, self.images)
        self._record_print()  # once the printer has the pages

    def _done(self, message: str) -> None:
        self.status.emit(message)
        if self.dialog is not None:
            self.dialog.accept()

    def _failed(self, exc: BaseException) -> None:
        if self.dialog is None:
            return
        if isinstance(exc, CaseworkerError):
            self.dialog.show_error(str(exc))
        else:
            self.dialog.show_error(self.tr("Der Hilfeplan konnte nicht gedruckt werden."))
            self.session.ops.failed.emit(exc)


__all__ = [
    "PREVIEW",
    "PRINT",
    "SAVE_PDF",
    "PlanPrinter",
    "document_name",
    "new_printer",
    "paint_pages",
]


def _pdf_pages_to_png(*args, **kwargs) -> list[bytes]:
    from ..printing.raster import pdf_pages_to_png  # pdfium: when a plan is first shown

    return pdf_pages_to_png(*args, **kwargs)
