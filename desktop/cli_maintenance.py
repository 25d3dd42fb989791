"""``frontdesk db check | backup | restore``: integrity, backups and restores from the command line."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from desktop.cli import AppContext


def _restore_hint(url: str) -> str | None:
    from desktop.maintenance.backup import backups_folder, newest_backup
    from desktop.maintenance.sqlite_file import sqlite_path

    path = sqlite_path(url)
    if path is None:
        return None
    newest = newest_backup(backups_folder(path), path)
    return f"to restore the latest backup: frontdesk db restore {newest}" if newest else None


@click.command("check")
@click.pass_obj
def db_check(app: AppContext) -> None:
    """Verify the audit chain, the database's own integrity and the append-only triggers.
    Exit status 0 when everything is sound, 1 otherwise."""
    from desktop.db.database import Database
    from desktop.maintenance.integrity import check_database
    from desktop.maintenance.sqlite_file import sqlite_path

    path = sqlite_path(app.url)
    if path is not None and not path.exists():
        raise click.ClickException(f"no database at {path}")
    db = Database(app.url)
    try:
        click.echo(f"checking {db.display_url}")
        report = check_database(db.engine)
    finally:
        db.dispose()
    for line in report.lines():
        click.echo(line)
    if report.ok:
        click.echo("all checks passed")
        return
    click.echo("PROBLEMS FOUND", err=True)
    hint = _restore_hint(app.url)
    if hint:
        click.echo(hint, err=True)
    sys.exit(1)


@click.command("backup")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_obj
def db_backup(app: AppContext, file: Path) -> None:
    """Copy the database to FILE (SQLite: a consistent online copy; PostgreSQL: pg_dump, custom format).
    FILE must not exist yet; it is readable by its owner only."""
    from desktop.domain.errors import DatabaseCorruptError
    from desktop.maintenance.backup import BackupError, backup_sqlite
    from desktop.maintenance.pg_backup import backup_postgres
    from desktop.maintenance.sqlite_file import sqlite_path

    url = app.url
    source = sqlite_path(url)
    try:
        if source is not None:
            backup_sqlite(source, file)
        else:
            backup_postgres(url, file)
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    except DatabaseCorruptError as error:
        click.echo(error.message(_language()), err=True)
        sys.exit(2)
    click.echo(f"backup written to {file}")


@click.command("restore")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_obj
def db_restore(app: AppContext, file: Path, yes: bool) -> None:
    """Replace the SQLite database with the backup FILE, once FILE is verified (sound SQLite file,
    known schema revision, intact audit chain). The current database is copied aside first."""
    from desktop.maintenance.restore import RestoreRefused, database_in_use, inspect_backup, restore_sqlite
    from desktop.maintenance.sqlite_file import sqlite_path

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
    _record_restore(app.url, result.inspection.audit_records)
    click.echo(f"restored {target} from {file}")


def _record_restore(url: str, audit_records: int) -> None:
    """Bring the restored file to the current schema and note the restore in its audit trail."""
    from desktop.app import prepare_database, workstation_name
    from desktop.db.database import Database
    from desktop.services import audit_chain
    from desktop.services.clock import Clock

    db = Database(url)
    try:
        prepare_database(db)
        with db.session(write=True) as session, session.begin():
            audit_chain.append(
                session,
                at=Clock().now(),
                staff_id=None,
                username="system",
                workstation=workstation_name(),
                action="database.restore",
                entity_type="database",
                entity_id="",
                detail=f"audit_records={audit_records}",
            )
    finally:
        db.dispose()


def _language():  # type: ignore[no-untyped-def]
    from desktop.cli import _language as language

    return language()


def add_maintenance_commands(group: click.Group) -> None:
    for command in (db_check, db_backup, db_restore):
        group.add_command(command)
