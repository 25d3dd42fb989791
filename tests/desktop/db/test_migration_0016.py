"""Migration 0016 on a database in use: every name token's first one and two letters become start keys,
the same as a file saved afterwards gets, and a search by a first letter or two finds the files made
before it (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date

from alembic import command
from sqlalchemy import select

from desktop.db.migrate import alembic_config, upgrade_to_head
from desktop.db.models import ClientSearchKey
from desktop.domain.records import ClientDraft
from desktop.services import Services
from desktop.services.search_keys import START


def start_keys(services: Services, client_id: int) -> set[str]:
    with services.db.engine.connect() as connection:
        rows = connection.execute(
            select(ClientSearchKey.key).where(
                ClientSearchKey.client_id == client_id, ClientSearchKey.kind == START
            )
        )
        return {key for (key,) in rows}


def test_start_keys_are_made_from_the_stored_name_keys(services: Services, receptionist) -> None:
    sean = services.clients.create(receptionist, ClientDraft("O'Brien", "Seán", date(1980, 4, 12))).id
    mai = services.clients.create(receptionist, ClientDraft("Nguyễn", "Thị Mai", date(1992, 7, 1))).id
    saved_with = {sean: start_keys(services, sean), mai: start_keys(services, mai)}
    assert saved_with[sean] == {"o", "ob", "b", "br", "s", "se"}
    engine = services.db.engine
    command.downgrade(alembic_config(engine), "0015")
    assert start_keys(services, sean) == set()

    upgrade_to_head(engine)
    assert {sean: start_keys(services, sean), mai: start_keys(services, mai)} == saved_with
    assert [c.id for c in services.clients.search(receptionist, "t m")] == [mai]
    assert [c.id for c in services.clients.search(receptionist, "ob")] == [sean]
