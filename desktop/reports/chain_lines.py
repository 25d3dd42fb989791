"""The chain head and this workstation's witness in the evidence pack's words: written here once, so
that the evidence pack and every report print the same lines."""

from __future__ import annotations

from desktop.domain.enums import Language
from desktop.domain.evidence import ChainHead, WitnessedHead
from desktop.reports.evidence_texts import EvidenceText as T


def head_line(head: ChainHead, lang: Language) -> str:
    """Short, for a page's footer: ``Tête de la chaîne 1234 · 3f9a…`` (the hash's first 16 digits)."""
    return f"{T.chain_head.get(lang)} {head.sequence} · {head.hash[:16]}…"


def witness_value(witnessed: WitnessedHead, lang: Language) -> str:
    """``3f9a2b1c · jusqu'au maillon n° 1240 · HMAC …``: which witness, up to which record, its seal."""
    return T.witness_value.format(
        lang, id=witnessed.witness_id[:8], sequence=witnessed.audit_last_id, mac=witnessed.mac
    )
