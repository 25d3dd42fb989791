"""Fixtures for the booking, consent and opt-out windows: real services on a SQLite file copied from the
session template, a fixed clock (Tuesday 2026-11-24 15:00 UTC), a task runner, and the GUI-thread guard
installed so any database call made on the GUI thread fails the test.

Tests read and prepare data through :meth:`Desk.call`, which runs the service call on a plain thread,
as the guard requires.
"""

from __future__ import annotations

import math
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.app import open_services
from desktop.db.engine import sqlite_url
from desktop.domain.enums import Language
from desktop.domain.records import Actor, ClientDraft, ClientRecord
from desktop.services import Services
from desktop.services.clock import FixedClock
from tests.conftest import TEST_NOW, TEST_PASSWORD, WORKSTATION
from tests.ui.helpers import off_gui, type_text  # noqa: F401  (re-exported for tests)
from ui.kit.thread_check import install_gui_thread_guard, uninstall_gui_thread_guard
from ui.kit.worker import TaskRunner

__all__ = ["Desk", "MessageBoxes", "activate", "desk", "draw_signature", "draw_tick", "off_gui", "type_text"]

T = TypeVar("T")
TIMEOUT_MS = 5000


@dataclass
class MessageBoxes:
    """Every QMessageBox call made by the code under test, answered without showing anything."""

    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes
    calls: list[tuple[str, str, str]] = field(default_factory=list)

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        def record(kind: str) -> Callable[..., QMessageBox.StandardButton]:
            def shown(_parent: QWidget | None, title: str, text: str, *_args: Any, **_kw: Any):
                self.calls.append((kind, title, text))
                return self.answer if kind == "question" else QMessageBox.StandardButton.Ok

            return shown

        for kind in ("question", "information", "warning", "critical"):
            monkeypatch.setattr(QMessageBox, kind, staticmethod(record(kind)))


@dataclass
class Desk:
    services: Services
    actor: Actor
    runner: TaskRunner
    clock: FixedClock
    boxes: MessageBoxes

    @property
    def today(self) -> date:
        return self.clock.today()

    def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a service call on a plain thread (the guard forbids the GUI thread) and return its result."""
        return off_gui(fn, *args, **kwargs)

    def new_client(
        self,
        last_name: str = "Côté",
        first_name: str = "Zoé",
        born: date = date(1980, 4, 12),
        language: Language = Language.FR,
        **fields: Any,
    ) -> ClientRecord:
        draft = ClientDraft(last_name, first_name, born, preferred_language=language, **fields)
        return self.call(self.services.clients.create, self.actor, draft)

    def settle(self) -> None:
        """Let every submitted task finish and its callback run."""
        assert self.runner.wait_for_idle(TIMEOUT_MS)


@pytest.fixture
def desk(qtbot, sqlite_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Desk]:
    path = tmp_path / "frontdesk.db"
    shutil.copyfile(sqlite_template, path)
    clock = FixedClock(TEST_NOW)
    services = open_services(sqlite_url(path), clock=clock, migrate=False)
    actor = off_gui(services.staff.authenticate, "accueil", TEST_PASSWORD, WORKSTATION)
    boxes = MessageBoxes()
    boxes.install(monkeypatch)
    install_gui_thread_guard()
    runner = TaskRunner()
    try:
        yield Desk(services, actor, runner, clock, boxes)
    finally:
        # Close what the test left open while the message boxes are still answered for it.
        for widget in QApplication.topLevelWidgets():
            widget.close()
        runner.shutdown(TIMEOUT_MS)
        uninstall_gui_thread_guard()
        services.close()


# ------------------------------------------------------------------------------------ input helpers


def activate(qtbot: Any, widget: QWidget) -> None:
    """Show ``widget`` as the active window, so its shortcuts and mnemonics answer the keyboard."""
    widget.show()
    qtbot.waitExposed(widget)
    with qtbot.waitActive(widget):
        widget.activateWindow()


def _scribble(x0: float, y0: float, width: float, loops: int) -> list[QPoint]:
    """A cursive-looking run of loops, like a hurried name."""
    points = []
    steps = 40 * loops
    for i in range(steps + 1):
        t = i / steps
        angle = t * loops * 2 * math.pi
        x = x0 + width * t + 14 * math.cos(angle + math.pi)
        y = y0 - 22 * (0.5 - 0.5 * math.cos(angle)) - 6 * math.sin(3 * t * math.pi)
        points.append(QPoint(round(x), round(y)))
    return points


def _stroke(widget: QWidget, points: list[QPoint]) -> None:
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[0])
    for point in points[1:]:
        QTest.mouseMove(widget, point)
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[-1])


def draw_signature(pad: QWidget) -> None:
    """A signature drawn with the mouse, big enough to pass the pad's ink checks."""
    height = pad.height()
    _stroke(pad, _scribble(40, height * 0.65, max(160, pad.width() - 120), 5))


def draw_tick(pad: QWidget) -> None:
    """A short dash: not a signature."""
    y = pad.height() // 2
    _stroke(pad, [QPoint(60 + i * 3, y) for i in range(6)])
