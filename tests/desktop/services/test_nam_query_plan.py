"""Search by health insurance number uses an index on both databases, with 100,000 files analysed: no scan
of the clients nor of the search keys."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text

from desktop.db.models import Client, Staff
from desktop.services import Services
from desktop.services.search_keys import NAM, NAME, search_statement, summary

ROWS = 100_000
PICKED = 4321
#: The rows made by the database itself (a Python executemany of 200,000 rows took 12 s on SQLite, 27 s
#: on PostgreSQL): a series of numbers on each dialect, then one INSERT … SELECT per table.
SERIES = {
    "sqlite": f"WITH RECURSIVE series(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM series WHERE n < {ROWS - 1})",  # noqa: S608 - constants
    "postgresql": f"WITH series(n) AS (SELECT generate_series(0, {ROWS - 1}))",
}
PADDED = {"sqlite": "printf('%08d', n)", "postgresql": "lpad(n::text, 8, '0')"}


def nam_of(n: int) -> str:
    return f"NAMX{n:08d}"


@pytest.fixture
def many_files(services: Services) -> int:
    """100,000 files, each with a NAM and a name key; the statistics gathered. Returns the picked file's id."""
    dialect = services.db.dialect
    with services.db.engine.begin() as connection:
        staff_id = int(connection.scalar(select(func.min(Staff.id))) or 0)
        start = int(connection.scalar(select(func.max(Client.id))) or 0) + 1
        connection.exec_driver_sql(
            # Numbers and constants only:
            f"INSERT INTO clients (id, file_number, last_name, first_name, date_of_birth, preferred_language, "  # noqa: S608
            "street, city, province, postal_code, email, phone, health_number, clinic_id, version, "
            "created_at, created_by_id, updated_at, updated_by_id, demo) "
            f"{SERIES[dialect]} SELECT {start} + n, 'Q' || {PADDED[dialect]}, 'Nom' || n, 'Prénom', "
            f"'1970-01-01', 'fr', '', '', 'QC', '', '', '', 'NAMX' || {PADDED[dialect]}, 1, 1, "
            f"'2026-01-01 00:00:00', {staff_id}, '2026-01-01 00:00:00', {staff_id}, false FROM series"
        )
        connection.exec_driver_sql(
            "INSERT INTO client_search_keys (client_id, kind, key) "  # noqa: S608 - numbers and constants
            f"SELECT id, '{NAM}', health_number FROM clients WHERE id >= {start} "
            f"UNION ALL SELECT id, '{NAME}', lower(last_name) FROM clients WHERE id >= {start}"
        )
    with services.db.engine.begin() as connection:
        connection.execute(text("ANALYZE"))
    return start + PICKED


@pytest.mark.slow
def test_search_by_nam_uses_an_index(services: Services, receptionist, many_files: int) -> None:
    nam = nam_of(PICKED)
    for typed in (nam, f"{nam[:4]} {nam[4:8]} {nam[8:]}"):
        statement = search_statement(typed)
        assert statement is not None
        with services.db.engine.connect() as connection:
            sql = str(statement.compile(connection, compile_kwargs={"literal_binds": True}))
            if services.db.dialect == "sqlite":
                plan = [row[-1] for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}")]
                assert not [step for step in plan if step.startswith("SCAN")], plan
                assert any("client_search_keys USING" in step and "INDEX" in step for step in plan), plan
            else:
                # The planner's own choice, with real statistics: sequential scans stay allowed.
                plan = [row[0] for row in connection.exec_driver_sql(f"EXPLAIN {sql}")]
                shown = "\n".join(plan)
                assert "Seq Scan" not in shown, shown
                assert "ix_client_search_keys_kind_key" in shown, shown
            rows = [summary(row) for row in connection.execute(statement)]
        assert [r.id for r in rows] == [many_files]
        assert [r.id for r in services.clients.search(receptionist, typed)] == [many_files]
