"""Cycles are freed by the GUI thread's timer, never by Python's automatic collector mid-event."""

from __future__ import annotations

import gc
import weakref

from PySide6.QtCore import QObject

from ui.kit.garbage import GuiGarbageCollector


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_the_automatic_collector_is_off_and_the_timer_frees_cycles(qtbot, qapp):
    assert not gc.isenabled()  # the tests run as the application does
    # The garbage of the tests before, collected first: the timer's collection is then of the young
    # generation only, not a full pass over a worker's large heap that could outlast the wait.
    gc.collect()
    owner = QObject()
    collector = GuiGarbageCollector(owner, interval_ms=10)
    try:
        cycle = _Cycle()
        gone = weakref.ref(cycle)
        del cycle
        for _ in range(gc.get_threshold()[0] + 1):
            _Cycle()  # enough garbage for the youngest generation to be due
        qtbot.waitUntil(lambda: gone() is None, timeout=10_000)
    finally:
        collector.stop()
        gc.disable()  # the session's collector keeps it off
        owner.deleteLater()
