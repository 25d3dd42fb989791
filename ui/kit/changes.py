"""The one change signal of the GUI.

After a service call that changes data succeeds, the widget that made it publishes one
:class:`~desktop.domain.changes.DataChange` on the application's :class:`ChangeBus`; every view
subscribes and reloads only when the change concerns what it shows. No window calls another
window's refresh. Changes made on other workstations arrive through each view's periodic refresh.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.domain.changes import ChangeSubject, DataChange

__all__ = ["ChangeBus", "ChangeSubject", "DataChange"]


class ChangeBus(QObject):
    """Lives on the GUI thread; ``changed`` carries a :class:`DataChange` and the publisher."""

    changed = Signal(object, object)
    """``(change, source)``: ``source`` is the widget that made the change (it may skip it), or None."""

    def publish(self, change: DataChange, source: QObject | None = None) -> None:
        self.changed.emit(change, source)
