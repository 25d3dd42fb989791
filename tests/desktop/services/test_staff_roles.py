"""Privacy-officer accounts are made, reactivated and reset only by a privacy officer; the password
recovery for a lost last-manager password: manager and privacy-officer accounts only, audited."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop.db.models import AuditRecord
from desktop.domain.enums import Role
from desktop.domain.errors import AuthenticationError, NotFoundError, PermissionDeniedError
from desktop.services import Services
from desktop.services.unit_of_work import system_actor
from tests.conftest import WORKSTATION, Team

NEW_PASSWORD = "Nouveau-mot-2026"


def audits(services: Services, action: str) -> list[AuditRecord]:
    with services.db.session(write=False) as session:
        return list(session.scalars(select(AuditRecord).where(AuditRecord.action == action).order_by(AuditRecord.id)))


def usernames(services: Services, team: Team) -> set[str]:
    return {record.username for record in services.staff.list(team.manager)}


def test_a_manager_cannot_create_a_privacy_officer(services: Services, team: Team) -> None:
    with pytest.raises(PermissionDeniedError) as refused:
        services.staff.create(team.manager, "po.deux", "Deuxième Responsable", Role.PRIVACY_OFFICER, NEW_PASSWORD)
    assert refused.value.code == "privacy_officer_accounts"
    assert "Only a privacy officer" in refused.value.message("en")
    assert "po.deux" not in usernames(services, team)
    denial = audits(services, "permission.denied")[-1]
    assert (denial.staff_id, denial.entity_type, denial.entity_id, denial.detail) == (
        team.manager.staff_id, "staff", "po.deux", "privacy_officer_account",
    )
    # Other roles stay the manager's to create.
    assert services.staff.create(team.manager, "gestion.deux", "Gestion Deux", Role.MANAGER, NEW_PASSWORD).active


def test_a_privacy_officer_creates_a_privacy_officer(services: Services, team: Team) -> None:
    record = services.staff.create(
        team.privacy_officer, "po.deux", "Deuxième Responsable", Role.PRIVACY_OFFICER, NEW_PASSWORD
    )
    assert record.role == Role.PRIVACY_OFFICER
    assert audits(services, "staff.create")[-1].detail == "role=privacy_officer"


def test_a_manager_cannot_reset_a_privacy_officers_password(services: Services, team: Team) -> None:
    with pytest.raises(PermissionDeniedError) as refused:
        services.staff.reset_password(team.manager, team.privacy_officer.staff_id, NEW_PASSWORD)
    assert refused.value.code == "privacy_officer_accounts"
    with pytest.raises(AuthenticationError):
        services.staff.authenticate("vie.privee", NEW_PASSWORD, WORKSTATION)
    services.staff.reset_password(team.privacy_officer, team.privacy_officer.staff_id, NEW_PASSWORD)
    assert services.staff.authenticate("vie.privee", NEW_PASSWORD, WORKSTATION).role == Role.PRIVACY_OFFICER
    # A manager still resets a receptionist's password.
    services.staff.reset_password(team.manager, team.receptionist.staff_id, NEW_PASSWORD)


def test_a_manager_deactivates_but_cannot_reactivate_a_privacy_officer(services: Services, team: Team) -> None:
    po = team.privacy_officer.staff_id
    assert services.staff.set_active(team.manager, po, False).active is False
    with pytest.raises(PermissionDeniedError) as refused:
        services.staff.set_active(team.manager, po, True)
    assert refused.value.code == "privacy_officer_accounts"
    assert not next(r for r in services.staff.list(team.manager) if r.id == po).active
    # The system account (no one signed in) is the machine-level set-up, as the test template's.
    second = services.staff.create(
        system_actor(WORKSTATION), "po.deux", "Deuxième Responsable", Role.PRIVACY_OFFICER, NEW_PASSWORD
    )
    other = services.staff.authenticate(second.username, NEW_PASSWORD, WORKSTATION)
    assert services.staff.set_active(other, po, True).active is True


def test_a_receptionist_manages_no_account(services: Services, team: Team) -> None:
    with pytest.raises(PermissionDeniedError) as refused:
        services.staff.create(team.receptionist, "julie.roy", "Julie Roy", Role.RECEPTIONIST, NEW_PASSWORD)
    assert refused.value.code == "permission_denied"
    with pytest.raises(PermissionDeniedError):
        services.staff.reset_password(team.receptionist, team.manager.staff_id, NEW_PASSWORD)


def test_recovery_gives_a_manager_a_new_password_and_is_audited(services: Services, team: Team) -> None:
    for _ in range(services.staff.policy.max_failed_attempts):
        with pytest.raises(AuthenticationError):
            services.staff.authenticate("gestion", "forgotten-1234", WORKSTATION)
    record = services.staff.recover_password(WORKSTATION, " Gestion ", NEW_PASSWORD)
    assert (record.username, record.role) == ("gestion", Role.MANAGER)
    # The lock-out is lifted too.
    assert services.staff.authenticate("gestion", NEW_PASSWORD, WORKSTATION).staff_id == team.manager.staff_id
    (recovery,) = audits(services, "staff.password_recovery")
    assert recovery.staff_id is None and recovery.username == "system"
    assert (recovery.workstation, recovery.entity_id) == (WORKSTATION, str(team.manager.staff_id))
    expected = "database_file" if services.db.dialect == "sqlite" else "superuser"
    assert recovery.detail.startswith(f"role=manager; access={expected}; os_user=")


def test_recovery_is_for_manager_and_privacy_officer_accounts_only(services: Services, team: Team) -> None:
    with pytest.raises(PermissionDeniedError) as refused:
        services.staff.recover_password(WORKSTATION, "accueil", NEW_PASSWORD)
    assert refused.value.code == "recovery_roles"
    with pytest.raises(NotFoundError):
        services.staff.recover_password(WORKSTATION, "personne", NEW_PASSWORD)
    assert services.staff.recover_password(WORKSTATION, "vie.privee", NEW_PASSWORD).role == Role.PRIVACY_OFFICER
    assert audits(services, "staff.password_reset") == []


def test_recovery_without_direct_access_is_refused_and_audited(
    services: Services, team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(services.staff, "_direct_access", lambda: None)
    with pytest.raises(PermissionDeniedError) as refused:
        services.staff.recover_password(WORKSTATION, "gestion", NEW_PASSWORD)
    assert refused.value.code == "recovery_access"
    assert audits(services, "staff.password_recovery") == []
    denial = audits(services, "permission.denied")[-1]
    assert (denial.entity_id, denial.detail) == ("gestion", "password_recovery")
    with pytest.raises(AuthenticationError):
        services.staff.authenticate("gestion", NEW_PASSWORD, WORKSTATION)
