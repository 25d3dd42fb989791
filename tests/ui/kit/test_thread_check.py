"""The GUI-thread guard: database work on the GUI thread raises, work in a runner task passes."""

from __future__ import annotations

import threading

import pytest

from desktop.services.thread_guard import check_unit_of_work_allowed
from ui.kit.thread_check import (
    GUI_THREAD_MESSAGE,
    install_gui_thread_guard,
    is_gui_thread,
    uninstall_gui_thread_guard,
)
from ui.kit.worker import TaskRunner

TIMEOUT_MS = 5000


@pytest.fixture
def guard(qapp):
    install_gui_thread_guard()
    try:
        yield
    finally:
        uninstall_gui_thread_guard()


@pytest.fixture
def runner(qtbot):
    task_runner = TaskRunner()
    yield task_runner
    assert task_runner.shutdown(TIMEOUT_MS)


def test_is_gui_thread(qapp):
    assert is_gui_thread()
    seen: list[bool] = []
    worker = threading.Thread(target=lambda: seen.append(is_gui_thread()))
    worker.start()
    worker.join()
    assert seen == [False]


def test_database_work_on_the_gui_thread_raises(guard):
    with pytest.raises(RuntimeError, match="database work on the GUI thread"):
        check_unit_of_work_allowed()
    assert GUI_THREAD_MESSAGE == "database work on the GUI thread"


def test_database_work_in_a_runner_task_is_allowed(qtbot, guard, runner):
    results: list[str] = []
    failures: list[BaseException] = []

    def unit_of_work():
        check_unit_of_work_allowed()
        return "committed"

    runner.submit(unit_of_work, on_success=results.append, on_failure=failures.append)
    qtbot.waitUntil(lambda: bool(results or failures), timeout=TIMEOUT_MS)
    assert failures == []
    assert results == ["committed"]


def test_the_guard_reaches_the_runner_failure_path_when_misused(qtbot, guard, runner):
    """A success callback that does database work itself is caught, not silently allowed."""
    announced: list[str] = []
    runner.failed.connect(announced.append)

    runner.submit(lambda: None, on_success=lambda _result: check_unit_of_work_allowed())
    qtbot.waitUntil(lambda: bool(announced), timeout=TIMEOUT_MS)
    assert GUI_THREAD_MESSAGE in announced[0]


def test_database_work_on_a_plain_thread_is_allowed(guard):
    errors: list[BaseException] = []

    def work():
        try:
            check_unit_of_work_allowed()
        except BaseException as exc:
            errors.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert errors == []


def test_uninstall_removes_the_guard(qapp):
    install_gui_thread_guard()
    uninstall_gui_thread_guard()
    check_unit_of_work_allowed()  # does not raise any more
