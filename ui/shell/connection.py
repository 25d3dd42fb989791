"""Noticing a lost database and telling the person when it is back.

Any background task that fails with :class:`DatabaseUnavailableError` (the PostgreSQL server is gone,
the network share vanished) puts the monitor in the "lost" state: every window of the workstation shows
a banner, and the monitor asks ``services.ping()`` on a worker thread every few seconds, waiting a
little longer after each failed try, until the database answers. Nothing typed is thrown away: the
screens keep their forms, and the person simply saves again once the banner goes.

A :class:`DatabaseBusyError` (another workstation holds the write lock for too long) only says so in
the status bar: it goes away by itself.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.domain.errors import DatabaseBusyError, DatabaseUnavailableError
from ui.kit.retranslate import follow_language
from ui.kit.worker import TaskRunner

__all__ = ["PING_DELAYS_MS", "ConnectionBanner", "ConnectionMonitor", "connection_monitor"]

# Waits between two tries: a few seconds at first, then less often (the last one repeats).
PING_DELAYS_MS = (2_000, 3_000, 5_000, 8_000, 13_000, 20_000, 30_000)


class ConnectionMonitor(QObject):
    """One per task runner (see :func:`connection_monitor`): every window shares its state."""

    lost = Signal()
    restored = Signal()
    busy = Signal()
    """A task failed because the database was busy: worth a status message, nothing more."""
    retrying = Signal(int)
    """Seconds until the next try."""

    def __init__(self, runner: TaskRunner, ping: Callable[[], object]) -> None:
        super().__init__(runner)
        self.setObjectName("connectionMonitor")
        self._runner = runner
        self._ping = ping
        self._lost = False
        self._attempt = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.try_now)
        self.delays_ms: tuple[int, ...] = PING_DELAYS_MS
        runner.task_failed.connect(self.notice)

    @property
    def is_lost(self) -> bool:
        return self._lost

    @property
    def attempts(self) -> int:
        return self._attempt

    def notice(self, error: object) -> None:
        """Look at a failed task's exception."""
        if isinstance(error, DatabaseUnavailableError):
            self.connection_lost()
        elif isinstance(error, DatabaseBusyError):
            self.busy.emit()

    def connection_lost(self) -> None:
        if self._lost:
            return
        self._lost = True
        self._attempt = 0
        self.lost.emit()
        self._schedule()

    def _schedule(self) -> None:
        delay = self.delays_ms[min(self._attempt, len(self.delays_ms) - 1)]
        self._timer.start(delay)
        self.retrying.emit(max(1, round(delay / 1000)))

    def try_now(self) -> None:
        """Ask the database at once (the banner's "Try now" button)."""
        if not self._lost or self._runner.is_shut_down:
            return
        self._timer.stop()
        ping = self._ping
        self._runner.submit(
            ping,
            on_success=lambda _result: self._answered(),
            on_failure=lambda _error: self._still_lost(),
            key="database-ping",
        )

    def _answered(self) -> None:
        self._lost = False
        self._attempt = 0
        self._timer.stop()
        self.restored.emit()

    def _still_lost(self) -> None:
        if not self._lost:
            return
        self._attempt += 1
        self._schedule()

    def stop(self) -> None:
        self._timer.stop()


def connection_monitor(runner: TaskRunner, ping: Callable[[], object]) -> ConnectionMonitor:
    """The runner's monitor, made on first use: windows sharing a runner share one monitor."""
    existing = runner.findChild(ConnectionMonitor, "connectionMonitor")
    if isinstance(existing, ConnectionMonitor):
        return existing
    return ConnectionMonitor(runner, ping)


class ConnectionBanner(QWidget):
    """The strip across the window while the database cannot be reached."""

    def __init__(self, monitor: ConnectionMonitor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._monitor = monitor
        self._seconds: int | None = None
        self.message = QLabel(self)
        self.message.setObjectName("connectionBannerText")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.retry_button = QPushButton(self)
        self.retry_button.setObjectName("connectionRetry")
        self.retry_button.clicked.connect(monitor.try_now)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.retry_button)
        monitor.lost.connect(self._lost)
        monitor.restored.connect(self.hide)
        monitor.retrying.connect(self._retrying)
        self.setVisible(monitor.is_lost)
        follow_language(self, self.retranslate)
        if monitor.is_lost:
            self._lost()

    def retranslate(self) -> None:
        self.message.setAccessibleName(self.tr("Database connection"))
        self.retry_button.setText(self.tr("Try &now"))
        self.retry_button.setAccessibleName(self.tr("Try to reconnect now"))
        self._show_text()

    def _text(self, seconds: int | None = None) -> str:
        text = self.tr("Connection to the database lost — reconnecting… Your typing is kept.")
        if seconds is not None:
            text += " " + self.tr("Next try in %n second(s); save again once this message goes.", "", seconds)
        return text

    def _show_text(self) -> None:
        self.message.setText(self._text(self._seconds))
        self.setAccessibleDescription(self.message.text())

    def _lost(self) -> None:
        self._seconds = None
        self._show_text()
        self.show()

    def _retrying(self, seconds: int) -> None:
        self._seconds = seconds
        self._show_text()
