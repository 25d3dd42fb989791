"""``frontdesk incidents``: record an incident from a TOML file and update it from the version read, list
the register (and its CSV), show every version, and ``notification-due`` exits with status 1 while a serious
risk is not yet notified. A malformed file is named, never a traceback."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from desktop.cli import cli
from tests.conftest import TEST_PASSWORD
from tests.support.documents import csv_section, read_csv

FIRST = """
circumstances = "Rappel envoyé au mauvais destinataire."
discovered_on = 2026-11-20
information_concerned = "Nom et date du rendez-vous d'une cliente"
occurred_from = 2026-11-18
people_concerned = 1
"""
SERIOUS = """
circumstances = "Rappel envoyé au mauvais destinataire."
discovered_on = 2026-11-20
information_concerned = "Nom, date du rendez-vous et motif de consultation"
occurred_from = "2026-11-18"
people_concerned = 1
serious_injury_risk = true
risk_assessment = "Le motif de consultation est sensible."
commission_notified_on = 2026-11-21
people_notified_on = ""
"""


def frontdesk(services, *args: str, lang: str = "en_CA.UTF-8"):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(
        cli, ["--database", services.db.url, *args], input=f"{TEST_PASSWORD}\n", env={"LC_ALL": lang}
    )


def test_record_update_list_show_and_notification_due(services, team, tmp_path: Path):
    first, serious = tmp_path / "incident.toml", tmp_path / "serious.toml"
    first.write_text(FIRST, "utf-8")
    serious.write_text(SERIOUS, "utf-8")
    opened = frontdesk(services, "incidents", "record", "--file", str(first), "--user", "vie.privee")
    assert opened.exit_code == 0, opened.output
    assert "Incident 2026-001 opened (version 1)." in opened.output
    none_due = frontdesk(services, "incidents", "notification-due", "--user", "vie.privee")
    assert none_due.exit_code == 0 and "No notice pending" in none_due.output

    args = ("incidents", "record", "--file", str(serious), "--reference", "2026-001", "--version", "1")
    updated = frontdesk(services, *args, "--user", "vie.privee")
    assert updated.exit_code == 0 and "Incident 2026-001: version 2 saved." in updated.output
    stale = frontdesk(services, *args, "--user", "vie.privee")
    assert stale.exit_code == 1 and "version 2 was saved by" in stale.output

    due = frontdesk(services, "incidents", "notification-due", "--user", "vie.privee", lang="fr_CA.UTF-8")
    assert due.exit_code == 1, due.output
    assert "1 incident(s) avec un risque de préjudice sérieux" in due.output
    assert "2026-001" in due.output and "AVIS À DONNER (personnes non avisées)" in due.output

    register = tmp_path / "register.csv"
    listed = frontdesk(
        services, "incidents", "list", "--from", "2026-11-01", "--to", "2026-11-30", "--csv", str(register),
        "--user", "vie.privee",
    )  # fmt: skip
    assert listed.exit_code == 0, listed.output
    assert (
        "2026-001  aware on 2026-11-20  people concerned: 1  serious risk  2 version(s)  keep until 2031-11-20"
        in listed.output
    )
    table = csv_section(read_csv(register.read_bytes()), "Incidents")
    assert table[1][:4] == ["2026-001", "2026-11-18", "", "2026-11-20"]

    shown = frontdesk(services, "incidents", "show", "2026-001", "--user", "vie.privee")
    assert shown.exit_code == 0, shown.output
    assert "Version 1 — " in shown.output and "Version 2 — " in shown.output
    assert "Nom et date du rendez-vous d'une cliente" in shown.output
    assert "Notice to the people concerned: not known" in shown.output
    assert len(services.incidents.versions(team.privacy_officer, 1)) == 2

    refused = frontdesk(services, "incidents", "show", "2026-001", "--user", "gestion")
    assert refused.exit_code == 1 and "manager" in refused.output and "Traceback" not in refused.output


def test_a_malformed_file_is_named(services, tmp_path: Path):
    bad = tmp_path / "bad.toml"
    bad.write_text('circumstances = "x"\ndiscovered = 2026-11-20\n', "utf-8")
    done = frontdesk(services, "incidents", "record", "--file", str(bad), "--user", "vie.privee")
    assert (
        done.exit_code == 1 and "unknown field “discovered”" in done.output and "Traceback" not in done.output
    )
    bad.write_text('circumstances = "x"\ndiscovered_on = "20 nov"\npeople_concerned = "12"\n', "utf-8")
    done = frontdesk(
        services, "incidents", "record", "--file", str(bad), "--user", "vie.privee", lang="fr_CA.UTF-8"
    )
    assert done.exit_code == 1 and "Date de la prise de connaissance : Date illisible" in done.output
    assert "Nombre de personnes concernées : Nombre de personnes invalide" in done.output
    bad.write_text('circumstances = "x\n', "utf-8")
    done = frontdesk(services, "incidents", "record", "--file", str(bad), "--user", "vie.privee")
    assert done.exit_code == 1 and f"The incident file {bad} needs correcting" in done.output
    half = frontdesk(
        services, "incidents", "record", "--file", str(bad), "--version", "2", "--user", "vie.privee"
    )
    assert half.exit_code == 1 and "give both --reference and --version" in half.output
