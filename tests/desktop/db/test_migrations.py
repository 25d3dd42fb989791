"""Alembic migrations: empty database to head on SQLite and PostgreSQL, no drift from the models,
a safety copy of a SQLite file, and down then up again."""

from __future__ import annotations

import itertools
import os
import sqlite3
import stat
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from desktop.app import prepare_database
from desktop.db.database import Database
from desktop.db.engine import create_database_engine, sqlite_url
from desktop.db.migrate import (
    alembic_config,
    copy_sqlite_aside,
    current_revision,
    head_revision,
    is_at_head,
    upgrade_to_head,
)
from desktop.db.models import APPEND_ONLY_TABLES, Base
from desktop.demo_clinic import set_up_demo_clinic
from desktop.services import Services

_names = itertools.count()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def empty_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A brand-new, empty database."""
    if request.param == "sqlite":
        engine = create_database_engine(sqlite_url(tmp_path / "frontdesk.db"))
        yield engine
        engine.dispose()
        return
    server = request.getfixturevalue("postgres_server")
    name = f"frontdesk_migrations_{os.getpid()}_{next(_names)}"
    engine = create_database_engine(server.create_database(name))
    yield engine
    engine.dispose()
    server.drop_database(name)


def tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())


def test_there_is_one_head() -> None:
    engine = create_database_engine("postgresql://nobody@127.0.0.1:1/none")
    try:
        assert head_revision(engine) == "0017"
    finally:
        engine.dispose()


def test_empty_database_to_head(empty_engine: Engine) -> None:
    assert current_revision(empty_engine) is None
    assert upgrade_to_head(empty_engine) is None  # nothing to copy aside: there was nothing
    assert current_revision(empty_engine) == head_revision(empty_engine) == "0017"
    assert is_at_head(empty_engine)
    assert set(Base.metadata.tables) <= tables(empty_engine)


def test_migrated_schema_matches_the_models(empty_engine: Engine) -> None:
    upgrade_to_head(empty_engine)
    with empty_engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_upgrade_at_head_is_a_no_op(empty_engine: Engine, tmp_path: Path) -> None:
    upgrade_to_head(empty_engine)
    files = sorted(tmp_path.iterdir())
    assert upgrade_to_head(empty_engine) is None
    assert current_revision(empty_engine) == "0017"
    assert sorted(tmp_path.iterdir()) == files  # no safety copy made


def test_downgrade_to_base_then_upgrade_again(empty_engine: Engine) -> None:
    upgrade_to_head(empty_engine)
    triggers_at_head = triggers(empty_engine)
    assert set(triggers_at_head) == set(APPEND_ONLY_TABLES)
    assert all(len(names) == 2 for names in triggers_at_head.values())  # UPDATE and DELETE (or TRUNCATE)
    command.downgrade(alembic_config(empty_engine), "base")
    assert current_revision(empty_engine) is None
    assert not (set(Base.metadata.tables) & tables(empty_engine))
    assert triggers(empty_engine) == {}
    upgrade_to_head(empty_engine)
    assert is_at_head(empty_engine)
    assert set(Base.metadata.tables) <= tables(empty_engine)
    # The append-only triggers came back with the tables.
    db = Database(empty_engine.url.render_as_string(hide_password=False))
    try:
        prepare_database(db)
        set_up_demo_clinic(Services.create(db), "test")  # a policy for the triggers to guard
    finally:
        db.dispose()
    assert triggers(empty_engine) == triggers_at_head
    for statement in ("UPDATE policy_versions SET text = 'altered'", "DELETE FROM policy_versions"):
        with pytest.raises(DBAPIError, match="append-only"):
            with empty_engine.begin() as connection:
                connection.execute(text(statement))


def triggers(engine: Engine) -> dict[str, set[str]]:
    """Trigger names per table, as the database reports them."""
    found: dict[str, set[str]] = {}
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            rows = connection.execute(text("SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'"))
        else:
            rows = connection.execute(
                text("SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal")
            )
        for table, name in rows:
            found.setdefault(table, set()).add(name)
    return found


def test_prepare_database_leaves_a_new_database_to_the_set_up(empty_engine: Engine) -> None:
    """No clinic, policy or account is made up: the set-up (or the demonstration) enters them."""
    db = Database(empty_engine.url.render_as_string(hide_password=False))
    try:
        prepare_database(db)
        prepare_database(db)  # twice: still nothing
        with db.engine.connect() as connection:
            for table in ("organisation", "clinics", "policy_versions", "staff"):
                assert connection.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 0  # noqa: S608
    finally:
        db.dispose()


def test_copy_sqlite_aside_is_a_complete_private_copy(tmp_path: Path) -> None:
    path = tmp_path / "frontdesk.db"
    engine = create_database_engine(sqlite_url(path))
    try:
        upgrade_to_head(engine)
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO policy_versions (version, language, effective_date, text, sha256, loaded_at) "
                    "VALUES ('2020-04-22', 'en', '2020-04-22', 'texte', :sha, :at)"
                ),
                {"sha": "0" * 64, "at": datetime(2026, 11, 24, tzinfo=UTC).replace(tzinfo=None)},
            )
        # The row may still be only in the write-ahead log: the copy must include it anyway.
        copy = copy_sqlite_aside(engine, current_revision(engine))
        assert copy is not None and copy.exists() and copy.parent == path.parent
        assert copy.name.startswith("frontdesk.db.before-0017-") and copy.name.endswith(".bak")
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600
        with sqlite3.connect(copy) as backup:
            assert backup.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert backup.execute("SELECT text FROM policy_versions").fetchall() == [("texte",)]
            assert backup.execute("SELECT version_num FROM alembic_version").fetchall() == [("0017",)]
        backup.close()
    finally:
        engine.dispose()


def test_nothing_to_copy_aside_for_an_empty_file(tmp_path: Path) -> None:
    engine = create_database_engine(sqlite_url(tmp_path / "frontdesk.db"))
    try:
        assert copy_sqlite_aside(engine, None) is None
        assert [p.name for p in tmp_path.iterdir()] == ["frontdesk.db"]
    finally:
        engine.dispose()


def test_0003_adds_the_staff_language_and_takes_it_away(empty_engine: Engine) -> None:
    command.upgrade(alembic_config(empty_engine), "0002")
    assert "language" not in {c["name"] for c in inspect(empty_engine).get_columns("staff")}
    upgrade_to_head(empty_engine)
    assert "language" in {c["name"] for c in inspect(empty_engine).get_columns("staff")}
    command.downgrade(alembic_config(empty_engine), "0002")
    assert "language" not in {c["name"] for c in inspect(empty_engine).get_columns("staff")}
    upgrade_to_head(empty_engine)
    assert is_at_head(empty_engine)


def test_0007_gives_stored_phones_an_empty_extension_and_takes_it_away(empty_engine: Engine) -> None:
    command.upgrade(alembic_config(empty_engine), "0006")
    with empty_engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO clinics (name, street, city, province, postal_code, phone, email) "
                "VALUES ('Clinique', '1 rue', 'Québec', 'QC', 'G1R 1A1', '+14185550100', 'a@b.ca')"
            )
        )
    upgrade_to_head(empty_engine)
    with empty_engine.connect() as connection:
        stored = connection.execute(text("SELECT phone, phone_extension FROM clinics")).all()
    assert stored == [("+14185550100", "")]
    assert "phone_extension" in {c["name"] for c in inspect(empty_engine).get_columns("clients")}
    command.downgrade(alembic_config(empty_engine), "0006")
    for table in ("clients", "clinics"):
        assert "phone_extension" not in {c["name"] for c in inspect(empty_engine).get_columns(table)}
    upgrade_to_head(empty_engine)
    assert is_at_head(empty_engine)
