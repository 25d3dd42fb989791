"""View → Language: the interface language chosen here applies the next time FrontDesk starts."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from desktop.domain.enums import Language
from ui.kit.i18n import current_language, has_translation, language_name
from ui.kit.settings import AppSettings

__all__ = ["LanguageMenu"]


class LanguageMenu(QMenu):
    """French and English, the one in use ticked; the choice is saved in the settings."""

    status_message = Signal(str)

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("&Language"), parent)
        self.setObjectName("languageMenu")
        self._settings = settings
        group = QActionGroup(self)
        for language in (Language.FR, Language.EN):
            action = QAction(language_name(language), self)
            action.setCheckable(True)
            action.setChecked(language == current_language())
            action.triggered.connect(lambda _checked=False, language=language: self.choose(language))
            group.addAction(action)
            self.addAction(action)

    def choose(self, language: Language) -> None:
        self._settings.language = language.value
        self._settings.sync()
        if not has_translation(language):
            self.status_message.emit(
                self.tr(
                    "The {language} translation is not installed yet; the interface stays in English."
                ).format(language=language_name(language))
            )
        elif language != current_language():
            self.status_message.emit(
                self.tr("FrontDesk will use {language} the next time it starts.").format(
                    language=language_name(language)
                )
            )
