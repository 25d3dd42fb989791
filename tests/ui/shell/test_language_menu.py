"""View → Language switches the interface at once, keeps the workstation's last language, and tells its
owner so the choice goes on the person's account; a person's kept language is applied at sign-in."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow

from desktop.domain.enums import Language
from ui.kit.i18n import current_language, install_translators
from ui.shell.language_menu import LanguageMenu, apply_staff_language


def test_choosing_french_switches_at_once_and_is_remembered(qtbot, qapp, settings):
    window = QMainWindow()
    qtbot.addWidget(window)
    typed = QLineEdit("Nguyễn, rendez-vous à 15 h")
    window.setCentralWidget(typed)
    menu = LanguageMenu(settings, window)
    window.menuBar().addMenu(menu)
    assert menu.title() == "&Language"
    try:
        with qtbot.waitSignal(menu.chosen) as chosen:
            menu.actions()[0].trigger()  # Français
        assert chosen.args == [Language.FR]
        assert current_language() == Language.FR
        assert settings.language == "fr"
        qtbot.waitUntil(lambda: menu.title() == "&Langue")
        assert menu.actions()[0].isChecked() and not menu.actions()[1].isChecked()
        assert typed.text() == "Nguyễn, rendez-vous à 15 h"  # nothing typed is lost

        # Switched from elsewhere (another person's sign-in): the tick follows.
        install_translators(qapp, Language.EN)
        qtbot.waitUntil(lambda: menu.title() == "&Language")
        assert menu.actions()[1].isChecked()
    finally:
        install_translators(qapp, Language.EN)


def test_a_person_s_kept_language_applies_at_sign_in_and_none_changes_nothing(qapp, settings):
    settings.language = "en"
    try:
        assert apply_staff_language(settings, None) == Language.EN
        assert settings.language == "en"
        assert apply_staff_language(settings, Language.FR) == Language.FR
        QApplication.processEvents()
        assert current_language() == Language.FR
        assert settings.language == "fr"  # the sign-in window opens in it next time
    finally:
        install_translators(qapp, Language.EN)
