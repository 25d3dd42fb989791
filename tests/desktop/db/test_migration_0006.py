"""Migration 0006 on a ledger in use: the representative's columns come and go natively, the consent
events already recorded are kept as they were (null: the client answered) and the append-only triggers
still guard them (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date

import pytest
from alembic import command
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from desktop.db.migrate import alembic_config, current_revision, head_revision, upgrade_to_head
from desktop.domain.enums import Channel, Interaction, Language, Purpose, SignerCapacity
from desktop.domain.records import ConsentCapture, ConsentChange, Representative
from desktop.services import Services
from tests.desktop.db.test_migrations import triggers
from tests.support.documents import new_client

COLUMNS = {"representative_name", "representative_capacity"}


def event_rows(services: Services) -> list[tuple[object, ...]]:
    with services.db.engine.connect() as connection:
        return [tuple(r) for r in connection.execute(text("SELECT id, uid, action, method FROM consent_events"))]


def refuses_update(services: Services) -> bool:
    try:
        with services.db.engine.begin() as connection:
            connection.execute(text("UPDATE consent_events SET method = 'email'"))
    except DBAPIError:
        return True
    return False


def test_the_representative_columns_come_and_go_with_the_events_kept(services: Services, receptionist) -> None:
    child = new_client(services, receptionist, "Tremblay", "Léo", date_of_birth=date(2015, 5, 1))
    capture = ConsentCapture(
        (ConsentChange(Purpose.APPOINTMENT_REMINDERS, Channel.SMS, True),),
        Interaction.PHONE,
        Language.FR,
        representative=Representative("Julie Tremblay", SignerCapacity.PARENT),
    )
    services.consent.record(receptionist, child.id, capture)
    engine = services.db.engine
    before, guarded = event_rows(services), triggers(engine)["consent_events"]

    command.downgrade(alembic_config(engine), "0005")
    assert not COLUMNS & {c["name"] for c in inspect(engine).get_columns("consent_events")}
    assert event_rows(services) == before and triggers(engine)["consent_events"] == guarded
    assert refuses_update(services)

    upgrade_to_head(engine)
    assert current_revision(engine) == head_revision(engine)
    assert event_rows(services) == before and triggers(engine)["consent_events"] == guarded
    assert refuses_update(services)
    [event] = services.consent.history(receptionist, child.id)
    assert (event.representative_name, event.representative_capacity) == (None, None)


@pytest.fixture(autouse=True)
def _no_pool_between_revisions(services: Services):  # type: ignore[no-untyped-def]
    """Connections opened at one revision are not reused at the other (PostgreSQL caches plans)."""
    yield
    services.db.engine.dispose()
