"""The one life cycle of the jobs a window starts: an export, a report, a save, a password change.

A job is work handed to the :class:`~ui.kit.worker.TaskRunner` from a button. While it runs the window
is busy: the inputs that would change it are disabled, a busy bar shows, a second press does nothing.
When it delivers, the window is idle again *before* the success or failure callback runs, so the
callback sees enabled inputs and may start the next job. Closing the window drops the deliveries it
no longer wants; the work itself runs to its end (it may be writing an audit record).

:class:`JobRunner` is that life cycle as a helper object any widget can own; :class:`JobDialog` is the
thin QDialog base that owns one as ``self.jobs`` and adds the outcome line, ``status_message`` and the
close rules::

    class ExportDialog(JobDialog):
        def __init__(self, ...):
            super().__init__(runner, "export", parent)
            # Callables: the names follow a change of the staff language.
            self.progress = self.make_progress_bar(lambda: self.tr("Export in progress"))
            self.outcome = self.make_outcome_label("exportOutcome", lambda: self.tr("Export result"))
            self.jobs.disable_while_running(self.path, self.export_button)

        def export(self):
            self.run_job(work, self._exported, busy_message=..., running_text=lambda: self.tr("Exporting…"))
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QWidget

from ui.kit.errors import error_words
from ui.kit.forms import fit_height
from ui.kit.retranslate import follow_language
from ui.kit.worker import TaskHandle, TaskRunner

__all__ = ["MAIN_JOB", "JobDialog", "JobRunner"]

T = TypeVar("T")

# Words a dialog shows: a sentence, or how to make it in the staff language of the moment.
Words = str | Callable[[], str]

MAIN_JOB = "main"
"""The job name used when a window runs only one kind of job."""


@dataclass(frozen=True)
class _Job:
    handle: TaskHandle
    makes_busy: bool
    holds_close: bool
    keep_on_close: bool


class JobRunner(QObject):
    """The jobs of one window: at most one per name, each keyed to the window on the task runner."""

    running_changed = Signal(bool)
    """Emitted when the window becomes busy (True) or idle again (False), after the widgets follow."""

    def __init__(self, runner: TaskRunner, owner: QObject, name: str) -> None:
        super().__init__(owner)
        self._runner = runner
        self._key = (name, id(owner))
        self._jobs: dict[str, _Job] = {}
        self._disabled: list[QWidget] = []
        self._shown: list[QWidget] = []
        self._running = False

    @property
    def runner(self) -> TaskRunner:
        return self._runner

    @property
    def is_running(self) -> bool:
        """True while a job that makes the window busy has not delivered."""
        return self._running

    @property
    def holds_close(self) -> bool:
        """True while a job that must not be abandoned by closing the window is running."""
        return any(job.holds_close for job in self._jobs.values())

    def is_job_running(self, job: str) -> bool:
        return job in self._jobs

    def key(self, job: str = MAIN_JOB) -> tuple[object, ...]:
        """The task-runner key of ``job``: a newer task with this key supersedes an older one."""
        return (*self._key, job)

    def disable_while_running(self, *widgets: QWidget) -> None:
        """Disable ``widgets`` while a busy job runs and enable them when it delivers."""
        self._disabled.extend(widgets)
        if self._running:
            for widget in widgets:
                widget.setEnabled(False)

    def show_while_running(self, *widgets: QWidget) -> None:
        """Show ``widgets`` (a busy bar) only while a busy job runs."""
        self._shown.extend(widgets)
        for widget in widgets:
            widget.setVisible(self._running)

    def start(
        self,
        work: Callable[[], T],
        *,
        on_success: Callable[[T], object],
        on_failure: Callable[[BaseException], object],
        busy_message: str,
        job: str = MAIN_JOB,
        makes_busy: bool = True,
        supersede: bool = False,
        holds_close: bool = False,
        keep_on_close: bool = False,
    ) -> bool:
        """Run ``work`` off the GUI thread; returns False (and runs nothing) if ``job`` is still running.

        ``supersede``: a newer start replaces the running one instead (a reload after a change);
        ``makes_busy``: the window is busy meanwhile (widgets disabled, busy bar shown);
        ``holds_close``: the window refuses to close meanwhile (a save that must be seen through);
        ``keep_on_close``: the outcome is still delivered after the window closed.
        """
        if job in self._jobs and not supersede:
            return False
        self._forget(job)

        def succeeded(value: T) -> None:
            self._finished(job)
            on_success(value)

        def failed(error: BaseException) -> None:
            self._finished(job)
            on_failure(error)

        handle = self._runner.submit(
            work, on_success=succeeded, on_failure=failed, key=self.key(job), busy_message=busy_message
        )
        self._jobs[job] = _Job(handle, makes_busy, holds_close, keep_on_close)
        self._update()
        return True

    def cancel(self, job: str = MAIN_JOB) -> None:
        """Drop the delivery of ``job``; its work still runs to its end."""
        self._forget(job)
        self._update()

    def cancel_on_close(self) -> None:
        """The window closes: drop every delivery it no longer wants (``keep_on_close`` ones stay)."""
        for name, job in list(self._jobs.items()):
            if not job.keep_on_close:
                job.handle.cancel()
                del self._jobs[name]
        self._update()

    def _forget(self, job: str) -> None:
        previous = self._jobs.pop(job, None)
        if previous is not None:
            previous.handle.cancel()

    def _finished(self, job: str) -> None:
        self._jobs.pop(job, None)
        self._update()

    def _update(self) -> None:
        running = any(job.makes_busy for job in self._jobs.values())
        if running == self._running:
            return
        self._running = running
        self._follow(running)
        self.running_changed.emit(running)

    def _follow(self, running: bool) -> None:
        for widget in self._disabled:
            widget.setEnabled(not running)
        for widget in self._shown:
            widget.setVisible(running)


class JobDialog(QDialog):
    """A dialog that runs jobs: ``self.jobs``, an outcome line, a busy bar and the close rules.

    Closing drops the deliveries of its jobs (see :meth:`JobRunner.cancel_on_close`); while a job
    started with ``holds_close`` runs, the dialog stays open and :meth:`close_refused` is called.
    """

    status_message = Signal(str)
    """A sentence for the main window's status bar (the outcome of a job)."""

    def __init__(self, runner: TaskRunner, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.jobs = JobRunner(runner, self, name)
        self._outcome: QLabel | None = None
        self._outcome_text: Words = ""
        # Names read aloud given as callables: asked again when the staff language changes.
        self._names: list[tuple[QWidget, Callable[[], str]]] = []
        follow_language(self, self._retranslate_job, now=False)

    def _retranslate_job(self) -> None:
        """The staff language changed: names and the outcome line given as callables are made again."""
        for widget, name in self._names:
            widget.setAccessibleName(name())
        if callable(self._outcome_text):
            self.show_outcome(self._outcome_text)

    def _set_name(self, widget: QWidget, name: Words) -> None:
        if callable(name):
            self._names.append((widget, name))
            name = name()
        if name:
            widget.setAccessibleName(name)

    @property
    def is_running(self) -> bool:
        return self.jobs.is_running

    def make_progress_bar(self, accessible_name: Words, object_name: str = "") -> QProgressBar:
        """An indeterminate bar, shown only while a job runs; the subclass places it.

        ``accessible_name`` given as a callable (``lambda: self.tr(...)``) follows the staff language."""
        bar = QProgressBar(self)
        if object_name:
            bar.setObjectName(object_name)
        bar.setRange(0, 0)
        bar.setTextVisible(False)
        self._set_name(bar, accessible_name)
        bar.hide()
        self.jobs.show_while_running(bar)
        return bar

    def make_outcome_label(self, object_name: str, accessible_name: Words = "") -> QLabel:
        """The line that says what a job is doing and how it ended; the subclass places it.

        ``accessible_name`` given as a callable follows the staff language."""
        label = QLabel(self)
        label.setObjectName(object_name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        self._set_name(label, accessible_name)
        self._outcome = label
        return label

    def show_outcome(self, text: Words, *, announce: bool = False) -> None:
        """Say ``text`` on the outcome line (growing the dialog if it wraps); ``announce`` also sends it
        to the status bar. Given as a callable (``lambda: self.tr("Saved to {path}.").format(...)``), the
        line is made again when the staff language changes; a plain string stays as it is."""
        self._outcome_text = text
        words = text() if callable(text) else text
        if self._outcome is not None:
            self._outcome.setText(words)
            fit_height(self)
        if announce:
            self.status_message.emit(words)

    def show_failure(self, error: BaseException) -> None:
        """The default failure of a job: the core's message on the outcome line and in the status bar,
        kept in the staff language."""
        self.show_outcome(error_words(error), announce=True)

    def run_job(
        self,
        work: Callable[[], T],
        on_success: Callable[[T], object],
        *,
        busy_message: str,
        running_text: Words | None = None,
        job: str = MAIN_JOB,
        on_failure: Callable[[BaseException], object] | None = None,
    ) -> bool:
        """Start ``work`` as a busy job unless it is already running; failures go to
        :meth:`show_failure` unless ``on_failure`` is given. ``running_text`` goes on the outcome line."""
        started = self.jobs.start(
            work,
            on_success=on_success,
            on_failure=on_failure or self.show_failure,
            busy_message=busy_message,
            job=job,
        )
        if started and running_text is not None:
            self.show_outcome(running_text)
        return started

    def close_refused(self) -> None:
        """Called when the person tries to close while a job that holds the dialog open runs."""

    def reject(self) -> None:
        if self.jobs.holds_close:
            self.close_refused()
            return
        super().reject()

    def done(self, result: int) -> None:
        self.jobs.cancel_on_close()
        super().done(result)
