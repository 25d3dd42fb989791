"""Fixtures for the core's tests beyond the shared ones: a database fresh from set-up, holding no
account and no record (the demo refuses the shared template, whose staff accounts are people's)."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.app import open_services
from desktop.db.engine import sqlite_url
from desktop.services import Services
from desktop.services.clock import FixedClock

_fresh = itertools.count()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def fresh_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A new, empty database (migrated and seeded on first opening)."""
    if request.param == "sqlite":
        yield sqlite_url(tmp_path / "fresh" / "frontdesk.db")
        return
    server = request.getfixturevalue("postgres_server")
    name = f"frontdesk_fresh_{os.getpid()}_{next(_fresh)}"
    url = server.create_database(name)
    yield url
    server.drop_database(name)


@pytest.fixture
def fresh_services(fresh_url: str, clock: FixedClock) -> Iterator[Services]:
    opened = open_services(fresh_url, clock=clock)
    yield opened
    opened.close()
