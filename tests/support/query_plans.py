"""The statements a piece of work sends to the database, and their query plans read back from the database."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, event

#: A step of an SQLite plan that reads a whole table (or a whole index: SCAN … USING COVERING INDEX), a
#: sub-query's own rows ("SCAN anon_1", "SCAN (subquery-1)") apart.
_SQLITE_SCAN = re.compile(r"^SCAN (?!anon_|\(subquery|CONSTANT ROW)")
#: A PostgreSQL plan node that sorts; "Sort Key:" lines belong to such a node.
_PG_SORT = re.compile(r"(^|->\s+)(Incremental )?Sort\b")


@contextmanager
def captured_statements(engine: Engine) -> Iterator[list[tuple[str, Any]]]:
    """Every statement (as sent to the driver, with its parameters) executed on ``engine`` meanwhile."""
    seen: list[tuple[str, Any]] = []

    def record(_conn: object, _cursor: object, statement: str, parameters: Any, *_rest: object) -> None:
        seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def query_plan(engine: Engine, statement: str, parameters: Any) -> list[str]:
    """The plan the database chooses for ``statement`` with these parameters, one line per step."""
    with engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        cursor = raw.cursor()
        if engine.dialect.name == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {statement}", parameters)
            return [str(row[-1]) for row in cursor.fetchall()]
        cursor.execute(f"EXPLAIN {statement}", parameters)
        return [str(row[0]) for row in cursor.fetchall()]


def plan_faults(dialect: str, plan: list[str], *, ordered_walk: bool = False) -> list[str]:
    """The steps of a plan that scan a table or sort rows: none in an index-only plan. An ``ordered_walk``
    (ORDER BY an index's columns with a LIMIT) may read its index in order from the start: SQLite calls
    that "SCAN t USING INDEX i", and it stops at the LIMIT."""
    if dialect == "sqlite":
        return [
            step
            for step in plan
            if (_SQLITE_SCAN.match(step) and not (ordered_walk and " USING " in step and "INDEX" in step))
            or "TEMP B-TREE" in step
        ]
    return [step for step in plan if "Seq Scan" in step or _PG_SORT.search(step.strip())]


def plans_of(engine: Engine, work: Callable[[], object]) -> list[tuple[str, list[str]]]:
    """Run ``work``, then explain every statement it sent: (statement, plan) pairs."""
    with captured_statements(engine) as seen:
        work()
    return [(statement, query_plan(engine, statement, parameters)) for statement, parameters in seen]
