"""PDF pages drawn by PDFium, for the preview and the printer.

:func:`page_sizes` and :func:`render_page` run on worker threads and touch no Qt object; only
:func:`to_qimage` runs on the GUI thread, turning the finished pixels into an image.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import pypdfium2
from PySide6.QtGui import QImage

__all__ = ["RenderedPage", "page_sizes", "render_page", "to_qimage"]

# PDFium is not thread-safe: one call at a time, whichever worker thread makes it.
_PDFIUM_LOCK = threading.Lock()


@dataclass(frozen=True)
class RenderedPage:
    """One page's pixels, RGB, 3 bytes a pixel, rows packed."""

    index: int
    scale: float
    width: int
    height: int
    rgb: bytes


def page_sizes(data: bytes) -> list[tuple[float, float]]:
    """Each page's (width, height) in points. Raises ValueError for bytes that are not a PDF."""
    with _PDFIUM_LOCK:
        try:
            document = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError as error:
            raise ValueError(f"not a readable PDF: {error}") from error
        try:
            sizes = []
            for index in range(len(document)):
                page = document[index]
                sizes.append(page.get_size())
                page.close()
            return sizes
        finally:
            document.close()


def render_page(data: bytes, index: int, scale: float) -> RenderedPage:
    """Page ``index`` drawn at ``scale`` pixels per point (1.0 = 72 dpi), on white."""
    with _PDFIUM_LOCK:
        document = pypdfium2.PdfDocument(data)
        try:
            page = document[index]
            try:
                bitmap = page.render(scale=scale, may_draw_forms=True)
                image = bitmap.to_pil().convert("RGB")
                bitmap.close()
            finally:
                page.close()
        finally:
            document.close()
    return RenderedPage(index, scale, image.width, image.height, image.tobytes())


def to_qimage(page: RenderedPage) -> QImage:
    """A QImage owning its own copy of the pixels (call on the GUI thread)."""
    image = QImage(page.rgb, page.width, page.height, page.width * 3, QImage.Format.Format_RGB888)
    return image.copy()
