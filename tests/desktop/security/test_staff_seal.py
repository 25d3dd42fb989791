"""Every change FrontDesk makes to a staff account is an audit record, so the witness takes it as
FrontDesk's; the same kind of change made around FrontDesk (a name, a role, a password) is reported.
Role and name have no service that changes them: any change to them is made outside FrontDesk."""

from __future__ import annotations

from click.testing import CliRunner
from sqlalchemy import text

from desktop.cli import cli
from desktop.domain.enums import Language, Role
from desktop.seal.staff import SEALED_FIELDS
from tests.conftest import TEST_PASSWORD


def _check(database_url: str):
    return CliRunner().invoke(cli, ["--database", database_url, "db", "check"])


def test_each_change_frontdesk_makes_to_an_account_is_an_event(services, team, database_url):
    staff = services.staff
    created = staff.create(team.manager, "remplacante", "Remplaçante", Role.RECEPTIONIST, TEST_PASSWORD)
    staff.set_active(team.manager, created.id, False)
    staff.set_active(team.manager, created.id, True)
    staff.reset_password(team.manager, team.receptionist.staff_id, "Nouveau-mot-2026")
    staff.change_own_password(team.privacy_officer, TEST_PASSWORD, "Autre-mot-2026")
    staff.set_own_language(team.manager, Language.EN)

    result = _check(database_url)

    assert result.exit_code == 0, result.output
    assert "[ok] witness: database matches 1 witness(es)" in result.output


def test_accounts_changed_around_frontdesk_are_reported(services, team, database_url):
    services.staff.set_own_language(team.manager, Language.EN)  # a write: the witness is up to date
    changes = {
        team.receptionist.staff_id: ("full_name", "Quelqu'un d'autre"),
        team.manager.staff_id: ("role", "privacy_officer"),
        team.privacy_officer.staff_id: ("password_hash", "$argon2id$autre"),
    }
    with services.db.engine.begin() as connection:
        for staff_id, (column, value) in changes.items():
            assert column in SEALED_FIELDS
            connection.execute(
                text(f"UPDATE staff SET {column} = :value WHERE id = :id"),  # noqa: S608 (the test's own names)
                {"value": value, "id": staff_id},
            )

    result = _check(database_url)

    assert result.exit_code == 1, result.output
    for staff_id in changes:
        assert f"staff account id {staff_id} changed outside FrontDesk" in result.output
