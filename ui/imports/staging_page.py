"""Step 4 of the import: every row checked and set aside, with a progress bar and a Cancel button.

The rows are staged outside the client files; cancelling leaves nothing behind. The service reports its
progress from the worker thread: :class:`ProgressRelay` carries it to the GUI thread through a queued
signal, never by touching a widget from the worker.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from ui.kit.i18n import format_number
from ui.kit.retranslate import follow_language

__all__ = ["ProgressRelay", "StagingPage"]


class ProgressRelay(QObject):
    """Made on the GUI thread; :meth:`report` may be called from the worker, :meth:`stop_wanted` too."""

    progressed = Signal(int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stop = threading.Event()

    def report(self, done: int, total: int) -> None:
        try:
            self.progressed.emit(done, total)
        except RuntimeError:
            # The wizard was closed while the rows were being checked: stop (nothing stays).
            self._stop.set()

    def stop(self) -> None:
        self._stop.set()

    def stop_wanted(self) -> bool:
        return self._stop.is_set()


class StagingPage(QWidget):
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importStagingPage")
        self._done = 0
        self._total = 0
        self._stopping = False

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("importProgress")
        self.bar.setRange(0, 0)
        self.count = QLabel(self)
        self.count.setObjectName("importProgressCount")
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("importCancel")
        self.cancel_button.clicked.connect(self._cancel)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.bar)
        layout.addWidget(self.count)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "Every row is checked as a typed entry would be, and compared with the clients on file. "
                "Nothing is added to the client files yet; Cancel leaves nothing behind."
            )
        )
        self.bar.setAccessibleName(self.tr("Rows checked"))
        self.cancel_button.setText(self.tr("&Cancel the import"))
        self._say()

    def _say(self) -> None:
        if self._stopping:
            self.count.setText(self.tr("Stopping: the rows set aside are being removed…"))
        elif self._total:
            self.count.setText(
                self.tr("{done} of {total} rows checked").format(
                    done=format_number(self._done), total=format_number(self._total)
                )
            )
        else:
            self.count.setText(self.tr("Reading the file…"))

    def start(self, total: int) -> None:
        self._done, self._total, self._stopping = 0, total, False
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self._say()

    def show_progress(self, done: int, total: int) -> None:
        self._done, self._total = done, total
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        self._say()

    def _cancel(self) -> None:
        self._stopping = True
        self.cancel_button.setEnabled(False)
        self._say()
        self.cancel_requested.emit()
