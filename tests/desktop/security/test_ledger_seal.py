"""`frontdesk db check` detects tampering with any ledger, made by someone holding the database (the
file or a server login) but not this workstation's witness and key; a clean database passes, and the
check leaves a SQLite file's bytes and mode as they were."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import stat
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select, text

from desktop.cli import cli
from desktop.db.models import APPEND_ONLY_TABLES, AuditRecord, Base
from desktop.domain.enums import PROMOTIONAL_PURPOSES, Channel, OptOutVia, Purpose
from desktop.domain.records import OptOutDraft
from desktop.maintenance.ledger_checks import postgres_guard_sql, sqlite_trigger_sql
from desktop.maintenance.sqlite_file import sqlite_path
from desktop.seal.digest import LEDGER_TABLES
from desktop.seal.witness import WITNESS_ACTION, read_witness, witness_path
from desktop.services.audit_chain import record_hash
from tests.desktop.security.tamper import (
    around_trigger,
    audit_ids,
    drop_append_only_trigger,
    recreate_append_only_trigger,
)
from tests.support.documents import book, new_client


def _check(database_url: str, *witnesses: Path):
    args = ["--database", database_url, "db", "check"]
    for witness in witnesses:
        args += ["--witness", str(witness)]
    return CliRunner().invoke(cli, args)


@pytest.fixture
def activity(services, receptionist):
    """Every ledger gets rows: consent events, an acknowledgment and its PDF, an opt-out request."""
    client = new_client(services, receptionist)
    book(services, receptionist, client.id, granted=((Purpose.NEWSLETTERS, Channel.EMAIL),))
    services.optouts.log(
        receptionist,
        OptOutDraft(
            OptOutVia.PHONE,
            date(2026, 11, 24),
            "Zoé Côté",
            purposes=PROMOTIONAL_PURPOSES,
            client_id=client.id,
        ),
    )
    return client


def _witness_file(services) -> Path:
    with services.db.engine.connect() as connection:
        witness_id = connection.scalar(
            select(AuditRecord.entity_id)
            .where(AuditRecord.action == WITNESS_ACTION)
            .order_by(AuditRecord.id.desc())
        )
    return witness_path(witness_id)


def _newest_id(services, table: str) -> int:
    column = Base.metadata.tables[table].c.id
    with services.db.engine.connect() as connection:
        return int(connection.scalar(select(func.max(column))))


def _failed(result, *expected: str) -> None:
    assert result.exit_code == 1, result.output
    for phrase in expected:
        assert phrase in result.output


def test_a_clean_database_passes(services, activity, database_url):
    result = _check(database_url)
    assert result.exit_code == 0, result.output
    assert "[ok] witness: database matches 1 witness(es)" in result.output
    assert "[ok] stored PDFs: 1 PDFs match their SHA-256" in result.output
    assert "[ok] append-only triggers: present, as defined, and enabled" in result.output
    witness = read_witness(_witness_file(services))
    assert services.witness is not None
    assert services.witness.head() == (
        f"witness {witness.witness_id[:8]} · audit record {witness.audit_last_id} · {witness.mac[:16]}"
    )


def test_every_append_only_table_joins_the_seal(services, activity):
    witness = read_witness(_witness_file(services))
    assert (
        set(witness.ledgers) | {"audit_records"}
        == set(APPEND_ONLY_TABLES)
        == set(LEDGER_TABLES) | {"audit_records"}
    )
    assert all(
        witness.ledgers[t]
        for t in (
            "consent_events",
            "acknowledgments",
            "acknowledgment_documents",
            "opt_out_requests",
            "opt_out_scopes",
            "opt_out_events",
            "policy_versions",
        )
    )
    assert stat.S_IMODE(witness_path(witness.witness_id).stat().st_mode) == 0o600


def test_every_table_the_database_guards_is_witnessed(services):
    """A ledger added later (its triggers in a migration) joins the seal once it is in APPEND_ONLY_TABLES."""
    with services.db.engine.connect() as connection:
        if services.db.dialect == "sqlite":
            query = "SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%RAISE(ABORT%'"
        else:
            query = (
                "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "JOIN pg_proc p ON p.oid = t.tgfoid WHERE p.proname = 'frontdesk_refuse_change'"
            )
        guarded = set(connection.execute(text(query)).scalars())
    assert guarded == set(APPEND_ONLY_TABLES) == set(LEDGER_TABLES) | {"audit_records"}
    assert set(APPEND_ONLY_TABLES) <= set(Base.metadata.tables)


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_the_check_leaves_the_file_as_it_was(services, activity, database_url, journal):
    path = sqlite_path(database_url)
    if path is None:
        pytest.skip("a SQLite file")
    services.close()
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA journal_mode={journal}")
    path.chmod(0o700)  # not 0600, yet owner-only: db check reports a mode others can open
    before = (
        hashlib.sha256(path.read_bytes()).hexdigest(),
        path.stat().st_mode,
        sorted(p.name for p in path.parent.iterdir()),
    )

    result = _check(database_url)

    assert result.exit_code == 0, result.output
    after = (
        hashlib.sha256(path.read_bytes()).hexdigest(),
        path.stat().st_mode,
        sorted(p.name for p in path.parent.iterdir()),
    )
    assert after == before


def test_removing_the_newest_audit_records_is_detected(services, activity, database_url):
    ids = audit_ids(services.db.engine)
    around_trigger(
        services.db.engine, "audit_records", "DELETE FROM audit_records WHERE id >= :id", id=ids[-2]
    )

    _failed(
        _check(database_url),
        f"audit record {ids[-1]}, the newest this witness saw, is missing: records after {ids[-3]} were removed",
    )


@pytest.mark.parametrize(
    ("table", "statement"),
    [
        ("consent_events", "UPDATE consent_events SET wording = 'autre libellé' WHERE id = :id"),
        ("consent_events", "DELETE FROM consent_events WHERE id = :id"),
        ("acknowledgments", "UPDATE acknowledgments SET signer_name = 'Quelqu''un' WHERE id = :id"),
        ("opt_out_requests", "UPDATE opt_out_requests SET received_on = '2026-12-20' WHERE id = :id"),
        ("opt_out_events", "DELETE FROM opt_out_events WHERE id = :id"),
        ("policy_versions", "UPDATE policy_versions SET text = text || ' ' WHERE id = :id"),
    ],
)
def test_a_ledger_changed_behind_its_trigger_is_detected(services, activity, database_url, table, statement):
    row_id = _newest_id(services, table)
    around_trigger(services.db.engine, table, statement, id=row_id)

    result = _check(database_url)

    what = "removed (absent ids: " if statement.startswith("DELETE") else "a row was altered"
    _failed(result, f"{table} ids ", what)
    assert "[ok] append-only triggers" in result.output and "[ok] audit chain" in result.output


def test_an_altered_stored_pdf_is_detected(services, activity, database_url):
    row_id = _newest_id(services, "acknowledgment_documents")
    around_trigger(
        services.db.engine,
        "acknowledgment_documents",
        "UPDATE acknowledgment_documents SET pdf = :pdf WHERE id = :id",
        pdf=b"%PDF-1.4 forged",
        id=row_id,
    )
    _failed(
        _check(database_url), f"acknowledgment_documents id {row_id}", "the PDF does not match its SHA-256"
    )


def test_a_pdf_replaced_with_its_own_hash_is_detected(services, activity, database_url):
    row_id = _newest_id(services, "acknowledgment_documents")
    forged = b"%PDF-1.4 forged"
    around_trigger(
        services.db.engine,
        "acknowledgment_documents",
        "UPDATE acknowledgment_documents SET pdf = :pdf, sha256 = :sha WHERE id = :id",
        pdf=forged,
        sha=hashlib.sha256(forged).hexdigest(),
        id=row_id,
    )
    result = _check(database_url)
    _failed(result, "acknowledgment_documents ids ", "a row was altered")
    assert "[ok] stored PDFs" in result.output


def test_a_neutered_trigger_is_detected(services, activity, database_url):
    engine = services.db.engine
    with engine.begin() as connection:
        if engine.dialect.name == "sqlite":
            connection.exec_driver_sql("DROP TRIGGER consent_events_no_update")
            connection.exec_driver_sql(
                "CREATE TRIGGER consent_events_no_update BEFORE UPDATE ON consent_events WHEN 0 "
                "BEGIN SELECT RAISE(ABORT, 'append-only table consent_events: UPDATE refused'); END"
            )
            expected = "consent_events: UPDATE trigger altered"
        else:
            connection.exec_driver_sql("DROP TRIGGER consent_events_append_only ON consent_events")
            connection.exec_driver_sql(postgres_guard_sql("consent_events"))
            connection.exec_driver_sql(
                "ALTER TABLE consent_events ENABLE REPLICA TRIGGER consent_events_append_only"
            )
            expected = "consent_events: UPDATE/DELETE trigger does not fire (ENABLE REPLICA)"
    _failed(_check(database_url), f"[FAILED] append-only triggers: {expected}")


@pytest.mark.postgresql
def test_a_change_under_replication_role_is_detected(services, activity, database_url):
    if services.db.dialect != "postgresql":
        pytest.skip("PostgreSQL")
    row_id = _newest_id(services, "consent_events")
    with services.db.engine.begin() as connection:
        connection.exec_driver_sql("SET LOCAL session_replication_role = replica")
        connection.execute(text("UPDATE consent_events SET wording = 'autre' WHERE id = :id"), {"id": row_id})
    result = _check(database_url)
    _failed(result, "consent_events ids ", "a row was altered")
    assert "[ok] append-only triggers" in result.output


def test_a_chain_recomputed_with_the_public_hash_is_detected(services, activity, database_url):
    engine = services.db.engine
    drop_append_only_trigger(engine, "audit_records")
    with engine.begin() as connection:
        rows = connection.execute(select(AuditRecord.__table__).order_by(AuditRecord.id)).all()
        prev = rows[0].prev_hash
        for row in rows:
            detail = "rewritten" if row.id == rows[len(rows) // 2].id else row.detail
            new = record_hash(
                prev,
                row.at,
                row.staff_id,
                row.username,
                row.workstation,
                row.action,
                row.entity_type,
                row.entity_id,
                detail,
            )
            connection.execute(
                text("UPDATE audit_records SET detail = :d, prev_hash = :p, hash = :h WHERE id = :id"),
                {"d": detail, "p": prev, "h": new, "id": row.id},
            )
            prev = new
    recreate_append_only_trigger(engine, "audit_records")
    result = _check(database_url)
    _failed(result, f"audit record {rows[-1].id} does not carry the hash this witness saw")
    assert "[ok] audit chain" in result.output


def test_a_missing_or_altered_witness_fails(services, activity, database_url):
    path = _witness_file(services)
    base, records = path.read_bytes().split(b"\n", 1)  # the whole witness, then a record per save
    data = json.loads(base)
    data["audit"]["last_id"] -= 1
    path.write_bytes(json.dumps(data).encode() + b"\n" + records)
    _failed(_check(database_url), "the file was altered (its keyed head does not match)")
    path.unlink()
    _failed(_check(database_url), "missing (the database records it was written)")


def test_each_given_witness_is_checked(services, activity, database_url, tmp_path):
    other = tmp_path / "reception-2.json"
    other.write_bytes(_witness_file(services).read_bytes())
    assert _check(database_url, other).output.count("[ok] witness: database matches 2 witness(es)") == 1
    _witness_file(services).unlink()  # only the given one remains to tell
    row_id = _newest_id(services, "consent_events")
    around_trigger(
        services.db.engine, "consent_events", "DELETE FROM consent_events WHERE id = :id", id=row_id
    )
    _failed(_check(database_url, other), f"witness {other.name}", f"absent ids: {row_id}")
    # A witness named that is not there: refused before any check, naming the file.
    absent = _check(database_url, tmp_path / "absent.json")
    assert absent.exit_code == 2 and f"{tmp_path / 'absent.json'} is missing or cannot be read" in absent.output


def test_restore_refuses_a_backup_with_a_neutered_trigger(services, activity, database_url, tmp_path):
    if sqlite_path(database_url) is None:
        pytest.skip("restore works on SQLite files")
    backup = tmp_path / "backup.db"
    made = CliRunner().invoke(cli, ["--database", database_url, "db", "backup", str(backup)])
    assert made.exit_code == 0, made.output
    with sqlite3.connect(backup) as connection:
        connection.execute("DROP TRIGGER opt_out_events_no_delete")
        connection.execute(
            "CREATE TRIGGER opt_out_events_no_delete BEFORE DELETE ON opt_out_events WHEN 0 "
            "BEGIN SELECT RAISE(ABORT, 'append-only table opt_out_events: DELETE refused'); END"
        )
    services.close()

    result = CliRunner().invoke(cli, ["--database", database_url, "db", "restore", "--yes", str(backup)])

    assert result.exit_code != 0
    assert "append-only triggers: opt_out_events: DELETE trigger altered" in result.output


def test_restore_refuses_a_backup_changed_since_it_was_made(services, activity, database_url, tmp_path):
    if sqlite_path(database_url) is None:
        pytest.skip("restore works on SQLite files")
    backup = tmp_path / "backup.db"
    made = CliRunner().invoke(cli, ["--database", database_url, "db", "backup", str(backup)])
    assert made.exit_code == 0, made.output
    assert stat.S_IMODE((tmp_path / "backup.db.witness.json").stat().st_mode) == 0o600
    with sqlite3.connect(backup) as connection:
        row_id = connection.execute("SELECT max(id) FROM consent_events").fetchone()[0]
        connection.execute("DROP TRIGGER consent_events_no_delete")
        connection.execute("DELETE FROM consent_events WHERE id = ?", (row_id,))
        connection.execute(sqlite_trigger_sql("consent_events", "DELETE"))
    services.close()

    result = CliRunner().invoke(cli, ["--database", database_url, "db", "restore", "--yes", str(backup)])

    assert result.exit_code != 0
    assert "changed since it was made: consent_events ids" in result.output
    assert f"absent ids: {row_id}" in result.output


def test_a_staff_account_changed_outside_frontdesk_is_detected(services, activity, team, database_url):
    services.staff.set_active(team.manager, team.receptionist.staff_id, False)  # audited: not a finding
    passed = _check(database_url)
    assert passed.exit_code == 0, passed.output
    with services.db.engine.begin() as connection:
        connection.execute(
            text("UPDATE staff SET role = 'manager', active = :on WHERE id = :id"),
            {"on": True, "id": team.receptionist.staff_id},
        )
    _failed(_check(database_url), f"staff account id {team.receptionist.staff_id} changed outside FrontDesk")


def test_a_restore_is_named_not_taken_for_tampering(services, activity, receptionist, database_url, tmp_path):
    if sqlite_path(database_url) is None:
        pytest.skip("restore works on SQLite files")
    backup = tmp_path / "backup.db"
    assert CliRunner().invoke(cli, ["--database", database_url, "db", "backup", str(backup)]).exit_code == 0
    new_client(services, receptionist, "Après", "Sauvegarde")
    book(services, receptionist, new_client(services, receptionist, "Autre", "Client").id)
    before = tmp_path / "before-restore.json"
    before.write_bytes(_witness_file(services).read_bytes())
    services.close()
    restored = CliRunner().invoke(cli, ["--database", database_url, "db", "restore", "--yes", str(backup)])
    assert restored.exit_code == 0, restored.output

    result = _check(database_url, before)

    assert result.exit_code == 0, result.output
    assert f"[warning] witness: witness {before.name}" in result.output
    assert "predates the restore of" in result.output
    assert "[ok] witness: database matches 1 witness(es)" in result.output
