"""Reading a client's acknowledgments of the privacy policy."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.models import Acknowledgment, AcknowledgmentDocument, PolicyVersion, Staff
from desktop.domain.records import AcknowledgmentRecord
from desktop.services.queries.policies import covers


def acknowledgment_record(session: Session, ack: Acknowledgment) -> AcknowledgmentRecord:
    policy = session.get(PolicyVersion, ack.policy_version_id)
    witness = session.get(Staff, ack.witnessed_by_id)
    has_document = session.scalar(
        select(AcknowledgmentDocument.id).where(AcknowledgmentDocument.acknowledgment_id == ack.id)
    )
    assert policy is not None
    return AcknowledgmentRecord(
        id=ack.id,
        uid=ack.uid,
        client_id=ack.client_id,
        policy_version=policy.version,
        policy_language=policy.language,
        policy_sha256=ack.policy_sha256,
        language=ack.language,
        signer_capacity=ack.signer_capacity,
        signer_name=ack.signer_name,
        refused=ack.refused,
        refusal_note=ack.refusal_note,
        signed_at=ack.signed_at,
        witnessed_by=witness.full_name if witness else "?",
        clinic_id=ack.clinic_id,
        appointment_id=ack.appointment_id,
        has_signature=ack.signature_png is not None,
        has_document=has_document is not None,
        summary_sha256=ack.summary_sha256,
    )


def latest_acknowledgments(session: Session, client_id: int) -> list[Acknowledgment]:
    """The client's acknowledgments and refusals, newest first."""
    return list(
        session.scalars(
            select(Acknowledgment)
            .where(Acknowledgment.client_id == client_id)
            .order_by(Acknowledgment.signed_at.desc(), Acknowledgment.id.desc())
        )
    )


def latest_signed(session: Session, client_id: int) -> Acknowledgment | None:
    """The client's latest signed (not refused) acknowledgment."""
    return session.scalar(
        select(Acknowledgment)
        .where(Acknowledgment.client_id == client_id, Acknowledgment.refused.is_(False))
        .order_by(Acknowledgment.signed_at.desc(), Acknowledgment.id.desc())
        .limit(1)
    )


def covering_acknowledgment(session: Session, client_id: int, policy: PolicyVersion) -> Acknowledgment | None:
    """The client's latest signed acknowledgment when it covers ``policy`` (the same text, or a later
    version in the same language); None when the client is to be asked to sign ``policy``."""
    signed = latest_signed(session, client_id)
    if signed is None:
        return None
    signed_policy = session.get(PolicyVersion, signed.policy_version_id)
    return signed if signed_policy is not None and covers(signed_policy, policy) else None
