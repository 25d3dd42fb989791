"""Several people at one workstation: one window per person, only one of them shown.

When the window is locked (idle, or Ctrl+L) and someone else signs in on the lock screen, the locked
session is *parked*: its window stays hidden and locked, with everything in it (unsaved details, an open
booking), and the new person gets a fresh window of their own. When the first person signs in again on
any lock screen, their parked window comes back exactly as it was and the other one is parked in turn.

Quitting from the window on screen quits FrontDesk; if a parked session has unsaved work, the person
quitting is asked first (without being shown any of it).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox

from desktop.domain.records import Actor
from desktop.services import Services
from ui.kit.settings import AppSettings
from ui.kit.worker import TaskRunner
from ui.shell.language_menu import apply_staff_language
from ui.shell.main_window import MainWindow

__all__ = ["SessionManager"]


class SessionManager(QObject):
    """Owns the workstation's windows; ``finished`` once the person on screen quits."""

    finished = Signal()
    switched = Signal(object)
    """The window now on screen."""

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        settings: AppSettings | None = None,
        *,
        demo: bool = False,
        idle_minutes: float | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.settings = settings or AppSettings()
        self.demo = demo
        self.idle_minutes = idle_minutes
        self._windows: list[MainWindow] = []
        self._every_window: list[MainWindow] = []
        self._active: MainWindow | None = None
        self._quitting = False

    # ------------------------------------------------------------ state

    @property
    def active(self) -> MainWindow | None:
        """The window on screen."""
        return self._active

    @property
    def windows(self) -> list[MainWindow]:
        return list(self._windows)

    @property
    def every_window(self) -> list[MainWindow]:
        """Every window made since the start, closed ones included (to delete at the end)."""
        return list(self._every_window)

    def parked(self) -> list[MainWindow]:
        return [w for w in self._windows if w is not self._active]

    def window_for(self, staff_id: int) -> MainWindow | None:
        return next((w for w in self._windows if w.actor.staff_id == staff_id), None)

    # ------------------------------------------------------------ starting and switching

    def start(self, actor: Actor) -> MainWindow:
        """The first window, for the person who signed in at start-up."""
        apply_staff_language(self.settings, actor.language)
        window = self._create(actor)
        self._activate(window)
        window.show()
        return window

    def _create(self, actor: Actor) -> MainWindow:
        window = MainWindow(
            self.services,
            actor,
            self.runner,
            self.settings,
            demo=self.demo,
            idle_minutes=self.idle_minutes,
        )
        window.session_host = self
        window.session_lock.unsaved_elsewhere = partial(self.unsaved_elsewhere, window)
        window.closed.connect(lambda window=window: self._closed(window))
        self._windows.append(window)
        self._every_window.append(window)
        return window

    def _activate(self, window: MainWindow) -> None:
        self._active = window
        self.switched.emit(window)

    def others_parked(self, window: MainWindow) -> list[str]:
        """Names of the people whose sessions wait hidden, besides ``window``'s."""
        return [w.actor.full_name for w in self._windows if w is not window and w.is_parked]

    def unsaved_elsewhere(self, window: MainWindow) -> list[Actor]:
        """The people whose sessions, besides ``window``'s, hold unsaved work."""
        return [w.actor for w in self._windows if w is not window and w.has_unsaved_work()]

    def sign_in_on(self, window: MainWindow, actor: Actor) -> None:
        """``actor`` signed in on the lock screen of ``window`` (which belongs to someone else)."""
        # Each person's screens come back in the language they keep (fresh from this sign-in).
        apply_staff_language(self.settings, actor.language)
        if actor.staff_id == window.actor.staff_id:
            window.unlock()
            return
        geometry = window.saveGeometry()
        maximized = window.isMaximized()
        window.park()
        returning = self.window_for(actor.staff_id)
        if returning is None:
            returning = self._create(actor)
            returning.restoreGeometry(geometry)
        self._activate(returning)
        if maximized:
            returning.showMaximized()
        else:
            returning.show()
        returning.resume()

    # ------------------------------------------------------------ quitting

    def confirm_quit(self, closing: MainWindow) -> bool:
        """True if no parked session has unsaved work, or the person agrees to drop it."""
        if self._quitting:
            return True
        waiting = [w for w in self._windows if w is not closing and w.has_unsaved_work()]
        if not waiting:
            return True
        answer = QMessageBox.question(
            closing,
            self.tr("Unsaved work in other sessions"),
            self.tr(
                "Sessions kept aside on this workstation have unsaved work ({names}). Quitting drops it. "
                "Quit FrontDesk anyway?"
            ).format(names=", ".join(w.actor.full_name for w in waiting)),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def _closed(self, window: MainWindow) -> None:
        if window in self._windows:
            self._windows.remove(window)
        if self._quitting:
            return
        if window is self._active or self._active is None:
            self._quit_all()

    def _quit_all(self) -> None:
        self._quitting = True
        for other in list(self._windows):
            other.close_without_asking()
        self._windows.clear()
        self._active = None
        self.finished.emit()

    def close_all(self) -> None:
        """Close every window without asking (tests, and the end of the program)."""
        if not self._quitting:
            self._quit_all()
