"""The service vouches for each consent event: its method follows from how the answers were given and
a stored signature, never the caller's word; a client under 14 grants consent only through a named
parent or tutor, kept on the event; withdrawals and refusals are never refused (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.domain.enums import (
    AppointmentKind,
    AppointmentMode,
    BookedVia,
    Channel,
    ConsentAction,
    ConsentMethod,
    Interaction,
    Language,
    Purpose,
    SignerCapacity,
)
from desktop.domain.errors import ValidationError
from desktop.domain.records import (
    AppointmentDraft,
    ConsentCapture,
    ConsentChange,
    Representative,
    SignatureCapture,
)
from desktop.services import Services
from tests.support.documents import new_client, signature_png

MINOR_BORN = date(2015, 5, 1)  # 11 on the tests' day
NEWSLETTERS = (Purpose.NEWSLETTERS, Channel.EMAIL)
PARENT = Representative("Julie Tremblay", SignerCapacity.PARENT)


def answers(
    interaction: Interaction, *, granted: bool = True, declined: bool = False, **more
) -> ConsentCapture:  # type: ignore[no-untyped-def]
    change = ConsentChange(*NEWSLETTERS, granted, declined=declined)
    return ConsentCapture((change,), interaction, Language.FR, **more)


def refusal_codes(services: Services, actor, client_id: int, capture: ConsentCapture) -> list[str]:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as refused:
        services.consent.record(actor, client_id, capture)
    assert refused.value.message(Language.FR) != refused.value.message(Language.EN)
    return [e.code for e in refused.value.errors]


def signed(services: Services, actor, client_id: int, **capture) -> int:  # type: ignore[no-untyped-def]
    return services.acknowledgments.record(
        actor, client_id, SignatureCapture(signature_png=signature_png(), **capture)
    ).id


@pytest.mark.parametrize(
    ("interaction", "method"),
    [
        (Interaction.PHONE, ConsentMethod.VERBAL_PHONE),
        (Interaction.DESK, ConsentMethod.VERBAL_IN_PERSON),
        (Interaction.LETTER, ConsentMethod.POST),
        (Interaction.EMAIL, ConsentMethod.EMAIL),
    ],
)
def test_the_method_is_derived_from_the_interaction(
    services: Services, receptionist, interaction: Interaction, method: ConsentMethod
) -> None:
    client = new_client(services, receptionist)
    [event] = services.consent.record(receptionist, client.id, answers(interaction))
    assert event.method == method and event.acknowledgment_id is None


@pytest.mark.parametrize(
    ("interaction", "claimed", "code"),
    [
        (Interaction.DESK, ConsentMethod.SIGNED_AT_DESK, "method_needs_signature"),
        (Interaction.PHONE, ConsentMethod.SIGNED_AT_DESK, "method_not_in_person"),
        (Interaction.PHONE, ConsentMethod.VERBAL_IN_PERSON, "method_not_in_person"),
        (Interaction.EMAIL, ConsentMethod.VERBAL_IN_PERSON, "method_not_in_person"),
        (Interaction.LETTER, ConsentMethod.EMAIL, "method_mismatch"),
    ],
)
def test_a_claimed_method_the_interaction_does_not_bear_is_refused(
    services: Services, receptionist, interaction: Interaction, claimed: ConsentMethod, code: str
) -> None:
    client = new_client(services, receptionist)
    assert refusal_codes(services, receptionist, client.id, answers(interaction, method=claimed)) == [code]
    assert services.consent.history(receptionist, client.id) == []


def test_signed_at_the_desk_only_with_a_signature_stored_today(
    services: Services, receptionist, clock
) -> None:
    client = new_client(services, receptionist)
    other = new_client(services, receptionist, "Autre", "Anne")
    ack_id = signed(services, receptionist, client.id)
    refused_id = services.acknowledgments.record(receptionist, client.id, SignatureCapture(refused=True)).id

    for wrong in (refused_id, signed(services, receptionist, other.id)):
        capture = answers(Interaction.DESK, acknowledgment_id=wrong)
        assert refusal_codes(services, receptionist, client.id, capture) == ["no_stored_signature"]
    # A signature vouches for answers given in person, never for a call.
    capture = answers(Interaction.PHONE, acknowledgment_id=ack_id)
    assert refusal_codes(services, receptionist, client.id, capture) == ["method_not_in_person"]

    capture = answers(Interaction.DESK, acknowledgment_id=ack_id, method=ConsentMethod.SIGNED_AT_DESK)
    [event] = services.consent.record(receptionist, client.id, capture)
    assert (event.method, event.acknowledgment_id) == (ConsentMethod.SIGNED_AT_DESK, ack_id)

    clock.advance(days=1)  # yesterday's signature does not sign today's answers
    capture = answers(Interaction.DESK, granted=False, acknowledgment_id=ack_id)
    assert refusal_codes(services, receptionist, client.id, capture) == ["no_stored_signature"]


def test_telemedicine_is_the_appointments_mode(services: Services, receptionist, clock) -> None:
    client = new_client(services, receptionist)
    assert refusal_codes(services, receptionist, client.id, answers(Interaction.TELEMEDICINE)) == [
        "telemedicine_needs_appointment"
    ]
    starts = clock.now() + timedelta(days=1)
    ids = {}
    for mode in AppointmentMode:
        draft = AppointmentDraft(starts, AppointmentKind.CONSULTATION, mode, BookedVia.PHONE)
        ids[mode] = services.appointments.book(receptionist, client.id, draft).appointment.id
    capture = answers(Interaction.TELEMEDICINE, appointment_id=ids[AppointmentMode.IN_CLINIC])
    assert refusal_codes(services, receptionist, client.id, capture) == ["telemedicine_needs_appointment"]
    capture = answers(Interaction.TELEMEDICINE, appointment_id=ids[AppointmentMode.TELEMEDICINE])
    [event] = services.consent.record(receptionist, client.id, capture)
    assert (event.method, event.appointment_id) == (
        ConsentMethod.VERBAL_TELEMEDICINE,
        ids[AppointmentMode.TELEMEDICINE],
    )


def test_a_minors_consent_is_granted_only_by_a_named_parent_or_tutor(
    services: Services, receptionist
) -> None:
    child = new_client(services, receptionist, "Tremblay", "Léo", date_of_birth=MINOR_BORN)
    codes = refusal_codes(services, receptionist, child.id, answers(Interaction.PHONE))
    assert codes == ["minor_consent_needs_representative"]
    mandatary = answers(Interaction.PHONE, representative=Representative("M. Roy", SignerCapacity.MANDATARY))
    assert refusal_codes(services, receptionist, child.id, mandatary) == [
        "minor_consent_needs_representative"
    ]
    nameless = answers(Interaction.PHONE, representative=Representative("  ", SignerCapacity.TUTOR))
    assert refusal_codes(services, receptionist, child.id, nameless) == ["required"]
    assert services.consent.history(receptionist, child.id) == []

    [event] = services.consent.record(
        receptionist, child.id, answers(Interaction.PHONE, representative=PARENT)
    )
    assert (event.representative_name, event.representative_capacity) == (
        "Julie Tremblay",
        SignerCapacity.PARENT,
    )
    assert services.consent.history(receptionist, child.id) == [event]


def test_a_minors_withdrawal_or_refusal_is_never_refused(services: Services, receptionist) -> None:
    child = new_client(services, receptionist, "Tremblay", "Léo", date_of_birth=MINOR_BORN)
    [declined] = services.consent.record(
        receptionist, child.id, answers(Interaction.PHONE, granted=False, declined=True)
    )
    assert (declined.action, declined.representative_name) == (ConsentAction.DECLINED, None)
    services.consent.record(receptionist, child.id, answers(Interaction.DESK, representative=PARENT))
    [withdrawn] = services.consent.record(receptionist, child.id, answers(Interaction.PHONE, granted=False))
    assert (withdrawn.action, withdrawn.representative_name) == (ConsentAction.WITHDRAWN, None)


def test_a_minors_booking_takes_the_representative_who_signed(
    services: Services, receptionist, clock
) -> None:
    child = new_client(services, receptionist, "Tremblay", "Léo", date_of_birth=MINOR_BORN)
    starts = clock.now() + timedelta(days=1)
    by_phone = AppointmentDraft(
        starts, AppointmentKind.CONSULTATION, AppointmentMode.IN_CLINIC, BookedVia.PHONE
    )
    with pytest.raises(ValidationError) as refused:
        services.appointments.book(receptionist, child.id, by_phone, answers(Interaction.PHONE))
    assert [e.code for e in refused.value.errors] == ["minor_consent_needs_representative"]
    assert services.appointments.for_client(receptionist, child.id) == []

    at_desk = AppointmentDraft(
        starts, AppointmentKind.CONSULTATION, AppointmentMode.IN_CLINIC, BookedVia.AT_DESK
    )
    signature = SignatureCapture(SignerCapacity.TUTOR, "Marc Tremblay", signature_png())
    result = services.appointments.book(receptionist, child.id, at_desk, answers(Interaction.DESK), signature)
    [event] = result.consent_events
    assert (event.method, event.representative_name, event.representative_capacity) == (
        ConsentMethod.SIGNED_AT_DESK,
        "Marc Tremblay",
        SignerCapacity.TUTOR,
    )


def test_a_booking_whose_answers_say_another_interaction_is_refused(
    services: Services, receptionist, clock
) -> None:
    client = new_client(services, receptionist)
    draft = AppointmentDraft(
        clock.now() + timedelta(days=1),
        AppointmentKind.CONSULTATION,
        AppointmentMode.IN_CLINIC,
        BookedVia.PHONE,
    )
    with pytest.raises(ValidationError) as refused:
        services.appointments.book(receptionist, client.id, draft, answers(Interaction.DESK))
    assert [e.code for e in refused.value.errors] == ["interaction_mismatch"]


def test_a_minors_answers_signed_by_a_parent_at_the_desk_name_that_parent(
    services: Services, receptionist
) -> None:
    child = new_client(services, receptionist, "Tremblay", "Léo", date_of_birth=MINOR_BORN)
    ack_id = signed(
        services, receptionist, child.id, signer_capacity=SignerCapacity.PARENT, signer_name="Julie Tremblay"
    )
    [event] = services.consent.record(
        receptionist, child.id, answers(Interaction.DESK, acknowledgment_id=ack_id)
    )
    assert (event.method, event.representative_name, event.representative_capacity) == (
        ConsentMethod.SIGNED_AT_DESK,
        "Julie Tremblay",
        SignerCapacity.PARENT,
    )
