"""``frontdesk db upgrade | check | backup | restore``: the schema, integrity, backups and restores."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

import click

from desktop.app import database_label, record_restore
from desktop.cli.context import AppContext, fail, language
from desktop.cli.failures import file_failure
from desktop.cli.params import InputFile, OutputFile
from desktop.domain.errors import DatabaseCorruptError, FrontDeskError
from desktop.maintenance.backup import BackupError, backup_with_witness
from desktop.maintenance.backup_files import backups_folder, newest_backup
from desktop.maintenance.integrity import FILE_MODES_CHECK, Status, check_database_at
from desktop.maintenance.pg_backup import backup_postgres
from desktop.maintenance.restore import RestoreRefused, database_in_use, inspect_backup, restore_sqlite
from desktop.maintenance.sqlite_file import sqlite_path
from desktop.storage_errors import causes, no_space, storage_failure
from desktop.workstation import workstation_name


@click.group()
def db() -> None:
    """Database maintenance."""


@db.command("upgrade")
@click.pass_obj
def db_upgrade(app: AppContext) -> None:
    """Bring the database schema to the newest version (a SQLite file is copied aside first)."""
    services = app.services()
    click.echo(f"{services.database_label}: schema at {services.schema_revision()}")


def _restore_hint(url: str) -> str | None:
    path = sqlite_path(url)
    if path is None:
        return None
    newest = newest_backup(backups_folder(path), path)
    return f"to restore the latest backup: frontdesk db restore {newest}" if newest else None


@db.command("check")
@click.option(
    "--witness",
    "witnesses",
    multiple=True,
    type=InputFile(),
    help="Also compare the database with this witness file (another workstation's); repeatable.",
)
@click.pass_obj
def db_check(app: AppContext, witnesses: tuple[Path, ...]) -> None:
    """Verify the audit chain, the database's own integrity, the append-only triggers (as defined and
    enabled), the stored PDFs, the current-consent table against the consent ledger recomputed, and
    the ledgers against this workstation's witness and each --witness.
    The database is opened read-only. Exit status 0 when everything is sound, 1 otherwise."""
    path = sqlite_path(app.url)
    if path is not None and not path.exists():
        fail(FrontDeskError("database_cannot_open", database=str(path)))
    click.echo(f"checking {database_label(app.url)}")
    report = check_database_at(
        app.url, workstation=workstation_name(), witnesses=witnesses, language=language()
    )
    for line in report.lines():
        click.echo(line)
    if report.ok:
        click.echo("all checks passed")
        return
    click.echo("PROBLEMS FOUND", err=True)
    if path is not None and no_space(path):  # the checks could not even read: say why first
        click.echo(FrontDeskError("database_disk_full", database=str(path)).message(language()), err=True)
    # Loose file modes are fixed in place; only a damaged database calls for its backup.
    damaged = any(f.status == Status.FAILED and f.check != FILE_MODES_CHECK for f in report.findings)
    hint = _restore_hint(app.url) if damaged else None
    if hint:
        click.echo(hint, err=True)
    sys.exit(1)


@db.command("backup")
@click.argument("file", type=OutputFile())
@click.pass_obj
def db_backup(app: AppContext, file: Path) -> None:
    """Copy the database to FILE (SQLite: a consistent online copy; PostgreSQL: pg_dump, custom format).
    FILE must not exist yet; it is readable by its owner only. A SQLite backup keeps this
    workstation's witness beside it (FILE.witness.json): restore refuses it if changed since."""
    url = app.url
    source = sqlite_path(url)
    if file.exists():
        fail(FrontDeskError("file_exists", path=str(file)))
    try:
        if source is not None:
            backup_with_witness(url, file, workstation_name())
        else:
            backup_postgres(url, file)
    except BackupError as error:
        fail(
            _backup_failure(error, file, url)
            or FrontDeskError("file_not_written", path=str(file), reason=error)
        )
    except OSError as error:  # the witness copied beside the backup
        fail(file_failure(file, error))
    except DatabaseCorruptError as error:
        click.echo(error.message(language()), err=True)
        sys.exit(2)
    click.echo(f"backup written to {file}")


def _backup_failure(error: BackupError, file: Path, url: str) -> FrontDeskError | None:
    """Whose storage refused the backup: the backup file's (full, read-only) or the database's."""
    for cause in causes(error):
        name = getattr(cause, "sqlite_errorname", "") or ""
        if isinstance(cause, sqlite3.Error) and name.startswith(
            ("SQLITE_FULL", "SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_IOERR")
        ):
            folder = file.parent
            if name.startswith("SQLITE_FULL") or no_space(folder):
                return FrontDeskError("file_disk_full", path=str(file))
            if os.statvfs(folder).f_flag & os.ST_RDONLY:
                return FrontDeskError("file_read_only", path=str(file))
            if not os.access(folder, os.W_OK):
                return FrontDeskError("file_not_writable", path=str(file))
    source = sqlite_path(url)
    return storage_failure(error, str(source or database_label(url)), source)


@db.command("restore")
@click.argument("file", type=InputFile())
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_obj
def db_restore(app: AppContext, file: Path, yes: bool) -> None:
    """Replace the SQLite database with the backup FILE, once FILE is verified (sound SQLite file,
    known schema revision, intact audit chain). The current database is copied aside first."""
    target = sqlite_path(app.url)
    if target is None:
        raise click.ClickException(
            "restore works on the SQLite database; for PostgreSQL use pg_restore on a pg_dump backup "
            "(pg_restore --clean --if-exists --dbname=URL FILE)"
        )
    inspection = inspect_backup(file)
    if not inspection.ok:
        raise click.ClickException(f"{file} cannot be restored: " + "; ".join(inspection.problems))
    newest = inspection.newest_audit_at.strftime("%Y-%m-%d %H:%M UTC") if inspection.newest_audit_at else "-"
    click.echo(
        f"{file}: verified (schema {inspection.revision}, {inspection.audit_records} audit records, "
        f"last recorded activity {newest})"
    )
    if database_in_use(target):
        raise click.ClickException(
            f"{target} is open in FrontDesk (here or on another workstation): close it everywhere, then retry"
        )
    if not yes:
        click.confirm(
            f"Replace {target} with this backup? The current file is copied aside first", abort=True
        )
    try:
        result = restore_sqlite(file, target)
    except RestoreRefused as error:
        raise click.ClickException(f"restore refused: {error}") from None
    if result.previous_copy is not None:
        click.echo(f"previous database kept as {result.previous_copy}")
    record_restore(app.url, result.inspection.audit_records)
    click.echo(f"restored {target} from {file}")
