"""PDF pages to PNG images (for the print preview and for printers): pdfium, no Qt."""

from __future__ import annotations

import io

import pypdfium2 as pdfium


def pdf_pages_to_png(pdf: bytes, dpi: int = 150) -> list[bytes]:
    document = pdfium.PdfDocument(pdf)
    try:
        pages = []
        for index in range(len(document)):
            page = document[index]
            image = page.render(scale=dpi / 72).to_pil()
            buffer = io.BytesIO()
            image.save(buffer, format="PNG")
            pages.append(buffer.getvalue())
            page.close()
        return pages
    finally:
        document.close()


def pdf_page_to_png(pdf: bytes, index: int, width: int) -> tuple[bytes, int]:
    """Page `index` of a PDF as PNG, `width` pixels wide, and the number of pages (the
    document preview). Raises ValueError for what pdfium cannot read."""
    try:
        document = pdfium.PdfDocument(pdf)
    except pdfium.PdfiumError as exc:
        raise ValueError("not a readable PDF") from exc
    try:
        count = len(document)
        if count == 0:
            raise ValueError("a PDF without pages")
        page = document[min(max(index, 0), count - 1)]
        scale = width / max(page.get_width(), 1)
        buffer = io.BytesIO()
        page.render(scale=scale).to_pil().save(buffer, format="PNG")
        page.close()
        return buffer.getvalue(), count
    finally:
        document.close()
