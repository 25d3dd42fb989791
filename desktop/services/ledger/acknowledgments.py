"""Adding an acknowledgment of the privacy policy: a signature (or a recorded refusal), never edited."""

from __future__ import annotations

import io
from datetime import date

from PIL import Image
from sqlalchemy import select

from desktop.db.models import Acknowledgment, Client
from desktop.domain.age import consents_for_themselves
from desktop.domain.enums import SignerCapacity
from desktop.domain.errors import ConflictError, FieldError, ValidationError
from desktop.domain.records import SignatureCapture
from desktop.domain.validation import MAX_NAME, MAX_NOTE, check_text
from desktop.pdf.signature import MAX_SIGNATURE_PIXELS
from desktop.services.queries.policies import current_policy
from desktop.services.unit_of_work import UnitOfWork

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_SIGNATURE_BYTES = 2_000_000


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


def validate_signature_capture(capture: SignatureCapture, client: Client, today: date) -> tuple[str, str]:
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
    minor = not consents_for_themselves(client.date_of_birth, today)
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


def append_acknowledgment(
    uow: UnitOfWork,
    client: Client,
    capture: SignatureCapture,
    appointment_id: int | None = None,
    *,
    policy_day: date | None = None,
) -> Acknowledgment:
    """The version signed is the one in force on ``policy_day`` (a booking's appointment day), else today."""
    replayed = uow.session.scalar(select(Acknowledgment).where(Acknowledgment.uid == capture.uid))
    if replayed is not None:
        stored = (replayed.client_id, replayed.refused, replayed.signer_capacity, replayed.signature_png)
        signature = None if capture.refused else capture.signature_png
        if stored != (client.id, capture.refused, capture.signer_capacity, signature):
            raise ConflictError("replay_mismatch")
        return replayed
    signer, note = validate_signature_capture(capture, client, uow.clock.today())
    language = capture.language or client.preferred_language
    policy = current_policy(uow.session, language, policy_day or uow.clock.today())
    ack = Acknowledgment(
        uid=capture.uid,
        client_id=client.id,
        policy_version_id=policy.id,
        policy_sha256=policy.sha256,
        # The summary read at the desk is the one stored with the version signed.
        summary_sha256=policy.summary_sha256,
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
