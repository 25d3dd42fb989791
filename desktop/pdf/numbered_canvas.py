"""The canvas behind every FrontDesk PDF that says "Page N of M".

The total is known only once the last page is laid out, so the canvas keeps each finished page
and draws the page furniture (running header, footer, page number) on all of them when the
document is saved.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.pdfgen.canvas import Canvas

from desktop.domain.enums import Language
from desktop.pdf.texts import PdfText

#: Draws one page's furniture: the canvas, the page number (from 1) and the number of pages.
Furniture = Callable[[Canvas, int, int], None]
#: Paints the body of an appended page: the canvas and the appended page's index (from 0).
Underlay = Callable[[Canvas, int], None]


def page_label(language: Language, page: int, pages: int) -> str:
    return PdfText.page_of.format(language, page=page, pages=pages)


class NumberedCanvas(Canvas):
    """A canvas that draws ``furniture`` on every page once the number of pages is known.

    reportlab makes the canvas itself, so pass ``NumberedCanvas.maker(furniture)`` as the
    ``canvasmaker`` of ``BaseDocTemplate.build``.
    """

    def __init__(
        self,
        *args: object,
        furniture: Furniture,
        appended: tuple[int, Underlay] | None = None,
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self._appended = appended
        self._saved_pages: list[dict[str, object]] = []

    @classmethod
    def maker(
        cls, furniture: Furniture, appended: tuple[int, Underlay] | None = None
    ) -> Callable[..., NumberedCanvas]:
        """``appended``: that many pages added after the laid-out ones, their body painted by the
        underlay, then their furniture (pages laid out once, see :mod:`desktop.pdf.annex_pages`)."""

        def make(*args: object, **kwargs: object) -> NumberedCanvas:
            return cls(*args, furniture=furniture, appended=appended, **kwargs)

        return make

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        appended, underlay = self._appended or (0, None)
        laid_out = len(self._saved_pages)
        total = laid_out + appended
        for number, state in enumerate(self._saved_pages, start=1):
            self.__dict__.update(state)
            self._furniture(self, number, total)
            Canvas.showPage(self)
        for index in range(appended):
            if underlay is not None:
                underlay(self, index)
            self._furniture(self, laid_out + 1 + index, total)
            Canvas.showPage(self)
        Canvas.save(self)
