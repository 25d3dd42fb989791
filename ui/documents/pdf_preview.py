"""A PDF shown page by page, with Print… and Save as PDF….

The bytes shown are the bytes given (for an acknowledgment: the stored document, never a new
rendering). Pages are drawn by PDFium on a worker thread, only those near the visible part of the
document (:mod:`ui.documents.pdf_page_view`), so a long report neither freezes the window nor fills the
memory; the GUI thread only turns the finished pixels into an image.

Printing goes through the system's print dialog, then each page is drawn again at the printer's
resolution (on a worker thread, one page at a time) and painted onto the printer
(:mod:`ui.documents.pdf_printing`). Saving writes the exact bytes. When the dialog is given
``fetch_for``, print and save ask it for the bytes again with the action ("print", "export") so that the
audit trail says what happened to the document.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.paths import write_owner_only
from ui.documents.pdf_page_view import FIT_WIDTH, ZOOM_LEVELS, PdfPageView
from ui.documents.pdf_printing import PRINT_MAX_DPI, PrintRun, chosen_pages, prepare_printer
from ui.documents.pdf_render import RenderedPage, page_sizes, render_page, to_qimage
from ui.kit.errors import error_text
from ui.kit.forms import chain_tab_order, em
from ui.kit.i18n import format_percent
from ui.kit.job_dialog import JobDialog
from ui.kit.retranslate import follow_language
from ui.kit.worker import TaskRunner

__all__ = [
    "PRINT_MAX_DPI",
    "PdfPreviewDialog",
    "RenderedPage",
    "page_sizes",
    "render_page",
    "to_qimage",
]

T = TypeVar("T")

_SIZES_JOB = "sizes"
_SAVE_JOB = "save"
_PRINT_BYTES_JOB = "print-bytes"
_PRINT_PAGE_JOB = "print-page"


def _page_job(index: int) -> str:
    return f"page-{index}"


class PdfPreviewDialog(JobDialog):
    """Shows ``data`` (PDF bytes). ``fetch_for(action)`` runs on a worker thread and returns the bytes
    to print ("print") or save ("export"); without it the bytes shown are used. ``title`` given as a
    function is made again when the staff language changes."""

    printed = Signal(int)
    """How many pages were sent to the printer."""
    saved = Signal(str)
    """The path written."""
    loaded = Signal(int)
    """The page count, once known."""

    def __init__(
        self,
        runner: TaskRunner,
        data: bytes,
        *,
        title: str | Callable[[], str],
        file_name: str,
        fetch_for: Callable[[str], bytes] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, "pdf-preview", parent)
        self.setObjectName("pdfPreview")
        self._title = title
        self.setModal(False)
        self._data = data
        self._file_name = file_name
        self._fetch_for = fetch_for
        self._print_run: PrintRun | None = None
        self._print_data = b""
        self._print_when_loaded = False
        self._rendering_scale: dict[int, float] = {}
        # What the status line says, as a function making it (said again in a new language).
        self._state_text: Callable[[], str] | None = None
        self._load_error: BaseException | None = None

        self.previous_button = QPushButton(self)
        self.previous_button.clicked.connect(lambda: self.go_to_page(self.current_page() - 1))
        self.next_button = QPushButton(self)
        self.next_button.clicked.connect(lambda: self.go_to_page(self.current_page() + 1))
        self.page_label = QLabel(self)
        self.page_label.setObjectName("pdfPageNumber")
        self.page_label.setMinimumWidth(em(self, 9))
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.zoom = QComboBox(self)
        self.zoom.setObjectName("pdfZoom")
        for zoom in (FIT_WIDTH, *ZOOM_LEVELS):
            self.zoom.addItem("", zoom)
        self.zoom_label = QLabel(self)
        self.zoom_label.setBuddy(self.zoom)

        self.print_button = QPushButton(self)
        self.print_button.setObjectName("pdfPrint")
        self.print_button.clicked.connect(lambda: self.print_document())
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("pdfSave")
        self.save_button.clicked.connect(lambda: self.save_document())
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.reject)
        for key, action in (
            (QKeySequence.StandardKey.Print, self.print_document),
            (QKeySequence.StandardKey.Save, self.save_document),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(lambda action=action: action())

        tools = QHBoxLayout()
        tools.addWidget(self.previous_button)
        tools.addWidget(self.page_label)
        tools.addWidget(self.next_button)
        tools.addSpacing(em(self, 1))
        tools.addWidget(self.zoom_label)
        tools.addWidget(self.zoom)
        tools.addStretch(1)
        tools.addWidget(self.print_button)
        tools.addWidget(self.save_button)
        tools.addWidget(self.close_button)

        self.pages = PdfPageView(self)
        self.pages.moved.connect(self._view_moved)
        self.zoom.currentIndexChanged.connect(
            lambda _index: self.pages.set_zoom(int(self.zoom.currentData()))
        )
        self.state = self.make_outcome_label("pdfState")

        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.state)
        chain_tab_order(
            self.previous_button,
            self.next_button,
            self.zoom,
            self.print_button,
            self.save_button,
            self.close_button,
            self.pages,
        )

        self.resize(em(self, 62), em(self, 70))
        self._set_enabled(False)
        follow_language(self, self.retranslate)
        self._load()

    def retranslate(self) -> None:
        """Every word of the preview, the page number and the status line, in the staff language."""
        self.setWindowTitle(self._title if isinstance(self._title, str) else self._title())
        self.previous_button.setText(self.tr("◀ &Previous"))
        self.previous_button.setAccessibleName(self.tr("Previous page"))
        self.previous_button.setToolTip(self.tr("Previous page (Page Up)"))
        self.next_button.setText(self.tr("&Next ▶"))
        self.next_button.setAccessibleName(self.tr("Next page"))
        self.next_button.setToolTip(self.tr("Next page (Page Down)"))
        self.page_label.setAccessibleName(self.tr("Page number"))
        self.zoom.setAccessibleName(self.tr("Zoom"))
        self.zoom.setItemText(0, self.tr("Fit width"))
        for index, percent in enumerate(ZOOM_LEVELS, start=1):
            self.zoom.setItemText(index, format_percent(percent, 0))
        self.zoom_label.setText(self.tr("&Zoom"))
        self.print_button.setText(self.tr("&Print…"))
        self.print_button.setAccessibleName(self.tr("Print"))
        self.print_button.setToolTip(self.tr("Print the document (Ctrl+P)"))
        self.save_button.setText(self.tr("&Save as PDF…"))
        self.save_button.setAccessibleName(self.tr("Save as PDF"))
        self.save_button.setToolTip(self.tr("Save an exact copy of the document (Ctrl+S)"))
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close the preview"))
        self.state.setAccessibleName(self.tr("Preview status"))
        self.pages.name_pages(self.tr("Page {number}"))
        self._show_page_number()
        if self._state_text is not None:
            self.state.setText(self._state_text())

    def _say(self, text: Callable[[], str], *, outcome: bool = False, announce: bool = False) -> None:
        """Put ``text`` on the status line (``outcome``: as a job's outcome, ``announce``: in the status
        bar too); it is made again when the staff language changes."""
        self._state_text = text
        if outcome or announce:
            self.show_outcome(text(), announce=announce)
        else:
            self.state.setText(text())

    def _show_page_number(self) -> None:
        if self.page_count:
            self.page_label.setText(
                self.tr("Page {page} of {count}").format(page=self.current_page() + 1, count=self.page_count)
            )
        elif self._load_error is not None:
            self.page_label.setText(self.tr("No page"))
        else:
            self.page_label.setText(self.tr("Loading…"))

    # ------------------------------------------------------------ state

    @property
    def data(self) -> bytes:
        return self._data

    @property
    def page_count(self) -> int:
        return self.pages.page_count

    @property
    def is_printing(self) -> bool:
        return self._print_run is not None

    def rendered_pages(self) -> list[int]:
        """The pages whose pixels are on screen at the current scale."""
        return self.pages.rendered_pages()

    def current_page(self) -> int:
        """0-based index of the page at the top of the view."""
        return self.pages.current_page()

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.print_button, self.save_button, self.zoom):
            widget.setEnabled(enabled and not self.is_printing)
        current = self.current_page()
        self.previous_button.setEnabled(enabled and current > 0)
        self.next_button.setEnabled(enabled and current < self.page_count - 1)

    # ------------------------------------------------------------ loading and drawing pages

    def _load(self) -> None:
        data = self._data
        self._say(lambda: self.tr("Reading the document…"))
        self.jobs.start(
            lambda: page_sizes(data),
            on_success=self._sizes_known,
            on_failure=self._load_failed,
            busy_message=self.tr("Reading the document…"),
            job=_SIZES_JOB,
            makes_busy=False,
        )

    def _load_failed(self, error: BaseException) -> None:
        self._load_error = error
        self._show_page_number()
        self._say(lambda: self.tr("The document cannot be shown: {detail}").format(detail=error_text(error)))

    def _sizes_known(self, sizes: list[tuple[float, float]]) -> None:
        self.pages.set_sizes(sizes, self.tr("Page {number}"))
        self._say(lambda: self.tr("%n page(s).", "", len(sizes)))
        self._set_enabled(bool(sizes))
        self.loaded.emit(len(sizes))
        if self._print_when_loaded:
            self._print_when_loaded = False
            self.print_document()

    def _view_moved(self) -> None:
        if not self.page_count:
            return
        self._show_page_number()
        self._set_enabled(True)
        for index in self.pages.pages_to_draw():
            self._render(index)

    def _render(self, index: int) -> None:
        scale = self.pages.scale
        if self.jobs.is_job_running(_page_job(index)) and self._rendering_scale.get(index) == scale:
            return  # already on its way at this scale
        data, ratio = self._data, self.devicePixelRatioF()
        self._rendering_scale[index] = scale
        self.jobs.start(
            lambda: render_page(data, index, scale * ratio),
            on_success=lambda page: self.pages.show_rendered(page, scale, ratio),
            on_failure=lambda error: self._say(lambda: error_text(error)),
            busy_message=self.tr("Drawing the pages…"),
            job=_page_job(index),
            makes_busy=False,
            supersede=True,
        )

    def go_to_page(self, index: int) -> None:
        self.pages.go_to_page(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_PageDown and not self.pages.hasFocus():
            self.go_to_page(self.current_page() + 1)
            return
        if event.key() == Qt.Key.Key_PageUp and not self.pages.hasFocus():
            self.go_to_page(self.current_page() - 1)
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------ saving

    def save_document(self, path: str | None = None) -> None:
        """Write the exact bytes to a file the person chooses (or to ``path``)."""
        if self.is_printing or self.jobs.is_job_running(_SAVE_JOB):
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
            write_owner_only(target, content)
            return str(target)

        self._say(lambda: self.tr("Saving…"))
        self.jobs.start(
            work,
            on_success=self._saved,
            on_failure=self.show_failure,
            busy_message=self.tr("Saving the PDF…"),
            job=_SAVE_JOB,
            makes_busy=False,
        )

    def _saved(self, path: str) -> None:
        self._say(lambda: self.tr("Saved to {path}.").format(path=path), announce=True)
        self.saved.emit(path)

    # ------------------------------------------------------------ printing

    def print_when_loaded(self) -> None:
        """Open the print dialog as soon as the page count is known."""
        if self.page_count:
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
        if self.is_printing or not self.page_count:
            return
        printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer, self._file_name, self.pages.sizes[0])
        if not self.ask_print_settings(printer):
            self._say(lambda: self.tr("Printing cancelled."))
            return
        pages = chosen_pages(printer, self.page_count)
        if not pages:
            return
        self._print_run = PrintRun(printer, pages)
        self._set_enabled(True)
        self._say(lambda: self.tr("Preparing to print…"))
        fetch, data = self._fetch_for, self._data
        self._start_print_job(
            (lambda: fetch("print")) if fetch is not None else (lambda: data),
            self._print_bytes_ready,
            self.tr("Preparing to print…"),
            _PRINT_BYTES_JOB,
        )

    def _start_print_job(
        self, work: Callable[[], T], on_success: Callable[[T], object], busy: str, job: str
    ) -> None:
        # A print job holds the preview open: the pages already sent must be followed by the rest.
        self.jobs.start(
            work,
            on_success=on_success,
            on_failure=self._print_failed,
            busy_message=busy,
            job=job,
            makes_busy=False,
            holds_close=True,
        )

    def _print_bytes_ready(self, data: bytes) -> None:
        self._print_data = data
        self._print_next()

    def _print_next(self) -> None:
        run = self._print_run
        assert run is not None
        index = run.next_page()
        if index is None:
            self._finish_printing()
            return
        dpi, data, page, total = run.dpi, self._print_data, run.sent + 1, run.total
        self._say(lambda: self.tr("Printing page {page} of {count}…").format(page=page, count=total))
        self._start_print_job(
            lambda: render_page(data, index, dpi / 72),
            self._paint_page,
            self.tr("Printing…"),
            _PRINT_PAGE_JOB,
        )

    def _paint_page(self, rendered: RenderedPage) -> None:
        run = self._print_run
        assert run is not None
        if not run.paint(rendered):
            self._print_failed(RuntimeError(self.tr("The printer could not be started.")))
            return
        self._print_next()

    def _finish_printing(self) -> None:
        run = self._print_run
        assert run is not None
        ok = run.finish()
        self._reset_printing()
        if not ok:
            self._print_failed(RuntimeError(self.tr("The printer refused the document.")))
            return
        sent = run.sent
        self._say(lambda: self.tr("%n page(s) sent to the printer.", "", sent), announce=True)
        self.printed.emit(run.sent)

    def _print_failed(self, error: BaseException) -> None:
        if self._print_run is not None:
            self._print_run.abort()
        self._reset_printing()
        self._say(
            lambda: self.tr("Printing failed: {detail}").format(detail=error_text(error)), announce=True
        )

    def _reset_printing(self) -> None:
        self._print_run = None
        self._print_data = b""
        self._set_enabled(bool(self.page_count))

    # ------------------------------------------------------------ closing

    def close_refused(self) -> None:
        self._say(lambda: self.tr("Printing… the preview closes once every page is sent."))
