"""A writer killed with SIGKILL at random moments, fifty times: the database stays sound, every booking
the writer reported as saved is there, and the audit chain holds."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import uuid

import pytest

from desktop.maintenance.audit_verify import verify_audit_chain
from desktop.maintenance.integrity import check_database
from desktop.maintenance.sqlite_file import sqlite_path
from tests.conftest import TEST_PASSWORD
from tests.desktop.reliability.helpers import REPO_ROOT, appointment_counts, make_clients

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")]

KILLS = 50
READY_TIMEOUT = 60


def _start_writer(url: str, clients: list[int], errors_path) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.desktop.reliability.workload",
            "--url",
            url,
            "--user",
            "accueil",
            "--clients",
            ",".join(map(str, clients)),
        ],
        cwd=REPO_ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=errors_path.open("ab"),
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert process.stdin is not None
    process.stdin.write(TEST_PASSWORD + "\n")
    process.stdin.close()
    return process


def _sqlite_integrity(path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute("PRAGMA integrity_check")]
    finally:
        connection.close()


def test_killed_writers_never_lose_a_reported_booking(services, receptionist, database_url, tmp_path):
    clients = make_clients(services, receptionist, 3, prefix="Kill")
    path = sqlite_path(database_url)
    rng = random.Random(20261124)
    errors_path = tmp_path / "writer-stderr.txt"
    reported: list[str] = []
    started = time.monotonic()
    for round_number in range(KILLS):
        writer = _start_writer(database_url, clients, errors_path)
        watchdog = threading.Timer(READY_TIMEOUT, writer.kill)
        watchdog.start()
        try:
            assert writer.stdout is not None
            first = writer.stdout.readline().strip()
        finally:
            watchdog.cancel()
        assert first == "ready", f"round {round_number}: writer did not start: {errors_path.read_text()}"
        time.sleep(rng.uniform(0.05, 0.4))
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
        lines = writer.stdout.read().splitlines()
        writer.stdout.close()
        assert not [line for line in lines if line.startswith("error")], lines
        this_round = [line for line in lines if _is_uid(line)]
        reported += this_round

        if path is not None:
            assert _sqlite_integrity(path) == ["ok"], f"round {round_number}"
        counts, _ = appointment_counts(services, this_round)
        assert set(counts) == set(this_round), f"round {round_number}: a reported booking is missing"
        with services.db.engine.connect() as connection:
            chain = verify_audit_chain(connection)
        assert chain.ok, f"round {round_number}: {chain.first_break}"

    counts, _ = appointment_counts(services, reported)
    assert len(counts) == len(reported) and set(counts.values()) <= {1}
    assert len(reported) > KILLS, "the writers should have saved bookings between the kills"
    report = check_database(services.db.engine)
    assert report.ok, report.lines()
    print(f"{KILLS} kills, {len(reported)} bookings reported, {time.monotonic() - started:.1f} s")


def _is_uid(line: str) -> bool:
    try:
        uuid.UUID(line)
    except ValueError:
        return False
    return True
