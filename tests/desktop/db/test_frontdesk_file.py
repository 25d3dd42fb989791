"""Only FrontDesk's own SQLite files are opened: another program's file is refused, named and left
unchanged (never given FrontDesk's schema, never restored over a clinic's database); a FrontDesk file
made before the application id existed gets it from ``db upgrade``."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import stat
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner

from desktop.app import open_services
from desktop.cli import cli
from desktop.cli.context import language
from desktop.db.engine import APPLICATION_ID, display_url, sqlite_url
from desktop.domain.enums import Language
from desktop.domain.errors import NotFrontDeskDatabaseError
from desktop.maintenance.restore import inspect_backup
from desktop.maintenance.sqlite_file import sqlite_path
from tests.conftest import TEST_PASSWORD

#: The application id GeoPackage files carry ("GPKG"): a SQLite file that is surely someone else's.
GEOPACKAGE_ID = 0x47504B47


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _sql(path: Path, *statements: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        rows: list[tuple[object, ...]] = []
        for statement in statements:
            rows = connection.execute(statement).fetchall()
        connection.commit()
        return rows
    finally:
        connection.close()


def _application_id(path: Path) -> int:
    return int(str(_sql(path, "PRAGMA application_id")[0][0]))


def _notes_file(path: Path) -> Path:
    """Another program's database: its own table, no application id, no migration table."""
    _sql(path, "CREATE TABLE notes (body TEXT)", "INSERT INTO notes VALUES ('liste d''épicerie')")
    return path


def _geopackage_file(path: Path) -> Path:
    _sql(path, f"PRAGMA application_id={GEOPACKAGE_ID}")
    return path


@pytest.mark.parametrize("make", [_notes_file, _geopackage_file], ids=["own tables", "own application id"])
def test_another_programs_file_is_refused_by_name_and_left_unchanged(tmp_path, make):
    other = make(tmp_path / "inventaire.db")
    other.chmod(0o644)
    before = _digest(other)

    with pytest.raises(NotFrontDeskDatabaseError) as refused:
        open_services(sqlite_url(other))

    assert refused.value.message(Language.FR) == (
        f"Le fichier {other} n'est pas une base de données FrontDesk (il appartient sans doute à un autre "
        "programme) : FrontDesk ne l'ouvre pas et ne le modifie pas. Indiquez le fichier de la base de "
        "données de la clinique, ou un nouveau nom de fichier pour en créer une."
    )
    assert refused.value.message(Language.EN).startswith(f"The file {other} is not a FrontDesk database")
    # The command that used to give it FrontDesk's schema ends with the message, exit status 2.
    added = CliRunner().invoke(
        cli,
        [
            "--database",
            sqlite_url(other),
            "user",
            "add",
            "gestion",
            "--role",
            "manager",
            "--full-name",
            "Gestion",
        ],
        input=f"{TEST_PASSWORD}\n{TEST_PASSWORD}\n",
    )
    assert added.exit_code == 2, added.output
    assert refused.value.message(language()) in added.output
    assert "Traceback" not in added.output
    assert _digest(other) == before
    assert stat.S_IMODE(other.stat().st_mode) == 0o644  # not even its mode is FrontDesk's to change
    assert not list(tmp_path.glob("inventaire.db-*"))  # no journal, no WAL made beside it


def test_restore_refuses_a_file_stamped_by_another_program(sqlite_template, tmp_path):
    """A copy of a FrontDesk database that another program has claimed (its application id) is not
    put back over the clinic's database, whatever tables it holds."""
    clinic = tmp_path / "clinique.db"
    shutil.copyfile(sqlite_template, clinic)
    claimed = _geopackage_file(Path(shutil.copyfile(sqlite_template, tmp_path / "carte.gpkg")))
    notes = _notes_file(tmp_path / "notes.db")
    before = _digest(clinic)

    for candidate in (claimed, notes):
        assert inspect_backup(candidate).problems == ["not a FrontDesk database"]
        result = CliRunner().invoke(
            cli, ["--database", sqlite_url(clinic), "db", "restore", str(candidate), "--yes"]
        )
        assert result.exit_code == 1, result.output
        assert "not a FrontDesk database" in result.output
        assert _digest(clinic) == before


def test_a_new_database_carries_frontdesks_application_id_from_its_creation(tmp_path):
    path = tmp_path / "nouvelle.db"
    services = open_services(sqlite_url(path))
    services.close()
    assert _application_id(path) == APPLICATION_ID


def test_db_upgrade_stamps_a_frontdesk_file_made_before_the_application_id(sqlite_template, tmp_path):
    """Files made by earlier versions carry FrontDesk's migration revision and no id: they are ours,
    opened as before, and ``db upgrade`` gives them the id."""
    path = Path(shutil.copyfile(sqlite_template, tmp_path / "ancienne.db"))
    _sql(path, "PRAGMA application_id=0")
    staff = _sql(path, "SELECT username FROM staff ORDER BY id")

    upgraded = CliRunner().invoke(cli, ["--database", sqlite_url(path), "db", "upgrade"])

    assert upgraded.exit_code == 0, upgraded.output
    assert _application_id(path) == APPLICATION_ID
    assert _sql(path, "SELECT username FROM staff ORDER BY id") == staff
    assert sqlite_path(sqlite_url(path)) == path


def test_an_unknown_migration_revision_without_the_id_is_another_programs(sqlite_template, tmp_path):
    """Other programs use Alembic too: a migration table alone, with a revision FrontDesk never made,
    does not make a file FrontDesk's."""
    path = tmp_path / "autre.db"
    _sql(
        path,
        "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)",
        "INSERT INTO alembic_version VALUES ('ae1027a6acf')",
        "CREATE TABLE orders (id INTEGER)",
    )
    before = _digest(path)
    with pytest.raises(NotFrontDeskDatabaseError):
        open_services(sqlite_url(path))
    assert _digest(path) == before


@pytest.mark.postgresql
def test_a_server_database_holding_another_programs_tables_is_refused_and_left_unchanged(postgres_server):
    """The PostgreSQL side: a database with tables and no FrontDesk revision is another program's."""
    name = f"autre_programme_{os.getpid()}"
    url = postgres_server.create_database(name)
    try:
        with psycopg.connect(postgres_server.dsn(name), autocommit=True) as connection:
            connection.execute("CREATE TABLE inventory (item TEXT)")
            connection.execute("INSERT INTO inventory VALUES ('gants')")

        with pytest.raises(NotFrontDeskDatabaseError) as refused:
            open_services(url)

        shown = display_url(url)
        assert refused.value.message(Language.FR) == (
            f"La base de données {shown} contient déjà les tables d'un autre programme et aucune version du "
            "schéma de FrontDesk : FrontDesk ne la modifie pas. Indiquez une base de données vide, ou celle "
            "de la clinique."
        )
        assert refused.value.message(Language.EN).startswith(f"The database {shown} already holds")
        with psycopg.connect(postgres_server.dsn(name)) as connection:
            tables = connection.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
            ).fetchall()
        assert tables == [("inventory",)]
    finally:
        postgres_server.drop_database(name)
