"""Sign-in while another workstation holds the write lock longer than one attempt may wait: it is
retried like every unit of work, a failed one counts once towards the lock-out, and a lock that never
ends is said as "the database is busy", never as the driver's "database is locked".

One attempt's wait is made short here the way a site could set it: SQLite's busy timeout, PostgreSQL's
``lock_timeout`` on the database. The lock is the one every write takes first: SQLite's write lock,
PostgreSQL's audit lock."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from desktop.app import open_services
from desktop.db import engine as engine_module
from desktop.db.models import AuditRecord, Staff
from desktop.domain.enums import Language
from desktop.domain.errors import AuthenticationError, DatabaseBusyError
from desktop.maintenance.sqlite_file import sqlite_path
from desktop.services import Services
from desktop.services.audit_chain import POSTGRES_AUDIT_LOCK
from tests.conftest import TEST_PASSWORD, WORKSTATION

#: How long one attempt waits for the lock; the lock is held several times longer.
ATTEMPT_WAIT_MS = 150


def _libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@pytest.fixture
def busy_services(database_url: str, clock, monkeypatch: pytest.MonkeyPatch) -> Iterator[Services]:
    if sqlite_path(database_url) is not None:
        monkeypatch.setattr(engine_module, "SQLITE_BUSY_TIMEOUT_MS", ATTEMPT_WAIT_MS)
    else:
        with psycopg.connect(_libpq(database_url), autocommit=True) as admin:
            name = admin.execute("SELECT current_database()").fetchone()
            assert name is not None
            admin.execute(f"ALTER DATABASE \"{name[0]}\" SET lock_timeout = '{ATTEMPT_WAIT_MS}ms'")
    services = open_services(database_url, clock=clock, migrate=False, daily_backup=False)
    yield services
    services.close()


@contextmanager
def write_lock_held(database_url: str, *, seconds: float | None) -> Iterator[threading.Event]:
    """Another connection takes the write lock and keeps it ``seconds`` (None: until the block ends)."""
    taken, release = threading.Event(), threading.Event()

    def hold() -> None:
        path = sqlite_path(database_url)
        if path is not None:
            connection = sqlite3.connect(path, isolation_level=None)
            connection.execute("BEGIN IMMEDIATE")
        else:
            connection = psycopg.connect(_libpq(database_url))  # type: ignore[assignment]
            connection.execute("SELECT pg_advisory_xact_lock(%s)", (POSTGRES_AUDIT_LOCK,))
        taken.set()
        release.wait(seconds)
        connection.rollback()
        connection.close()

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert taken.wait(10)
        yield release
    finally:
        release.set()
        holder.join(10)


def _failures(services: Services, username: str) -> tuple[int, int]:
    """The account's failure count and how many failed sign-ins the audit trail records for it."""
    with services.db.session(write=False) as session:
        count = session.scalar(select(Staff.failed_logins).where(Staff.username == username))
        audited = session.scalar(
            select(func.count())
            .select_from(AuditRecord)
            .where(AuditRecord.username == username, AuditRecord.action == "login.failure")
        )
        return int(count or 0), int(audited or 0)


def test_sign_in_waits_out_a_held_lock_and_a_failure_counts_once(busy_services, database_url):
    before = _failures(busy_services, "accueil")
    started = time.monotonic()
    with write_lock_held(database_url, seconds=1.0), pytest.raises(AuthenticationError):
        busy_services.staff.authenticate("accueil", "Mauvais-2026", WORKSTATION)
    assert time.monotonic() - started >= 1.0  # it did wait for the lock, over several attempts
    assert _failures(busy_services, "accueil") == (before[0] + 1, before[1] + 1)

    with write_lock_held(database_url, seconds=1.0):
        actor = busy_services.staff.authenticate("accueil", TEST_PASSWORD, WORKSTATION)
    assert actor.username == "accueil"
    assert _failures(busy_services, "accueil")[0] == 0


def test_a_lock_that_never_ends_is_said_as_busy_and_counts_nothing(busy_services, database_url):
    before = _failures(busy_services, "accueil")
    with write_lock_held(database_url, seconds=None), pytest.raises(DatabaseBusyError) as busy:
        busy_services.staff.authenticate("accueil", "Mauvais-2026", WORKSTATION)

    assert busy.value.message(Language.FR) == "La base de données est occupée. Réessayez dans un instant."
    assert busy.value.message(Language.EN) == "The database is busy. Try again in a moment."
    assert "locked" not in busy.value.message(Language.EN)
    assert _failures(busy_services, "accueil") == before
