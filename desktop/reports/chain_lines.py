"""The chain head and this workstation's witness in the evidence pack's words: written here once, so
that the evidence pack and every report print the same lines, and say the same when the chain does
not verify."""

from __future__ import annotations

from desktop.domain.enums import Language
from desktop.domain.evidence import ChainHead, WitnessedHead
from desktop.domain.texts import Text
from desktop.reports.evidence_texts import EvidenceText as T
from desktop.reports.texts import ReportText


class PackChainText:
    """The evidence pack's own sentences about the verification (the reports' are in ``ReportText``)."""

    verified = Text(
        "Ce poste a vérifié la chaîne maillon par maillon jusqu'à celui-ci (depuis sa vérification "
        "précédente, seuls les maillons ajoutés sont recalculés ; la commande « frontdesk db check » "
        "vérifie la chaîne entière).",
        "This workstation verified the chain link by link up to it (since its previous verification "
        "only the links added are recomputed; the command “frontdesk db check” verifies the whole chain).",
    )
    broken = Text(
        "La chaîne d'audit ne se vérifie pas : elle est rompue au maillon n° {sequence}. Ce dossier de "
        "preuve ne peut donc être rattaché à une tête de chaîne fiable ; la commande « frontdesk db "
        "check » en donne le détail.",
        "The audit chain does not verify: it is broken at link no. {sequence}. This evidence pack "
        "therefore cannot be tied to a trustworthy chain head; the command “frontdesk db check” gives "
        "the details.",
    )


def head_line(head: ChainHead, lang: Language) -> str:
    """Short, for a page's footer: ``Tête de la chaîne 1234 · 3f9a…`` (the hash's first 16 digits)."""
    return f"{T.chain_head.get(lang)} {head.sequence} · {head.hash[:16]}…"


def broken_line(broken_at: int, lang: Language) -> str:
    """For a page's footer in place of the head: ``Chaîne d'audit non vérifiée : rompue au maillon n° 12``."""
    return ReportText.chain_broken_footer.format(lang, sequence=broken_at)


def witness_value(witnessed: WitnessedHead, lang: Language) -> str:
    """``3f9a2b1c · jusqu'au maillon n° 1240 · HMAC …``: which witness, up to which record, its seal."""
    return T.witness_value.format(
        lang, id=witnessed.witness_id[:8], sequence=witnessed.audit_last_id, mac=witnessed.mac
    )
