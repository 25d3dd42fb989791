"""A read-only snapshot of the database for work that reads much and writes nothing (reports).

Every query of the snapshot sees the data as it stood when the first one ran, and no lock a writer
waits on is taken: on SQLite a deferred transaction in WAL mode (readers never block the writer), on
PostgreSQL a REPEATABLE READ, READ ONLY transaction. The work's audit record is written afterwards,
in its own short write unit of work, so another workstation can sign in and save meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from desktop.db.database import Database
from desktop.services.thread_guard import check_unit_of_work_allowed
from desktop.services.unit_of_work import retrying, storage_refusal

T = TypeVar("T")

#: A PostgreSQL transaction that reads one snapshot throughout and refuses any write.
POSTGRESQL_SNAPSHOT = {"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}


def read_snapshot(db: Database, work: Callable[[Session], T]) -> T:
    """``work`` given a session reading one snapshot; rolled back afterwards (it writes nothing).
    Lock contention and lost connections are retried as in any unit of work. The caller checks the
    role first (``unit_of_work.run`` with ``write=False``)."""
    check_unit_of_work_allowed()
    try:
        return retrying(lambda: _once(db, work))
    except DBAPIError as error:
        refused = storage_refusal(db, error)
        if refused is None:
            raise
        raise refused from error


def _once(db: Database, work: Callable[[Session], T]) -> T:
    with db.session(write=False) as session:
        if db.dialect == "postgresql":
            # Only when the connection is first procured: before the transaction's first query.
            session.connection(execution_options=POSTGRESQL_SNAPSHOT)
        try:
            return work(session)
        finally:
            session.rollback()
