"""The one job life cycle: busy while a job runs (inputs disabled, bar shown, second press ignored),
idle again before the callback, failures on the outcome line, deliveries dropped on close."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.domain.errors import NotFoundError
from tests.ui.conftest import TIMEOUT_MS, wait_idle
from ui.kit.job_dialog import JobDialog, JobRunner
from ui.kit.worker import TaskRunner


class _Dialog(JobDialog):
    def __init__(self, runner: TaskRunner) -> None:
        super().__init__(runner, "test-job")
        self.field = QLineEdit(self)
        self.button = QPushButton("Go", self)
        self.progress = self.make_progress_bar("Working", "testProgress")
        self.outcome = self.make_outcome_label("testOutcome", "Outcome")
        self.jobs.disable_while_running(self.field, self.button)
        layout = QVBoxLayout(self)
        for widget in (self.field, self.button, self.progress, self.outcome):
            layout.addWidget(widget)


@pytest.fixture
def dialog(qtbot, runner):
    made = _Dialog(runner)
    qtbot.addWidget(made)
    made.show()
    return made


def gated(started: threading.Event | None = None) -> tuple[threading.Event, Callable[[], int]]:
    """Work that waits until the test opens the gate, then returns 42."""
    gate = threading.Event()

    def work() -> int:
        if started is not None:
            started.set()
        assert gate.wait(TIMEOUT_MS / 1000)
        return 42

    return gate, work


def test_busy_while_running_and_idle_before_the_callback(qtbot, dialog):
    gate, work = gated()
    seen: list[tuple[int, bool, bool]] = []
    states: list[bool] = []
    dialog.jobs.running_changed.connect(states.append)

    def succeeded(value: int) -> None:
        seen.append((value, dialog.button.isEnabled(), dialog.is_running))

    assert dialog.run_job(work, succeeded, busy_message="Working…", running_text="Going…")
    assert dialog.is_running and dialog.progress.isVisible()
    assert not dialog.field.isEnabled() and not dialog.button.isEnabled()
    assert dialog.outcome.text() == "Going…"
    # A second press while the job runs starts nothing.
    assert not dialog.run_job(work, succeeded, busy_message="Working…")

    gate.set()
    qtbot.waitUntil(lambda: bool(seen), timeout=TIMEOUT_MS)
    assert seen == [(42, True, False)]
    assert not dialog.progress.isVisible() and dialog.field.isEnabled()
    assert states == [True, False]


def test_a_failure_is_said_on_the_outcome_line_and_announced(qtbot, dialog):
    announced: list[str] = []
    dialog.status_message.connect(announced.append)

    def work() -> int:
        raise NotFoundError(what="file 999999")

    dialog.run_job(work, lambda _value: None, busy_message="Working…")
    qtbot.waitUntil(lambda: not dialog.is_running, timeout=TIMEOUT_MS)
    assert dialog.outcome.text() and announced == [dialog.outcome.text()]
    assert dialog.button.isEnabled()


def test_a_custom_failure_handler_replaces_the_default(qtbot, dialog):
    caught: list[BaseException] = []

    def work() -> int:
        raise ValueError("boom")

    dialog.run_job(work, lambda _value: None, busy_message="Working…", on_failure=caught.append)
    qtbot.waitUntil(lambda: bool(caught), timeout=TIMEOUT_MS)
    assert isinstance(caught[0], ValueError)
    assert dialog.outcome.text() == ""


def test_closing_drops_the_delivery_but_the_work_runs_to_its_end(qtbot, dialog, runner):
    started = threading.Event()
    gate, work = gated(started)
    ran: list[int] = []
    delivered: list[int] = []

    def recorded() -> int:
        value = work()
        ran.append(value)
        return value

    dialog.run_job(recorded, delivered.append, busy_message="Working…")
    assert started.wait(TIMEOUT_MS / 1000)
    dialog.reject()
    assert not dialog.isVisible() and not dialog.is_running
    gate.set()
    wait_idle(qtbot, runner)
    assert ran == [42] and delivered == []


def test_a_job_kept_on_close_is_still_delivered(qtbot, dialog, runner):
    gate, work = gated()
    delivered: list[int] = []
    dialog.jobs.start(
        work,
        on_success=delivered.append,
        on_failure=lambda _error: None,
        busy_message="Saving…",
        job="save",
        keep_on_close=True,
    )
    dialog.accept()
    gate.set()
    wait_idle(qtbot, runner)
    assert delivered == [42]


def test_a_job_that_holds_close_keeps_the_dialog_open(qtbot, dialog, runner):
    refused: list[bool] = []
    dialog.close_refused = lambda: refused.append(True)
    gate, work = gated()
    dialog.jobs.start(
        work,
        on_success=lambda _value: None,
        on_failure=lambda _error: None,
        busy_message="Saving…",
        holds_close=True,
    )
    dialog.reject()
    dialog.close()
    assert dialog.isVisible() and refused == [True, True]
    gate.set()
    qtbot.waitUntil(lambda: not dialog.jobs.holds_close, timeout=TIMEOUT_MS)
    dialog.reject()
    assert not dialog.isVisible()


def test_a_superseding_job_replaces_the_running_one(qtbot, runner):
    owner = QWidget()
    qtbot.addWidget(owner)
    jobs = JobRunner(runner, owner, "loads")
    gate, slow = gated()
    delivered: list[str] = []
    jobs.start(
        lambda: f"old {slow()}",
        on_success=delivered.append,
        on_failure=lambda _error: None,
        busy_message="Loading…",
        job="list",
        makes_busy=False,
    )
    assert not jobs.is_running and jobs.is_job_running("list")
    jobs.start(
        lambda: "new",
        on_success=delivered.append,
        on_failure=lambda _error: None,
        busy_message="Loading…",
        job="list",
        supersede=True,
        makes_busy=False,
    )
    gate.set()
    wait_idle(qtbot, runner)
    assert delivered == ["new"]
    assert jobs.key("list") == ("loads", id(owner), "list")


def test_a_job_can_be_cancelled_by_name(qtbot, runner):
    owner = QWidget()
    qtbot.addWidget(owner)
    button = QPushButton(owner)
    jobs = JobRunner(runner, owner, "named")
    jobs.disable_while_running(button)
    gate, work = gated()
    delivered: list[int] = []
    jobs.start(work, on_success=delivered.append, on_failure=lambda _error: None, busy_message="…")
    assert not button.isEnabled()
    jobs.cancel()
    assert button.isEnabled() and not jobs.is_running
    gate.set()
    wait_idle(qtbot, runner)
    assert delivered == []
