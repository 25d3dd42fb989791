"""The disclosure register: a manager or the privacy officer records what was communicated to whom, for
which clients; an entry is never changed, a correction is a new entry; each client's file lists them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from desktop.db.models import AuditRecord
from desktop.db.register_models import Disclosure, DisclosureClient
from desktop.domain.disclosures import DisclosureDraft
from desktop.domain.enums import Language
from desktop.domain.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from desktop.domain.register_enums import DisclosureMeans, DisclosureRecipient
from desktop.reports.access_log import AccessCategory
from desktop.services import Services
from tests.support.documents import new_client

TODAY = date(2026, 11, 24)


def court_order(*client_ids: int, **changes: object) -> DisclosureDraft:
    draft = DisclosureDraft(
        disclosed_on=TODAY - timedelta(days=3),
        recipient_kind=DisclosureRecipient.COURT,
        recipient_name="Cour du Québec, chambre civile, Québec",
        legal_basis="Ordonnance de communication, dossier 200-22-012345-261",
        information="Dates des rendez-vous de 2025 et coordonnées",
        authorised_by="Jeanne Tremblay, responsable de la protection",
        means=DisclosureMeans.SECURE_TRANSFER,
        client_ids=client_ids,
        note="Remis au greffe.",
    )
    return replace(draft, **changes)  # type: ignore[arg-type]


def test_a_disclosure_is_recorded_with_its_clients_and_shown_in_each_file(services: Services, team):
    zoe = new_client(services, team.receptionist, "Côté", "Zoé")
    marc = new_client(services, team.receptionist, "O'Brien", "Marc-André")
    other = new_client(services, team.receptionist, "Roy", "Luc")

    saved = services.disclosures.record(team.manager, court_order(marc.id, zoe.id, marc.id))

    assert saved.client_ids == (marc.id, zoe.id)  # once each, in the order named
    assert saved.file_numbers == (marc.file_number, zoe.file_number)
    assert saved.recorded_by == team.manager.full_name
    assert saved.stands and saved.corrects_id is None
    assert services.disclosures.get(team.privacy_officer, saved.id) == saved
    assert services.disclosures.for_client(team.receptionist, zoe.id) == [saved]
    assert services.disclosures.for_client(team.receptionist, other.id) == []
    assert services.disclosures.register(team.privacy_officer, TODAY - timedelta(days=3), TODAY) == [saved]
    assert services.disclosures.register(team.manager, TODAY - timedelta(days=2), TODAY) == []

    with services.db.session(write=False) as session:
        audits = session.scalars(select(AuditRecord).where(AuditRecord.action.like("disclosure.%"))).all()
    details = {(a.action, a.entity_type, a.entity_id, a.detail) for a in audits}
    assert details == {
        ("disclosure.record", "disclosure", str(saved.id), "recipient=court means=secure_transfer clients=2"),
        ("disclosure.client", "client", str(marc.id), f"disclosure={saved.id}"),
        ("disclosure.client", "client", str(zoe.id), f"disclosure={saved.id}"),
    }
    log = services.reports.access_log(team.privacy_officer, zoe.file_number, TODAY, TODAY)
    assert [e.category for e in log.entries if e.action == "disclosure.client"] == [AccessCategory.EXPORT]
    # Nothing of the clients or of what was sent in the audit trail.
    assert not any("Cour" in a.detail or "Côté" in a.detail for a in audits)


def test_a_correction_is_a_new_entry_and_the_ledger_is_never_updated(services: Services, team):
    zoe = new_client(services, team.receptionist)
    first = services.disclosures.record(team.manager, court_order(zoe.id))
    fixed = services.disclosures.correct(
        team.privacy_officer, first.id, court_order(zoe.id, means=DisclosureMeans.POST)
    )

    assert fixed.corrects_id == first.id and fixed.stands
    old = services.disclosures.get(team.manager, first.id)
    assert old.corrected_by_id == fixed.id and old.means == DisclosureMeans.SECURE_TRANSFER
    assert [d.id for d in services.disclosures.for_client(team.receptionist, zoe.id)] == [first.id, fixed.id]
    with pytest.raises(ConflictError) as refused:
        services.disclosures.correct(team.manager, first.id, court_order(zoe.id))
    assert refused.value.code == "disclosure_already_corrected"
    assert f"n° {fixed.id}" in refused.value.message(Language.FR)
    with services.db.session(write=False) as session:
        rows = session.scalars(select(Disclosure).order_by(Disclosure.id)).all()
        assert [(r.id, r.corrects_id, r.means) for r in rows] == [
            (first.id, None, DisclosureMeans.SECURE_TRANSFER),
            (fixed.id, first.id, DisclosureMeans.POST),
        ]
        assert len(session.scalars(select(DisclosureClient)).all()) == 2


def test_a_replayed_save_records_once_and_a_different_one_under_the_same_uid_is_refused(
    services: Services, team
):
    zoe = new_client(services, team.receptionist)
    draft = court_order(zoe.id)
    assert services.disclosures.record(team.manager, draft) == services.disclosures.record(
        team.manager, draft
    )
    with pytest.raises(ConflictError) as refused:
        services.disclosures.record(team.manager, replace(draft, information="Autre chose"))
    assert refused.value.code == "replay_mismatch"
    with services.db.session(write=False) as session:
        assert len(session.scalars(select(Disclosure)).all()) == 1


def test_bad_input_is_refused_field_by_field_in_both_languages(services: Services, team):
    zoe = new_client(services, team.receptionist)
    bad = court_order(
        disclosed_on=TODAY + timedelta(days=1),
        recipient_name="  ",
        legal_basis="",
        information="x" * 2001,
        authorised_by="",
    )
    with pytest.raises(ValidationError) as refused:
        services.disclosures.record(team.manager, bad)
    codes = {(e.field, e.code) for e in refused.value.errors}
    assert codes == {
        ("disclosed_on", "date_in_future"),
        ("recipient_name", "disclosure_recipient_name_required"),
        ("legal_basis", "required"),
        ("information", "too_long"),
        ("authorised_by", "required"),
        ("client_ids", "disclosure_no_client"),
    }
    french = refused.value.message(Language.FR)
    assert "Nom du destinataire : Nommez le destinataire" in french
    assert "Clients concernés" in french
    assert "Name the recipient" in refused.value.message(Language.EN)

    # The parent organisation is the one body the policy names: no name needed.
    parent = court_order(zoe.id, recipient_kind=DisclosureRecipient.PARENT_ORGANISATION, recipient_name="")
    assert services.disclosures.record(team.manager, parent).recipient_name == ""
    hostile = court_order(zoe.id, recipient_kind="tribunal", means="pigeon", disclosed_on=None)
    with pytest.raises(ValidationError) as refused:
        services.disclosures.record(team.manager, hostile)
    assert {(e.field, e.code) for e in refused.value.errors} == {
        ("recipient_kind", "invalid_choice"),
        ("means", "invalid_choice"),
        ("disclosed_on", "required"),
    }
    unchosen = court_order(zoe.id, recipient_kind=None, means=None)
    with pytest.raises(ValidationError) as refused:
        services.disclosures.record(team.manager, unchosen)
    assert {(e.field, e.code) for e in refused.value.errors} == {
        ("recipient_kind", "required"),
        ("means", "required"),
    }
    with pytest.raises(NotFoundError):
        services.disclosures.record(team.manager, court_order(zoe.id, 999_999))
    with pytest.raises(NotFoundError):
        services.disclosures.get(team.manager, 999_999)


def test_a_receptionist_sees_the_file_s_disclosures_but_records_none(services: Services, team):
    zoe = new_client(services, team.receptionist)
    with pytest.raises(PermissionDeniedError):
        services.disclosures.record(team.receptionist, court_order(zoe.id))
    with pytest.raises(PermissionDeniedError):
        services.disclosures.register(team.receptionist, TODAY, TODAY)
    assert services.disclosures.for_client(team.receptionist, zoe.id) == []


def test_a_disclosure_dated_after_a_file_s_anonymisation_is_refused(services: Services, team, clock):
    officer = team.privacy_officer
    client = new_client(services, team.receptionist)
    clock.advance(days=8 * 366)
    services.retention.anonymise(officer, client.id)
    clock.advance(days=1)
    today = clock.today()
    with pytest.raises(ConflictError) as refused:
        services.disclosures.record(officer, court_order(client.id, disclosed_on=today))
    assert refused.value.code == "disclosure_after_anonymisation"
    assert refused.value.message(Language.EN).startswith(f"File {client.file_number} was anonymised on ")
    # One made before the anonymisation is still recorded (the register keeps what happened).
    before = services.disclosures.record(
        officer, court_order(client.id, disclosed_on=today - timedelta(days=400))
    )
    assert before.file_numbers == (client.file_number,)
