"""Small helpers shared by the GUI tests."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

T = TypeVar("T")


def off_gui(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run ``fn`` on a plain thread (as the task runner, or a second workstation, would) and return its
    result or raise its error. The GUI-thread guard refuses service calls made on the test's thread."""
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["value"] = fn(*args, **kwargs)
        except BaseException as error:  # re-raised on the test's thread
            outcome["error"] = error

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` one key at a time, accents included (qtbot.keyClicks aborts on non-ASCII text)."""
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )
