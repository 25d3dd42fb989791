"""The current-consent table follows the consent ledger: kept by each append (an event recorded with an
earlier time never displaces a later one), recomputed in bulk to the same rows, and ``db check`` names
each cell where it differs from the ledger (SQLite and PostgreSQL)."""

from __future__ import annotations

from click.testing import CliRunner
from sqlalchemy import select, text

from desktop.cli import cli
from desktop.db.models import CurrentConsent
from desktop.domain.enums import Channel, ConsentAction, Interaction, Language, Purpose
from desktop.domain.records import ConsentCapture, ConsentChange
from desktop.maintenance.integrity import CURRENT_CONSENT_CHECK, Status, check_database_at
from desktop.services.ledger.current_consent import (
    current_consent_differences,
    latest_events,
    rebuild_current_consent,
)
from tests.support.documents import new_client

NEWS, FEEDBACK = Purpose.NEWSLETTERS, Purpose.FEEDBACK


def answer(services, actor, client_id, purpose, channel, granted, declined=False):  # type: ignore[no-untyped-def]
    change = ConsentChange(purpose, channel, granted, declined=declined)
    services.consent.record(actor, client_id, ConsentCapture((change,), Interaction.PHONE, Language.FR))


def table(services) -> set[tuple]:  # type: ignore[no-untyped-def]
    with services.db.engine.connect() as connection:
        stored = connection.execute(
            select(
                CurrentConsent.client_id,
                CurrentConsent.purpose,
                CurrentConsent.channel,
                CurrentConsent.event_id,
                CurrentConsent.action,
            )
        ).all()
    return {tuple(row) for row in stored}


def recomputed(services) -> set[tuple]:  # type: ignore[no-untyped-def]
    with services.db.engine.connect() as connection:
        return {tuple(row)[:5] for row in connection.execute(latest_events()).all()}


def db_check(database_url: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["--database", database_url, "db", "check"])


def test_each_append_keeps_the_latest_event_of_its_cell(services, team, clock, database_url):
    r = team.receptionist
    first = new_client(services, r, "Premier", "Un")
    second = new_client(services, r, "Second", "Deux")
    answer(services, r, first.id, NEWS, Channel.EMAIL, True)
    clock.advance(minutes=5)
    answer(services, r, first.id, NEWS, Channel.EMAIL, False)
    clock.advance(minutes=5)
    answer(services, r, first.id, NEWS, Channel.EMAIL, True)
    answer(services, r, first.id, FEEDBACK, Channel.SMS, False, declined=True)
    answer(services, r, second.id, NEWS, Channel.POST, True)
    # A workstation whose clock is behind records a withdrawal dated before the grant: the ledger's
    # latest (by time, then insertion) is still the grant, and so is the table's.
    clock.advance(hours=-1)
    answer(services, r, second.id, NEWS, Channel.POST, False)

    rows = table(services)
    assert rows == recomputed(services)
    actions = {(client, purpose, channel): action for client, purpose, channel, _, action in rows}
    assert actions == {
        (first.id, NEWS, Channel.EMAIL): ConsentAction.GRANTED,
        (first.id, FEEDBACK, Channel.SMS): ConsentAction.DECLINED,
        (second.id, NEWS, Channel.POST): ConsentAction.GRANTED,
    }
    result = db_check(database_url)
    assert result.exit_code == 0, result.output
    assert "[ok] current consent: 3 current-consent cells, the same as the consent ledger" in result.output

    # The bulk recomputation (migration 0013, demo data) writes the very same rows, whole or by range.
    with services.db.engine.begin() as connection:
        assert rebuild_current_consent(connection) == 3
        assert rebuild_current_consent(connection, (second.id, second.id)) == 1
    assert table(services) == rows


def test_db_check_names_each_cell_that_differs_from_the_ledger(services, team, database_url):
    r = team.receptionist
    kept, changed, dropped, stale = (
        new_client(services, r, name, "Test") for name in ("Gardé", "Changé", "Perdu", "Ancien")
    )
    for client in (kept, changed, dropped, stale):
        answer(services, r, client.id, NEWS, Channel.EMAIL, True)
    granted_first = {row[0]: row[3] for row in table(services)}
    answer(services, r, stale.id, NEWS, Channel.EMAIL, False)
    event_of = {row[0]: row[3] for row in table(services)}
    with services.db.engine.begin() as connection:
        # The row of an earlier event of the cell, whole and true to it: only the later one tells.
        connection.execute(
            text("UPDATE current_consent SET event_id = :event, action = 'granted' WHERE client_id = :id"),
            {"event": granted_first[stale.id], "id": stale.id},
        )
    with services.db.engine.connect() as connection:
        assert current_consent_differences(connection)[0] == 1
    with services.db.engine.begin() as connection:
        connection.execute(
            text("UPDATE current_consent SET action = 'withdrawn' WHERE client_id = :id"), {"id": changed.id}
        )
        connection.execute(text("DELETE FROM current_consent WHERE client_id = :id"), {"id": dropped.id})

    result = db_check(database_url)

    assert result.exit_code == 1, result.output
    assert "[FAILED] current consent: 3 current-consent cells differ from the consent ledger recomputed" in (
        result.output
    )
    assert (
        f"client id {changed.id}, newsletters/email: table {event_of[changed.id]} (withdrawn), "
        f"ledger {event_of[changed.id]} (granted)"
    ) in result.output
    assert f"client id {dropped.id}, newsletters/email: table —, ledger {event_of[dropped.id]} (granted)" in (
        result.output
    )
    assert (
        f"client id {stale.id}, newsletters/email: table {granted_first[stale.id]} (granted), "
        f"ledger {event_of[stale.id]} (withdrawn)"
    ) in result.output
    assert f"client id {kept.id}," not in result.output
    finding = check_database_at(database_url, language=Language.FR).finding(CURRENT_CONSENT_CHECK)
    assert finding is not None and finding.status == Status.FAILED
    assert finding.detail.startswith("3 cases de consentement actuel diffèrent du registre des consentements")
    assert f"identifiant client {dropped.id}, newsletters/email : table —, registre" in finding.detail
