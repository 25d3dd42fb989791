"""The policy in the client's language: the summary read at the desk is served with the version, the
acknowledgment and the consent events record the text shown, the PDF's annex is the client's text
then the summary, and a text signed in another language needs signing again once the client's
language has its text."""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, date, datetime, timedelta

import pytest

from desktop.db.models import PolicyVersion
from desktop.domain.enums import (
    AppointmentKind,
    AppointmentMode,
    BookedVia,
    Channel,
    Interaction,
    Language,
    Purpose,
)
from desktop.domain.records import AppointmentDraft, ConsentCapture, ConsentChange, SignatureCapture
from desktop.paths import resource_path
from desktop.services import Services
from tests.support.documents import book, new_client, pdftotext_body, signature_png, squash

VERSION = "2020-04-22"


def bundled(name: str) -> str:
    return resource_path("policies", name).read_text(encoding="utf-8")


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def policy_text(language: Language) -> str:
    return bundled(f"{VERSION}.{language.value}.txt")


def summary_text(language: Language) -> str:
    return bundled(f"{VERSION}.summary.{language.value}.txt")


def other(language: Language) -> Language:
    return Language.EN if language == Language.FR else Language.FR


def test_the_policy_service_serves_the_summary_of_each_language(services: Services, receptionist) -> None:
    for language in Language:
        policy = services.policies.current(receptionist, language)
        assert policy.language == language
        assert policy.summary == summary_text(language)
        assert policy.summary_sha256 == sha256(summary_text(language))
        assert policy.desk_text == policy.summary
        assert services.policies.get(receptionist, policy.id) == policy
    assert "La politique de confidentialité en bref" in services.policies.current(receptionist, Language.FR).desk_text


def test_a_version_without_a_summary_is_read_in_full_at_the_desk(services: Services, receptionist) -> None:
    text = "Privacy policy 2026-06-01\n"
    with services.db.session(write=True) as session, session.begin():
        session.add(
            PolicyVersion(
                version="2026-06-01",
                language=Language.EN,
                effective_date=date(2026, 6, 1),
                text=text,
                sha256=sha256(text),
                loaded_at=datetime(2026, 6, 1, tzinfo=UTC),
            )
        )
    policy = services.policies.current(receptionist, Language.EN)
    assert (policy.version, policy.summary, policy.summary_sha256, policy.desk_text) == ("2026-06-01", None, None, text)
    client = new_client(services, receptionist, "Smith", "Anna", preferred_language=Language.EN)
    ack = services.acknowledgments.record(receptionist, client.id, SignatureCapture(signature_png=signature_png()))
    assert (ack.policy_version, ack.summary_sha256) == ("2026-06-01", None)


@pytest.mark.parametrize("language", list(Language))
def test_the_booking_records_the_text_shown_in_the_clients_language(
    services: Services, receptionist, language: Language
) -> None:
    client = new_client(services, receptionist, preferred_language=language)
    result = book(
        services, receptionist, client.id, granted=((Purpose.NEWSLETTERS, Channel.EMAIL),), language=language
    )
    ack = result.acknowledgment
    assert ack is not None
    assert (ack.language, ack.policy_version, ack.policy_language) == (language, VERSION, language)
    assert ack.policy_sha256 == sha256(policy_text(language))
    assert ack.summary_sha256 == sha256(summary_text(language))
    assert services.acknowledgments.for_client(receptionist, client.id) == [ack]
    [event] = result.consent_events
    assert (event.policy_version, event.policy_language) == (VERSION, language)
    assert event.policy_sha256 == sha256(policy_text(language))
    assert event.acknowledgment_id == ack.id
    assert services.consent.history(receptionist, client.id) == [event]


def test_a_consent_given_by_phone_names_the_french_text(services: Services, receptionist) -> None:
    client = new_client(services, receptionist)
    capture = ConsentCapture(
        (ConsentChange(Purpose.FEEDBACK, Channel.SMS, True),), Interaction.PHONE, Language.FR
    )
    [event] = services.consent.record(receptionist, client.id, capture)
    assert (event.policy_language, event.policy_sha256) == (Language.FR, sha256(policy_text(Language.FR)))
    assert "texto" in event.wording


def sentences(text: str) -> list[str]:
    """The policy's sentences of five words or more, whitespace squashed."""
    parts = re.split(r"(?<=[.!?;:])\s+|\n+", text)
    return [squash(part) for part in parts if len(part.split()) >= 5]


@pytest.mark.parametrize("language", list(Language))
def test_the_pdf_annex_is_the_clients_policy_then_the_summary(
    services: Services, receptionist, language: Language
) -> None:
    client = new_client(services, receptionist, preferred_language=language)
    ack = book(services, receptionist, client.id, language=language).acknowledgment
    assert ack is not None
    body = pdftotext_body(services.documents.acknowledgment_pdf(receptionist, ack.id))

    policy, summary = squash(policy_text(language)), squash(summary_text(language))
    assert policy in body and summary in body
    assert body.index(policy) < body.index(summary)
    assert sha256(summary_text(language)) in body
    # No sentence of the other language's policy or summary (the names and addresses they share aside).
    own = policy + " " + summary
    foreign = [
        s
        for s in sentences(policy_text(other(language))) + sentences(summary_text(other(language)))
        if s not in own
    ]
    assert len(foreign) > 40
    assert [s for s in foreign if s in body] == []


def at_desk(clock, days: int = 1) -> AppointmentDraft:  # type: ignore[no-untyped-def]
    return AppointmentDraft(
        clock.now() + timedelta(days=days), AppointmentKind.CONSULTATION, AppointmentMode.IN_CLINIC, BookedVia.PHONE
    )


def publish(services: Services, version: str, language: Language) -> None:
    text = f"Policy {version} ({language.value})\n"
    with services.db.session(write=True) as session, session.begin():
        session.add(
            PolicyVersion(
                version=version,
                language=language,
                effective_date=date.fromisoformat(version),
                text=text,
                sha256=sha256(text),
                loaded_at=datetime.now(UTC),
            )
        )


def test_a_text_signed_in_another_language_is_outdated_once_the_clients_language_has_its_text(
    services: Services, team, clock
) -> None:
    actor, manager = team.receptionist, team.manager
    # Back in 2019, before the bundled version: a version in English only.
    clock.at = datetime(2019, 9, 2, 15, 0, tzinfo=UTC)
    start, end = date(2019, 9, 1), date(2019, 9, 30)
    publish(services, "2019-06-01", Language.EN)
    french = new_client(services, actor, "Côté", "Zoé")
    english = new_client(services, actor, "Smith", "Anna", preferred_language=Language.EN)
    for client in (french, english):
        signed = services.acknowledgments.record(actor, client.id, SignatureCapture(signature_png=signature_png()))
        assert (signed.policy_version, signed.policy_language) == ("2019-06-01", Language.EN)
        services.appointments.book(actor, client.id, at_desk(clock))

    # No French text exists: the English one is the French client's, and it is signed.
    status = services.clients.status(actor, french.id)
    assert not status.acknowledgment_outdated and status.acknowledged_current_on == date(2019, 9, 2)
    assert (status.current_policy_language, status.acknowledged_language) == (Language.EN, Language.EN)
    report = services.reports.reacknowledgment(manager, start, end)
    assert (report.up_to_date, report.outdated) == (2, ())
    assert services.reports.consent_coverage(manager, start, end).acknowledged_current == 2

    # The French text of the same version is published: the French client must sign it.
    publish(services, "2019-06-01", Language.FR)
    status = services.clients.status(actor, french.id)
    assert status.acknowledgment_outdated and not status.acknowledgment_missing
    assert status.acknowledged_current_on is None
    assert status.acknowledged_version == status.current_policy_version == "2019-06-01"
    assert (status.current_policy_language, status.acknowledged_language) == (Language.FR, Language.EN)
    assert services.clients.status(actor, english.id).acknowledged_current_on == date(2019, 9, 2)
    report = services.reports.reacknowledgment(manager, start, end)
    assert report.up_to_date == 1
    assert [(r.client_id, r.signed_version) for r in report.outdated] == [(french.id, "2019-06-01 (en)")]
    assert services.reports.consent_coverage(manager, start, end).acknowledged_current == 1

    # Signed again, in French.
    clock.advance(days=1)
    again = services.acknowledgments.record(actor, french.id, SignatureCapture(signature_png=signature_png()))
    assert (again.policy_version, again.policy_language) == ("2019-06-01", Language.FR)
    status = services.clients.status(actor, french.id)
    assert not status.acknowledgment_outdated and status.acknowledged_language == Language.FR
    report = services.reports.reacknowledgment(manager, start, end)
    assert (report.up_to_date, report.outdated) == (2, ())


def test_a_french_client_who_signed_the_english_text_is_asked_again(services: Services, receptionist) -> None:
    """Both texts exist: a French client who read and signed the English one is not up to date."""
    client = new_client(services, receptionist)
    signed = services.acknowledgments.record(
        receptionist, client.id, SignatureCapture(signature_png=signature_png(), language=Language.EN)
    )
    assert (signed.language, signed.policy_language) == (Language.EN, Language.EN)
    assert signed.summary_sha256 == sha256(summary_text(Language.EN))
    status = services.clients.status(receptionist, client.id)
    assert status.acknowledgment_outdated and status.current_policy_language == Language.FR
