"""Migration 0008 on a database in use: the ledgers with personal fields get the guard that lets
through only a recorded erasure, and lose it again going down. An upgrade verifies the audit chain
first: a database whose trail was changed outside FrontDesk is refused, an intact one is upgraded
and verifies (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date

import pytest
from alembic import command
from click.testing import CliRunner
from sqlalchemy import text

from desktop.cli import cli
from desktop.db.migrate import alembic_config, current_revision, head_revision
from desktop.domain.enums import PROMOTIONAL_PURPOSES, OptOutVia
from desktop.domain.records import OptOutDraft
from desktop.services import Services
from desktop.services.erasure import erase_personal_fields
from desktop.services.permissions import Permission
from desktop.services.unit_of_work import run
from tests.desktop.security.tamper import audit_ids, edit_audit_detail
from tests.support.documents import new_client

GUARDED = ("consent_events", "acknowledgments", "acknowledgment_documents", "opt_out_requests")


def guards(services: Services) -> dict[str, str]:
    """Each guarded table's UPDATE guard: its SQLite text, or the PostgreSQL function it calls."""
    with services.db.engine.connect() as connection:
        if services.db.dialect == "sqlite":
            query = (
                "SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_no_update'"
            )
        else:
            query = (
                "SELECT c.relname, p.proname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "JOIN pg_proc p ON p.oid = t.tgfoid WHERE t.tgname LIKE '%_append_only'"
            )
        return {str(table): str(sql) for table, sql in connection.execute(text(query)) if table in GUARDED}


def erasable(definition: str) -> bool:
    return "WHEN NOT" in definition or definition == "frontdesk_erase_only"


def _upgrade(database_url: str):
    return CliRunner().invoke(cli, ["--database", database_url, "db", "upgrade"])


@pytest.fixture
def request_id(services: Services, receptionist) -> int:
    client = new_client(services, receptionist)
    logged = services.optouts.log(
        receptionist,
        OptOutDraft(
            OptOutVia.PHONE,
            date(2026, 11, 24),
            "Zoé Côté",
            purposes=PROMOTIONAL_PURPOSES,
            client_id=client.id,
        ),
    )
    return int(logged.id)


def test_0008_down_and_up_then_an_erasure_verifies(
    services: Services, team, request_id, database_url
) -> None:
    engine = services.db.engine
    assert all(erasable(d) for d in guards(services).values()) and len(guards(services)) == 4

    command.downgrade(alembic_config(engine), "0007")
    engine.dispose()
    assert not any(erasable(d) for d in guards(services).values()) and len(guards(services)) == 4
    before = CliRunner().invoke(cli, ["--database", database_url, "db", "check"])  # read-only: not upgraded
    assert "[ok] append-only triggers" in before.output, before.output  # the guards of its revision

    result = _upgrade(database_url)
    assert result.exit_code == 0, result.output
    assert current_revision(engine) == head_revision(engine) == "0017"
    engine.dispose()
    run(
        services.db,
        services.clock,
        team.privacy_officer,
        Permission.READ_AUDIT,
        lambda uow: erase_personal_fields(uow, "opt_out_requests", [request_id]),
    )
    check = CliRunner().invoke(cli, ["--database", database_url, "db", "check"])
    assert check.exit_code == 0, check.output
    assert f"opt_out_requests id {request_id} erased by event " in check.output
    assert "[ok] audit chain" in check.output and "[ok] append-only triggers" in check.output


def test_an_upgrade_refuses_a_database_whose_audit_chain_is_broken(
    services: Services, request_id, database_url
):
    engine = services.db.engine
    command.downgrade(alembic_config(engine), "0007")
    engine.dispose()
    altered = audit_ids(engine)[1]
    with engine.begin() as connection:  # as someone holding the database could, the guard lifted first
        if engine.dialect.name == "sqlite":
            connection.exec_driver_sql("DROP TRIGGER audit_records_no_update")
        else:
            connection.exec_driver_sql("DROP TRIGGER audit_records_append_only ON audit_records")
    edit_audit_detail(engine, altered, "rewritten")

    result = _upgrade(database_url)

    assert result.exit_code != 0
    assert (
        f"broken at record {altered}" in result.output
        or f"rompue à l'enregistrement {altered}" in result.output
    )
    assert "Traceback" not in result.output
    engine.dispose()
    assert current_revision(engine) == "0007"  # nothing was changed


@pytest.fixture(autouse=True)
def _no_pool_between_revisions(services: Services):  # type: ignore[no-untyped-def]
    """Connections opened at one revision are not reused at the other (PostgreSQL caches plans)."""
    yield
    services.db.engine.dispose()
