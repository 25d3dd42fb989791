"""Opening FrontDesk's database: choose it, migrate it, seed it, and hand back the services."""

from __future__ import annotations

import logging
import os
import socket

from desktop.db.database import Database
from desktop.db.engine import sqlite_url
from desktop.db.migrate import upgrade_to_head
from desktop.maintenance.backup import ensure_daily_backup
from desktop.maintenance.sqlite_file import refuse_corrupt_sqlite
from desktop.paths import default_database_path
from desktop.services import Services
from desktop.services.clinics import ensure_default_clinic
from desktop.services.clock import Clock
from desktop.services.policies import load_bundled_policies
from desktop.services.staff import LoginPolicy
from desktop.settings import load_settings

log = logging.getLogger(__name__)
DATABASE_ENV = "FRONTDESK_DATABASE_URL"


def resolve_database_url(explicit: str | None = None) -> str:
    """--database URL, else FRONTDESK_DATABASE_URL, else the SQLite file in the user-data folder."""
    return explicit or os.environ.get(DATABASE_ENV) or sqlite_url(default_database_path())


def workstation_name() -> str:
    return socket.gethostname() or "workstation"


def prepare_database(db: Database, clock: Clock | None = None) -> None:
    """Upgrade the schema to head (copying a SQLite file aside first) and load the bundled seed data."""
    backup = upgrade_to_head(db.engine)
    if backup is not None:
        log.info("database copied aside before migrating: %s", backup.name)
    with db.session(write=True) as session, session.begin():
        ensure_default_clinic(session)
        session.flush()
        load_bundled_policies(session, (clock or Clock()).now())


def open_services(
    url: str | None = None,
    *,
    clock: Clock | None = None,
    login_policy: LoginPolicy | None = None,
    migrate: bool = True,
) -> Services:
    """The services on the chosen database. A damaged SQLite file raises DatabaseCorruptError, which
    names the newest backup; a SQLite database gets its daily backup here."""
    settings = load_settings()
    db = Database(resolve_database_url(url))
    try:
        with refuse_corrupt_sqlite(db):
            if migrate:
                prepare_database(db, clock)
            if db.dialect == "sqlite":
                ensure_daily_backup(db, keep=settings.backup_keep_days, today=(clock or Clock()).today())
    except BaseException:
        db.dispose()
        raise
    return Services.create(db, clock, login_policy or settings.login_policy())
