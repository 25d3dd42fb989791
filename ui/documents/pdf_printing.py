"""One print run of a PDF: the pages the person chose, painted one by one onto the printer.

Each page is drawn at the printer's resolution (at most :data:`PRINT_MAX_DPI`) on a worker thread by
the preview; :class:`PrintRun` only keeps the printer, the painter and the pages still to send, and
paints each finished page centred on the paper.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrinter

from ui.documents.pdf_render import RenderedPage, to_qimage

__all__ = ["PRINT_MAX_DPI", "PrintRun", "chosen_pages", "prepare_printer"]

# Pages drawn for the printer never go beyond this resolution (memory: about 33 MB a page at 300).
PRINT_MAX_DPI = 300


def prepare_printer(printer: QPrinter, document_name: str, first_page: tuple[float, float]) -> None:
    """Name the job and turn the paper the way the first page is (width, height in points)."""
    printer.setDocName(document_name)
    printer.setFullPage(True)
    width, height = first_page
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape if width > height else QPageLayout.Orientation.Portrait
    )


def chosen_pages(printer: QPrinter, page_count: int) -> list[int]:
    """The 0-based pages of the range chosen in the print dialog (every page when none was)."""
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0 or last <= 0:
        first, last = 1, page_count
    return list(range(max(1, first) - 1, min(page_count, last)))


class PrintRun:
    """The pages still to send to one printer, and the painter once the first page is painted."""

    def __init__(self, printer: QPrinter, pages: list[int]) -> None:
        self.printer = printer
        self._queue = list(pages)
        self._painter: QPainter | None = None
        self.total = len(pages)
        self.sent = 0

    @property
    def dpi(self) -> int:
        return min(self.printer.resolution(), PRINT_MAX_DPI)

    def next_page(self) -> int | None:
        return self._queue[0] if self._queue else None

    def paint(self, rendered: RenderedPage) -> bool:
        """Paint the next page centred on its sheet; False if the printer could not be started."""
        printer = self.printer
        if self._painter is None:
            painter = QPainter()
            if not painter.begin(printer):
                return False
            self._painter = painter
        else:
            printer.newPage()
        image = to_qimage(rendered)
        paper = printer.pageLayout().fullRectPixels(printer.resolution())
        ratio = min(paper.width() / image.width(), paper.height() / image.height())
        width, height = image.width() * ratio, image.height() * ratio
        target = QRectF((paper.width() - width) / 2, (paper.height() - height) / 2, width, height)
        self._painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        self._painter.drawImage(target, image)
        self._queue.pop(0)
        self.sent += 1
        return True

    def finish(self) -> bool:
        """End the document; False if the printer refused it."""
        painter, self._painter = self._painter, None
        return painter.end() if painter is not None else True

    def abort(self) -> None:
        painter, self._painter = self._painter, None
        if painter is not None and painter.isActive():
            painter.end()
