"""``frontdesk disclosures``: a manager records a disclosure for clients named by file number and lists the
register of a period, on screen or as CSV; a receptionist is refused, an unknown file is named."""

from __future__ import annotations

import os
from datetime import date, timedelta

from click.testing import CliRunner

from desktop.cli import cli
from tests.conftest import TEST_PASSWORD
from tests.support.documents import csv_section, new_client, read_csv


def frontdesk(services, *args: str, lang: str = "en_CA.UTF-8"):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(
        cli, ["--database", services.db.url, *args], input=f"{TEST_PASSWORD}\n", env={"LC_ALL": lang}
    )


def record_args(day: date, *clients: str) -> list[str]:
    args = [
        "disclosures",
        "record",
        "--date",
        day.isoformat(),
        "--recipient",
        "court",
        "--recipient-name",
        "Cour supérieure, district de Québec",
        "--basis",
        "Ordonnance du 2026-11-02",
        "--information",
        "Coordonnées et rendez-vous",
        "--authorised-by",
        "Jeanne Tremblay",
        "--means",
        "post",
    ]
    for number in clients:
        args += ["--client", number]
    return args


def test_record_then_list_on_screen_and_as_csv(services, team, tmp_path):
    zoe = new_client(services, team.receptionist, "Côté", "Zoé")
    luc = new_client(services, team.receptionist, "Roy", "Luc")
    day = date.today() - timedelta(days=1)

    done = frontdesk(
        services, *record_args(day, str(int(zoe.file_number)), luc.file_number), "--user", "gestion"
    )
    assert done.exit_code == 0, done.output
    assert "Disclosure no. 1 recorded for 2 file(s)." in done.output
    saved = services.disclosures.get(team.manager, 1)
    assert (
        saved.client_ids == (zoe.id, luc.id) and saved.recipient_name == "Cour supérieure, district de Québec"
    )

    period = ["--from", (day - timedelta(days=1)).isoformat(), "--to", day.isoformat()]
    listed = frontdesk(services, "disclosures", "list", *period, "--user", "vie.privee", lang="fr_CA.UTF-8")
    assert listed.exit_code == 0, listed.output
    assert (
        f"#1  {day.isoformat()}  Tribunal — Cour supérieure, district de Québec  Par la poste"
        in listed.output
    )
    assert f"{zoe.file_number}, {luc.file_number}" in listed.output

    out = tmp_path / "registre.csv"
    written = frontdesk(services, "disclosures", "list", *period, "--csv", str(out), "--user", "gestion")
    assert written.exit_code == 0, written.output
    assert out.stat().st_mode & 0o077 == 0 or os.name == "nt"
    table = csv_section(read_csv(out.read_bytes()), "Disclosures")
    assert table[1][2] == "Court — Cour supérieure, district de Québec" and table[1][7] == "By post"


def test_refusals_are_said_without_a_traceback(services, team):
    zoe = new_client(services, team.receptionist)
    day = date.today()
    receptionist = frontdesk(services, *record_args(day, zoe.file_number), "--user", "accueil")
    assert receptionist.exit_code == 1 and "receptionist" in receptionist.output
    unknown = frontdesk(services, *record_args(day, zoe.file_number, "999999"), "--user", "gestion")
    assert unknown.exit_code == 1 and "999999" in unknown.output
    no_name = record_args(day, zoe.file_number)
    no_name[no_name.index("--recipient-name") + 1] = " "
    refused = frontdesk(services, *no_name, "--user", "gestion")
    assert refused.exit_code == 1 and "Name the recipient" in refused.output
    future = frontdesk(services, *record_args(day + timedelta(days=2), zoe.file_number), "--user", "gestion")
    assert future.exit_code == 1 and "future" in future.output
    missing = frontdesk(services, "disclosures", "record", "--user", "gestion")
    assert missing.exit_code == 2
    assert all("Traceback" not in r.output for r in (receptionist, unknown, refused, future, missing))
    assert services.disclosures.register(team.manager, day - timedelta(days=30), day) == []
