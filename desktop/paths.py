"""Where FrontDesk finds its bundled resources and keeps its per-user files, and how it keeps them
to their owner.

Resources are located through one function that knows both a source checkout and a PyInstaller
bundle (which puts data under ``sys._MEIPASS``), never relative to the current directory.
"""

from __future__ import annotations

import logging
import os
import stat
import sys
from pathlib import Path

import platformdirs

APP_NAME = "FrontDesk"
APP_AUTHOR = "FrontDesk"
#: Permission bits of the group and of others: none of FrontDesk's files or folders may carry one.
SHARED_BITS = 0o077

log = logging.getLogger(__name__)


def resources_dir() -> Path:
    bundle_root = getattr(sys, "_MEIPASS", None)
    if bundle_root:
        return Path(bundle_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def make_private_folders(folder: Path) -> Path:
    """``folder`` and each missing parent created owner-only (0700, whatever the umask; ``mkdir -p``
    would give the parents the umask's mode, 0777 under umask 000). Existing folders are left alone."""
    missing: list[Path] = []
    current = folder
    while not current.exists() and current != current.parent:
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=0o700)
        except FileExistsError:  # another process made it at the same moment
            continue
        os.chmod(path, 0o700)
    return folder


def keep_owner_only(path: Path) -> None:
    """Take the group's and others' permissions off a file or folder FrontDesk found (0644 → 0600,
    0755 → 0700). Only this account's own files are changed; ``db check`` reports any other."""
    if sys.platform == "win32":  # no POSIX modes; the user folders are private already
        return
    try:
        info = path.lstat()
    except FileNotFoundError:
        return
    if stat.S_ISLNK(info.st_mode) or not stat.S_IMODE(info.st_mode) & SHARED_BITS:
        return
    if info.st_uid != os.geteuid():
        return
    try:
        os.chmod(path, stat.S_IMODE(info.st_mode) & ~SHARED_BITS)
    except OSError as error:
        log.warning("could not make %s owner-only: %s", path.name, error.strerror or error)
    else:
        log.info("%s made owner-only (it was %o)", path.name, stat.S_IMODE(info.st_mode))


def _own_folder(path: Path, create: bool) -> Path:
    if create:
        make_private_folders(path)
        keep_owner_only(path)
    return path


def user_data_dir(*, create: bool = True) -> Path:
    override = os.environ.get("FRONTDESK_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    return _own_folder(path, create)


def user_log_dir(*, create: bool = True) -> Path:
    override = os.environ.get("FRONTDESK_LOG_DIR")
    path = Path(override) if override else Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))
    return _own_folder(path, create)


def default_database_path() -> Path:
    return user_data_dir() / "frontdesk.db"


def write_owner_only(path: Path, data: bytes) -> Path:
    """``data`` written to ``path`` readable by its owner only (0600, whatever the umask and whatever
    mode a file it replaces had): written beside it, then moved into place, so ``path`` is never seen
    half-written. A failure names ``path`` itself."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        descriptor = os.open(
            partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600
        )
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
        os.chmod(partial, 0o600)  # a partial left by a crash keeps its own mode through O_TRUNC
        os.replace(partial, path)
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(path)) from error
    finally:
        partial.unlink(missing_ok=True)
    return path
