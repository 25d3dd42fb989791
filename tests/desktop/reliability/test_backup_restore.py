"""`frontdesk db backup` and `frontdesk db restore`: a round trip, the refusals, the daily rotation."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import stat
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from desktop.app import open_services
from desktop.cli import cli
from desktop.db.database import Database
from desktop.db.engine import sqlite_url
from desktop.db.models import AuditRecord
from desktop.domain.errors import DatabaseCorruptError
from desktop.domain.records import ClientDraft
from desktop.maintenance import backup as backup_module
from desktop.maintenance import pg_backup
from desktop.maintenance.backup import ensure_daily_backup
from desktop.maintenance.backup_files import daily_backups
from desktop.maintenance.restore import database_in_use, inspect_backup
from desktop.maintenance.sqlite_file import sqlite_path

sqlite_only = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
postgresql_only = pytest.mark.parametrize(
    "database_url", [pytest.param("postgresql", marks=pytest.mark.postgresql)], indirect=True
)


def _cli(database_url: str, *args: str, stdin: str | None = None):
    return CliRunner().invoke(cli, ["--database", database_url, *args], input=stdin)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _sql(path: Path, *statements: str) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        rows = []
        for statement in statements:
            rows = connection.execute(statement).fetchall()
        connection.commit()
        return rows
    finally:
        connection.close()


def _names(url: str) -> set[str]:
    return {row[0] for row in _sql(sqlite_path(url), "SELECT last_name FROM clients")}


@sqlite_only
def test_backup_then_restore_brings_the_data_back(services, receptionist, database_url, tmp_path):
    services.clients.create(receptionist, ClientDraft("Avant", "Copie", date(1985, 5, 5)))
    backup = tmp_path / "copies" / "frontdesk-backup.db"
    backup.parent.mkdir()  # db backup names a missing folder rather than make it

    made = _cli(database_url, "db", "backup", str(backup))

    assert made.exit_code == 0, made.output
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert backup.read_bytes()[18:20] == b"\x01\x01", "a standalone file: no WAL to carry along"
    assert inspect_backup(backup).ok
    services.clients.create(receptionist, ClientDraft("Apres", "Copie", date(1986, 6, 6)))

    refused = _cli(database_url, "db", "restore", str(backup), "--yes")
    assert refused.exit_code == 1 and "is open in FrontDesk" in refused.output
    assert "Apres" in _names(database_url)

    services.close()
    restored = _cli(database_url, "db", "restore", str(backup), "--yes")

    assert restored.exit_code == 0, restored.output
    assert "verified" in restored.output
    assert {"Avant"} <= _names(database_url) and "Apres" not in _names(database_url)
    target = sqlite_path(database_url)
    kept = sorted(target.parent.glob(f"{target.name}.before-restore-*.bak"))
    assert len(kept) == 1 and stat.S_IMODE(kept[0].stat().st_mode) == 0o600
    assert "Apres" in _names(sqlite_url(kept[0]))
    checked = _cli(database_url, "db", "check")
    assert checked.exit_code == 0, checked.output
    db = Database(database_url)
    try:
        with db.session(write=False) as session:
            actions = list(session.scalars(select(AuditRecord.action).order_by(AuditRecord.id)))
    finally:
        db.dispose()
    # The restore is recorded, then re-anchored by a new witness of this workstation.
    assert actions[-2:] == ["database.restore", "witness.created"]


@sqlite_only
def test_restore_asks_first(services, database_url, tmp_path):
    backup = tmp_path / "copy.db"
    assert _cli(database_url, "db", "backup", str(backup)).exit_code == 0
    services.close()
    before = _digest(sqlite_path(database_url))

    answer = _cli(database_url, "db", "restore", str(backup), stdin="n\n")

    assert answer.exit_code == 1 and "Aborted" in answer.output
    assert _digest(sqlite_path(database_url)) == before


@sqlite_only
def test_backup_never_overwrites(services, database_url, tmp_path):
    existing = tmp_path / "exists.db"
    existing.write_bytes(b"keep me")
    result = _cli(database_url, "db", "backup", str(existing))
    assert result.exit_code == 1 and "already exists" in result.output
    assert existing.read_bytes() == b"keep me"


def _garbage(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 400)


def _truncated(path: Path) -> None:
    with path.open("r+b") as stream:
        stream.truncate(path.stat().st_size // 2)


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _not_frontdesk(path: Path) -> None:
    path.unlink()
    _sql(path, "CREATE TABLE notes (body TEXT)")


def _future_revision(path: Path) -> None:
    _sql(path, "UPDATE alembic_version SET version_num = '9999'")


def _edited_audit(path: Path) -> None:
    _sql(
        path,
        "DROP TRIGGER audit_records_no_update",
        "UPDATE audit_records SET detail = 'edited' WHERE id = 2",
    )


@sqlite_only
@pytest.mark.parametrize(
    ("spoil", "reason"),
    [
        (_garbage, "not a SQLite database"),
        (_truncated, "truncated"),
        (_empty, "empty"),
        (_not_frontdesk, "not a FrontDesk database"),
        (_future_revision, "schema revision 9999 is unknown"),
        (_edited_audit, "audit chain broken at record 2"),
    ],
)
def test_restore_refuses_an_unfit_file(services, receptionist, database_url, tmp_path, spoil, reason):
    for n in range(3):
        services.clients.create(receptionist, ClientDraft(f"Refus{n}", "Test", date(1975, 1, 1 + n)))
    backup = tmp_path / "spoiled.db"
    assert _cli(database_url, "db", "backup", str(backup)).exit_code == 0
    spoil(backup)
    services.close()
    target = sqlite_path(database_url)
    before = _digest(target)

    result = _cli(database_url, "db", "restore", str(backup), "--yes")

    assert result.exit_code == 1, result.output
    assert reason in result.output
    assert "Traceback" not in result.output
    assert _digest(target) == before
    assert not list(target.parent.glob("*.before-restore-*"))


@sqlite_only
def test_in_use_is_seen_from_an_idle_connection(services, receptionist, database_url):
    path = sqlite_path(database_url)
    assert database_in_use(path), "the pool keeps the log-in's connection open, idle"
    services.close()
    assert not database_in_use(path)


@postgresql_only
def test_postgresql_backup_uses_pg_dump(services, database_url, tmp_path):
    dump = tmp_path / "frontdesk.dump"

    result = _cli(database_url, "db", "backup", str(dump))

    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(dump.stat().st_mode) == 0o600
    pg_restore = pg_backup.find_pg_dump().with_name("pg_restore")
    listing = subprocess.run(
        [str(pg_restore), "--list", str(dump)], capture_output=True, text=True, check=True
    )
    assert "audit_records" in listing.stdout and "consent_events" in listing.stdout


@postgresql_only
def test_postgresql_backup_without_pg_dump_says_how_to_get_it(services, database_url, tmp_path, monkeypatch):
    monkeypatch.setattr(pg_backup, "find_pg_dump", lambda: None)
    result = _cli(database_url, "db", "backup", str(tmp_path / "x.dump"))
    assert result.exit_code == 1
    assert "pg_dump was not found" in result.output and "apt-get install postgresql-client" in result.output
    assert not (tmp_path / "x.dump").exists()


@postgresql_only
def test_restore_on_postgresql_points_to_pg_restore(services, database_url, tmp_path):
    backup = tmp_path / "x.db"
    shutil.copyfile(__file__, backup)
    result = _cli(database_url, "db", "restore", str(backup), "--yes")
    assert result.exit_code == 1 and "pg_restore" in result.output


@sqlite_only
def test_daily_backups_rotate_and_a_damaged_database_keeps_them(services, database_url, tmp_path):
    folder = tmp_path / "daily"
    first = date(2026, 11, 1)
    for offset in range(20):
        made = ensure_daily_backup(services.db, folder, keep=14, today=first + timedelta(days=offset))
        assert made is not None and stat.S_IMODE(made.stat().st_mode) == 0o600
    assert ensure_daily_backup(services.db, folder, keep=14, today=first + timedelta(days=19)) is None
    path = sqlite_path(database_url)
    days = [day for day, _ in daily_backups(folder, path)]
    assert days == [first + timedelta(days=n) for n in range(19, 5, -1)]

    services.close()
    with path.open("r+b") as stream:
        stream.seek(8192)
        stream.write(b"\xff" * 8192)
    with pytest.raises(DatabaseCorruptError) as raised:
        ensure_daily_backup(Database(database_url), folder, keep=14, today=first + timedelta(days=20))
    assert raised.value.backup == str(folder / f"{path.stem}-{first + timedelta(days=19)}.db")
    assert len(daily_backups(folder, path)) == 14
    assert not list(folder.glob(".*partial*"))


@sqlite_only
def test_open_services_makes_the_daily_backup(database_url, clock):
    opened = open_services(database_url, clock=clock, migrate=False)
    try:
        path = sqlite_path(database_url)
        folder = backup_module.backups_folder(path)
        assert (folder / f"{path.stem}-{clock.today().isoformat()}.db").exists()
    finally:
        opened.close()
