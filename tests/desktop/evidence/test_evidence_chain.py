"""The evidence pack prints the audit chain's head only as verified, by the verifier the reports
use: a chain that does not verify is said, with no head; a clean one prints the database's head."""

from __future__ import annotations

import io

from pypdf import PdfReader
from sqlalchemy import select

from desktop.db.models import AuditRecord
from desktop.domain.enums import Channel, Language, Purpose
from desktop.reports.chain_lines import PackChainText, head_line
from desktop.reports.evidence_pdf import render_evidence_pdf
from desktop.services.reporting import chain
from desktop.services.reporting.chain import ChainVerifier
from tests.desktop.security.tamper import drop_append_only_trigger, edit_audit_detail
from tests.support.documents import book, new_client, pdftotext, squash


def newest_record(services) -> AuditRecord:  # type: ignore[no-untyped-def]
    with services.db.session(write=False) as session:
        return session.scalars(select(AuditRecord).order_by(AuditRecord.id.desc()).limit(1)).one()


def test_a_pack_of_a_tampered_chain_says_so_and_prints_no_head(services, team):  # type: ignore[no-untyped-def]
    client = new_client(services, team.receptionist, "Brisée", "Chaîne")
    book(services, team.receptionist, client.id, granted=((Purpose.NEWSLETTERS, Channel.EMAIL),))
    altered = newest_record(services).id - 1
    drop_append_only_trigger(services.db.engine, "audit_records")
    edit_audit_detail(services.db.engine, altered, "rewritten")

    pack = services.evidence.pack(team.manager, client.file_number)

    assert pack.chain_broken_at == altered
    pdf = render_evidence_pdf(pack)
    text = squash(pdftotext(pdf))
    assert f"La chaîne d'audit ne se vérifie pas : elle est rompue au maillon n° {altered}." in text
    assert f"Chaîne d'audit non vérifiée : rompue au maillon n° {altered}" in text  # every footer
    assert "Tête de la chaîne" not in text and pack.chain_head.hash[:16] not in text
    assert squash(PackChainText.verified.get(Language.FR))[:40] not in text
    metadata = PdfReader(io.BytesIO(pdf)).metadata
    assert metadata is not None and pack.chain_head.hash not in str(metadata.subject)
    assert "Témoin de ce poste" in text  # the witness vouches for itself, whatever the chain says


def test_a_pack_of_a_clean_chain_prints_the_head_the_database_holds(services, team):  # type: ignore[no-untyped-def]
    client = new_client(services, team.receptionist, "Intacte", "Chaîne")
    book(services, team.receptionist, client.id)

    pack = services.evidence.pack(team.manager, client.file_number)

    head = pack.chain_head
    assert pack.chain_broken_at is None
    with services.db.session(write=False) as session:
        at_head = session.get(AuditRecord, head.sequence)
        assert at_head is not None and at_head.hash == head.hash
    recorded = newest_record(services)  # the pack's own record links to the head printed
    assert recorded.action == "evidence.pack" and recorded.prev_hash == head.hash
    text = squash(pdftotext(render_evidence_pdf(pack)))
    assert f"{head.sequence}·{head.hash}" in text.replace(" ", "")  # the hash may wrap in its cell
    assert squash(head_line(head, Language.FR)) in text
    assert squash(PackChainText.verified.get(Language.FR)) in text
    # The reports' verifier: the pack's walk keeps the link it reached for the next session.
    assert ChainVerifier(services.db.display_url)._last_id >= head.sequence
    assert chain._checkpoint(services.db.display_url).exists()
