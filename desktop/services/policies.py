"""Privacy-policy versions: published by a manager (or loaded from resources/ for the demo), never
edited, each with the SHA-256 of its text and of the summary read at the desk."""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.db.database import Database
from desktop.db.models import PolicyVersion
from desktop.domain.enums import Language
from desktop.domain.errors import FieldError, NotFoundError, PolicyVersionExistsError, ValidationError
from desktop.domain.records import Actor, PolicyDraft, PolicyVersionRecord
from desktop.paths import resource_path
from desktop.services.clock import Clock
from desktop.services.permissions import Permission
from desktop.services.queries.policies import current_policy
from desktop.services.unit_of_work import UnitOfWork, run

log = logging.getLogger(__name__)
_POLICY_FILE = re.compile(r"^(\d{4}-\d{2}-\d{2})\.(fr|en)\.txt$")
#: A policy text or summary, in characters: far above any real one (the bundled French text is ~9,000).
MAX_POLICY_TEXT = 1_000_000
#: Control characters a text file may hold: tab and line breaks.
_TEXT_CONTROLS = {"\t", "\n"}


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class BundledPolicy:
    version: str
    language: Language
    text: str
    #: ``<version>.summary.<language>.txt`` beside the text, when shipped.
    summary: str | None = None

    @property
    def effective_date(self) -> date:
        return date.fromisoformat(self.version)


def bundled_policies(folder: Path | None = None) -> list[BundledPolicy]:
    folder = folder or resource_path("policies")
    found = []
    for path in sorted(folder.iterdir()):
        match = _POLICY_FILE.match(path.name)
        if match:
            version, language = match.group(1), Language(match.group(2))
            summary = folder / f"{version}.summary.{language.value}.txt"
            found.append(
                BundledPolicy(
                    version,
                    language,
                    path.read_text("utf-8"),
                    summary.read_text("utf-8") if summary.is_file() else None,
                )
            )
    return found


def load_bundled_policies(session: Session, now: datetime) -> int:
    """Insert bundled versions the database lacks. A bundled text that differs from the stored text
    of the same version is refused loudly: a published version never changes."""
    added = 0
    for bundled in bundled_policies():
        digest = text_sha256(bundled.text)
        stored = session.scalar(
            select(PolicyVersion).where(
                PolicyVersion.version == bundled.version, PolicyVersion.language == bundled.language
            )
        )
        if stored is None:
            session.add(
                PolicyVersion(
                    version=bundled.version,
                    language=bundled.language,
                    effective_date=bundled.effective_date,
                    text=bundled.text,
                    sha256=digest,
                    loaded_at=now,
                    summary_text=bundled.summary,
                    summary_sha256=text_sha256(bundled.summary) if bundled.summary is not None else None,
                )
            )
            added += 1
        elif stored.sha256 != digest:
            log.error("bundled policy %s/%s differs from the stored text", bundled.version, bundled.language)
        elif bundled.summary is not None and stored.summary_sha256 != text_sha256(bundled.summary):
            log.error("bundled summary %s/%s differs from the stored one", bundled.version, bundled.language)
    return added


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


def to_record(policy: PolicyVersion) -> PolicyVersionRecord:
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


class PolicyService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def current(self, actor: Actor, language: Language) -> PolicyVersionRecord:
        def work(uow: UnitOfWork) -> PolicyVersionRecord:
            return to_record(current_policy(uow.session, language, uow.clock.today()))

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)

    def publish(self, actor: Actor, draft: PolicyDraft) -> list[PolicyVersionRecord]:
        """Publish a new version (manager or privacy officer): in force from ``draft.effective_date``,
        today or later by the services' clock. Returns its French and English records. From that day,
        clients whose latest acknowledgment is of an older version are asked to sign again."""

        def work(uow: UnitOfWork) -> list[PolicyVersionRecord]:
            if draft.effective_date < uow.clock.today():
                raise ValidationError([FieldError("effective_date", "date_in_past")])
            rows = store_policy_version(uow.session, draft, uow.now)
            uow.audit(
                "policy.publish",
                "policy_version",
                rows[0].version,
                "; ".join(f"{row.language.value}={row.sha256}" for row in rows),
            )
            return [to_record(row) for row in rows]

        return run(self._db, self._clock, actor, Permission.MANAGE_CLINIC, work)

    def versions(self, actor: Actor) -> list[PolicyVersionRecord]:
        """Every version in every language, newest first, with its hashes (texts included)."""

        def work(uow: UnitOfWork) -> list[PolicyVersionRecord]:
            rows = uow.session.scalars(
                select(PolicyVersion).order_by(PolicyVersion.effective_date.desc(), PolicyVersion.language)
            )
            return [to_record(p) for p in rows]

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)

    def get(self, actor: Actor, policy_id: int) -> PolicyVersionRecord:
        def work(uow: UnitOfWork) -> PolicyVersionRecord:
            policy = uow.session.get(PolicyVersion, policy_id)
            if policy is None:
                raise NotFoundError(what=f"policy {policy_id}")
            return to_record(policy)

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)
