"""Migration 0010 on a database in use: the number a file already holds becomes its first phone, of kind
"not specified", its extension kept, and is not texted (SQLite and PostgreSQL)."""

from __future__ import annotations

from alembic import command
from click.testing import CliRunner

from desktop.cli import cli
from desktop.db.migrate import alembic_config, current_revision, head_revision
from desktop.domain.phones import Phone, PhoneKind
from desktop.services import Services
from desktop.services.queries.clients import mobile_number
from tests.support.documents import new_client


def test_the_number_kept_before_becomes_a_phone_of_no_kind(services: Services, team, database_url) -> None:
    reception = team.receptionist
    with_phone = new_client(services, reception, "Poste", "Paula", phone="418 555-0123, poste 12")
    without = new_client(services, reception, "Sans", "Numéro")
    engine = services.db.engine
    # At 0009 a file holds one number (clients.phone and its extension), nothing else.
    command.downgrade(alembic_config(engine), "0009")
    engine.dispose()

    result = CliRunner().invoke(cli, ["--database", database_url, "db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert current_revision(engine) == head_revision(engine)
    engine.dispose()

    assert services.clients.get(reception, with_phone.id).phones == (
        Phone("+14185550123", PhoneKind.UNSPECIFIED, "12"),
    )
    assert services.clients.get(reception, without.id).phones == ()
    with services.db.session(write=False) as session:
        assert mobile_number(session, with_phone.id) is None
