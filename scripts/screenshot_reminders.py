"""The README's picture of the reminders window (``scripts/screenshots.py`` draws it with the others):
the demo site's day of appointments, grouped by how each client is reminded."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop.domain.enums import Role
from desktop.domain.records import Actor
from desktop.services import Services
from ui.kit.worker import TaskRunner
from ui.reminders.window import ReminderWindow


class StudioLike(Protocol):
    services: Services
    runner: TaskRunner
    actors: dict[Role, Actor]

    def settle(self, condition: Callable[[], bool] = ..., what: str = ...) -> None: ...


def reminders_window(studio: StudioLike, path: Path, save: object, day_data: object) -> None:
    """``day_data(studio)`` books the demo day; ``save(widget, path)`` writes the picture."""
    assert callable(save) and callable(day_data)
    day_data(studio)
    window = ReminderWindow(studio.services, studio.actors[Role.RECEPTIONIST], studio.runner)
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    window.resize(1100, 720)
    window.show()
    day = studio.services.clock.today()
    window.set_day(day)
    studio.settle(lambda: window.plan is not None and window.plan.day == day, "the day's reminders")
    # The tab with the most appointments in front.
    counts = [table.rowCount() for table in window.tables.values()]
    window.tabs.setCurrentIndex(counts.index(max(counts)))
    studio.settle()
    shown: QWidget = window
    save(shown, path)
    window.done(0)
