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
