"""The evidence pack's section on disclosures: every entry of the disclosure register naming the client (to whom
their information was communicated, on what legal basis, what, how, authorised by whom), corrections marked.

The pack goes to the client: another client named in the same disclosure is counted, never named."""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer

from desktop.domain.disclosure_messages import MEANS_LABELS, RECIPIENT_LABELS
from desktop.domain.disclosures import DisclosureRecord
from desktop.domain.enums import Language
from desktop.domain.texts import Text
from desktop.pdf.blocks import key_value_table
from desktop.pdf.markup import esc, format_signed_at, or_dash
from desktop.pdf.styles import FRAME_WIDTH, Styles

_KEY_WIDTH = 4.4 * cm


class DisclosureEvidenceText:
    title = Text(
        "Communications de renseignements à des tiers ({count})",
        "Disclosures of information to third parties ({count})",
    )
    none = Text("Aucune communication à un tiers.", "No disclosure to a third party.")
    entry = Text("Communication n° {id} du {on}", "Disclosure no. {id} of {on}")
    recipient = Text("Destinataire", "Recipient")
    legal_basis = Text("Fondement légal", "Legal basis")
    information = Text("Renseignements communiqués", "Information disclosed")
    authorised_by = Text("Autorisée par", "Authorised by")
    means = Text("Moyen", "Means")
    recorded = Text("Consignée par, le", "Recorded by, on")
    others = Text("Autres dossiers visés", "Other files concerned")
    note = Text("Note", "Note")
    corrects = Text("Corrige la communication n° {id}.", "Corrects disclosure no. {id}.")
    corrected_by = Text(
        "Corrigée par la communication n° {id} : celle-ci reste au registre.",
        "Corrected by disclosure no. {id}: this one stays in the register.",
    )


def disclosure_section(
    disclosures: tuple[DisclosureRecord, ...], lang: Language, st: Styles
) -> list[Flowable]:
    """``disclosures``: the entries naming the pack's client (so each names at least that one)."""
    T = DisclosureEvidenceText
    story: list[Flowable] = [
        CondPageBreak(4 * cm),
        Paragraph(esc(T.title.format(lang, count=len(disclosures))), st.heading_loose),
    ]
    if not disclosures:
        return [*story, Paragraph(esc(T.none.get(lang)), st.body)]
    for entry in disclosures:
        kind = RECIPIENT_LABELS[entry.recipient_kind].get(lang)
        recipient = f"{kind} — {entry.recipient_name}" if entry.recipient_name else kind
        rows = [
            (esc(T.recipient.get(lang)), f"<b>{esc(recipient)}</b>"),
            (esc(T.legal_basis.get(lang)), or_dash(entry.legal_basis)),
            (esc(T.information.get(lang)), or_dash(entry.information)),
            (esc(T.authorised_by.get(lang)), or_dash(entry.authorised_by)),
            (esc(T.means.get(lang)), esc(MEANS_LABELS[entry.means].get(lang))),
            (
                esc(T.recorded.get(lang)),
                f"{or_dash(entry.recorded_by)}, {esc(format_signed_at(entry.recorded_at.astimezone()))}",
            ),
            (esc(T.others.get(lang)), str(max(len(entry.client_ids) - 1, 0))),
        ]
        if entry.note:
            rows.append((esc(T.note.get(lang)), esc(entry.note)))
        block: list[Flowable] = [
            Paragraph(
                f"<b>{esc(T.entry.format(lang, id=entry.id, on=entry.disclosed_on.isoformat()))}</b>", st.body
            )
        ]
        if entry.corrects_id is not None:
            block.append(Paragraph(esc(T.corrects.format(lang, id=entry.corrects_id)), st.small))
        if entry.corrected_by_id is not None:
            block.append(
                Paragraph(f"<b>{esc(T.corrected_by.format(lang, id=entry.corrected_by_id))}</b>", st.small)
            )
        block.append(key_value_table(rows, st, FRAME_WIDTH, _KEY_WIDTH))
        story += [KeepTogether(block), Spacer(1, 8)]
    return story
