"""Where the data lives: a PostgreSQL server's URL is tried before it is kept, kept readable by this
computer's user only, and its password never reaches the log."""

from __future__ import annotations

import logging
import socket
import stat

import pytest

from desktop.app import resolve_database_url
from desktop.connection_config import check_server_url, store_database_url, stored_database_url, url_path
from desktop.domain.errors import ValidationError

SECRET = "s3cret-Pa55"


@pytest.fixture
def config(tmp_path, monkeypatch):
    monkeypatch.setenv("FRONTDESK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("FRONTDESK_DATABASE_URL", raising=False)
    return tmp_path / "config"


@pytest.fixture
def logged():
    """What the module logs, caught at its own logger (other tests may stop propagation to the root)."""
    records: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record.getMessage())

    logger = logging.getLogger("desktop.connection_config")
    handler, level = Keep(logging.DEBUG), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    yield records
    logger.removeHandler(handler)
    logger.setLevel(level)


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_server_url_is_kept_owner_only_and_never_logged(config, logged) -> None:
    url = f"postgresql+psycopg://frontdesk:{SECRET}@127.0.0.1:5432/frontdesk"
    store_database_url(url)
    assert stat.S_IMODE(url_path().stat().st_mode) == 0o600
    assert stored_database_url() == url == resolve_database_url()
    assert resolve_database_url("sqlite:///other.db") == "sqlite:///other.db"  # --database still wins
    text = "\n".join(logged)
    assert SECRET not in text and "127.0.0.1" in text
    store_database_url(None)
    assert stored_database_url() is None and resolve_database_url().startswith("sqlite")


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("mysql://user@host/db", "invalid_database_url"),
        ("postgresql://", "database_unreachable"),
        (f"postgresql://frontdesk:{SECRET}@127.0.0.1:{{port}}/frontdesk", "database_unreachable"),
    ],
)
def test_a_server_that_does_not_answer_is_refused_with_a_reason(config, logged, url: str, code: str) -> None:
    with pytest.raises(ValidationError) as refused:
        check_server_url(url.format(port=closed_port()))
    assert [(e.field, e.code) for e in refused.value.errors] == [("database_url", code)]
    assert not any(SECRET in line for line in logged)
    assert stored_database_url() is None


@pytest.mark.postgresql
def test_a_server_that_answers_is_accepted(config, postgres_server) -> None:
    url = postgres_server.create_database("frontdesk_connection_check")
    try:
        assert check_server_url(url.replace("postgresql+psycopg://", "postgresql://")).startswith("postgresql+psycopg://")
    finally:
        postgres_server.drop_database("frontdesk_connection_check")
