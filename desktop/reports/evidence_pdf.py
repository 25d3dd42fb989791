"""The evidence pack as a PDF, in the client's language (the reader is the client, or an inspector
acting on the client's behalf): identity, every consent event with the sentence shown, every
acknowledgment with its signature, every opt-out request, every access to the file, then the full
policy texts; the chain head on the first page and in every page's footer, as verified by the
service (a chain that does not verify is said there instead, and no head is printed).

A pure function of an :class:`EvidencePack`, in the shipped fonts (``desktop.pdf.fonts``, embedded
as subsets), reusing the acknowledgment's styles, tables and policy layout.
"""

from __future__ import annotations

import io
from datetime import datetime

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
    Paragraph,
    Spacer,
    Table,
)

import desktop.pdf.fonts as fonts
from desktop.domain.enums import Language, SignerCapacity
from desktop.domain.evidence import (
    EvidenceAccess,
    EvidenceAcknowledgment,
    EvidenceConsent,
    EvidencePack,
    EvidencePolicy,
)
from desktop.domain.formats import format_date, format_phone
from desktop.domain.records import OptOutRecord
from desktop.domain.texts import Text
from desktop.domain.wording import capacity_label, channel_label, purpose_label, via_label
from desktop.pdf.annex import policy_flowables
from desktop.pdf.annex_pages import body_frame
from desktop.pdf.blocks import key_value_table
from desktop.pdf.markup import DASH, esc, fit, format_signed_at, or_dash
from desktop.pdf.numbered_canvas import Furniture, NumberedCanvas, page_label
from desktop.pdf.scripts import draw_text
from desktop.pdf.signature import signature_image
from desktop.pdf.styles import (
    FRAME_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAGE_SIZE,
    Rule,
    Styles,
    make_styles,
    table_style,
)
from desktop.pdf.texts import PdfText
from desktop.reminders.evidence_section import reminder_section
from desktop.reports.access_log import CATEGORY_LABELS, category_of
from desktop.reports.access_request_evidence import access_request_section
from desktop.reports.chain_lines import PackChainText, broken_line, head_line, witness_value
from desktop.reports.disclosure_evidence import disclosure_section
from desktop.reports.evidence_texts import ACTION_LABELS, LANGUAGE_LABELS, METHOD_LABELS
from desktop.reports.evidence_texts import EvidenceText as T
from desktop.reports.schedule_evidence import appointment_section

_KEY_WIDTH = 4.4 * cm
_GRID = ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#999999"))
_HEADER_BG = ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6"))


def _label(labels: dict[str, Text], value: str, lang: Language) -> str:
    found = labels.get(value)
    return found.get(lang) if found is not None else value


def _moment(at: datetime) -> str:
    """In the workstation's (the clinic's) time zone, with its offset."""
    return format_signed_at(at.astimezone())


def _mono(text: str, size: float | None = None) -> str:
    sized = f' size="{size}"' if size else ""
    return f'<font name="{fonts.MONO}"{sized}>{esc(text)}</font>'


def _chain_footer(pack: EvidencePack, lang: Language) -> str:
    """The head, or that the chain did not verify: a head nobody verified is not printed."""
    if pack.chain_broken_at is not None:
        return broken_line(pack.chain_broken_at, lang)
    return head_line(pack.chain_head, lang)


def _furniture(pack: EvidencePack, lang: Language) -> Furniture:
    page_w, page_h = PAGE_SIZE
    left, right = MARGIN_X, page_w - MARGIN_X
    who = f"{pack.identity.name} · {pack.identity.file_number}"
    head = _chain_footer(pack, lang)

    def draw(canvas: Canvas, page: int, pages: int) -> None:
        canvas.saveState()
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.setStrokeColor(colors.HexColor("#999999"))
        canvas.setLineWidth(0.5)
        size, y = 7.8, 1.15 * cm
        canvas.line(left, y + 10, right, y + 10)
        label = page_label(lang, page, pages)
        canvas.setFont(fonts.BOLD, size)
        canvas.drawRightString(right, y, label)
        canvas.setFont(fonts.REGULAR, size)
        head_x = (
            right - stringWidth(label, fonts.BOLD, size) - 0.6 * cm - stringWidth(head, fonts.REGULAR, size)
        )
        canvas.drawString(head_x, y, head)
        # Names in any script: drawn with the fallback fonts and in visual order, like the other footers.
        draw_text(
            canvas, left, y, fit(who, fonts.REGULAR, size, head_x - left - 0.6 * cm), fonts.REGULAR, size
        )
        if page > 1:
            top = page_h - 1.25 * cm
            canvas.drawRightString(right, top, T.title.get(lang))
            organisation = fit(pack.organisation, fonts.REGULAR, size, (right - left) / 2)
            draw_text(canvas, left, top, organisation, fonts.REGULAR, size)
            canvas.line(left, top - 4, right, top - 4)
        canvas.restoreState()

    return draw


def _chain(pack: EvidencePack, lang: Language, st: Styles) -> list[Flowable]:
    """What this workstation verified of the chain: the head, or where the chain breaks; then the
    witness, which vouches for itself."""
    story: list[Flowable] = [Paragraph(esc(T.chain.get(lang)), st.heading)]
    rows: list[tuple[str, str]] = []
    if pack.chain_broken_at is None:
        head = pack.chain_head
        said = f"{T.chain_text.format(lang, sequence=head.sequence)} {PackChainText.verified.get(lang)}"
        story.append(Paragraph(esc(said), st.small))
        rows.append((esc(T.chain_head.get(lang)), f"{head.sequence} · {_mono(head.hash)}"))
    else:
        broken = PackChainText.broken.format(lang, sequence=pack.chain_broken_at)
        story.append(Paragraph(f"<b>{esc(broken)}</b>", st.body))
    if pack.witnessed is not None:
        rows.append((esc(T.workstation_witness.get(lang)), _mono(witness_value(pack.witnessed, lang))))
    if rows:
        story.append(key_value_table(rows, st, FRAME_WIDTH, _KEY_WIDTH))
    return story


def _opening(pack: EvidencePack, lang: Language, st: Styles) -> list[Flowable]:
    ident = pack.identity
    story: list[Flowable] = [
        Paragraph(or_dash(pack.organisation), st.clinic),
        Rule(FRAME_WIDTH),
        Paragraph(esc(T.title.get(lang)), st.title),
        Paragraph(esc(T.subtitle.format(lang, file=ident.file_number)), st.small),
        Paragraph(esc(T.produced.format(lang, at=_moment(pack.produced_at), who=pack.produced_by)), st.small),
    ]
    if pack.privacy_officer:
        colon = PdfText.colon.get(lang)
        story.append(Paragraph(f"{esc(T.officer.get(lang))}{colon} {esc(pack.privacy_officer)}", st.small))
    story += [
        *_chain(pack, lang, st),
        Paragraph(esc(T.identity.get(lang)), st.heading),
        key_value_table(
            [
                (esc(T.name.get(lang)), f"<b>{or_dash(ident.name)}</b>"),
                (esc(T.dob.get(lang)), esc(ident.date_of_birth.isoformat())),
                (esc(T.language.get(lang)), esc(_label(LANGUAGE_LABELS, str(ident.language), lang))),
                (esc(T.address.get(lang)), or_dash(ident.address)),
                (esc(T.email.get(lang)), or_dash(ident.email)),
                (esc(T.phone.get(lang)), or_dash(format_phone(ident.phone, lang, ident.phone_extension))),
                (esc(T.opened.get(lang)), esc(_moment(ident.created_at))),
            ],
            st,
            FRAME_WIDTH,
            _KEY_WIDTH,
        ),
    ]
    return story


def _consents(events: tuple[EvidenceConsent, ...], lang: Language, st: Styles) -> list[Flowable]:
    story: list[Flowable] = [
        CondPageBreak(4 * cm),
        Paragraph(esc(T.consents.format(lang, count=len(events))), st.heading_loose),
    ]
    if not events:
        return [*story, Paragraph(esc(T.no_consents.get(lang)), st.body)]
    heads = (T.number, T.when, T.consent, T.answer, T.method, T.who_where)
    data: list[list[object]] = [[Paragraph(esc(h.get(lang)), st.cell_bold) for h in heads]]
    commands: list[tuple[object, ...]] = [_GRID, _HEADER_BG]
    for event in events:
        row = len(data)
        answer = _label(ACTION_LABELS, event.action, lang)
        data.append(
            [
                Paragraph(str(event.sequence), st.small),
                Paragraph(esc(_moment(event.recorded_at)), st.small),
                Paragraph(
                    f"{esc(purpose_label(event.purpose, lang))} · {esc(channel_label(event.channel, lang))}",
                    st.small,
                ),
                Paragraph(f"<b>{esc(answer)}</b>", st.small),
                Paragraph(esc(_label(METHOD_LABELS, event.method, lang)), st.small),
                Paragraph(f"{or_dash(event.recorded_by)}<br/>{or_dash(event.site)}", st.small),
            ]
        )
        detail = [
            f"{esc(T.sentence.get(lang))} ({esc(str(event.language))}) : « {esc(event.wording)} »"
            if lang == Language.FR
            else f"{esc(T.sentence.get(lang))} ({esc(str(event.language))}): “{esc(event.wording)}”",
            f"{esc(T.policy.get(lang))} {esc(event.policy_version)} ({esc(str(event.policy_language))}), "
            f"SHA-256 {_mono(event.policy_sha256)}",
        ]
        if event.representative_name:
            capacity = event.representative_capacity or ""
            label = (
                capacity_label(SignerCapacity(capacity), lang)
                if capacity in set(SignerCapacity)
                else capacity
            )
            detail.append(esc(T.representative.format(lang, name=event.representative_name, capacity=label)))
        if event.imported is not None:
            stated = event.imported
            detail.append(
                esc(
                    T.imported.format(
                        lang,
                        row=stated.row_number,
                        sha=stated.file_sha256,
                        on=format_date(stated.stated_on, lang),
                        method=stated.stated_method,
                    )
                )
            )
        data.append([Paragraph("<br/>".join(detail), st.small), "", "", "", "", ""])
        commands.append(("SPAN", (0, row + 1), (-1, row + 1)))
        commands.append(("BACKGROUND", (0, row + 1), (-1, row + 1), colors.HexColor("#f6f6f6")))
    widths = [w * FRAME_WIDTH for w in (0.09, 0.18, 0.25, 0.11, 0.16, 0.21)]
    story.append(Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT", style=table_style(*commands)))
    return story


def _document_line(ack: EvidenceAcknowledgment, lang: Language) -> str:
    if ack.document_sha256 is None or ack.verification_code is None:
        return esc(T.no_document.get(lang))
    if ack.document_removed:
        return esc(T.document_removed.format(lang, code=ack.verification_code, sha=ack.document_sha256))
    text = T.document_intact if ack.document_intact else T.document_altered
    line = esc(text.format(lang, code=ack.verification_code, sha=ack.document_sha256))
    return line if ack.document_intact else f"<b>{line}</b>"


def _acknowledgments(acks: tuple[EvidenceAcknowledgment, ...], lang: Language, st: Styles) -> list[Flowable]:
    story: list[Flowable] = [
        CondPageBreak(4 * cm),
        Paragraph(esc(T.acknowledgments.format(lang, count=len(acks))), st.heading_loose),
    ]
    if not acks:
        return [*story, Paragraph(esc(T.no_acknowledgments.get(lang)), st.body)]
    for ack in acks:
        title = (T.refused_on if ack.refused else T.signed_on).format(lang, at=_moment(ack.signed_at))
        capacity = ack.signer_capacity
        capacity_text = (
            capacity_label(SignerCapacity(capacity), lang) if capacity in set(SignerCapacity) else capacity
        )
        rows = [
            (
                esc(T.policy.get(lang)),
                f"{esc(ack.policy_version)} ({esc(str(ack.policy_language))}), SHA-256 {_mono(ack.policy_sha256)}",
            ),
            (esc(T.signer.get(lang)), f"{or_dash(ack.signer_name)} ({esc(capacity_text)})"),
            (esc(T.witness.get(lang)), f"{or_dash(ack.witnessed_by)}, {or_dash(ack.site)}"),
            (esc(T.document.get(lang)), _document_line(ack, lang)),
        ]
        if ack.refused and ack.refusal_note.strip():
            rows.append((esc(T.refusal_note.get(lang)), esc(ack.refusal_note)))
        block: list[Flowable] = [
            Paragraph(f"<b>{esc(title)}</b>", st.body),
            key_value_table(rows, st, FRAME_WIDTH, _KEY_WIDTH),
        ]
        if ack.signature_png:
            block += [Paragraph(esc(T.signature.get(lang)), st.label), signature_image(ack.signature_png)]
        story += [KeepTogether(block), Spacer(1, 8)]
    return story


def _optouts(requests: tuple[OptOutRecord, ...], lang: Language, st: Styles) -> list[Flowable]:
    story: list[Flowable] = [
        CondPageBreak(4 * cm),
        Paragraph(esc(T.optouts.format(lang, count=len(requests))), st.heading_loose),
    ]
    if not requests:
        return [*story, Paragraph(esc(T.no_optouts.get(lang)), st.body)]
    for request in requests:
        purposes = ", ".join(purpose_label(p, lang) for p in sorted(request.purposes))
        channels = ", ".join(channel_label(c, lang) for c in sorted(request.channels))
        processed = (
            f"{_moment(request.processed_at)}, {request.processed_by or DASH}"
            if request.processed_at is not None
            else T.pending.get(lang)
        )
        confirmed = (
            _moment(request.confirmation_sent_at)
            if request.confirmation_sent_at is not None
            else T.not_sent.get(lang)
        )
        rows = [
            (esc(T.received.get(lang)), f"<b>{esc(request.received_on.isoformat())}</b>"),
            (esc(T.via.get(lang)), esc(via_label(request.received_via, lang))),
            (esc(T.due.get(lang)), f"<b>{esc(request.due_on.isoformat())}</b>"),
            (esc(T.requester.get(lang)), or_dash(request.requester_name)),
            (esc(T.scope.get(lang)), f"{esc(purposes)} · {esc(channels)}"),
            (esc(T.logged.get(lang)), f"{or_dash(request.logged_by)}, {esc(_moment(request.logged_at))}"),
            (esc(T.processed.get(lang)), esc(processed)),
            (esc(T.confirmation.get(lang)), esc(confirmed)),
        ]
        story += [KeepTogether([key_value_table(rows, st, FRAME_WIDTH, _KEY_WIDTH)]), Spacer(1, 8)]
    return story


def _access_label(entry: EvidenceAccess, lang: Language) -> str:
    return f"{esc(CATEGORY_LABELS[category_of(entry.action)].get(lang))}<br/>{_mono(entry.action, 6.6)}"


def _accesses(entries: tuple[EvidenceAccess, ...], lang: Language, st: Styles) -> list[Flowable]:
    story: list[Flowable] = [
        CondPageBreak(4 * cm),
        Paragraph(esc(T.accesses.format(lang, count=len(entries))), st.heading_loose),
    ]
    if not entries:
        return [*story, Paragraph(esc(T.no_accesses.get(lang)), st.body)]
    heads = (T.number, T.when, T.staff, T.workstation, T.action, T.record)
    data: list[list[object]] = [[Paragraph(esc(h.get(lang)), st.cell_bold) for h in heads]]
    for entry in entries:
        data.append(
            [
                Paragraph(str(entry.sequence), st.small),
                Paragraph(esc(f"{entry.at.astimezone():%Y-%m-%d %H:%M}"), st.small),
                Paragraph(f"{or_dash(entry.staff_name)} ({esc(entry.username)})", st.small),
                Paragraph(or_dash(entry.workstation), st.small),
                Paragraph(_access_label(entry, lang), st.small),
                Paragraph(f"{esc(entry.entity_type)}<br/>{_mono(entry.entity_id, 6.6)}", st.small),
            ]
        )
    widths = [w * FRAME_WIDTH for w in (0.08, 0.17, 0.19, 0.1, 0.21, 0.25)]
    story.append(
        Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT", style=table_style(_GRID, _HEADER_BG))
    )
    return story


def _policies(policies: tuple[EvidencePolicy, ...], lang: Language, st: Styles) -> list[Flowable]:
    story: list[Flowable] = []
    if policies:
        story.append(CondPageBreak(12 * cm))
        story.append(Paragraph(esc(T.policies.format(lang, count=len(policies))), st.title))
    for policy in policies:
        heading = T.policy_heading.format(
            lang,
            version=policy.version,
            language=_label(LANGUAGE_LABELS, str(policy.language), lang),
            effective=policy.effective_date.isoformat(),
        )
        story += [
            CondPageBreak(5 * cm),
            Paragraph(esc(heading), st.heading),
            Paragraph(f"SHA-256 {_mono(policy.sha256)}", st.small),
        ]
        if not policy.text_matches:
            story.append(Paragraph(f"<b>{esc(T.text_altered.get(lang))}</b>", st.body))
        story += [Rule(FRAME_WIDTH), *policy_flowables(policy.text, st)]
        if policy.summary_text is not None and policy.summary_sha256 is not None:
            story += [
                Paragraph(esc(T.summary_heading.get(lang)), st.heading),
                Paragraph(f"SHA-256 {_mono(policy.summary_sha256)}", st.small),
                *policy_flowables(policy.summary_text, st),
            ]
        story.append(Spacer(1, 10))
    return story


def render_evidence_pdf(pack: EvidencePack) -> bytes:
    """The pack as PDF bytes, in the client's language (identical input gives identical bytes)."""
    lang = pack.language
    fonts.register_fonts()
    st = make_styles()
    story = _opening(pack, lang, st)
    story += _consents(pack.consents, lang, st)
    story += _acknowledgments(pack.acknowledgments, lang, st)
    story += _optouts(pack.optouts, lang, st)
    story += disclosure_section(pack.disclosures, lang, st)
    story += access_request_section(pack.access_requests, pack.produced_at.astimezone().date(), lang, st)
    story += appointment_section(pack.appointment_events, lang, st)
    story += reminder_section(pack.reminders, lang, st)
    story += _accesses(pack.accesses, lang, st)
    story += _policies(pack.policies, lang, st)
    story += [Spacer(1, 8), Paragraph(esc(T.end.get(lang)), st.centered)]

    head = pack.chain_head
    subject = (  # the full hash, as on the first page, when it was verified
        f"{T.chain_head.get(lang)} {head.sequence} {head.hash}"
        if pack.chain_broken_at is None
        else _chain_footer(pack, lang)
    )
    buffer = io.BytesIO()
    template = BaseDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"{T.title.get(lang)} — {pack.identity.file_number}",
        author=pack.organisation,
        subject=subject,
        creator="FrontDesk",
        producer="FrontDesk",
        invariant=1,
        pageCompression=1,
        lang=PdfText.language_tag.get(lang),
        initialFontName=fonts.REGULAR,
        initialFontSize=10,
        displayDocTitle=1,
    )
    template.addPageTemplates([PageTemplate(id="page", frames=[body_frame()])])
    template.build(story, canvasmaker=NumberedCanvas.maker(_furniture(pack, lang)))
    return buffer.getvalue()
