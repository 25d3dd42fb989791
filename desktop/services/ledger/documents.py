"""The acknowledgment PDF: produced once, in the unit of work that records the acknowledgment, and
stored with its SHA-256 and verification code. Prints and copies serve the stored bytes, never a
new rendering, so what an inspector holds can be compared with the original byte for byte.

Rendering happens inside the recording transaction (a few hundred milliseconds on a desk
computer): the acknowledgment and its document are saved together or not at all, at the price of
holding the write lock that much longer.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.models import Acknowledgment, Client, Clinic, Organisation, PolicyVersion, Staff
from desktop.db.models import AcknowledgmentDocument as StoredDocument
from desktop.domain.enums import Channel, Language, Purpose
from desktop.domain.errors import NotFoundError
from desktop.domain.formats import format_phone
from desktop.domain.wording import capacity_label, channel_label, purpose_label
from desktop.pdf.acknowledgment import render_acknowledgment_pdf
from desktop.pdf.document import AcknowledgmentDocument, ClinicInfo, ConsentChoice
from desktop.pdf.texts import AcknowledgmentText
from desktop.pdf.verification import normalise_code, verification_code
from desktop.services.queries.consent import consent_grid
from desktop.services.queries.organisation import load_organisation
from desktop.services.unit_of_work import UnitOfWork


def pdf_sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


#: An officer named by the heading's own title alone: the PDF prints it once.
_OFFICER_TITLES = frozenset(AcknowledgmentText.privacy_officer.get(lang).casefold() for lang in Language)


def clinic_info(clinic: Clinic, organisation: Organisation, language: Language) -> ClinicInfo:
    """The site's address and phone, and the organisation's privacy officer ("Name, title")."""
    parts = [organisation.privacy_officer_name.strip(), organisation.privacy_officer_title.strip()]
    officer = ", ".join(dict.fromkeys(p for p in parts if p and p.casefold() not in _OFFICER_TITLES))
    return ClinicInfo(
        name=clinic.name,
        address_lines=(clinic.street, f"{clinic.city} ({clinic.province}) {clinic.postal_code}"),
        phone=format_phone(clinic.phone, language, clinic.phone_extension),
        email=clinic.email,
        privacy_officer_name=officer,
        privacy_officer_contact=organisation.privacy_officer_contact,
    )


def consent_choices(session: Session, client_id: int, language: Language) -> tuple[ConsentChoice, ...]:
    """Every purpose × channel cell of the client's grid as it stands now, with the last answer that
    made it (none: never asked or no answer, printed as not given, never as a refusal)."""
    grid = consent_grid(session, client_id)
    return tuple(
        ConsentChoice(
            purpose_label(p, language),
            channel_label(c, language),
            grid.granted(p, c),
            answer=event.action if (event := grid.cells[(p, c)].last_event) is not None else None,
        )
        for p in Purpose
        for c in Channel
    )


def build_document(session: Session, client: Client, ack: Acknowledgment) -> AcknowledgmentDocument:
    clinic = session.get(Clinic, ack.clinic_id)
    policy = session.get(PolicyVersion, ack.policy_version_id)
    witness = session.get(Staff, ack.witnessed_by_id)
    if clinic is None or policy is None:
        raise NotFoundError(what="clinic or policy of the acknowledgment")
    language = Language(ack.language)
    # The summary read at the desk, when the acknowledgment recorded one: the version's own.
    summary = (
        policy.summary_text if ack.summary_sha256 and ack.summary_sha256 == policy.summary_sha256 else None
    )
    return AcknowledgmentDocument(
        language=language,
        clinic=clinic_info(clinic, load_organisation(session), language),
        client_name=f"{client.first_name} {client.last_name}",
        client_date_of_birth=client.date_of_birth,
        file_number=client.file_number,
        policy_version_label=policy.version,
        policy_effective_date=policy.effective_date,
        policy_text=policy.text,
        policy_sha256=policy.sha256,
        choices=consent_choices(session, client.id, language),
        signed=not ack.refused,
        signature_png=None if ack.refused else ack.signature_png,
        signer_name=ack.signer_name,
        signer_capacity_label=capacity_label(ack.signer_capacity, language),
        # Printed in the workstation's time zone, the clinic's, with its UTC offset.
        signed_at=ack.signed_at.astimezone(),
        witness_name=witness.full_name if witness is not None else "?",
        clinic_location_label=clinic.city.strip() or clinic.name,
        refusal_note=ack.refusal_note or None,
        verification_code=verification_code(str(ack.uid)),
        acknowledgment_id=str(ack.uid),
        summary_text=summary,
        summary_sha256=policy.summary_sha256 if summary is not None else None,
    )


def store_acknowledgment_document(uow: UnitOfWork, client: Client, ack: Acknowledgment) -> StoredDocument:
    """Render and keep the PDF of ``ack`` (once: a replayed acknowledgment keeps its first PDF)."""
    session = uow.session
    stored = session.scalar(select(StoredDocument).where(StoredDocument.acknowledgment_id == ack.id))
    if stored is not None:
        return stored
    document = build_document(session, client, ack)
    pdf = render_acknowledgment_pdf(document)
    stored = StoredDocument(
        acknowledgment_id=ack.id,
        verification_code=normalise_code(document.verification_code),
        pdf=pdf,
        sha256=pdf_sha256(pdf),
        created_at=uow.now,
    )
    session.add(stored)
    session.flush()
    uow.audit("acknowledgment.document", "acknowledgment", ack.uid, f"client={client.id}")
    return stored
