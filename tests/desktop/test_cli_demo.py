"""``frontdesk demo-data`` on SQLite and PostgreSQL: a database holding people's records is refused
unless ``--into-existing`` is given and confirmed, and no demo account is made where people have one."""

from __future__ import annotations

from datetime import date

from click.testing import CliRunner, Result
from sqlalchemy import text

from desktop.app import open_services
from desktop.cli import cli
from desktop.demo_accounts import DEMO_ACCOUNTS
from desktop.demo_clinic import set_up_demo_clinic
from desktop.domain.enums import Role
from desktop.domain.messages import message
from desktop.domain.records import ClientDraft
from desktop.services.unit_of_work import system_actor

PERSON = "marie.gagnon"


def run(url: str, *args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(
        cli, ["--database", url, "demo-data", *args], input=input, catch_exceptions=False
    )


def count(url: str, table: str, where: str = "") -> int:
    services = open_services(url, migrate=False)
    try:
        with services.db.engine.connect() as connection:
            query = f"SELECT count(*) FROM {table} {where}"  # noqa: S608
            return int(connection.execute(text(query)).scalar() or 0)
    finally:
        services.close()


def add_person(url: str) -> None:
    """A person's account, as the first-run set-up makes it."""
    services = open_services(url)
    try:
        set_up_demo_clinic(services, "desk-1")
        services.staff.create(system_actor("desk-1"), PERSON, "Marie Gagnon", Role.MANAGER, "Gestion-2026-ok")
    finally:
        services.close()


def says(result: Result, code: str, **params: object) -> bool:
    return any(message(code, lang, **params) in result.output for lang in ("fr", "en"))


def test_a_fresh_database_takes_the_demo_and_its_accounts(fresh_url: str) -> None:
    first = run(fresh_url, "--clients", "30")
    assert first.exit_code == 0, first.output
    assert "added 30 demo clients" in first.output
    assert all(account.username in first.output for account in DEMO_ACCOUNTS)
    # Only the demo's records there: a second run needs no flag.
    again = run(fresh_url, "--clients", "5", "--seed", "7")
    assert again.exit_code == 0, again.output
    assert count(fresh_url, "clients", "WHERE demo") == 35
    assert count(fresh_url, "staff") == count(fresh_url, "staff", "WHERE demo") == len(DEMO_ACCOUNTS)


def test_peoples_records_are_refused_with_a_message(fresh_url: str) -> None:
    add_person(fresh_url)
    refused = run(fresh_url, "--clients", "10")
    assert refused.exit_code == 1
    assert says(refused, "demo_into_real_data", clients=0, accounts=1, others=0), refused.output
    assert count(fresh_url, "clients") == 0 and count(fresh_url, "staff") == 1


def test_into_existing_asks_and_a_no_adds_nothing(fresh_url: str) -> None:
    add_person(fresh_url)
    declined = run(fresh_url, "--clients", "10", "--into-existing", input="n\n")
    assert declined.exit_code == 1
    assert says(declined, "demo_not_confirmed"), declined.output
    assert PERSON in declined.output  # the account the demo files would be entered under, named first
    assert count(fresh_url, "clients") == 0
    silent = run(fresh_url, "--clients", "10", "--into-existing", input="")  # a script without --yes
    assert silent.exit_code == 1 and says(silent, "demo_not_confirmed")
    assert count(fresh_url, "clients") == 0


def test_into_existing_confirmed_adds_demo_clients_but_no_demo_account(fresh_url: str) -> None:
    add_person(fresh_url)
    confirmed = run(fresh_url, "--clients", "10", "--into-existing", input="y\n")
    assert confirmed.exit_code == 0, confirmed.output
    assert "added 10 demo clients" in confirmed.output
    assert f"entered under {PERSON}" in confirmed.output
    assert not any(account.password in confirmed.output for account in DEMO_ACCOUNTS)
    scripted = run(fresh_url, "--clients", "5", "--seed", "7", "--into-existing", "--yes")
    assert scripted.exit_code == 0, scripted.output
    assert count(fresh_url, "clients") == count(fresh_url, "clients", "WHERE demo") == 15
    assert count(fresh_url, "staff") == 1 and count(fresh_url, "staff", "WHERE demo") == 0


def test_a_client_file_made_by_a_person_in_a_demo_database_counts(fresh_url: str) -> None:
    assert run(fresh_url, "--clients", "5").exit_code == 0
    services = open_services(fresh_url, migrate=False)
    try:
        account = DEMO_ACCOUNTS[0]
        desk = services.staff.authenticate(account.username, account.password, "desk-1")
        services.clients.create(desk, ClientDraft("Gauthier", "Éloïse", date(1987, 3, 14)))
    finally:
        services.close()
    refused = run(fresh_url, "--clients", "5")
    assert refused.exit_code == 1
    assert says(refused, "demo_into_real_data", clients=1, accounts=0, others=0), refused.output
    # Confirmed, it adds beside it and keeps using the demo's accounts (no person has one).
    added = run(fresh_url, "--clients", "5", "--into-existing", "--yes")
    assert added.exit_code == 0, added.output
    assert all(account.username in added.output for account in DEMO_ACCOUNTS)
    assert count(fresh_url, "clients") == 11 and count(fresh_url, "clients", "WHERE NOT demo") == 1
