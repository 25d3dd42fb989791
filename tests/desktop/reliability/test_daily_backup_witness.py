"""The daily backup keeps this workstation's witness beside it as ``db backup`` does (owner-only,
rotated with it), so ``db restore`` of a daily backup checks it the same way; a restore is recorded
and re-anchors the witness, and ``db check`` then names the restore, not tampering."""

from __future__ import annotations

import json
import sqlite3
import stat
from datetime import date, timedelta

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from desktop.cli import cli
from desktop.db.database import Database
from desktop.db.models import AuditRecord
from desktop.domain.enums import Channel, Purpose
from desktop.maintenance.backup import ensure_daily_backup
from desktop.maintenance.backup_files import daily_backups
from desktop.maintenance.backup_witness import current_witness, sidecar
from desktop.maintenance.ledger_checks import sqlite_trigger_sql
from desktop.maintenance.sqlite_file import sqlite_path
from desktop.seal.witness import read_witness
from desktop.workstation import workstation_name
from tests.support.documents import book, new_client

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def _cli(database_url: str, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["--database", database_url, *args])


def test_each_daily_backup_keeps_the_witness_and_loses_it_with_its_rotation(services, receptionist, tmp_path):  # type: ignore[no-untyped-def]
    book(services, receptionist, new_client(services, receptionist).id)
    folder, first = tmp_path / "daily", date(2026, 11, 1)
    for offset in range(4):
        made = ensure_daily_backup(services.db, folder, keep=2, today=first + timedelta(days=offset))
        assert made is not None
        kept = sidecar(made)
        assert stat.S_IMODE(kept.stat().st_mode) == 0o600
        witness = current_witness(services.db.url, workstation_name())
        assert witness is not None and kept.read_bytes() == witness.read_bytes()
    database = sqlite_path(services.db.url)
    backups = [path for _, path in daily_backups(folder, database)]
    assert len(backups) == 2
    assert sorted(folder.glob("*.witness.json")) == sorted(sidecar(path) for path in backups)


def test_restoring_a_daily_backup_checks_its_witness(services, receptionist, database_url, tmp_path):  # type: ignore[no-untyped-def]
    granted = ((Purpose.NEWSLETTERS, Channel.EMAIL),)
    book(
        services, receptionist, new_client(services, receptionist, "Avant", "Sauvegarde").id, granted=granted
    )
    folder = tmp_path / "daily"
    made = ensure_daily_backup(services.db, folder, today=date(2026, 11, 24))
    assert made is not None
    altered = tmp_path / made.name
    altered.write_bytes(made.read_bytes())
    sidecar(altered).write_bytes(sidecar(made).read_bytes())
    with sqlite3.connect(altered) as connection:
        row_id = connection.execute("SELECT max(id) FROM consent_events").fetchone()[0]
        connection.execute("DROP TRIGGER consent_events_no_delete")
        connection.execute("DELETE FROM consent_events WHERE id = ?", (row_id,))
        connection.execute(sqlite_trigger_sql("consent_events", "DELETE"))
    new_client(services, receptionist, "Après", "Sauvegarde")
    services.close()

    refused = _cli(database_url, "db", "restore", "--yes", str(altered))
    assert refused.exit_code != 0
    assert "changed since it was made: consent_events ids" in refused.output
    assert f"absent ids: {row_id}" in refused.output

    restored = _cli(database_url, "db", "restore", "--yes", str(made))
    assert restored.exit_code == 0, restored.output
    db = Database(database_url)
    try:
        with db.session(write=False) as session:
            records = list(session.scalars(select(AuditRecord).order_by(AuditRecord.id)))
    finally:
        db.dispose()
    # Recorded, then re-anchored: a new witness of this workstation, written after the restore.
    assert [r.action for r in records[-2:]] == ["database.restore", "witness.created"]
    anchored = read_witness(current_witness(database_url, workstation_name()) or tmp_path / "none")
    assert anchored.witness_id == records[-1].entity_id != read_witness(sidecar(made)).witness_id
    assert anchored.audit_last_id == records[-1].id
    checked = _cli(database_url, "db", "check", "--witness", str(sidecar(made)))
    assert checked.exit_code == 0, checked.output
    assert "predates the restore" not in checked.output  # the backup's own witness still matches it
    assert "[ok] witness: database matches 2 witness(es)" in checked.output


def test_a_backup_whose_witness_record_was_changed_is_refused(services, receptionist, database_url, tmp_path):  # type: ignore[no-untyped-def]
    for name in ("Gagnon", "Roy"):
        book(services, receptionist, new_client(services, receptionist, name).id)
    made = ensure_daily_backup(services.db, tmp_path / "daily", today=date(2026, 11, 24))
    assert made is not None
    kept = sidecar(made)
    base, *records = kept.read_bytes().splitlines(keepends=True)
    assert records, "the witness copied with its records"
    changed = json.loads(records[-1])
    changed["audit"]["count"] -= 1
    kept.write_bytes(base + b"".join(records[:-1]) + json.dumps(changed).encode() + b"\n")
    services.close()

    refused = _cli(database_url, "db", "restore", "--yes", str(made))
    assert refused.exit_code != 0
    assert f"its witness {kept.name} was altered (record {len(records)} does not carry its keyed head" in (
        refused.output
    )
