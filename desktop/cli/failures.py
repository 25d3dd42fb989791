"""What goes wrong around the data, named for the person: an argument or a line of standard input
that is not UTF-8, a malformed database address, a file that cannot be written (missing folder,
read-only, full disk), and the database's own storage refusing a write. Each becomes the
FrontDeskError whose message names the file, the option or the cause; nothing here prints."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

from desktop.domain.errors import FrontDeskError
from desktop.storage_errors import causes

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


def written_file_failure(error: BaseException) -> FrontDeskError | None:
    """A file FrontDesk was writing (a backup, a witness, a log) that the system refused."""
    for cause in causes(error):
        if isinstance(cause, OSError) and cause.filename and cause.errno is not None:
            return file_failure(Path(os.fsdecode(cause.filename)), cause)
    return None
