"""Alembic migrations shipped inside the package; the app upgrades at start.

A SQLite file is copied aside (online backup, WAL-safe) before any migration touches it, and carries
FrontDesk's application id once upgraded (files made before the id existed get it then).
"""

from __future__ import annotations

import os
import re
import sqlite3
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from desktop.db.engine import APPLICATION_ID, WRITE_OPTION, display_url
from desktop.domain.errors import NotFrontDeskDatabaseError

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic (and Mako under it) is imported only where a migration runs: a database already at the
# newest revision is recognised with one query, and start-up does not pay for loading it.
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_REVISION_LINE = re.compile(
    r"""^(down_revision|revision)\s*(?::[^=]*)?=\s*(?:"([^"]*)"|'([^']*)'|None)""", re.M
)


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


@cache
def shipped_head() -> str | None:
    """The newest revision this version ships, read from the migration files' ``revision`` and
    ``down_revision`` lines without Alembic (the one revision no other names as its parent)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (MIGRATIONS_DIR / "versions").glob("*.py"):
        found = dict.fromkeys(("revision", "down_revision"), "")
        for name, double, single in _REVISION_LINE.findall(script.read_text(encoding="utf-8")):
            found[name] = double or single
        if found["revision"]:
            revisions.add(found["revision"])
            if found["down_revision"]:
                parents.add(found["down_revision"])
    heads = revisions - parents
    return next(iter(heads)) if len(heads) == 1 else None


def head_revision(engine: Engine | None = None) -> str | None:
    return shipped_head()


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (one query; None for a database without Alembic's table)."""
    with engine.connect() as connection:
        try:
            result = connection.execute(text("SELECT version_num FROM alembic_version"))
            rows = [str(row[0]) for row in result]
        except DBAPIError:
            return None  # no alembic_version table: a new database
    return rows[0] if len(rows) == 1 else None


def is_at_head(engine: Engine) -> bool:
    return current_revision(engine) == head_revision(engine)


def copy_sqlite_aside(engine: Engine, revision: str | None) -> Path | None:
    database = engine.url.database
    if not database or not Path(database).exists() or Path(database).stat().st_size == 0:
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = Path(database).with_name(f"{Path(database).name}.before-{revision or 'empty'}-{stamp}.bak")
    source = sqlite3.connect(database)
    try:
        if not source.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            return None  # a new database (only its header): nothing to keep
        # Created owner-only before any data is copied into it.
        os.close(os.open(target, os.O_CREAT | os.O_WRONLY, 0o600))
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    target.chmod(0o600)
    return target


def stamp_application_id(engine: Engine) -> None:
    """Mark a SQLite file as FrontDesk's (PRAGMA application_id) if it is not yet."""
    if engine.dialect.name != "sqlite":
        return
    with engine.execution_options(**{WRITE_OPTION: True}).connect() as connection:
        if connection.exec_driver_sql("PRAGMA application_id").scalar() == APPLICATION_ID:
            return
        connection.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
        connection.commit()


def _tables_besides_alembic(engine: Engine) -> bool:
    """Tables other than Alembic's own (left empty by a downgrade to base) in the current schema."""
    return bool(set(inspect(engine).get_table_names()) - {"alembic_version"})


def upgrade_to_head(engine: Engine) -> Path | None:
    """Bring the schema to the newest revision and stamp a SQLite file as FrontDesk's; returns the
    safety copy made, if any. Callers make sure a SQLite file is FrontDesk's first (see
    ``desktop.maintenance.sqlite_file``); a PostgreSQL database holding tables but no FrontDesk
    revision raises NotFrontDeskDatabaseError: another program's data is never upgraded."""
    current = current_revision(engine)
    if current is None and engine.dialect.name == "postgresql" and _tables_besides_alembic(engine):
        # Tables and no FrontDesk revision: another program's database, never given our schema.
        raise NotFrontDeskDatabaseError(display_url(engine.url), "server_database_not_frontdesk")
    if current == head_revision(engine):
        stamp_application_id(engine)
        return None
    from alembic import command

    backup = copy_sqlite_aside(engine, current) if engine.dialect.name == "sqlite" and current else None
    command.upgrade(alembic_config(engine), "head")
    stamp_application_id(engine)
    return backup
