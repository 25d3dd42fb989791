"""The status bar's count of opt-out requests waiting, overdue ones in red; a click opens the queue.

It follows saved opt-out changes on the change bus, and asks again every minute for requests logged
or processed on other workstations.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QToolButton, QWidget

from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.records import Actor
from desktop.services import Services
from ui.kit.retranslate import follow_language
from ui.kit.worker import TaskRunner

__all__ = ["COUNTS_REFRESH_MS", "OptOutCountsButton"]

COUNTS_REFRESH_MS = 60_000


class OptOutCountsButton(QToolButton):
    """'Opt-outs: 4 pending · ⚠ 1 OVERDUE', with a tone (ok, warning, danger) for the style sheet."""

    def __init__(
        self, services: Services, actor: Actor, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("optOutCounts")
        self._services = services
        self._actor = actor
        self._runner = runner
        self.setAutoRaise(True)
        # The last answer — (pending, overdue), or the failure — worded again on a language change.
        self._counts: tuple[int, int] | None = None
        self._failed = False
        self._timer = QTimer(self)
        self._timer.setInterval(COUNTS_REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        runner.changes.changed.connect(self._data_changed)
        follow_language(self, self.retranslate)
        self.resume()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Opt-out requests waiting"))
        self.setToolTip(self.tr("Open the opt-out queue (Ctrl+Shift+O)"))
        if self._failed:
            self.setText(self.tr("Opt-outs: ?"))
        elif self._counts is None:
            self.setText(self.tr("Opt-outs: …"))
        else:
            self._show(self._counts)

    def pause(self) -> None:
        """Stop asking (the window is locked)."""
        self._timer.stop()

    def resume(self) -> None:
        """Ask now, then every minute."""
        self._timer.start()
        self.refresh()

    def refresh(self) -> None:
        services, actor = self._services, self._actor
        self._runner.submit(
            lambda: services.optouts.pending_count(actor),
            on_success=self._show,
            on_failure=lambda _error: self._refused(),
            key=("opt-out-counts", id(self)),
        )

    def _data_changed(self, change: DataChange, _source: object) -> None:
        if change.touches(ChangeSubject.OPT_OUTS) and self._timer.isActive():
            self.refresh()

    def _refused(self) -> None:
        self._failed = True
        self.setText(self.tr("Opt-outs: ?"))

    def _show(self, counts: tuple[int, int]) -> None:
        self._counts, self._failed = counts, False
        pending, overdue = counts
        if overdue:
            text = self.tr("Opt-outs: {pending} pending · ⚠ {overdue} OVERDUE").format(
                pending=pending, overdue=overdue
            )
            tone = "danger"
        elif pending:
            text = self.tr("Opt-outs: {pending} pending").format(pending=pending)
            tone = "warning"
        else:
            text = self.tr("Opt-outs: none pending")
            tone = "ok"
        self.setText(text)
        self.setAccessibleDescription(text)
        self.setProperty("tone", tone)
        self.style().unpolish(self)
        self.style().polish(self)
