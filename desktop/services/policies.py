"""Privacy-policy versions: published by a manager (or loaded from resources/ for the demo), never
edited, each with the SHA-256 of its text and of the summary read at the desk."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.database import Database
from desktop.db.models import PolicyVersion
from desktop.domain.enums import Language
from desktop.domain.errors import FieldError, NotFoundError, ValidationError
from desktop.domain.records import Actor, PolicyDraft, PolicyVersionRecord
from desktop.paths import resource_path
from desktop.services.clock import Clock
from desktop.services.ledger.policies import (
    policy_record,
    store_policy_version,
    text_sha256,
)
from desktop.services.permissions import Permission
from desktop.services.queries.policies import current_policy
from desktop.services.unit_of_work import UnitOfWork, run

log = logging.getLogger(__name__)
_POLICY_FILE = re.compile(r"^(\d{4}-\d{2}-\d{2})\.(fr|en)\.txt$")
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


class PolicyService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def current(self, actor: Actor, language: Language) -> PolicyVersionRecord:
        def work(uow: UnitOfWork) -> PolicyVersionRecord:
            return policy_record(current_policy(uow.session, language, uow.clock.today()))

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
            return [policy_record(row) for row in rows]

        return run(self._db, self._clock, actor, Permission.MANAGE_CLINIC, work)

    def versions(self, actor: Actor) -> list[PolicyVersionRecord]:
        """Every version in every language, newest first, with its hashes (texts included)."""

        def work(uow: UnitOfWork) -> list[PolicyVersionRecord]:
            rows = uow.session.scalars(
                select(PolicyVersion).order_by(PolicyVersion.effective_date.desc(), PolicyVersion.language)
            )
            return [policy_record(p) for p in rows]

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)

    def get(self, actor: Actor, policy_id: int) -> PolicyVersionRecord:
        def work(uow: UnitOfWork) -> PolicyVersionRecord:
            policy = uow.session.get(PolicyVersion, policy_id)
            if policy is None:
                raise NotFoundError(what=f"policy {policy_id}")
            return policy_record(policy)

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)
