"""The French translation: complete, in step with the code, placeholders kept, and the compiled file usable."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QTranslator

from desktop.domain.enums import Language
from ui.kit import i18n

ROOT = Path(__file__).resolve().parents[3]


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("translations_script", ROOT / "scripts" / "translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


translations = load_script()


def entry(source: str, *forms: str, numerus: bool = False, finished: bool = True) -> object:
    return translations.Entry(
        context="Synthetic", source=source, comment="", numerus=numerus, finished=finished, forms=forms
    )


def test_the_french_translation_is_complete_and_up_to_date():
    """Stale against the code, unfinished, placeholders or accelerators changed, a translation equal to its
    source, or a .qm older than the .ts: ``scripts/translations.py check`` lists it."""
    assert translations.check() == []


def test_every_placeholder_tag_and_accelerator_of_the_real_file_is_kept():
    entries = translations.read_entries(translations.TS_FILE)
    assert len(entries) > 700
    assert all(e.finished for e in entries)
    for e in entries:
        for form in e.forms:
            assert translations.placeholders(form) == translations.placeholders(e.source), e.where()


@pytest.mark.parametrize(
    ("source", "translation", "problem"),
    [
        ("Saved to {path}.", "Enregistré dans {chemin}.", "placeholders differ"),
        ("Step {n} of {total}", "Étape {n}", "placeholders differ"),
        ("<b>{age}</b> years", "<i>{age}</i> ans", "placeholders differ"),
        ("Next try in %n second(s)", "Nouvel essai bientôt", "placeholders differ"),
        ("&Quit", "Quitter", "accelerators differ"),
        ("&Quit", "&Qui&tter", "accelerators differ"),
        ("Treatment", "Treatment", "translation equals its source"),
        ("Treatment", "", "unfinished"),
    ],
)
def test_the_check_fails_on_a_bad_entry(source, translation, problem):
    problems = translations.entry_problems([entry(source, translation)])
    assert len(problems) == 1 and problems[0].startswith(problem), problems


def test_the_check_accepts_good_entries_and_reviewed_identical_words():
    good = [
        entry("Saved to {path}.", "Enregistré dans {path}."),
        entry("Fish && chips: {n}", "Poisson && frites\u00a0: {n}"),
        entry("Date", "Date"),
        entry("{name} · {role}", "{name} · {role}"),
        entry("<b>FrontDesk</b><br>{x}", "<b>FrontDesk</b><br>{x}!"),
        entry("%n page(s).", "%n page.", "%n pages.", numerus=True),
    ]
    assert translations.entry_problems(good) == []
    assert translations.entry_problems([entry("Date", "Date", finished=False)]) == [
        "unfinished: Synthetic: 'Date'"
    ]


def test_a_plural_form_that_drops_the_number_fails():
    problems = translations.entry_problems([entry("%n page(s).", "une page.", "%n pages.", numerus=True)])
    assert problems and problems[0].startswith("placeholders differ")


def test_the_compiled_file_translates_the_menus_to_french(qapp):
    translator = QTranslator()
    assert translator.load(str(i18n.translation_file(Language.FR)))
    assert translator.translate("MainWindow", "&File") == "&Fichier"
    assert translator.translate("MainWindow", "&Quit") == "&Quitter"
    assert translator.translate("ClientForm", "Email") == "Courriel"


def test_french_is_in_effect_with_qts_own_buttons_and_english_comes_back(qapp):
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QDialogButtonBox

    try:
        assert i18n.has_translation(Language.FR)
        assert i18n.install_translators(qapp, Language.FR) == Language.FR
        assert QCoreApplication.translate("MainWindow", "&Help") == "Aid&e"
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuler"
        box.deleteLater()
    finally:
        assert i18n.install_translators(qapp, Language.EN) == Language.EN
    assert QCoreApplication.translate("MainWindow", "&Help") == "&Help"


def test_the_check_fails_when_the_code_has_a_string_the_ts_lacks(tmp_path, monkeypatch):
    extra = tmp_path / "extra.py"
    extra.write_text(
        "from PySide6.QtCore import QObject\n\n\nclass Extra(QObject):\n"
        "    def text(self) -> str:\n        return self.tr('A string nobody translated')\n",
        encoding="utf-8",
    )
    sources = translations.ui_sources()
    monkeypatch.setattr(translations, "ui_sources", lambda: [*sources, str(extra)])
    assert translations.stale_problems() == [
        "not in the .ts (run update): Extra: 'A string nobody translated'"
    ]
