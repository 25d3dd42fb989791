"""A manager publishes a new privacy-policy version: stored in both languages with its hashes, never
changed, in force from its effective date on, when the clients who signed an older version are
flagged in their file and counted by the re-acknowledgment report (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.exc import DBAPIError

from desktop.db.models import AuditRecord, PolicyVersion
from desktop.domain.enums import AppointmentKind, AppointmentMode, BookedVia, Language
from desktop.domain.errors import PolicyVersionExistsError, ValidationError
from desktop.domain.records import AppointmentDraft, PolicyDraft
from desktop.services import Services
from desktop.services.policies import text_sha256
from tests.conftest import TEST_NOW
from tests.support.documents import book, new_client

OLD = "2020-04-22"
TEXT_FR = "POLITIQUE DE CONFIDENTIALITÉ\nVersion révisée : vos renseignements, nos engagements.\n"
TEXT_EN = "PRIVACY POLICY\nRevised version: your information, our commitments.\n"
SUMMARY_FR = "Résumé : nous protégeons vos renseignements personnels.\n"
SUMMARY_EN = "Summary: we protect your personal information.\n"


def draft(services: Services, days: int = 1, **texts: str) -> PolicyDraft:
    given = dict(text_fr=TEXT_FR, text_en=TEXT_EN, summary_fr=SUMMARY_FR, summary_en=SUMMARY_EN) | texts
    return PolicyDraft(services.clock.today() + timedelta(days=days), **given)


def stored_versions(services: Services) -> int:
    with services.db.session(write=False) as session:
        return int(session.scalar(select(func.count(PolicyVersion.id))) or 0)


def book_by_phone(services: Services, actor, client_id: int) -> None:  # type: ignore[no-untyped-def]
    """An appointment without any acknowledgment."""
    services.appointments.book(
        actor,
        client_id,
        AppointmentDraft(
            TEST_NOW + timedelta(days=1), AppointmentKind.CONSULTATION, AppointmentMode.IN_CLINIC, BookedVia.PHONE
        ),
    )


def test_a_version_is_stored_in_both_languages_with_its_hashes(services: Services, team) -> None:
    published = services.policies.publish(team.manager, draft(services, days=7))
    effective = services.clock.today() + timedelta(days=7)
    assert [(p.version, p.language, p.effective_date) for p in published] == [
        (effective.isoformat(), Language.FR, effective),
        (effective.isoformat(), Language.EN, effective),
    ]
    french, english = published
    assert (french.text, french.summary, english.text, english.summary) == (TEXT_FR, SUMMARY_FR, TEXT_EN, SUMMARY_EN)
    assert french.sha256 == text_sha256(TEXT_FR) and english.sha256 == text_sha256(TEXT_EN)
    assert french.summary_sha256 == text_sha256(SUMMARY_FR) and english.summary_sha256 == text_sha256(SUMMARY_EN)

    # The list: every version and language, newest first, with the same hashes.
    listed = services.policies.versions(team.receptionist)
    assert [(p.version, p.language) for p in listed] == [
        (effective.isoformat(), Language.EN),
        (effective.isoformat(), Language.FR),
        (OLD, Language.EN),
        (OLD, Language.FR),
    ]
    assert {p.id: (p.sha256, p.summary_sha256) for p in listed[:2]} == {
        p.id: (p.sha256, p.summary_sha256) for p in published
    }
    with services.db.session(write=False) as session:
        audit = session.scalars(
            select(AuditRecord).where(AuditRecord.action == "policy.publish", AuditRecord.username == "gestion")
        ).one()
    assert (audit.username, audit.entity_type, audit.entity_id) == ("gestion", "policy_version", effective.isoformat())
    assert audit.detail == f"fr={french.sha256}; en={english.sha256}"


def test_the_privacy_officer_may_publish_for_today(services: Services, team) -> None:
    published = services.policies.publish(team.privacy_officer, draft(services, days=0))
    assert published[0].effective_date == services.clock.today()
    assert services.policies.current(team.receptionist, Language.FR).id == published[0].id


def test_the_same_date_is_refused_and_the_version_kept(services: Services, team) -> None:
    first = services.policies.publish(team.manager, draft(services, days=3))
    with pytest.raises(PolicyVersionExistsError) as refused:
        services.policies.publish(team.manager, draft(services, days=3, text_fr="Autre texte.\n"))
    label = first[0].version
    assert refused.value.version == label
    assert label in refused.value.message("fr") and "déjà publiée" in refused.value.message("fr")
    assert label in refused.value.message("en") and "already published" in refused.value.message("en")
    assert stored_versions(services) == 4
    assert services.policies.get(team.manager, first[0].id) == first[0]


def test_a_published_text_never_changes(services: Services, team) -> None:
    french = services.policies.publish(team.manager, draft(services))[0]
    with pytest.raises(DBAPIError), services.db.session(write=True) as session, session.begin():
        session.execute(update(PolicyVersion).where(PolicyVersion.id == french.id).values(text="altered"))
    assert services.policies.get(team.manager, french.id).text == TEXT_FR


def test_a_past_date_or_a_missing_text_is_refused(services: Services, team) -> None:
    with pytest.raises(ValidationError) as past:
        services.policies.publish(team.manager, draft(services, days=-1))
    assert [(e.field, e.code) for e in past.value.errors] == [("effective_date", "date_in_past")]
    assert "Date d'entrée en vigueur" in past.value.message("fr")
    assert "cannot be in the past" in past.value.message("en")

    with pytest.raises(ValidationError) as empty:
        services.policies.publish(team.manager, draft(services, summary_en=" \n", text_fr=""))
    assert [(e.field, e.code) for e in empty.value.errors] == [("text_fr", "required"), ("summary_en", "required")]
    assert "English summary" in empty.value.message("en") and "Résumé en anglais" in empty.value.message("fr")

    with pytest.raises(ValidationError) as binary:
        services.policies.publish(team.manager, draft(services, text_en="PDF\x00\x01", summary_fr="a\udc80b"))
    assert [(e.field, e.code) for e in binary.value.errors] == [
        ("summary_fr", "invalid_characters"),
        ("text_en", "invalid_characters"),
    ]
    assert stored_versions(services) == 2


def test_line_breaks_and_byte_order_mark_are_stored_plainly(services: Services, team) -> None:
    french = services.policies.publish(
        team.manager, draft(services, text_fr="\ufeffPOLITIQUE\r\nDeuxième ligne\r\n", summary_fr="Re\u0301sume\u0301\n")
    )[0]
    assert french.text == "POLITIQUE\nDeuxième ligne\n" and french.sha256 == text_sha256(french.text)
    assert french.summary == "Résumé\n" and french.summary_sha256 == text_sha256("Résumé\n")


def test_the_receptionist_cannot_publish(services: Services, team) -> None:
    from desktop.domain.errors import PermissionDeniedError

    with pytest.raises(PermissionDeniedError):
        services.policies.publish(team.receptionist, draft(services))
    assert stored_versions(services) == 2


def test_publishing_flags_exactly_the_clients_with_an_older_acknowledgment(services: Services, team, clock) -> None:
    desk = team.receptionist
    outdated_fr = new_client(services, desk, "Ancienne", "Anne")
    outdated_en = new_client(services, desk, "Older", "Oliver", preferred_language=Language.EN)
    resigns = new_client(services, desk, "Resigne", "Rémi")
    refused = new_client(services, desk, "Refus", "Rita")
    never = new_client(services, desk, "Jamais", "Noé")
    book(services, desk, outdated_fr.id)
    book(services, desk, outdated_en.id, language=Language.EN)
    book(services, desk, resigns.id)
    book(services, desk, refused.id, refused=True)
    book_by_phone(services, desk, never.id)
    signers = (outdated_fr.id, outdated_en.id, resigns.id)

    def status(client_id: int):  # type: ignore[no-untyped-def]
        return services.clients.status(desk, client_id)

    def reacknowledgment():  # type: ignore[no-untyped-def]
        return services.reports.reacknowledgment(team.manager, clock.today(), clock.today() + timedelta(days=10))

    today = clock.today()
    assert all(status(c).acknowledged_current_on == today for c in signers)

    new = services.policies.publish(team.manager, draft(services, days=1))[0].version
    # Published for tomorrow: nothing changes today in the files; a report compares with the version
    # in force at the end of its period.
    assert all(status(c).acknowledged_current_on == today for c in signers)
    assert status(outdated_fr.id).current_policy_version == OLD
    assert services.reports.reacknowledgment(team.manager, today, today).current_version == OLD

    clock.advance(days=1)
    book(services, desk, resigns.id, days_ahead=2)  # signs the new version at the desk
    for client_id in (outdated_fr.id, outdated_en.id):
        flagged = status(client_id)
        assert flagged.acknowledged_current_on is None and flagged.acknowledgment_outdated
        assert (flagged.acknowledged_version, flagged.current_policy_version) == (OLD, new)
    current = status(resigns.id)
    assert (current.acknowledged_current_on, current.acknowledged_version) == (clock.today(), new)
    assert status(refused.id).acknowledged_current_on is None and status(refused.id).acknowledgment_missing
    assert status(never.id).acknowledgment_missing

    report = reacknowledgment()
    assert report.current_version == new
    assert sorted(r.client_id for r in report.outdated) == sorted((outdated_fr.id, outdated_en.id))
    assert {r.client_id: r.signed_version for r in report.outdated} == {
        outdated_fr.id: OLD,
        outdated_en.id: OLD,
    }
    assert sorted(r.client_id for r in report.never_signed) == sorted((refused.id, never.id))
    assert report.up_to_date == 1 and report.clients_seen == 5


def test_a_booking_after_the_effective_date_records_the_new_version(services: Services, team, clock) -> None:
    published = services.policies.publish(team.manager, draft(services, days=1))
    clock.advance(days=1)
    client = new_client(services, team.receptionist)
    ack = book(services, team.receptionist, client.id).acknowledgment
    assert ack is not None
    assert (ack.policy_version, ack.policy_sha256, ack.summary_sha256) == (
        published[0].version,
        published[0].sha256,
        published[0].summary_sha256,
    )
