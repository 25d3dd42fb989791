"""Migration 0012 gives the files already there their sort keys, on both databases, and goes back down."""

from __future__ import annotations

from datetime import date

from alembic import command
from sqlalchemy import inspect, select

from desktop.db.engine import create_database_engine
from desktop.db.migrate import alembic_config
from desktop.db.models import Client, ClientSearchKey
from desktop.domain.normalize import sort_key
from desktop.domain.records import ClientDraft
from desktop.services import Services

PEOPLE = [("Côté", "Zoé"), ("O'Brien", "Seán"), ("Nguyễn", "Thị Mai"), ("Bélanger-Roy", "Élodie")]


def test_the_files_already_there_get_their_sort_keys(
    services: Services, receptionist, database_url: str
) -> None:
    ids = [
        services.clients.create(
            receptionist, ClientDraft(last, first, date(1980, 1, 1 + n), phone="418-555-0100")
        ).id
        for n, (last, first) in enumerate(PEOPLE)
    ]
    services.db.engine.dispose()
    engine = create_database_engine(database_url)
    try:
        config = alembic_config(engine)
        command.downgrade(config, "0011")
        assert "sort_key" not in {c["name"] for c in inspect(engine).get_columns("clients")}
        command.upgrade(config, "head")
        with engine.connect() as connection:
            stored = dict(
                connection.execute(select(Client.id, Client.sort_key).where(Client.id.in_(ids))).all()
            )
            keys = connection.execute(
                select(ClientSearchKey.client_id, ClientSearchKey.sort_key).where(
                    ClientSearchKey.client_id.in_(ids)
                )
            ).all()
    finally:
        engine.dispose()
    assert stored == {i: sort_key(last, first) for i, (last, first) in zip(ids, PEOPLE, strict=True)}
    assert len(keys) > len(ids) and all(order == stored[client] for client, order in keys)
    by_order = sorted(zip(ids, PEOPLE, strict=True), key=lambda pair: stored[pair[0]])
    assert [last for _id, (last, _first) in by_order] == ["Bélanger-Roy", "Côté", "Nguyễn", "O'Brien"]
