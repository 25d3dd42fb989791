"""Is a SQLite file sound enough to open, and is it FrontDesk's? Cheap checks made at every start, and
the mapping of SQLite's corruption errors to :class:`DatabaseCorruptError`, which names the backup to
restore. Another program's file is refused before anything writes to it."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from desktop.db.database import Database
from desktop.db.engine import APPLICATION_ID, keep_sqlite_files_private
from desktop.domain.errors import DatabaseCorruptError, NotFrontDeskDatabaseError
from desktop.maintenance.backup_files import backups_folder, newest_backup
from desktop.maintenance.read_only import connect_read_only
from desktop.maintenance.revisions import known_revision

SQLITE_HEADER = b"SQLite format 3\x00"
_HEADER_SIZE = 100
# Primary result codes (the low byte of extended codes): SQLITE_CORRUPT, SQLITE_NOTADB.
_CORRUPT_CODES = {11, 26}
#: Files up to this size get SQLite's quick_check at every start (well under a second).
QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def file_problem(path: Path) -> str | None:
    """Why the file cannot be a sound SQLite database, judged from its header and size; None if it
    looks sound (or does not exist yet, or is empty: a new database)."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return None
    if size == 0:
        return None
    try:
        with path.open("rb") as stream:
            header = stream.read(_HEADER_SIZE)
    except OSError as error:
        return f"unreadable ({error.strerror or error})"
    if len(header) < _HEADER_SIZE or not header.startswith(SQLITE_HEADER):
        return "not a SQLite database"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return "damaged header"
    pages = int.from_bytes(header[28:32], "big")
    header_count_valid = header[24:28] == header[92:96]
    wal = path.with_name(path.name + "-wal")
    pending_wal = wal.exists() and wal.stat().st_size > 0
    # With a WAL still to replay the file may legitimately be shorter than its header says.
    if header_count_valid and not pending_wal and size < pages * page_size:
        return "truncated"
    return None


def quick_check_problem(path: Path) -> str | None:
    """SQLite's quick_check on a file small enough to scan at start (larger ones are checked by the
    daily backup and by ``frontdesk db check``)."""
    try:
        if path.stat().st_size > QUICK_CHECK_MAX_BYTES:
            return None
    except FileNotFoundError:
        return None
    try:
        with contextlib.closing(sqlite3.connect(path, timeout=15)) as connection:
            rows = [str(r[0]) for r in connection.execute("PRAGMA quick_check(5)").fetchall()]
    except sqlite3.OperationalError:
        return None  # busy or locked: not a verdict on the file
    except sqlite3.DatabaseError as error:
        return str(error)
    return None if rows == ["ok"] else "; ".join(rows)


def is_frontdesk_file(connection: sqlite3.Connection) -> bool:
    """FrontDesk's file: it carries FrontDesk's application id, or (made before the id was stamped,
    which ``db upgrade`` then does) a schema revision this version knows. A file holding nothing at
    all counts as a new one. Any other file belongs to another program."""
    application_id = int(connection.execute("PRAGMA application_id").fetchone()[0])
    if application_id == APPLICATION_ID:
        return True
    if application_id != 0:
        return False
    tables = {str(r[0]) for r in connection.execute("SELECT name FROM sqlite_master")}
    if not tables:
        return True
    if "alembic_version" not in tables:
        return False
    revisions = [str(r[0]) for r in connection.execute("SELECT version_num FROM alembic_version")]
    if not revisions:  # Alembic's table alone, left empty by a downgrade to base: nothing else held
        return tables == {"alembic_version"}
    return len(revisions) == 1 and known_revision(revisions[0])


def frontdesk_file_or_new(path: Path) -> bool:
    """False for an existing SQLite file that is another program's (see :func:`is_frontdesk_file`);
    read-only, nothing written beside it. A file that cannot be read is judged elsewhere."""
    try:
        if path.stat().st_size == 0:
            return True
    except FileNotFoundError:
        return True
    try:
        with contextlib.closing(connect_read_only(path)) as connection:
            return is_frontdesk_file(connection)
    except sqlite3.DatabaseError:
        return True  # busy, or damaged: the corruption checks speak for it


def is_corruption(error: BaseException) -> bool:
    original = error.orig if isinstance(error, DBAPIError) else error
    if not isinstance(original, sqlite3.DatabaseError) or isinstance(original, sqlite3.OperationalError):
        return False
    code = getattr(original, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _CORRUPT_CODES
    text = str(original).lower()
    return "malformed" in text or "not a database" in text


def corrupt_error(path: Path) -> DatabaseCorruptError:
    backup = newest_backup(backups_folder(path), path)
    return DatabaseCorruptError(str(path), str(backup) if backup else None)


@contextmanager
def refuse_corrupt_sqlite(db: Database, *, quick_check: bool = True) -> Iterator[None]:
    """Check the file before anything opens it, and turn SQLite's corruption errors raised inside the
    block into a DatabaseCorruptError naming the newest backup. PostgreSQL passes straight through.
    Without ``quick_check`` only the header is judged here (the window runs the quick_check in the
    background after sign-in, see ``desktop.maintenance.backup.daily_check``)."""
    path = sqlite_path(db.url)
    if path is None:
        yield
        return
    if file_problem(path) is not None or (quick_check and quick_check_problem(path) is not None):
        raise corrupt_error(path)
    if not frontdesk_file_or_new(path):
        raise NotFrontDeskDatabaseError(str(path))  # its mode too is left as it is
    keep_sqlite_files_private(path)
    try:
        yield
    except (DBAPIError, sqlite3.DatabaseError) as error:
        if is_corruption(error):
            raise corrupt_error(path) from error
        raise
