"""Migration 0013 on a database in use: the current-consent table is filled from the consent ledger,
each cell with its latest event, and db check finds it as the ledger says (SQLite and PostgreSQL)."""

from __future__ import annotations

from alembic import command
from click.testing import CliRunner
from sqlalchemy import inspect, select

from desktop.cli import cli
from desktop.db.migrate import alembic_config, current_revision, head_revision
from desktop.db.models import CurrentConsent
from desktop.domain.enums import Channel, ConsentAction, Interaction, Language, Purpose
from desktop.domain.records import ConsentCapture, ConsentChange
from desktop.services import Services
from tests.support.documents import new_client


def test_the_current_consent_of_every_cell_is_filled_from_the_ledger(services: Services, team, database_url):
    reception = team.receptionist
    client = new_client(services, reception, "Registre", "Rémi")
    for granted in (True, False, True):
        change = ConsentChange(Purpose.NEWSLETTERS, Channel.EMAIL, granted)
        services.consent.record(
            reception, client.id, ConsentCapture((change,), Interaction.PHONE, Language.FR)
        )
    refusal = ConsentChange(Purpose.FEEDBACK, Channel.SMS, False, declined=True)
    services.consent.record(reception, client.id, ConsentCapture((refusal,), Interaction.PHONE, Language.FR))
    engine = services.db.engine
    command.downgrade(alembic_config(engine), "0012")
    assert not inspect(engine).has_table("current_consent")
    engine.dispose()

    result = CliRunner().invoke(cli, ["--database", database_url, "db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert current_revision(engine) == head_revision(engine)
    with engine.connect() as connection:
        cells = connection.execute(
            select(CurrentConsent.purpose, CurrentConsent.channel, CurrentConsent.action).where(
                CurrentConsent.client_id == client.id
            )
        ).all()
    engine.dispose()
    assert set(cells) == {
        (Purpose.NEWSLETTERS, Channel.EMAIL, ConsentAction.GRANTED),
        (Purpose.FEEDBACK, Channel.SMS, ConsentAction.DECLINED),
    }
    checked = CliRunner().invoke(cli, ["--database", database_url, "db", "check"])
    assert "[ok] current consent: 2 current-consent cells" in checked.output, checked.output
