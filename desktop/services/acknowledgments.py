"""Acknowledgments of the privacy policy: a signature (or a recorded refusal), never edited."""

from __future__ import annotations

import io

from PIL import Image
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.database import Database
from desktop.db.models import Acknowledgment, AcknowledgmentDocument, Client, PolicyVersion, Staff
from desktop.domain.enums import SignerCapacity
from desktop.domain.errors import ConflictError, FieldError, NotFoundError, ValidationError
from desktop.domain.records import AcknowledgmentRecord, Actor, SignatureCapture
from desktop.domain.validation import MAX_NAME, MAX_NOTE, check_text
from desktop.pdf.acknowledgment import MAX_SIGNATURE_PIXELS
from desktop.services import documents
from desktop.services.clients import age_on, load_client
from desktop.services.clock import Clock
from desktop.services.permissions import Permission
from desktop.services.policies import current_policy
from desktop.services.unit_of_work import UnitOfWork, run

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_SIGNATURE_BYTES = 2_000_000
#: Under this age a parent or tutor signs (Quebec: consent for a minor under 14).
AGE_OF_OWN_CONSENT = 14


def readable_signature(png: bytes) -> bool:
    """A PNG that decodes completely and shows some ink (a blank pad is no signature)."""
    if not png.startswith(PNG_SIGNATURE) or not 100 <= len(png) <= MAX_SIGNATURE_BYTES:
        return False
    try:
        with Image.open(io.BytesIO(png)) as image:
            if image.format != "PNG" or image.width * image.height > MAX_SIGNATURE_PIXELS:
                return False
            rgba = image.convert("RGBA")
    except (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError):
        return False
    flat = Image.new("RGB", rgba.size, (255, 255, 255))
    flat.paste(rgba, mask=rgba.getchannel("A"))
    # Ink as the acknowledgment PDF sees it: anything visibly darker than the paper.
    return flat.convert("L").point(lambda v: 255 if v < 235 else 0).getbbox() is not None


def validate_capture(capture: SignatureCapture, client: Client, today) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """Cleaned (signer name, refusal note) or ValidationError."""
    errors: list[FieldError] = []
    signer = check_text(
        errors,
        "signer_name",
        capture.signer_name,
        max_length=MAX_NAME,
        required=capture.signer_capacity != SignerCapacity.CLIENT,
    )
    note = check_text(errors, "refusal_note", capture.refusal_note, max_length=MAX_NOTE)
    minor = age_on(client.date_of_birth, today) < AGE_OF_OWN_CONSENT
    if minor and capture.signer_capacity not in (SignerCapacity.PARENT, SignerCapacity.TUTOR):
        errors.append(FieldError("signer_capacity", "representative_required"))
    if not capture.refused:
        if not readable_signature(capture.signature_png or b""):
            errors.append(FieldError("signature", "signature_required"))
    if errors:
        raise ValidationError(errors)
    if capture.signer_capacity == SignerCapacity.CLIENT and not signer:
        signer = f"{client.first_name} {client.last_name}"
    return signer, note


def to_record(session: Session, ack: Acknowledgment) -> AcknowledgmentRecord:
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
    )


def append_acknowledgment(
    uow: UnitOfWork, client: Client, capture: SignatureCapture, appointment_id: int | None = None
) -> Acknowledgment:
    replayed = uow.session.scalar(select(Acknowledgment).where(Acknowledgment.uid == capture.uid))
    if replayed is not None:
        stored = (replayed.client_id, replayed.refused, replayed.signer_capacity, replayed.signature_png)
        signature = None if capture.refused else capture.signature_png
        if stored != (client.id, capture.refused, capture.signer_capacity, signature):
            raise ConflictError("replay_mismatch")
        return replayed
    signer, note = validate_capture(capture, client, uow.clock.today())
    language = capture.language or client.preferred_language
    policy = current_policy(uow.session, language, uow.clock.today())
    ack = Acknowledgment(
        uid=capture.uid,
        client_id=client.id,
        policy_version_id=policy.id,
        policy_sha256=policy.sha256,
        language=language,
        signer_capacity=capture.signer_capacity,
        signer_name=signer,
        signature_png=None if capture.refused else capture.signature_png,
        refused=capture.refused,
        refusal_note=note,
        signed_at=uow.now,
        witnessed_by_id=uow.staff_id,
        clinic_id=uow.clinic_id,
        appointment_id=appointment_id,
    )
    uow.session.add(ack)
    uow.session.flush()
    uow.audit(
        "acknowledgment.refused" if capture.refused else "acknowledgment.signed",
        "acknowledgment",
        ack.uid,
        f"client={client.id}",
    )
    return ack


def latest_acknowledgments(session: Session, client_id: int) -> list[Acknowledgment]:
    return list(
        session.scalars(
            select(Acknowledgment)
            .where(Acknowledgment.client_id == client_id)
            .order_by(Acknowledgment.signed_at.desc(), Acknowledgment.id.desc())
        )
    )


class AcknowledgmentService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def record(
        self, actor: Actor, client_id: int, capture: SignatureCapture, appointment_id: int | None = None
    ) -> AcknowledgmentRecord:
        def work(uow: UnitOfWork) -> AcknowledgmentRecord:
            client = load_client(uow.session, client_id)
            ack = append_acknowledgment(uow, client, capture, appointment_id)
            documents.store_acknowledgment_document(uow, client, ack)
            return to_record(uow.session, ack)

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work)

    def for_client(self, actor: Actor, client_id: int) -> list[AcknowledgmentRecord]:
        def work(uow: UnitOfWork) -> list[AcknowledgmentRecord]:
            return [to_record(uow.session, a) for a in latest_acknowledgments(uow.session, client_id)]

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)

    def signature_png(self, actor: Actor, acknowledgment_id: int) -> bytes | None:
        def work(uow: UnitOfWork) -> bytes | None:
            ack = uow.session.get(Acknowledgment, acknowledgment_id)
            if ack is None:
                raise NotFoundError(what=f"acknowledgment {acknowledgment_id}")
            return ack.signature_png

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)
