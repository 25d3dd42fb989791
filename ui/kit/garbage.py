"""Python's cyclic garbage collector run only on the GUI thread, between events.

Windows keep callables that re-make their words (``follow_language``), and those callables hold the
window: reference cycles that only the cyclic collector frees. Left automatic, the collector runs at
any allocation, on any thread, possibly in the middle of Qt delivering an event to the very widget it
frees, or on a worker thread freeing a widget: both crash the process. Here automatic collection is
off and a timer on the GUI thread collects, generation by generation, as Python's own thresholds say.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

__all__ = ["GuiGarbageCollector"]

INTERVAL_MS = 500


class GuiGarbageCollector(QObject):
    """Owned by the application: collects on the GUI thread every ``INTERVAL_MS``; ``stop`` gives the
    collector back to Python."""

    def __init__(self, parent: QObject, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> int:
        """Collect the oldest generation whose count passed its threshold; the number of objects freed."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                return gc.collect(generation)
        return 0

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()
