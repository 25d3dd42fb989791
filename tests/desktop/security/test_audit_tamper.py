"""`frontdesk db check` finds one edited or one removed audit record, and a missing trigger."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner
from sqlalchemy.exc import DBAPIError

from desktop.cli import cli
from desktop.domain.records import ClientDraft
from desktop.maintenance.audit_verify import verify_audit_chain
from tests.desktop.security.tamper import (
    audit_ids,
    delete_audit_record,
    drop_append_only_trigger,
    edit_audit_detail,
)


def _activity(services, actor) -> None:
    for n in range(4):
        client = services.clients.create(actor, ClientDraft(f"Audit{n}", "Essai", date(1990, 2, 1 + n)))
        services.clients.open(actor, client.id)


def _check(database_url: str):
    return CliRunner().invoke(cli, ["--database", database_url, "db", "check"])


def test_a_sound_database_passes(services, receptionist, database_url):
    _activity(services, receptionist)
    result = _check(database_url)
    assert result.exit_code == 0, result.output
    assert "all checks passed" in result.output
    assert "FAILED" not in result.output
    expected = (
        "integrity_check: ok" if services.db.dialect == "sqlite" else "indexes verified (bt_index_check)"
    )
    assert expected in result.output


def test_the_triggers_refuse_edits_while_present(services, receptionist):
    _activity(services, receptionist)
    target = audit_ids(services.db.engine)[3]
    with pytest.raises(DBAPIError):
        edit_audit_detail(services.db.engine, target, "edited")
    with pytest.raises(DBAPIError):
        delete_audit_record(services.db.engine, target)


def test_one_edited_record_is_named(services, receptionist, database_url):
    _activity(services, receptionist)
    ids = audit_ids(services.db.engine)
    target = ids[len(ids) // 2]
    drop_append_only_trigger(services.db.engine, "audit_records")
    edit_audit_detail(services.db.engine, target, "fields=nothing to see")

    result = _check(database_url)

    assert result.exit_code == 1, result.output
    assert f"broken at record {target}: its content does not match its hash" in result.output
    assert "Traceback" not in result.output
    with services.db.engine.connect() as connection:
        chunked = verify_audit_chain(connection, chunk=3)
    assert chunked.first_break is not None and chunked.first_break.record_id == target
    assert len(chunked.breaks) == 1, "the records after the edited one still link to it"


def test_one_removed_record_is_detected_at_the_next(services, receptionist, database_url):
    _activity(services, receptionist)
    ids = audit_ids(services.db.engine)
    target = ids[len(ids) // 2]
    following = ids[ids.index(target) + 1]
    drop_append_only_trigger(services.db.engine, "audit_records")
    delete_audit_record(services.db.engine, target)

    result = _check(database_url)

    assert result.exit_code == 1, result.output
    assert f"broken at record {following}: its prev_hash does not match" in result.output
    assert "was removed" in result.output


def test_removing_the_first_record_is_detected(services, receptionist, database_url):
    ids = audit_ids(services.db.engine)
    drop_append_only_trigger(services.db.engine, "audit_records")
    delete_audit_record(services.db.engine, ids[0])

    result = _check(database_url)

    assert result.exit_code == 1, result.output
    assert f"broken at record {ids[1]}: it does not start from the genesis hash" in result.output


def test_a_missing_trigger_fails_the_check(services, database_url):
    drop_append_only_trigger(services.db.engine, "consent_events")

    result = _check(database_url)

    assert result.exit_code == 1, result.output
    assert (
        "[FAILED] append-only triggers: missing or disabled on consent_events (UPDATE, DELETE)"
        in result.output
    )
    assert "[ok] audit chain" in result.output


def test_checking_a_missing_file_creates_nothing(tmp_path):
    missing = tmp_path / "absent.db"
    result = _check(f"sqlite:///{missing}")
    assert result.exit_code == 1 and f"The database {missing} cannot be opened" in result.output
    assert not missing.exists()
