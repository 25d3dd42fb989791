"""The daily check and backup, run in the background once someone has signed in.

It used to run before the sign-in window (151 s on a 4.5 GB file at the first start of the day); now
the window opens at once and the copy is made in short steps on the task runner. Damage found by it
is told at once to every signed-in person (a banner in each window) and written to the log; the
earlier backups are kept.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop.app import check_and_back_up
from desktop.domain.errors import DatabaseCorruptError
from desktop.services import Services
from ui.kit.errors import error_words
from ui.kit.worker import TaskRunner
from ui.shell.damage_banner import show_damage

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QMainWindow

__all__ = ["DailyBackup"]

log = logging.getLogger(__name__)


class DailyBackup(QObject):
    """Starts the check and backup with :meth:`start`; :meth:`stop` abandons the copy (closing).
    Windows given to :meth:`watch` show the damage it finds in a banner; ``damage_found`` tells others."""

    damage_found = Signal()
    finished = Signal()

    def __init__(self, services: Services, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self._stop = threading.Event()
        self._windows: list[QMainWindow] = []
        self.damage: Callable[[], str] | None = None
        self.started = False
        self.done = False

    def start(self) -> None:
        if self.started:
            return
        self.started = True
        services, stop = self._services, self._stop
        self._runner.submit(
            lambda: check_and_back_up(services, stop=stop),
            on_success=lambda _made: self._finish(None),
            on_failure=self._failed,
            key="daily-backup",
            busy_message=self.tr("Daily backup of the database…"),
        )

    def stop(self) -> None:
        self._stop.set()

    def watch(self, window: QMainWindow) -> None:
        """Show the damage on ``window`` too (now if already found)."""
        if window not in self._windows:
            self._windows.append(window)
        if self.damage is not None:
            show_damage(window, self.damage)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, DatabaseCorruptError):
            self._finish(error_words(error))
            return
        log.warning("the daily backup was not made: %s", error)
        self._finish(None)

    def _finish(self, damage: Callable[[], str] | None) -> None:
        self.done = True
        if damage is not None:
            self.damage = damage
            for window in self._windows:
                show_damage(window, damage)
            self.damage_found.emit()
        self.finished.emit()
