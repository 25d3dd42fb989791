"""A database whose storage refuses a write (its disk full) is named for the person by the service
itself, so the window says it in their language, never SQLite's "database or disk is full"."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from sqlalchemy import event

from desktop.domain.enums import Language
from desktop.domain.errors import FrontDeskError
from desktop.domain.records import Actor, ClientDraft
from desktop.services import Services


def fill_the_file(services: Services) -> None:
    """Every connection from now on may not grow the file by one page: SQLite answers SQLITE_FULL,
    as it does on a full disk."""
    engine = services.db.engine
    with engine.connect() as connection:
        pages: int = connection.exec_driver_sql("PRAGMA page_count").scalar_one()

    @event.listens_for(engine, "connect")
    def _cap(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    engine.dispose()


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_full_database_disk_is_named_by_the_service(services: Services, receptionist: Actor) -> None:
    fill_the_file(services)
    with pytest.raises(FrontDeskError) as refused:
        for number in range(2000):  # until a page is needed that the file may not have
            services.clients.create(
                receptionist,
                ClientDraft("Côté", f"Zoé {number:04d}", date(1980, 4, 12)),
                confirm_duplicate=True,
            )

    assert refused.value.code == "database_disk_full"
    shown = services.db.engine.url.database
    assert refused.value.message(Language.FR) == (
        f"Le disque de la base de données {shown} est plein : rien n'a été enregistré. "
        "Libérez de l'espace, puis réessayez."
    )
    assert refused.value.message(Language.EN).startswith(f"The disk of the database {shown} is full")
