"""The evidence pack's section on access and rectification requests: every request about the client (when it
was received and how, what it asked, its due date, when the requester's identity was verified) and what
became of it: answered (what was sent, with the SHA-256 of the document sent) or refused (the reason), or
still open, flagged overdue once past its due date on the day the pack is produced.

The requester is not named: the pack goes to the client, and the requester may be someone else (a
representative) whose name and contact stay in the request itself."""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer

from desktop.domain.access_request_messages import AccessRequestTexts
from desktop.domain.access_requests import AccessRequestRecord, AccessRequestStatus
from desktop.domain.enums import Language
from desktop.domain.texts import Text
from desktop.pdf import fonts
from desktop.pdf.blocks import key_value_table
from desktop.pdf.markup import DASH, esc, format_signed_at, or_dash
from desktop.pdf.styles import FRAME_WIDTH, Styles

__all__ = ["AccessRequestEvidenceText", "access_request_section"]

_KEY_WIDTH = 4.4 * cm
# A SHA-256 in this size fits the value column on one line, so it reads back whole.
_HASH_SIZE = 7.2


class AccessRequestEvidenceText:
    title = Text(
        "Demandes d'accès et de rectification ({count})", "Access and rectification requests ({count})"
    )
    none = Text("Aucune demande d'accès ou de rectification.", "No access or rectification request.")
    entry = Text("Demande n° {id} reçue le {on}", "Request no. {id} received on {on}")
    kind = Text("Type", "Kind")
    channel = Text("Reçue par", "Received by")
    due = Text("Échéance (30 jours civils)", "Due (30 calendar days)")
    identity = Text("Identité du demandeur", "Requester's identity")
    verified = Text("vérifiée le {at}", "verified on {at}")
    not_verified = Text("non vérifiée", "not verified")
    status = Text("Suite donnée", "Outcome")
    answered = Text("Répondue le {on}", "Answered on {on}")
    refused = Text("Refusée le {on}", "Refused on {on}")
    open = Text("Ouverte", "Open")
    overdue = Text(
        "Ouverte, EN RETARD : l'échéance est passée le {on}", "Open, OVERDUE: the due date passed on {on}"
    )
    late = Text("après l'échéance", "after the due date")
    sent = Text("Ce qui a été transmis", "What was sent")
    document = Text("SHA-256 du document transmis", "SHA-256 of the document sent")
    no_document = Text("aucun document consigné", "no document recorded")
    reason = Text("Motif du refus", "Reason for refusing")


def _label(value: str, lang: Language) -> str:
    text = getattr(AccessRequestTexts, value, None)
    return text.get(lang) if isinstance(text, Text) else value


def _closed_moment(record: AccessRequestRecord) -> str:
    closed = record.answered_at or record.refused_at
    return format_signed_at(closed.astimezone()) if closed is not None else DASH


def _outcome(record: AccessRequestRecord, today: date, lang: Language) -> str:
    T = AccessRequestEvidenceText
    status = record.status
    if status == AccessRequestStatus.OPEN:
        if record.overdue_on(today):
            return f"<b>{esc(T.overdue.format(lang, on=record.due_on.isoformat()))}</b>"
        return esc(T.open.get(lang))
    words = T.answered if status == AccessRequestStatus.ANSWERED else T.refused
    line = esc(words.format(lang, on=_closed_moment(record)))
    if record.closed_late:
        line += f" (<b>{esc(T.late.get(lang))}</b>)"
    return line


def _rows(record: AccessRequestRecord, today: date, lang: Language) -> list[tuple[str, str]]:
    T = AccessRequestEvidenceText
    verified = (
        esc(T.verified.format(lang, at=format_signed_at(record.identity_verified_at.astimezone())))
        if record.identity_verified_at is not None
        else esc(T.not_verified.get(lang))
    )
    rows = [
        (esc(T.kind.get(lang)), f"<b>{esc(_label(record.kind.value, lang))}</b>"),
        (esc(T.channel.get(lang)), esc(_label(record.channel.value, lang))),
        (esc(T.due.get(lang)), esc(record.due_on.isoformat())),
        (esc(T.identity.get(lang)), verified),
        (esc(T.status.get(lang)), _outcome(record, today, lang)),
    ]
    if record.status == AccessRequestStatus.ANSWERED:
        sent = ", ".join(_label(item.value, lang) for item in sorted(record.answer_items))
        document = (
            f'<font name="{fonts.MONO}" size="{_HASH_SIZE}">{esc(record.document_sha256)}</font>'
            if record.document_sha256
            else esc(T.no_document.get(lang))
        )
        rows += [(esc(T.sent.get(lang)), or_dash(sent)), (esc(T.document.get(lang)), document)]
    elif record.status == AccessRequestStatus.REFUSED:
        rows.append((esc(T.reason.get(lang)), or_dash(record.refusal_reason)))
    return rows


def access_request_section(
    requests: tuple[AccessRequestRecord, ...], today: date, lang: Language, st: Styles
) -> list[Flowable]:
    """``requests``: those about the pack's client, oldest first; ``today``: the day the pack is produced
    (an open request past its due date on that day is overdue)."""
    T = AccessRequestEvidenceText
    story: list[Flowable] = [
        CondPageBreak(4 * cm),
        Paragraph(esc(T.title.format(lang, count=len(requests))), st.heading_loose),
    ]
    if not requests:
        return [*story, Paragraph(esc(T.none.get(lang)), st.body)]
    for record in requests:
        heading = T.entry.format(lang, id=record.id, on=record.received_on.isoformat())
        block: list[Flowable] = [
            Paragraph(f"<b>{esc(heading)}</b>", st.body),
            key_value_table(_rows(record, today, lang), st, FRAME_WIDTH, _KEY_WIDTH),
        ]
        story += [KeepTogether(block), Spacer(1, 8)]
    return story
