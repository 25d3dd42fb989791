"""A witness written before personal fields were digested apart (format 1) still verifies the
database as it was; the next write brings it to format 2 when it matches, so that an erasure made
afterwards verifies too. One that no longer matches is left as it was, its differences reported."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from desktop.app import open_services
from desktop.cli import cli
from desktop.db.models import AuditRecord
from desktop.domain.enums import PROMOTIONAL_PURPOSES, Channel, OptOutVia, Purpose
from desktop.domain.records import OptOutDraft
from desktop.seal.digest import Block, extend_blocks, table
from desktop.seal.erasure import RowDigester
from desktop.seal.witness import WITNESS_ACTION, load_key, read_witness, witness_path, write_witness
from desktop.services.erasure import erase_personal_fields
from desktop.services.permissions import Permission
from desktop.services.unit_of_work import run
from tests.desktop.security.tamper import around_trigger
from tests.support.documents import book, new_client


def _log_opt_out(services, actor, client_id: int, name: str) -> int:
    draft = OptOutDraft(
        OptOutVia.PHONE, date(2026, 11, 24), name, purposes=PROMOTIONAL_PURPOSES, client_id=client_id
    )
    return int(services.optouts.log(actor, draft).id)


def _as_format_1(services):
    """This workstation's witness written again as FrontDesk wrote it before format 2."""
    with services.db.engine.connect() as connection:
        witness_id = connection.scalar(
            select(AuditRecord.entity_id)
            .where(AuditRecord.action == WITNESS_ACTION)
            .order_by(AuditRecord.id.desc())
        )
        path = witness_path(witness_id)
        witness = read_witness(path)
        assert witness.format == 2
        for name, blocks in witness.ledgers.items():
            old: list[Block] = []
            extend_blocks(
                connection,
                name,
                old,
                RowDigester(connection, table(name), 1),
                upto=blocks[-1].last_id if blocks else 0,
            )
            witness.ledgers[name] = old
    witness.format = 1
    key = load_key(create=False)
    assert key is not None
    write_witness(path, witness, key)
    return path


def _check(database_url: str, *witnesses):
    args = ["--database", database_url, "db", "check"]
    for witness in witnesses:
        args += ["--witness", str(witness)]
    return CliRunner().invoke(cli, args)


@pytest.mark.parametrize("tampered", [False, True])
def test_a_format_1_witness_is_brought_to_format_2_when_it_matches(
    services, team, receptionist, clock, database_url, tmp_path, tampered
):
    client = new_client(services, receptionist)
    book(services, receptionist, client.id, granted=((Purpose.NEWSLETTERS, Channel.EMAIL),))
    request_id = _log_opt_out(services, receptionist, client.id, "Zoé Côté")
    services.close()
    path = _as_format_1(services)
    other = tmp_path / "other-workstation.json"  # a format-1 witness no write here brings up to date
    other.write_bytes(path.read_bytes())
    first = _check(database_url)
    assert first.exit_code == 0, first.output  # format 1 verified as it was written
    if tampered:
        around_trigger(
            services.db.engine,
            "opt_out_requests",
            "UPDATE opt_out_requests SET requester_name = 'Autre' WHERE id = :id",
            id=request_id,
        )

    reopened = open_services(database_url, clock=clock, migrate=False)
    try:
        if not tampered:  # the first write after the upgrade is the erasure itself
            run(
                reopened.db,
                clock,
                team.privacy_officer,
                Permission.READ_AUDIT,
                lambda uow: erase_personal_fields(uow, "opt_out_requests", [request_id]),
            )
        _log_opt_out(reopened, receptionist, client.id, "Éloïse Tremblay")
    finally:
        reopened.close()

    result = _check(database_url, other)
    if tampered:
        assert read_witness(path).format == 1  # left as it was: what differs stays reported
        assert result.exit_code == 1 and "opt_out_requests ids " in result.output, result.output
    else:
        assert (read_witness(path).format, read_witness(other).format) == (2, 1)
        assert result.exit_code == 0, result.output
        assert "[ok] witness: database matches 2 witness(es)" in result.output
        assert f"opt_out_requests id {request_id} erased by event " in result.output
