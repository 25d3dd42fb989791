"""Appointments, and booking with consent capture saved as one unit."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.database import Database
from desktop.db.models import Acknowledgment, Appointment, Practitioner, Staff
from desktop.domain.enums import ConsentMethod, Interaction, SignerCapacity
from desktop.domain.errors import ConflictError, FieldError, ValidationError
from desktop.domain.records import (
    Actor,
    AppointmentDraft,
    AppointmentRecord,
    BookingResult,
    ConsentCapture,
    Representative,
    SignatureCapture,
)
from desktop.domain.schedule import (
    AppointmentEventKind,
    AppointmentKindRecord,
    AppointmentState,
    ScheduleConflict,
)
from desktop.domain.schedule_rules import check_length
from desktop.services.clock import Clock
from desktop.services.ledger.acknowledgments import append_acknowledgment
from desktop.services.ledger.consent import append_events, validate_consent_capture
from desktop.services.ledger.consent_method import (
    booking_interaction,
    check_claimed_method,
    clean_representative,
    derived_method,
)
from desktop.services.ledger.documents import store_acknowledgment_document
from desktop.services.ledger.schedule import active_kind, append_event, checked_slot
from desktop.services.permissions import Permission
from desktop.services.queries.acknowledgments import acknowledgment_record
from desktop.services.queries.clients import load_open_client
from desktop.services.queries.consent import event_records
from desktop.services.queries.policies import appointment_day
from desktop.services.queries.schedule import kinds_by_code, states_of
from desktop.services.unit_of_work import UnitOfWork, run

#: Bookings are for the future; a little slack for a walk-in entered after the fact.
PAST_BOOKING_SLACK = timedelta(hours=12)
FURTHEST_BOOKING = timedelta(days=730)


def to_record(
    session: Session,
    appointment: Appointment,
    state: AppointmentState = AppointmentState.BOOKED,
    kinds: dict[str, AppointmentKindRecord] | None = None,
) -> AppointmentRecord:
    """``kinds``: the kinds by code, when the caller has them (a list of appointments)."""
    booked_by = session.get(Staff, appointment.booked_by_id)
    practitioner = (
        session.get(Practitioner, appointment.practitioner_id) if appointment.practitioner_id else None
    )
    kind = (kinds if kinds is not None else kinds_by_code(session)).get(appointment.kind)
    return AppointmentRecord(
        id=appointment.id,
        uid=appointment.uid,
        client_id=appointment.client_id,
        starts_at=appointment.starts_at,
        kind=appointment.kind,
        mode=appointment.mode,
        booked_via=appointment.booked_via,
        booked_by=booked_by.full_name if booked_by else "?",
        clinic_id=appointment.clinic_id,
        created_at=appointment.created_at,
        practitioner_id=appointment.practitioner_id,
        practitioner_name=practitioner.display_name if practitioner else "",
        length_minutes=appointment.length_minutes,
        kind_name_fr=kind.name_fr if kind else "",
        kind_name_en=kind.name_en if kind else "",
        state=state,
    )


def booking_vouched(
    draft: AppointmentDraft,
    capture: ConsentCapture,
    signature: SignatureCapture | None,
    ack: Acknowledgment | None,
) -> tuple[ConsentMethod, Representative | None]:
    """How the answers of a booking were given, from what the booking holds (never the caller's word):
    read out on the phone; signed at the desk; or given in person without a signature (the client
    refused to sign, or had already acknowledged the version in force). The representative is the
    one named with the answers, else the parent, tutor or mandatary who signed (or refused to)."""
    interaction = booking_interaction(draft.booked_via)
    if capture.interaction != interaction:
        raise ValidationError([FieldError("interaction", "interaction_mismatch")])
    if interaction == Interaction.PHONE and signature is not None and not signature.refused:
        raise ValidationError([FieldError("signature", "signature_in_person_only")])
    method = derived_method(interaction, signed=signature is not None and not signature.refused)
    check_claimed_method(capture.method, method, interaction)
    representative = clean_representative(capture.representative)
    if representative is None and ack is not None and ack.signer_capacity != SignerCapacity.CLIENT:
        representative = Representative(ack.signer_name, ack.signer_capacity)
    return method, representative


def validate_draft(draft: AppointmentDraft, uow: UnitOfWork) -> None:
    if draft.starts_at.tzinfo is None:
        raise ValidationError([FieldError("starts_at", "invalid_date")])
    if draft.starts_at < uow.now - PAST_BOOKING_SLACK:
        raise ValidationError([FieldError("starts_at", "booking_in_past", {"when": draft.starts_at})])
    if draft.starts_at > uow.now + FURTHEST_BOOKING:
        latest = (uow.now + FURTHEST_BOOKING).date()
        raise ValidationError([FieldError("starts_at", "booking_too_far", {"latest": latest})])


class AppointmentService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def book(
        self,
        actor: Actor,
        client_id: int,
        draft: AppointmentDraft,
        consent_capture: ConsentCapture | None = None,
        signature: SignatureCapture | None = None,
        *,
        confirm_conflicts: bool = False,
    ) -> BookingResult:
        """The appointment, the consent answers that change anything and the acknowledgment (signed or
        refused) are saved together or not at all. Both record the policy version in force on the
        appointment's day; the answers' method follows from how the booking is made and the signature
        (``consent_capture.method``, when given, must agree with it).

        With a practitioner, the slot is checked inside the unit of work (the practitioner's row locked):
        an overlap with another of their appointments not cancelled, or a slot outside their hours or
        on a day off, raises ScheduleConflictError, unless a manager confirms (``confirm_conflicts``:
        the confirmation is recorded on the ``booked`` event)."""
        if consent_capture is not None:
            validate_consent_capture(consent_capture)

        def work(uow: UnitOfWork) -> BookingResult:
            client = load_open_client(uow.session, client_id)
            replayed = uow.session.scalar(select(Appointment).where(Appointment.uid == draft.uid))
            if replayed is not None:
                stored = (
                    replayed.client_id,
                    replayed.starts_at,
                    replayed.kind,
                    replayed.mode,
                    replayed.booked_via,
                    replayed.practitioner_id,
                )
                asked = (
                    client.id,
                    draft.starts_at,
                    draft.kind,
                    draft.mode,
                    draft.booked_via,
                    draft.practitioner_id,
                )
                if stored != asked:
                    raise ConflictError("replay_mismatch")
                state = states_of(uow.session, [replayed.id])[replayed.id]
                return BookingResult(to_record(uow.session, replayed, state), (), None)
            validate_draft(draft, uow)
            kind = active_kind(uow, draft.kind)
            length = draft.length_minutes if draft.length_minutes is not None else kind.default_minutes
            clinic_id = uow.clinic_id
            overrides: tuple[ScheduleConflict, ...] = ()
            if draft.practitioner_id is not None:
                practitioner, overrides = checked_slot(
                    uow, draft.practitioner_id, draft.starts_at, length, confirm=confirm_conflicts
                )
                # The appointment is where its practitioner works.
                clinic_id = practitioner.clinic_id
            else:
                check_length(length)
            appointment = Appointment(
                uid=draft.uid,
                client_id=client.id,
                starts_at=draft.starts_at,
                kind=kind.code,
                mode=draft.mode,
                booked_via=draft.booked_via,
                booked_by_id=uow.staff_id,
                clinic_id=clinic_id,
                created_at=uow.now,
                practitioner_id=draft.practitioner_id,
                length_minutes=length,
            )
            uow.session.add(appointment)
            uow.session.flush()
            uow.audit("appointment.create", "appointment", appointment.uid, f"client={client.id}")
            append_event(uow, appointment, AppointmentEventKind.BOOKED, overrides=overrides)
            # What is recorded names the version in force on the appointment's day, the one shown.
            day = appointment_day(draft.starts_at)
            ack = None
            if signature is not None:
                ack = append_acknowledgment(uow, client, signature, appointment.id, policy_day=day)
            events = []
            if consent_capture is not None:
                method, representative = booking_vouched(draft, consent_capture, signature, ack)
                events = append_events(
                    uow,
                    client,
                    consent_capture.choices,
                    method=method,
                    representative=representative,
                    language=consent_capture.language,
                    appointment_id=appointment.id,
                    acknowledgment_id=ack.id if ack is not None else None,
                    policy_day=day,
                )
            if ack is not None:
                # After the consent answers, so the PDF shows the grid they produced.
                store_acknowledgment_document(uow, client, ack)
            return BookingResult(
                to_record(uow.session, appointment),
                tuple(event_records(uow.session, events)),
                acknowledgment_record(uow.session, ack) if ack is not None else None,
            )

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work)

    def for_client(
        self, actor: Actor, client_id: int, *, offset: int = 0, limit: int = 100
    ) -> list[AppointmentRecord]:
        def work(uow: UnitOfWork) -> list[AppointmentRecord]:
            rows = list(
                uow.session.scalars(
                    select(Appointment)
                    .where(Appointment.client_id == client_id)
                    .order_by(Appointment.starts_at.desc(), Appointment.id.desc())
                    .offset(max(0, offset))
                    .limit(max(1, min(limit, 500)))
                )
            )
            states = states_of(uow.session, [a.id for a in rows])
            kinds = kinds_by_code(uow.session)
            return [to_record(uow.session, a, states[a.id], kinds) for a in rows]

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)
