"""Booking: the appointment, the consent answers and the acknowledgment are saved together or not at all."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta

import pytest
from PIL import Image, ImageDraw
from sqlalchemy import func, select

from desktop.db.models import Acknowledgment, Appointment, AuditRecord, ConsentEvent
from desktop.domain.enums import (
    AppointmentKind,
    AppointmentMode,
    BookedVia,
    Channel,
    ConsentMethod,
    Interaction,
    Language,
    Purpose,
    SignerCapacity,
)
from desktop.domain.errors import NotFoundError, ValidationError
from desktop.domain.formats import format_datetime
from desktop.domain.records import (
    AppointmentDraft,
    ClientDraft,
    ConsentCapture,
    ConsentChange,
    SignatureCapture,
)
from desktop.services import Services


def signature_png() -> bytes:
    image = Image.new("RGBA", (300, 100), (0, 0, 0, 0))
    ImageDraw.Draw(image).line([(10, 60), (80, 20), (150, 80), (280, 40)], fill=(0, 0, 0, 255), width=3)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def new_client(services: Services, actor, born: date = date(1980, 4, 12)) -> int:
    return services.clients.create(actor, ClientDraft("Côté", "Zoé", born), confirm_duplicate=True).id


def counts(services: Services) -> dict[str, int]:
    with services.db.session(write=False) as session:
        return {
            model.__tablename__: int(session.scalar(select(func.count()).select_from(model)) or 0)
            for model in (Appointment, ConsentEvent, Acknowledgment, AuditRecord)
        }


def booking(clock, **more: object) -> AppointmentDraft:
    values: dict[str, object] = dict(
        starts_at=clock.now() + timedelta(days=3),
        kind=AppointmentKind.CONSULTATION,
        mode=AppointmentMode.IN_CLINIC,
        booked_via=BookedVia.AT_DESK,
    )
    values.update(more)
    return AppointmentDraft(**values)  # type: ignore[arg-type]


CONSENT = ConsentCapture(
    (
        ConsentChange(Purpose.APPOINTMENT_REMINDERS, Channel.SMS, True),
        ConsentChange(Purpose.NEWSLETTERS, Channel.EMAIL, True),
        ConsentChange(Purpose.FEEDBACK, Channel.PHONE, False),
    ),
    Interaction.DESK,
    Language.FR,
)


def test_book_a_simple_appointment(services: Services, receptionist, clock) -> None:
    client_id = new_client(services, receptionist)
    draft = booking(clock, booked_via=BookedVia.PHONE, mode=AppointmentMode.TELEMEDICINE)
    result = services.appointments.book(receptionist, client_id, draft)
    appointment = result.appointment
    assert (appointment.uid, appointment.client_id, appointment.starts_at) == (
        draft.uid,
        client_id,
        draft.starts_at,
    )
    assert (appointment.kind, appointment.mode, appointment.booked_via) == (
        AppointmentKind.CONSULTATION,
        AppointmentMode.TELEMEDICINE,
        BookedVia.PHONE,
    )
    assert appointment.booked_by == receptionist.full_name and appointment.created_at == clock.now()
    assert result.consent_events == () and result.acknowledgment is None
    assert services.appointments.for_client(receptionist, client_id) == [appointment]


def test_booking_with_consent_and_signature_is_linked(services: Services, receptionist, clock) -> None:
    client_id = new_client(services, receptionist)
    result = services.appointments.book(
        receptionist, client_id, booking(clock), CONSENT, SignatureCapture(signature_png=signature_png())
    )
    ack = result.acknowledgment
    assert ack is not None and ack.appointment_id == result.appointment.id and ack.has_signature
    assert [(e.purpose, e.channel) for e in result.consent_events] == [
        (Purpose.APPOINTMENT_REMINDERS, Channel.SMS),
        (Purpose.NEWSLETTERS, Channel.EMAIL),
    ]
    for event in result.consent_events:
        assert event.appointment_id == result.appointment.id
        assert event.acknowledgment_id == ack.id
        assert event.method == ConsentMethod.SIGNED_AT_DESK
    assert services.consent.grid(receptionist, client_id).granted(Purpose.NEWSLETTERS, Channel.EMAIL)
    assert [a.id for a in services.acknowledgments.for_client(receptionist, client_id)] == [ack.id]


@pytest.mark.parametrize(
    "signature",
    [
        SignatureCapture(signature_png=b"\x89PNG\r\n\x1a\n" + b"\x00" * 300),
        SignatureCapture(signature_png=None),
        SignatureCapture(signature_png=signature_png(), signer_name="Zoé\x00"),
    ],
    ids=["broken-png", "no-png", "bad-signer-name"],
)
def test_an_invalid_signature_saves_nothing(services: Services, receptionist, clock, signature) -> None:  # type: ignore[no-untyped-def]
    client_id = new_client(services, receptionist)
    before = counts(services)
    with pytest.raises(ValidationError):
        services.appointments.book(receptionist, client_id, booking(clock), CONSENT, signature)
    assert counts(services) == before
    assert services.appointments.for_client(receptionist, client_id) == []
    assert services.consent.history(receptionist, client_id) == []
    assert services.acknowledgments.for_client(receptionist, client_id) == []


def test_a_minor_signing_alone_saves_nothing(services: Services, receptionist, clock) -> None:
    client_id = new_client(services, receptionist, born=date(2016, 3, 1))
    before = counts(services)
    with pytest.raises(ValidationError) as caught:
        services.appointments.book(
            receptionist, client_id, booking(clock), CONSENT, SignatureCapture(signature_png=signature_png())
        )
    assert caught.value.for_field("signer_capacity").code == "representative_required"
    assert counts(services) == before
    result = services.appointments.book(
        receptionist,
        client_id,
        booking(clock),
        CONSENT,
        SignatureCapture(SignerCapacity.PARENT, "Marie Côté", signature_png()),
    )
    assert result.acknowledgment is not None and result.acknowledgment.signer_name == "Marie Côté"


def test_replaying_a_booking_returns_it_and_adds_nothing(services: Services, receptionist, clock) -> None:
    client_id = new_client(services, receptionist)
    draft = booking(clock)
    signature = SignatureCapture(signature_png=signature_png())
    first = services.appointments.book(receptionist, client_id, draft, CONSENT, signature)
    after_first = counts(services)
    clock.advance(minutes=1)
    again = services.appointments.book(receptionist, client_id, draft, CONSENT, signature)
    assert again.appointment == first.appointment
    assert counts(services) == after_first
    assert len(services.appointments.for_client(receptionist, client_id)) == 1


@pytest.mark.parametrize(
    "starts_at",
    [
        datetime(2026, 11, 30, 10, 0),  # no time zone
        datetime(2026, 11, 23, 15, 0).astimezone(),  # yesterday
        datetime(2029, 1, 1, 10, 0).astimezone(),  # more than two years ahead
    ],
    ids=["naive", "past", "too-far"],
)
def test_impossible_start_times_are_refused(
    services: Services, receptionist, clock, starts_at: datetime
) -> None:
    client_id = new_client(services, receptionist)
    with pytest.raises(ValidationError) as caught:
        services.appointments.book(receptionist, client_id, booking(clock, starts_at=starts_at))
    assert caught.value.for_field("starts_at") is not None
    assert services.appointments.for_client(receptionist, client_id) == []


def test_a_past_or_too_distant_date_says_what_is_wrong(services: Services, receptionist, clock) -> None:
    client_id = new_client(services, receptionist)
    yesterday = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)
    with pytest.raises(ValidationError) as caught:
        services.appointments.book(receptionist, client_id, booking(clock, starts_at=yesterday))
    problem = caught.value.for_field("starts_at")
    assert problem is not None
    when_fr, when_en = (format_datetime(yesterday, language) for language in (Language.FR, Language.EN))
    assert problem.message(Language.FR) == f"La date est passée ({when_fr}) : choisissez un moment à venir."
    assert problem.message(Language.EN) == f"The date is in the past ({when_en}): choose a time to come."
    with pytest.raises(ValidationError) as caught:
        services.appointments.book(
            receptionist, client_id, booking(clock, starts_at=datetime(2029, 1, 1, tzinfo=UTC))
        )
    problem = caught.value.for_field("starts_at")
    assert problem is not None
    assert problem.message(Language.FR) == (
        "Date trop éloignée : un rendez-vous se prend au plus tard pour le 2028-11-23."
    )
    assert (
        problem.message(Language.EN) == "Date too far ahead: an appointment can be booked up to 2028-11-23."
    )


def test_booking_for_an_unknown_client(services: Services, receptionist, clock) -> None:
    with pytest.raises(NotFoundError):
        services.appointments.book(receptionist, 123_456, booking(clock))


def test_appointments_newest_first_and_paged(services: Services, receptionist, clock) -> None:
    client_id = new_client(services, receptionist)
    booked = [
        services.appointments.book(
            receptionist, client_id, booking(clock, starts_at=clock.now() + timedelta(days=d))
        )
        for d in (5, 1, 9)
    ]
    listed = services.appointments.for_client(receptionist, client_id)
    assert [a.id for a in listed] == [
        booked[2].appointment.id,
        booked[0].appointment.id,
        booked[1].appointment.id,
    ]
    assert services.appointments.for_client(receptionist, client_id, offset=1, limit=1) == listed[1:2]
