"""A ledger row's personal fields erased through FrontDesk are reported by `db check` as erased by
their event; the same fields blanked any other way, or under an erasure record that names another
digest, are tampering. The ledgers' guard lets through exactly a recorded erasure."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from desktop.cli import cli
from desktop.db.models import APPEND_ONLY_TABLES, AuditRecord, Base, OptOutRequest
from desktop.domain.enums import PROMOTIONAL_PURPOSES, Channel, OptOutVia, Purpose
from desktop.domain.records import OptOutDraft
from desktop.seal.digest import erasable_tables, personal_columns
from desktop.seal.erasure import ERASURE_ACTION, erasure_detail
from desktop.services.audit_chain import append_audit
from desktop.services.erasure import erase_personal_fields
from desktop.services.permissions import Permission
from desktop.services.unit_of_work import run
from tests.desktop.security.tamper import around_trigger
from tests.support.documents import book, new_client


@pytest.fixture
def activity(services, receptionist):
    client = new_client(services, receptionist)
    book(services, receptionist, client.id, granted=((Purpose.NEWSLETTERS, Channel.EMAIL),))
    for name in ("Zoé Côté", "Éloïse Tremblay"):
        services.optouts.log(
            receptionist,
            OptOutDraft(
                OptOutVia.PHONE, date(2026, 11, 24), name, purposes=PROMOTIONAL_PURPOSES, client_id=client.id
            ),
        )
    return client


def _check(database_url: str):
    return CliRunner().invoke(cli, ["--database", database_url, "db", "check"])


def _ids(services, table: str) -> list[int]:
    column = Base.metadata.tables[table].c.id
    with services.db.engine.connect() as connection:
        return list(connection.scalars(select(column).order_by(column)))


def _erase(services, actor, table: str, row_ids: list[int]):
    return run(
        services.db,
        services.clock,
        actor,
        Permission.READ_AUDIT,
        lambda uow: erase_personal_fields(uow, table, row_ids),
    )


def test_an_erasure_through_frontdesk_is_reported_as_such(services, activity, team, database_url):
    request_id = _ids(services, "opt_out_requests")[0]
    document_id = _ids(services, "acknowledgment_documents")[-1]
    acknowledgment_id = _ids(services, "acknowledgments")[-1]

    erased = _erase(services, team.privacy_officer, "opt_out_requests", [request_id])
    erased += _erase(services, team.privacy_officer, "acknowledgment_documents", [document_id])
    erased += _erase(services, team.privacy_officer, "acknowledgments", [acknowledgment_id])
    again = _erase(services, team.privacy_officer, "opt_out_requests", [request_id])

    assert again[0].event_id == erased[0].event_id  # already erased: its record, no second one
    with services.db.engine.connect() as connection:
        request = connection.execute(
            select(OptOutRequest.__table__).where(OptOutRequest.id == request_id)
        ).one()
        assert (request.requester_name, request.requester_phone, request.note) == ("", "", "")
        assert request.received_on == date(2026, 11, 24)  # the rest of the row kept as evidence
        records = connection.execute(
            select(AuditRecord.entity_type, AuditRecord.entity_id, AuditRecord.username)
            .where(AuditRecord.action == ERASURE_ACTION)
            .order_by(AuditRecord.id)
        ).all()
    assert records == [
        ("opt_out_requests", str(request_id), "vie.privee"),
        ("acknowledgment_documents", str(document_id), "vie.privee"),
        ("acknowledgments", str(acknowledgment_id), "vie.privee"),
    ]
    result = _check(database_url)
    assert result.exit_code == 0, result.output
    for row in erased:
        assert f"{row.table} id {row.row_id} erased by event {row.event_id} (" in result.output
    assert "[ok] erasures: 3 row(s) erased, each by its recorded event" in result.output
    assert "[ok] witness: database matches 1 witness(es)" in result.output
    assert "[ok] stored PDFs: 0 PDFs match their SHA-256" in result.output  # the erased PDF is not one
    assert "[ok] append-only triggers" in result.output


def test_the_same_fields_blanked_by_hand_are_tampering(services, activity, database_url):
    request_id = _ids(services, "opt_out_requests")[-1]
    around_trigger(
        services.db.engine,
        "opt_out_requests",
        "UPDATE opt_out_requests SET requester_name = '', requester_phone = '', requester_email = '', "
        "note = '' WHERE id = :id",
        id=request_id,
    )

    result = _check(database_url)

    assert result.exit_code == 1, result.output
    assert f"opt_out_requests id {request_id}: personal fields erased with no erasure record" in result.output
    assert f"personal fields erased with no erasure record (ids: {request_id})" in result.output  # witness
    assert "[ok] append-only triggers" in result.output


def test_an_erasure_record_naming_another_digest_is_tampering(services, activity, team, database_url):
    """Someone holding the database appends an erasure record of their own making: the guard lets
    the fields be blanked, but the witness saw what the row held."""
    request_id = _ids(services, "opt_out_requests")[-1]
    with Session(services.db.engine) as session, session.begin():
        append_audit(
            session,
            at=services.clock.now(),
            staff_id=team.privacy_officer.staff_id,
            username="vie.privee",
            workstation="ailleurs",
            action=ERASURE_ACTION,
            entity_type="opt_out_requests",
            entity_id=str(request_id),
            detail=erasure_detail("0" * 64, "0" * 64),
        )
        session.execute(
            text(
                "UPDATE opt_out_requests SET requester_name = '', requester_phone = '', requester_email = '', "
                "note = '' WHERE id = :id"
            ),
            {"id": request_id},
        )

    result = _check(database_url)

    assert result.exit_code == 1, result.output
    assert "opt_out_requests ids " in result.output and "a row was altered" in result.output
    assert "[ok] erasures: 1 row(s) erased" in result.output  # as the database alone tells


@pytest.mark.parametrize(
    ("statement", "recorded"),
    [
        ("UPDATE opt_out_requests SET requester_name = '' WHERE id = :id", False),  # record names another row
        ("UPDATE opt_out_requests SET requester_name = '', received_on = '2026-12-20' WHERE id = :id", True),
        ("UPDATE opt_out_requests SET requester_name = 'Autre' WHERE id = :id", True),  # replaced, not erased
        ("DELETE FROM opt_out_requests WHERE id = :id", True),
    ],
)
def test_the_guard_lets_through_only_a_recorded_erasure(services, activity, statement, recorded):
    request_id, other_id = _ids(services, "opt_out_requests")
    with Session(services.db.engine) as session, session.begin():
        append_audit(
            session,
            at=services.clock.now(),
            staff_id=None,
            username="system",
            workstation="test",
            action=ERASURE_ACTION,
            entity_type="opt_out_requests",
            entity_id=str(request_id if recorded else other_id),
            detail=erasure_detail("0" * 64, "0" * 64),
        )
        with pytest.raises(DBAPIError, match="append-only table opt_out_requests"):
            with session.begin_nested():
                session.execute(text(statement), {"id": request_id})
    with services.db.engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(OptOutRequest)) == 2
        names = connection.scalars(select(OptOutRequest.requester_name).order_by(OptOutRequest.id)).all()
    assert names == ["Zoé Côté", "Éloïse Tremblay"]


def test_personal_fields_are_marked_on_ledgers_only():
    """A personal column added to a ledger needs a migration writing its guard again (as 0008 did);
    this list is where that decision shows."""
    marked = {t.name: [c.name for c in personal_columns(t)] for t in Base.metadata.sorted_tables}
    assert {name: columns for name, columns in marked.items() if columns} == {
        "consent_events": ["representative_name"],
        "acknowledgments": ["signer_name", "signature_png", "refusal_note"],
        "acknowledgment_documents": ["pdf"],
        "opt_out_requests": ["requester_name", "requester_phone", "requester_email", "note"],
        # A cancellation's reason, guarded by migration 0009 as 0008 guards the others.
        "appointment_events": ["reason"],
        # An access request's requester, guarded by migration 0017.
        "access_requests": ["requester_name", "requester_contact", "note"],
    }
    assert set(erasable_tables()) <= set(APPEND_ONLY_TABLES) and "audit_records" not in erasable_tables()
