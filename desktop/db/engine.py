"""Engines for the embedded SQLite file and for PostgreSQL, with the settings each needs."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url

from desktop.paths import keep_owner_only, make_private_folders

SQLITE_BUSY_TIMEOUT_MS = 15_000
#: PRAGMA application_id of every FrontDesk SQLite file ("FDsk"): tells it from another program's file.
APPLICATION_ID = int.from_bytes(b"FDsk", "big")
#: Execution option that makes a SQLite transaction take the write lock at BEGIN, so two
#: workstations never both read and then fail to write ("database is locked" mid-transaction).
WRITE_OPTION = "frontdesk_write"


def sqlite_url(path: Path) -> str:
    return URL.create("sqlite+pysqlite", database=str(path)).render_as_string(hide_password=False)


def display_url(url: str | URL) -> str:
    """The URL as shown to people and in logs: the password hidden."""
    return make_url(url).render_as_string(hide_password=True)


def _prepare_sqlite_file(path: Path) -> None:
    """A new file is created owner-only and stamped as FrontDesk's. An existing one is left as it is
    here: it is made owner-only once known to be FrontDesk's (``keep_sqlite_files_private``)."""
    make_private_folders(path.parent)
    try:
        fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    os.close(fd)
    os.chmod(path, 0o600)  # exactly: an unusual umask (0o277...) would leave it unwritable
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute(f"PRAGMA application_id={APPLICATION_ID}")
        connection.execute("PRAGMA journal_mode=WAL")


def sqlite_companions(path: Path) -> tuple[Path, ...]:
    """The files SQLite keeps beside a database: the write-ahead log, its index, the rollback journal."""
    return tuple(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal"))


def keep_sqlite_files_private(path: Path) -> None:
    """The database and the journals beside it (SQLite gives them the database's mode) made owner-only."""
    for each in (path, *sqlite_companions(path)):
        keep_owner_only(each)


def create_database_engine(url: str | URL) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed)
    if parsed.get_backend_name() == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        # hide_parameters: error messages never carry a statement's values (client data) into logs.
        return create_engine(parsed, pool_pre_ping=True, pool_size=5, max_overflow=5, hide_parameters=True)
    raise ValueError(f"unsupported database: {parsed.get_backend_name()}")


def _sqlite_engine(url: URL) -> Engine:
    if not url.database or url.database == ":memory:":
        raise ValueError("FrontDesk keeps its data in a SQLite file, not in memory")
    _prepare_sqlite_file(Path(url.database))
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}, hide_parameters=True)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # Let SQLAlchemy's "begin" event below issue BEGIN itself.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        # FULL: a commit the person was told about survives a power cut, WAL or not.
        cursor.execute("PRAGMA synchronous=FULL")
        # Deleted or overwritten content (an anonymised file's identity) is zeroed, not left in free pages.
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        if connection.get_execution_options().get(WRITE_OPTION):
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            connection.exec_driver_sql("BEGIN")

    return engine


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"
