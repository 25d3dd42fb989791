"""A booking shows and records the policy version in force on the appointment's day; a client whose
signed acknowledgment already covers it is not asked again; publishing a version flags exactly the
clients whose latest acknowledgment is older, in the file header and in the re-acknowledgment report
(SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.domain.enums import (
    AppointmentKind,
    AppointmentMode,
    BookedVia,
    Channel,
    ConsentMethod,
    Interaction,
    Language,
    Purpose,
)
from desktop.domain.errors import ValidationError
from desktop.domain.records import (
    Actor,
    AppointmentDraft,
    BookingResult,
    ConsentCapture,
    ConsentChange,
    PolicyDraft,
    SignatureCapture,
)
from desktop.services import Services
from desktop.services.clock import FixedClock
from tests.conftest import TEST_NOW
from tests.support.documents import new_client, signature_png

OLD = "2020-04-22"


def publish(services: Services, manager: Actor, days: int) -> str:
    """A new version in force ``days`` from today; its label."""
    effective = services.clock.today() + timedelta(days=days)
    draft = PolicyDraft(
        effective,
        "POLITIQUE DE CONFIDENTIALITÉ\nVersion révisée.\n",
        "PRIVACY POLICY\nRevised version.\n",
        "Résumé révisé.\n",
        "Revised summary.\n",
    )
    return services.policies.publish(manager, draft)[0].version


def book(
    services: Services,
    actor: Actor,
    client_id: int,
    clock: FixedClock,
    *,
    days_ahead: int = 1,
    via: BookedVia = BookedVia.AT_DESK,
    signed: bool = True,
    refused: bool = False,
    language: Language = Language.FR,
    claimed: ConsentMethod | None = None,
    purpose: Purpose = Purpose.NEWSLETTERS,
) -> BookingResult:
    """A booking granting ``purpose`` by email, signed at the desk unless ``signed`` is False (or
    refused); ``claimed`` is the method the caller says, which the service only checks."""
    draft = AppointmentDraft(
        clock.now() + timedelta(days=days_ahead), AppointmentKind.CONSULTATION, AppointmentMode.IN_CLINIC, via
    )
    interaction = Interaction.PHONE if via == BookedVia.PHONE else Interaction.DESK
    capture = ConsentCapture((ConsentChange(purpose, Channel.EMAIL, True),), interaction, language, claimed)
    signature = SignatureCapture(signature_png=signature_png(), language=language) if signed else None
    if refused:
        signature = SignatureCapture(refused=True, language=language)
    return services.appointments.book(actor, client_id, draft, capture, signature)


def day(days: int) -> date:
    return (TEST_NOW + timedelta(days=days)).astimezone().date()


def test_a_client_who_signed_the_version_in_force_is_not_asked_again(services: Services, team, clock) -> None:
    desk = team.receptionist
    client = new_client(services, desk)
    before = services.acknowledgments.for_booking(desk, client.id, day(1))
    assert before.signature_needed and before.policy.version == OLD and before.policy.language == Language.FR

    first = book(services, desk, client.id, clock)
    assert first.acknowledgment is not None
    covered = services.acknowledgments.for_booking(desk, client.id, day(5))
    assert not covered.signature_needed and covered.acknowledged is not None
    assert (covered.acknowledged.id, covered.acknowledged.policy_version) == (first.acknowledgment.id, OLD)
    assert covered.acknowledged.signed_at == TEST_NOW

    # The next booking at the desk asks no signature: the answers are given in person, and no second
    # acknowledgment is made.
    withdrawn = ConsentChange(Purpose.NEWSLETTERS, Channel.EMAIL, False)
    services.consent.record(desk, client.id, ConsentCapture((withdrawn,), Interaction.PHONE, Language.FR))
    second = book(services, desk, client.id, clock, days_ahead=5, signed=False)
    assert second.acknowledgment is None
    assert [(e.method, e.policy_version, e.acknowledgment_id) for e in second.consent_events] == [
        (ConsentMethod.VERBAL_IN_PERSON, OLD, None)
    ]
    assert len(services.acknowledgments.for_client(desk, client.id)) == 1


def test_the_method_follows_the_booking_never_the_caller(services: Services, team, clock) -> None:
    desk = team.receptionist
    by_phone = new_client(services, desk, "Téléphone", "Paul")
    signed = new_client(services, desk, "Signé", "Sam")
    result = book(services, desk, by_phone.id, clock, via=BookedVia.PHONE, signed=False)
    assert [e.method for e in result.consent_events] == [ConsentMethod.VERBAL_PHONE]
    result = book(services, desk, signed.id, clock)
    assert [e.method for e in result.consent_events] == [ConsentMethod.SIGNED_AT_DESK]
    assert [e.acknowledgment_id for e in result.consent_events] == [result.acknowledgment.id]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("claimed", "signed", "code"),
    [
        (ConsentMethod.SIGNED_AT_DESK, False, "method_not_in_person"),
        (ConsentMethod.VERBAL_IN_PERSON, False, "method_not_in_person"),
        (ConsentMethod.EMAIL, False, "method_mismatch"),
        (None, True, "signature_in_person_only"),
    ],
)
def test_a_phone_booking_claiming_more_than_a_call_is_refused(
    services: Services, team, clock, claimed: ConsentMethod | None, signed: bool, code: str
) -> None:
    desk = team.receptionist
    client = new_client(services, desk)
    with pytest.raises(ValidationError) as refused:
        book(services, desk, client.id, clock, via=BookedVia.PHONE, signed=signed, claimed=claimed)
    assert [e.code for e in refused.value.errors] == [code]
    assert refused.value.message(Language.FR) != refused.value.message(Language.EN)
    # Nothing of the booking is kept.
    assert services.appointments.for_client(desk, client.id) == []
    assert services.consent.history(desk, client.id) == []


def test_a_desk_booking_claiming_a_signature_it_does_not_hold_is_refused(services: Services, team, clock) -> None:
    desk = team.receptionist
    client = new_client(services, desk)
    with pytest.raises(ValidationError) as refused:
        book(services, desk, client.id, clock, signed=False, claimed=ConsentMethod.SIGNED_AT_DESK)
    assert [e.code for e in refused.value.errors] == ["method_needs_signature"]
    with pytest.raises(ValidationError) as refused:
        book(services, desk, client.id, clock, refused=True, claimed=ConsentMethod.SIGNED_AT_DESK)
    assert [e.code for e in refused.value.errors] == ["method_needs_signature"]
    assert services.consent.history(desk, client.id) == []
    # Claimed and true, it is taken.
    result = book(services, desk, client.id, clock, claimed=ConsentMethod.SIGNED_AT_DESK)
    assert [e.method for e in result.consent_events] == [ConsentMethod.SIGNED_AT_DESK]


def test_the_version_shown_and_recorded_is_the_one_in_force_on_the_appointment_day(
    services: Services, team, clock
) -> None:
    desk = team.receptionist
    client = new_client(services, desk)
    book(services, desk, client.id, clock)  # signs the version in force today
    new = publish(services, team.manager, days=7)

    # Before the new version's date: the old one, already signed; from its date: the new one, to sign.
    assert not services.acknowledgments.for_booking(desk, client.id, day(6)).signature_needed
    later = services.acknowledgments.for_booking(desk, client.id, day(10))
    assert later.signature_needed and later.policy.version == new and later.policy.summary == "Résumé révisé.\n"

    result = book(services, desk, client.id, clock, days_ahead=10, purpose=Purpose.SURVEYS_CONTESTS_EVENTS)
    assert result.acknowledgment is not None and result.acknowledgment.policy_version == new
    assert [e.policy_version for e in result.consent_events] == [new]
    # Signed ahead of its date: the file is not flagged today, nor once the version is in force, and
    # an earlier visit under the old version asks nothing either.
    assert services.clients.status(desk, client.id).acknowledged_current_on == clock.today()
    assert not services.acknowledgments.for_booking(desk, client.id, day(3)).signature_needed
    clock.advance(days=8)
    status = services.clients.status(desk, client.id)
    assert (status.current_policy_version, status.acknowledged_version) == (new, new)
    assert not status.acknowledgment_outdated


def test_a_text_signed_in_another_language_is_asked_again_in_the_clients(services: Services, team, clock) -> None:
    desk = team.receptionist
    client = new_client(services, desk)  # French-speaking
    book(services, desk, client.id, clock, language=Language.EN)
    again = services.acknowledgments.for_booking(desk, client.id, day(2))
    assert again.signature_needed and again.policy.language == Language.FR


def test_publishing_flags_exactly_the_clients_with_an_older_acknowledgment(services: Services, team, clock) -> None:
    desk = team.receptionist
    old_fr = new_client(services, desk, "Ancienne", "Anne")
    old_en = new_client(services, desk, "Older", "Oliver", preferred_language=Language.EN)
    ahead = new_client(services, desk, "Avance", "Ariane")
    refused = new_client(services, desk, "Refus", "Rita")
    never = new_client(services, desk, "Jamais", "Noé")
    book(services, desk, old_fr.id, clock)
    book(services, desk, old_en.id, clock, language=Language.EN)
    book(services, desk, refused.id, clock, refused=True)
    book(services, desk, never.id, clock, via=BookedVia.PHONE, signed=False)
    new = publish(services, team.manager, days=2)
    book(services, desk, ahead.id, clock, days_ahead=3)  # signs the new version for a visit after its date
    everyone = (old_fr.id, old_en.id, ahead.id, refused.id, never.id)

    def flagged() -> set[int]:
        return {c for c in everyone if services.clients.status(desk, c).acknowledgment_outdated}

    assert flagged() == set()
    clock.advance(days=2)
    assert flagged() == {old_fr.id, old_en.id}
    for client_id in (old_fr.id, old_en.id):
        status = services.clients.status(desk, client_id)
        assert (status.acknowledged_version, status.current_policy_version) == (OLD, new)
    for client_id in (refused.id, never.id):
        assert services.clients.status(desk, client_id).acknowledgment_missing

    # Every client has a visit in the coming days; the report counts the same ones.
    for client_id in everyone:
        book(services, desk, client_id, clock, via=BookedVia.PHONE, signed=False)
    report = services.reports.reacknowledgment(team.manager, clock.today(), clock.today() + timedelta(days=3))
    assert report.current_version == new
    assert {r.client_id for r in report.outdated} == flagged()
    assert {r.client_id for r in report.never_signed} == {refused.id, never.id}
    assert report.up_to_date == 1 and report.clients_seen == 5
