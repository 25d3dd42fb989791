"""A clinic that is not the demo's, typed into the set-up wizard as a person would."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QWizard

from tests.ui.helpers import type_text
from ui.setup.wizard import SetupWizard

ORGANISATION = {
    "name": "Santé Familiale du Fjord",
    "parent_name": "Groupe Boréal Santé",
    "officer_name": "Hélène Gagnon-Lévesque",
    "officer_title": "Directrice des opérations",
    "officer_contact": "418 555-0199, vie.privee@fjord-sante.ca",
}
SITES = (
    {
        "name": "Clinique du Fjord — Chicoutimi",
        "street": "1200, boulevard Talbot",
        "city": "Saguenay",
        "postal_code": "g7h 4b7",
        "phone": "418 555-0142",
        "email": "accueil.chicoutimi@fjord-sante.ca",
    },
    {
        "name": "Clinique du Fjord — Jonquière",
        "street": "3460, boulevard du Royaume",
        "city": "Saguenay",
        "postal_code": "G7S 5T4",
        "phone": "(418) 555-0177",
        "email": "accueil.jonquiere@fjord-sante.ca",
    },
)
POLICY = {
    "text_fr": "Politique de confidentialité — Santé Familiale du Fjord\n\nNous protégeons vos renseignements.\n",
    "text_en": "Privacy policy — Santé Familiale du Fjord\n\nWe protect your information.\n",
    "summary_fr": "Résumé : vos renseignements servent à vos soins.\n",
    "summary_en": "Summary: your information is used for your care.\n",
}
EFFECTIVE = date(2026, 9, 1)
MANAGER = ("h.gagnon", "Hélène Gagnon-Lévesque", "Fjord-sante-2026")


def policy_files(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, text in POLICY.items():
        paths[name] = folder / f"{name}.txt"
        paths[name].write_text(text, encoding="utf-8")
    return paths


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """The next file dialog answers ``path``."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args, **_kwargs: (str(path), ""))


def fill_organisation(wizard: SetupWizard) -> None:
    page = wizard.organisation
    for editor, key in (
        (page.name, "name"),
        (page.parent_name, "parent_name"),
        (page.officer_name, "officer_name"),
        (page.officer_title, "officer_title"),
        (page.officer_contact, "officer_contact"),
    ):
        editor.setFocus()
        type_text(editor, ORGANISATION[key])
    page.easter.setCurrentIndex(1)  # Easter Monday
    page.opt_out_delay.setValue(7)
    page.idle_lock.setValue(3)


def fill_sites(wizard: SetupWizard, sites: tuple[dict[str, str], ...] = SITES) -> None:
    page = wizard.sites
    for index, site in enumerate(sites):
        if index >= len(page.forms):
            page.add_button.click()
        form = page.forms[index]
        for name, value in site.items():
            getattr(form, name).setText(value)
    page.workstation_site.setCurrentIndex(len(sites) - 1)


def fill_policy(wizard: SetupWizard, qtbot: Any, monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    page = wizard.policy
    page.effective.setDate(EFFECTIVE)
    for name, path in policy_files(folder).items():
        choose_file(monkeypatch, path)
        page.buttons[name].click()
        qtbot.waitUntil(lambda: not page.is_reading, timeout=10_000)


def fill_manager(wizard: SetupWizard) -> None:
    page = wizard.manager
    username, full_name, password = MANAGER
    page.username.setText(username)
    page.full_name.setText(full_name)
    page.password.setText(password)
    page.password_again.setText(password)


def run_through(wizard: SetupWizard, qtbot: Any, monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Every page filled in and Next pressed, up to the summary (this computer's data)."""
    if wizard.location is not None:
        assert wizard.currentPage() is wizard.location
        wizard.next()
    assert wizard.currentPage() is wizard.organisation
    fill_organisation(wizard)
    wizard.next()
    assert wizard.currentPage() is wizard.sites
    fill_sites(wizard)
    wizard.next()
    assert wizard.currentPage() is wizard.policy
    fill_policy(wizard, qtbot, monkeypatch, folder)
    wizard.next()
    assert wizard.currentPage() is wizard.manager
    fill_manager(wizard)
    wizard.next()
    assert wizard.currentPage() is wizard.summary


def finish(wizard: SetupWizard, qtbot: Any) -> None:
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: not wizard.is_busy, timeout=30_000)
