"""Shared fixtures: every service test runs on a SQLite file and on a real PostgreSQL server."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import itertools  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from datetime import UTC, datetime  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from desktop.app import open_services, prepare_database  # noqa: E402
from desktop.db.database import Database  # noqa: E402
from desktop.db.engine import sqlite_url  # noqa: E402
from desktop.demo_clinic import set_up_demo_clinic  # noqa: E402
from desktop.domain.enums import Role  # noqa: E402
from desktop.domain.login_policy import LoginPolicy  # noqa: E402
from desktop.domain.records import Actor  # noqa: E402
from desktop.services import Services  # noqa: E402
from desktop.services.clock import FixedClock  # noqa: E402
from desktop.services.unit_of_work import system_actor  # noqa: E402
from tests.support.postgres_server import PostgresServer  # noqa: E402

TEST_PASSWORD = "Front-desk-2026"
WORKSTATION = "test-workstation"
#: A Tuesday; dates and deadlines in tests are computed from here.
TEST_NOW = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)
STAFF = {
    "accueil": ("Amélie Côté", Role.RECEPTIONIST),
    "gestion": ("Marc-André O'Brien", Role.MANAGER),
    "vie.privee": ("Linh Nguyễn", Role.PRIVACY_OFFICER),
}
_counter = itertools.count()


def _seed(url: str) -> None:
    db = Database(url)
    try:
        prepare_database(db)
        services = Services.create(db)
        set_up_demo_clinic(services, WORKSTATION)
        for username, (name, role) in STAFF.items():
            services.staff.create(system_actor(WORKSTATION), username, name, role, TEST_PASSWORD)
    finally:
        db.dispose()


@pytest.fixture(scope="session")
def test_root() -> Iterator[Path]:
    root = Path(tempfile.mkdtemp(prefix="frontdesk-tests-"))
    os.environ.setdefault("FRONTDESK_DATA_DIR", str(root / "data"))
    os.environ.setdefault("FRONTDESK_LOG_DIR", str(root / "logs"))
    # The workstation's witness key is made on first use: never in the real configuration folder.
    os.environ.setdefault("FRONTDESK_CONFIG_DIR", str(root / "config"))
    yield root
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def sqlite_template(test_root: Path) -> Path:
    path = test_root / "template.db"
    _seed(sqlite_url(path))
    return path


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    server = PostgresServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def postgres_template(postgres_server: PostgresServer, test_root: Path) -> str:
    # test_root first: the seeding writes this workstation's witness into the test's data folder.
    name = "frontdesk_template"
    _seed(postgres_server.create_database(name))
    return name


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        path = tmp_path / "frontdesk.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        path.chmod(0o600)
        yield sqlite_url(path)
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    template = request.getfixturevalue("postgres_template")
    name = f"frontdesk_test_{os.getpid()}_{next(_counter)}"
    url = server.create_database(name, template=template)
    yield url
    server.drop_database(name)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(TEST_NOW)


@pytest.fixture
def login_policy() -> LoginPolicy:
    return LoginPolicy()


@pytest.fixture
def services(database_url: str, clock: FixedClock, login_policy: LoginPolicy) -> Iterator[Services]:
    opened = open_services(database_url, clock=clock, login_policy=login_policy, migrate=False)
    yield opened
    opened.close()


@dataclass(frozen=True)
class Team:
    receptionist: Actor
    manager: Actor
    privacy_officer: Actor

    def by_role(self, role: Role) -> Actor:
        return {Role.RECEPTIONIST: self.receptionist, Role.MANAGER: self.manager,
                Role.PRIVACY_OFFICER: self.privacy_officer}[role]


@pytest.fixture
def team(services: Services) -> Team:
    """The template's three staff members as signed in; sign-in itself is tested in test_staff.py
    (checking three argon2 hashes per test would dominate the run time)."""
    records = {s.username: s for s in services.staff.list(system_actor(WORKSTATION))}
    login = {
        u: Actor(r.id, r.username, r.full_name, r.role, r.clinic_id, WORKSTATION) for u, r in records.items()
    }
    return Team(login["accueil"], login["gestion"], login["vie.privee"])


@pytest.fixture
def receptionist(team: Team) -> Actor:
    return team.receptionist
