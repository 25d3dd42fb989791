"""A clinic that is not the demonstration's, set up from scratch with ``frontdesk setup`` (two sites, its
own policy), on SQLite and PostgreSQL: what its clients sign and its managers print names it, its officer
and its policy, and nothing of the demonstration clinic."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from desktop.app import open_services
from desktop.cli import cli
from desktop.domain.clinic_identity import EasterHoliday
from desktop.domain.enums import Channel, Language, Purpose, Role
from desktop.domain.messages import field_name
from desktop.reports.render import ReportFormat
from desktop.services import Services
from desktop.services.clock import FixedClock
from desktop.settings import load_settings
from tests.conftest import TEST_NOW
from tests.support.documents import book, new_client, pdftotext, squash

MANAGER_PASSWORD = "Fjord-direction-2026"
POLICY = {
    "fr": "Politique de confidentialité de Santé Familiale du Fjord.\n\nNous protégeons vos renseignements.\n",
    "en": "Privacy policy of Santé Familiale du Fjord.\n\nWe protect your information.\n",
    "summary_fr": "Résumé : vos renseignements restent au Fjord.\n",
    "summary_en": "Summary: your information stays at the Fjord.\n",
}
SETUP = """
[organisation]
name = "Santé Familiale du Fjord"
parent_name = "Groupe Santé Boréal"
privacy_officer_name = "Josée Tremblay"
privacy_officer_title = "Directrice des opérations"
privacy_officer_contact = "vieprivee@fjord.example · 418 555-0199"
easter_holiday = "easter_monday"
opt_out_delay_days = 10
idle_lock_minutes = 3

[[sites]]
name = "Clinique du Fjord — Chicoutimi"
street = "100 rue Racine Est"
city = "Saguenay"
postal_code = "G7H 1R1"
phone = "418 555-0100"
email = "chicoutimi@fjord.example"

[[sites]]
name = "Clinique du Fjord — Jonquière"
street = "2500 rue Saint-Dominique"
city = "Saguenay"
postal_code = "G7X 6J5"
phone = "418 555-0200"
email = "jonquiere@fjord.example"

[policy]
effective = 2026-01-01
fr = "politique.fr.txt"
en = "policy.en.txt"
summary_fr = "resume.fr.txt"
summary_en = "summary.en.txt"

[manager]
username = "direction"
full_name = "Josée Tremblay"
"""
DEMO_WORDS = ("Lacroix", "841-1911", "Ste-Foy", "G1S 2L6")


@pytest.fixture
def fjord(fresh_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FixedClock) -> Iterator[Services]:
    monkeypatch.setenv("FRONTDESK_CONFIG_DIR", str(tmp_path / "config"))
    names = {"fr": "politique.fr.txt", "en": "policy.en.txt", "summary_fr": "resume.fr.txt", "summary_en": "summary.en.txt"}
    for key, name in names.items():
        (tmp_path / name).write_text(POLICY[key], encoding="utf-8")
    (tmp_path / "fjord.toml").write_text(SETUP, encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        ["--database", fresh_url, "setup", str(tmp_path / "fjord.toml"), "--site", "2"],
        input=f"{MANAGER_PASSWORD}\n",
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert "set up: 2 site(s), policy 2026-01-01" in result.output
    services = open_services(fresh_url, clock=clock)
    yield services
    services.close()


def no_demo_words(text: str) -> None:
    found = [word for word in DEMO_WORDS if word in text]
    assert not found, f"demonstration clinic's words in a new clinic's output: {found}"


def test_a_new_clinic_prints_its_own_identity_and_policy(fjord: Services) -> None:
    site = load_settings().site_id
    manager = fjord.staff.authenticate("direction", MANAGER_PASSWORD, "desk-2", site)
    jonquiere = fjord.clinics.get(manager)
    assert jonquiere.name == "Clinique du Fjord — Jonquière" and manager.clinic_id == site
    assert [s.name for s in fjord.clinics.list(manager)] == [
        "Clinique du Fjord — Chicoutimi",
        "Clinique du Fjord — Jonquière",
    ]
    fjord.staff.create(manager, "accueil", "Amélie Côté", Role.RECEPTIONIST, "Accueil-Fjord-2026")
    desk = fjord.staff.authenticate("accueil", "Accueil-Fjord-2026", "desk-2", site)

    client = new_client(fjord, desk, "Nguyễn", "Linh")
    granted = ((Purpose.NEWSLETTERS, Channel.EMAIL), (Purpose.PARENT_COMPANY_PROMOTIONS, Channel.POST))
    ack = book(fjord, desk, client.id, granted=granted).acknowledgment
    assert ack is not None and ack.clinic_id == site
    text = squash(pdftotext(fjord.documents.acknowledgment_pdf(desk, ack.id)))
    for expected in (
        "Clinique du Fjord — Jonquière",
        "2500 rue Saint-Dominique",
        "418 555-0200",
        "Josée Tremblay, Directrice des opérations",
        "vieprivee@fjord.example",
        "Nous protégeons vos renseignements.",
    ):
        assert squash(expected) in text, expected
    no_demo_words(text)
    # The sentences the client agreed to name the organisation and its parent from their records.
    wording = {event.purpose: event.wording for event in fjord.consent.history(desk, client.id)}
    assert "infolettres promotionnelles de Santé Familiale du Fjord par courriel" in wording[Purpose.NEWSLETTERS]
    assert "société mère, Groupe Santé Boréal," in wording[Purpose.PARENT_COMPANY_PROMOTIONS]
    no_demo_words(" ".join(wording.values()))

    start = (TEST_NOW - timedelta(days=30)).date()
    for kind in ("consent-coverage", "reacknowledgment", "optout-register"):
        report = fjord.reports.render(manager, kind, start, TEST_NOW.date(), ReportFormat.PDF, Language.FR)
        printed = squash(pdftotext(report.data))
        assert squash("Clinique du Fjord — Jonquière") in printed, kind
        no_demo_words(printed)

    calendar = fjord.optouts.calendar(desk)
    assert calendar.easter_holiday is EasterHoliday.EASTER_MONDAY
    # Received on Good Friday 2027: Easter Monday is not a business day here, Good Friday was.
    assert calendar.due_date(date(2027, 3, 26)) == date(2027, 4, 12)
    explanation = calendar.deadline_sentence(Language.FR)
    assert "lundi de Pâques" in explanation and "10 jours ouvrables" in explanation
    no_demo_words(explanation)


def test_the_set_up_runs_once(fjord: Services, fresh_url: str, tmp_path: Path) -> None:
    again = CliRunner().invoke(
        cli, ["--database", fresh_url, "setup", str(tmp_path / "fjord.toml")], input=f"{MANAGER_PASSWORD}\n"
    )
    assert again.exit_code == 1
    assert "already has its clinic" in again.output or "a déjà sa clinique" in again.output
    manager = fjord.staff.authenticate("direction", MANAGER_PASSWORD, "desk-1")
    assert len(fjord.clinics.list(manager)) == 2
    assert len(fjord.policies.versions(manager)) == 2  # one version, French and English


def test_a_setup_file_with_mistakes_names_them_all_and_writes_nothing(fresh_url: str, tmp_path: Path) -> None:
    for name, key in (("politique.fr.txt", "fr"), ("policy.en.txt", "en"), ("resume.fr.txt", "summary_fr")):
        (tmp_path / name).write_text(POLICY[key], encoding="utf-8")
    (tmp_path / "summary.en.txt").write_text("", encoding="utf-8")
    mistaken = SETUP.replace('postal_code = "G7X 6J5"', 'postal_code = "7GX 6J5"')
    (tmp_path / "fjord.toml").write_text(mistaken, encoding="utf-8")
    empty = CliRunner().invoke(
        cli, ["--database", fresh_url, "setup", str(tmp_path / "fjord.toml")], input=f"{MANAGER_PASSWORD}\n"
    )
    assert empty.exit_code == 1 and "summary.en.txt" in empty.output, empty.output
    (tmp_path / "summary.en.txt").write_text(POLICY["summary_en"], encoding="utf-8")
    (tmp_path / "fjord.toml").write_text(mistaken.replace('opt_out_delay_days = 10', 'opt_out_delay_days = 12'), "utf-8")
    refused = CliRunner().invoke(
        cli, ["--database", fresh_url, "setup", str(tmp_path / "fjord.toml")], input="court\n"
    )
    assert refused.exit_code == 1
    # Every mistake at once, the site's by its number, in the terminal's language.
    for field in ("site2.postal_code", "opt_out_delay_days", "password"):
        assert any(field_name(field, language) in refused.output for language in Language), refused.output
    services = open_services(fresh_url)
    try:
        assert services.setup.needed()
    finally:
        services.close()
