"""Privacy-policy versions as they are stored: the text cleaned and hashed, one row per language, a
date published once. Shared by the policy service and the first run's set-up."""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.db.models import PolicyVersion
from desktop.domain.enums import Language
from desktop.domain.errors import FieldError, PolicyVersionExistsError, ValidationError
from desktop.domain.records import PolicyDraft, PolicyVersionRecord

__all__ = ["MAX_POLICY_TEXT", "clean_policy_text", "policy_record", "store_policy_version", "text_sha256"]

#: A policy text or summary, in characters: far above any real one (the bundled French text is ~9,000).
MAX_POLICY_TEXT = 1_000_000
#: Control characters a text file may hold: tab and line breaks.
_TEXT_CONTROLS = {"\t", "\n"}


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def clean_policy_text(errors: list[FieldError], field: str, value: str) -> str:
    """The text as stored and hashed: NFC, line breaks as ``\\n``, no byte-order mark; a FieldError when
    it is empty, too long, or holds what no text file holds (NUL, other control characters, lone
    surrogates that cannot be written as UTF-8)."""
    value = unicodedata.normalize(
        "NFC", value.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    )
    if not value.strip():
        errors.append(FieldError(field, "required"))
    elif len(value) > MAX_POLICY_TEXT:
        errors.append(FieldError(field, "too_long", {"max": MAX_POLICY_TEXT}))
    elif any(unicodedata.category(ch) in ("Cc", "Cs") and ch not in _TEXT_CONTROLS for ch in value):
        errors.append(FieldError(field, "invalid_characters"))
    return value


def store_policy_version(session: Session, draft: PolicyDraft, now: datetime) -> list[PolicyVersion]:
    """Add the version ``draft`` describes, one row per language, its label being the effective date
    (``2026-12-01``). Refuses a date already published (PolicyVersionExistsError) and a text or summary
    that is empty or not plain text (ValidationError). No check of the date against today: the caller
    decides (a manager publishes for today or later; a first set-up may import an older policy)."""
    errors: list[FieldError] = []
    texts = {
        language: (
            clean_policy_text(errors, f"text_{language.value}", draft.text(language)),
            clean_policy_text(errors, f"summary_{language.value}", draft.summary(language)),
        )
        for language in (Language.FR, Language.EN)
    }
    if errors:
        raise ValidationError(errors)
    label = draft.effective_date.isoformat()
    taken = session.scalar(
        select(PolicyVersion.id)
        .where(or_(PolicyVersion.version == label, PolicyVersion.effective_date == draft.effective_date))
        .limit(1)
    )
    if taken is not None:
        raise PolicyVersionExistsError(label)
    rows = [
        PolicyVersion(
            version=label,
            language=language,
            effective_date=draft.effective_date,
            text=text,
            sha256=text_sha256(text),
            loaded_at=now,
            summary_text=summary,
            summary_sha256=text_sha256(summary),
        )
        for language, (text, summary) in texts.items()
    ]
    session.add_all(rows)
    try:
        session.flush()
    except IntegrityError as clash:  # published at the same moment from another workstation
        raise PolicyVersionExistsError(label) from clash
    return rows


def policy_record(policy: PolicyVersion) -> PolicyVersionRecord:
    return PolicyVersionRecord(
        policy.id,
        policy.version,
        policy.effective_date,
        policy.language,
        policy.sha256,
        policy.text,
        summary=policy.summary_text,
        summary_sha256=policy.summary_sha256,
    )
