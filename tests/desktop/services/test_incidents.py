"""The confidentiality-incident register: opened with a reference per year, updated into new versions
(every earlier one kept), a stale update refused, the register by discovery date and the notices owed."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from desktop.db.models import AuditRecord, IncidentVersion
from desktop.domain.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from desktop.domain.incidents import IncidentDraft
from desktop.services import Services


def draft(**more: object) -> IncidentDraft:
    values: dict[str, object] = dict(
        circumstances="Rappel envoyé au mauvais destinataire.",
        discovered_on=date(2026, 11, 20),
        information_concerned="Nom et date du rendez-vous d'une cliente",
        occurred_from=date(2026, 11, 18),
        people_concerned=1,
    )
    values.update(more)
    return IncidentDraft(**values)  # type: ignore[arg-type]


def test_open_update_and_every_version_kept(services: Services, team) -> None:
    officer = team.privacy_officer
    first = services.incidents.open(officer, draft())
    assert (first.reference, first.version, first.versions_count) == ("2026-001", 1, 1)
    assert first.opened_by == first.recorded_by == officer.full_name
    assert first.keep_until == date(2031, 11, 20) and not first.notification_due
    serious = draft(people_concerned=40, serious_injury_risk=True, risk_assessment="Diagnostics exposés.")
    second = services.incidents.update(officer, first.id, 1, serious)
    assert (second.reference, second.version, second.versions_count) == ("2026-001", 2, 2)
    assert second.notification_due and second.people_concerned == 40
    notified = replace(
        serious, commission_notified_on=date(2026, 11, 23), people_notified_on=date(2026, 11, 24)
    )
    third = services.incidents.update(officer, first.id, 2, notified)
    assert not third.notification_due and third.notified
    versions = services.incidents.versions(officer, first.id)
    assert [(v.version, v.people_concerned, v.serious_injury_risk) for v in versions] == [
        (1, 1, False),
        (2, 40, True),
        (3, 40, True),
    ]
    assert services.incidents.get(officer, first.id) == third
    assert services.incidents.by_reference(officer, " 2026-001 ") == third
    # Audited with ids and version numbers only: nothing of what the incident says.
    with services.db.session(write=False) as session:
        audits = session.execute(
            select(AuditRecord.action, AuditRecord.entity_id, AuditRecord.detail)
            .where(AuditRecord.action.like("incident.%"))
            .order_by(AuditRecord.id)
        ).all()
    assert [tuple(a) for a in audits] == [
        ("incident.open", str(first.id), "version=1"),
        ("incident.update", str(first.id), "version=2"),
        ("incident.update", str(first.id), "version=3"),
    ]


def test_a_stale_update_is_refused_and_nothing_overwritten(services: Services, team) -> None:
    officer = team.privacy_officer
    opened = services.incidents.open(officer, draft())
    services.incidents.update(officer, opened.id, 1, draft(measures="Destinataire joint, courriel supprimé."))
    with pytest.raises(ConflictError) as caught:
        services.incidents.update(officer, opened.id, 1, draft(measures="Autre version"))
    assert caught.value.code == "incident_stale_version"
    assert f"version 2 a été enregistrée par {officer.full_name}" in caught.value.message("fr")
    assert services.incidents.get(officer, opened.id).measures == "Destinataire joint, courriel supprimé."
    with services.db.session(write=False) as session:
        assert session.scalar(select(IncidentVersion.id).where(IncidentVersion.version == 3)) is None


def test_references_count_per_year_of_discovery_and_a_replay_opens_nothing(services: Services, team) -> None:
    officer = team.privacy_officer
    once = draft()
    refs = [
        services.incidents.open(officer, once).reference,
        services.incidents.open(officer, once).reference,  # the same request sent again
        services.incidents.open(
            officer, draft(discovered_on=date(2025, 12, 30), occurred_from=None)
        ).reference,
        services.incidents.open(officer, draft()).reference,
    ]
    assert refs == ["2026-001", "2026-001", "2025-001", "2026-002"]
    with pytest.raises(ConflictError):
        services.incidents.open(officer, replace(once, measures="autre chose"))


def test_register_by_discovery_date_and_notices_due(services: Services, team) -> None:
    officer = team.privacy_officer
    services.incidents.open(officer, draft(discovered_on=date(2026, 1, 5), occurred_from=None))
    due = services.incidents.open(
        officer,
        draft(
            serious_injury_risk=True,
            risk_assessment="NAM exposés.",
            commission_notified_on=date(2026, 11, 21),
        ),
    )
    inside = services.incidents.register(officer, date(2026, 11, 1), date(2026, 11, 30))
    assert [r.reference for r in inside] == [due.reference]
    assert len(services.incidents.register(officer, date(2026, 1, 1), date(2026, 12, 31))) == 2
    assert [r.id for r in services.incidents.notification_due(officer)] == [due.id]
    # No serious risk after all (the notice given stays recorded): no notice is due any more.
    services.incidents.update(
        officer, due.id, 1, replace(draft(), uid=due.uid, commission_notified_on=date(2026, 11, 21))
    )
    assert services.incidents.notification_due(officer) == []


def test_refusals(services: Services, team) -> None:
    officer = team.privacy_officer
    with pytest.raises(ValidationError) as caught:
        services.incidents.open(officer, draft(information_concerned="", serious_injury_risk=True))
    assert {e.field for e in caught.value.errors} == {"information_concerned", "risk_assessment"}
    with pytest.raises(NotFoundError) as missing:
        services.incidents.by_reference(officer, "2031-404")
    assert "incident de confidentialité 2031-404" in missing.value.message("fr")
    for actor in (team.manager, team.receptionist):
        with pytest.raises(PermissionDeniedError):
            services.incidents.open(actor, draft())
        with pytest.raises(PermissionDeniedError):
            services.incidents.register(actor, date(2026, 1, 1), date(2026, 12, 31))


def test_two_officers_saving_at_once_one_is_refused(services: Services, team) -> None:
    """Whether the two saves overlap in the database or not, one new version is kept and the other save is
    refused as made from a replaced version (never two versions 2, never one lost in silence)."""
    officer = team.privacy_officer
    opened = services.incidents.open(officer, draft())
    barrier = threading.Barrier(2)

    def save(measures: str) -> object:
        barrier.wait()
        try:
            return services.incidents.update(officer, opened.id, 1, draft(measures=measures))
        except ConflictError as refused:
            return refused

    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(save, ["Mesure A", "Mesure B"]))
    refused = [r for r in results if isinstance(r, ConflictError)]
    assert len(refused) == 1 and refused[0].code == "incident_stale_version"
    versions = services.incidents.versions(officer, opened.id)
    assert [v.version for v in versions] == [1, 2] and versions[1].measures in ("Mesure A", "Mesure B")


def test_a_notice_recorded_as_given_cannot_be_removed_by_a_later_version(services: Services, team) -> None:
    officer = team.privacy_officer
    notified = draft(
        serious_injury_risk=True, risk_assessment="Santé", commission_notified_on=date(2026, 11, 21)
    )
    opened = services.incidents.open(officer, notified)
    with pytest.raises(ValidationError) as refused:
        services.incidents.update(officer, opened.id, 1, replace(notified, commission_notified_on=None))
    assert [(e.field, e.code) for e in refused.value.errors] == [
        ("commission_notified_on", "incident_notice_removed")
    ]
    assert refused.value.errors[0].message("fr") == (
        "Cet avis a été inscrit comme donné le 2026-11-21\u00a0: sa date peut être corrigée, mais il ne peut pas "
        "être retiré."
    )
    # Its date corrected: a new version.
    corrected = services.incidents.update(
        officer, opened.id, 1, replace(notified, commission_notified_on=date(2026, 11, 22))
    )
    assert (corrected.version, corrected.commission_notified_on) == (2, date(2026, 11, 22))
