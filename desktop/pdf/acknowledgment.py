"""The signed privacy-policy acknowledgment, rendered as a PDF.

``render_acknowledgment_pdf`` is a pure function: an :class:`AcknowledgmentDocument` in, PDF bytes
out. It touches no database and reads nothing but the bundled fonts, and the same input always
gives the same bytes (reportlab's invariant mode, no clock-based metadata), so the SHA-256 of a
stored acknowledgment can be reproduced.

Layout (US Letter, as Quebec clinics print on Letter):

* page 1: clinic header, title, client, the acknowledgment statement (or the refusal to sign), the
  consent choices (purpose x channel), signature block, how to withdraw consent, privacy officer,
  verification code (``blocks``);
* annex, from a new page: the full text of the policy version that was presented, with its SHA-256,
  then the summary read at the desk, with its own (``annex``), laid out once per version and
  language and drawn under each document's pages (``annex_pages``);
* every page: client name, file number, verification code and "Page X de Y" / "Page X of Y"
  (``numbered_canvas``).

The words come from ``texts``, the styles from ``styles``, the checks from ``document``.
"""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageTemplate,
    Spacer,
)

import desktop.pdf.fonts as fonts
from desktop.domain.enums import Language
from desktop.domain.words import Words
from desktop.pdf.annex import annex, summary_annex
from desktop.pdf.annex_pages import AnnexKey, AnnexPages, annex_pages, body_frame
from desktop.pdf.blocks import choices_block, clinic_header, key_value_table, signature_block, withdraw_block
from desktop.pdf.document import (
    AcknowledgmentDocument,
    ClinicInfo,
    ConsentChoice,
    document_language,
    validate,
)
from desktop.pdf.markup import DASH, as_date, clean, esc, fit, or_dash
from desktop.pdf.numbered_canvas import Furniture, NumberedCanvas, page_label
from desktop.pdf.paragraphs import Paragraph
from desktop.pdf.scripts import draw_text
from desktop.pdf.signature import MAX_SIGNATURE_PIXELS
from desktop.pdf.styles import (
    FRAME_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAGE_SIZE,
    Styles,
    make_styles,
)
from desktop.pdf.texts import AcknowledgmentText as A
from desktop.pdf.texts import PdfText

__all__ = [
    "MAX_SIGNATURE_PIXELS",
    "AcknowledgmentDocument",
    "ClinicInfo",
    "ConsentChoice",
    "render_acknowledgment_pdf",
]


def _furniture(doc: AcknowledgmentDocument, code: str, lang: Language) -> Furniture:
    """Footer on every page (who, file, code, page number); from page 2, a running header."""
    page_w, page_h = PAGE_SIZE
    left, right = MARGIN_X, page_w - MARGIN_X
    grey = colors.HexColor("#555555")
    rule = colors.HexColor("#999999")
    client = clean(doc.client_name).strip() or DASH
    file_number = clean(doc.file_number).strip() or DASH
    clinic_name = clean(doc.clinic.name).strip()
    size = 7.8
    y = 1.15 * cm
    top = page_h - 1.25 * cm
    code_text = f"{A.verification_code.get(lang)} {code}"
    code_w = stringWidth(code_text, fonts.REGULAR, size)
    who = f"{client} · {Words.file.get(lang)} {file_number}"
    title = A.title.get(lang)
    title_w = stringWidth(title, fonts.REGULAR, size)
    clinic_line = fit(clinic_name, fonts.REGULAR, size, right - left - title_w - 0.8 * cm)
    # What does not change from page to page is measured once (a name in a shaped script costs).
    fitted: dict[float, str] = {}

    def draw(canvas: Canvas, page: int, pages: int) -> None:
        canvas.saveState()
        canvas.setFillColor(grey)
        canvas.setStrokeColor(rule)
        canvas.setLineWidth(0.5)
        canvas.line(left, y + 10, right, y + 10)
        page_text = page_label(lang, page, pages)
        canvas.setFont(fonts.BOLD, size)
        canvas.drawRightString(right, y, page_text)
        page_w_used = stringWidth(page_text, fonts.BOLD, size)
        canvas.setFont(fonts.REGULAR, size)
        code_x = right - page_w_used - 0.8 * cm - code_w
        canvas.drawString(code_x, y, code_text)
        room = code_x - left - 0.6 * cm
        if room not in fitted:
            fitted[room] = fit(who, fonts.REGULAR, size, room)
        draw_text(canvas, left, y, fitted[room], fonts.REGULAR, size)
        if page > 1:
            canvas.drawRightString(right, top, title)
            draw_text(canvas, left, top, clinic_line, fonts.REGULAR, size)
            canvas.line(left, top - 4, right, top - 4)
        canvas.restoreState()

    return draw


def _first_part(
    doc: AcknowledgmentDocument, code: str, lang: Language, version: str, st: Styles
) -> list[Flowable]:
    """Page 1: everything before the annex."""
    width = FRAME_WIDTH
    clinic_name = clean(doc.clinic.name).strip()
    effective = as_date(doc.policy_effective_date).isoformat()
    story: list[Flowable] = clinic_header(doc, code, lang, st, width)
    story.append(Paragraph(esc(Words.client.get(lang)), st.heading))
    story.append(
        key_value_table(
            [
                (esc(A.client_name.get(lang)), f"<b>{or_dash(doc.client_name)}</b>"),
                (esc(A.dob.get(lang)), esc(as_date(doc.client_date_of_birth).isoformat())),
                (esc(A.file_number.get(lang)), or_dash(doc.file_number)),
            ],
            st,
            width,
            4.2 * cm,
        )
    )
    story.append(Paragraph(esc(A.policy.get(lang)), st.heading))
    story.append(
        key_value_table(
            [
                (
                    esc(A.policy_version.get(lang)),
                    f"<b>{esc(version)}</b> ({esc(A.policy_effective.get(lang))} {esc(effective)})",
                ),
                (
                    esc(A.sha256.get(lang)),
                    f'<font name="{fonts.MONO}">{esc(doc.policy_sha256.lower())}</font>',
                ),
            ],
            st,
            width,
            4.2 * cm,
        )
    )
    statement = A.statement_signed if doc.signed else A.statement_refused
    story.append(Spacer(1, 5))
    story.append(Paragraph(esc(statement.format(lang, clinic=clinic_name or DASH, version=version)), st.body))

    # The table may run over several pages: keep only its heading from being left alone at the bottom.
    story.append(CondPageBreak(3.5 * cm))
    story.append(Paragraph(esc(A.choices.get(lang)), st.heading_loose))
    story.append(choices_block(doc, lang, st, width))

    story += signature_block(doc, lang, st, width)
    # Each kept whole: a phone number or an address is never cut by a page break.
    story.append(KeepTogether(withdraw_block(doc, lang, st)))
    story.append(Spacer(1, 2))
    story.append(
        KeepTogether(
            Paragraph(
                f"<b>{esc(A.verification_code.get(lang))} {esc(code)}</b> — {esc(A.verification_text.get(lang))}",
                st.muted,
            )
        )
    )
    return story


def render_acknowledgment_pdf(doc: AcknowledgmentDocument) -> bytes:
    """Render ``doc`` to PDF bytes (deterministic: identical input gives identical bytes)."""
    code = validate(doc)
    lang = document_language(doc)
    fonts.register_fonts()
    version = clean(doc.policy_version_label).strip() or DASH
    effective = as_date(doc.policy_effective_date).isoformat()

    st = make_styles()
    key = AnnexKey(doc.policy_sha256.lower(), _summary_sha(doc), version, effective, lang.value)

    def annex_story() -> list[Flowable]:
        story = annex(doc.policy_text, doc.policy_sha256, version, effective, lang, st, FRAME_WIDTH)
        if doc.summary_text is not None and doc.summary_sha256 is not None:
            story += summary_annex(doc.summary_text, doc.summary_sha256, version, lang, st, FRAME_WIDTH)
        return story

    # The annex starts on a page of its own, laid out once per version and language.
    annexed = annex_pages(key, annex_story)
    pages, data = _build(doc, code, lang, version, _first_part(doc, code, lang, version, st), annexed)
    if pages == 1:
        return data
    # The first part spilled onto a second page: the annex follows it there (when it has room) rather
    # than leaving that page nearly blank, laid out with the document as before the cache.
    story = _first_part(doc, code, lang, version, st) + [CondPageBreak(12 * cm), *annex_story()]
    return _build(doc, code, lang, version, story, None)[1]


def _build(
    doc: AcknowledgmentDocument,
    code: str,
    lang: Language,
    version: str,
    story: list[Flowable],
    annexed: AnnexPages | None,
) -> tuple[int, bytes]:
    """The document's pages laid out from ``story``, then ``annexed`` drawn on pages of their own:
    how many pages the story took, and the PDF."""
    clinic_name = clean(doc.clinic.name).strip()
    buffer = io.BytesIO()
    template = BaseDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"{A.title.get(lang)} — {version}",
        author=clinic_name,
        subject=f"{A.policy.get(lang)} {version} · SHA-256 {doc.policy_sha256.lower()}",
        creator="FrontDesk",
        producer="FrontDesk",
        keywords=[code],
        invariant=1,
        pageCompression=1,
        lang=PdfText.language_tag.get(lang),
        initialFontName=fonts.REGULAR,
        initialFontSize=10,
        displayDocTitle=1,
    )
    template.addPageTemplates([PageTemplate(id="page", frames=[body_frame()])])
    appended = (annexed.pages, annexed.draw) if annexed is not None else None
    template.build(story, canvasmaker=NumberedCanvas.maker(_furniture(doc, code, lang), appended=appended))
    return template.page, buffer.getvalue()


def _summary_sha(doc: AcknowledgmentDocument) -> str | None:
    return doc.summary_sha256.lower() if doc.summary_sha256 is not None else None
