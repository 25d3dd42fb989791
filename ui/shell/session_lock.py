"""Locking one person's window, and parking it while someone else works at the workstation.

:class:`SessionLock` belongs to a main window. It puts the lock screen in front of the window's work
page after the idle delay (or Ctrl+L, even from one of the session's dialogs), hides every window of
the session — and any that opens while locked, such as a report finishing — and disables the menus
and actions. Nothing is closed and nothing is lost: when the same person signs in again everything
comes back as it was. Another person signing in is announced by :attr:`SessionLock.other_signed_in`;
the window's session host (``ui.shell.sessions``) then parks this window and shows theirs.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QToolTip, QWidget

from desktop.domain.clinic_identity import DEFAULT_IDLE_LOCK_MINUTES
from desktop.domain.records import Actor
from desktop.services import Services
from ui.kit.clinic_context import ClinicFacts, clinic_context
from ui.kit.worker import TaskRunner
from ui.shell.idle_lock import IdleWatcher, LockScreen, idle_lock_ms

__all__ = ["SessionLock"]


def owned_by(widget: QWidget, window: QWidget) -> bool:
    """True if ``window`` is among ``widget``'s parents (its dialogs, pop-ups and menus are)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        parent = parent.parentWidget()
    return parent is window


class SessionLock(QObject):
    """The lock of ``window``: its lock screen, its idle watcher and what locking hid."""

    locked = Signal()
    unlocked = Signal()
    other_signed_in = Signal(object)
    """Someone other than the owner signed in on the lock screen (their Actor)."""
    quit_agreed = Signal()
    """Quit from the lock screen, with no work to lose or its loss agreed by a person allowed to."""

    def __init__(
        self,
        window: QMainWindow,
        owner: Actor,
        services: Services,
        runner: TaskRunner,
        *,
        work_page: QWidget,
        lock_key: QKeySequence,
        idle_minutes: float | None = None,
        others_parked: Callable[[], list[str]] = list,
        unsaved_work: Callable[[], bool] = lambda: False,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._owner = owner
        self._others_parked = others_parked
        self._unsaved_work = unsaved_work
        #: The people whose parked sessions hold unsaved work (set by the workstation's session manager).
        self.unsaved_elsewhere: Callable[[], list[Actor]] = list
        self._clock = services.clock
        self._locked = False
        self._parked = False
        self._title_before_lock = ""
        self._hidden: list[QWidget] = []
        self._enabled_before_lock: dict[QAction, bool] = {}
        self._focus_before_lock: QWidget | None = None

        self.screen = LockScreen(services, runner, owner.workstation, work_page.parentWidget())
        self.screen.signed_in.connect(self._signed_in)
        self.screen.quit_requested.connect(self.handles_quit)
        self.screen.drop_confirmed.connect(self.quit_agreed)
        self.pages = QStackedWidget(work_page.parentWidget())
        self.pages.setObjectName("mainPages")
        self.pages.addWidget(work_page)
        self.pages.addWidget(self.screen)
        self._work_page = work_page

        # ``idle_minutes`` (tests, screenshots) wins; otherwise the clinic's delay once it is loaded.
        self._fixed_idle = idle_minutes is not None
        interval = (
            int(idle_minutes * 60_000)
            if idle_minutes is not None
            else idle_lock_ms(DEFAULT_IDLE_LOCK_MINUTES)
        )
        self.idle_watcher = IdleWatcher(max(1, interval), self, lock_key=lock_key, owns=self.in_session)
        self.idle_watcher.idle.connect(self.lock)
        self.idle_watcher.lock_requested.connect(self.lock)
        self.idle_watcher.arm()
        clinic_context(services, owner, runner).follow(self._clinic_loaded)

    def _clinic_loaded(self, facts: ClinicFacts) -> None:
        if not self._fixed_idle:
            self.idle_watcher.set_interval_ms(idle_lock_ms(facts.organisation.idle_lock_minutes))

    # ------------------------------------------------------------ state

    @property
    def is_locked(self) -> bool:
        return self._locked

    @property
    def is_parked(self) -> bool:
        """Locked and set aside, hidden, while someone else works."""
        return self._parked

    @property
    def hidden_windows(self) -> list[QWidget]:
        """The session's windows that locking hid; they come back on unlock."""
        return list(self._hidden)

    def take_hidden_windows(self) -> list[QWidget]:
        """Forget the hidden windows and hand them over (the window is closing them)."""
        hidden, self._hidden = self._hidden, []
        return hidden

    def in_session(self, widget: QWidget) -> bool:
        return widget is self._window or owned_by(widget, self._window)

    def release(self) -> None:
        """The window is going away: stop watching for idleness."""
        self.idle_watcher.release()

    def retranslate(self, title: str) -> None:
        """The window's ``title`` in the staff language; while locked, the lock's title shows instead."""
        if self._locked:
            self._title_before_lock = title
            self._window.setWindowTitle(self.tr("FrontDesk — Locked"))
        else:
            self._window.setWindowTitle(title)

    # ------------------------------------------------------------ locking

    def lock(self) -> None:
        """Hide everything behind the lock screen; nothing is closed and nothing is lost."""
        if self._locked:
            return
        window = self._window
        self._locked = True
        self.idle_watcher.disarm()
        QToolTip.hideText()
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.hide()
        focus = QApplication.focusWidget()
        self._focus_before_lock = focus if focus is not None and focus.window() is window else None
        self._hidden = self._session_windows()
        for hidden in self._hidden:
            hidden.hide()
        # A window of this session opening while locked (a report finishing) is hidden at once too.
        self._application().installEventFilter(self)
        self._enabled_before_lock = {action: action.isEnabled() for action in window.actions()}
        for action in self._enabled_before_lock:
            action.setEnabled(False)
        window.menuBar().setEnabled(False)
        window.statusBar().clearMessage()
        window.statusBar().hide()
        # The services' clock, in this computer's time zone: the time the desk sees.
        self.screen.prepare(self._owner, self._clock.now().astimezone(), self._others_parked())
        self.pages.setCurrentWidget(self.screen)
        self._title_before_lock = window.windowTitle()
        window.setWindowTitle(self.tr("FrontDesk — Locked"))
        if window.isVisible():
            window.raise_()
            window.activateWindow()
        self.screen.focus_password()
        # Once the window is active again (the hidden dialog had the focus), the password gets it.
        QTimer.singleShot(0, self, self._focus_password_if_locked)
        self.locked.emit()

    def unlock(self) -> None:
        """The same person signed in again: everything comes back as it was."""
        if not self._locked:
            return
        window = self._window
        self._locked = False
        self._parked = False
        self._application().removeEventFilter(self)
        self.pages.setCurrentWidget(self._work_page)
        window.setWindowTitle(self._title_before_lock)
        window.menuBar().setEnabled(True)
        for action, enabled in self._enabled_before_lock.items():
            action.setEnabled(enabled)
        self._enabled_before_lock = {}
        window.statusBar().show()
        window.activateWindow()
        focus, self._focus_before_lock = self._focus_before_lock, None
        hidden, self._hidden = self._hidden, []
        for shown in hidden:
            shown.show()
        if hidden:
            hidden[-1].raise_()
            hidden[-1].activateWindow()
        elif focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self.idle_watcher.arm()
        self.unlocked.emit()

    def handles_quit(self) -> bool:
        """While locked, a quit is answered here (True), as Ctrl+Q asks in the window: agreed at once if no
        unsaved work would be lost; otherwise the lock screen names whose work it is and waits for that
        person's password or a manager's (a question box would be hidden by the lock). Unlocked: False."""
        if not self._locked:
            return False
        people = ([self._owner] if self._unsaved_work() else []) + self.unsaved_elsewhere()
        if people:
            self.screen.ask_to_drop(people)
        else:
            # Later: the window may be in the middle of its close event, which would ignore a new close.
            QTimer.singleShot(0, self, self.quit_agreed.emit)
        return True

    def park(self) -> None:
        """Locked, and marked as set aside while another person works (the window hides itself)."""
        self.lock()
        self._parked = True

    # ------------------------------------------------------------ inner workings

    def _signed_in(self, actor: Actor) -> None:
        if actor.staff_id == self._owner.staff_id:
            self.unlock()
        else:
            self.other_signed_in.emit(actor)

    def _focus_password_if_locked(self) -> None:
        if self._locked:
            self.screen.focus_password()

    def _session_windows(self) -> list[QWidget]:
        """The visible windows that belong to this session: dialogs, pop-ups, menus."""
        return [
            widget
            for widget in QApplication.topLevelWidgets()
            if widget is not self._window and widget.isVisible() and owned_by(widget, self._window)
        ]

    def _hide_while_locked(self, window: QWidget) -> None:
        if not self._locked or not shiboken6.isValid(window) or not window.isVisible():
            return
        window.hide()
        if window not in self._hidden:
            self._hidden.append(window)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._locked and event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            if watched.isWindow() and watched is not self._window and owned_by(watched, self._window):
                QTimer.singleShot(0, self, lambda: self._hide_while_locked(watched))
        return super().eventFilter(watched, event)

    @staticmethod
    def _application() -> QCoreApplication:
        app = QCoreApplication.instance()
        assert app is not None, "a lock needs the running application"
        return app
