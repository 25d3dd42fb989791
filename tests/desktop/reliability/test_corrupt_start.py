"""Starting on a damaged SQLite file: a clear message naming the newest backup and the command to
restore it, exit status 2, no traceback; following that advice brings the database back."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from desktop.app import open_services
from desktop.db.engine import sqlite_url
from desktop.demo_clinic import set_up_demo_clinic
from desktop.domain.enums import Role
from desktop.domain.errors import DatabaseCorruptError
from desktop.domain.records import ClientDraft
from desktop.maintenance.backup_files import backups_folder, newest_backup
from desktop.services.unit_of_work import system_actor
from tests.conftest import TEST_PASSWORD
from tests.desktop.reliability.helpers import REPO_ROOT


def _frontdesk(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        cwd=REPO_ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "LANG": "C.UTF-8"},
    )


def _garbage(path: Path) -> None:
    path.write_bytes(os.urandom(path.stat().st_size))


def _truncated(path: Path) -> None:
    with path.open("r+b") as stream:
        stream.truncate(path.stat().st_size // 3)


def _damaged_pages(path: Path) -> None:
    with path.open("r+b") as stream:
        stream.seek(4 * 4096)
        stream.write(b"\xa5" * 3 * 4096)


@pytest.fixture
def damaged_database(test_root, tmp_path) -> Path:
    """A real database with a daily backup, then closed (as after a crash or a disk fault)."""
    path = tmp_path / "clinic.db"
    services = open_services(sqlite_url(path))
    set_up_demo_clinic(services, "test")
    try:
        services.staff.create(system_actor("test"), "gestion", "Gestion", Role.MANAGER, TEST_PASSWORD)
        actor = services.staff.authenticate("gestion", TEST_PASSWORD, "test")
        for n in range(40):
            services.clients.create(actor, ClientDraft(f"Dossier{n}", "Test", date(1960, 1, 1 + n % 28)))
    finally:
        services.close()
    for sidecar in ("-wal", "-shm"):
        assert not path.with_name(path.name + sidecar).exists()
    return path


@pytest.mark.parametrize("damage", [_garbage, _truncated, _damaged_pages])
def test_start_on_a_damaged_file_names_the_backup(damaged_database, damage):
    url = sqlite_url(damaged_database)
    backup = newest_backup(backups_folder(damaged_database), damaged_database)
    assert backup is not None
    damage(damaged_database)

    started = _frontdesk("--database", url, "db", "upgrade")

    assert started.returncode == 2, started.stdout + started.stderr
    assert f"frontdesk db restore {backup}" in started.stderr
    assert str(damaged_database) in started.stderr
    assert "Traceback" not in started.stderr + started.stdout
    with pytest.raises(DatabaseCorruptError) as raised:
        open_services(url)
    assert raised.value.backup == str(backup)
    assert "frontdesk db restore" in raised.value.message("fr")
    assert "frontdesk db restore" in raised.value.message("en")

    restored = _frontdesk("--database", url, "db", "restore", str(backup), "--yes")
    assert restored.returncode == 0, restored.stdout + restored.stderr
    checked = _frontdesk("--database", url, "db", "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert _frontdesk("--database", url, "db", "upgrade").returncode == 0


def test_damaged_file_without_any_backup(test_root, tmp_path):
    path = tmp_path / "lonely.db"
    path.write_bytes(b"this is not a database" * 100)
    started = _frontdesk("--database", sqlite_url(path), "db", "upgrade")
    assert started.returncode == 2
    assert "frontdesk db restore" in started.stderr and "Traceback" not in started.stderr
