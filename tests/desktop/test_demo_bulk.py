"""The demo's bulk path writes what the services write: a demo of a few thousand files, in several
batches, passes ``db check`` (audit chain, triggers, stored PDFs, the witness, the current-consent
table) on SQLite and PostgreSQL, and its rows read back as the services read theirs."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from desktop import demo
from desktop.app import open_services
from desktop.db.models import Client, ClientSearchKey, ConsentEvent, CurrentConsent
from desktop.demo_bulk import DEMO_COLUMNS, ColumnsChanged, check_columns
from desktop.maintenance.integrity import Status, check_database_at
from desktop.services.clock import FixedClock
from desktop.services.ledger.current_consent import current_consent_differences
from desktop.services.search_keys import client_keys
from desktop.workstation import workstation_name

CLIENTS = 2500


def test_a_bulk_demo_passes_db_check(
    fresh_url: str, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Several batches: the audit chain, the ids and the witness continue from one to the next.
    monkeypatch.setattr(demo, "BATCH", 1000)
    services = open_services(fresh_url, clock=clock)
    try:
        assert demo.populate(services, CLIENTS, workstation="bulk-test") == CLIENTS
        with services.db.engine.connect() as connection:
            assert current_consent_differences(connection) == (0, [])
        with services.db.session(write=False) as session:
            assert session.scalar(select(func.count()).select_from(Client)) == CLIENTS
            assert session.scalar(select(func.count()).select_from(CurrentConsent)) > CLIENTS
            events = session.scalar(select(func.count()).select_from(ConsentEvent)) or 0
            assert events > 3 * CLIENTS
            # Each file's keys are the ones the services give it, sort key and all.
            for client in session.scalars(select(Client).order_by(Client.id).limit(50)):
                stored = session.execute(
                    select(ClientSearchKey.kind, ClientSearchKey.key, ClientSearchKey.sort_key).where(
                        ClientSearchKey.client_id == client.id
                    )
                ).all()
                expected = {(k["kind"], k["key"], k["sort_key"]) for k in client_keys(client)}
                assert set(stored) == expected
                assert {s for _, _, s in stored} == {client.sort_key}
    finally:
        services.close()
    report = check_database_at(fresh_url, workstation=workstation_name())
    failed = [f.line() for f in report.findings if f.status == Status.FAILED]
    assert report.ok, failed
    witness = report.finding("witness")
    assert witness is not None and witness.status == Status.OK, witness


def test_a_table_that_changed_is_named() -> None:
    # As a migration adding a column would leave the demo's list behind.
    with pytest.raises(ColumnsChanged, match="missing: demo; unknown: nickname"):
        check_columns("clients", (*DEMO_COLUMNS["clients"][:-1], "nickname"))
