"""Stopping a read whose answer is no longer wanted: a search the person has already typed past.

The caller keeps an :class:`Interruption` and hands it to the service; the service runs its queries
inside :meth:`Interruption.watching`. ``cancel()`` from any thread then stops the query running at
that instant: ``sqlite3``'s ``interrupt()``, or PostgreSQL's cancel request. Without it a superseded
search holds the worker (and the database connection) until it ends, and the search the person is
waiting for queues behind it.

A PostgreSQL cancel request travels apart from the query and may land after the query has ended, on
whatever the connection runs next; a connection that received one is therefore closed rather than
given back to the pool. SQLite clears an interrupt that finds no statement running when the next
statement starts, so its connection is kept.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from desktop.domain.errors import QueryInterruptedError

#: PostgreSQL's "canceling statement due to user request".
_QUERY_CANCELED = "57014"


class Interruption:
    """One read's stop button, safe to press from any thread, before, during or after the read."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cancelled = False
        self._running_on: Any = None
        self._cancel_sent = False

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            connection = self._running_on
            if connection is None:
                return
            self._cancel_sent = True
            # Under the lock: the read cannot finish and hand its connection to someone else meanwhile.
            if hasattr(connection, "interrupt"):
                connection.interrupt()  # sqlite3
            else:
                connection.cancel()  # psycopg: a cancel request on a separate connection

    @contextmanager
    def watching(self, session: Session) -> Iterator[None]:
        """Run the body's queries so that :meth:`cancel` stops them; a stopped read raises
        :class:`QueryInterruptedError`, as does one cancelled before it began."""
        connection = session.connection()
        with self._lock:
            if self._cancelled:
                raise QueryInterruptedError()
            dbapi_connection = self._running_on = connection.connection.dbapi_connection
        try:
            yield
        except DBAPIError as error:
            if self._cancelled and _is_interruption(error):
                raise QueryInterruptedError() from error
            raise
        finally:
            with self._lock:
                self._running_on = None
                stray_cancel = self._cancel_sent and not hasattr(dbapi_connection, "interrupt")
            if stray_cancel:
                connection.invalidate()


def _is_interruption(error: DBAPIError) -> bool:
    if getattr(error.orig, "sqlstate", None) == _QUERY_CANCELED:
        return True
    return "interrupted" in str(error.orig).lower()
