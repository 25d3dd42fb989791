"""Engines: the SQLite file is private and durable; PostgreSQL URLs get the psycopg driver."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.db.database import Database
from desktop.db.engine import SQLITE_BUSY_TIMEOUT_MS, create_database_engine, sqlite_url


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_sqlite_file_is_created_private(tmp_path: Path) -> None:
    path = tmp_path / "nouveau dossier" / "données.db"
    engine = create_database_engine(sqlite_url(path))
    try:
        assert path.exists() and mode(path) == 0o600
        assert mode(path.parent) == 0o700
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE t (x INTEGER)"))
            connection.execute(text("INSERT INTO t VALUES (1)"))
        # The write-ahead log and its index are as private as the database.
        for companion in (Path(f"{path}-wal"), Path(f"{path}-shm")):
            assert companion.exists() and mode(companion) == 0o600, companion
    finally:
        engine.dispose()


def test_pragmas_on_every_new_connection(tmp_path: Path) -> None:
    engine = create_database_engine(sqlite_url(tmp_path / "frontdesk.db"))
    try:
        for _ in range(2):
            with engine.connect() as connection:
                assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
                assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
                busy = connection.exec_driver_sql("PRAGMA busy_timeout").scalar()
                assert busy == SQLITE_BUSY_TIMEOUT_MS and busy > 0
                assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            engine.dispose()  # the next round opens a brand-new connection
    finally:
        engine.dispose()


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    engine = create_database_engine(sqlite_url(tmp_path / "frontdesk.db"))
    try:
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE parent (id INTEGER PRIMARY KEY)"))
            connection.execute(text("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id))"))
        with pytest.raises(Exception, match="FOREIGN KEY"):
            with engine.begin() as connection:
                connection.execute(text("INSERT INTO child VALUES (1, 42)"))
    finally:
        engine.dispose()


def test_write_sessions_take_the_write_lock_at_begin(tmp_path: Path) -> None:
    path = tmp_path / "frontdesk.db"
    db = Database(sqlite_url(path))
    try:
        with db.engine.begin() as connection:
            connection.execute(text("CREATE TABLE t (x INTEGER)"))
        with db.session(write=True) as session, session.begin():
            session.execute(text("SELECT 1"))  # nothing written yet
            other = sqlite3.connect(path, timeout=0, isolation_level=None)
            try:
                with pytest.raises(sqlite3.OperationalError, match="locked"):
                    other.execute("BEGIN IMMEDIATE")
            finally:
                other.close()
        with db.session(write=False) as session, session.begin():
            session.execute(text("SELECT 1"))
            other = sqlite3.connect(path, timeout=0, isolation_level=None)
            try:
                other.execute("BEGIN IMMEDIATE")  # a reader does not hold the write lock
                other.execute("ROLLBACK")
            finally:
                other.close()
    finally:
        db.dispose()


def test_in_memory_sqlite_is_refused() -> None:
    with pytest.raises(ValueError):
        create_database_engine("sqlite+pysqlite:///:memory:")
    with pytest.raises(ValueError):
        create_database_engine("sqlite://")


def test_unsupported_database_is_refused() -> None:
    with pytest.raises(ValueError):
        create_database_engine("mysql://user@localhost/frontdesk")


def test_postgresql_urls_use_psycopg_and_hide_the_password() -> None:
    engine = create_database_engine("postgresql://frontdesk:secret@127.0.0.1:5999/frontdesk")
    try:
        assert engine.dialect.driver == "psycopg"
    finally:
        engine.dispose()
    db = Database("postgresql://frontdesk:secret@127.0.0.1:5999/frontdesk")
    try:
        assert "secret" not in db.display_url and db.dialect == "postgresql"
    finally:
        db.dispose()


def test_the_fixture_databases_are_configured(services) -> None:  # type: ignore[no-untyped-def]
    with services.db.engine.connect() as connection:
        if services.db.dialect == "sqlite":
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert mode(Path(services.db.engine.url.database)) == 0o600
        else:
            assert connection.exec_driver_sql("SHOW server_encoding").scalar() == "UTF8"
