"""``frontdesk import clients``: a dry run checks and saves nothing; the real run creates the clients,
lists the rows in error and the possible duplicates (not created), and writes the report."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import func, select

from desktop.cli import cli
from desktop.db.models import Client
from desktop.domain.records import ClientDraft
from tests.conftest import TEST_PASSWORD

MAPPING = """\
[file]
separator = ";"
date_order = "dmy"

[columns]
last_name = "Nom"
first_name = "Prénom"
date_of_birth = "Né(e) le"
email = "Courriel"
"""


def frontdesk(services, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["--database", services.db.url, *args], input=f"{TEST_PASSWORD}\n")


def clients(services) -> int:  # type: ignore[no-untyped-def]
    with services.db.session(write=False) as session:
        return int(session.scalar(select(func.count(Client.id))) or 0)


def test_dry_run_then_import(services, team, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("LC_ALL", "fr_CA.UTF-8")
    services.clients.create(team.receptionist, ClientDraft("Côté", "Zoé", date(1994, 5, 26)))
    listed = tmp_path / "clients.csv"
    with listed.open("w", encoding="cp1252", newline="") as stream:
        writer = csv.writer(stream, delimiter=";")
        writer.writerows(
            [
                ["Nom", "Prénom", "Né(e) le", "Courriel"],
                ["Côté", "Zoé", "26/05/1994", ""],
                ["Bélanger", "Émile", "13/02/1980", "emile@example.com"],
                ["Roy", "Luc", "30/02/1980", ""],
            ]
        )
    mapping = tmp_path / "map.toml"
    mapping.write_text(MAPPING, encoding="utf-8")
    before = clients(services)
    args = ("import", "clients", str(listed), "--mapping", str(mapping), "--user", "gestion")

    dry = frontdesk(services, *args, "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert "Lu en cp1252, colonnes séparées par des points-virgules, dates JJ/MM/AAAA." in dry.output
    assert "3 lignes : 1 à importer, 1 en erreur, 1 doublons possibles, 0 déjà importées." in dry.output
    assert "Ligne 4 : Date de naissance : « 30/02/1980 »" in dry.output
    assert "Ligne 2 : Peut-être un client déjà inscrit (000001)" in dry.output
    assert "Essai seulement : rien n'a été enregistré." in dry.output
    assert clients(services) == before

    report = tmp_path / "non-importées.csv"
    done = frontdesk(services, *args, "--report", str(report))
    assert done.exit_code == 0, done.output
    assert "1 clients créés" in done.output and "1 doublons possibles non créés" in done.output
    assert clients(services) == before + 1
    assert [c.first_name for c in services.clients.search(team.receptionist, "belanger")] == ["Émile"]
    with report.open(encoding="utf-8-sig", newline="") as stream:
        assert [row[0] for row in csv.reader(stream)] == ["Nom", "Côté", "Roy"]

    refused = frontdesk(services, *args[:-1], "accueil")
    assert refused.exit_code == 1 and "Traceback" not in refused.output
