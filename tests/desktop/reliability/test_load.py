"""Eight processes writing at once, against one SQLite file and against PostgreSQL: every booking a
writer was told is saved is there exactly once, no lock error reaches a person, the chain holds."""

from __future__ import annotations

import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor

import pytest

from desktop.maintenance.integrity import check_database
from tests.conftest import TEST_PASSWORD
from tests.desktop.reliability.helpers import appointment_counts, make_clients
from tests.desktop.reliability.workload import WriterReport, book_many

pytestmark = pytest.mark.slow

PROCESSES = 8
WRITES_PER_PROCESS = 500
CLIENTS_PER_PROCESS = 3


def test_eight_writers_lose_and_double_nothing(services, receptionist, database_url):
    clients = make_clients(services, receptionist, PROCESSES * CLIENTS_PER_PROCESS)
    started = time.monotonic()
    with ProcessPoolExecutor(PROCESSES, mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = [
            pool.submit(
                book_many,
                database_url,
                "accueil",
                TEST_PASSWORD,
                clients[n * CLIENTS_PER_PROCESS : (n + 1) * CLIENTS_PER_PROCESS],
                WRITES_PER_PROCESS,
            )
            for n in range(PROCESSES)
        ]
        reports: list[WriterReport] = [f.result(timeout=900) for f in futures]
    elapsed = time.monotonic() - started

    assert [r.errors for r in reports] == [[]] * PROCESSES
    assert sum(r.busy for r in reports) == 0, "a lock error reached the person"
    committed = [uid for r in reports for uid in r.committed]
    assert len(committed) == PROCESSES * WRITES_PER_PROCESS
    assert len(set(committed)) == len(committed)

    counts, consent_events = appointment_counts(services, committed)
    assert len(counts) == len(committed), "a committed booking is missing"
    assert set(counts.values()) == {1}
    assert consent_events == len(committed), "each booking flips one consent cell: one event each"

    report = check_database(services.db.engine)
    assert report.ok, report.lines()
    print(f"{len(committed)} bookings by {PROCESSES} processes in {elapsed:.1f} s")
