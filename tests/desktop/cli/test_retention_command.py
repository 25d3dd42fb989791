"""``frontdesk retention``: the privacy officer reviews the files past the rule (on screen or to a CSV
file, owner-only), places and lifts legal holds, and anonymises a file only when told ``--yes``."""

from __future__ import annotations

import csv
import io
import stat
from datetime import UTC, datetime
from pathlib import Path

from click.testing import CliRunner

from desktop.cli import cli
from desktop.domain.retention import ANONYMISED_NAME
from tests.conftest import TEST_NOW, TEST_PASSWORD
from tests.support.documents import new_client


def frontdesk(services, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(
        cli, ["--database", services.db.url, *args], input=f"{TEST_PASSWORD}\n", env={"LC_ALL": "en_CA.UTF-8"}
    )


def test_review_hold_lift_and_anonymise(services, team, clock, tmp_path: Path) -> None:
    # The commands run on the computer's clock: a file last seen in 2018 is past the 7-year rule.
    clock.at = datetime(2018, 3, 5, 15, tzinfo=UTC)
    old = new_client(services, team.receptionist, "Ancien", "Albert")
    clock.at = TEST_NOW
    new_client(services, team.receptionist, "Récent", "Rose")
    number = str(int(old.file_number))

    listed = frontdesk(services, "retention", "review", "--user", "vie.privee")
    assert listed.exit_code == 0, listed.output
    assert "1 file(s) to review (7 years after the last contact)" in listed.output
    assert f"{old.file_number}  Ancien, Albert  1980-04-12  2018-03-05  2025-03-05" in listed.output
    assert "Récent" not in listed.output

    written = tmp_path / "review.csv"
    to_file = frontdesk(services, "retention", "review", "--csv", str(written), "--user", "vie.privee")
    assert to_file.exit_code == 0, to_file.output
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    rows = list(csv.reader(io.StringIO(written.read_text(encoding="utf-8-sig"))))
    assert rows == [
        ["File", "Name", "Born", "Last contact", "Due for review since"],
        [old.file_number, "Ancien, Albert", "1980-04-12", "2018-03-05", "2025-03-05"],
    ]

    held = frontdesk(services, "retention", "hold", number, "--reason", "Ordonnance", "--user", "vie.privee")
    assert held.exit_code == 0 and f"Legal hold placed on file {old.file_number}." in held.output
    assert "0 file(s) to review" in frontdesk(services, "retention", "review", "--user", "vie.privee").output
    refused = frontdesk(services, "retention", "anonymise", number, "--yes", "--user", "vie.privee")
    assert refused.exit_code == 1 and "legal hold" in refused.output and "Traceback" not in refused.output
    lifted = frontdesk(services, "retention", "lift", number, "--reason", "Levée", "--user", "vie.privee")
    assert lifted.exit_code == 0 and "Legal hold lifted" in lifted.output

    unconfirmed = frontdesk(services, "retention", "anonymise", number, "--user", "vie.privee")
    assert unconfirmed.exit_code == 1 and "cannot be undone" in unconfirmed.output
    assert services.clients.open(team.receptionist, old.id).anonymised_at is None

    done = frontdesk(services, "retention", "anonymise", number, "--yes", "--user", "vie.privee")
    assert done.exit_code == 0, done.output
    assert (
        f"File {old.file_number} anonymised (7 years after the last contact; last contact on 2018-03-05)"
        in done.output
    )
    assert services.clients.open(team.receptionist, old.id).last_name == ANONYMISED_NAME
    again = frontdesk(services, "retention", "anonymise", number, "--yes", "--user", "vie.privee")
    assert again.exit_code == 1 and "already anonymised" in again.output

    unknown = frontdesk(services, "retention", "hold", "999999", "--reason", "X", "--user", "vie.privee")
    assert unknown.exit_code == 1 and "999999" in unknown.output
    desk = frontdesk(services, "retention", "review", "--user", "accueil")
    assert desk.exit_code == 1 and "receptionist" in desk.output and "Traceback" not in desk.output
