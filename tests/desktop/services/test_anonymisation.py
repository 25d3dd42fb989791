"""An anonymisation leaves no identity anywhere: not in any column of any table, not in the text of any
stored PDF, not in the bytes of the SQLite file or its WAL; the consent-coverage report counts the
same, `db check` still passes (every erased ledger row verified by its recorded erasure) and the
other clients are untouched."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import MetaData, select, text

from desktop.cli import cli
from desktop.db.models import Acknowledgment, AcknowledgmentDocument, Anonymisation, AuditRecord
from desktop.domain.enums import (
    PROMOTIONAL_PURPOSES,
    Channel,
    Interaction,
    Language,
    OptOutVia,
    Purpose,
    SignerCapacity,
)
from desktop.domain.errors import NotFoundError
from desktop.domain.nam import SexAtBirth
from desktop.domain.phones import Phone, PhoneKind
from desktop.domain.records import ClientDraft, ConsentCapture, ConsentChange, OptOutDraft, Representative
from desktop.domain.register_enums import AccessRequestEventKind
from desktop.domain.retention import ANONYMISED_NAME
from desktop.domain.schedule import CancelledBy
from desktop.seal.erasure import ERASURE_ACTION
from desktop.services import Services
from tests.conftest import TEST_PASSWORD
from tests.support.documents import book, pdftotext, pypdf_text, squash
from tests.support.retention import log_access_request

PERSON = ClientDraft(
    "Bérubé-Laflamme",
    "Maëlys",
    date(1975, 8, 19),
    street="8765 rue Quincampoix",
    city="Rimouski",
    postal_code="G5L 7X3",
    email="maelys.quincampoix@example.com",
    phones=(Phone("418 555-0147", PhoneKind.MOBILE), Phone("581 555-0198, poste 44", PhoneKind.WORK)),
    health_number="BERM 7558 1912",
    sex_at_birth=SexAtBirth.FEMALE,
    health_card_expiry=date(2029, 6, 1),
)
REQUESTER = ("Gaston Zébédée", "819 555-0163", "gaston.zebedee@exemple.ca")
#: Every form the identity could be stored in: as typed, folded (search keys), as digits.
NEEDLES = (
    "Bérubé",
    "berube",
    "Laflamme",
    "Maëlys",
    "maelys",
    "Quincampoix",
    "G5L 7X3",
    "4185550147",
    "5815550198",
    "5550147",
    "5550198",
    "BERM75581912",
    "1975-08-19",
    "Zébédée",
    "zebedee",
    "8195550163",
    "555-0163",
)
NOVEMBER = (date(2026, 11, 1), date(2026, 11, 30))


def everything(services: Services, team) -> tuple[int, int]:
    """A client with every kind of evidence naming them; returns its id and its appointment's."""
    desk, officer = team.receptionist, team.privacy_officer
    client = services.clients.create(desk, PERSON, confirm_duplicate=True)
    booked = book(services, desk, client.id, granted=((Purpose.NEWSLETTERS, Channel.EMAIL),), days_ahead=2)
    services.schedule.cancel(
        desk,
        booked.appointment.id,
        CancelledBy.CLIENT,
        "Maëlys Bérubé-Laflamme hospitalisée, rappeler au 418 555-0147",
    )
    book(services, desk, client.id, days_ahead=3)
    representative = Representative(REQUESTER[0], SignerCapacity.MANDATARY)
    choices = (ConsentChange(Purpose.APPOINTMENT_REMINDERS, Channel.SMS, True),)
    services.consent.record(
        desk,
        client.id,
        ConsentCapture(choices, Interaction.PHONE, Language.FR, representative=representative),
    )
    name, phone, email = REQUESTER
    request = services.optouts.log(
        desk,
        OptOutDraft(
            OptOutVia.EMAIL,
            date(2026, 11, 24),
            name,
            phone,
            email,
            purposes=PROMOTIONAL_PURPOSES,
            client_id=client.id,
            note=f"Courriel de {email} pour Maëlys",
        ),
    )
    services.optouts.process(desk, request.id)
    log_access_request(
        services,
        officer,
        client.id,
        date(2026, 11, 24),
        requester_name=name,
        requester_contact=f"{phone} {email}",
        closed_by=AccessRequestEventKind.ANSWERED,
    )
    return client.id, booked.appointment.id


def found_in(value: Any, needles: tuple[str, ...] = NEEDLES, born: date = PERSON.date_of_birth) -> list[str]:
    """The needles a stored value holds (a PDF: in its extracted text too)."""
    if isinstance(value, date) and value == born:
        return ["date of birth"]
    if isinstance(value, (bytes, memoryview)):
        data = bytes(value)
        hits = [n for n in needles if n.casefold().encode() in data.lower()]
        if data.startswith(b"%PDF"):
            hits += [f"pdf:{n}" for n in needles if n.casefold() in pypdf_text(data).casefold()]
        return hits
    if isinstance(value, str):
        return [n for n in needles if n.casefold() in value.casefold()]
    return []


def identity_anywhere(
    services: Services, needles: tuple[str, ...] = NEEDLES, born: date = PERSON.date_of_birth
) -> list[tuple[str, str, Any, list[str]]]:
    """Every column of every table, reflected from the database itself (tables no model names too)."""
    reflected = MetaData()
    reflected.reflect(services.db.engine)
    hits = []
    with services.db.engine.connect() as connection:
        for table in reflected.sorted_tables:
            for row in connection.execute(select(table)):
                for column, value in row._mapping.items():
                    if found := found_in(value, needles, born):
                        hits.append((table.name, str(column), row._mapping.get("id"), found))
    return hits


def stored_pdfs(services: Services) -> list[bytes]:
    """The stored PDFs, those removed (blank, their SHA-256 kept) left out."""
    with services.db.session(write=False) as session:
        return [bytes(pdf) for pdf in session.scalars(select(AcknowledgmentDocument.pdf)) if pdf]


def coverage_counts(services: Services, actor) -> dict[str, Any]:
    report = services.reports.consent_coverage(actor, *NOVEMBER)
    return {f.name: getattr(report, f.name) for f in dataclasses.fields(report) if f.name != "header"}


@pytest.mark.slow
def test_after_an_anonymisation_no_identity_remains_and_the_evidence_still_counts(
    services: Services, team, clock, database_url: str
) -> None:
    officer = team.privacy_officer
    client_id, _ = everything(services, team)
    other = services.clients.create(
        team.receptionist, ClientDraft("Gagnon", "Luc", date(1962, 2, 2), phones=(Phone("450 555-0111"),))
    )
    book(services, team.receptionist, other.id, granted=((Purpose.NEWSLETTERS, Channel.EMAIL),))
    assert identity_anywhere(services), "the search finds the identity before"
    assert any("Maëlys" in pypdf_text(pdf) or "Bérubé" in pypdf_text(pdf) for pdf in stored_pdfs(services))

    clock.at = datetime.combine(date(2034, 1, 15), time(14), tzinfo=UTC)
    coverage_before = coverage_counts(services, officer)
    other_before = services.clients.open(team.receptionist, other.id)
    other_pdfs_before = [
        pdf for pdf in stored_pdfs(services) if b"Gagnon" in pdf or "Gagnon" in pypdf_text(pdf)
    ]

    done = services.retention.anonymise(officer, client_id)

    assert (done.last_contact_on, done.retention_years) == (date(2026, 11, 27), 7)
    assert done.documents_removed == 2  # the two acknowledgments signed at booking
    # Signed acknowledgments and their PDFs, the opt-out request, the representative's consent event,
    # the cancellation's reason, the access request.
    assert done.erased_rows == 2 + 2 + 1 + 1 + 1 + 1
    assert coverage_counts(services, officer) == coverage_before
    hits = identity_anywhere(services)
    assert hits == [], hits
    for pdf in stored_pdfs(services):
        extracted = pypdf_text(pdf).casefold()
        assert not [n for n in NEEDLES if n.casefold() in extracted]
    if not database_url.startswith("sqlite"):  # the dead row versions reclaimed by a VACUUM
        with services.db.engine.connect() as connection:
            vacuumed = connection.execute(
                text("SELECT relname FROM pg_stat_user_tables WHERE last_vacuum IS NOT NULL")
            ).scalars()
            assert {"clients", "acknowledgment_documents", "opt_out_requests"} <= set(vacuumed)
    else:
        database = Path(services.db.engine.url.database or "")
        for path in (database, database.with_name(database.name + "-wal")):
            data = path.read_bytes().lower() if path.exists() else b""
            assert not [n for n in NEEDLES if n.casefold().encode() in data], path

    record = services.clients.open(team.receptionist, client_id)
    assert (record.last_name, record.first_name, record.date_of_birth) == (
        ANONYMISED_NAME,
        "",
        date(1975, 1, 1),
    )
    assert (record.phones, record.email, record.health_number, record.sex_at_birth) == ((), "", "", None)
    assert services.clients.search(team.receptionist, "Laflamme") == []
    assert services.clients.open(team.receptionist, other.id) == other_before
    assert [
        pdf for pdf in stored_pdfs(services) if b"Gagnon" in pdf or "Gagnon" in pypdf_text(pdf)
    ] == other_pdfs_before
    with services.db.session(write=False) as session:
        [made] = session.scalars(select(Anonymisation)).all()
        assert (made.client_id, made.rule, made.by_id) == (
            client_id,
            "7 ans après le dernier contact",
            officer.staff_id,
        )
        erasures = session.scalar(select(AuditRecord.id).where(AuditRecord.action == ERASURE_ACTION).limit(1))
        assert erasures is not None
        [audit] = session.scalars(select(AuditRecord).where(AuditRecord.action == "client.anonymise")).all()
        assert audit.entity_id == str(client_id) and f"anonymisation={made.id}" in audit.detail

    # The evidence pack says the PDFs were removed by the anonymisation (not altered); none is served.
    pack = services.evidence.pack(officer, done.file_number)
    assert [(a.document_removed, a.document_intact) for a in pack.acknowledgments] == [(True, None)] * 2
    assert squash("retiré à l'anonymisation du dossier") in squash(
        pdftotext(services.evidence.render(officer, done.file_number).data)
    )
    with services.db.session(write=False) as session:
        first = session.scalars(
            select(Acknowledgment.id).where(Acknowledgment.client_id == client_id).order_by(Acknowledgment.id)
        ).first()
    with pytest.raises(NotFoundError) as removed:
        services.documents.acknowledgment_pdf(team.receptionist, first, "view")
    assert removed.value.code == "document_removed"
    with services.db.session(write=False) as session:
        code = session.scalar(
            select(AcknowledgmentDocument.verification_code).where(
                AcknowledgmentDocument.acknowledgment_id == first
            )
        )
    verified = CliRunner().invoke(
        cli,
        ["--database", database_url, "acknowledgment", "verify", code, "--user", "vie.privee"],
        input=f"{TEST_PASSWORD}\n",
    )
    assert verified.exit_code == 0, verified.output
    assert "removed when the file was anonymised (its SHA-256 kept)" in verified.output

    checked = CliRunner().invoke(cli, ["--database", database_url, "db", "check"])
    assert checked.exit_code == 0, checked.output
    assert f"{done.erased_rows} row(s) erased, each by its recorded event" in checked.output


def test_an_imported_file_leaves_no_row_of_its_list_behind(
    services: Services, team, clock, tmp_path: Path
) -> None:
    rows = [
        ["Quémeneur", "Yannick", "1969-03-21", "QUEY 6903 2115", "418 555-0171", "yannick.q@example.com"],
        ["Gagnon", "Luc", "1962-02-02", "", "", ""],
    ]
    path = tmp_path / "liste.csv"
    path.write_text(
        "Nom,Prénom,Date de naissance,NAM,Téléphone,Courriel\r\n"
        + "".join(",".join(r) + "\r\n" for r in rows),
        encoding="utf-8",
    )
    # Imported twice: the second import keeps its rows (already imported) for its report.
    for _ in range(2):
        analysis = services.client_import.analyse(team.manager, path)
        staged = services.client_import.stage(team.manager, path, analysis.detected, analysis.guessed)
        services.client_import.commit(team.manager, staged.import_id)
    [imported] = services.clients.search(team.receptionist, "Quémeneur")
    needles = ("Quémeneur", "quemeneur", "Yannick", "QUEY69032115", "4185550171", "yannick.q")
    assert identity_anywhere(services, needles, date(1969, 3, 21))

    clock.at = datetime.combine(date(2034, 1, 15), time(14), tzinfo=UTC)
    services.retention.anonymise(team.privacy_officer, imported.id)

    assert identity_anywhere(services, needles, date(1969, 3, 21)) == []
    assert services.clients.search(team.receptionist, "Gagnon")  # the list's other person is untouched
    with services.db.session(write=False) as session:
        [audit] = session.scalars(select(AuditRecord).where(AuditRecord.action == "client.anonymise")).all()
    assert audit.detail.endswith("import_rows=1")
