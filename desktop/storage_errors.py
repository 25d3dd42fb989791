"""The database's storage refusing work (read-only, full, cannot be opened), named for the person.

Shared by the services, which turn such a driver error into a FrontDeskError for every caller (the
window and the command line alike), and by the command line's own file checks."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from desktop.domain.errors import FrontDeskError

__all__ = ["causes", "no_space", "read_only_mount", "storage_failure"]


def read_only_mount(path: Path) -> bool:
    for folder in (path, *path.parents):
        if folder.exists():
            return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    return False


def no_space(path: Path) -> bool:
    """The file system holding ``path`` (or its nearest existing folder) has no byte left."""
    for folder in (path, *path.parents):
        if folder.exists():
            return os.statvfs(folder).f_bavail == 0
    return False


def causes(error: BaseException) -> Iterator[BaseException]:
    """``error``, the driver's error it wraps, and the errors it was raised from or during."""
    seen: set[int] = set()
    pending = [error]
    while pending:
        current = pending.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        for linked in (getattr(current, "orig", None), current.__cause__, current.__context__):
            if isinstance(linked, BaseException):
                pending.append(linked)


def storage_failure(error: BaseException, database: str, sqlite_file: Path | None) -> FrontDeskError | None:
    """The database's storage refusing the work (read-only, full, cannot be opened), or None when
    ``error`` is something else."""
    for cause in causes(error):
        if isinstance(cause, sqlite3.Error):
            name = getattr(cause, "sqlite_errorname", "") or ""
            if name.startswith("SQLITE_READONLY"):
                return FrontDeskError("database_read_only", database=database)
            if name.startswith("SQLITE_FULL"):
                return FrontDeskError("database_disk_full", database=database)
            if name.startswith(("SQLITE_CANTOPEN", "SQLITE_IOERR")) and sqlite_file is not None:
                if read_only_mount(sqlite_file):
                    return FrontDeskError("database_read_only", database=database)
                if no_space(sqlite_file):
                    return FrontDeskError("database_disk_full", database=database)
                if name.startswith("SQLITE_CANTOPEN"):
                    return FrontDeskError("database_cannot_open", database=database)
        sqlstate = getattr(cause, "sqlstate", None)
        if sqlstate == "53100":  # disk_full
            return FrontDeskError("database_disk_full", database=database)
        if sqlstate == "25006":  # read_only_sql_transaction (a standby server)
            return FrontDeskError("database_read_only", database=database)
    return None
