"""A report as a PDF: heading, key figures, charts, tables that repeat their header on every page,
the definitions used, the audit chain's head it was produced against (in the footer, and in full with
this workstation's witness at the end), and "Page X of Y". US Letter, in the shipped fonts."""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import LETTER, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    LongTable,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

import desktop.pdf.fonts as fonts
from desktop.domain.enums import Language
from desktop.pdf.markup import esc, fit
from desktop.pdf.numbered_canvas import Furniture, NumberedCanvas, page_label
from desktop.pdf.scripts import draw_text, needs_scripts
from desktop.pdf.texts import PdfText
from desktop.reports.base import ChainSeal
from desktop.reports.chain_lines import broken_line, head_line, witness_value
from desktop.reports.charts import bar_chart
from desktop.reports.evidence_texts import EvidenceText
from desktop.reports.layout import Cell, Column, ReportLayout, Section, format_cell, header_lines
from desktop.reports.texts import ReportText

MARGIN = 1.6 * cm
CELL_SIZE = 8.2
CELL_LEADING = 9.8
FIGURE_SIZE = 10
GREY = colors.HexColor("#555555")
HEADER_BACKGROUND = colors.HexColor("#e4e8ef")
STRIPE = colors.HexColor("#f5f6f8")


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
    """Plain-string cells wrap on their own lines (much faster than a Paragraph per cell); a word too
    long for its column (a SHA-256) is cut between characters rather than run off the page."""
    if stringWidth(text, font, size) <= width:
        return text
    lines: list[str] = []
    for line in simpleSplit(text, font, size, width) or [text]:
        while len(line) > 1 and stringWidth(line, font, size) > width:
            cut = len(line) - 1
            while cut > 1 and stringWidth(line[:cut], font, size) > width:
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
        lines.append(line)
    return "\n".join(lines)


def _align(column: Column) -> int:
    return TA_RIGHT if column.numeric else TA_LEFT


def _table(section: Section, layout: ReportLayout, width: float) -> Flowable:
    columns: tuple[Column, ...] = section.columns
    weights = sum(c.width for c in columns)
    widths = [width * c.width / weights for c in columns]
    inner = [w - 8 for w in widths]

    def line(values: tuple[Cell, ...], font: str) -> list[str | Paragraph]:
        return [
            _cell(format_cell(v, c.kind, layout.language), font, inner[i], CELL_SIZE, _align(c))
            for i, (v, c) in enumerate(zip(values, columns, strict=True))
        ]

    data: list[list[str | Paragraph]] = [
        [_wrap(c.label, fonts.BOLD, inner[i]) for i, c in enumerate(columns)]
    ]
    data += [line(row, fonts.REGULAR) for row in section.rows]
    if section.total is not None:
        data.append(
            [
                "" if v is None else cell
                for v, cell in zip(section.total, line(section.total, fonts.BOLD), strict=True)
            ]
        )
    style = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
        ("LEADING", (0, 0), (-1, -1), CELL_LEADING),
        ("FONTNAME", (0, 0), (-1, 0), fonts.BOLD),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.HexColor("#333333")),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, STRIPE]),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    for index, column in enumerate(columns):
        if column.numeric:
            style.append(("ALIGN", (index, 0), (index, -1), "RIGHT"))
    if section.total is not None:
        style += [
            ("FONTNAME", (0, -1), (-1, -1), fonts.BOLD),
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.HexColor("#333333")),
            ("BACKGROUND", (0, -1), (-1, -1), colors.white),
        ]
    return LongTable(data, colWidths=widths, repeatRows=1, hAlign="LEFT", style=TableStyle(style))


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


def render_report_pdf(layout: ReportLayout) -> bytes:
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
        if section.rows or section.total is not None:
            story.append(_table(section, layout, width))
        else:
            story.append(
                Paragraph(esc(section.empty_text or ReportText.none.get(layout.language)), st["body"])
            )
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
