"""The set-up wizard in French and in English, switched while open: every page in one language, nothing
cut short, nothing typed lost."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QWizard

from desktop.domain.enums import Language
from tests.ui.language_check import clipped_texts, language_problems, visible_texts
from tests.ui.setup.clinic import ORGANISATION, SITES, fill_organisation, fill_sites

# Typed values are data, not words of the interface.
DATA = (*ORGANISATION.values(), *(value for site in SITES for value in site.values()))


def look(wizard: QWizard, language: Language) -> list[str]:
    QApplication.processEvents()
    return language_problems(visible_texts(wizard), language, DATA) + clipped_texts(wizard)


@pytest.mark.parametrize("language", [Language.FR, Language.EN], ids=["fr", "en"])
def test_every_page_speaks_one_language(qtbot, wizard, switch, language):
    switch(language)
    problems = look(wizard, language)
    wizard.next()
    fill_organisation(wizard)
    problems += look(wizard, language)
    wizard.next()
    fill_sites(wizard)
    problems += look(wizard, language)
    wizard.next()
    problems += look(wizard, language)  # the policy page, its files not chosen yet
    assert problems == []


def test_the_language_changes_while_the_wizard_is_open(qtbot, wizard, switch):
    wizard.next()
    fill_organisation(wizard)
    switch(Language.FR)
    assert wizard.windowTitle() == "FrontDesk — Configuration de la clinique"
    assert wizard.currentPage().title() == "L'organisation"
    assert wizard.buttonText(QWizard.WizardButton.NextButton) == "&Suivant >"
    assert wizard.organisation.easter.currentText() == "Lundi de Pâques"
    assert wizard.organisation.name.text() == ORGANISATION["name"]
    switch(Language.EN)
    assert wizard.currentPage().title() == "The organisation"
    assert wizard.organisation.easter.currentText() == "Easter Monday"
