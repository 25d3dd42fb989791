"""The acknowledgment PDF is made once when the acknowledgment is recorded, stored, reprinted byte for
byte, and found again from its verification code."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import select, update

from desktop.db.models import AcknowledgmentDocument, AuditRecord, PolicyVersion
from desktop.domain.enums import Channel, Language, Purpose
from desktop.domain.errors import NotFoundError, PermissionDeniedError, ValidationError
from desktop.domain.records import SignatureCapture
from desktop.pdf.verification import verification_code
from tests.support.documents import (
    book,
    both_texts,
    drop_append_only_trigger,
    new_client,
    pdftotext,
    signature_png,
    squash,
)

GRANTED = ((Purpose.NEWSLETTERS, Channel.EMAIL), (Purpose.APPOINTMENT_REMINDERS, Channel.SMS))
DECLINED = ((Purpose.FEEDBACK, Channel.PHONE),)


def stored_row(services, ack_id: int) -> AcknowledgmentDocument:
    with services.db.session(write=False) as session:
        return session.scalar(
            select(AcknowledgmentDocument).where(AcknowledgmentDocument.acknowledgment_id == ack_id)
        )


def audits(services, action: str) -> list[AuditRecord]:
    with services.db.session(write=False) as session:
        return list(
            session.scalars(select(AuditRecord).where(AuditRecord.action == action).order_by(AuditRecord.id))
        )


def current_policy(services, language: Language = Language.FR) -> PolicyVersion:
    with services.db.session(write=False) as session:
        return session.scalar(
            select(PolicyVersion)
            .where(PolicyVersion.language == language)
            .order_by(PolicyVersion.effective_date.desc())
            .limit(1)
        )


def test_booking_stores_the_pdf_and_reprints_it_byte_for_byte(services, team):
    client = new_client(services, team.receptionist)
    result = book(services, team.receptionist, client.id, granted=GRANTED, declined=DECLINED)
    ack = result.acknowledgment
    assert ack is not None and ack.has_document

    row = stored_row(services, ack.id)
    assert row.sha256 == hashlib.sha256(row.pdf).hexdigest()
    assert row.verification_code == verification_code(str(ack.uid))
    first = services.documents.acknowledgment_pdf(team.receptionist, ack.id)
    second = services.documents.acknowledgment_pdf(team.manager, ack.id, action="export")
    assert first == second == bytes(row.pdf)
    assert first.startswith(b"%PDF-")

    printed = audits(services, "acknowledgment.print")
    exported = audits(services, "acknowledgment.export")
    assert [(a.entity_id, a.detail, a.username) for a in printed] == [
        (str(ack.uid), f"client={client.id}", "accueil")
    ]
    assert [a.username for a in exported] == ["gestion"]


@pytest.mark.parametrize("extractor", ["pdftotext", "pypdf"])
def test_pdf_text_names_the_client_policy_choices_and_code(services, team, extractor):
    client = new_client(services, team.receptionist, "Bélanger-Roy", "Élodie")
    ack = book(services, team.receptionist, client.id, granted=GRANTED, declined=DECLINED).acknowledgment
    policy = current_policy(services)
    assert (ack.policy_language, ack.policy_sha256) == (Language.FR, policy.sha256)
    text = both_texts(services.documents.acknowledgment_pdf(team.receptionist, ack.id))[extractor]

    assert "Élodie Bélanger-Roy" in text
    assert client.file_number in text
    assert "1980-04-12" in text
    assert "Accusé de réception de la politique de confidentialité" in text
    assert policy.version in text
    assert policy.sha256 in text
    assert verification_code(str(ack.uid)) in text
    assert "Amélie Côté" in text  # the witness
    assert "Infolettres promotionnelles" in text and "Confirmations et rappels de rendez-vous" in text
    assert "Courriel" in text and "Texto" in text


def test_consent_choices_are_the_grid_after_the_booking(services, team):
    client = new_client(services, team.receptionist)
    ack = book(services, team.receptionist, client.id, granted=GRANTED, declined=DECLINED).acknowledgment
    layout = pdftotext(services.documents.acknowledgment_pdf(team.receptionist, ack.id), layout=True)
    rows = {line.split("  ")[0].strip(): line for line in layout.splitlines() if "✔ Accordé" in line}
    # 5 purposes x 4 channels: two granted, one refused when asked; the 17 boxes left without an
    # answer are not given, never printed as refused (opt-in).
    assert layout.count("✔ Accordé") == 2
    assert layout.count("✘ Refusé") == 1
    assert layout.count("Non accordé") == 17
    newsletter = rows["Infolettres promotionnelles"]
    assert newsletter.index("✔ Accordé") < newsletter.index("Non accordé")  # email is the first channel column
    reminders = rows["Confirmations et rappels de rendez-vous"]
    assert reminders.index("Non accordé") < reminders.index("✔ Accordé")  # SMS is the second column
    [refused] = [line for line in layout.splitlines() if "✘ Refusé" in line]
    assert refused.split("✘ Refusé")[0].count("Non accordé") == 2  # phone is the third column


def test_an_english_acknowledgment_tells_a_refusal_from_no_answer(services, team):
    client = new_client(services, team.receptionist)
    ack = book(
        services, team.receptionist, client.id, granted=GRANTED, declined=DECLINED, language=Language.EN
    ).acknowledgment
    text = squash(pdftotext(services.documents.acknowledgment_pdf(team.receptionist, ack.id)))
    assert (text.count("✔ Granted"), text.count("✘ Refused"), text.count("Not given")) == (2, 1, 17)
    assert "Declined" not in text and "Non accordé" not in text


def test_a_withdrawal_is_printed_as_withdrawn_not_as_refused(services, team):
    client = new_client(services, team.receptionist)
    book(services, team.receptionist, client.id, granted=GRANTED)
    ack = book(services, team.receptionist, client.id, declined=GRANTED[:1], days_ahead=2).acknowledgment
    layout = pdftotext(services.documents.acknowledgment_pdf(team.receptionist, ack.id), layout=True)
    assert (layout.count("✔ Accordé"), layout.count("✘ Retiré"), layout.count("✘ Refusé")) == (1, 1, 0)


def test_hostile_client_name_comes_out_verbatim(services, team):
    client = new_client(services, team.receptionist, '"Léa"</b>', "<b>Zoé &")
    ack = book(services, team.receptionist, client.id).acknowledgment
    for text in both_texts(services.documents.acknowledgment_pdf(team.receptionist, ack.id)).values():
        assert '<b>Zoé & "Léa"</b>' in text


def test_refusal_produces_a_pdf_saying_so(services, team):
    client = new_client(services, team.receptionist)
    ack = book(services, team.receptionist, client.id, refused=True).acknowledgment
    assert ack.refused and ack.has_document
    for text in both_texts(services.documents.acknowledgment_pdf(team.receptionist, ack.id)).values():
        assert "REFUS DE SIGNER" in text
        assert "Préfère lire la politique à la maison." in text
        assert verification_code(str(ack.uid)) in text
    result = services.documents.verify(team.receptionist, verification_code(str(ack.uid)))
    assert result.refused and result.bytes_match


def test_standalone_acknowledgment_in_english_is_stored_once_even_when_replayed(services, team):
    client = new_client(services, team.receptionist, "Smith", "Anna", preferred_language="en")
    capture = SignatureCapture(signature_png=signature_png(), language=Language.EN)
    first = services.acknowledgments.record(team.receptionist, client.id, capture)
    again = services.acknowledgments.record(team.receptionist, client.id, capture)
    assert first.id == again.id and first.has_document
    text = both_texts(services.documents.acknowledgment_pdf(team.receptionist, first.id))["pdftotext"]
    assert "Privacy policy acknowledgment" in text and "Anna Smith" in text
    with services.db.session(write=False) as session:
        count = session.scalars(
            select(AcknowledgmentDocument.id).where(AcknowledgmentDocument.acknowledgment_id == first.id)
        ).all()
    assert len(count) == 1
    assert len(audits(services, "acknowledgment.document")) == 1


def test_verify_finds_the_client_version_and_date(services, team):
    client = new_client(services, team.receptionist)
    ack = book(services, team.receptionist, client.id, granted=GRANTED).acknowledgment
    code = verification_code(str(ack.uid))
    typed = code.lower().replace("-", " ").replace("0", "o")
    result = services.documents.verify(team.receptionist, typed)
    assert result.code == code
    assert (result.client_id, result.file_number, result.client_name) == (
        client.id,
        client.file_number,
        "Zoé Côté",
    )
    assert result.policy_version == current_policy(services).version
    assert result.signed_at == ack.signed_at
    assert not result.refused
    assert result.bytes_match and result.stored_sha256 == result.computed_sha256
    assert audits(services, "acknowledgment.verify")[-1].detail == f"client={client.id} match=yes"


def test_verify_refuses_garbage_and_unknown_codes(services, team):
    with pytest.raises(ValidationError):
        services.documents.verify(team.receptionist, "not a code!")
    with pytest.raises(NotFoundError):
        services.documents.verify(
            team.receptionist, verification_code("00000000-0000-0000-0000-000000000000")
        )


def test_tampered_stored_bytes_are_reported(services, team):
    client = new_client(services, team.receptionist)
    ack = book(services, team.receptionist, client.id).acknowledgment
    code = verification_code(str(ack.uid))
    drop_append_only_trigger(services, "acknowledgment_documents")
    original = bytes(stored_row(services, ack.id).pdf)
    with services.db.session(write=True) as session, session.begin():
        session.execute(
            update(AcknowledgmentDocument)
            .where(AcknowledgmentDocument.acknowledgment_id == ack.id)
            .values(pdf=original.replace(b"FrontDesk", b"FrontDusk", 1))
        )
    result = services.documents.verify(team.privacy_officer, code)
    assert not result.bytes_match
    assert result.stored_sha256 == hashlib.sha256(original).hexdigest()
    assert audits(services, "acknowledgment.verify")[-1].detail == f"client={client.id} match=no"


def test_documents_are_append_only(services, team):
    client = new_client(services, team.receptionist)
    ack = book(services, team.receptionist, client.id).acknowledgment
    with pytest.raises(Exception, match="append-only"):
        with services.db.session(write=True) as session, session.begin():
            session.execute(
                update(AcknowledgmentDocument)
                .where(AcknowledgmentDocument.acknowledgment_id == ack.id)
                .values(pdf=b"%PDF-forged")
            )


def test_unknown_acknowledgment_and_bad_action(services, team):
    with pytest.raises(NotFoundError):
        services.documents.acknowledgment_pdf(team.receptionist, 999_999)
    with pytest.raises(ValidationError):
        services.documents.acknowledgment_pdf(team.receptionist, 1, action="email")


def test_an_acknowledgment_without_a_stored_pdf_is_not_regenerated(services, team):
    from desktop.demo import populate

    populate(services, 80, into_existing=True)  # more acknowledgments than the demo's few sample PDFs
    with services.db.session(write=False) as session:
        from sqlalchemy import exists

        from desktop.db.models import Acknowledgment, AcknowledgmentDocument

        without_pdf = ~exists().where(AcknowledgmentDocument.acknowledgment_id == Acknowledgment.id)
        ack_id = session.scalar(select(Acknowledgment.id).where(without_pdf).order_by(Acknowledgment.id).limit(1))
    assert ack_id is not None
    with pytest.raises(NotFoundError) as caught:
        services.documents.acknowledgment_pdf(team.manager, ack_id)
    assert caught.value.code == "no_document"


def test_a_disabled_account_cannot_print(services, team):
    client = new_client(services, team.receptionist)
    ack = book(services, team.receptionist, client.id).acknowledgment
    services.staff.set_active(team.manager, team.receptionist.staff_id, False)
    with pytest.raises(PermissionDeniedError):
        services.documents.acknowledgment_pdf(team.receptionist, ack.id)
