"""``frontdesk db restore``: a SQLite backup is verified first (a sound SQLite file, a schema revision
this version knows, an intact audit chain), then the current database is copied aside and replaced."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import create_engine, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from desktop.db.models import AuditRecord
from desktop.maintenance.audit_verify import verify_audit_chain
from desktop.maintenance.backup_witness import backup_witness_problems
from desktop.maintenance.files import fsync_dir, fsync_file, private_partial
from desktop.maintenance.ledger_checks import pdf_problems, trigger_problems
from desktop.maintenance.revisions import known_revision, newest_revision
from desktop.maintenance.sqlite_file import file_problem, is_frontdesk_file

_REQUIRED_TABLES = {"alembic_version", "audit_records", "clients", "consent_events", "staff"}


class RestoreRefused(RuntimeError):
    """The restore did not happen; the message says why."""


@dataclass
class BackupInspection:
    path: Path
    problems: list[str] = field(default_factory=list)
    revision: str | None = None
    audit_records: int = 0
    newest_audit_at: datetime | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


def _read_only(path: Path) -> sqlite3.Connection:
    # immutable: no lock, no WAL, no file created beside it; exactly the bytes of this one file.
    uri = f"file:{quote(str(path.resolve()))}?mode=ro&immutable=1"
    return sqlite3.connect(uri, uri=True)


def inspect_backup(path: Path, *, witnessed_as: Path | None = None) -> BackupInspection:
    """Everything that would make ``path`` unfit to restore, without writing anything. The witness
    kept with the backup is looked for beside ``witnessed_as`` (the original, when ``path`` is a copy)."""
    result = BackupInspection(path)
    if not path.is_file():
        result.problems.append("no such file")
        return result
    if path.stat().st_size == 0:
        result.problems.append("the file is empty")
        return result
    problem = file_problem(path)
    if problem:
        result.problems.append(f"the file is {problem}" if problem != "not a SQLite database" else problem)
        return result
    try:
        with contextlib.closing(_read_only(path)) as connection:
            rows = [str(r[0]) for r in connection.execute("PRAGMA integrity_check").fetchall()]
            if rows != ["ok"]:
                result.problems.append("integrity check failed: " + "; ".join(rows[:5]))
                return result
            tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not is_frontdesk_file(connection) or not _REQUIRED_TABLES <= tables:
                result.problems.append("not a FrontDesk database")
                return result
            result.revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    except sqlite3.DatabaseError as error:
        result.problems.append(f"cannot be read as SQLite: {error}")
        return result
    except (TypeError, IndexError):
        result.problems.append("no schema revision recorded")
        return result
    if not known_revision(result.revision):
        result.problems.append(
            f"schema revision {result.revision} is unknown to this version of FrontDesk "
            f"(newest known: {newest_revision()}); it was made by a newer version"
        )
        return result
    _inspect_chain(path, result, witnessed_as or path)
    return result


def _inspect_chain(path: Path, result: BackupInspection, witnessed_as: Path) -> None:
    engine = create_engine("sqlite://", creator=lambda: _read_only(path), poolclass=NullPool)
    try:
        with engine.connect() as connection:
            chain = verify_audit_chain(connection)
            result.audit_records = chain.checked
            result.newest_audit_at = connection.scalar(select(func.max(AuditRecord.at)))
            # The same ledger checks as db check: a backup with a neutered trigger or an altered
            # PDF is refused, whatever its audit chain says.
            result.problems += [f"append-only triggers: {p}" for p in trigger_problems(connection)]
            result.problems += pdf_problems(connection)[1]
            result.problems += backup_witness_problems(connection, witnessed_as)
        if not chain.ok:
            first = chain.breaks[0]
            result.problems.append(f"audit chain broken at record {first.record_id}: {first.reason}")
    except SQLAlchemyError as error:
        result.problems.append(f"audit trail unreadable: {error}")
    finally:
        engine.dispose()


def database_in_use(path: Path) -> bool:
    """True when another connection holds the file open (an idle FrontDesk counts): the file's
    exclusive lock cannot be taken. A damaged file is not "in use"."""
    if not path.exists():
        return False
    try:
        with contextlib.closing(sqlite3.connect(path, timeout=0.5, isolation_level=None)) as probe:
            probe.execute("PRAGMA locking_mode=EXCLUSIVE")
            probe.execute("BEGIN EXCLUSIVE")
            probe.execute("SELECT count(*) FROM sqlite_master").fetchall()
            probe.execute("COMMIT")
    except sqlite3.OperationalError as error:
        return "locked" in str(error).lower() or "busy" in str(error).lower()
    except sqlite3.DatabaseError:
        return False
    return False


def _sidecars(path: Path) -> list[tuple[str, Path]]:
    return [(suffix, path.with_name(path.name + suffix)) for suffix in ("-wal", "-shm", "-journal")]


def copy_aside(database: Path, *, label: str = "before-restore") -> Path | None:
    """The current file exactly as it is (with its WAL, if any), damaged or not, kept beside it."""
    if not database.exists():
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    aside = database.with_name(f"{database.name}.{label}-{stamp}.bak")
    shutil.copyfile(database, aside)
    aside.chmod(0o600)
    fsync_file(aside)
    for suffix, sidecar in _sidecars(database):
        if suffix != "-shm" and sidecar.exists() and sidecar.stat().st_size > 0:
            kept = aside.with_name(aside.name + suffix)
            shutil.copyfile(sidecar, kept)
            kept.chmod(0o600)
            fsync_file(kept)
    fsync_dir(database.parent)
    return aside


@dataclass(frozen=True)
class RestoreResult:
    inspection: BackupInspection
    previous_copy: Path | None


def restore_sqlite(backup: Path, database: Path) -> RestoreResult:
    """Copy the backup beside the database, verify that copy, copy the current database aside, and
    swap the verified copy in. Refused (RestoreRefused) when the backup is unfit or the database is
    open elsewhere; nothing is changed then."""
    if backup.resolve() == database.resolve():
        raise RestoreRefused("the backup file is the database itself")
    database.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    candidate = private_partial(database)
    try:
        shutil.copyfile(backup, candidate)
        candidate.chmod(0o600)
        fsync_file(candidate)
        inspection = inspect_backup(candidate, witnessed_as=backup)
        inspection.path = backup
        if not inspection.ok:
            raise RestoreRefused("; ".join(inspection.problems))
        if database_in_use(database):
            raise RestoreRefused(
                "the database is open in FrontDesk (here or on another workstation): close it everywhere first"
            )
        previous = copy_aside(database)
        for _, sidecar in _sidecars(database):
            sidecar.unlink(missing_ok=True)
        os.replace(candidate, database)
        fsync_dir(database.parent)
    finally:
        candidate.unlink(missing_ok=True)
    return RestoreResult(inspection, previous)
