"""A read whose answer is no longer wanted stops when its caller says so, on both databases, and the
connection it ran on serves the next reads normally (no stray cancel lands on someone else's query)."""

from __future__ import annotations

import threading
import time
from datetime import date

import pytest
from sqlalchemy import text

from desktop.domain.errors import QueryInterruptedError
from desktop.domain.records import Actor, ClientDraft
from desktop.services import Services
from desktop.services.interruption import Interruption
from desktop.services.permissions import Permission
from desktop.services.unit_of_work import UnitOfWork, run

# Each takes far longer than the test waits: only an interruption ends it in time.
SLOW_QUERY = {
    "sqlite": "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 2000000000) "
    "SELECT count(*) FROM n",
    "postgresql": "SELECT pg_sleep(60)",
}


def slow_read(services: Services, actor: Actor, interruption: Interruption) -> None:
    dialect = services.db.engine.dialect.name

    def work(uow: UnitOfWork) -> None:
        with interruption.watching(uow.session):
            uow.session.execute(text(SLOW_QUERY[dialect]))

    run(services.db, services.clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)


def test_a_running_read_stops_when_cancelled_and_the_next_reads_work(
    services: Services, receptionist: Actor
) -> None:
    services.clients.create(receptionist, ClientDraft("Côté", "Zoé", date(1980, 4, 12)))
    interruption = Interruption()
    threading.Timer(0.3, interruption.cancel).start()
    started = time.monotonic()
    with pytest.raises(QueryInterruptedError) as stopped:
        slow_read(services, receptionist, interruption)
    assert time.monotonic() - started < 10
    assert "remplacée" in stopped.value.message("fr")
    # The pool's connections, the one that was cancelled among them, answer the next calls.
    for _ in range(5):
        assert [c.first_name for c in services.clients.search(receptionist, "cote")] == ["Zoé"]


def test_a_search_cancelled_before_it_starts_reads_nothing(services: Services, receptionist: Actor) -> None:
    services.clients.create(receptionist, ClientDraft("Côté", "Zoé", date(1980, 4, 12)))
    interruption = Interruption()
    interruption.cancel()
    with pytest.raises(QueryInterruptedError):
        services.clients.search_page(receptionist, "cote", interruption=interruption)
    # A cancel that comes after the answer changes nothing for the next search.
    done = Interruption()
    page = services.clients.search_page(receptionist, "cote", interruption=done)
    done.cancel()
    assert [c.first_name for c in page.records] == ["Zoé"]
    assert [c.first_name for c in services.clients.search(receptionist, "zoe")] == ["Zoé"]
