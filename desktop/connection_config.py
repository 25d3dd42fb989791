"""Where this workstation's data lives, as the set-up chose: the SQLite file in the user-data folder
(nothing stored) or a PostgreSQL server whose URL is kept in ``database.url`` in the config folder,
readable by this computer's user only (it holds the server password) and never logged."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from desktop.db.engine import display_url
from desktop.domain.errors import FieldError, ValidationError
from desktop.paths import keep_owner_only, make_private_folders
from desktop.settings import config_dir

log = logging.getLogger(__name__)
URL_FILE = "database.url"
#: How long the set-up waits for a server before telling the person it cannot be reached.
CONNECT_TIMEOUT_SECONDS = 5


def url_path() -> Path:
    return config_dir() / URL_FILE


def stored_database_url() -> str | None:
    keep_owner_only(url_path())  # it holds the server's password
    try:
        url = url_path().read_text("utf-8").strip()
    except FileNotFoundError:
        return None
    except OSError as error:
        log.warning("database address file unreadable: %s", error.strerror)
        return None
    return url or None


def store_database_url(url: str | None) -> None:
    """Keep the server URL, owner-only; ``None`` goes back to this computer's SQLite file."""
    path = url_path()
    if url is None:
        path.unlink(missing_ok=True)
        return
    make_private_folders(path.parent)
    # Created owner-only before the password is written into it.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
        stream.write(url.strip() + "\n")
    os.chmod(path, 0o600)
    log.info("database address stored: %s", display_url(url))


def check_server_url(url: str) -> str:
    """The URL when a PostgreSQL server answers on it; ValidationError("database_url", ...) otherwise:
    ``invalid_database_url`` (not a PostgreSQL URL) or ``database_unreachable``."""
    url = url.strip()
    if not url.startswith(("postgresql://", "postgresql+psycopg://")):
        raise ValidationError([FieldError("database_url", "invalid_database_url")])
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    try:
        engine = create_engine(
            url, connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS}, hide_parameters=True
        )
    except (ArgumentError, NoSuchModuleError, ValueError) as error:
        raise ValidationError([FieldError("database_url", "invalid_database_url")]) from error
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except DBAPIError as error:
        log.info("server not reached at %s", display_url(url))
        raise ValidationError([FieldError("database_url", "database_unreachable")]) from error
    finally:
        engine.dispose()
    return url
