"""Opt-out requests: phone and in-clinic ones take effect as logged; email and post ones are due within
10 Quebec business days, matched to a file and then processed into withdrawal events."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.domain.enums import (
    PROMOTIONAL_PURPOSES,
    Channel,
    ConsentAction,
    ConsentMethod,
    Interaction,
    Language,
    OptOutEventKind,
    OptOutVia,
    Purpose,
)
from desktop.domain.errors import ConflictError, FrontDeskError, NotFoundError, ValidationError
from desktop.domain.records import ClientDraft, ConsentCapture, ConsentChange, OptOutDraft
from desktop.domain.wording import withdrawal_sentence
from desktop.services import Services

TODAY = date(2026, 11, 24)
EVERY_CELL = tuple((p, c) for p in Purpose for c in Channel)


def new_client(services: Services, actor, first: str = "Zoé", language: Language = Language.FR) -> int:
    draft = ClientDraft("Côté", first, date(1980, 4, 12), preferred_language=language)
    return services.clients.create(actor, draft, confirm_duplicate=True).id


def grant_everything(services: Services, actor, client_id: int) -> None:
    choices = tuple(ConsentChange(p, c, True) for p, c in EVERY_CELL)
    services.consent.record(actor, client_id, ConsentCapture(choices, Interaction.DESK, Language.FR))


def granted_cells(services: Services, actor, client_id: int) -> set[tuple[Purpose, Channel]]:
    grid = services.consent.grid(actor, client_id)
    return {cell for cell, state in grid.cells.items() if state.granted}


def request(via: OptOutVia, client_id: int | None = None, **more: object) -> OptOutDraft:
    values: dict[str, object] = dict(
        received_via=via,
        received_on=TODAY,
        requester_name="Zoé Côté",
        requester_phone="418 555-0123",
        requester_email="zoe@example.com",
        purposes=PROMOTIONAL_PURPOSES,
        client_id=client_id,
    )
    values.update(more)
    return OptOutDraft(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("via", "method"), [(OptOutVia.PHONE, ConsentMethod.VERBAL_PHONE), (OptOutVia.IN_CLINIC, ConsentMethod.VERBAL_IN_PERSON)]
)
def test_phone_and_in_clinic_requests_take_effect_as_logged(
    services: Services, receptionist, clock, via: OptOutVia, method: ConsentMethod
) -> None:
    client_id = new_client(services, receptionist)
    grant_everything(services, receptionist, client_id)
    clock.advance(hours=1)
    record = services.optouts.log(receptionist, request(via, client_id))

    assert record.processed_at == clock.now() and record.processed_by == receptionist.full_name
    assert record.client_id == client_id and not record.pending
    assert record.due_on == TODAY
    assert [e.kind for e in record.history] == [OptOutEventKind.MATCHED, OptOutEventKind.PROCESSED]
    # "All promotional" keeps appointment reminders.
    assert granted_cells(services, receptionist, client_id) == {
        (Purpose.APPOINTMENT_REMINDERS, c) for c in Channel
    }
    withdrawals = [e for e in services.consent.history(receptionist, client_id) if e.opt_out_request_id == record.id]
    assert {(e.purpose, e.channel) for e in withdrawals} == {(p, c) for p in PROMOTIONAL_PURPOSES for c in Channel}
    assert len(withdrawals) == len(PROMOTIONAL_PURPOSES) * len(Channel)
    for event in withdrawals:
        assert event.action == ConsentAction.WITHDRAWN
        assert event.method == method
        assert event.wording == withdrawal_sentence(event.purpose, event.channel, via, TODAY.isoformat(), Language.FR)
        assert event.recorded_by == receptionist.full_name


def test_everything_withdraws_appointment_reminders_too(services: Services, receptionist) -> None:
    client_id = new_client(services, receptionist)
    grant_everything(services, receptionist, client_id)
    record = services.optouts.log(receptionist, request(OptOutVia.PHONE, client_id, purposes=frozenset(Purpose)))
    assert granted_cells(services, receptionist, client_id) == set()
    withdrawals = [e for e in services.consent.history(receptionist, client_id) if e.opt_out_request_id == record.id]
    assert len(withdrawals) == len(Purpose) * len(Channel)


@pytest.mark.parametrize("parent_included", [True, False])
def test_parent_company_included_or_not(services: Services, receptionist, parent_included: bool) -> None:
    client_id = new_client(services, receptionist)
    grant_everything(services, receptionist, client_id)
    purposes = {Purpose.NEWSLETTERS, Purpose.SURVEYS_CONTESTS_EVENTS, Purpose.FEEDBACK}
    if parent_included:
        purposes.add(Purpose.PARENT_COMPANY_PROMOTIONS)
    services.optouts.log(receptionist, request(OptOutVia.IN_CLINIC, client_id, purposes=frozenset(purposes)))
    remaining = {p for p, _ in granted_cells(services, receptionist, client_id)}
    expected = {Purpose.APPOINTMENT_REMINDERS} | ({Purpose.PARENT_COMPANY_PROMOTIONS} if not parent_included else set())
    assert remaining == expected


def test_scope_can_be_limited_to_channels(services: Services, receptionist) -> None:
    client_id = new_client(services, receptionist)
    grant_everything(services, receptionist, client_id)
    services.optouts.log(
        receptionist,
        request(OptOutVia.PHONE, client_id, purposes=frozenset({Purpose.NEWSLETTERS}), channels=frozenset({Channel.SMS})),
    )
    assert set(EVERY_CELL) - granted_cells(services, receptionist, client_id) == {(Purpose.NEWSLETTERS, Channel.SMS)}


def test_phone_request_needs_a_client_file(services: Services, receptionist) -> None:
    with pytest.raises(ValidationError) as caught:
        services.optouts.log(receptionist, request(OptOutVia.PHONE, None))
    assert caught.value.for_field("client_id").code == "optout_not_matched"
    assert services.optouts.pending(receptionist) == []


@pytest.mark.parametrize("via", [OptOutVia.EMAIL, OptOutVia.POST])
def test_email_and_post_requests_wait_with_a_due_date(services: Services, receptionist, via: OptOutVia) -> None:
    client_id = new_client(services, receptionist)
    grant_everything(services, receptionist, client_id)
    record = services.optouts.log(receptionist, request(via))
    assert record.pending and record.client_id is None and record.processed_at is None
    assert record.due_on == date(2026, 12, 8)  # ten business days after Tuesday, November 24
    assert record.purposes == PROMOTIONAL_PURPOSES and record.channels == frozenset(Channel)
    assert record.logged_by == receptionist.full_name
    assert [r.id for r in services.optouts.pending(receptionist)] == [record.id]
    # Nothing is withdrawn until the request is processed.
    assert granted_cells(services, receptionist, client_id) == set(EVERY_CELL)


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (date(2025, 12, 19), date(2026, 1, 6)),  # Christmas and New Year's Day
        (date(2026, 6, 19), date(2026, 7, 7)),  # Fête nationale (June 24) and Canada Day (July 1)
        (date(2026, 5, 15), date(2026, 6, 1)),  # Journée nationale des patriotes (May 18)
    ],
)
def test_due_date_skips_quebec_holidays(services: Services, receptionist, received: date, due: date) -> None:
    record = services.optouts.log(receptionist, request(OptOutVia.POST, received_on=received))
    assert record.due_on == due
    assert services.optouts.get(receptionist, record.id).due_on == due


def test_match_then_process(services: Services, receptionist, team, clock) -> None:
    client_id = new_client(services, receptionist)
    grant_everything(services, receptionist, client_id)
    logged = services.optouts.log(receptionist, request(OptOutVia.EMAIL))
    clock.advance(days=1)
    matched = services.optouts.match(team.manager, logged.id, client_id)
    assert matched.client_id == client_id and matched.pending
    assert services.optouts.pending_count(receptionist) == (1, 0)
    clock.advance(days=1)
    processed = services.optouts.process(team.manager, logged.id, confirmation_sent=True)
    assert processed.processed_at == clock.now() and processed.processed_by == team.manager.full_name
    assert processed.confirmation_sent_at == clock.now()
    assert [e.kind for e in processed.history] == [
        OptOutEventKind.MATCHED,
        OptOutEventKind.PROCESSED,
        OptOutEventKind.CONFIRMATION_SENT,
    ]
    assert granted_cells(services, receptionist, client_id) == {(Purpose.APPOINTMENT_REMINDERS, c) for c in Channel}
    withdrawals = [e for e in services.consent.history(receptionist, client_id) if e.opt_out_request_id == logged.id]
    assert {e.method for e in withdrawals} == {ConsentMethod.EMAIL}
    assert services.optouts.pending(receptionist) == []
    assert services.optouts.pending_count(receptionist) == (0, 0)


def test_processing_twice_is_refused(services: Services, receptionist) -> None:
    client_id = new_client(services, receptionist)
    logged = services.optouts.log(receptionist, request(OptOutVia.POST, client_id))
    services.optouts.process(receptionist, logged.id)
    before = services.consent.history(receptionist, client_id)
    with pytest.raises(ConflictError) as caught:
        services.optouts.process(receptionist, logged.id)
    assert caught.value.code == "optout_already_processed"
    with pytest.raises(ConflictError):
        services.optouts.match(receptionist, logged.id, new_client(services, receptionist, "Marc"))
    assert services.consent.history(receptionist, client_id) == before


def test_processing_without_a_match_is_refused(services: Services, receptionist) -> None:
    logged = services.optouts.log(receptionist, request(OptOutVia.EMAIL))
    with pytest.raises(FrontDeskError) as caught:
        services.optouts.process(receptionist, logged.id)
    assert caught.value.code == "optout_not_matched"
    assert caught.value.message("fr") != caught.value.message("en")
    assert services.optouts.get(receptionist, logged.id).pending


def test_pending_and_overdue(services: Services, receptionist, clock) -> None:
    client_id = new_client(services, receptionist)
    old = services.optouts.log(receptionist, request(OptOutVia.POST, received_on=date(2026, 11, 2)))
    new = services.optouts.log(receptionist, request(OptOutVia.EMAIL))
    done = services.optouts.log(receptionist, request(OptOutVia.PHONE, client_id))
    assert old.due_on == date(2026, 11, 16)
    assert [r.id for r in services.optouts.pending(receptionist)] == [old.id, new.id]  # most urgent first
    assert [r.id for r in services.optouts.overdue(receptionist)] == [old.id]
    assert services.optouts.pending_count(receptionist) == (2, 1)
    assert old.overdue_on(TODAY) and not new.overdue_on(TODAY) and not done.overdue_on(TODAY)

    clock.advance(days=14)  # Tuesday, December 8: the last day allowed
    assert [r.id for r in services.optouts.overdue(receptionist)] == [old.id]
    clock.advance(days=1)
    assert [r.id for r in services.optouts.overdue(receptionist)] == [old.id, new.id]
    assert services.optouts.pending_count(receptionist) == (2, 2)
    assert [r.id for r in services.optouts.pending(receptionist, offset=1, limit=1)] == [new.id]


def test_for_client(services: Services, receptionist) -> None:
    zoe = new_client(services, receptionist)
    marc = new_client(services, receptionist, "Marc")
    first = services.optouts.log(receptionist, request(OptOutVia.PHONE, zoe))
    second = services.optouts.log(receptionist, request(OptOutVia.EMAIL, zoe, received_on=date(2026, 11, 20)))
    services.optouts.log(receptionist, request(OptOutVia.EMAIL))  # not matched to anyone
    services.optouts.log(receptionist, request(OptOutVia.IN_CLINIC, marc))
    assert [r.id for r in services.optouts.for_client(receptionist, zoe)] == [first.id, second.id]
    status = services.clients.status(receptionist, zoe)
    assert status.pending_opt_outs == 1


@pytest.mark.parametrize(
    ("name", "phone", "email", "note"),
    [
        ("Robert'); DROP TABLE opt_out_requests;--", "' OR '1'='1", "x@y.z'; --", "<img src=x onerror=alert(1)>"),
        ("Zoé \"Z\" Côté & fils <zoe>", "+1 (418) 555-0123 poste 9", "ZOÉ@EXEMPLE.QC.CA", "%s %d {0} ${x} \\N"),
    ],
)
def test_requester_fields_are_stored_verbatim(
    services: Services, receptionist, name: str, phone: str, email: str, note: str
) -> None:
    logged = services.optouts.log(
        receptionist, request(OptOutVia.POST, requester_name=name, requester_phone=phone, requester_email=email, note=note)
    )
    stored = services.optouts.get(receptionist, logged.id)
    assert (stored.requester_name, stored.requester_phone, stored.requester_email, stored.note) == (
        name,
        phone,
        email,
        note,
    )


def test_invalid_requests_are_refused(services: Services, receptionist, clock) -> None:
    with pytest.raises(ValidationError) as caught:
        services.optouts.log(receptionist, request(OptOutVia.EMAIL, purposes=frozenset()))
    assert caught.value.for_field("scope").code == "empty_scope"
    with pytest.raises(ValidationError) as caught:
        services.optouts.log(receptionist, request(OptOutVia.EMAIL, received_on=TODAY + timedelta(days=1)))
    assert caught.value.for_field("received_on").code == "date_in_future"
    with pytest.raises(ValidationError) as caught:
        services.optouts.log(receptionist, request(OptOutVia.EMAIL, requester_name="Zoé\x00"))
    assert caught.value.for_field("requester_name").code == "invalid_characters"
    with pytest.raises(ValidationError) as caught:
        services.optouts.log(receptionist, request(OptOutVia.EMAIL, requester_name=" "))
    assert caught.value.for_field("requester_name").code == "required"
    assert services.optouts.pending(receptionist) == []


def test_unknown_request_or_client(services: Services, receptionist) -> None:
    with pytest.raises(NotFoundError):
        services.optouts.get(receptionist, 99_999)
    with pytest.raises(NotFoundError):
        services.optouts.process(receptionist, 99_999)
    logged = services.optouts.log(receptionist, request(OptOutVia.EMAIL))
    with pytest.raises(NotFoundError):
        services.optouts.match(receptionist, logged.id, 99_999)
    with pytest.raises(NotFoundError):
        services.optouts.log(receptionist, request(OptOutVia.PHONE, 99_999))


def test_confirmation_sent_is_recorded_once(services: Services, receptionist, clock) -> None:
    client_id = new_client(services, receptionist)
    logged = services.optouts.log(receptionist, request(OptOutVia.PHONE, client_id))
    assert logged.confirmation_sent_at is None
    clock.advance(hours=2)
    first = services.optouts.mark_confirmation_sent(receptionist, logged.id)
    clock.advance(hours=2)
    again = services.optouts.mark_confirmation_sent(receptionist, logged.id)
    assert first.confirmation_sent_at == again.confirmation_sent_at == clock.now() - timedelta(hours=2)
    assert [e.kind for e in again.history].count(OptOutEventKind.CONFIRMATION_SENT) == 1
