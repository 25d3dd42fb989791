"""The frontdesk command line on a SQLite file and on PostgreSQL: schema, accounts, demo data."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import text

from desktop.app import open_services
from desktop.cli import cli
from desktop.db.engine import sqlite_url
from desktop.db.migrate import head_revision
from desktop.demo_accounts import DEMO_ACCOUNTS
from desktop.demo_clinic import set_up_demo_clinic
from desktop.domain.enums import Role
from desktop.domain.errors import AuthenticationError
from desktop.domain.messages import message


@pytest.fixture
def empty_url(fresh_url: str) -> str:
    """A set-up database (the demonstration clinic) with no account yet: ``user add`` makes the first."""
    services = open_services(fresh_url)
    try:
        set_up_demo_clinic(services, "desk-1")
    finally:
        services.close()
    return fresh_url


def run(url: str, *args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, ["--database", url, *args], input=input, catch_exceptions=False)


def count(url: str, table: str) -> int:
    services = open_services(url, migrate=False)
    try:
        with services.db.engine.connect() as connection:
            return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar() or 0)  # noqa: S608
    finally:
        services.close()


def test_db_upgrade_creates_the_schema(fresh_url: str) -> None:
    empty_url = fresh_url
    result = run(empty_url, "db", "upgrade")
    assert result.exit_code == 0, result.output
    head = open_services(empty_url, migrate=False)
    try:
        at_head = f"schema at {head_revision(head.db.engine)}"
    finally:
        head.close()
    assert at_head in result.output
    # Nothing made up: the clinic, its policy and its accounts come from the set-up.
    assert count(empty_url, "clinics") == count(empty_url, "policy_versions") == count(empty_url, "staff") == 0
    again = run(empty_url, "db", "upgrade")
    assert again.exit_code == 0 and at_head in again.output
    if empty_url.startswith("sqlite"):
        folder = Path(empty_url.split("///", 1)[1]).parent
        assert not list(folder.glob("*.bak"))  # already at head: nothing copied aside


def test_user_add_reads_the_password_from_standard_input(empty_url: str) -> None:
    result = run(empty_url, "user", "add", "Marie.Gagnon", "--role", "manager", "--full-name", "Marie Gagnon", input="Gestion-2026-ok\n")
    assert result.exit_code == 0, result.output
    assert "created marie.gagnon (manager)" in result.output
    services = open_services(empty_url, migrate=False)
    try:
        actor = services.staff.authenticate("marie.gagnon", "Gestion-2026-ok", "test")
        assert (actor.role, actor.full_name) == (Role.MANAGER, "Marie Gagnon")
        with pytest.raises(AuthenticationError):
            services.staff.authenticate("marie.gagnon", "Gestion-2026-ok\n", "test")
    finally:
        services.close()


def test_a_weak_password_is_refused_with_a_message(empty_url: str) -> None:
    result = run(empty_url, "user", "add", "marie.gagnon", "--role", "manager", input="faible\n")
    assert result.exit_code != 0
    assert any(message("weak_password", lang, min=10) in result.output for lang in ("fr", "en")), result.output
    assert count(empty_url, "staff") == 0


def test_a_taken_username_is_refused(empty_url: str) -> None:
    assert run(empty_url, "user", "add", "gestion", "--role", "manager", input="Gestion-2026-ok\n").exit_code == 0
    # Once an account exists a manager signs in: their password first, then the new account's.
    result = run(
        empty_url, "user", "add", "gestion", "--role", "receptionist", "--user", "gestion",
        input="Gestion-2026-ok\nAutre-2026-ok\n",
    )
    assert result.exit_code != 0
    assert any(message("username_taken", lang) in result.output for lang in ("fr", "en")), result.output
    assert count(empty_url, "staff") == 1


def test_an_unknown_role_is_a_usage_error(empty_url: str) -> None:
    result = run(empty_url, "user", "add", "marie", "--role", "admin", input="Gestion-2026-ok\n")
    assert result.exit_code == 2


def test_demo_data_then_db_upgrade(empty_url: str) -> None:
    result = run(empty_url, "demo-data", "--clients", "1000")
    assert result.exit_code == 0, result.output
    assert "added 1000 demo clients" in result.output
    for account in DEMO_ACCOUNTS:
        assert account.username in result.output
    upgrade = run(empty_url, "db", "upgrade")
    assert upgrade.exit_code == 0, upgrade.output
    assert count(empty_url, "clients") == 1000
    assert count(empty_url, "appointments") == 1000
    assert count(empty_url, "staff") == len(DEMO_ACCOUNTS)
    assert count(empty_url, "consent_events") > 1000
    services = open_services(empty_url, migrate=False)
    try:
        account = DEMO_ACCOUNTS[0]
        actor = services.staff.authenticate(account.username, account.password, "test")
        assert services.clients.search(actor, "cote")
    finally:
        services.close()
    # A second run adds to what is there; file numbers stay unique.
    assert run(empty_url, "demo-data", "--clients", "5", "--seed", "7").exit_code == 0
    assert count(empty_url, "clients") == 1005


def test_without_a_subcommand_the_gui_is_needed(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--database", sqlite_url(tmp_path / "x.db")])
    assert result.exit_code == 2
