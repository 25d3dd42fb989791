"""A report's table drawn row by row on the canvas, page after page: fixed column widths, cells
wrapped (a word too long for its column cut between characters), the header row repeated on every
page, striped rows, a bold total row.

reportlab's own tables measure every remaining row again at each page break, so a register of
40,000 rows took minutes; here each row is measured once, a page break is a search in the running
heights, and the cells of a page are written in one PDF text object. A value is encoded once per
document (request numbers, dates, labels and scopes repeat thousands of times): the cache keeps
reportlab's own encoding of it for the font subset in use (``PDFTextObject._formatText``, the
method ``textOut`` calls), so the bytes written are reportlab's.

Text in a script a single font cannot draw in order (a client's name in Arabic or Korean) is a
Paragraph, whose markup picks the fonts and the order (:mod:`desktop.pdf.scripts`)."""

from __future__ import annotations

import bisect
import functools
import itertools
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable, Paragraph

import desktop.pdf.fonts as fonts
from desktop.domain.enums import Language
from desktop.pdf.markup import esc
from desktop.pdf.scripts import needs_scripts
from desktop.reports.layout import Cell, Section, format_cell

CELL_SIZE = 8.2
CELL_LEADING = 9.8
PADDING = 4
TOP_PADDING = 2
BOTTOM_PADDING = 2.5
HEADER_BACKGROUND = colors.HexColor("#e4e8ef")
STRIPE = colors.HexColor("#f5f6f8")
RULE = colors.HexColor("#333333")


def wrap_text(text: str, font: str, width: float, size: float = CELL_SIZE) -> tuple[str, ...]:
    """A plain cell's lines: wrapped on spaces; a word too long for its column (a SHA-256) is cut
    between characters rather than run off the page."""
    if stringWidth(text, font, size) <= width:
        return (text,)
    lines: list[str] = []
    for line in simpleSplit(text, font, size, width) or [text]:
        while len(line) > 1 and stringWidth(line, font, size) > width:
            cut = len(line) - 1
            while cut > 1 and stringWidth(line[:cut], font, size) > width:
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
        lines.append(line)
    return tuple(lines)


@functools.lru_cache(maxsize=4096)
def _needs_scripts(text: str) -> bool:
    return not text.isascii() and needs_scripts(text)


@dataclass(frozen=True)
class _Row:
    #: Per column: the lines of a plain cell, or the Paragraph of a cell in other scripts.
    cells: tuple[tuple[str, ...] | Paragraph, ...]
    height: float
    font: str
    #: The total row: bold, ruled above, never striped.
    total: bool = False


class _Table:
    """A section's rows measured once, shared by the pieces a page break makes."""

    def __init__(self, section: Section, language: Language, width: float) -> None:
        weights = sum(c.width for c in section.columns)
        self.widths = [width * c.width / weights for c in section.columns]
        self.lefts = [0.0, *itertools.accumulate(self.widths)][:-1]
        self.width = width
        self.right_aligned = [c.numeric for c in section.columns]
        self._inner = [w - 2 * PADDING for w in self.widths]
        self._language = language
        self._columns = section.columns
        self._wrapped: dict[tuple[int, str, type, Cell], tuple[str, ...] | Paragraph] = {}
        labels = tuple(wrap_text(c.label, fonts.BOLD, self._inner[i]) for i, c in enumerate(section.columns))
        self.header = _Row(labels, self._height(labels), fonts.BOLD)
        self.rows = [self._row(values, fonts.REGULAR) for values in section.rows]
        if section.total is not None:
            self.rows.append(self._row(section.total, fonts.BOLD, total=True))
        #: ``tops[i]``: the height of the rows before row i.
        self.tops = [0.0, *itertools.accumulate(r.height for r in self.rows)]
        self.encoded: dict[tuple[str, str, int], tuple[str, int]] = {}
        self.encoded_for: object = None
        # Where a cell's text starts, as written in the page: left-aligned columns at a fixed x.
        self.left_x = [fp_str(left + PADDING) for left in self.lefts]
        self.right_x = [left + w - PADDING for left, w in zip(self.lefts, self.widths, strict=True)]
        self._text_widths: dict[tuple[int, str, str], str] = {}

    def start_x(self, column: int, line: str, font: str) -> str:
        if not self.right_aligned[column]:
            return self.left_x[column]
        key = (column, font, line)
        found = self._text_widths.get(key)
        if found is None:
            found = self._text_widths[key] = fp_str(self.right_x[column] - stringWidth(line, font, CELL_SIZE))
        return found

    def _cell(self, index: int, value: Cell, font: str, total: bool) -> tuple[str, ...] | Paragraph:
        if total and value is None:
            return ("",)
        # Dates, labels and scopes repeat: a value is formatted and wrapped once per column.
        key = (index, font, type(value), value)
        found = self._wrapped.get(key)
        if found is None:
            text = format_cell(value, self._columns[index].kind, self._language)
            found = self._wrapped[key] = self._lines_or_paragraph(index, text, font)
        return found

    def _lines_or_paragraph(self, index: int, text: str, font: str) -> tuple[str, ...] | Paragraph:
        if not _needs_scripts(text):
            return wrap_text(text, font, self._inner[index])
        alignment = TA_RIGHT if self.right_aligned[index] else TA_LEFT
        style = ParagraphStyle(
            "FDReportCell", fontName=font, fontSize=CELL_SIZE, leading=CELL_SIZE + 2, alignment=alignment
        )
        paragraph = Paragraph(esc(text), style)
        paragraph.wrap(self._inner[index], 1e6)
        return paragraph

    def _row(self, values: tuple[Cell, ...], font: str, total: bool = False) -> _Row:
        cells = tuple(self._cell(i, v, font, total) for i, v in enumerate(values))
        return _Row(cells, self._height(cells), font, total)

    @staticmethod
    def _height(cells: tuple[tuple[str, ...] | Paragraph, ...]) -> float:
        tallest = max(
            (c.height if isinstance(c, Paragraph) else len(c) * CELL_LEADING for c in cells), default=0.0
        )
        return tallest + TOP_PADDING + BOTTOM_PADDING

    def fitting(self, start: int, end: int, room: float) -> int:
        """The end of the longest run of rows from ``start`` that fits in ``room`` under the header."""
        limit = self.tops[start] + room - self.header.height
        return min(end, max(start, bisect.bisect_right(self.tops, limit) - 1))


class StreamedTable(Flowable):
    """Rows ``start`` to ``end`` of a table under its header; splits at page breaks into pieces that
    share the measured rows."""

    def __init__(self, table: _Table, start: int = 0, end: int | None = None) -> None:
        super().__init__()
        self._table = table
        self._start = start
        self._end = len(table.rows) if end is None else end

    @classmethod
    def of(cls, section: Section, language: Language, width: float) -> StreamedTable:
        return cls(_Table(section, language, width))

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        table = self._table
        self.width = table.width
        self.height = table.header.height + table.tops[self._end] - table.tops[self._start]
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        cut = self._table.fitting(self._start, self._end, available_height)
        if cut == self._start:
            return []  # not even one row under the header: the next page
        return [StreamedTable(self._table, self._start, cut), StreamedTable(self._table, cut, self._end)]

    def draw(self) -> None:
        canvas: Canvas = self.canv
        table = self._table
        rows = table.rows[self._start : self._end]
        header_bottom = self.height - table.header.height
        canvas.saveState()
        canvas.setFillColor(HEADER_BACKGROUND)
        canvas.rect(0, header_bottom, table.width, table.header.height, stroke=0, fill=1)
        canvas.setFillColor(STRIPE)
        top = header_bottom
        for index, row in enumerate(rows, start=self._start):
            if index % 2 and not row.total:
                canvas.rect(0, top - row.height, table.width, row.height, stroke=0, fill=1)
            top -= row.height
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.8)
        canvas.line(0, header_bottom, table.width, header_bottom)
        if rows and rows[-1].total:
            canvas.line(0, rows[-1].height, table.width, rows[-1].height)
        canvas.setFillColor(colors.black)
        text = _CellText(canvas, table)
        text.header(table.header, header_bottom)
        top = header_bottom
        for row in rows:
            text.row(row, top)
            top -= row.height
        text.finish()
        canvas.restoreState()


class _CellText:
    """A page's cells in one PDF text object, interrupted only where a Paragraph cell is drawn (the
    page's text stays in reading order for extraction and screen readers); each distinct value is
    encoded once per document."""

    def __init__(self, canvas: Canvas, table: _Table) -> None:
        self._canvas = canvas
        self._table = table
        if table.encoded_for is not canvas._doc:  # font subsets are numbered per document
            table.encoded, table.encoded_for = {}, canvas._doc
        self._text: PDFTextObject = canvas.beginText()
        self._font = ""
        self._ordinates: dict[float, str] = {}

    def header(self, row: _Row, bottom: float) -> None:
        """Labels sit on the header's bottom, as reportlab's VALIGN BOTTOM puts them."""
        for column, cell in enumerate(row.cells):
            lines = cell if isinstance(cell, tuple) else ()
            y = bottom + BOTTOM_PADDING + len(lines) * CELL_LEADING - CELL_SIZE
            self._lines(column, lines, row.font, y)

    def row(self, row: _Row, top: float) -> None:
        table = self._table
        for column, cell in enumerate(row.cells):
            if isinstance(cell, Paragraph):
                self.finish()
                cell.drawOn(self._canvas, table.lefts[column] + PADDING, top - TOP_PADDING - cell.height)
                self._text, self._font = self._canvas.beginText(), ""
            else:
                self._lines(column, cell, row.font, top - TOP_PADDING - CELL_SIZE)

    def _lines(self, column: int, lines: tuple[str, ...], font: str, y: float) -> None:
        table, text = self._table, self._text
        if font != self._font:
            text.setFont(font, CELL_SIZE, CELL_LEADING)
            self._font = font
        for line in lines:
            if line:
                # setTextOrigin's operator, with the numbers written once per column and per line.
                ordinate = self._ordinates.get(y) or self._ordinates.setdefault(y, fp_str(y))
                text._code.append(f"1 0 0 1 {table.start_x(column, line, font)} {ordinate} Tm")
                self._write(line, font)
            y -= CELL_LEADING

    def _write(self, line: str, font: str) -> None:
        text, encoded = self._text, self._table.encoded
        key = (font, line, text._curSubset)
        found = encoded.get(key)
        if found is None:
            code = text._formatText(line)  # moves text._curSubset to the subset it ends in
            found = encoded[key] = (code, text._curSubset)
        code, text._curSubset = found
        text._code.append(code)

    def finish(self) -> None:
        self._canvas.drawText(self._text)
