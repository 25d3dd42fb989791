"""Which privacy-policy version is in force, and which signed version covers it: the rules used when
recording, in the client file and in the reports."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.models import PolicyVersion
from desktop.domain.enums import Language
from desktop.domain.errors import FrontDeskError


def policy_in_force(session: Session, language: Language, day: date) -> PolicyVersion | None:
    """The newest version in force on ``day`` in that language, else in any language (a translation
    may be published later than the original)."""
    for wanted in (language, None):
        query = select(PolicyVersion).where(PolicyVersion.effective_date <= day)
        if wanted is not None:
            query = query.where(PolicyVersion.language == wanted)
        policy = session.scalar(
            query.order_by(PolicyVersion.effective_date.desc(), PolicyVersion.language.desc()).limit(1)
        )
        if policy is not None:
            return policy
    return None


def current_policy(session: Session, language: Language, today: date) -> PolicyVersion:
    """The version a client is asked to sign today; FrontDeskError("no_policy") when none is loaded."""
    policy = policy_in_force(session, language, today)
    if policy is None:
        raise FrontDeskError("no_policy")
    return policy


def appointment_day(starts_at: datetime) -> date:
    """The clinic's calendar day of an appointment: the day whose policy version the client is shown."""
    return starts_at.astimezone().date()


def covers(signed: PolicyVersion, wanted: PolicyVersion) -> bool:
    """Whether signing ``signed`` acknowledges ``wanted``: the very text, or a later version in the same
    language (signed ahead of its date for a later visit). The same version in another language does
    not cover it: the client reads their own language's text once it exists."""
    if signed.id == wanted.id:
        return True
    return signed.language == wanted.language and signed.effective_date > wanted.effective_date
