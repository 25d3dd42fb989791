"""What an acknowledgment PDF prints, and the checks that make a document printable."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime

from desktop.domain.enums import ConsentAction, Language
from desktop.pdf.verification import InvalidVerificationCode, normalise_code, verification_code

_HEX64 = re.compile(r"[0-9a-fA-F]{64}")


@dataclass(frozen=True)
class ClinicInfo:
    name: str
    address_lines: tuple[str, ...]
    phone: str
    email: str
    privacy_officer_name: str
    privacy_officer_contact: str


@dataclass(frozen=True)
class ConsentChoice:
    """One cell of the client's grid. Not granted, it says why: the client said no (declined), withdrew
    an earlier consent, or was never asked or gave no answer (``answer`` None) — not a refusal."""

    purpose_label: str
    channel_label: str
    granted: bool
    answer: ConsentAction | None = None


@dataclass(frozen=True)
class AcknowledgmentDocument:
    """Everything printed on one acknowledgment.

    ``policy_sha256`` must be the SHA-256 (hex) of ``policy_text`` encoded as UTF-8: the renderer
    refuses a document whose printed hash would not match the printed text. ``verification_code``
    must be ``verification_code(acknowledgment_id)`` (any spelling accepted by ``normalise_code``).
    ``signed_at`` must be timezone-aware and is printed in its own timezone (pass clinic local
    time). ``signature_png`` is required when ``signed`` is true and must be ``None`` otherwise.
    Labels (purposes, channels, signer capacity) arrive already localised. ``summary_text`` is the
    summary read at the desk (printed after the policy in the annex), with ``summary_sha256`` its
    SHA-256, checked like the policy's; both are None when no summary was shown.
    """

    language: Language
    clinic: ClinicInfo
    client_name: str
    client_date_of_birth: date
    file_number: str
    policy_version_label: str
    policy_effective_date: date
    policy_text: str
    policy_sha256: str
    choices: tuple[ConsentChoice, ...]
    signed: bool
    signature_png: bytes | None
    signer_name: str
    signer_capacity_label: str
    signed_at: datetime
    witness_name: str
    clinic_location_label: str
    refusal_note: str | None
    verification_code: str
    acknowledgment_id: str
    summary_text: str | None = None
    summary_sha256: str | None = None


def document_language(doc: AcknowledgmentDocument) -> Language:
    """The document's language as the enum (a plain "fr" or "en" is accepted)."""
    try:
        return Language(doc.language)
    except ValueError:
        raise ValueError(f"unsupported language: {doc.language!r}") from None


def validate(doc: AcknowledgmentDocument) -> str:
    """Check the document is consistent; return the canonical verification code."""
    document_language(doc)
    if not isinstance(doc.signed_at, datetime) or doc.signed_at.utcoffset() is None:
        raise ValueError("signed_at must be a timezone-aware datetime")
    if not isinstance(doc.client_date_of_birth, date) or not isinstance(doc.policy_effective_date, date):
        raise ValueError("client_date_of_birth and policy_effective_date must be dates")
    if not doc.policy_text.strip():
        raise ValueError("policy_text is empty")
    if not _HEX64.fullmatch(doc.policy_sha256 or ""):
        raise ValueError("policy_sha256 must be 64 hexadecimal characters")
    actual = hashlib.sha256(doc.policy_text.encode("utf-8")).hexdigest()
    if actual != doc.policy_sha256.lower():
        raise ValueError("policy_sha256 does not match policy_text (SHA-256 of its UTF-8 encoding)")
    if (doc.summary_text is None) != (doc.summary_sha256 is None):
        raise ValueError("summary_text and summary_sha256 go together")
    if doc.summary_text is not None:
        if not doc.summary_text.strip():
            raise ValueError("summary_text is empty")
        digest = hashlib.sha256(doc.summary_text.encode("utf-8")).hexdigest()
        if digest != (doc.summary_sha256 or "").lower():
            raise ValueError("summary_sha256 does not match summary_text (SHA-256 of its UTF-8 encoding)")
    if not doc.acknowledgment_id or not doc.acknowledgment_id.strip():
        raise ValueError("acknowledgment_id is empty")
    expected = verification_code(doc.acknowledgment_id)
    try:
        given = normalise_code(doc.verification_code)
    except InvalidVerificationCode as exc:
        raise ValueError(f"verification_code is not a valid code: {exc}") from exc
    if given != expected:
        raise ValueError("verification_code does not belong to acknowledgment_id")
    if doc.signed and not doc.signature_png:
        raise ValueError("a signed acknowledgment needs signature_png")
    if not doc.signed and doc.signature_png is not None:
        raise ValueError("a refused acknowledgment must not carry a signature image")
    seen: set[tuple[str, str]] = set()
    for choice in doc.choices:
        key = (choice.purpose_label, choice.channel_label)
        if key in seen:
            raise ValueError(f"consent choice listed twice: {key!r}")
        seen.add(key)
    return expected
