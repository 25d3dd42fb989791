"""Start-up: choose the database, migrate it, seed it, and hand back the services.

These are the functions the GUI and the command line call to open the data (``open_services``, or a
throwaway ``DemoDatabase``); everything after that goes through the ``Services`` facade.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.connection_config import stored_database_url
from desktop.db.database import Database
from desktop.db.engine import display_url, sqlite_url
from desktop.db.migrate import upgrade_to_head
from desktop.domain.login_policy import LoginPolicy
from desktop.logging_setup import release_log_files
from desktop.maintenance.backup import daily_check, ensure_daily_backup
from desktop.maintenance.sqlite_file import refuse_corrupt_sqlite
from desktop.maintenance.upgrade_guard import refuse_upgrade_of_broken_chain
from desktop.paths import default_database_path
from desktop.services import Services
from desktop.services.audit_chain import append_audit
from desktop.services.clock import Clock
from desktop.services.witnessing import keep_witness
from desktop.settings import load_settings
from desktop.workstation import workstation_name

if TYPE_CHECKING:
    from desktop.demo_marks import DemoSurvey

log = logging.getLogger(__name__)
DATABASE_ENV = "FRONTDESK_DATABASE_URL"
#: How many made-up clients a demo database holds.
DEMO_CLIENTS = 300

__all__ = [
    "DEMO_CLIENTS",
    "DemoDatabase",
    "add_demo_data",
    "check_and_back_up",
    "database_label",
    "demo_survey",
    "open_services",
    "prepare_database",
    "record_restore",
    "resolve_database_url",
]


def resolve_database_url(explicit: str | None = None) -> str:
    """--database URL, else FRONTDESK_DATABASE_URL, else the server the set-up chose, else the SQLite
    file in the user-data folder."""
    return (
        explicit
        or os.environ.get(DATABASE_ENV)
        or stored_database_url()
        or sqlite_url(default_database_path())
    )


def database_label(url: str | None = None) -> str:
    """The database as shown to people: its URL without the password."""
    return display_url(resolve_database_url(url))


def prepare_database(db: Database, clock: Clock | None = None) -> None:
    """Upgrade the schema to head (copying a SQLite file aside first). A new database is then empty
    until the set-up (or the demonstration) gives it its clinic."""
    refuse_upgrade_of_broken_chain(db.engine)
    backup = upgrade_to_head(db.engine)
    if backup is not None:
        log.info("database copied aside before migrating: %s", backup.name)


def open_services(
    url: str | None = None,
    *,
    clock: Clock | None = None,
    login_policy: LoginPolicy | None = None,
    migrate: bool = True,
    daily_backup: bool = True,
    quick_check: bool = True,
    witness: bool = True,
) -> Services:
    """The services on the chosen database. A damaged SQLite file raises DatabaseCorruptError, which
    names the newest backup; a SQLite database gets its daily backup here (in the user-data folder),
    unless ``daily_backup`` is false: a throwaway demo database, or the window, which opens at once
    and has :func:`check_and_back_up` run in the background once someone has signed in. The window
    passes ``quick_check=False`` too: SQLite's quick_check of the file moves into that same task."""
    settings = load_settings()
    db = Database(resolve_database_url(url))
    try:
        with refuse_corrupt_sqlite(db, quick_check=quick_check):
            if migrate:
                prepare_database(db, clock)
            if daily_backup and db.dialect == "sqlite":
                ensure_daily_backup(db, keep=settings.backup_keep_days, today=(clock or Clock()).today())
    except BaseException:
        db.dispose()
        raise
    return Services.create(db, clock, login_policy or settings.login_policy(), witness=witness)


def check_and_back_up(
    services: Services, clock: Clock | None = None, stop: threading.Event | None = None
) -> Path | None:
    """The start's check and the daily backup of a SQLite database, made in steps that leave the
    database free for everyone else (the window runs it in the background after sign-in). Returns the
    backup made, or None; a damaged database raises DatabaseCorruptError naming the newest backup, and
    every earlier backup is kept. ``stop`` set abandons the copy (the program is closing)."""
    keep = load_settings().backup_keep_days
    return daily_check(services.db, keep=keep, today=(clock or services.clock).today(), stop=stop)


def add_demo_data(services: Services, clients: int, *, seed: int = 2020, into_existing: bool = False) -> int:
    """``clients`` made-up client files with their ledgers, marked as the demo's, and the demo accounts
    where no person has an account; returns how many files. A database holding records the demo did
    not make raises DemoIntoRealDataError unless ``into_existing`` (the caller has had it confirmed)."""
    # Imported here: the generator loads Faker, which only a demonstration needs.
    from desktop.demo import populate

    return populate(services, clients, seed=seed, workstation=workstation_name(), into_existing=into_existing)


def demo_survey(services: Services) -> DemoSurvey:
    """What the database holds that the demo did not make, and who demo records would be entered under."""
    from desktop.demo_marks import survey

    with services.db.session(write=False) as session:
        return survey(session)


class DemoDatabase:
    """A throwaway SQLite database in a temporary folder, deleted (files and all) on ``close``. Nothing
    is written to the user-data folder: no daily backup is made of it, and a log kept in ``log_dir``
    (``configure_logging(log_dir=demo.log_dir)``) goes with the folder.

    Open it, then fill it (two steps, so a splash screen can say what is happening)::

        demo = DemoDatabase()
        services = demo.open()
        demo.populate()
        ...
        demo.close()
    """

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or Path(tempfile.mkdtemp(prefix="frontdesk-demo-"))
        self.url = sqlite_url(self.folder / "demo.db")
        self._services: Services | None = None

    @property
    def log_dir(self) -> Path:
        """Where a demo session's log belongs: inside the throwaway folder, deleted with it."""
        return self.folder / "logs"

    def open(self, *, clock: Clock | None = None) -> Services:
        if self._services is None:
            from desktop.demo_clinic import set_up_demo_clinic

            self._services = open_services(self.url, clock=clock, daily_backup=False, witness=False)
            set_up_demo_clinic(self._services, workstation_name())
        return self._services

    def populate(self, clients: int = DEMO_CLIENTS, *, seed: int = 2020) -> int:
        return add_demo_data(self.open(), clients, seed=seed)

    def close(self) -> None:
        # Release the file before deleting it (Windows refuses to delete an open file).
        if self._services is not None:
            self._services.close()
            self._services = None
        release_log_files(self.folder)
        shutil.rmtree(self.folder, ignore_errors=True)


def record_restore(url: str, audit_records: int) -> None:
    """After a restore: bring the restored file to the current schema and note the restore in its
    audit trail (as the system, from this workstation)."""
    db = Database(url)
    try:
        prepare_database(db)
        with db.session(write=True) as session, session.begin():
            append_audit(
                session,
                at=Clock().now(),
                staff_id=None,
                username="system",
                workstation=workstation_name(),
                action="database.restore",
                entity_type="database",
                entity_id="",
                detail=f"audit_records={audit_records}",
            )
        # A new witness starts after the restore: the ones written before it saw a later state.
        keep_witness(db, workstation_name(), Clock())
    finally:
        db.dispose()
