"""The blocks of the acknowledgment's first part: clinic header, key-value tables, the consent
choices, the signature (or the refusal to sign), how to withdraw consent, the verification box."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

import desktop.pdf.fonts as fonts
from desktop.domain.enums import ConsentAction, Language
from desktop.domain.words import Words
from desktop.pdf.document import AcknowledgmentDocument, ConsentChoice
from desktop.pdf.markup import DASH, clean, esc, format_signed_at, or_dash
from desktop.pdf.paragraphs import Paragraph
from desktop.pdf.scripts import needs_scripts
from desktop.pdf.signature import SIGNATURE_BOX, signature_image
from desktop.pdf.styles import Rule, Styles, TableCommand, table_style
from desktop.pdf.texts import AcknowledgmentText as A
from desktop.pdf.texts import PdfText


def plain_or_paragraph(markup: str, style: ParagraphStyle, room: float) -> Paragraph | str:
    """Markup with no tag or entity that fits ``room`` on one line, in the style's own font, as plain
    table text (the table's style sets its font, size and colour); anything else as a Paragraph.
    A Paragraph costs a markup parse and a line break; a short label needs neither."""
    if "<" in markup or "&" in markup or needs_scripts(markup):
        return Paragraph(markup, style)
    if stringWidth(markup, style.fontName, style.fontSize) > room:
        return Paragraph(markup, style)
    return markup


def key_value_table(rows: list[tuple[str, str]], st: Styles, width: float, key_width: float) -> Table:
    # The key column has no left padding, 4 points on the right; the value column 4 on each side.
    value_room = width - key_width - 8
    data = [
        [plain_or_paragraph(key, st.label, key_width - 4), plain_or_paragraph(value, st.cell, value_room)]
        for key, value in rows
    ]
    return Table(
        data,
        colWidths=[key_width, width - key_width],
        hAlign="LEFT",
        splitInRow=1,
        style=table_style(
            ("LEFTPADDING", (0, 0), (0, -1), 0),
            ("FONTSIZE", (0, 0), (0, -1), st.label.fontSize),
            ("LEADING", (0, 0), (0, -1), st.label.leading),
            ("TEXTCOLOR", (0, 0), (0, -1), st.label.textColor),
            ("FONTSIZE", (1, 0), (1, -1), st.cell.fontSize),
            ("LEADING", (1, 0), (1, -1), st.cell.leading),
            ("TEXTCOLOR", (1, 0), (1, -1), st.cell.textColor),
        ),
    )


def clinic_header(
    doc: AcknowledgmentDocument, code: str, lang: Language, st: Styles, width: float
) -> list[Flowable]:
    """Clinic name, address and contact on the left; the verification code boxed on the right."""
    clinic = doc.clinic
    lines = [esc(line) for line in (clean(x).strip() for x in clinic.address_lines) if line]
    colon = PdfText.colon.get(lang)
    contact = []
    if clean(clinic.phone).strip():
        contact.append(f"{esc(A.phone.get(lang))} {esc(clinic.phone.strip())}")
    if clean(clinic.email).strip():
        contact.append(f"{esc(A.email.get(lang))}{colon} {esc(clinic.email.strip())}")
    left: list[Flowable] = [Paragraph(or_dash(clinic.name), st.clinic)]
    if lines:
        left.append(Paragraph("<br/>".join(lines), st.small))
    if contact:
        left.append(Paragraph(" · ".join(contact), st.small))
    box_width = 5.6 * cm
    gap = 0.4 * cm
    header = Table(
        [[left, "", verification_box(code, doc, lang, st, box_width)]],
        colWidths=[width - box_width - gap, gap, box_width],
        hAlign="LEFT",
        style=table_style(
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ),
    )
    return [header, Spacer(1, 3), Rule(width), Paragraph(esc(A.title.get(lang)), st.title)]


def choices_block(doc: AcknowledgmentDocument, lang: Language, st: Styles, width: float) -> Flowable:
    if not doc.choices:
        return Paragraph(esc(A.no_choices.get(lang)), st.body)

    bold_cells: list[tuple[int, int]] = []

    def mark(choice: ConsentChoice | None, room: float, cell: tuple[int, int]) -> Paragraph | str:
        label, style = DASH, st.cell
        if choice is not None and choice.granted:
            label, style = A.granted.get(lang), st.cell_bold
        elif choice is not None:
            # "Refused" only where the client said no; no answer is only "not given".
            text = A.not_given
            if choice.answer == ConsentAction.DECLINED:
                text = A.declined
            elif choice.answer == ConsentAction.WITHDRAWN:
                text = A.withdrawn
            label = text.get(lang)
        # A mark that fits its cell on one line is plain table text: a grid has twenty of them, and
        # laying each out as a Paragraph was most of the first page's rendering time.
        if needs_scripts(label) or stringWidth(label, style.fontName, style.fontSize) > room:
            return Paragraph(esc(label), style)
        if style is st.cell_bold:
            bold_cells.append(cell)
        return label

    purposes: list[str] = []
    channels: list[str] = []
    for choice in doc.choices:
        if choice.purpose_label not in purposes:
            purposes.append(choice.purpose_label)
        if choice.channel_label not in channels:
            channels.append(choice.channel_label)
    grid = {(c.purpose_label, c.channel_label): c for c in doc.choices}

    header_bg = ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6"))
    grid_lines = ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#999999"))
    if len(channels) <= 4:
        # Matrix: one row per purpose, one column per channel.
        purpose_width = width * (0.44 if len(channels) > 2 else 0.5)
        channel_width = (width - purpose_width) / len(channels)
        room = channel_width - 8  # the cells' left and right padding
        header: list[Paragraph | str] = [
            plain_or_paragraph(esc(Words.purpose.get(lang)), st.cell_bold, purpose_width - 8)
        ]
        data = [header + [plain_or_paragraph(esc(ch), st.cell_bold, room) for ch in channels]]
        bold_cells += [(col, 0) for col in range(len(channels) + 1)]
        for purpose in purposes:
            row = len(data)
            cells: list[Paragraph | str] = [plain_or_paragraph(or_dash(purpose), st.cell, purpose_width - 8)]
            data.append(
                cells
                + [
                    mark(grid.get((purpose, ch)), room, (col, row))
                    for col, ch in enumerate(channels, start=1)
                ]
            )
        widths = [purpose_width] + [channel_width] * len(channels)
        spans: list[TableCommand] = []
        split_in_row = 1
    else:
        # Too many channels for columns: one row per purpose and channel, the purpose cell spanning
        # its rows (a purpose is never split across pages).
        data = [[Paragraph(esc(t.get(lang)), st.cell_bold) for t in (Words.purpose, A.channel, A.choice)]]
        spans = []
        for purpose in purposes:
            first_row = len(data)
            for channel in channels:
                if (purpose, channel) in grid:
                    data.append(
                        [
                            Paragraph(or_dash(purpose), st.cell) if len(data) == first_row else "",
                            Paragraph(or_dash(channel), st.cell),
                            mark(grid[(purpose, channel)], width * 0.22 - 8, (2, len(data))),
                        ]
                    )
            if len(data) - 1 > first_row:
                spans.append(("SPAN", (0, first_row), (0, len(data) - 1)))
        widths = [width * 0.45, width * 0.33, width * 0.22]
        split_in_row = 0
    return Table(
        data,
        colWidths=widths,
        repeatRows=1,
        hAlign="LEFT",
        splitInRow=split_in_row,
        style=table_style(
            header_bg,
            grid_lines,
            ("TOPPADDING", (0, 0), (-1, -1), 3.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
            ("FONTSIZE", (0, 0), (-1, -1), st.cell.fontSize),
            ("LEADING", (0, 0), (-1, -1), st.cell.leading),
            ("TEXTCOLOR", (0, 0), (-1, -1), st.cell.textColor),
            *[("FONTNAME", cell, cell, fonts.BOLD) for cell in bold_cells],
            *spans,
        ),
    )


def two_column_details(rows: list[tuple[str, str]], st: Styles, width: float) -> Table:
    """Label/value pairs laid out two per line (label, value, label, value)."""
    data = []
    for i in range(0, len(rows), 2):
        pair = rows[i : i + 2]
        line: list[Paragraph | str] = []
        for key, value in pair:
            line += [Paragraph(key, st.label), Paragraph(value, st.cell)]
        while len(line) < 4:
            line.append("")
        data.append(line)
    key_w = 3.3 * cm
    value_w = width / 2 - key_w
    return Table(
        data,
        colWidths=[key_w, value_w, key_w, value_w],
        hAlign="LEFT",
        splitInRow=1,
        style=table_style(("LEFTPADDING", (0, 0), (0, -1), 0)),
    )


def signature_block(doc: AcknowledgmentDocument, lang: Language, st: Styles, width: float) -> list[Flowable]:
    details = [
        (esc((A.signer if doc.signed else A.refused_by).get(lang)), or_dash(doc.signer_name)),
        (esc(A.capacity.get(lang)), or_dash(doc.signer_capacity_label)),
        (esc(Words.date_and_time.get(lang)), esc(format_signed_at(doc.signed_at))),
        (esc(A.witness.get(lang)), or_dash(doc.witness_name)),
        (esc(A.location.get(lang)), or_dash(doc.clinic_location_label)),
    ]
    if not doc.signed:
        details = [details[0], details[2], details[1], details[4], details[3]]
    heading = Paragraph(esc((A.signature if doc.signed else A.refusal).get(lang)), st.heading)
    if not doc.signed:
        banner = Table(
            [[Paragraph(esc(A.refused_banner.get(lang)), st.banner)]],
            colWidths=[width],
            style=table_style(
                ("BOX", (0, 0), (-1, -1), 1.6, colors.black),
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f0f0f0")),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ),
        )
        note = clean(doc.refusal_note).strip()
        note_text = esc(note) if note else esc(A.no_refusal_note.get(lang))
        return [
            KeepTogether(
                [
                    heading,
                    banner,
                    Spacer(1, 5),
                    two_column_details(details, st, width),
                ]
            ),
            Spacer(1, 4),
            Paragraph(
                f"<b>{esc(A.refusal_note.get(lang))}{PdfText.colon.get(lang)}</b> {note_text}", st.body
            ),
        ]

    assert doc.signature_png is not None
    image = signature_image(doc.signature_png)
    box_w, box_h = SIGNATURE_BOX
    caption = Paragraph(
        esc(A.signature_of.format(lang, name=clean(doc.signer_name).strip() or DASH)), st.muted
    )
    signature_cell = Table(
        [[image], [caption]],
        colWidths=[box_w],
        rowHeights=[box_h, None],
        style=table_style(
            ("VALIGN", (0, 0), (0, 0), "MIDDLE"),
            ("ALIGN", (0, 0), (0, 0), "CENTER"),
            ("LINEBELOW", (0, 0), (0, 0), 0.8, colors.black),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ),
    )
    gap = 0.6 * cm
    details_width = width - box_w - gap
    block = Table(
        [[signature_cell, "", key_value_table(details, st, details_width, 3.6 * cm)]],
        colWidths=[box_w, gap, details_width],
        hAlign="LEFT",
        style=table_style(
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ),
    )
    return [KeepTogether([heading, block])]


def withdraw_block(doc: AcknowledgmentDocument, lang: Language, st: Styles) -> list[Flowable]:
    clinic = doc.clinic
    colon = PdfText.colon.get(lang)
    address_lines = [line for line in (clean(x).strip() for x in clinic.address_lines) if line]
    address = ", ".join([clean(clinic.name).strip()] + address_lines) if address_lines else ""
    # The sentence is escaped first, then its placeholders are replaced by the escaped values.
    marker = "\x00{}\x00"
    text = esc(A.withdraw_text.get(lang)).replace("{", "\x00").replace("}", "\x00")
    for key, value in (("phone", clinic.phone), ("email", clinic.email), ("address", address)):
        text = text.replace(marker.format(key), f"<b>{or_dash(value)}</b>")
    officer = clean(clinic.privacy_officer_name).strip()
    officer_contact = clean(clinic.privacy_officer_contact).strip()
    officer_text = " — ".join(esc(x) for x in (officer, officer_contact) if x) or DASH
    return [
        Paragraph(esc(A.withdraw.get(lang)), st.heading),
        Paragraph(text, st.body),
        Paragraph(f"<b>{esc(A.privacy_officer.get(lang))}</b>{colon}<br/>{officer_text}", st.body),
    ]


def verification_box(
    code: str, doc: AcknowledgmentDocument, lang: Language, st: Styles, width: float
) -> Table:
    cells = [
        Paragraph(esc(A.verification_code.get(lang)), st.label),
        Paragraph(esc(code), st.code),
        Paragraph(esc(A.acknowledgment_id.get(lang)), st.tiny),
        Paragraph(esc(doc.acknowledgment_id.strip()), st.tiny_mono),
    ]
    return Table(
        [[cells]],
        colWidths=[width],
        hAlign="RIGHT",
        style=table_style(
            ("BOX", (0, 0), (-1, -1), 0.8, colors.HexColor("#555555")),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ),
    )
