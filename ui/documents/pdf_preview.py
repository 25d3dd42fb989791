"""A PDF shown page by page, with Print… and Save as PDF….

The bytes shown are the bytes given (for an acknowledgment: the stored document, never a new
rendering). Pages are drawn by PDFium on a worker thread, only those near the visible part of the
document, so a long report neither freezes the window nor fills the memory; the GUI thread only turns
the finished pixels into an image.

Printing goes through the system's print dialog, then each page is drawn again at the printer's
resolution (on a worker thread, one page at a time) and painted onto the printer. Saving writes the
exact bytes. When the dialog is given ``fetch_for``, print and save ask it for the bytes again with
the action ("print", "export") so that the audit trail says what happened to the document.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2
from PySide6.QtCore import QEvent, QObject, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QImage,
    QKeyEvent,
    QKeySequence,
    QPageLayout,
    QPainter,
    QPixmap,
    QShortcut,
    QShowEvent,
)
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.kit.errors import error_text
from ui.kit.forms import em
from ui.kit.worker import TaskHandle, TaskRunner

__all__ = [
    "PRINT_MAX_DPI",
    "PdfPreviewDialog",
    "RenderedPage",
    "page_sizes",
    "render_page",
    "to_qimage",
]

log = logging.getLogger(__name__)

#: PDFium is not thread-safe: one call at a time, whichever worker thread makes it.
_PDFIUM_LOCK = threading.Lock()
#: Pages drawn for the printer never go beyond this resolution (memory: about 33 MB a page at 300).
PRINT_MAX_DPI = 300
#: Pages drawn on either side of the visible ones; pages further away give their pixels back.
PAGES_AROUND = 1
PAGES_KEPT = 4
PAGE_GAP = 12
ZOOM_LEVELS = (50, 75, 100, 125, 150, 200)
FIT_WIDTH = 0


# ---------------------------------------------------------------- worker-thread side (no Qt)


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


# ---------------------------------------------------------------- GUI-thread side


def to_qimage(page: RenderedPage) -> QImage:
    """A QImage owning its own copy of the pixels (call on the GUI thread)."""
    image = QImage(page.rgb, page.width, page.height, page.width * 3, QImage.Format.Format_RGB888)
    return image.copy()


class _PageLabel(QLabel):
    def __init__(self, index: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.index = index
        self.rendered_scale = 0.0
        self.setObjectName("pdfPage")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def forget(self) -> None:
        if self.rendered_scale:
            self.setPixmap(QPixmap())
            self.rendered_scale = 0.0


class PdfPreviewDialog(QDialog):
    """Shows ``data`` (PDF bytes). ``fetch_for(action)`` runs on a worker thread and returns the bytes
    to print ("print") or save ("export"); without it the bytes shown are used."""

    printed = Signal(int)
    """How many pages were sent to the printer."""
    saved = Signal(str)
    """The path written."""
    status_message = Signal(str)
    loaded = Signal(int)
    """The page count, once known."""

    def __init__(
        self,
        runner: TaskRunner,
        data: bytes,
        *,
        title: str,
        file_name: str,
        fetch_for: Callable[[str], bytes] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.setWindowTitle(title)
        self.setModal(False)
        self._runner = runner
        self._data = data
        self._file_name = file_name
        self._fetch_for = fetch_for
        self._sizes: list[tuple[float, float]] = []
        self._pages: list[_PageLabel] = []
        self._scale = 1.0
        self._zoom = FIT_WIDTH
        self._tasks: dict[object, TaskHandle] = {}
        self._printing = False
        self._printer: QPrinter | None = None
        self._painter: QPainter | None = None
        self._print_queue: list[int] = []
        self._print_data = b""
        self._print_done = 0
        self._print_total = 0
        self._print_when_loaded = False
        self._rendering_scale: dict[int, float] = {}
        self._sized = False

        self.previous_button = QPushButton(self.tr("◀ &Previous"), self)
        self.previous_button.setAccessibleName(self.tr("Previous page"))
        self.previous_button.setToolTip(self.tr("Previous page (Page Up)"))
        self.previous_button.clicked.connect(lambda: self.go_to_page(self.current_page() - 1))
        self.next_button = QPushButton(self.tr("&Next ▶"), self)
        self.next_button.setAccessibleName(self.tr("Next page"))
        self.next_button.setToolTip(self.tr("Next page (Page Down)"))
        self.next_button.clicked.connect(lambda: self.go_to_page(self.current_page() + 1))
        self.page_label = QLabel(self.tr("Loading…"), self)
        self.page_label.setObjectName("pdfPageNumber")
        self.page_label.setAccessibleName(self.tr("Page number"))
        self.page_label.setMinimumWidth(em(self, 9))
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.zoom = QComboBox(self)
        self.zoom.setObjectName("pdfZoom")
        self.zoom.setAccessibleName(self.tr("Zoom"))
        self.zoom.addItem(self.tr("Fit width"), FIT_WIDTH)
        for percent in ZOOM_LEVELS:
            self.zoom.addItem(self.tr("{percent} %").format(percent=percent), percent)
        self.zoom.currentIndexChanged.connect(lambda _index: self._zoom_changed())
        zoom_label = QLabel(self.tr("&Zoom"), self)
        zoom_label.setBuddy(self.zoom)

        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.setObjectName("pdfPrint")
        self.print_button.setAccessibleName(self.tr("Print"))
        self.print_button.setToolTip(self.tr("Print the document (Ctrl+P)"))
        self.print_button.clicked.connect(lambda: self.print_document())
        self.save_button = QPushButton(self.tr("&Save as PDF…"), self)
        self.save_button.setObjectName("pdfSave")
        self.save_button.setAccessibleName(self.tr("Save as PDF"))
        self.save_button.setToolTip(self.tr("Save an exact copy of the document (Ctrl+S)"))
        self.save_button.clicked.connect(lambda: self.save_document())
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setAccessibleName(self.tr("Close the preview"))
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Print, self, activated=lambda: self.print_document())
        QShortcut(QKeySequence.StandardKey.Save, self, activated=lambda: self.save_document())

        tools = QHBoxLayout()
        tools.addWidget(self.previous_button)
        tools.addWidget(self.page_label)
        tools.addWidget(self.next_button)
        tools.addSpacing(em(self, 1))
        tools.addWidget(zoom_label)
        tools.addWidget(self.zoom)
        tools.addStretch(1)
        tools.addWidget(self.print_button)
        tools.addWidget(self.save_button)
        tools.addWidget(self.close_button)

        self.canvas = QWidget()
        self.canvas.setObjectName("pdfCanvas")
        self._canvas_layout = QVBoxLayout(self.canvas)
        self._canvas_layout.setSpacing(PAGE_GAP)
        self._canvas_layout.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        self._canvas_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("pdfScroll")
        self.scroll.setAccessibleName(self.tr("Document pages"))
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.setWidget(self.canvas)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroll.viewport().installEventFilter(self)
        self.scroll.verticalScrollBar().valueChanged.connect(lambda _value: self._view_moved())

        self.state = QLabel(self)
        self.state.setObjectName("pdfState")
        self.state.setWordWrap(True)
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.state.setAccessibleName(self.tr("Preview status"))

        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.state)
        QWidget.setTabOrder(self.previous_button, self.next_button)
        QWidget.setTabOrder(self.next_button, self.zoom)
        QWidget.setTabOrder(self.zoom, self.print_button)
        QWidget.setTabOrder(self.print_button, self.save_button)
        QWidget.setTabOrder(self.save_button, self.close_button)
        QWidget.setTabOrder(self.close_button, self.scroll)

        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(120)
        self._relayout.timeout.connect(self._apply_scale)

        self.resize(em(self, 62), em(self, 70))
        self._set_enabled(False)
        self._load()

    # ------------------------------------------------------------ state

    @property
    def data(self) -> bytes:
        return self._data

    @property
    def page_count(self) -> int:
        return len(self._sizes)

    @property
    def is_printing(self) -> bool:
        return self._printing

    def rendered_pages(self) -> list[int]:
        """The pages whose pixels are on screen at the current scale."""
        return [p.index for p in self._pages if p.rendered_scale == self._scale and self._scale > 0]

    def current_page(self) -> int:
        """0-based index of the page at the top of the view."""
        if not self._pages or not self._sized:
            return 0
        top = self.scroll.verticalScrollBar().value() + self.scroll.viewport().height() // 3
        for page in self._pages:
            if self._page_top(page.index) + page.height() + PAGE_GAP >= top:
                return page.index
        return self._pages[-1].index

    def _page_top(self, index: int) -> int:
        """Where page ``index`` starts in the canvas (computed: the layout may not have run yet)."""
        return PAGE_GAP + sum(page.height() + PAGE_GAP for page in self._pages[:index])

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.print_button, self.save_button, self.zoom):
            widget.setEnabled(enabled and not self._printing)
        count = len(self._pages)
        current = self.current_page()
        self.previous_button.setEnabled(enabled and current > 0)
        self.next_button.setEnabled(enabled and current < count - 1)

    def _submit(
        self,
        name: object,
        fn: Callable[[], Any],
        on_success: Callable[[Any], object],
        on_failure: Callable[[BaseException], object],
        message: str = "",
    ) -> None:
        def done(callback: Callable[[Any], object], value: Any) -> None:
            self._tasks.pop(name, None)
            callback(value)

        self._tasks[name] = self._runner.submit(
            fn,
            on_success=lambda value: done(on_success, value),
            on_failure=lambda error: done(on_failure, error),
            key=("pdf-preview", id(self), name),
            busy_message=message or None,
        )

    # ------------------------------------------------------------ loading and drawing pages

    def _load(self) -> None:
        data = self._data
        self.state.setText(self.tr("Reading the document…"))
        self._submit(
            "sizes",
            lambda: page_sizes(data),
            self._sizes_known,
            self._load_failed,
            self.tr("Reading the document…"),
        )

    def _load_failed(self, error: BaseException) -> None:
        self.page_label.setText(self.tr("No page"))
        self.state.setText(self.tr("The document cannot be shown: {detail}").format(detail=error_text(error)))

    def _sizes_known(self, sizes: list[tuple[float, float]]) -> None:
        self._sizes = sizes
        for index in range(len(sizes)):
            page = _PageLabel(index, self.canvas)
            page.setAccessibleName(self.tr("Page {number}").format(number=index + 1))
            self._canvas_layout.addWidget(page, 0, Qt.AlignmentFlag.AlignHCenter)
            page.show()
            self._pages.append(page)
        self.state.setText(self.tr("%n page(s).", "", len(sizes)))
        self._set_enabled(bool(sizes))
        self._apply_scale()
        self.loaded.emit(len(sizes))
        if self._print_when_loaded:
            self._print_when_loaded = False
            self.print_document()

    def _wanted_scale(self) -> float:
        if not self._sizes:
            return 1.0
        if self._zoom == FIT_WIDTH:
            widest = max(width for width, _height in self._sizes)
            available = self.scroll.viewport().width() - 2 * PAGE_GAP - 4
            return max(0.2, available / widest)
        return self._zoom / 100 * self.logicalDpiX() / 72

    def _zoom_changed(self) -> None:
        self._zoom = int(self.zoom.currentData())
        self._apply_scale()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.scroll.viewport():
            if self._zoom == FIT_WIDTH and self._sizes:
                self._relayout.start()
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._sizes:
            self._relayout.start()

    def _apply_scale(self) -> None:
        scale = round(self._wanted_scale(), 3)
        if scale != self._scale:
            keep = self.current_page()  # the page being read stays in view at the new size
            self._scale = scale
            for page, (width, height) in zip(self._pages, self._sizes, strict=True):
                page.setFixedSize(QSize(round(width * scale), round(height * scale)))
                page.forget()
            self._sized = bool(self._pages)
            self._lay_out_now()
            if keep:
                self.scroll.verticalScrollBar().setValue(max(0, self._page_top(keep) - PAGE_GAP))
        self._view_moved()

    def _lay_out_now(self) -> None:
        """Let the scroll area take the pages' new sizes at once (its scroll range follows)."""
        self._canvas_layout.invalidate()
        self.canvas.resize(self.canvas.sizeHint().expandedTo(self.scroll.viewport().size()))

    def _view_moved(self) -> None:
        if not self._pages:
            return
        current = self.current_page()
        self.page_label.setText(
            self.tr("Page {page} of {count}").format(page=current + 1, count=len(self._pages))
        )
        self._set_enabled(True)
        visible = self._visible_pages()
        wanted = set()
        for index in visible:
            wanted.update(
                range(max(0, index - PAGES_AROUND), min(len(self._pages), index + PAGES_AROUND + 1))
            )
        for page in self._pages:
            if page.index in wanted:
                if page.rendered_scale != self._scale:
                    self._render(page.index)
            elif abs(page.index - current) > PAGES_KEPT:
                page.forget()

    def _visible_pages(self) -> list[int]:
        top = self.scroll.verticalScrollBar().value()
        bottom = top + max(1, self.scroll.viewport().height())
        visible = []
        for page in self._pages:
            page_top = self._page_top(page.index)
            if page_top + page.height() >= top and page_top <= bottom:
                visible.append(page.index)
        return visible or [self.current_page()]

    def _render(self, index: int) -> None:
        name = ("page", index)
        if name in self._tasks and self._rendering_scale.get(index) == self._scale:
            return  # already on its way at this scale
        data, ratio = self._data, self.devicePixelRatioF()
        scale = self._scale
        self._rendering_scale[index] = scale
        self._submit(
            name,
            lambda: render_page(data, index, scale * ratio),
            lambda page: self._page_rendered(page, scale, ratio),
            lambda error: self.state.setText(error_text(error)),
            self.tr("Drawing the pages…"),
        )

    def _page_rendered(self, rendered: RenderedPage, scale: float, ratio: float) -> None:
        if scale != self._scale or rendered.index >= len(self._pages):
            return
        page = self._pages[rendered.index]
        pixmap = QPixmap.fromImage(to_qimage(rendered))
        pixmap.setDevicePixelRatio(ratio)
        page.setPixmap(pixmap)
        page.rendered_scale = scale

    def go_to_page(self, index: int) -> None:
        if not self._pages:
            return
        index = max(0, min(len(self._pages) - 1, index))
        self._lay_out_now()
        self.scroll.verticalScrollBar().setValue(max(0, self._page_top(index) - PAGE_GAP))
        self._view_moved()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_PageDown and not self.scroll.hasFocus():
            self.go_to_page(self.current_page() + 1)
            return
        if event.key() == Qt.Key.Key_PageUp and not self.scroll.hasFocus():
            self.go_to_page(self.current_page() - 1)
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------ saving

    def save_document(self, path: str | None = None) -> None:
        """Write the exact bytes to a file the person chooses (or to ``path``)."""
        if self._printing or "save" in self._tasks:
            return
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save as PDF"), self._file_name, self.tr("PDF documents (*.pdf)")
            )
            if not chosen:
                return
            path = chosen
        target = Path(path)
        if not target.suffix:
            target = target.with_suffix(".pdf")
        fetch, data = self._fetch_for, self._data

        def work() -> str:
            content = fetch("export") if fetch is not None else data
            target.write_bytes(content)
            return str(target)

        self.state.setText(self.tr("Saving…"))
        self._submit("save", work, self._saved, self._failed, self.tr("Saving the PDF…"))

    def _saved(self, path: str) -> None:
        message = self.tr("Saved to {path}.").format(path=path)
        self.state.setText(message)
        self.status_message.emit(message)
        self.saved.emit(path)

    def _failed(self, error: BaseException) -> None:
        message = error_text(error)
        self.state.setText(message)
        self.status_message.emit(message)

    # ------------------------------------------------------------ printing

    def print_when_loaded(self) -> None:
        """Open the print dialog as soon as the page count is known."""
        if self._sizes:
            self.print_document()
        else:
            self._print_when_loaded = True

    def ask_print_settings(self, printer: QPrinter) -> bool:
        """The system print dialog; True when the person chose to print."""
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print"))
        dialog.setMinMax(1, max(1, self.page_count))
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, True)
        return dialog.exec() == QDialog.DialogCode.Accepted

    def print_document(self, printer: QPrinter | None = None) -> None:
        """Ask for a printer, then draw every chosen page at the printer's resolution onto it."""
        if self._printing or not self._sizes:
            return
        printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self._file_name)
        printer.setFullPage(True)
        width, height = self._sizes[0]
        printer.setPageOrientation(
            QPageLayout.Orientation.Landscape if width > height else QPageLayout.Orientation.Portrait
        )
        if not self.ask_print_settings(printer):
            self.state.setText(self.tr("Printing cancelled."))
            return
        first, last = printer.fromPage(), printer.toPage()
        if first <= 0 or last <= 0:
            first, last = 1, self.page_count
        pages = list(range(max(1, first) - 1, min(self.page_count, last)))
        if not pages:
            return
        self._printer = printer
        self._print_queue = pages
        self._print_done = 0
        self._print_total = len(pages)
        self._printing = True
        self._set_enabled(True)
        self.state.setText(self.tr("Preparing to print…"))
        fetch, data = self._fetch_for, self._data
        self._submit(
            "print-bytes",
            (lambda: fetch("print")) if fetch is not None else (lambda: data),
            self._print_bytes_ready,
            self._print_failed,
            self.tr("Preparing to print…"),
        )

    def _print_bytes_ready(self, data: bytes) -> None:
        self._print_data = data
        self._print_next()

    def _print_next(self) -> None:
        assert self._printer is not None
        if not self._print_queue:
            self._finish_printing()
            return
        index = self._print_queue[0]
        dpi = min(self._printer.resolution(), PRINT_MAX_DPI)
        data = self._print_data
        self.state.setText(
            self.tr("Printing page {page} of {count}…").format(
                page=self._print_done + 1, count=self._print_total
            )
        )
        self._submit(
            "print-page",
            lambda: render_page(data, index, dpi / 72),
            self._paint_page,
            self._print_failed,
            self.tr("Printing…"),
        )

    def _paint_page(self, rendered: RenderedPage) -> None:
        printer = self._printer
        assert printer is not None
        if self._painter is None:
            self._painter = QPainter()
            if not self._painter.begin(printer):
                self._painter = None
                self._print_failed(RuntimeError(self.tr("The printer could not be started.")))
                return
        else:
            printer.newPage()
        image = to_qimage(rendered)
        paper = printer.pageLayout().fullRectPixels(printer.resolution())
        ratio = min(paper.width() / image.width(), paper.height() / image.height())
        width, height = image.width() * ratio, image.height() * ratio
        target = QRectF((paper.width() - width) / 2, (paper.height() - height) / 2, width, height)
        self._painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        self._painter.drawImage(target, image)
        self._print_queue.pop(0)
        self._print_done += 1
        self._print_next()

    def _finish_printing(self) -> None:
        ok = True
        if self._painter is not None:
            ok = self._painter.end()
        count = self._print_done
        self._reset_printing()
        if not ok:
            self._print_failed(RuntimeError(self.tr("The printer refused the document.")))
            return
        message = self.tr("%n page(s) sent to the printer.", "", count)
        self.state.setText(message)
        self.status_message.emit(message)
        self.printed.emit(count)

    def _print_failed(self, error: BaseException) -> None:
        if self._painter is not None and self._painter.isActive():
            self._painter.end()
        self._reset_printing()
        message = self.tr("Printing failed: {detail}").format(detail=error_text(error))
        self.state.setText(message)
        self.status_message.emit(message)

    def _reset_printing(self) -> None:
        self._painter = None
        self._printer = None
        self._print_queue = []
        self._print_data = b""
        self._printing = False
        self._set_enabled(bool(self._sizes))

    # ------------------------------------------------------------ closing

    def reject(self) -> None:
        if self._printing:
            self.state.setText(self.tr("Printing… the preview closes once every page is sent."))
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._printing:
            event.ignore()
            self.state.setText(self.tr("Printing… the preview closes once every page is sent."))
            return
        super().closeEvent(event)

    def done(self, result: int) -> None:
        for handle in list(self._tasks.values()):
            handle.cancel()
        self._tasks.clear()
        super().done(result)
