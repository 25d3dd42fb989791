"""Ids made by the caller: a replayed save (a retry, or the same record sent again from another
workstation) is recognised and never doubled; the same id with other content is refused."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta

import pytest
from PIL import Image, ImageDraw
from sqlalchemy import func, select

from desktop.app import open_services
from desktop.db.models import (
    Acknowledgment,
    Appointment,
    ConsentEvent,
    OptOutEvent,
    OptOutRequest,
    OptOutScope,
)
from desktop.domain.enums import (
    PROMOTIONAL_PURPOSES,
    AppointmentKind,
    AppointmentMode,
    BookedVia,
    Channel,
    Interaction,
    Language,
    OptOutVia,
    Purpose,
    SignerCapacity,
)
from desktop.domain.errors import ConflictError
from desktop.domain.records import (
    AppointmentDraft,
    ClientDraft,
    ConsentCapture,
    ConsentChange,
    OptOutDraft,
    SignatureCapture,
)
from desktop.services import Services

TODAY = date(2026, 11, 24)
LEDGERS = (ConsentEvent, OptOutRequest, OptOutScope, OptOutEvent, Acknowledgment, Appointment)


def signature_png(width: int = 3) -> bytes:
    image = Image.new("RGBA", (300, 100), (0, 0, 0, 0))
    ImageDraw.Draw(image).line([(10, 60), (80, 20), (150, 80), (280, 40)], fill=(0, 0, 0, 255), width=width)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def other(services: Services, clock) -> Iterator[Services]:
    """The same database opened by another workstation."""
    opened = open_services(services.db.url, clock=clock, migrate=False)
    yield opened
    opened.close()


@pytest.fixture
def at_other_desk(receptionist):  # type: ignore[no-untyped-def]
    return replace(receptionist, workstation="poste-2")


def rows(services: Services) -> dict[str, int]:
    with services.db.session(write=False) as session:
        return {
            m.__tablename__: int(session.scalar(select(func.count()).select_from(m)) or 0) for m in LEDGERS
        }


def new_client(services: Services, actor, first: str = "Zoé") -> int:
    return services.clients.create(actor, ClientDraft("Côté", first, date(1980, 4, 12)), confirm_duplicate=True).id


def consent(*changes: ConsentChange, interaction: Interaction = Interaction.PHONE) -> ConsentCapture:
    return ConsentCapture(changes, interaction, Language.FR)


def test_consent_event_replayed_from_another_workstation(
    services: Services, other: Services, receptionist, at_other_desk, clock
) -> None:
    client_id = new_client(services, receptionist)
    change = ConsentChange(Purpose.NEWSLETTERS, Channel.EMAIL, True)
    [event] = services.consent.record(receptionist, client_id, consent(change))
    assert event.uid == change.uid
    before = rows(services)
    clock.advance(minutes=3)
    assert other.consent.record(at_other_desk, client_id, consent(change)) == []
    assert services.consent.record(receptionist, client_id, consent(change)) == []
    assert rows(services) == before


def test_consent_event_replayed_after_a_later_change_does_not_undo_it(
    services: Services, receptionist, clock
) -> None:
    client_id = new_client(services, receptionist)
    grant = ConsentChange(Purpose.NEWSLETTERS, Channel.EMAIL, True)
    services.consent.record(receptionist, client_id, consent(grant))
    clock.advance(minutes=1)
    services.consent.record(receptionist, client_id, consent(ConsentChange(Purpose.NEWSLETTERS, Channel.EMAIL, False)))
    clock.advance(minutes=1)
    assert services.consent.record(receptionist, client_id, consent(grant)) == []
    assert not services.consent.grid(receptionist, client_id).granted(Purpose.NEWSLETTERS, Channel.EMAIL)


@pytest.mark.parametrize(
    "changed",
    [
        dict(granted=False),
        dict(channel=Channel.SMS),
        dict(purpose=Purpose.FEEDBACK),
    ],
)
def test_consent_event_replayed_with_other_content_is_refused(
    services: Services, other: Services, receptionist, at_other_desk, changed: dict[str, object]
) -> None:
    client_id = new_client(services, receptionist)
    change = ConsentChange(Purpose.NEWSLETTERS, Channel.EMAIL, True)
    services.consent.record(receptionist, client_id, consent(change))
    before = rows(services)
    with pytest.raises(ConflictError) as caught:
        other.consent.record(at_other_desk, client_id, consent(replace(change, **changed)))
    assert caught.value.code == "replay_mismatch"
    assert rows(services) == before


def test_consent_event_replayed_for_another_client_is_refused(services: Services, receptionist) -> None:
    zoe, marc = new_client(services, receptionist), new_client(services, receptionist, "Marc")
    change = ConsentChange(Purpose.NEWSLETTERS, Channel.EMAIL, True)
    services.consent.record(receptionist, zoe, consent(change))
    with pytest.raises(ConflictError):
        services.consent.record(receptionist, marc, consent(change))
    assert services.consent.history(receptionist, marc) == []


def opt_out(client_id: int | None, via: OptOutVia = OptOutVia.PHONE) -> OptOutDraft:
    return OptOutDraft(
        via, TODAY, "Zoé Côté", requester_phone="418 555-0123", purposes=PROMOTIONAL_PURPOSES, client_id=client_id
    )


@pytest.mark.parametrize("via", [OptOutVia.PHONE, OptOutVia.EMAIL])
def test_opt_out_replayed_from_another_workstation(
    services: Services, other: Services, receptionist, at_other_desk, clock, via: OptOutVia
) -> None:
    client_id = new_client(services, receptionist)
    draft = opt_out(client_id, via)
    first = services.optouts.log(receptionist, draft)
    assert first.uid == draft.uid
    before = rows(services)
    clock.advance(minutes=5)
    again = other.optouts.log(at_other_desk, draft)
    assert again == first
    assert rows(services) == before


@pytest.mark.parametrize(
    "changed",
    [
        dict(requester_name="Marc Côté"),
        dict(received_on=TODAY - timedelta(days=1)),
        dict(purposes=frozenset(Purpose)),
        dict(channels=frozenset({Channel.SMS})),
        dict(note="autre"),
        dict(received_via=OptOutVia.IN_CLINIC),
    ],
)
def test_opt_out_replayed_with_other_content_is_refused(
    services: Services, other: Services, receptionist, at_other_desk, changed: dict[str, object]
) -> None:
    client_id = new_client(services, receptionist)
    draft = opt_out(client_id)
    services.optouts.log(receptionist, draft)
    before = rows(services)
    with pytest.raises(ConflictError) as caught:
        other.optouts.log(at_other_desk, replace(draft, **changed))
    assert caught.value.code == "replay_mismatch"
    assert rows(services) == before


def test_opt_out_replayed_for_another_client_is_refused(services: Services, receptionist) -> None:
    zoe, marc = new_client(services, receptionist), new_client(services, receptionist, "Marc")
    draft = opt_out(zoe)
    services.optouts.log(receptionist, draft)
    before = rows(services)
    with pytest.raises(ConflictError):
        services.optouts.log(receptionist, replace(draft, client_id=marc))
    assert rows(services) == before
    assert services.optouts.for_client(receptionist, marc) == []


def test_acknowledgment_replayed_from_another_workstation(
    services: Services, other: Services, receptionist, at_other_desk, clock
) -> None:
    client_id = new_client(services, receptionist)
    capture = SignatureCapture(signature_png=signature_png())
    first = services.acknowledgments.record(receptionist, client_id, capture)
    assert first.uid == capture.uid
    before = rows(services)
    clock.advance(minutes=1)
    again = other.acknowledgments.record(at_other_desk, client_id, capture)
    assert again.id == first.id and again.signed_at == first.signed_at
    assert rows(services) == before


@pytest.mark.parametrize(
    "changed",
    [
        dict(refused=True, signature_png=None),
        dict(signature_png=signature_png(width=6)),
        dict(signer_capacity=SignerCapacity.MANDATARY, signer_name="Me Tremblay"),
    ],
    ids=["refused", "other-signature", "other-signer"],
)
def test_acknowledgment_replayed_with_other_content_is_refused(
    services: Services, other: Services, receptionist, at_other_desk, changed: dict[str, object]
) -> None:
    client_id = new_client(services, receptionist)
    capture = SignatureCapture(signature_png=signature_png())
    services.acknowledgments.record(receptionist, client_id, capture)
    before = rows(services)
    with pytest.raises(ConflictError) as caught:
        other.acknowledgments.record(at_other_desk, client_id, replace(capture, **changed))
    assert caught.value.code == "replay_mismatch"
    assert rows(services) == before


def test_acknowledgment_replayed_for_another_client_is_refused(services: Services, receptionist) -> None:
    zoe, marc = new_client(services, receptionist), new_client(services, receptionist, "Marc")
    capture = SignatureCapture(signature_png=signature_png())
    services.acknowledgments.record(receptionist, zoe, capture)
    with pytest.raises(ConflictError):
        services.acknowledgments.record(receptionist, marc, capture)
    assert services.acknowledgments.for_client(receptionist, marc) == []


def appointment(clock) -> AppointmentDraft:  # type: ignore[no-untyped-def]
    return AppointmentDraft(
        clock.now() + timedelta(days=2), AppointmentKind.TREATMENT, AppointmentMode.IN_CLINIC, BookedVia.AT_DESK
    )


def test_booking_replayed_from_another_workstation(
    services: Services, other: Services, receptionist, at_other_desk, clock
) -> None:
    client_id = new_client(services, receptionist)
    draft = appointment(clock)
    answers = consent(ConsentChange(Purpose.APPOINTMENT_REMINDERS, Channel.SMS, True), interaction=Interaction.DESK)
    signature = SignatureCapture(signature_png=signature_png())
    first = services.appointments.book(receptionist, client_id, draft, answers, signature)
    assert first.appointment.uid == draft.uid
    assert first.acknowledgment is not None and first.acknowledgment.uid == signature.uid
    assert [e.uid for e in first.consent_events] == [answers.choices[0].uid]
    before = rows(services)
    clock.advance(minutes=1)
    again = other.appointments.book(at_other_desk, client_id, draft, answers, signature)
    assert again.appointment == first.appointment
    assert rows(services) == before


@pytest.mark.parametrize(
    "changed",
    [
        dict(starts_at_delta=timedelta(hours=1)),
        dict(kind=AppointmentKind.PROCEDURE),
        dict(mode=AppointmentMode.TELEMEDICINE),
        dict(booked_via=BookedVia.PHONE),
    ],
)
def test_booking_replayed_with_other_content_is_refused(
    services: Services, other: Services, receptionist, at_other_desk, clock, changed: dict[str, object]
) -> None:
    client_id = new_client(services, receptionist)
    draft = appointment(clock)
    services.appointments.book(receptionist, client_id, draft)
    before = rows(services)
    changed = dict(changed)
    delta = changed.pop("starts_at_delta", timedelta(0))
    with pytest.raises(ConflictError) as caught:
        other.appointments.book(at_other_desk, client_id, replace(draft, starts_at=draft.starts_at + delta, **changed))
    assert caught.value.code == "replay_mismatch"
    assert rows(services) == before


def test_booking_replayed_for_another_client_is_refused(services: Services, receptionist, clock) -> None:
    zoe, marc = new_client(services, receptionist), new_client(services, receptionist, "Marc")
    draft = appointment(clock)
    services.appointments.book(receptionist, zoe, draft)
    with pytest.raises(ConflictError):
        services.appointments.book(receptionist, marc, draft)
    assert services.appointments.for_client(receptionist, marc) == []
