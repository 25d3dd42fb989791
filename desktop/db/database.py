"""One Database per process: the engine and a factory of short-lived sessions (one per unit of work)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session, sessionmaker

from desktop.db.engine import WRITE_OPTION, create_database_engine, display_url


class Database:
    def __init__(self, url: str) -> None:
        self.url = url
        self.engine: Engine = create_database_engine(url)
        self._write_engine = self.engine.execution_options(**{WRITE_OPTION: True})
        self._read_sessions = sessionmaker(bind=self.engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(bind=self._write_engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def display_url(self) -> str:
        return display_url(self.url)

    def session(self, *, write: bool) -> Session:
        return (self._write_sessions if write else self._read_sessions)()

    def listen_to_writes(self, name: str, listener: Callable[..., Any]) -> None:
        """A session event on the write sessions only (the ledgers' witness follows their commits)."""
        event.listen(self._write_sessions, name, listener)

    def dispose(self) -> None:
        self.engine.dispose()
