"""What the workstation remembers between sessions: window geometry, splitter positions, the language,
the last username. Nothing about clients is ever stored here."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QSplitter, QWidget

__all__ = ["AppSettings"]


class AppSettings:
    """A thin, typed wrapper over QSettings (organisation and application "FrontDesk")."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings()

    @property
    def raw(self) -> QSettings:
        return self._settings

    # ------------------------------------------------------------ windows

    def save_geometry(self, name: str, widget: QWidget) -> None:
        self._settings.setValue(f"windows/{name}/geometry", widget.saveGeometry())

    def restore_geometry(self, name: str, widget: QWidget) -> bool:
        value = self._settings.value(f"windows/{name}/geometry")
        return isinstance(value, QByteArray | bytes) and widget.restoreGeometry(QByteArray(value))

    def save_splitter(self, name: str, splitter: QSplitter) -> None:
        self._settings.setValue(f"splitters/{name}", splitter.saveState())

    def restore_splitter(self, name: str, splitter: QSplitter) -> bool:
        value = self._settings.value(f"splitters/{name}")
        return isinstance(value, QByteArray | bytes) and splitter.restoreState(QByteArray(value))

    def save_header(self, name: str, header: QHeaderView) -> None:
        self._settings.setValue(f"headers/{name}", header.saveState())

    def restore_header(self, name: str, header: QHeaderView) -> bool:
        value = self._settings.value(f"headers/{name}")
        return isinstance(value, QByteArray | bytes) and header.restoreState(QByteArray(value))

    # ------------------------------------------------------------ preferences

    @property
    def language(self) -> str | None:
        value = self._settings.value("ui/language")
        return str(value) if value else None

    @language.setter
    def language(self, value: str) -> None:
        self._settings.setValue("ui/language", value)

    @property
    def last_username(self) -> str:
        return str(self._settings.value("login/last_username") or "")

    @last_username.setter
    def last_username(self, value: str) -> None:
        self._settings.setValue("login/last_username", value)

    def sync(self) -> None:
        self._settings.sync()
