"""SQLite backups through the online backup API (consistent while others write, WAL included), each
with this workstation's witness kept beside it, and the automatic daily backup with rotation (the
window makes it in the background after sign-in, in steps). PostgreSQL: see pg_backup."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
import time
from datetime import date
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from desktop.db.database import Database
from desktop.domain.errors import DatabaseCorruptError
from desktop.maintenance.backup_files import backups_folder, daily_backups, newest_backup
from desktop.maintenance.backup_witness import current_witness, keep_beside, sidecar
from desktop.maintenance.files import fsync_dir, fsync_file, private_partial
from desktop.maintenance.sqlite_file import quick_check_problem, sqlite_path
from desktop.workstation import workstation_name

log = logging.getLogger(__name__)

DEFAULT_KEEP = 14
_STALE_PARTIAL_SECONDS = 3600
#: The daily backup copies this many pages at a time, pausing between steps, so the file is never
#: held for long (a 4.5 GB database is hundreds of short reads, not one long one).
STEP_PAGES = 2048
STEP_PAUSE_S = 0.005
#: Another workstation's write makes SQLite start the copy again; after this many restarts the rest
#: is copied as one read snapshot (in WAL mode it does not hold up writers either).
_MAX_RESTARTS = 3


class BackupError(RuntimeError):
    """A backup could not be made; the message says why and what to do."""


class _CopyRestarting(Exception):
    """Raised from the backup's progress callback to stop copying in steps."""


class _Stopped(Exception):
    """Raised from the backup's progress callback when the program is closing."""


def _copy(
    source: sqlite3.Connection, target: sqlite3.Connection, pages: int, stop: threading.Event | None
) -> None:
    """``source`` copied into ``target``: in steps of ``pages`` (a short pause between them) when
    ``pages`` is positive, else at once. ``stop`` set between two steps abandons the copy."""
    if pages <= 0:
        source.backup(target)
        return
    seen = {"remaining": -1, "restarts": 0}

    def pause(_status: int, remaining: int, _total: int) -> None:
        if stop is not None and stop.is_set():
            raise _Stopped
        if 0 <= seen["remaining"] < remaining:
            seen["restarts"] += 1
            if seen["restarts"] > _MAX_RESTARTS:
                raise _CopyRestarting
        seen["remaining"] = remaining
        time.sleep(STEP_PAUSE_S)

    try:
        source.backup(target, pages=pages, progress=pause)
    except _Stopped:
        raise BackupError("backup abandoned: FrontDesk is closing") from None
    except _CopyRestarting:
        log.info("the database changed during the stepped backup; copying it in one snapshot")
        source.backup(target)


def backup_sqlite(
    source: Path,
    target: Path,
    *,
    check: str = "integrity_check",
    pages: int = 0,
    stop: threading.Event | None = None,
) -> Path:
    """Copy the live database ``source`` to ``target`` (which must not exist): one consistent
    snapshot even while other workstations write, then checked, made standalone (no WAL) and
    renamed into place with mode 0600. A copy that fails its check is not kept. ``pages``: copy in
    steps of that many pages (see ``_copy``)."""
    if not source.exists():
        raise BackupError(f"no database at {source}")
    if target.exists():
        raise BackupError(f"{target} already exists; choose another file name")
    if target.resolve() == source.resolve():
        raise BackupError("the backup file cannot be the database itself")
    partial = private_partial(target)
    try:
        with contextlib.closing(sqlite3.connect(source, timeout=15)) as src:
            with contextlib.closing(sqlite3.connect(partial)) as copy:
                _copy(src, copy, pages, stop)
                copy.execute("PRAGMA journal_mode=DELETE")
                rows = [str(r[0]) for r in copy.execute(f"PRAGMA {check}").fetchall()]
        if rows != ["ok"]:
            raise DatabaseCorruptError(str(source))
        partial.chmod(0o600)
        fsync_file(partial)
        os.replace(partial, target)
        fsync_dir(target.parent)
    except sqlite3.DatabaseError as error:
        if isinstance(error, sqlite3.OperationalError):
            raise BackupError(f"backup failed: {error}") from error
        raise DatabaseCorruptError(str(source)) from error
    finally:
        partial.unlink(missing_ok=True)
    return target


def backup_with_witness(
    url: str,
    target: Path,
    workstation: str,
    *,
    check: str = "integrity_check",
    pages: int = 0,
    stop: threading.Event | None = None,
) -> Path:
    """``backup_sqlite`` of the SQLite database at ``url``, with this workstation's witness of it kept
    beside the backup (``FILE.witness.json``, owner-only), which ``db restore`` checks the backup
    against. The witness is copied first, so the backup holds at least every row it saw; a backup
    not made leaves no witness behind. ``db backup`` and the daily backup both make theirs here."""
    source = sqlite_path(url)
    if source is None:
        raise BackupError("only a SQLite database is copied this way")
    if target.exists():
        raise BackupError(f"{target} already exists; choose another file name")
    try:
        witness = current_witness(url, workstation)
    except SQLAlchemyError as error:  # a damaged file: backup_sqlite names it, and no backup is made
        log.warning("witness not read for the backup: %s", error)
        witness = None
    kept = keep_beside(target, witness) if witness is not None else None
    try:
        return backup_sqlite(source, target, check=check, pages=pages, stop=stop)
    except BaseException:
        if kept is not None and not target.exists():
            kept.unlink(missing_ok=True)
        raise


# --- the daily backup ------------------------------------------------------------------------------


def ensure_daily_backup(
    db: Database,
    folder: Path | None = None,
    keep: int = DEFAULT_KEEP,
    *,
    today: date | None = None,
    workstation: str | None = None,
    pages: int = 0,
    stop: threading.Event | None = None,
) -> Path | None:
    """Make today's backup of a SQLite database unless it exists, with this workstation's witness
    beside it, then keep the newest ``keep`` (each with its witness). Returns the new backup, or None
    when there was nothing to do. A database that fails the check raises DatabaseCorruptError naming
    the newest good backup; no old backup is removed then."""
    database = sqlite_path(db.url)
    if database is None or not database.exists() or database.stat().st_size == 0:
        return None
    folder = folder or backups_folder(database)
    day = today or date.today()
    target = folder / f"{database.stem}-{day.isoformat()}.db"
    if target.exists():
        return None
    try:
        backup_with_witness(
            db.url, target, workstation or workstation_name(), check="quick_check", pages=pages, stop=stop
        )
    except DatabaseCorruptError:
        newest = newest_backup(folder, database)
        raise DatabaseCorruptError(str(database), str(newest) if newest else None) from None
    except BackupError as error:
        if not target.exists():  # else another workstation made it at the same moment
            log.warning("daily backup not made: %s", error)
        return None
    except OSError as error:  # the backups folder full or unwritable: FrontDesk still starts
        log.warning("daily backup not made: %s", error)
        return None
    _rotate(folder, database, max(1, keep))
    log.info("daily backup made: %s", target.name)
    return target


def daily_check(
    db: Database,
    folder: Path | None = None,
    keep: int = DEFAULT_KEEP,
    *,
    today: date | None = None,
    workstation: str | None = None,
    stop: threading.Event | None = None,
) -> Path | None:
    """What used to delay the sign-in window, made once someone has signed in: today's backup copied
    in steps and checked (``ensure_daily_backup``), or, once it exists, SQLite's quick_check of a file
    small enough for it. Damage raises DatabaseCorruptError naming the newest backup (it is logged,
    and every earlier backup is kept); anything else that stops the backup is logged and returns None.
    A PostgreSQL database returns None: its backups are pg_dump's (``frontdesk db backup``)."""
    database = sqlite_path(db.url)
    if database is None or not database.exists():
        return None
    folder = folder or backups_folder(database)
    day = today or date.today()
    try:
        if (folder / f"{database.stem}-{day.isoformat()}.db").exists():
            if quick_check_problem(database) is not None:
                newest = newest_backup(folder, database)
                raise DatabaseCorruptError(str(database), str(newest) if newest else None)
            return None
        return ensure_daily_backup(
            db, folder, keep, today=day, workstation=workstation, pages=STEP_PAGES, stop=stop
        )
    except DatabaseCorruptError as error:
        log.error("the database is damaged (found by the daily check); newest backup: %s", error.backup)
        raise


def _rotate(folder: Path, database: Path, keep: int) -> None:
    for _, old in daily_backups(folder, database)[keep:]:
        for path in (old, sidecar(old)):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
    cutoff = time.time() - _STALE_PARTIAL_SECONDS
    for partial in folder.glob(".*.partial-*"):
        with contextlib.suppress(FileNotFoundError):
            if partial.stat().st_mtime < cutoff:
                partial.unlink()
