"""A small busy indicator for the status bar, driven by a :class:`ui.kit.worker.TaskRunner`."""

from __future__ import annotations

from PySide6.QtCore import QMetaObject, QObject, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QSizePolicy, QWidget

from ui.kit.retranslate import follow_language
from ui.kit.worker import TaskRunner

__all__ = ["BusyIndicator"]


class BusyIndicator(QWidget):
    """An indeterminate progress bar plus a short message; hidden while nothing slow is running.

    The runner only reports busy after its busy delay, so quick work never makes this flash.
    """

    BAR_WIDTH = 80

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("busyIndicator")

        self._bar = QProgressBar(self)
        self._bar.setObjectName("busyIndicatorBar")
        self._bar.setRange(0, 0)
        self._bar.setTextVisible(False)
        self._bar.setFixedWidth(self.BAR_WIDTH)
        self._bar.setMaximumHeight(14)

        self._label = QLabel(self)
        self._label.setObjectName("busyIndicatorLabel")
        self._label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self._bar)
        layout.addWidget(self._label)

        self._runner: TaskRunner | None = None
        self._connection: QMetaObject.Connection | None = None
        self._busy = False
        self._message = ""
        self.set_busy(False)
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Busy indicator"))
        self._bar.setAccessibleName(self.tr("Work in progress"))
        # The runner's message was said in the language of its start; the default follows the change.
        self.set_busy(self._busy, self._message)

    @property
    def message(self) -> str:
        return self._label.text()

    def connect_runner(self, runner: TaskRunner) -> None:
        """Follow ``runner.busy_changed``; a previously connected runner is released."""
        if self._runner is runner:
            return
        if self._connection is not None:
            QObject.disconnect(self._connection)
        self._runner = runner
        self._connection = runner.busy_changed.connect(self.set_busy)
        self.set_busy(runner.is_busy, runner.busy_message)

    @Slot(bool, str)
    def set_busy(self, busy: bool, message: str = "") -> None:
        self._busy, self._message = busy, message
        text = (message or self.tr("Working…")) if busy else ""
        self._label.setText(text)
        self._bar.setAccessibleDescription(text)
        self.setAccessibleDescription(text)
        self.setToolTip(text)
        self.setVisible(busy)
