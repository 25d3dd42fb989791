"""What the service vouches for on a consent event: how the answers were given, and who gave them.

The method stored follows from the interaction the receptionist witnessed (a phone call, the desk, a
telemedicine appointment, a letter, an email) and from a signature stored with the client's file,
never from the caller's word: a method the caller states is only checked against it. A client under
14 grants consent only through the parent or tutor who gave it, named on the event; a withdrawal or
a "no" is never refused for lack of one.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from desktop.db.models import Acknowledgment, Appointment, Client
from desktop.domain.age import consents_for_themselves
from desktop.domain.enums import AppointmentMode, BookedVia, ConsentMethod, Interaction, SignerCapacity
from desktop.domain.errors import FieldError, ValidationError
from desktop.domain.records import ConsentCapture, Representative
from desktop.domain.validation import MAX_NAME, check_text
from desktop.services.unit_of_work import UnitOfWork

#: Methods that say the person was in front of the receptionist.
IN_PERSON_METHODS = frozenset({ConsentMethod.VERBAL_IN_PERSON, ConsentMethod.SIGNED_AT_DESK})
#: Capacities in which someone answers for a client under 14.
MINOR_REPRESENTATIVES = frozenset({SignerCapacity.PARENT, SignerCapacity.TUTOR})

_REMOTE = {
    Interaction.PHONE: ConsentMethod.VERBAL_PHONE,
    Interaction.TELEMEDICINE: ConsentMethod.VERBAL_TELEMEDICINE,
    Interaction.LETTER: ConsentMethod.POST,
    Interaction.EMAIL: ConsentMethod.EMAIL,
}


@dataclass(frozen=True)
class Vouched:
    """What the events of one capture are stored with."""

    method: ConsentMethod
    representative: Representative | None
    acknowledgment_id: int | None
    appointment_id: int | None


def derived_method(interaction: Interaction, signed: bool) -> ConsentMethod:
    """Signed only at the desk with a stored signature; otherwise how the person spoke or wrote."""
    if interaction == Interaction.DESK:
        return ConsentMethod.SIGNED_AT_DESK if signed else ConsentMethod.VERBAL_IN_PERSON
    return _REMOTE[interaction]


def booking_interaction(via: BookedVia) -> Interaction:
    return Interaction.PHONE if via == BookedVia.PHONE else Interaction.DESK


def check_claimed_method(claimed: ConsentMethod | None, derived: ConsentMethod, interaction: Interaction) -> None:
    """A method the caller states must be the one the service derives; the refusal says why not."""
    if claimed is None or claimed == derived:
        return
    if claimed in IN_PERSON_METHODS and interaction != Interaction.DESK:
        code = "method_not_in_person"
    elif claimed == ConsentMethod.SIGNED_AT_DESK:
        code = "method_needs_signature"
    else:
        code = "method_mismatch"
    raise ValidationError([FieldError("method", code)])


def stored_signature(uow: UnitOfWork, client: Client, acknowledgment_id: int | None) -> Acknowledgment | None:
    """The client's own acknowledgment signed today (not a refusal), which makes the answers signed."""
    if acknowledgment_id is None:
        return None
    ack = uow.session.get(Acknowledgment, acknowledgment_id)
    if (
        ack is None
        or ack.client_id != client.id
        or ack.refused
        or not ack.signature_png
        or ack.signed_at.astimezone().date() != uow.clock.today()
    ):
        raise ValidationError([FieldError("signature", "no_stored_signature")])
    return ack


def telemedicine_appointment(session: Session, client: Client, appointment_id: int | None) -> int:
    """The client's telemedicine appointment the answers were given at."""
    appointment = session.get(Appointment, appointment_id) if appointment_id is not None else None
    if appointment is None or appointment.client_id != client.id or appointment.mode != AppointmentMode.TELEMEDICINE:
        raise ValidationError([FieldError("interaction", "telemedicine_needs_appointment")])
    return appointment.id


def clean_representative(representative: Representative | None) -> Representative | None:
    if representative is None:
        return None
    errors: list[FieldError] = []
    name = check_text(errors, "representative_name", representative.name, max_length=MAX_NAME, required=True)
    if representative.capacity == SignerCapacity.CLIENT:
        errors.append(FieldError("representative_capacity", "invalid_choice", {"value": representative.capacity.value}))
    if errors:
        raise ValidationError(errors)
    return Representative(name, representative.capacity)


def check_minor_grant(uow: UnitOfWork, client: Client, representative: Representative | None) -> None:
    """A grant for a client under 14 names the parent or tutor who gave it (withdrawals and "no"
    answers are never refused: they record who asked)."""
    if consents_for_themselves(client.date_of_birth, uow.clock.today()):
        return
    if representative is None or representative.capacity not in MINOR_REPRESENTATIVES:
        raise ValidationError([FieldError("representative_name", "minor_consent_needs_representative")])


def vouch(uow: UnitOfWork, client: Client, capture: ConsentCapture) -> Vouched:
    """The method, representative and links a capture recorded on its own (outside a booking) is stored
    with; a minor's answers signed with a parent's or tutor's acknowledgment name that signer."""
    interaction = capture.interaction
    ack = stored_signature(uow, client, capture.acknowledgment_id)
    if ack is not None and interaction != Interaction.DESK:
        # A signature is drawn at the desk: it cannot vouch for answers given from afar.
        raise ValidationError([FieldError("method", "method_not_in_person")])
    method = derived_method(interaction, signed=ack is not None)
    check_claimed_method(capture.method, method, interaction)
    appointment_id = capture.appointment_id
    if interaction == Interaction.TELEMEDICINE:
        appointment_id = telemedicine_appointment(uow.session, client, appointment_id)
    elif appointment_id is not None:
        appointment = uow.session.get(Appointment, appointment_id)
        if appointment is None or appointment.client_id != client.id:
            raise ValidationError([FieldError("appointment_id", "invalid_choice", {"value": appointment_id})])
    representative = clean_representative(capture.representative)
    if representative is None and ack is not None and ack.signer_capacity != SignerCapacity.CLIENT:
        # The parent or tutor who signed with the answers is the one who gave them.
        representative = Representative(ack.signer_name, ack.signer_capacity)
    return Vouched(method, representative, ack.id if ack else None, appointment_id)
