"""Client ▸ Schedule (Ctrl+D) and, for managers, Manage ▸ Practitioners and hours.

The schedule books for the client whose file is open: it is told when a file opens, and asks the main
window to open a file when Enter is pressed on an appointment. The editor is shown only to the roles
allowed to change the clinic (``MANAGE_CLINIC``); the service checks the role again anyway.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, cast

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from desktop.domain.records import Actor, ClientRecord
from desktop.services.permissions import Permission, role_allows
from ui.client_file import ClientFileWidget
from ui.kit.retranslate import follow_language
from ui.reminders.entry import ReminderEntry
from ui.schedule.window import ScheduleWindow
from ui.shell.session_windows import SessionWindows

__all__ = ["ScheduleEntry"]


class MainWindowLike(Protocol):
    """What the entry needs of the main window (which imports this module)."""

    client_file: ClientFileWidget

    def open_client(self, client_id: int) -> None: ...


class ScheduleEntry(QObject):
    def __init__(
        self,
        window: QMainWindow,
        windows: SessionWindows,
        actor: Actor,
        menus: tuple[QMenu, QMenu],
    ) -> None:
        super().__init__(window)
        self._windows = windows
        host = cast(MainWindowLike, window)
        self._client_file = host.client_file
        self._open_client = host.open_client
        self._wired: ScheduleWindow | None = None
        client_menu, manage_menu = menus
        self.action = self._action(window, "schedule", "Ctrl+D", self.open)
        # Beside finding a client and booking for them.
        actions = client_menu.actions()
        if len(actions) > 2:
            client_menu.insertAction(actions[2], self.action)
        else:
            client_menu.addAction(self.action)
        self.reminders = ReminderEntry(window, windows, client_menu, self.action)  # the day's reminders
        self.editor_action = self._action(window, "scheduleEditor", None, self.open_editor)
        allowed = role_allows(actor.role, Permission.MANAGE_CLINIC)
        self.editor_action.setVisible(allowed)
        self.editor_action.setEnabled(allowed)
        if allowed:
            manage_menu.addAction(self.editor_action)
        self._client_file.opened.connect(self._client_opened)
        follow_language(window, self.retranslate)

    @staticmethod
    def _action(window: QMainWindow, name: str, key: str | None, slot: Callable[[], object]) -> QAction:
        action = QAction(window)
        action.setObjectName(name)
        if key is not None:
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        window.addAction(action)
        return action

    def retranslate(self) -> None:
        self.action.setText(self.tr("&Schedule…"))
        self.editor_action.setText(self.tr("Practitioners and &hours…"))

    def open(self) -> ScheduleWindow:
        window = self._windows.schedule()
        assert isinstance(window, ScheduleWindow)
        if window is not self._wired:
            self._wired = window
            window.open_client_requested.connect(self._open_client)
        window.set_client(self._client_file.client)
        return window

    def open_editor(self) -> QWidget:
        return self._windows.schedule_editor()

    def _client_opened(self, client: ClientRecord) -> None:
        window = self._windows.opened.get("schedule")
        if isinstance(window, ScheduleWindow):
            window.set_client(client)
