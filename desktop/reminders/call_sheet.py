"""The call sheet: the day's reminders to give by phone, to print and tick off, and the appointments
not to remind (with the reason). US Letter, landscape, every font embedded (the shipped fonts through
``desktop.pdf``), "Page N of M" as on every FrontDesk PDF. It prints what the desk needs to call
(time, name, number, language, the words to say), never the reason for the visit."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    LongTable,
    PageTemplate,
    Paragraph,
    Spacer,
    TableStyle,
)

import desktop.pdf.fonts as fonts
from desktop.domain.enums import Language
from desktop.domain.formats import format_date_long, format_datetime, format_time
from desktop.domain.texts import Text
from desktop.pdf.markup import esc, fit
from desktop.pdf.numbered_canvas import Furniture, NumberedCanvas, page_label
from desktop.pdf.scripts import draw_text
from desktop.pdf.texts import PdfText

MARGIN = 1.4 * cm
GREY = colors.HexColor("#555555")
HEADER_BACKGROUND = colors.HexColor("#e4e8ef")


class CallSheetText:
    title = Text("Rappels par téléphone — {day}", "Phone reminders — {day}")
    produced = Text("Produit le {at} par {by}", "Produced on {at} by {by}")
    calls = Text("À appeler ({count})", "To call ({count})")
    not_reminded = Text("Ne pas rappeler ({count})", "Not to remind ({count})")
    none = Text("Aucun.", "None.")
    time = Text("Heure", "Time")
    client = Text("Client", "Client")
    file = Text("Dossier", "File")
    phone = Text("Téléphone", "Phone")
    language = Text("Langue", "Language")
    words = Text("À dire", "To say")
    reference = Text("Réf.", "Ref.")
    done = Text("Fait", "Done")
    reason = Text("Raison", "Reason")


@dataclass(frozen=True)
class CallRow:
    starts_at: datetime
    client_name: str
    file_number: str
    phone: str
    language: Language
    words: str
    reference: str


@dataclass(frozen=True)
class SkippedRow:
    starts_at: datetime
    client_name: str
    file_number: str
    reason: str


@dataclass(frozen=True)
class CallSheet:
    day: date
    site: str
    produced_at: datetime
    produced_by: str
    language: Language
    calls: tuple[CallRow, ...]
    not_reminded: tuple[SkippedRow, ...]


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle(
        "FDCall", fontName=fonts.REGULAR, bulletFontName=fonts.REGULAR, fontSize=9, leading=11.5
    )
    return {
        "title": ParagraphStyle("FDCallTitle", parent=base, fontName=fonts.BOLD, fontSize=15, leading=19),
        "site": ParagraphStyle("FDCallSite", parent=base, fontName=fonts.BOLD, fontSize=11, leading=14),
        "meta": ParagraphStyle("FDCallMeta", parent=base, textColor=GREY),
        "heading": ParagraphStyle(
            "FDCallHeading",
            parent=base,
            fontName=fonts.BOLD,
            fontSize=11,
            leading=14,
            spaceBefore=10,
            spaceAfter=4,
        ),
        "cell": ParagraphStyle("FDCallCell", parent=base, fontSize=8.5, leading=10.5),
        "head": ParagraphStyle("FDCallHead", parent=base, fontName=fonts.BOLD, fontSize=8.5, leading=10.5),
        "body": base,
    }


def _table(
    headings: list[str], rows: list[list[str]], widths: list[float], st: dict[str, ParagraphStyle]
) -> Flowable:
    data = [[Paragraph(esc(h), st["head"]) for h in headings]]
    data += [[Paragraph(esc(value), st["cell"]) for value in row] for row in rows]
    table = LongTable(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                # Named: the table's own default is Helvetica, which is never embedded.
                ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#b0b6c0")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _footer(sheet: CallSheet, page_size: tuple[float, float], title: str) -> Furniture:
    left, right = MARGIN, page_size[0] - MARGIN

    def draw(canvas: Canvas, page: int, pages: int) -> None:
        canvas.saveState()
        canvas.setFillColor(GREY)
        number = page_label(sheet.language, page, pages)
        canvas.setFont(fonts.BOLD, 7.8)
        canvas.drawRightString(right, 0.9 * cm, number)
        draw_text(canvas, left, 0.9 * cm, fit(f"{sheet.site} · {title}", fonts.REGULAR, 7.8, right - left - 4 * cm),
                  fonts.REGULAR, 7.8)  # fmt: skip
        canvas.restoreState()

    return draw


def render_call_sheet(sheet: CallSheet) -> bytes:
    fonts.register_fonts()
    language = sheet.language
    t = {name: value.get(language) for name, value in vars(CallSheetText).items() if isinstance(value, Text)}
    title = CallSheetText.title.format(language, day=format_date_long(sheet.day, language, weekday=True))
    page_size = landscape(LETTER)
    width = page_size[0] - 2 * MARGIN
    st = _styles()
    produced = CallSheetText.produced.format(
        language, at=format_datetime(sheet.produced_at, language), by=sheet.produced_by
    )
    story: list[Flowable] = [
        Paragraph(esc(sheet.site), st["site"]),
        Paragraph(esc(title), st["title"]),
        Paragraph(esc(produced), st["meta"]),
        Spacer(1, 6),
        Paragraph(esc(CallSheetText.calls.format(language, count=len(sheet.calls))), st["heading"]),
    ]
    if sheet.calls:
        rows = [
            [format_time(c.starts_at.astimezone(), language), c.client_name, c.file_number, c.phone,
             c.language.value, c.words, c.reference, "☐"]
            for c in sheet.calls
        ]  # fmt: skip
        shares = [0.06, 0.16, 0.08, 0.17, 0.07, 0.32, 0.09, 0.05]
        headings = [
            t["time"],
            t["client"],
            t["file"],
            t["phone"],
            t["language"],
            t["words"],
            t["reference"],
            t["done"],
        ]
        story.append(_table(headings, rows, [width * s for s in shares], st))
    else:
        story.append(Paragraph(esc(t["none"]), st["body"]))
    story.append(
        Paragraph(
            esc(CallSheetText.not_reminded.format(language, count=len(sheet.not_reminded))), st["heading"]
        )
    )
    if sheet.not_reminded:
        rows = [
            [format_time(s.starts_at.astimezone(), language), s.client_name, s.file_number, s.reason]
            for s in sheet.not_reminded
        ]
        shares = [0.08, 0.3, 0.1, 0.52]
        story.append(
            _table([t["time"], t["client"], t["file"], t["reason"]], rows, [width * s for s in shares], st)
        )
    else:
        story.append(Paragraph(esc(t["none"]), st["body"]))

    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=page_size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title,
        author=sheet.site,
        creator="FrontDesk",
        producer="FrontDesk",
        invariant=1,
        pageCompression=1,
        lang=PdfText.language_tag.get(language),
        initialFontName=fonts.REGULAR,
        displayDocTitle=1,
    )
    frame = Frame(MARGIN, MARGIN, width, page_size[1] - 2 * MARGIN, leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0)  # fmt: skip
    document.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    document.build(story, canvasmaker=NumberedCanvas.maker(_footer(sheet, page_size, title)))
    return buffer.getvalue()
