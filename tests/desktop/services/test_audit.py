"""The audit trail: who did what to which record, when and from where; never client data; hash-chained."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, timedelta

import pytest
from PIL import Image, ImageDraw
from sqlalchemy import select

from desktop.db.models import AuditRecord
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
)
from desktop.domain.errors import AuthenticationError, PermissionDeniedError
from desktop.domain.records import (
    AppointmentDraft,
    ClientDraft,
    ConsentCapture,
    ConsentChange,
    OptOutDraft,
    SignatureCapture,
)
from desktop.services import Services
from desktop.services.audit_chain import GENESIS_HASH, record_hash
from tests.conftest import WORKSTATION

COLUMNS = list(AuditRecord.__table__.columns)


def signature_png() -> bytes:
    image = Image.new("RGBA", (200, 80), (0, 0, 0, 0))
    ImageDraw.Draw(image).line([(10, 40), (90, 10), (190, 60)], fill=(0, 0, 0, 255), width=3)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def audit_rows(services: Services) -> list[AuditRecord]:
    with services.db.session(write=False) as session:
        return list(session.scalars(select(AuditRecord).order_by(AuditRecord.id)))


def last_audit(services: Services) -> AuditRecord:
    return audit_rows(services)[-1]


def test_create_change_and_open_are_audited(services: Services, receptionist, team, clock) -> None:
    created = services.clients.create(receptionist, ClientDraft("Côté", "Zoé", date(1980, 4, 12)))
    record = last_audit(services)
    assert (record.action, record.entity_type, record.entity_id) == ("client.create", "client", str(created.id))
    assert (record.staff_id, record.username, record.workstation) == (
        receptionist.staff_id,
        receptionist.username,
        WORKSTATION,
    )
    assert record.at == clock.now()

    clock.advance(minutes=1)
    services.clients.update(
        team.manager, created.id, created.version, ClientDraft("Côté", "Zoé", date(1980, 4, 12), phone="4185550123")
    )
    record = last_audit(services)
    assert (record.action, record.entity_id, record.username, record.at) == (
        "client.update",
        str(created.id),
        team.manager.username,
        clock.now(),
    )
    assert record.detail == "fields=phone"

    clock.advance(minutes=1)
    services.clients.open(team.privacy_officer, created.id)
    record = last_audit(services)
    assert (record.action, record.entity_id, record.username) == (
        "client.open",
        str(created.id),
        team.privacy_officer.username,
    )
    services.clients.get_by_file_number(receptionist, created.file_number)
    assert last_audit(services).action == "client.open"


def test_reads_that_open_no_file_are_not_audited(services: Services, receptionist) -> None:
    client_id = services.clients.create(receptionist, ClientDraft("Côté", "Zoé", date(1980, 4, 12))).id
    before = len(audit_rows(services))
    services.clients.search(receptionist, "cote")
    services.consent.grid(receptionist, client_id)
    services.optouts.pending(receptionist)
    assert len(audit_rows(services)) == before


PII = {
    "last": "Vaillancourt-Bérubé",
    "first": "Geneviève",
    "born": date(1977, 3, 19),
    "phone": "418 555-0177",
    "email": "genevieve.vb@courriel-exemple.ca",
    "street": "77 rue des Érables",
    "postal": "G1R 4P5",
}


def realistic_session(services: Services, team, clock) -> int:  # type: ignore[no-untyped-def]
    receptionist, manager = team.receptionist, team.manager
    draft = ClientDraft(
        PII["last"],
        PII["first"],
        PII["born"],
        street=PII["street"],
        city="Québec",
        postal_code=PII["postal"],
        email=PII["email"],
        phone=PII["phone"],
    )
    client = services.clients.create(receptionist, draft)
    services.clients.search(receptionist, PII["last"])
    services.clients.open(receptionist, client.id)
    clock.advance(minutes=3)
    client = services.clients.update(receptionist, client.id, client.version, replace(draft, city="Lévis"))
    services.appointments.book(
        receptionist,
        client.id,
        AppointmentDraft(clock.now() + timedelta(days=2), AppointmentKind.PROCEDURE, AppointmentMode.IN_CLINIC, BookedVia.AT_DESK),
        ConsentCapture(
            tuple(ConsentChange(p, Channel.EMAIL, True) for p in Purpose), Interaction.DESK, Language.FR
        ),
        SignatureCapture(signature_png=signature_png()),
    )
    clock.advance(days=1)
    request = services.optouts.log(
        manager,
        OptOutDraft(
            OptOutVia.EMAIL,
            clock.now().date(),
            f"{PII['first']} {PII['last']}",
            requester_phone=PII["phone"],
            requester_email=PII["email"],
            purposes=PROMOTIONAL_PURPOSES,
            note=f"Reçu de {PII['email']}",
        ),
    )
    services.optouts.match(manager, request.id, client.id)
    services.optouts.process(manager, request.id, confirmation_sent=True)
    services.optouts.log(
        receptionist,
        OptOutDraft(OptOutVia.PHONE, clock.now().date(), PII["first"], purposes=frozenset(Purpose), client_id=client.id),
    )
    services.acknowledgments.record(receptionist, client.id, SignatureCapture(refused=True, refusal_note=PII["last"]))
    services.clients.get_by_file_number(manager, client.file_number)
    with pytest.raises(PermissionDeniedError):
        services.staff.list(receptionist)
    with pytest.raises(AuthenticationError):
        services.staff.authenticate("accueil", PII["last"], WORKSTATION)
    return client.id


def test_no_client_data_anywhere_in_the_audit_trail(services: Services, team, clock) -> None:
    client_id = realistic_session(services, team, clock)
    actions = {r.action for r in audit_rows(services)}
    assert {
        "client.create",
        "client.open",
        "client.update",
        "appointment.create",
        "acknowledgment.signed",
        "acknowledgment.refused",
        "consent.granted",
        "consent.withdrawn",
        "optout.log",
        "optout.matched",
        "optout.processed",
        "optout.confirmation_sent",
        "permission.denied",
        "login.failure",
    } <= actions
    born = PII["born"]
    forbidden = {
        PII["last"],
        "Vaillancourt",
        "Bérubé",
        "Berube",
        PII["first"],
        "Genevieve",
        PII["email"],
        "genevieve",
        "courriel-exemple",
        PII["street"],
        "Érables",
        PII["postal"],
        "G1R",
        "4185550177",
        "555-0177",
        "5550177",
        born.isoformat(),
        born.strftime("%Y%m%d"),
        born.strftime("%d/%m/%Y"),
        born.strftime("%Y/%m/%d"),
    }
    for row in audit_rows(services):
        for column in COLUMNS:
            value = str(getattr(row, column.key)).casefold()
            leaks = [f for f in forbidden if f.casefold() in value]
            assert not leaks, (row.action, column.key, leaks)
    # Ids are what the trail names.
    assert any(r.entity_id == str(client_id) and r.entity_type == "client" for r in audit_rows(services))


def test_the_hash_chain_links_every_record(services: Services, team, clock) -> None:
    realistic_session(services, team, clock)
    rows = audit_rows(services)
    assert len(rows) > 20
    previous = GENESIS_HASH
    for row in rows:
        assert row.prev_hash == previous
        assert row.hash == record_hash(
            row.prev_hash,
            row.at,
            row.staff_id,
            row.username,
            row.workstation,
            row.action,
            row.entity_type,
            row.entity_id,
            row.detail,
        )
        previous = row.hash
    assert len({r.hash for r in rows}) == len(rows)


def test_an_altered_record_no_longer_matches_its_hash(services: Services, team, clock) -> None:
    realistic_session(services, team, clock)
    row = audit_rows(services)[-1]
    fields = [row.at, row.staff_id, row.username, row.workstation, row.action, row.entity_type, row.entity_id, row.detail]
    assert record_hash(row.prev_hash, *fields) == row.hash
    for index, altered in [(2, "someone-else"), (4, "client.delete"), (6, "999"), (0, row.at + timedelta(seconds=1))]:
        changed = list(fields)
        changed[index] = altered
        assert record_hash(row.prev_hash, *changed) != row.hash
    assert record_hash(GENESIS_HASH, *fields) != row.hash
