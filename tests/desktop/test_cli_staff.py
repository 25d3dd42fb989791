"""``frontdesk user …`` on a database with accounts (SQLite file and PostgreSQL): a manager or privacy
officer signs in for every command; the first account of an empty database is a manager; the recovery
of a lost last-manager password needs direct access to the database and is audited."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner, Result
from sqlalchemy import select
from sqlalchemy.engine import make_url

from desktop.app import open_services
from desktop.cli import cli
from desktop.db.engine import display_url, sqlite_url
from desktop.db.models import AuditRecord, Staff
from desktop.demo_clinic import set_up_demo_clinic
from desktop.domain.enums import Role
from desktop.domain.errors import AuthenticationError
from desktop.domain.messages import Subjects, message, role_name
from desktop.domain.records import Actor
from tests.conftest import STAFF, TEST_PASSWORD, WORKSTATION

NEW_PASSWORD = "Nouveau-mot-2026"
_roles = itertools.count()


def run(url: str, *args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, ["--database", url, *args], input=input, catch_exceptions=False)


def says(result: Result, code: str, **params: object) -> bool:
    """The command failed with this message, in French or in English, and no traceback."""
    return (
        result.exit_code != 0
        and "Traceback" not in result.output
        and any(message(code, lang, **params) in result.output for lang in ("fr", "en"))
    )


def signs_in(url: str, username: str, password: str) -> Actor | None:
    services = open_services(url, migrate=False)
    try:
        return services.staff.authenticate(username, password, WORKSTATION)
    except AuthenticationError:
        return None
    finally:
        services.close()


def accounts(url: str) -> dict[str, tuple[Role, bool]]:
    services = open_services(url, migrate=False)
    try:
        with services.db.session(write=False) as session:
            return {s.username: (s.role, s.active) for s in session.scalars(select(Staff))}
    finally:
        services.close()


def audits(url: str, action: str) -> list[AuditRecord]:
    services = open_services(url, migrate=False)
    try:
        with services.db.session(write=False) as session:
            return list(session.scalars(select(AuditRecord).where(AuditRecord.action == action)))
    finally:
        services.close()


def test_user_add_without_a_managers_password_fails_with_a_clear_message(database_url: str) -> None:
    result = run(database_url, "user", "add", "julie.roy", "--role", "receptionist", input=f"{NEW_PASSWORD}\n")
    assert says(result, "sign_in_required"), result.output
    assert "--user" in result.output
    assert "julie.roy" not in accounts(database_url)
    wrong = run(
        database_url, "user", "add", "julie.roy", "--role", "receptionist", "--user", "gestion",
        input=f"not-the-password-1\n{NEW_PASSWORD}\n",
    )
    assert says(wrong, "bad_credentials"), wrong.output
    assert "julie.roy" not in accounts(database_url)


def test_a_manager_adds_an_account(database_url: str) -> None:
    result = run(
        database_url, "user", "add", "Julie.Roy", "--role", "receptionist", "--full-name", "Julie Roy",
        "--user", "gestion", input=f"{TEST_PASSWORD}\n{NEW_PASSWORD}\n",
    )
    assert result.exit_code == 0, result.output
    assert "created julie.roy (receptionist)" in result.output
    actor = signs_in(database_url, "julie.roy", NEW_PASSWORD)
    assert actor is not None and (actor.role, actor.full_name) == (Role.RECEPTIONIST, "Julie Roy")
    (created,) = [a for a in audits(database_url, "staff.create") if a.entity_id == str(actor.staff_id)]
    assert created.username == "gestion"


def test_a_receptionist_is_refused(database_url: str) -> None:
    for args, stdin in (
        (("add", "julie.roy", "--role", "receptionist"), f"{TEST_PASSWORD}\n{NEW_PASSWORD}\n"),
        (("list",), f"{TEST_PASSWORD}\n"),
        (("deactivate", "gestion"), f"{TEST_PASSWORD}\n"),
        (("reset-password", "gestion"), f"{TEST_PASSWORD}\n{NEW_PASSWORD}\n"),
    ):
        result = run(database_url, "user", *args, "--user", "accueil", input=stdin)
        assert says(result, "permission_denied", role=role_name(Role.RECEPTIONIST)), result.output
    assert set(accounts(database_url)) == set(STAFF)
    assert accounts(database_url)["gestion"] == (Role.MANAGER, True)
    assert signs_in(database_url, "gestion", TEST_PASSWORD) is not None


def test_list_shows_the_accounts(database_url: str) -> None:
    refused = run(database_url, "user", "list")
    assert says(refused, "sign_in_required"), refused.output
    result = run(database_url, "user", "list", "--user", "vie.privee", input=f"{TEST_PASSWORD}\n")
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert [line.split()[:3] for line in lines] == [
        ["accueil", "receptionist", "active"],
        ["gestion", "manager", "active"],
        ["vie.privee", "privacy_officer", "active"],
    ]
    assert "Marc-André O'Brien" in result.output


def test_deactivate_and_reactivate(database_url: str) -> None:
    manager = ("--user", "gestion")
    result = run(database_url, "user", "deactivate", "accueil", *manager, input=f"{TEST_PASSWORD}\n")
    assert result.exit_code == 0 and "deactivated accueil" in result.output, result.output
    assert signs_in(database_url, "accueil", TEST_PASSWORD) is None
    listed = run(database_url, "user", "list", *manager, input=f"{TEST_PASSWORD}\n").output
    assert ["accueil", "receptionist", "disabled"] in [line.split()[:3] for line in listed.splitlines()]
    result = run(database_url, "user", "reactivate", "accueil", *manager, input=f"{TEST_PASSWORD}\n")
    assert result.exit_code == 0 and "reactivated accueil" in result.output, result.output
    assert signs_in(database_url, "accueil", TEST_PASSWORD) is not None
    unknown = run(database_url, "user", "deactivate", "personne", *manager, input=f"{TEST_PASSWORD}\n")
    assert says(unknown, "not_found", what=Subjects.account.filled(username="personne")), unknown.output
    own = run(database_url, "user", "deactivate", "gestion", *manager, input=f"{TEST_PASSWORD}\n")
    assert says(own, "cannot_deactivate_self"), own.output


def test_reset_password(database_url: str) -> None:
    result = run(
        database_url, "user", "reset-password", "accueil", "--user", "gestion",
        input=f"{TEST_PASSWORD}\n{NEW_PASSWORD}\n",
    )
    assert result.exit_code == 0 and "password reset for accueil" in result.output, result.output
    assert signs_in(database_url, "accueil", NEW_PASSWORD) is not None
    weak = run(
        database_url, "user", "reset-password", "accueil", "--user", "gestion", input=f"{TEST_PASSWORD}\nfaible\n"
    )
    assert weak.exit_code != 0 and "Traceback" not in weak.output
    assert any(message("weak_password", lang, min=10) in weak.output for lang in ("fr", "en")), weak.output


def test_a_manager_cannot_create_or_reset_a_privacy_officer(database_url: str) -> None:
    create = ("user", "add", "po.deux", "--role", "privacy_officer")
    result = run(database_url, *create, "--user", "gestion", input=f"{TEST_PASSWORD}\n{NEW_PASSWORD}\n")
    assert says(result, "privacy_officer_accounts"), result.output
    assert "po.deux" not in accounts(database_url)
    reset = run(
        database_url, "user", "reset-password", "vie.privee", "--user", "gestion",
        input=f"{TEST_PASSWORD}\n{NEW_PASSWORD}\n",
    )
    assert says(reset, "privacy_officer_accounts"), reset.output
    assert signs_in(database_url, "vie.privee", NEW_PASSWORD) is None
    # The privacy officer may.
    result = run(database_url, *create, "--user", "vie.privee", input=f"{TEST_PASSWORD}\n{NEW_PASSWORD}\n")
    assert result.exit_code == 0 and "created po.deux (privacy_officer)" in result.output, result.output


def test_recovery_on_the_database_file_is_audited(database_url: str) -> None:
    result = run(database_url, "user", "reset-password", "gestion", "--recovery", input=f"{NEW_PASSWORD}\n")
    assert result.exit_code == 0, result.output
    assert "password recovered for gestion (manager)" in result.output
    assert signs_in(database_url, "gestion", NEW_PASSWORD) is not None
    (recovery,) = audits(database_url, "staff.password_recovery")
    access = "database_file" if database_url.startswith("sqlite") else "superuser"
    assert recovery.detail.startswith(f"role=manager; access={access};")
    assert recovery.staff_id is None

    receptionist = run(database_url, "user", "reset-password", "accueil", "--recovery", input=f"{NEW_PASSWORD}\n")
    assert says(receptionist, "recovery_roles"), receptionist.output
    signed = run(
        database_url, "user", "reset-password", "gestion", "--recovery", "--user", "gestion",
        input=f"{NEW_PASSWORD}\n{TEST_PASSWORD}\n",
    )
    assert signed.exit_code == 2 and "--recovery" in signed.output


def test_recovery_needs_to_read_and_write_the_sqlite_file(
    tmp_path: Path, sqlite_template: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "frontdesk.db"
    path.write_bytes(sqlite_template.read_bytes())
    url = sqlite_url(path)
    real_access = os.access
    monkeypatch.setattr(
        "desktop.services.staff.os.access",
        lambda target, mode: False if Path(target) == path else real_access(target, mode),
    )
    result = run(url, "user", "reset-password", "gestion", "--recovery", input=f"{NEW_PASSWORD}\n")
    assert says(result, "recovery_access", database=display_url(url)), result.output
    assert signs_in(url, "gestion", NEW_PASSWORD) is None
    assert audits(url, "staff.password_recovery") == []


@pytest.fixture
def clerk_url(database_url: str) -> Iterator[str]:
    """The same PostgreSQL database through a role that may read and write its tables but does not own it."""
    if not database_url.startswith("postgresql"):
        pytest.skip("PostgreSQL roles")
    role = f"clerk_{os.getpid()}_{next(_roles)}"
    url = make_url(database_url)
    dsn = f"postgresql://postgres@{url.host}:{url.port}/{url.database}"
    with psycopg.connect(dsn, autocommit=True) as connection:
        connection.execute(f'CREATE ROLE "{role}" LOGIN')
        connection.execute(f'GRANT USAGE ON SCHEMA public TO "{role}"')
        connection.execute(f'GRANT ALL ON ALL TABLES IN SCHEMA public TO "{role}"')
        connection.execute(f'GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO "{role}"')
    yield url.set(username=role).render_as_string(hide_password=False)
    with psycopg.connect(dsn, autocommit=True) as connection:
        connection.execute(f'DROP OWNED BY "{role}"')
    with psycopg.connect(dsn.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        connection.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s", (role,))
        connection.execute(f'DROP ROLE "{role}"')


@pytest.mark.postgresql
def test_recovery_needs_the_database_owner_on_postgresql(clerk_url: str, database_url: str) -> None:
    # The role works the database as the clinic's staff do…
    assert "gestion" in run(clerk_url, "user", "list", "--user", "gestion", input=f"{TEST_PASSWORD}\n").output
    # …but cannot recover an account.
    result = run(clerk_url, "user", "reset-password", "gestion", "--recovery", input=f"{NEW_PASSWORD}\n")
    assert says(result, "recovery_access", database=display_url(clerk_url)), result.output
    assert signs_in(database_url, "gestion", NEW_PASSWORD) is None
    assert audits(database_url, "staff.password_recovery") == []
    assert audits(database_url, "permission.denied")[-1].detail == "password_recovery"


def test_the_first_account_of_an_empty_database_is_a_manager(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "empty" / "frontdesk.db")
    assert "no accounts yet" in run(url, "user", "list").output
    # A new database gets its first manager from the set-up, not from ``user add``.
    refused = run(url, "user", "add", "marie", "--role", "manager", input=f"{NEW_PASSWORD}\n")
    assert says(refused, "not_set_up"), refused.output
    services = open_services(url)
    try:
        set_up_demo_clinic(services, "desk-1")
    finally:
        services.close()
    result = run(url, "user", "add", "accueil", "--role", "receptionist", input=f"{NEW_PASSWORD}\n")
    assert says(result, "first_account_manager"), result.output
    result = run(url, "user", "add", "marie", "--role", "manager", input=f"{NEW_PASSWORD}\n")
    assert result.exit_code == 0 and "created marie (manager)" in result.output, result.output
    again = run(url, "user", "add", "julie.roy", "--role", "manager", input=f"{NEW_PASSWORD}\n")
    assert says(again, "sign_in_required"), again.output


def test_version() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("frontdesk, version ")
