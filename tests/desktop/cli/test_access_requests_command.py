"""``frontdesk access-requests``: a receptionist logs a request as received; the privacy officer lists
them; ``overdue`` exits with status 1 while some open request is past its 30-day due date."""

from __future__ import annotations

from datetime import date, timedelta

from click.testing import CliRunner

from desktop.cli import cli
from desktop.domain.access_requests import AccessRequestDraft
from desktop.domain.register_enums import AccessRequestChannel, AccessRequestKind
from tests.conftest import TEST_PASSWORD
from tests.support.documents import new_client


def frontdesk(services, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(
        cli, ["--database", services.db.url, *args], input=f"{TEST_PASSWORD}\n", env={"LC_ALL": "en_CA.UTF-8"}
    )


def test_log_list_and_overdue(services, team):
    client = new_client(services, team.receptionist)
    today = date.today()
    received = today - timedelta(days=3)
    done = frontdesk(
        services,
        "access-requests",
        "log",
        "--kind",
        "access",
        "--channel",
        "post",
        "--name",
        "Zoé Côté",
        "--received",
        received.isoformat(),
        "--client",
        str(int(client.file_number)),
        "--user",
        "accueil",
    )
    assert done.exit_code == 0, done.output
    assert f"to be answered by {(received + timedelta(days=30)).isoformat()}" in done.output
    [logged] = services.access_requests.open_requests(team.privacy_officer)
    assert (logged.client_id, logged.channel, logged.received_on) == (
        client.id,
        AccessRequestChannel.POST,
        received,
    )

    refused = frontdesk(services, "access-requests", "list", "--user", "accueil")
    assert refused.exit_code == 1 and "receptionist" in refused.output and "Traceback" not in refused.output
    none_late = frontdesk(services, "access-requests", "overdue", "--user", "vie.privee")
    assert none_late.exit_code == 0 and "No overdue request." in none_late.output

    late = services.access_requests.log(
        team.receptionist,
        AccessRequestDraft(
            AccessRequestKind.RECTIFICATION, AccessRequestChannel.EMAIL, today - timedelta(days=33), "X"
        ),
    )
    overdue = frontdesk(services, "access-requests", "overdue", "--user", "vie.privee")
    assert overdue.exit_code == 1, overdue.output
    assert "1 overdue request(s)" in overdue.output
    assert f"#{late.id}" in overdue.output and "OVERDUE · 3 day(s) late" in overdue.output
    assert f"#{logged.id}" not in overdue.output

    listed = frontdesk(services, "access-requests", "list", "--open", "--user", "vie.privee")
    assert listed.exit_code == 0, listed.output
    lines = [line for line in listed.output.splitlines() if line.startswith("#")]
    assert lines[0].startswith(f"#{late.id}") and lines[1].startswith(f"#{logged.id}")
    assert client.file_number in lines[1] and "27 day(s) left" in lines[1]

    unknown = frontdesk(
        services, "access-requests", "log", "--kind", "access", "--channel", "phone", "--name", "Y",
        "--client", "999999", "--user", "accueil",
    )  # fmt: skip
    assert unknown.exit_code == 1 and "999999" in unknown.output
    # A number too long for Python to read as an integer is still a file that does not exist.
    endless = frontdesk(
        services, "access-requests", "log", "--kind", "access", "--channel", "phone", "--name", "Y",
        "--client", "9" * 5000, "--user", "accueil",
    )  # fmt: skip
    assert endless.exit_code == 1 and "Not found" in endless.output, endless.output
    assert "unexpected" not in endless.output and len(endless.output) < 300
