"""A SQLite file opened read-only, for checks that must leave its bytes and mode as they were."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Engine, create_engine
from sqlalchemy.pool import NullPool


def connect_read_only(path: Path) -> sqlite3.Connection:
    """``mode=ro``: SQLite writes nothing (no journal-mode switch, no recovery). A WAL file still
    waiting to be merged is read through its shared-memory index; without a WAL the file is opened
    immutable, so not even a lock file is needed beside it."""
    target = quote(str(path.resolve()))
    wal = path.with_name(path.name + "-wal")
    immutable = "&immutable=1" if not wal.exists() else ""
    connection = sqlite3.connect(f"file:{target}?mode=ro{immutable}", uri=True, timeout=15)
    connection.execute("PRAGMA query_only=ON")
    return connection


def read_only_engine(path: Path) -> Engine:
    return create_engine("sqlite://", creator=lambda: connect_read_only(path), poolclass=NullPool)
