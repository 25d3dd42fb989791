"""What goes wrong around the data, named for the person: an argument or a line of standard input
that is not UTF-8, a malformed database address, a file that cannot be written (missing folder,
read-only, full disk), and the database's own storage refusing a write. Each becomes the
FrontDeskError whose message names the file, the option or the cause; nothing here prints."""

from __future__ import annotations

import errno
import os
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from desktop.domain.errors import FrontDeskError

_SQLITE_SCHEMES = ("sqlite", "sqlite+pysqlite")
_SERVER_SCHEMES = ("postgresql", "postgresql+psycopg")
_PASSWORD = re.compile(r"^([^:/]+://[^:@/]*):(.*)@")
_DISK_FULL = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
_DENIED = (errno.EACCES, errno.EPERM)


def hide_password(url: str) -> str:
    """The address as shown to people and in logs: any password replaced by ***."""
    return _PASSWORD.sub(r"\1:***@", url)


def shown_text(value: str) -> str:
    """A command-line value as it can be printed: bytes that are not UTF-8 written as \\xff."""
    return value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def argument_not_utf8(args: list[str]) -> FrontDeskError | None:
    """The first argument Python could not read as UTF-8 (it arrives with its bytes escaped), named by
    the option it is given to."""
    for index, arg in enumerate(args):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            option, equals, value = arg.partition("=")
            if equals and option.startswith("--"):
                return FrontDeskError("option_not_utf8", option=option, value=shown_text(value))
            before = args[index - 1] if index > 0 else ""
            if before.startswith("-") and "=" not in before:
                return FrontDeskError("option_not_utf8", option=before, value=shown_text(arg))
            return FrontDeskError("argument_not_utf8", value=shown_text(arg))
    return None


def database_url_problem(url: str) -> FrontDeskError | None:
    """Why ``url`` cannot be a database address (scheme, file, port, shape), or None."""
    shown = hide_password(url)
    scheme, separator, rest = url.strip().partition("://")
    scheme = scheme.lower()
    if not separator or scheme not in _SQLITE_SCHEMES + _SERVER_SCHEMES:
        return FrontDeskError("database_url_scheme", url=shown)
    if scheme in _SQLITE_SCHEMES:
        path = rest.removeprefix("/").partition("?")[0]
        if not path.strip() or path == ":memory:":
            return FrontDeskError("database_url_no_file", url=shown)
        return None
    try:
        parts = urlsplit(url.strip())
        _ = parts.port  # raises for a port that is not a number from 0 to 65535
    except ValueError as bad:
        code = "database_url_port" if "port" in str(bad).lower() else "database_url_malformed"
        return FrontDeskError(code, url=shown)
    if parts.port == 0:
        return FrontDeskError("database_url_port", url=shown)
    return None


def _read_only_mount(path: Path) -> bool:
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


def file_failure(path: Path, error: OSError) -> FrontDeskError:
    """Why ``path`` could not be written, from the system's error."""
    folder = path.parent
    if error.errno == errno.ENOENT and not folder.exists():
        return FrontDeskError("folder_missing", folder=str(folder), path=str(path))
    if error.errno == errno.ENOTDIR or (folder.exists() and not folder.is_dir()):
        return FrontDeskError("not_a_folder", folder=str(folder), path=str(path))
    if error.errno == errno.EROFS:
        return FrontDeskError("file_read_only", path=str(path))
    if error.errno in _DENIED:
        return FrontDeskError("file_not_writable", path=str(path))
    if error.errno in _DISK_FULL:
        return FrontDeskError("file_disk_full", path=str(path))
    return FrontDeskError("file_not_written", path=str(path), reason=error.strerror or type(error).__name__)


def output_folder_problem(path: Path) -> FrontDeskError | None:
    """A file to be written whose folder is missing or is not a folder: said before any work is done
    (and the folder is never made: a typo would otherwise scatter files)."""
    folder = path.parent
    if not folder.exists():
        return FrontDeskError("folder_missing", folder=str(folder), path=str(path))
    if not folder.is_dir():
        return FrontDeskError("not_a_folder", folder=str(folder), path=str(path))
    return None


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
                if _read_only_mount(sqlite_file):
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


def written_file_failure(error: BaseException) -> FrontDeskError | None:
    """A file FrontDesk was writing (a backup, a witness, a log) that the system refused."""
    for cause in causes(error):
        if isinstance(cause, OSError) and cause.filename and cause.errno is not None:
            return file_failure(Path(os.fsdecode(cause.filename)), cause)
    return None
