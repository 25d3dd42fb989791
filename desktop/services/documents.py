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

from desktop.db.database import Database
from desktop.db.models import Acknowledgment, Client, Clinic, PolicyVersion, Staff
from desktop.db.models import AcknowledgmentDocument as StoredDocument
from desktop.domain.enums import Channel, Language, Purpose
from desktop.domain.errors import FieldError, NotFoundError, ValidationError
from desktop.domain.records import Actor, VerificationResult
from desktop.domain.wording import capacity_label, channel_label, purpose_label
from desktop.pdf.acknowledgment import (
    LABELS,
    AcknowledgmentDocument,
    ClinicInfo,
    ConsentChoice,
    render_acknowledgment_pdf,
)
from desktop.pdf.verification import InvalidVerificationCode, normalise_code, verification_code
from desktop.services.clock import Clock
from desktop.services.consent import consent_grid
from desktop.services.permissions import Permission
from desktop.services.unit_of_work import UnitOfWork, run

#: How a stored PDF left the database: each is audited as ``acknowledgment.<action>``.
PDF_ACTIONS = ("print", "export", "view")


def pdf_sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


#: A clinic that names its privacy officer by the title alone: the PDF prints the title once.
_OFFICER_TITLES = frozenset(labels["privacy_officer"].casefold() for labels in LABELS.values())


def clinic_info(clinic: Clinic) -> ClinicInfo:
    officer = clinic.privacy_officer_name.strip()
    return ClinicInfo(
        name=clinic.name,
        address_lines=(clinic.street, f"{clinic.city} ({clinic.province}) {clinic.postal_code}"),
        phone=clinic.phone,
        email=clinic.email,
        privacy_officer_name="" if officer.casefold() in _OFFICER_TITLES else officer,
        privacy_officer_contact=clinic.privacy_officer_contact,
    )


def consent_choices(session: Session, client_id: int, language: Language) -> tuple[ConsentChoice, ...]:
    """Every purpose × channel cell of the client's grid as it stands now (no consent = declined)."""
    grid = consent_grid(session, client_id)
    return tuple(
        ConsentChoice(purpose_label(p, language), channel_label(c, language), grid.granted(p, c))
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
    return AcknowledgmentDocument(
        language=language.value,  # type: ignore[arg-type]
        clinic=clinic_info(clinic),
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


def _client_name(client: Client) -> str:
    return f"{client.first_name} {client.last_name}"


class DocumentService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def acknowledgment_pdf(self, actor: Actor, acknowledgment_id: int, action: str = "print") -> bytes:
        """The stored PDF, byte for byte; ``action`` (print, export, view) is what the audit says."""
        if action not in PDF_ACTIONS:
            raise ValidationError([FieldError("action", "invalid_choice", {"value": action})])

        def work(uow: UnitOfWork) -> bytes:
            ack = uow.session.get(Acknowledgment, acknowledgment_id)
            if ack is None:
                raise NotFoundError(what=f"acknowledgment {acknowledgment_id}")
            pdf = uow.session.scalar(
                select(StoredDocument.pdf).where(StoredDocument.acknowledgment_id == ack.id)
            )
            if pdf is None:
                raise NotFoundError("no_document")
            uow.audit(f"acknowledgment.{action}", "acknowledgment", ack.uid, f"client={ack.client_id}")
            return bytes(pdf)

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work)

    def verify(self, actor: Actor, code: str) -> VerificationResult:
        """Which acknowledgment a printed code belongs to, and whether its stored PDF is intact.
        Raises ValidationError for text that cannot be a code, NotFoundError for an unknown code."""
        try:
            canonical = normalise_code(code)
        except InvalidVerificationCode:
            raise ValidationError([FieldError("code", "invalid_verification_code")]) from None

        def work(uow: UnitOfWork) -> VerificationResult:
            session = uow.session
            stored = session.scalar(
                select(StoredDocument).where(StoredDocument.verification_code == canonical)
            )
            if stored is None:
                raise NotFoundError(what=canonical)
            ack = session.get(Acknowledgment, stored.acknowledgment_id)
            assert ack is not None
            client = session.get(Client, ack.client_id)
            policy = session.get(PolicyVersion, ack.policy_version_id)
            assert client is not None and policy is not None
            result = VerificationResult(
                code=canonical,
                acknowledgment_id=ack.id,
                acknowledgment_uid=ack.uid,
                client_id=client.id,
                file_number=client.file_number,
                client_name=_client_name(client),
                policy_version=policy.version,
                policy_language=policy.language,
                signed_at=ack.signed_at,
                refused=ack.refused,
                stored_sha256=stored.sha256,
                computed_sha256=pdf_sha256(bytes(stored.pdf)),
                document_created_at=stored.created_at,
            )
            uow.audit(
                "acknowledgment.verify",
                "acknowledgment",
                ack.uid,
                f"client={client.id} match={'yes' if result.bytes_match else 'no'}",
            )
            return result

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work)
