"""A report as a PDF: heading, key figures, charts, tables that repeat their header on every page,
the definitions used, the audit chain's head it was produced against (in the footer, and in full with
this workstation's witness at the end), and "Page X of Y". US Letter, in the shipped fonts."""

from __future__ import annotations

import dataclasses
import io

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import LETTER, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

import desktop.pdf.fonts as fonts
from desktop.domain.enums import Language
from desktop.domain.formats import format_number
from desktop.pdf.markup import esc, fit
from desktop.pdf.numbered_canvas import Furniture, NumberedCanvas, page_label
from desktop.pdf.scripts import draw_text, needs_scripts
from desktop.pdf.texts import PdfText
from desktop.reports.base import ChainSeal
from desktop.reports.chain_lines import broken_line, head_line, witness_value
from desktop.reports.charts import bar_chart
from desktop.reports.evidence_texts import EvidenceText
from desktop.reports.layout import ReportLayout, Section, format_cell, header_lines
from desktop.reports.streamed_table import CELL_SIZE, StreamedTable, wrap_text
from desktop.reports.texts import ReportText

MARGIN = 1.6 * cm
FIGURE_SIZE = 10
#: The rows a table prints at most: a 50,000-row table takes about 4 s of processor time.
PDF_ROW_LIMIT = 50_000
GREY = colors.HexColor("#555555")


def _styles() -> dict[str, ParagraphStyle]:
    # The bullet font is named: reportlab's default is Helvetica, which is never embedded.
    base = ParagraphStyle(
        "FDReport", fontName=fonts.REGULAR, bulletFontName=fonts.REGULAR, fontSize=9.5, leading=12.5
    )
    return {
        "title": ParagraphStyle("FDReportTitle", parent=base, fontName=fonts.BOLD, fontSize=16, leading=20),
        "clinic": ParagraphStyle("FDReportClinic", parent=base, fontName=fonts.BOLD, fontSize=11, leading=14),
        "meta": ParagraphStyle("FDReportMeta", parent=base, fontSize=9, leading=12, textColor=GREY),
        "heading": ParagraphStyle(
            "FDReportHeading",
            parent=base,
            fontName=fonts.BOLD,
            fontSize=11.5,
            leading=15,
            spaceBefore=10,
            spaceAfter=4,
        ),
        "definition": ParagraphStyle(
            "FDReportDefinition", parent=base, fontSize=8.5, leading=11, leftIndent=10, bulletIndent=0
        ),
        "seal": ParagraphStyle("FDReportSeal", parent=base, fontSize=8.5, leading=11.5, textColor=GREY),
        "body": base,
    }


def _figures(layout: ReportLayout, width: float) -> Table | None:
    if not layout.figures:
        return None

    def value(label: str, text: str) -> str:
        # Right-aligned, a value may use the room its label leaves; a longer one (a client's name in
        # an access log) wraps there rather than running over its label and off the page.
        room = width * 0.75 - stringWidth(label, fonts.REGULAR, FIGURE_SIZE) - 18
        return _cell(text, fonts.BOLD, room, FIGURE_SIZE, TA_RIGHT)

    cells = [
        [label, value(label, format_cell(v, kind, layout.language))] for label, v, kind in layout.figures
    ]
    return Table(
        cells,
        colWidths=[width * 0.55, width * 0.2],
        hAlign="LEFT",
        style=TableStyle(
            [
                ("FONTNAME", (0, 0), (0, -1), fonts.REGULAR),
                ("FONTNAME", (1, 0), (1, -1), fonts.BOLD),
                ("FONTSIZE", (0, 0), (-1, -1), FIGURE_SIZE),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#cccccc")),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        ),
    )


def _cell(
    text: str, font: str, width: float, size: float = CELL_SIZE, alignment: int = TA_LEFT
) -> str | Paragraph:
    """A plain string, or a Paragraph for text in a script a single font cannot draw in order (a
    client's name in Arabic or Korean): the Paragraph's markup picks the fonts and the order."""
    if not needs_scripts(text):
        return _wrap(text, font, width, size)
    style = ParagraphStyle(
        "FDReportCell", fontName=font, fontSize=size, leading=size + 2, alignment=alignment
    )
    return Paragraph(esc(text), style)


def _wrap(text: str, font: str, width: float, size: float = CELL_SIZE) -> str:
    return "\n".join(wrap_text(text, font, width, size))


def _seal_footer(seal: ChainSeal | None, language: Language) -> str:
    """The head on every page, or that the chain did not verify (a head that means nothing is not printed)."""
    if seal is None:
        return ""
    if seal.broken_at is not None:
        return broken_line(seal.broken_at, language)
    return head_line(seal.head, language)


def _seal_block(seal: ChainSeal, language: Language, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    """At the end: the head in full and this workstation's witness, in the evidence pack's words."""
    colon = PdfText.colon.get(language)
    lines: list[Flowable] = [Paragraph(esc(EvidenceText.chain.get(language)), st["heading"])]
    if seal.broken_at is None:
        head = f"{seal.head.sequence} · {_mono(seal.head.hash)}"
        lines += [
            Paragraph(
                esc(ReportText.chain_verified.format(language, sequence=seal.head.sequence)), st["seal"]
            ),
            Paragraph(f"{esc(EvidenceText.chain_head.get(language))}{colon} {head}", st["seal"]),
        ]
    else:
        broken = ReportText.chain_broken.format(language, sequence=seal.broken_at)
        lines.append(Paragraph(f"<b>{esc(broken)}</b>", st["body"]))
    if seal.witnessed is not None:
        witness = _mono(witness_value(seal.witnessed, language))
        lines.append(
            Paragraph(f"{esc(EvidenceText.workstation_witness.get(language))}{colon} {witness}", st["seal"])
        )
    return [KeepTogether(lines)]


def _mono(text: str) -> str:
    return f'<font name="{fonts.MONO}">{esc(text)}</font>'


def _footer(layout: ReportLayout, page_size: tuple[float, float]) -> Furniture:
    left, right = MARGIN, page_size[0] - MARGIN
    period, _ = header_lines(layout)
    text = f"{layout.title} · {period}"
    seal = _seal_footer(layout.header.seal, layout.language)

    def draw(canvas: Canvas, page: int, pages: int) -> None:
        canvas.saveState()
        canvas.setFillColor(GREY)
        canvas.setStrokeColor(colors.HexColor("#999999"))
        canvas.setLineWidth(0.5)
        y = 1.0 * cm
        canvas.line(left, y + 10, right, y + 10)
        canvas.setFont(fonts.BOLD, 7.8)
        number = page_label(layout.language, page, pages)
        canvas.drawRightString(right, y, number)
        canvas.setFont(fonts.REGULAR, 7.8)
        room = right - left - stringWidth(number, fonts.BOLD, 7.8) - 1 * cm
        if seal:
            width = stringWidth(seal, fonts.REGULAR, 7.8)
            canvas.drawString(right - stringWidth(number, fonts.BOLD, 7.8) - 0.6 * cm - width, y, seal)
            room -= width + 0.6 * cm
        draw_text(canvas, left, y, fit(text, fonts.REGULAR, 7.8, room), fonts.REGULAR, 7.8)
        canvas.restoreState()

    return draw


def _section_story(
    section: Section, layout: ReportLayout, width: float, row_limit: int, st: dict[str, ParagraphStyle]
) -> list[Flowable]:
    language = layout.language
    if not section.rows and section.total is None:
        return [Paragraph(esc(section.empty_text or ReportText.none.get(language)), st["body"])]
    story: list[Flowable] = []
    if len(section.rows) > row_limit:
        # Said where the list starts, in the reader's language: the CSV holds every row.
        cut = ReportText.rows_cut.format(
            language,
            total=format_number(len(section.rows), language),
            shown=format_number(row_limit, language),
        )
        story.append(Paragraph(f"<b>{esc(cut)}</b>", st["body"]))
        story.append(Spacer(1, 4))
        section = dataclasses.replace(section, rows=section.rows[:row_limit])
    return [*story, StreamedTable.of(section, language, width)]


def render_report_pdf(layout: ReportLayout, row_limit: int = PDF_ROW_LIMIT) -> bytes:
    """``row_limit``: a table longer than that prints its first rows under a note sending the reader
    to the CSV (a list of a quarter of a million clients is read in a spreadsheet, not on paper)."""
    fonts.register_fonts()
    page_size = landscape(LETTER) if layout.landscape else LETTER
    width = page_size[0] - 2 * MARGIN
    st = _styles()
    period, generated = header_lines(layout)
    story: list[Flowable] = [
        Paragraph(esc(layout.header.clinic_name), st["clinic"]),
        Paragraph(esc(layout.title), st["title"]),
        Paragraph(esc(period), st["meta"]),
        Paragraph(esc(generated), st["meta"]),
        Spacer(1, 8),
    ]
    figures = _figures(layout, width)
    if figures is not None:
        story += [figures, Spacer(1, 6)]
    for chart in layout.charts:
        story += [Spacer(1, 6), bar_chart(chart, width), Spacer(1, 4)]
    for section in layout.sections:
        story.append(CondPageBreak(3 * cm))
        story.append(Paragraph(esc(section.title), st["heading"]))
        story += _section_story(section, layout, width, row_limit, st)
    if layout.definitions:
        block: list[Flowable] = [Paragraph(esc(ReportText.definitions.get(layout.language)), st["heading"])]
        block += [Paragraph(esc(text), st["definition"], bulletText="•") for text in layout.definitions]
        story.append(KeepTogether(block))
    if layout.header.seal is not None:
        story += _seal_block(layout.header.seal, layout.language, st)

    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=page_size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 0.4 * cm,
        title=layout.title,
        author=layout.header.clinic_name,
        subject=period,
        creator="FrontDesk",
        producer="FrontDesk",
        invariant=1,
        pageCompression=1,
        lang=PdfText.language_tag.get(layout.language),
        initialFontName=fonts.REGULAR,
        displayDocTitle=1,
    )
    frame = Frame(
        MARGIN,
        MARGIN + 0.4 * cm,
        width,
        page_size[1] - 2 * MARGIN - 0.4 * cm,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    document.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    document.build(story, canvasmaker=NumberedCanvas.maker(_footer(layout, page_size)))
    return buffer.getvalue()
