"""A contact export never blocks the desk: while one reads its list for ten seconds (its own row stream
slowed, so a real read transaction stays open), another workstation signs in and saves a consent, each
at once; the list is the snapshot the export began with. SQLite and PostgreSQL."""

from __future__ import annotations

import threading
import time

import pytest

from desktop.app import open_services
from desktop.domain.enums import Channel, Interaction, Language, Purpose
from desktop.domain.records import ConsentCapture, ConsentChange, ExportResult
from desktop.services import exports
from tests.conftest import TEST_PASSWORD, WORKSTATION
from tests.support.documents import new_client, read_csv

NEWS = Purpose.NEWSLETTERS
HOLD_SECONDS = 10.0
#: Far below the wait of one blocked by the lock (SQLite's busy timeout: 15 s; here, the export's 10 s).
AT_ONCE_SECONDS = 1.5


def grant(services, actor, client_id) -> None:  # type: ignore[no-untyped-def]
    change = ConsentChange(NEWS, Channel.EMAIL, True)
    services.consent.record(actor, client_id, ConsentCapture((change,), Interaction.PHONE, Language.FR))


@pytest.mark.slow
def test_the_desk_signs_in_and_saves_while_an_export_reads(
    services, team, clock, database_url, tmp_path, monkeypatch
):
    listed = [
        new_client(services, team.receptionist, name, "Test", email=f"{name}@example.com") for name in "ab"
    ]
    for client in listed:
        grant(services, team.receptionist, client.id)
    monkeypatch.setattr(exports, "BATCH_ROWS", 1)  # one row per batch: the pause comes mid-stream
    reading, done = threading.Event(), threading.Event()
    outcome: dict[str, object] = {}

    def slow_stream(rows_read: int) -> None:
        if rows_read == 1:  # the first batch is written; the cursor and the snapshot stay open
            reading.set()
            time.sleep(HOLD_SECONDS)

    def export() -> None:
        started = time.monotonic()
        try:
            outcome["result"] = services.exports.export_contacts(
                team.manager, NEWS, Channel.EMAIL, tmp_path / "list.csv", progress=slow_stream
            )
        except BaseException as error:  # noqa: BLE001 (reported by the assertion below)
            outcome["error"] = error
        outcome["seconds"] = time.monotonic() - started
        done.set()

    exporter = threading.Thread(target=export)
    exporter.start()
    desk = open_services(database_url, clock=clock, migrate=False, daily_backup=False)
    try:
        assert reading.wait(30), outcome
        started = time.monotonic()
        actor = desk.staff.authenticate("accueil", TEST_PASSWORD, WORKSTATION)
        signed_in = time.monotonic() - started
        newcomer = new_client(desk, actor, "Nouveau", "Venu", email="nouveau@example.com")
        started = time.monotonic()
        grant(desk, actor, newcomer.id)
        saved = time.monotonic() - started
        still_reading = not done.is_set()
    finally:
        exporter.join(60)
        desk.close()

    assert "error" not in outcome, outcome
    assert still_reading, "the export ended before the desk's work: nothing was tested"
    assert signed_in < AT_ONCE_SECONDS and saved < AT_ONCE_SECONDS, (signed_in, saved)
    assert outcome["seconds"] >= HOLD_SECONDS  # type: ignore[operator]
    result = outcome["result"]
    assert isinstance(result, ExportResult)
    rows = read_csv((tmp_path / "list.csv").read_bytes())
    # The list is the snapshot the export read: the consent saved meanwhile is not in it.
    assert sorted(row[1] for row in rows[1:]) == ["a", "b"] and result.row_count == 2
