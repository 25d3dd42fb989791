"""The pages of a PDF one under the other in a scroll area, each drawn only when near the visible part.

The view knows the pages' sizes, the zoom and which pages are on screen; it draws nothing itself. When
it scrolls, resizes or changes scale it emits :attr:`PdfPageView.moved`, and its owner asks
:meth:`PdfPageView.pages_to_draw` which pages to render (on a worker thread) and hands the pixels back
through :meth:`PdfPageView.show_rendered`. Pages far from the view give their pixels back, so a long
report never fills the memory.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPixmap, QShowEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from ui.documents.pdf_render import RenderedPage, to_qimage
from ui.kit.retranslate import follow_language

__all__ = ["FIT_WIDTH", "PAGES_AROUND", "PAGES_KEPT", "PAGE_GAP", "ZOOM_LEVELS", "PdfPageView"]

# Pages drawn on either side of the visible ones; pages further away give their pixels back.
PAGES_AROUND = 1
PAGES_KEPT = 4
PAGE_GAP = 12
ZOOM_LEVELS = (50, 75, 100, 125, 150, 200)
FIT_WIDTH = 0


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


class PdfPageView(QScrollArea):
    """Every page of one document at one scale; ``moved`` after a scroll, resize or new scale."""

    moved = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfScroll")
        self._sizes: list[tuple[float, float]] = []
        self._pages: list[_PageLabel] = []
        self._scale = 1.0
        self._zoom = FIT_WIDTH
        self._sized = False

        self.canvas = QWidget()
        self.canvas.setObjectName("pdfCanvas")
        self._canvas_layout = QVBoxLayout(self.canvas)
        self._canvas_layout.setSpacing(PAGE_GAP)
        self._canvas_layout.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        self._canvas_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setWidgetResizable(True)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setWidget(self.canvas)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.viewport().installEventFilter(self)
        self.verticalScrollBar().valueChanged.connect(lambda _value: self.moved.emit())

        # Fitting the width follows a resize once the person stops dragging.
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(120)
        self._relayout.timeout.connect(self.apply_scale)
        follow_language(self, lambda: self.setAccessibleName(self.tr("Document pages")))

    # ------------------------------------------------------------ state

    @property
    def page_count(self) -> int:
        return len(self._pages)

    @property
    def scale(self) -> float:
        return self._scale

    @property
    def sizes(self) -> list[tuple[float, float]]:
        """Each page's (width, height) in points."""
        return self._sizes

    def rendered_pages(self) -> list[int]:
        """The pages whose pixels are on screen at the current scale."""
        return [p.index for p in self._pages if p.rendered_scale == self._scale and self._scale > 0]

    def current_page(self) -> int:
        """0-based index of the page at the top of the view."""
        if not self._pages or not self._sized:
            return 0
        top = self.verticalScrollBar().value() + self.viewport().height() // 3
        for page in self._pages:
            if self._page_top(page.index) + page.height() + PAGE_GAP >= top:
                return page.index
        return self._pages[-1].index

    def _page_top(self, index: int) -> int:
        """Where page ``index`` starts in the canvas (computed: the layout may not have run yet)."""
        return PAGE_GAP + sum(page.height() + PAGE_GAP for page in self._pages[:index])

    # ------------------------------------------------------------ pages and scale

    def set_sizes(self, sizes: list[tuple[float, float]], page_name: str) -> None:
        """One empty page per size (points); ``page_name`` is the accessible name, with ``{number}``."""
        self._sizes = sizes
        for index in range(len(sizes)):
            page = _PageLabel(index, self.canvas)
            self._canvas_layout.addWidget(page, 0, Qt.AlignmentFlag.AlignHCenter)
            page.show()
            self._pages.append(page)
        self.name_pages(page_name)
        self.apply_scale()

    def name_pages(self, page_name: str) -> None:
        """Each page's accessible name: ``page_name`` with ``{number}`` (again when the language changes)."""
        for page in self._pages:
            page.setAccessibleName(page_name.format(number=page.index + 1))

    def set_zoom(self, percent: int) -> None:
        """A zoom in percent, or :data:`FIT_WIDTH`."""
        self._zoom = percent
        self.apply_scale()

    def _wanted_scale(self) -> float:
        if not self._sizes:
            return 1.0
        if self._zoom == FIT_WIDTH:
            widest = max(width for width, _height in self._sizes)
            available = self.viewport().width() - 2 * PAGE_GAP - 4
            return max(0.2, available / widest)
        return self._zoom / 100 * self.logicalDpiX() / 72

    def apply_scale(self) -> None:
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
                self.verticalScrollBar().setValue(max(0, self._page_top(keep) - PAGE_GAP))
        self.moved.emit()

    def _lay_out_now(self) -> None:
        """Let the scroll area take the pages' new sizes at once (its scroll range follows)."""
        self._canvas_layout.invalidate()
        self.canvas.resize(self.canvas.sizeHint().expandedTo(self.viewport().size()))

    def go_to_page(self, index: int) -> None:
        if not self._pages:
            return
        index = max(0, min(len(self._pages) - 1, index))
        self._lay_out_now()
        self.verticalScrollBar().setValue(max(0, self._page_top(index) - PAGE_GAP))
        self.moved.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.viewport():
            if self._zoom == FIT_WIDTH and self._sizes:
                self._relayout.start()
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._sizes:
            self._relayout.start()

    # ------------------------------------------------------------ drawing

    def pages_to_draw(self) -> list[int]:
        """The pages near the view not yet drawn at the current scale; far pages forget their pixels."""
        if not self._pages:
            return []
        current = self.current_page()
        wanted: set[int] = set()
        for index in self._visible_pages():
            wanted.update(
                range(max(0, index - PAGES_AROUND), min(len(self._pages), index + PAGES_AROUND + 1))
            )
        missing = []
        for page in self._pages:
            if page.index in wanted:
                if page.rendered_scale != self._scale:
                    missing.append(page.index)
            elif abs(page.index - current) > PAGES_KEPT:
                page.forget()
        return missing

    def _visible_pages(self) -> list[int]:
        top = self.verticalScrollBar().value()
        bottom = top + max(1, self.viewport().height())
        visible = []
        for page in self._pages:
            page_top = self._page_top(page.index)
            if page_top + page.height() >= top and page_top <= bottom:
                visible.append(page.index)
        return visible or [self.current_page()]

    def show_rendered(self, rendered: RenderedPage, scale: float, ratio: float) -> None:
        """Put the pixels of a page drawn at ``scale`` on screen, unless the scale changed meanwhile."""
        if scale != self._scale or rendered.index >= len(self._pages):
            return
        page = self._pages[rendered.index]
        pixmap = QPixmap.fromImage(to_qimage(rendered))
        pixmap.setDevicePixelRatio(ratio)
        page.setPixmap(pixmap)
        page.rendered_scale = scale
