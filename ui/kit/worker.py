"""The one background-work mechanism of the GUI.

Database and PDF work never runs on the GUI thread. A :class:`TaskRunner` lives on the GUI thread and
runs plain callables on a private thread pool; their results come back through a queued signal and
the success or failure callback is then called on the GUI thread, where touching widgets is safe::

    runner.submit(
        lambda: clients.search(text),          # worker thread: no widgets in here
        on_success=self._show_results,         # GUI thread
        key="client-search",                   # a newer search makes older results stale
        busy_message=self.tr("Searching…"),
    )

The callable must not touch any widget or other GUI object; capture the plain values it needs before
submitting. The runnable that executes it holds nothing but the callable and a bound signal of the
runner (a Python class deriving from both QRunnable and QObject is not reliable under PySide6).

Rules kept by the runner:

* every exception raised by the callable is caught in the worker thread and handed to
  ``on_failure`` on the GUI thread; without ``on_failure`` it is logged and announced through
  :attr:`TaskRunner.failed`. Exceptions raised by the callbacks themselves are handled the same way;
* a task submitted with a ``key`` supersedes every earlier task with the same key: their results are
  dropped without calling any callback, and if they have not started yet they do not run at all;
* :meth:`TaskHandle.cancel` drops delivery the same way;
* :attr:`TaskRunner.busy_changed` reports ``True`` only once some wanted task has been running for
  longer than the busy delay (200 ms), so fast work never makes a busy indicator flash, and reports
  ``False`` once no wanted task is running any more;
* :attr:`TaskRunner.task_failed` carries every exception of a wanted task (before its callback), so
  one place can notice a lost database whichever screen ran into it (``ui.shell.connection``);
* :meth:`TaskRunner.shutdown` waits for the worker threads before the application quits.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QRunnable,
    Qt,
    QThread,
    QThreadPool,
    QTimer,
    Signal,
    SignalInstance,
    Slot,
)

from ui.kit.changes import ChangeBus

__all__ = ["BUSY_DELAY_MS", "TaskHandle", "TaskRunner"]

logger = logging.getLogger(__name__)

BUSY_DELAY_MS = 200
"""How long a task must run before the runner reports itself busy."""

T = TypeVar("T")

SuccessCallback = Callable[[Any], object]
FailureCallback = Callable[[BaseException], object]


@dataclass(eq=False)
class _Task:
    task_id: int
    on_success: SuccessCallback | None
    on_failure: FailureCallback | None
    key: object | None
    busy_message: str
    skip: threading.Event = field(default_factory=threading.Event)


class _TaskRunnable(QRunnable):
    """Runs one callable on a pool thread and reports through a bound signal of the runner."""

    def __init__(
        self, task_id: int, fn: Callable[[], Any], skip: threading.Event, finished: SignalInstance
    ) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._task_id = task_id
        self._fn: Callable[[], Any] | None = fn
        self._skip = skip
        self._finished = finished

    def run(self) -> None:
        fn, self._fn = self._fn, None
        ok = False
        payload: Any = None
        if fn is not None and not self._skip.is_set():
            try:
                payload = fn()
                ok = True
            except BaseException as exc:  # handed over to the GUI thread, never lost
                payload = exc
        del fn
        try:
            self._finished.emit(self._task_id, ok, payload)
        except BaseException:
            # The runner is gone (the application is tearing down); nobody is left to tell.
            logger.exception("Background task %s finished after its runner was destroyed", self._task_id)


class TaskHandle:
    """Returned by :meth:`TaskRunner.submit`; lets the caller drop the delivery of one task."""

    __slots__ = ("_runner", "_task_id", "_key")

    def __init__(self, runner: TaskRunner, task_id: int, key: object | None) -> None:
        self._runner = runner
        self._task_id = task_id
        self._key = key

    @property
    def task_id(self) -> int:
        return self._task_id

    @property
    def key(self) -> object | None:
        return self._key

    @property
    def is_pending(self) -> bool:
        """True while the result is still wanted and has not been delivered yet."""
        return self._runner._is_wanted(self._task_id)

    def cancel(self) -> bool:
        """Drop the delivery of this task; a task that has not started yet does not run at all.

        Returns True if the delivery was still pending. Call on the GUI thread.
        """
        return self._runner._cancel(self._task_id)

    def __repr__(self) -> str:
        return f"TaskHandle(task_id={self._task_id!r}, key={self._key!r}, pending={self.is_pending})"


class TaskRunner(QObject):
    """Runs plain callables off the GUI thread and delivers their outcome on it.

    Create it on the GUI thread (normally one per application window) and call every method from the
    GUI thread.
    """

    busy_changed = Signal(bool, str)
    """``(busy, message)``: True after a task has run longer than the busy delay, False when idle."""

    failed = Signal(str)
    """A user-facing message for a failure that no ``on_failure`` callback took care of."""

    task_failed = Signal(object)
    """Every exception raised by a wanted task, just before its ``on_failure`` callback runs.

    Lets the window notice a lost database whichever screen's work ran into it."""

    _finished = Signal(object, bool, object)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        max_threads: int = 2,
        busy_delay_ms: int = BUSY_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        if max_threads < 1:
            raise ValueError("max_threads must be at least 1")
        self._pool = QThreadPool(self)
        # Every view holds the runner, so the application's one change signal travels with it.
        self.changes = ChangeBus(self)
        self._pool.setMaxThreadCount(max_threads)
        self._busy_delay_ms = busy_delay_ms
        self._next_id = 0
        self._tasks: dict[int, _Task] = {}
        self._outstanding: set[int] = set()
        self._latest_by_key: dict[object, int] = {}
        self._overdue: dict[int, str] = {}
        self._busy = False
        self._busy_message = ""
        self._shut_down = False
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    # ------------------------------------------------------------------ public API

    @property
    def max_threads(self) -> int:
        return self._pool.maxThreadCount()

    @property
    def is_busy(self) -> bool:
        """The last state reported through :attr:`busy_changed`."""
        return self._busy

    @property
    def busy_message(self) -> str:
        """The message of the last busy report ("" while not busy)."""
        return self._busy_message

    @property
    def is_shut_down(self) -> bool:
        return self._shut_down

    def pending_count(self) -> int:
        """How many submitted tasks still wait for delivery (dropped tasks not counted)."""
        return len(self._tasks)

    def is_idle(self) -> bool:
        """True when no worker is running and no delivery is queued."""
        return not self._outstanding and self._pool.activeThreadCount() == 0

    def active_thread_count(self) -> int:
        return self._pool.activeThreadCount()

    def submit(
        self,
        fn: Callable[[], T],
        *,
        on_success: Callable[[T], object] | None = None,
        on_failure: FailureCallback | None = None,
        key: object | None = None,
        busy_message: str | None = None,
    ) -> TaskHandle:
        """Run ``fn()`` on a worker thread; call ``on_success(result)`` or ``on_failure(exc)`` on this
        thread afterwards. ``on_success`` receives exactly what ``fn`` returns, typed as such.

        ``key``: submitting a task with a key drops the delivery of any earlier task with that key.
        ``busy_message``: shown by a busy indicator if the task takes longer than the busy delay.
        """
        self._require_gui_thread("submit")
        if self._shut_down:
            raise RuntimeError("the task runner has been shut down")
        if not callable(fn):
            raise TypeError("fn must be callable")

        self._next_id += 1
        task_id = self._next_id
        task = _Task(
            task_id=task_id,
            on_success=on_success,
            on_failure=on_failure,
            key=key,
            busy_message=busy_message or self.tr("Working…"),
        )
        if key is not None:
            previous = self._latest_by_key.get(key)
            if previous is not None:
                self._drop(previous)
            self._latest_by_key[key] = task_id
        self._tasks[task_id] = task
        self._outstanding.add(task_id)
        self._pool.start(_TaskRunnable(task_id, fn, task.skip, self._finished))
        QTimer.singleShot(self._busy_delay_ms, self, lambda: self._on_busy_delay(task_id))
        return TaskHandle(self, task_id, key)

    def wait_for_idle(self, timeout_ms: int = 5000) -> bool:
        """Block until every worker finished and every queued delivery has been processed.

        Callbacks run during the wait (on this thread); work they submit is waited for as well.
        A negative ``timeout_ms`` waits without limit. Returns False if the time ran out.
        """
        self._require_gui_thread("wait_for_idle")
        deadline = None if timeout_ms < 0 else time.monotonic() + timeout_ms / 1000
        while True:
            if deadline is None:
                done = self._pool.waitForDone(-1)
            else:
                remaining = max(0, int((deadline - time.monotonic()) * 1000))
                done = self._pool.waitForDone(remaining)
            if not done:
                return False
            QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)
            if not self._outstanding:
                return True
            if deadline is not None and time.monotonic() >= deadline:
                return False

    def shutdown(self, timeout_ms: int = -1) -> bool:
        """Stop accepting work, drop every pending delivery and wait for the worker threads.

        Work already submitted still runs to its end (it may be writing to the database), but no
        callback is called any more. Call this when the application closes. A negative
        ``timeout_ms`` waits without limit. Returns False if workers were still running at the end.
        """
        self._require_gui_thread("shutdown")
        self._shut_down = True
        self._tasks.clear()
        self._latest_by_key.clear()
        self._overdue.clear()
        self._update_busy()
        finished = self._pool.waitForDone(timeout_ms)
        QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)
        if not finished:
            logger.warning("Background work was still running when the task runner shut down")
        return finished

    # ------------------------------------------------------------------ internals

    def _require_gui_thread(self, what: str) -> None:
        if QThread.currentThread() != self.thread():
            raise RuntimeError(f"TaskRunner.{what}() must be called on the thread that owns the runner")

    def _is_wanted(self, task_id: int) -> bool:
        return task_id in self._tasks

    def _drop(self, task_id: int) -> bool:
        task = self._tasks.pop(task_id, None)
        if task is None:
            return False
        task.skip.set()
        self._overdue.pop(task_id, None)
        if task.key is not None and self._latest_by_key.get(task.key) == task_id:
            del self._latest_by_key[task.key]
        return True

    def _cancel(self, task_id: int) -> bool:
        self._require_gui_thread("cancel")
        dropped = self._drop(task_id)
        if dropped:
            self._update_busy()
        return dropped

    def _on_busy_delay(self, task_id: int) -> None:
        task = self._tasks.get(task_id)
        if task is None:
            return
        self._overdue[task_id] = task.busy_message
        self._update_busy()

    def _update_busy(self) -> None:
        if not self._tasks:
            state = (False, "")
        elif self._overdue:
            state = (True, next(reversed(self._overdue.values())))
        else:
            state = (self._busy, self._busy_message)
        if state != (self._busy, self._busy_message):
            self._busy, self._busy_message = state
            self.busy_changed.emit(*state)

    @Slot(object, bool, object)
    def _deliver(self, task_id: int, ok: bool, payload: Any) -> None:
        self._outstanding.discard(task_id)
        task = self._tasks.get(task_id)
        if task is None or self._shut_down:
            return
        self._drop(task_id)
        if not ok:
            try:
                self.task_failed.emit(payload)
            except Exception:
                logger.exception("A listener of failed background tasks raised")
        try:
            if ok:
                if task.on_success is not None:
                    task.on_success(payload)
            elif task.on_failure is not None:
                task.on_failure(payload)
            else:
                self._report_failure(payload)
        except Exception as exc:
            logger.exception("A callback of background task %s raised", task_id)
            self.failed.emit(self._failure_message(exc))
        finally:
            self._update_busy()

    def _report_failure(self, exc: BaseException) -> None:
        logger.error("Background task failed", exc_info=(type(exc), exc, exc.__traceback__))
        self.failed.emit(self._failure_message(exc))

    def _failure_message(self, exc: BaseException) -> str:
        detail = str(exc) or type(exc).__name__
        return self.tr("The operation failed: {detail}").format(detail=detail)
