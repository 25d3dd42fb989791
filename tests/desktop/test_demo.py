"""Demo data: realistic, valid client files whose ledgers obey the same rules as real ones."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import func, select

from desktop.db.models import (
    Acknowledgment,
    Appointment,
    AuditRecord,
    Client,
    ConsentEvent,
    OptOutEvent,
    OptOutRequest,
)
from desktop.demo import populate
from desktop.demo_accounts import DEMO_ACCOUNTS
from desktop.domain.age import age_on
from desktop.domain.consent import fold_consent
from desktop.domain.enums import BookedVia, ConsentMethod, SignerCapacity
from desktop.domain.nam import nam_warnings
from desktop.domain.records import ClientDraft
from desktop.domain.validation import validate_client
from desktop.services import Services
from desktop.services.queries.clients import mobile_number

COUNT = 200


@pytest.fixture
def demo(fresh_services: Services) -> Services:
    """A database holding the demo only: the demo refuses one with people's accounts."""
    assert populate(fresh_services, COUNT, workstation="demo-test") == COUNT
    return fresh_services


@pytest.fixture
def demo_actor(demo: Services):  # type: ignore[no-untyped-def]
    account = DEMO_ACCOUNTS[0]
    return demo.staff.authenticate(account.username, account.password, "demo-test")


def clients(services: Services) -> list[Client]:
    with services.db.session(write=False) as session:
        return list(session.scalars(select(Client).order_by(Client.id)))


def test_demo_accounts_can_log_in(demo: Services) -> None:
    for account in DEMO_ACCOUNTS:
        actor = demo.staff.authenticate(account.username, account.password, "demo-test")
        assert (actor.username, actor.role, actor.full_name) == (account.username, account.role, account.full_name)


def test_the_clients_are_there_and_searchable_by_name(demo: Services, demo_actor) -> None:  # type: ignore[no-untyped-def]
    rows = clients(demo)
    assert len(rows) == COUNT
    assert len({c.file_number for c in rows}) == COUNT
    assert {("Côté", "Zoé"), ("O'Brien", "Seán"), ("Nguyễn", "Thị Mai")} <= {(c.last_name, c.first_name) for c in rows}
    for client in rows:
        assert client.id in {s.id for s in demo.clients.search(demo_actor, f"{client.first_name} {client.last_name}")}
    by_phone = [c for c in rows if c.phone][:20]
    for client in by_phone:
        assert client.id in {s.id for s in demo.clients.search(demo_actor, client.phone[2:], limit=200)}


def test_every_demo_client_would_pass_validation(demo: Services) -> None:
    today = demo.clock.today()
    for client in clients(demo):
        draft = ClientDraft(
            client.last_name,
            client.first_name,
            client.date_of_birth,
            client.preferred_language,
            client.street,
            client.city,
            client.province,
            client.postal_code,
            client.email,
            client.phone,
            health_number=client.health_number,
            sex_at_birth=client.sex_at_birth,
        )
        assert validate_client(draft, today=today) == replace(draft, phones=draft.phone_list())
        # A demo NAM agrees with its file.
        assert not nam_warnings(
            client.health_number,
            last_name=client.last_name,
            first_name=client.first_name,
            date_of_birth=client.date_of_birth,
            sex_at_birth=client.sex_at_birth,
        )
    assert sum(bool(c.health_number) for c in clients(demo)) > COUNT // 2
    with demo.db.session(write=False) as session:
        mobiles = [mobile_number(session, c.id) for c in clients(demo)]
    assert sum(bool(m) for m in mobiles) > COUNT // 2 and None in mobiles


def test_nothing_happens_before_birth_or_after_now(demo: Services) -> None:
    now = demo.clock.now()
    born = {c.id: c.date_of_birth for c in clients(demo)}
    with demo.db.session(write=False) as session:
        for client in session.scalars(select(Client)):
            assert born[client.id] <= client.created_at.date() and client.created_at <= now
        for event in session.scalars(select(ConsentEvent)):
            assert born[event.client_id] <= event.recorded_at.date() and event.recorded_at <= now
        for ack in session.scalars(select(Acknowledgment)):
            assert born[ack.client_id] <= ack.signed_at.date() and ack.signed_at <= now
        for request in session.scalars(select(OptOutRequest)):
            assert request.logged_at <= now and request.received_on <= now.date()
        for event in session.scalars(select(OptOutEvent)):
            assert event.at <= now


def test_minors_are_signed_for_by_a_parent_or_tutor(demo: Services) -> None:
    born = {c.id: c.date_of_birth for c in clients(demo)}
    with demo.db.session(write=False) as session:
        acks = list(session.scalars(select(Acknowledgment)))
    assert acks
    for ack in acks:
        minor = age_on(born[ack.client_id], ack.signed_at.date()) < 14
        assert (ack.signer_capacity in (SignerCapacity.PARENT, SignerCapacity.TUTOR)) == minor, ack.id


def test_a_signature_is_taken_only_at_the_desk(demo: Services) -> None:
    with demo.db.session(write=False) as session:
        booked_via = {row.id: row.booked_via for row in session.execute(select(Appointment.id, Appointment.booked_via))}
        events = list(session.scalars(select(ConsentEvent).where(ConsentEvent.appointment_id.is_not(None))))
    assert {BookedVia.PHONE, BookedVia.AT_DESK} <= set(booked_via.values())
    assert events
    in_person = {ConsentMethod.SIGNED_AT_DESK, ConsentMethod.VERBAL_IN_PERSON}  # in person: signed, or refused to sign
    for event in events:
        by_phone = booked_via[event.appointment_id] == BookedVia.PHONE
        assert (event.method == ConsentMethod.VERBAL_PHONE) if by_phone else (event.method in in_person), event.id


def test_consent_grids_fold_from_their_history(demo: Services, demo_actor) -> None:  # type: ignore[no-untyped-def]
    with_events = 0
    for client in clients(demo)[:80]:
        history = demo.consent.history(demo_actor, client.id, limit=500)
        grid = demo.consent.grid(demo_actor, client.id)
        folded = fold_consent(history)
        for cell, state in grid.cells.items():
            assert state.granted == folded[cell].granted
            assert state.last_event == folded[cell].event
        with_events += bool(history)
    assert with_events > 40


def test_some_opt_outs_are_pending_and_processed_ones_withdrew_consent(demo: Services, demo_actor) -> None:  # type: ignore[no-untyped-def]
    pending = demo.optouts.pending(demo_actor, limit=500)
    assert pending
    assert all(r.client_id is not None for r in pending)
    with demo.db.session(write=False) as session:
        processed_ids = set(
            session.scalars(select(OptOutEvent.request_id).where(OptOutEvent.kind == "processed"))
        )
    assert processed_ids
    for request_id in processed_ids:
        record = demo.optouts.get(demo_actor, request_id)
        grid = demo.consent.grid(demo_actor, record.client_id)
        # Nothing in the request's scope is granted after it, unless granted again later.
        withdrawn_by_request = {
            (e.purpose, e.channel)
            for e in demo.consent.history(demo_actor, record.client_id, limit=500)
            if e.opt_out_request_id == request_id
        }
        assert withdrawn_by_request == {(p, c) for p in record.purposes for c in record.channels}
        assert not any(grid.granted(p, c) for p, c in withdrawn_by_request)


def test_the_demo_is_audited_once_per_batch(demo: Services) -> None:
    with demo.db.session(write=False) as session:
        records = list(session.scalars(select(AuditRecord).where(AuditRecord.action == "demo.populate")))
        assert session.scalar(select(func.count(Client.id))) == COUNT
    assert [(r.username, r.workstation, r.detail) for r in records] == [("system", "demo-test", f"count={COUNT}")]
