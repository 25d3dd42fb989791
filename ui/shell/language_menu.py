"""View → Language: the staff language, switched at once in every open window and kept twice over.

The choice applies immediately (every window follows through ``follow_language``, nothing is closed),
is kept as the workstation's last language (the sign-in window opens in it) and, through the window
that owns the menu, on the person's account, so their next sign-in anywhere comes back to it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from desktop.domain.enums import Language
from ui.kit.i18n import current_language, has_translation, install_translators, language_name
from ui.kit.retranslate import follow_language
from ui.kit.settings import AppSettings

__all__ = ["LanguageMenu", "apply_staff_language"]


def apply_staff_language(settings: AppSettings, language: Language | None) -> Language:
    """Show the interface in ``language`` (a person's kept choice) and remember it as the workstation's
    last; with none kept, the interface stays as it is. Returns the language in effect."""
    if language is not None and language != current_language() and has_translation(language):
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        language = install_translators(app, language)
        settings.language = language.value
        settings.sync()
    return current_language()


class LanguageMenu(QMenu):
    """French and English, the one in use ticked; choosing one switches the interface at once."""

    status_message = Signal(str)
    # A language the person chose and that is now in effect: the owner keeps it on their account.
    chosen = Signal(object)

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languageMenu")
        self._settings = settings
        self._actions: dict[Language, QAction] = {}
        group = QActionGroup(self)
        for language in (Language.FR, Language.EN):
            action = QAction(language_name(language), self)
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, language=language: self.choose(language))
            group.addAction(action)
            self.addAction(action)
            self._actions[language] = action
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        self.setTitle(self.tr("&Language"))
        # Another window (or another person's sign-in) may have switched the language: tick the one in use.
        self._actions[current_language()].setChecked(True)

    def choose(self, language: Language) -> None:
        if not has_translation(language):
            self._actions[current_language()].setChecked(True)
            self.status_message.emit(
                self.tr(
                    "The {language} translation is not installed yet; the interface stays in English."
                ).format(language=language_name(language))
            )
            return
        self._settings.language = language.value
        self._settings.sync()
        if language != current_language():
            app = QApplication.instance()
            assert isinstance(app, QApplication)
            install_translators(app, language)
        self.chosen.emit(language)
