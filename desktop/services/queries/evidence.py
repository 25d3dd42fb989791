"""Reading everything the evidence pack prints about one client, a few set-based queries per ledger
(never a query per event), into the plain records of ``desktop.domain.evidence``."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.models import (
    Acknowledgment,
    AcknowledgmentDocument,
    AuditRecord,
    Client,
    Clinic,
    ConsentEvent,
    ImportedConsentEvidence,
    PolicyVersion,
    Staff,
)
from desktop.domain.enums import ConsentMethod
from desktop.domain.evidence import (
    EvidenceAccess,
    EvidenceAcknowledgment,
    EvidenceConsent,
    EvidenceIdentity,
    EvidenceImportedConsent,
    EvidencePolicy,
)
from desktop.seal.erasure import erasures_of
from desktop.services.ledger.documents import pdf_sha256
from desktop.services.ledger.policies import text_sha256
from desktop.services.queries.clients import staff_names
from desktop.services.reporting.access_log import mentions_client


def identity(client: Client) -> EvidenceIdentity:
    place = " ".join(
        p for p in (client.city.strip(), f"({client.province})" if client.city.strip() else "") if p
    )
    address = ", ".join(p for p in (client.street.strip(), f"{place} {client.postal_code}".strip()) if p)
    return EvidenceIdentity(
        file_number=client.file_number,
        first_name=client.first_name,
        last_name=client.last_name,
        date_of_birth=client.date_of_birth,
        language=client.preferred_language,
        address=address,
        email=client.email,
        phone=client.phone,
        created_at=client.created_at,
        phone_extension=client.phone_extension,
    )


def _site_names(session: Session, ids: set[int]) -> dict[int, str]:
    rows = session.execute(select(Clinic.id, Clinic.name).where(Clinic.id.in_(ids)))
    return {site_id: name for site_id, name in rows}


def _policies(session: Session, ids: set[int]) -> dict[int, PolicyVersion]:
    return {p.id: p for p in session.scalars(select(PolicyVersion).where(PolicyVersion.id.in_(ids)))}


def consents(session: Session, client_id: int) -> tuple[tuple[EvidenceConsent, ...], set[int]]:
    """Every consent event in the order it was recorded, and the policy versions they cite."""
    events = session.scalars(
        select(ConsentEvent)
        .where(ConsentEvent.client_id == client_id)
        .order_by(ConsentEvent.recorded_at, ConsentEvent.id)
    ).all()
    names = staff_names(session, *{e.recorded_by_id for e in events})
    sites = _site_names(session, {e.clinic_id for e in events})
    policies = _policies(session, {e.policy_version_id for e in events})
    imported = (
        {
            row.consent_event_id: EvidenceImportedConsent(
                row.file_sha256, row.row_number, row.stated_on, row.stated_method
            )
            for row in session.scalars(
                select(ImportedConsentEvidence).where(
                    ImportedConsentEvidence.consent_event_id.in_([e.id for e in events])
                )
            )
        }
        if any(e.method == ConsentMethod.IMPORTED for e in events)
        else {}
    )
    records = tuple(
        EvidenceConsent(
            sequence=e.id,
            uid=e.uid,
            recorded_at=e.recorded_at,
            purpose=e.purpose,
            channel=e.channel,
            action=str(e.action),
            method=str(e.method),
            wording=e.wording,
            language=e.language,
            recorded_by=names.get(e.recorded_by_id, "?"),
            site=sites.get(e.clinic_id, "?"),
            policy_version=policies[e.policy_version_id].version,
            policy_language=policies[e.policy_version_id].language,
            # The fingerprint stored with the event: what the client was shown, whatever the table says now.
            policy_sha256=e.policy_sha256,
            representative_name=e.representative_name,
            representative_capacity=str(e.representative_capacity) if e.representative_capacity else None,
            imported=imported.get(e.id),
        )
        for e in events
    )
    return records, {e.policy_version_id for e in events}


def _removed_documents(session: Session, blank: list[AcknowledgmentDocument]) -> set[int]:
    """The blank stored PDFs an erasure record removed (an anonymisation); one blanked without such a
    record stays a PDF that no longer matches its SHA-256."""
    if not blank:
        return set()
    erased = erasures_of(session.connection(), AcknowledgmentDocument.__tablename__)
    return {d.id for d in blank if d.id in erased}


def acknowledgments(session: Session, client_id: int) -> tuple[tuple[EvidenceAcknowledgment, ...], set[int]]:
    """Every acknowledgment (signed or refused), oldest first, with its signature and stored PDF's state."""
    acks = session.scalars(
        select(Acknowledgment)
        .where(Acknowledgment.client_id == client_id)
        .order_by(Acknowledgment.signed_at, Acknowledgment.id)
    ).all()
    ids = [a.id for a in acks]
    documents = {
        d.acknowledgment_id: d
        for d in session.scalars(
            select(AcknowledgmentDocument).where(AcknowledgmentDocument.acknowledgment_id.in_(ids))
        )
    }
    names = staff_names(session, *{a.witnessed_by_id for a in acks})
    sites = _site_names(session, {a.clinic_id for a in acks})
    policies = _policies(session, {a.policy_version_id for a in acks})
    removed = _removed_documents(session, [d for d in documents.values() if not d.pdf])
    records = []
    for ack in acks:
        document = documents.get(ack.id)
        policy = policies[ack.policy_version_id]
        records.append(
            EvidenceAcknowledgment(
                uid=ack.uid,
                signed_at=ack.signed_at,
                refused=ack.refused,
                refusal_note=ack.refusal_note,
                signer_name=ack.signer_name,
                signer_capacity=str(ack.signer_capacity),
                witnessed_by=names.get(ack.witnessed_by_id, "?"),
                site=sites.get(ack.clinic_id, "?"),
                policy_version=policy.version,
                policy_language=policy.language,
                policy_sha256=ack.policy_sha256,
                signature_png=None if ack.refused else ack.signature_png,
                verification_code=document.verification_code if document else None,
                document_sha256=document.sha256 if document else None,
                document_intact=(pdf_sha256(bytes(document.pdf)) == document.sha256)
                if document and document.id not in removed
                else None,
                document_removed=document is not None and document.id in removed,
            )
        )
    return tuple(records), {a.policy_version_id for a in acks}


def policies(
    session: Session, acknowledged: set[int], cited: set[int], summaries: set[str]
) -> tuple[EvidencePolicy, ...]:
    """The texts acknowledged or consented under, oldest first; a summary is printed only where an
    acknowledgment recorded that it was read (``summaries``: their SHA-256)."""
    rows = session.scalars(
        select(PolicyVersion)
        .where(PolicyVersion.id.in_(acknowledged | cited))
        .order_by(PolicyVersion.effective_date, PolicyVersion.id)
    ).all()
    found = []
    for policy in rows:
        summary = policy.summary_text if policy.summary_sha256 in summaries else None
        found.append(
            EvidencePolicy(
                version=policy.version,
                language=policy.language,
                effective_date=policy.effective_date,
                text=policy.text,
                sha256=policy.sha256,
                text_matches=text_sha256(policy.text) == policy.sha256,
                summary_text=summary,
                summary_sha256=policy.summary_sha256 if summary is not None else None,
            )
        )
    return tuple(found)


def summaries_read(session: Session, client_id: int) -> set[str]:
    return {
        s
        for s in session.scalars(
            select(Acknowledgment.summary_sha256).where(Acknowledgment.client_id == client_id)
        )
        if s
    }


def accesses(session: Session, client_id: int) -> tuple[EvidenceAccess, ...]:
    """Every audit record on the file or naming the client, in the chain's order."""
    rows = session.execute(
        select(
            AuditRecord.id,
            AuditRecord.at,
            AuditRecord.username,
            Staff.full_name,
            AuditRecord.workstation,
            AuditRecord.action,
            AuditRecord.entity_type,
            AuditRecord.entity_id,
        )
        .outerjoin(Staff, Staff.id == AuditRecord.staff_id)
        .where(mentions_client(client_id))
        .order_by(AuditRecord.id)
    )
    return tuple(
        EvidenceAccess(sequence, at, username, name or username, workstation, action, entity_type, entity_id)
        for sequence, at, username, name, workstation, action, entity_type, entity_id in rows
    )
