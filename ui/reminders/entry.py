"""Client ▸ Appointment reminders… (Ctrl+Shift+M): the day's reminders, beside the schedule. Every role
works the front desk's day, so the entry is shown to all; the service checks the role anyway."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from ui.kit.retranslate import follow_language
from ui.shell.session_windows import SessionWindows

__all__ = ["ReminderEntry"]


class ReminderEntry(QObject):
    def __init__(self, window: QMainWindow, windows: SessionWindows, menu: QMenu, after: QAction) -> None:
        super().__init__(window)
        self._windows = windows
        self.action = QAction(window)
        self.action.setObjectName("reminders")
        self.action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.triggered.connect(lambda _checked=False: self.open())
        window.addAction(self.action)
        actions = menu.actions()
        following = actions.index(after) + 1 if after in actions else len(actions)
        if following < len(actions):
            menu.insertAction(actions[following], self.action)
        else:
            menu.addAction(self.action)
        follow_language(window, self.retranslate)

    def retranslate(self) -> None:
        self.action.setText(self.tr("Appointment &reminders…"))

    def open(self) -> QWidget:
        return self._windows.reminders()
