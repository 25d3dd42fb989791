"""The evidence pack of one client: gathered by the service, read back from the PDF with pdftotext,
produced from the command line; manager and privacy officer only; producing it is audited."""

from __future__ import annotations

import hashlib
import re
import stat
import subprocess
import tempfile
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from desktop.cli import cli
from desktop.db.models import AuditRecord, PolicyVersion
from desktop.domain.enums import (
    PROMOTIONAL_PURPOSES,
    Channel,
    Interaction,
    Language,
    OptOutVia,
    Purpose,
    SignerCapacity,
)
from desktop.domain.errors import NotFoundError, PermissionDeniedError
from desktop.domain.records import ConsentCapture, ConsentChange, OptOutDraft, Representative
from desktop.services import Services
from tests.conftest import TEST_PASSWORD
from tests.support.documents import book, new_client, pdftotext, squash


def prepared(services: Services, team, language: Language = Language.FR):  # type: ignore[no-untyped-def]
    """A client who granted two consents at the desk and signed, then asked by email to stop the promotions."""
    client = new_client(services, team.receptionist, "Tremblay", "Élise", preferred_language=language)
    booking = book(
        services,
        team.receptionist,
        client.id,
        granted=((Purpose.NEWSLETTERS, Channel.EMAIL), (Purpose.APPOINTMENT_REMINDERS, Channel.SMS)),
        language=language,
    )
    services.clients.open(team.receptionist, client.id)
    request = services.optouts.log(
        team.receptionist,
        OptOutDraft(
            OptOutVia.EMAIL,
            date(2026, 11, 20),
            "Élise Tremblay",
            purposes=PROMOTIONAL_PURPOSES,
            client_id=client.id,
        ),
    )
    services.optouts.process(team.manager, request.id, confirmation_sent=True)
    return client, booking


def audits(services: Services, action: str) -> list[AuditRecord]:
    with services.db.session(write=False) as session:
        return list(
            session.scalars(select(AuditRecord).where(AuditRecord.action == action).order_by(AuditRecord.id))
        )


def test_the_pack_gathers_every_record_of_the_file(services, team):
    client, booking = prepared(services, team)
    pack = services.evidence.pack(team.privacy_officer, client.file_number)
    history = services.consent.history(team.manager, client.id)

    assert pack.identity.file_number == client.file_number and pack.identity.name == "Élise Tremblay"
    # Every consent event in order, with the sentence stored, its method, who and where.
    assert [c.sequence for c in pack.consents] == sorted(e.sequence for e in history)
    assert {c.wording for c in pack.consents} == {e.wording for e in history}
    # The opt-out withdrew the newsletter.
    assert {c.action for c in pack.consents} >= {"granted", "withdrawn"}
    assert all(c.recorded_by and c.site for c in pack.consents)
    assert pack.acknowledgments[0].signature_png and pack.acknowledgments[0].document_intact
    assert pack.acknowledgments[0].uid == booking.acknowledgment.uid
    with services.db.session(write=False) as session:
        policy = session.get(PolicyVersion, services.policies.current(team.manager, Language.FR).id)
        assert policy is not None
        assert [(p.version, p.sha256) for p in pack.policies] == [(policy.version, policy.sha256)]
        assert hashlib.sha256(policy.text.encode()).hexdigest() == pack.policies[0].sha256
    (optout,) = pack.optouts
    assert optout.processed_at is not None and optout.confirmation_sent_at is not None
    actions = [a.action for a in pack.accesses]
    assert "client.open" in actions and "client.create" in actions
    assert pack.chain_head.sequence >= max(a.sequence for a in pack.accesses)

    # Producing it is audited on the client, with counts only; the next pack lists it.
    (audit,) = audits(services, "evidence.pack")
    assert (audit.entity_type, audit.entity_id, audit.username) == ("client", str(client.id), "vie.privee")
    assert "Tremblay" not in audit.detail and "Élise" not in audit.detail
    assert audit.id == pack.chain_head.sequence + 1
    again = services.evidence.pack(team.manager, client.id.__str__())
    assert again.accesses[-1].action == "evidence.pack"


def test_the_phone_is_printed_with_its_extension_in_the_clients_language(services, team):
    for language, printed in (
        (Language.FR, "418 555-0123, poste 12"),
        (Language.EN, "(418) 555-0123 ext. 12"),
    ):
        client = new_client(
            services,
            team.receptionist,
            "Poste",
            language.value,
            phone="418 555-0123 poste 12",
            preferred_language=language,
        )
        text = squash(pdftotext(services.evidence.render(team.manager, client.file_number).data))
        assert printed in text


def test_the_pdf_reads_back_in_the_clients_language(services, team):
    client, _ = prepared(services, team)
    rendered = services.evidence.render(team.manager, client.file_number)
    pack = services.evidence.pack(team.manager, client.file_number)
    assert rendered.language == Language.FR
    text = squash(pdftotext(rendered.data))
    assert "Dossier de preuve" in text and "Élise Tremblay" in text
    for consent in pack.consents:
        assert squash(consent.wording) in text
    assert "Accordé" in text and "Retiré" in text
    assert "Signé au comptoir" in text or "Verbal, en personne" in text
    assert pack.policies[0].sha256 in text
    assert "2026-11-20" in text  # the opt-out received
    assert pack.optouts[0].due_on.isoformat() in text
    assert "Confirmation envoyée" in text
    assert "client.open" in text and "Ouverture" in text
    assert rendered_chain_head(rendered.data) in text


def rendered_chain_head(pdf: bytes) -> str:
    """The 64-digit hash printed on the first page."""
    found = re.search(r"[0-9a-f]{64}", squash(pdftotext(pdf)))
    assert found is not None
    return found.group(0)


def test_an_english_client_gets_an_english_pack_with_every_font_embedded(services, team):
    client, _ = prepared(services, team, Language.EN)
    rendered = services.evidence.render(team.privacy_officer, client.file_number)
    text = squash(pdftotext(rendered.data))
    assert "Evidence pack" in text and "Accesses to the file" in text and "Received on" in text
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pack.pdf"
        path.write_bytes(rendered.data)
        listing = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, text=True).stdout
    rows = [line.split() for line in listing.splitlines()[2:] if line.strip()]
    assert rows and all(row[-5] == "yes" for row in rows), listing  # the "emb" column


def test_the_receptionist_is_refused_and_the_refusal_audited(services, team):
    client, _ = prepared(services, team)
    with pytest.raises(PermissionDeniedError):
        services.evidence.render(team.receptionist, client.file_number)
    assert audits(services, "evidence.pack") == []
    assert audits(services, "permission.denied")[-1].username == "accueil"
    with pytest.raises(NotFoundError):
        services.evidence.pack(team.manager, "999999")


def test_the_command_line_writes_a_private_pack(services, team, tmp_path):
    client, _ = prepared(services, team)
    out = tmp_path / "pack.pdf"
    args = ["--database", services.db.url, "evidence", client.file_number, "--out", str(out)]
    result = CliRunner().invoke(cli, [*args, "--user", "gestion"], input=f"{TEST_PASSWORD}\n")
    assert result.exit_code == 0, result.output
    assert client.file_number in result.output
    assert "Élise Tremblay" in squash(pdftotext(out.read_bytes()))
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    refused = CliRunner().invoke(cli, [*args, "--user", "accueil"], input=f"{TEST_PASSWORD}\n")
    assert refused.exit_code != 0
    assert len(audits(services, "evidence.pack")) == 1


def test_a_minors_representative_and_an_explicit_no_are_printed(services, team):
    child = new_client(services, team.receptionist, "Roy", "Léo", date_of_birth=date(2016, 5, 2))
    capture = ConsentCapture(
        (
            ConsentChange(Purpose.APPOINTMENT_REMINDERS, Channel.SMS, True),
            ConsentChange(Purpose.NEWSLETTERS, Channel.EMAIL, False, declined=True),
        ),
        Interaction.PHONE,
        Language.FR,
        representative=Representative("Julie Roy", SignerCapacity.PARENT),
    )
    services.consent.record(team.receptionist, child.id, capture)
    pack = services.evidence.pack(team.manager, child.file_number)
    assert {(c.action, c.representative_name) for c in pack.consents} == {
        ("granted", "Julie Roy"),
        ("declined", "Julie Roy"),
    }
    text = squash(pdftotext(services.evidence.render(team.manager, child.file_number).data))
    assert "Pour le client : Julie Roy (Parent)" in text
    assert "Refusé" in text and "Accordé" in text and "Verbal, au téléphone" in text
    assert "Aucun accusé de réception." in text and "Aucune demande de retrait." in text


def test_the_workstations_keyed_witness_is_printed_once_it_sealed_the_pack(services, team):
    client, _ = prepared(services, team)
    pack = services.evidence.pack(team.privacy_officer, client.file_number)
    assert services.witness is not None and pack.witnessed is not None
    assert pack.witnessed.audit_last_id > pack.chain_head.sequence  # the pack's own record is sealed too
    assert pack.witnessed.mac == services.witness.witness.mac
    text = squash(pdftotext(services.evidence.render(team.privacy_officer, client.file_number).data))
    assert "Témoin de ce poste" in text
    assert services.witness.witness.mac in text.replace(" ", "")
