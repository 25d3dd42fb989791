"""Staff accounts: usernames, password policy, argon2id hashes, authentication and lock-out."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.db.models import AuditRecord, Staff
from desktop.domain.enums import Role
from desktop.domain.errors import (
    AccountLockedError,
    AuthenticationError,
    ConflictError,
    PermissionDeniedError,
    ValidationError,
)
from desktop.services import Services
from desktop.services.unit_of_work import system_actor
from tests.conftest import TEST_PASSWORD, WORKSTATION

PASSWORD = "Clinique-2026-sûre"


def audit_actions(services: Services, username: str) -> list[str]:
    with services.db.session(write=False) as session:
        return list(
            session.scalars(select(AuditRecord.action).where(AuditRecord.username == username).order_by(AuditRecord.id))
        )


def test_create_and_authenticate(services: Services, team) -> None:
    record = services.staff.create(team.manager, "  Julie.Tremblay ", "Julie Tremblay", Role.RECEPTIONIST, PASSWORD)
    assert (record.username, record.full_name, record.role, record.active) == (
        "julie.tremblay",
        "Julie Tremblay",
        Role.RECEPTIONIST,
        True,
    )
    assert "julie.tremblay" in [s.username for s in services.staff.list(team.manager)]
    actor = services.staff.authenticate("JULIE.TREMBLAY", PASSWORD, "poste-3")
    assert (actor.staff_id, actor.username, actor.role, actor.workstation) == (
        record.id,
        "julie.tremblay",
        Role.RECEPTIONIST,
        "poste-3",
    )
    assert audit_actions(services, "julie.tremblay") == ["login.success"]


INVALID_USERNAMES = ["ab", "julie tremblay", "-julie", ".julie", "julie@clinique", "josée", "x" * 65, ""]
WEAK_PASSWORDS = ["court-1", "seulementdeslettres", "12345678901234", "julie.tremblay", "Julie.Tremblay", "Clinique-2026\x00x"]


def test_username_rules(services: Services) -> None:
    admin = system_actor(WORKSTATION)
    for username in INVALID_USERNAMES:
        with pytest.raises(ValidationError) as caught:
            services.staff.create(admin, username, "Julie", Role.RECEPTIONIST, PASSWORD)
        assert caught.value.for_field("username").code == "invalid_username", username
    for username in ["abc", "j.tremblay-2", "x" * 64, "0julie_t"]:
        assert services.staff.create(admin, username, "Julie", Role.RECEPTIONIST, PASSWORD).username == username


def test_username_taken(services: Services) -> None:
    with pytest.raises(ValidationError) as caught:
        services.staff.create(system_actor(WORKSTATION), "Accueil", "Autre", Role.RECEPTIONIST, PASSWORD)
    assert caught.value.for_field("username").code == "username_taken"


def test_password_policy(services: Services) -> None:
    admin = system_actor(WORKSTATION)
    for password in WEAK_PASSWORDS:
        with pytest.raises(ValidationError) as caught:
            services.staff.create(admin, "julie.tremblay", "Julie", Role.RECEPTIONIST, password)
        error = caught.value.for_field("password")
        assert error is not None and error.code == "weak_password", password
        assert "10" in error.message("fr") and "10" in error.message("en")
        assert error.message("fr") != error.message("en")
    assert "julie.tremblay" not in [s.username for s in services.staff.list(admin)]


def test_password_equal_to_the_username_is_refused(services: Services) -> None:
    with pytest.raises(ValidationError):
        services.staff.create(system_actor(WORKSTATION), "tremblay2026", "Julie", Role.RECEPTIONIST, "Tremblay2026")


def test_wrong_password_and_unknown_user_look_the_same(services: Services) -> None:
    with pytest.raises(AuthenticationError) as wrong:
        services.staff.authenticate("accueil", "Pas-le-bon-2026", WORKSTATION)
    with pytest.raises(AuthenticationError) as unknown:
        services.staff.authenticate("personne", "Pas-le-bon-2026", WORKSTATION)
    assert type(wrong.value) is type(unknown.value) is AuthenticationError
    assert wrong.value.message("fr") == unknown.value.message("fr")
    assert audit_actions(services, "personne") == ["login.failure"]


def test_five_failures_lock_the_account_for_fifteen_minutes(services: Services, clock) -> None:
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            services.staff.authenticate("accueil", "Mauvais-2026", WORKSTATION)
    with pytest.raises(AccountLockedError) as caught:
        services.staff.authenticate("accueil", TEST_PASSWORD, WORKSTATION)
    assert caught.value.message("fr") != caught.value.message("en")
    clock.advance(minutes=14, seconds=59)
    with pytest.raises(AccountLockedError):
        services.staff.authenticate("accueil", TEST_PASSWORD, WORKSTATION)
    clock.advance(seconds=1)
    assert services.staff.authenticate("accueil", TEST_PASSWORD, WORKSTATION).username == "accueil"
    assert audit_actions(services, "accueil")[-8:] == [
        *["login.failure"] * 4,
        "login.lockout",
        "login.locked",
        "login.locked",
        "login.success",
    ]


def test_a_success_resets_the_failure_count(services: Services) -> None:
    for _ in range(4):
        with pytest.raises(AuthenticationError):
            services.staff.authenticate("accueil", "Mauvais-2026", WORKSTATION)
    services.staff.authenticate("accueil", TEST_PASSWORD, WORKSTATION)
    for _ in range(4):
        with pytest.raises(AuthenticationError):
            services.staff.authenticate("accueil", "Mauvais-2026", WORKSTATION)
    assert services.staff.authenticate("accueil", TEST_PASSWORD, WORKSTATION).username == "accueil"


def test_inactive_account_is_refused(services: Services, team) -> None:
    receptionist = team.receptionist
    services.staff.set_active(team.manager, receptionist.staff_id, False)
    with pytest.raises(AuthenticationError) as caught:
        services.staff.authenticate("accueil", TEST_PASSWORD, WORKSTATION)
    assert caught.value.code == "account_inactive"
    # A session opened before the account was disabled can do nothing more.
    with pytest.raises(PermissionDeniedError):
        services.clients.search(receptionist, "cote")
    services.staff.set_active(team.manager, receptionist.staff_id, True)
    assert services.staff.authenticate("accueil", TEST_PASSWORD, WORKSTATION).role == Role.RECEPTIONIST


def test_passwords_are_argon2id_and_never_stored_in_clear(services: Services, team) -> None:
    services.staff.create(team.manager, "julie.tremblay", "Julie Tremblay", Role.RECEPTIONIST, PASSWORD)
    services.staff.authenticate("julie.tremblay", PASSWORD, WORKSTATION)
    with pytest.raises(AuthenticationError):
        services.staff.authenticate("julie.tremblay", PASSWORD + "x", WORKSTATION)
    new_password = "Nouveau-mot-2027"
    services.staff.reset_password(team.manager, team.receptionist.staff_id, new_password)

    with services.db.session(write=False) as session:
        hashes = list(session.scalars(select(Staff.password_hash)))
        staff_rows = [tuple(map(str, row)) for row in session.execute(select(*Staff.__table__.columns))]
        audit_rows = [tuple(map(str, row)) for row in session.execute(select(*AuditRecord.__table__.columns))]
    assert hashes and all(h.startswith("$argon2id$") for h in hashes)
    for secret in (PASSWORD, PASSWORD + "x", new_password, TEST_PASSWORD):
        assert not any(secret in value for row in staff_rows + audit_rows for value in row)
    if services.db.dialect == "sqlite":
        path = Path(services.db.engine.url.database)
        stored = b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
        for secret in (PASSWORD, new_password, TEST_PASSWORD):
            assert secret.encode() not in stored


def test_reset_and_change_password(services: Services, team) -> None:
    services.staff.reset_password(team.manager, team.receptionist.staff_id, "Reinitialise-2026")
    actor = services.staff.authenticate("accueil", "Reinitialise-2026", WORKSTATION)
    with pytest.raises(ValidationError):
        services.staff.change_own_password(actor, "pas-le-bon-1", "Nouveau-mot-2027")
    with pytest.raises(ValidationError) as caught:
        services.staff.change_own_password(actor, "Reinitialise-2026", "faible")
    assert caught.value.for_field("password").code == "weak_password"
    services.staff.change_own_password(actor, "Reinitialise-2026", "Nouveau-mot-2027")
    with pytest.raises(AuthenticationError):
        services.staff.authenticate("accueil", "Reinitialise-2026", WORKSTATION)
    assert services.staff.authenticate("accueil", "Nouveau-mot-2027", WORKSTATION).username == "accueil"


def test_a_reset_unlocks_the_account(services: Services, team, clock) -> None:
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            services.staff.authenticate("accueil", "Mauvais-2026", WORKSTATION)
    services.staff.reset_password(team.manager, team.receptionist.staff_id, "Reinitialise-2026")
    assert services.staff.authenticate("accueil", "Reinitialise-2026", WORKSTATION).username == "accueil"


def test_first_manager_only_on_an_empty_database(services: Services) -> None:
    assert services.staff.has_accounts()
    with pytest.raises(ConflictError):
        services.staff.create_first_manager(WORKSTATION, "patron", "Patron", "Patron-2026-ok")


def test_lockout_settings_come_from_the_login_policy(services: Services, clock) -> None:
    policy = services.staff.policy
    assert (policy.max_failed_attempts, policy.lockout, policy.min_password_length) == (
        5,
        timedelta(minutes=15),
        10,
    )
