"""FrontDesk's files are its user's alone: what it creates is 0600 (folders 0700) whatever the umask,
what it finds readable by others (the database, the journals SQLite keeps beside it, logs, settings)
it makes owner-only, and ``db check`` names any file in its own folders that others can open."""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from desktop.app import open_services
from desktop.cli import cli
from desktop.connection_config import store_database_url, stored_database_url
from desktop.db.engine import sqlite_url
from desktop.demo_clinic import set_up_demo_clinic
from desktop.domain.enums import Language, Role
from desktop.logging_setup import configure_logging
from desktop.maintenance.backup_files import backups_folder
from desktop.maintenance.integrity import Status, check_database_at, file_modes
from desktop.maintenance.sqlite_file import sqlite_path
from desktop.paths import make_private_folders, write_owner_only
from desktop.services.unit_of_work import system_actor
from desktop.settings import load_settings, settings_path, store_workstation_site
from tests.conftest import TEST_PASSWORD, WORKSTATION


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


@pytest.fixture
def own_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """FrontDesk's data, log and configuration folders, not made yet, in this test's own place."""
    home = tmp_path / "home"
    monkeypatch.setenv("FRONTDESK_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("FRONTDESK_LOG_DIR", str(home / "logs"))
    monkeypatch.setenv("FRONTDESK_CONFIG_DIR", str(home / "config"))
    return home


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


@pytest.fixture
def file_logging() -> Iterator[None]:
    root = logging.getLogger()
    level = root.level
    yield
    for handler in list(root.handlers):
        if getattr(handler, "_frontdesk", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_an_existing_database_and_its_journals_are_made_owner_only_and_db_check_names_them(own_folders):
    database = own_folders / "clinique" / "frontdesk.db"
    open_services(sqlite_url(database)).close()
    database.chmod(0o644)
    # Another program (or an older version) reading it in WAL mode: SQLite gives the write-ahead log
    # and its index the database's own mode.
    other = sqlite3.connect(database)
    try:
        other.execute("SELECT count(*) FROM staff").fetchone()
        journals = [database.with_name(database.name + "-wal"), database.with_name(database.name + "-shm")]
        assert [mode(p) for p in [database, *journals]] == [0o644, 0o644, 0o644]

        found = file_modes(database, Language.FR)
        assert found.status == Status.FAILED
        listed = ", ".join(f"{p} (0644)" for p in sorted([database, *journals]))
        assert found.detail == (
            f"Fichiers de FrontDesk accessibles à d'autres comptes que le sien : {listed}. Rendez-les "
            "privés : chmod 600 pour un fichier, chmod 700 pour un dossier."
        )
        # A backup exists: db check proposes it for damage, not for loose modes.
        folder = make_private_folders(backups_folder(database))
        write_owner_only(folder / f"{database.stem}-2026-01-05.db", b"")
        english = {"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "en_CA.UTF-8"}
        checked = CliRunner().invoke(cli, ["--database", sqlite_url(database), "db", "check"], env=english)
        assert checked.exit_code == 1, checked.output
        assert f"FrontDesk files other accounts can open: {listed}." in checked.output
        # Loose modes are fixed in place: no backup to restore is proposed for them.
        assert "restore" not in checked.output
        french = {**english, "LANG": "fr_CA.UTF-8"}
        checked = CliRunner().invoke(cli, ["--database", sqlite_url(database), "db", "check"], env=french)
        assert checked.exit_code == 1, checked.output
        assert f"Fichiers de FrontDesk accessibles à d'autres comptes que le sien : {listed}." in checked.output

        open_services(sqlite_url(database)).close()

        assert [mode(p) for p in [database, *journals]] == [0o600, 0o600, 0o600]
        assert file_modes(database).status == Status.OK
    finally:
        other.close()


def test_under_umask_000_everything_frontdesk_makes_is_owner_only(
    own_folders, permissive_umask, file_logging
):
    """The database in new nested folders, its journals, the daily backup in its own sub-folder, the
    witness and its key, the log, the settings and the server address: nothing readable by others."""
    database = own_folders / "cabinet" / "dossiers" / "clinique.db"
    services = open_services(sqlite_url(database))
    try:
        set_up_demo_clinic(services, WORKSTATION)
        services.staff.create(system_actor(WORKSTATION), "gestion", "Gestion", Role.MANAGER, TEST_PASSWORD)
    finally:
        services.close()
    configure_logging(stderr_level=None)
    logging.getLogger("desktop.test").warning("a line in the log")
    store_workstation_site(1)
    store_database_url("postgresql://frontdesk:secret@127.0.0.1:5432/clinique")

    made = sorted(p for p in own_folders.rglob("*"))
    names = {p.name for p in made}
    assert {"backups", "witnesses", "frontdesk.log", "settings.toml", "database.url", "witness.key"} <= names
    assert any(p.parent.parent.name == "backups" and p.suffix == ".db" for p in made)  # its own sub-folder
    loose = [(str(p), oct(mode(p))) for p in made if mode(p) not in ((0o700,) if p.is_dir() else (0o600,))]
    assert loose == []
    assert file_modes(database).status == Status.OK


def test_settings_and_the_server_address_found_readable_by_others_are_made_owner_only(own_folders):
    store_database_url("postgresql://frontdesk:secret@127.0.0.1:5432/clinique")
    store_workstation_site(2)
    found = [settings_path(), settings_path().with_name("database.url")]
    for path in found:
        path.chmod(0o644)

    assert load_settings().site_id == 2
    assert stored_database_url() is not None

    assert [mode(p) for p in found] == [0o600, 0o600]


def test_db_check_reports_loose_modes_in_frontdesks_own_folders_only(database_url, own_folders, tmp_path):
    """On SQLite and PostgreSQL alike: the server address and the witnesses are FrontDesk's; a file
    that merely sits in the database's folder is someone else's business."""
    store_database_url(None)
    own_folders.mkdir()
    (own_folders / "config").mkdir(mode=0o700)
    address = own_folders / "config" / "database.url"
    address.write_text("postgresql://frontdesk:secret@127.0.0.1/clinique\n")
    address.chmod(0o644)
    witnesses = own_folders / "data" / "witnesses"
    witnesses.parent.mkdir(mode=0o700)
    witnesses.mkdir(mode=0o755)
    witnesses.chmod(0o755)
    neighbour = tmp_path / "notes.txt"
    neighbour.write_text("pas à FrontDesk")
    neighbour.chmod(0o644)

    report = check_database_at(database_url, workstation=WORKSTATION, language=Language.FR)

    found = report.finding("file modes")
    assert found is not None and found.status == Status.FAILED and not report.ok
    assert found.detail == (
        f"Fichiers de FrontDesk accessibles à d'autres comptes que le sien : {address} (0644), "
        f"{witnesses} (0755). Rendez-les privés : chmod 600 pour un fichier, chmod 700 pour un dossier."
    )
    assert str(neighbour) not in found.detail
    # db check changes nothing: it reports.
    assert (mode(address), mode(witnesses)) == (0o644, 0o755)
    database = sqlite_path(database_url)
    if database is not None:
        assert mode(database) == 0o600


def test_a_backups_folder_and_backups_left_open_to_others_are_made_owner_only(own_folders):
    """What an older version left under umask 000 (a 0777 backups folder), or a backup copied with
    the umask's mode, is tightened the next time FrontDesk starts on the database."""
    database = own_folders / "data" / "frontdesk.db"
    open_services(sqlite_url(database)).close()
    backups = own_folders / "data" / "backups"
    old_backup = backups / "frontdesk-2026-01-05.db"
    old_backup.write_bytes((backups / next(p.name for p in backups.iterdir())).read_bytes())
    backups.chmod(0o777)
    old_backup.chmod(0o644)
    assert file_modes(database).status == Status.FAILED

    open_services(sqlite_url(database)).close()

    assert (mode(backups), mode(old_backup)) == (0o700, 0o600)
    assert file_modes(database).status == Status.OK
