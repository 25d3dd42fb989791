"""The privacy registers are under the evidence chain like the other ledgers: an entry changed or
removed behind its trigger (an incident's version, a disclosure's clients, an access request's due date
or its answer, a legal hold) is named by ``db check``; the registers as the services wrote them pass."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from desktop.cli import cli
from desktop.db.models import Base
from desktop.domain.access_requests import AccessRequestDraft
from desktop.domain.disclosures import DisclosureDraft
from desktop.domain.incidents import IncidentDraft
from desktop.domain.records import ClientDraft
from desktop.domain.register_enums import (
    AccessAnswerItem,
    AccessRequestChannel,
    AccessRequestKind,
    DisclosureMeans,
    DisclosureRecipient,
)
from tests.desktop.security.tamper import around_trigger


@pytest.fixture
def registers(services, team):
    officer = team.privacy_officer
    today = services.clock.today()
    client = services.clients.create(team.receptionist, ClientDraft("Côté", "Zoé", date(1980, 4, 12)))
    other = services.clients.create(team.receptionist, ClientDraft("Roy", "Luc", date(1975, 2, 3)))
    services.disclosures.record(
        team.manager,
        DisclosureDraft(
            today,
            DisclosureRecipient.POLICE,
            "Service de police de la Ville de Québec",
            "Mandat de perquisition",
            "Dates de rendez-vous",
            "Nathalie Bélanger",
            DisclosureMeans.HAND_DELIVERED,
            (client.id, other.id),
        ),
    )
    incident = services.incidents.open(officer, IncidentDraft("Courriel mal adressé.", today, "Nom"))
    services.incidents.update(
        officer, incident.id, 1, IncidentDraft("Courriel mal adressé.", today, "Nom, date")
    )
    request = services.access_requests.log(
        team.receptionist,
        AccessRequestDraft(
            AccessRequestKind.ACCESS, AccessRequestChannel.POST, today, "Zoé Côté", client_id=client.id
        ),
    )
    services.access_requests.verify_identity(officer, request.id, "Carte d'assurance maladie vue")
    services.access_requests.answer(officer, request.id, frozenset({AccessAnswerItem.FILE_COPY}))
    services.retention.place_hold(officer, other.id, "Litige")
    return client


def _check(database_url: str):
    return CliRunner().invoke(cli, ["--database", database_url, "db", "check"])


def _newest_id(services, table: str) -> int:
    column = Base.metadata.tables[table].c.id
    with services.db.engine.connect() as connection:
        return int(connection.scalar(select(func.max(column))))


def test_the_registers_as_written_pass(services, registers, database_url):
    result = _check(database_url)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("table", "statement"),
    [
        ("incident_versions", "UPDATE incident_versions SET people_concerned = 1 WHERE id = :id"),
        ("incident_versions", "DELETE FROM incident_versions WHERE id = :id"),
        ("disclosure_clients", "DELETE FROM disclosure_clients WHERE id = :id"),
        ("disclosures", "UPDATE disclosures SET legal_basis = 'Consentement' WHERE id = :id"),
        ("access_requests", "UPDATE access_requests SET due_on = '2027-06-30' WHERE id = :id"),
        ("access_request_events", "DELETE FROM access_request_events WHERE id = :id"),
        ("legal_hold_events", "UPDATE legal_hold_events SET action = 'lifted' WHERE id = :id"),
    ],
)
def test_a_register_changed_behind_its_trigger_is_detected(
    services, registers, database_url, table, statement
):
    around_trigger(services.db.engine, table, statement, id=_newest_id(services, table))

    result = _check(database_url)

    assert result.exit_code == 1, result.output
    what = "removed (absent ids: " if statement.startswith("DELETE") else "a row was altered"
    assert f"{table} ids " in result.output and what in result.output, result.output
