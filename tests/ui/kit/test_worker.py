"""TaskRunner and BusyIndicator, with real pool threads and the real Qt event loop."""

from __future__ import annotations

import logging
import os
import sys
import threading
import time

import pytest
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, Signal

from ui.kit.busy import BusyIndicator
from ui.kit.worker import BUSY_DELAY_MS, TaskHandle, TaskRunner

TIMEOUT_MS = 5000


@pytest.fixture
def runner(qtbot):
    task_runner = TaskRunner()
    yield task_runner
    if not task_runner.is_shut_down:
        assert task_runner.shutdown(TIMEOUT_MS)


def _os_thread_count() -> int | None:
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return None


# ------------------------------------------------------------------ delivery


def test_success_is_delivered_on_the_gui_thread(qtbot, runner):
    gui_thread = threading.get_ident()
    seen: dict[str, object] = {}

    def work():
        seen["work_thread"] = threading.get_ident()
        return 41 + 1

    def done(result):
        seen["callback_thread"] = threading.get_ident()
        seen["result"] = result

    handle = runner.submit(work, on_success=done)
    assert isinstance(handle, TaskHandle)
    assert handle.is_pending
    qtbot.waitUntil(lambda: "result" in seen, timeout=TIMEOUT_MS)

    assert seen["result"] == 42
    assert seen["work_thread"] != gui_thread
    assert seen["callback_thread"] == gui_thread
    assert not handle.is_pending
    assert runner.pending_count() == 0


def test_work_without_a_success_callback_still_runs(qtbot, runner):
    ran = threading.Event()
    runner.submit(ran.set)
    assert runner.wait_for_idle(TIMEOUT_MS)
    assert ran.is_set()
    assert runner.pending_count() == 0


def test_failure_goes_to_on_failure_with_the_exception_object_and_runner_survives(qtbot, runner):
    error = ValueError("the clinic database is locked")
    failures: list[BaseException] = []
    results: list[object] = []
    announced: list[str] = []
    runner.failed.connect(announced.append)

    def work():
        raise error

    runner.submit(work, on_success=results.append, on_failure=failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=TIMEOUT_MS)
    assert failures == [error]
    assert failures[0] is error
    assert failures[0].__traceback__ is not None
    assert results == []
    assert announced == []  # the caller's on_failure took care of it

    runner.submit(lambda: "still working", on_success=results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=TIMEOUT_MS)
    assert results == ["still working"]


def test_failure_without_handler_is_logged_and_announced(qtbot, runner, caplog):
    announced: list[str] = []
    runner.failed.connect(announced.append)

    def work():
        raise OSError("disk full")

    with caplog.at_level(logging.ERROR, logger="ui.kit.worker"):
        runner.submit(work, on_success=lambda _result: None)
        qtbot.waitUntil(lambda: bool(announced), timeout=TIMEOUT_MS)

    assert len(announced) == 1
    assert "disk full" in announced[0]
    records = [r for r in caplog.records if r.name == "ui.kit.worker" and r.levelno == logging.ERROR]
    assert records and records[0].exc_info is not None
    assert isinstance(records[0].exc_info[1], OSError)


def test_exception_in_a_callback_is_contained(qtbot, runner, caplog):
    announced: list[str] = []
    runner.failed.connect(announced.append)

    def broken_callback(_result):
        raise KeyError("no such widget")

    with caplog.at_level(logging.ERROR, logger="ui.kit.worker"):
        runner.submit(lambda: 1, on_success=broken_callback)
        qtbot.waitUntil(lambda: bool(announced), timeout=TIMEOUT_MS)
    assert "no such widget" in announced[0]

    results: list[int] = []
    runner.submit(lambda: 2, on_success=results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=TIMEOUT_MS)
    assert results == [2]


def test_submit_is_refused_off_the_gui_thread(qtbot, runner):
    failures: list[BaseException] = []

    def work():
        runner.submit(lambda: None, on_success=None)

    runner.submit(work, on_success=None, on_failure=failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=TIMEOUT_MS)
    assert isinstance(failures[0], RuntimeError)


# ------------------------------------------------------------------ stale results and cancel


def test_only_the_latest_result_for_a_key_is_delivered(qtbot):
    runner = TaskRunner(max_threads=3)
    try:
        delivered: list[str] = []
        ran: list[str] = []
        lock = threading.Lock()

        def search(text: str, seconds: float, started: threading.Event):
            def work():
                started.set()
                time.sleep(seconds)
                with lock:
                    ran.append(text)
                return text

            return work

        # The earlier queries take longer, so their results arrive after the latest one. Each one is
        # running before the next is submitted (a superseded query that has not started never runs).
        for text, seconds in (("s", 0.30), ("sm", 0.20)):
            started = threading.Event()
            runner.submit(search(text, seconds, started), on_success=delivered.append, key="client-search")
            assert started.wait(TIMEOUT_MS / 1000)
        last = runner.submit(
            search("smi", 0.01, threading.Event()), on_success=delivered.append, key="client-search"
        )

        qtbot.waitUntil(lambda: bool(delivered), timeout=TIMEOUT_MS)
        assert runner.wait_for_idle(TIMEOUT_MS)
        assert delivered == ["smi"]
        assert ran == ["smi", "sm", "s"]  # all three finished; the late results were dropped
        assert not last.is_pending
        assert runner.pending_count() == 0
    finally:
        assert runner.shutdown(TIMEOUT_MS)


def test_a_superseded_task_that_has_not_started_does_not_run(qtbot):
    runner = TaskRunner(max_threads=1)
    try:
        release = threading.Event()
        ran: list[str] = []
        delivered: list[str] = []

        def blocker():
            assert release.wait(TIMEOUT_MS / 1000)
            return "blocker"

        def query(text):
            def work():
                ran.append(text)
                return text

            return work

        runner.submit(blocker, on_success=delivered.append)
        runner.submit(query("old"), on_success=delivered.append, key="search")
        runner.submit(query("new"), on_success=delivered.append, key="search")
        release.set()
        assert runner.wait_for_idle(TIMEOUT_MS)

        assert delivered == ["blocker", "new"]
        assert ran == ["new"]
    finally:
        assert runner.shutdown(TIMEOUT_MS)


def test_different_keys_do_not_interfere(qtbot, runner):
    delivered: list[str] = []
    runner.submit(lambda: "clients", on_success=delivered.append, key="clients")
    runner.submit(lambda: "consents", on_success=delivered.append, key="consents")
    runner.submit(lambda: "plain", on_success=delivered.append)
    assert runner.wait_for_idle(TIMEOUT_MS)
    assert sorted(delivered) == ["clients", "consents", "plain"]


def test_cancel_prevents_delivery(qtbot, runner):
    started = threading.Event()
    release = threading.Event()
    delivered: list[object] = []
    failures: list[BaseException] = []

    def work():
        started.set()
        assert release.wait(TIMEOUT_MS / 1000)
        return "too late"

    handle = runner.submit(work, on_success=delivered.append, on_failure=failures.append)
    assert started.wait(TIMEOUT_MS / 1000)
    assert handle.cancel() is True
    assert handle.cancel() is False
    assert not handle.is_pending
    release.set()

    assert runner.wait_for_idle(TIMEOUT_MS)
    assert delivered == []
    assert failures == []


# ------------------------------------------------------------------ busy tracking


def test_slow_task_reports_busy_then_idle(qtbot, runner):
    events: list[tuple[bool, str, float]] = []
    release = threading.Event()
    results: list[str] = []
    started_at = time.monotonic()

    def record(busy: bool, message: str) -> None:
        events.append((busy, message, time.monotonic() - started_at))
        if busy:
            release.set()

    runner.busy_changed.connect(record)

    def work():
        time.sleep(0.4)
        # Also wait for the busy report, so a slow machine cannot reorder the two.
        assert release.wait(TIMEOUT_MS / 1000)
        return "saved"

    runner.submit(work, on_success=results.append, busy_message="Saving the consent form…")
    qtbot.waitUntil(lambda: len(events) >= 2, timeout=TIMEOUT_MS)

    assert [(busy, message) for busy, message, _ in events] == [
        (True, "Saving the consent form…"),
        (False, ""),
    ]
    assert events[0][2] >= (BUSY_DELAY_MS - 20) / 1000
    assert results == ["saved"]
    assert not runner.is_busy


def test_fast_task_never_reports_busy(qtbot, runner):
    events: list[tuple[bool, str]] = []
    runner.busy_changed.connect(lambda busy, message: events.append((busy, message)))
    results: list[str] = []

    def work():
        time.sleep(0.01)
        return "found"

    runner.submit(work, on_success=results.append, busy_message="Searching…")
    qtbot.waitUntil(lambda: bool(results), timeout=TIMEOUT_MS)
    # Give the busy timer every chance to fire: it must have been disarmed by the delivery.
    qtbot.wait(BUSY_DELAY_MS + 150)
    assert events == []
    assert not runner.is_busy


def test_busy_stays_on_while_another_task_still_runs(qtbot, runner):
    events: list[tuple[bool, str]] = []
    runner.busy_changed.connect(lambda busy, message: events.append((busy, message)))
    first_release = threading.Event()
    second_release = threading.Event()
    results: list[str] = []

    def wait_for(event, value):
        def work():
            assert event.wait(TIMEOUT_MS / 1000)
            return value

        return work

    runner.submit(wait_for(first_release, "first"), on_success=results.append, busy_message="Exporting…")
    runner.submit(wait_for(second_release, "second"), on_success=results.append, busy_message="Exporting…")
    qtbot.waitUntil(lambda: runner.is_busy, timeout=TIMEOUT_MS)

    first_release.set()
    qtbot.waitUntil(lambda: results == ["first"], timeout=TIMEOUT_MS)
    assert runner.is_busy

    second_release.set()
    qtbot.waitUntil(lambda: not runner.is_busy, timeout=TIMEOUT_MS)
    assert events == [(True, "Exporting…"), (False, "")]


def test_cancelling_the_only_slow_task_clears_busy(qtbot, runner):
    release = threading.Event()
    handle = runner.submit(
        lambda: release.wait(TIMEOUT_MS / 1000), on_success=None, busy_message="Exporting…"
    )
    qtbot.waitUntil(lambda: runner.is_busy, timeout=TIMEOUT_MS)
    assert handle.cancel()
    assert not runner.is_busy
    release.set()
    assert runner.wait_for_idle(TIMEOUT_MS)


# ------------------------------------------------------------------ idle and shutdown


def test_wait_for_idle_and_shutdown_leave_no_running_threads(qtbot):
    threads_before = _os_thread_count()
    runner = TaskRunner(max_threads=3)
    results: list[int] = []

    def work(number):
        def run():
            time.sleep(0.05)
            return number

        return run

    for number in range(6):
        runner.submit(work(number), on_success=results.append)
    assert runner.wait_for_idle(TIMEOUT_MS)
    assert sorted(results) == list(range(6))
    assert runner.is_idle()
    assert runner.active_thread_count() == 0

    # Work still running at shutdown finishes, but nothing is delivered any more.
    release = threading.Event()
    finished = threading.Event()
    late: list[object] = []

    def slow():
        assert release.wait(TIMEOUT_MS / 1000)
        finished.set()
        return "late"

    runner.submit(slow, on_success=late.append, on_failure=late.append)
    timer = threading.Timer(0.1, release.set)
    timer.start()
    assert runner.shutdown(TIMEOUT_MS)
    timer.join()
    assert finished.is_set()
    assert runner.is_idle()
    assert runner.active_thread_count() == 0
    qtbot.wait(50)
    assert late == []
    with pytest.raises(RuntimeError):
        runner.submit(lambda: None, on_success=None)

    if threads_before is not None:
        assert _os_thread_count() <= threads_before


def test_wait_for_idle_times_out_while_work_is_running(qtbot, runner):
    release = threading.Event()
    runner.submit(lambda: release.wait(TIMEOUT_MS / 1000), on_success=None)
    assert runner.wait_for_idle(50) is False
    release.set()
    assert runner.wait_for_idle(TIMEOUT_MS)


def test_max_threads_is_configurable(qtbot):
    runner = TaskRunner(max_threads=1)
    try:
        assert runner.max_threads == 1
        assert TaskRunner().max_threads == 2
        with pytest.raises(ValueError):
            TaskRunner(max_threads=0)
    finally:
        runner.shutdown(TIMEOUT_MS)


# ------------------------------------------------------------------ busy indicator


def test_busy_indicator_follows_the_runner(qtbot, runner):
    indicator = BusyIndicator()
    qtbot.addWidget(indicator)
    indicator.connect_runner(runner)
    assert indicator.isHidden()
    assert indicator.accessibleName()

    release = threading.Event()
    runner.submit(lambda: release.wait(TIMEOUT_MS / 1000), on_success=None, busy_message="Printing…")
    qtbot.waitUntil(lambda: not indicator.isHidden(), timeout=TIMEOUT_MS)
    assert indicator.message == "Printing…"

    release.set()
    qtbot.waitUntil(indicator.isHidden, timeout=TIMEOUT_MS)
    assert indicator.message == ""


def test_busy_indicator_switches_runners(qtbot, runner):
    other = TaskRunner()
    try:
        indicator = BusyIndicator()
        qtbot.addWidget(indicator)
        indicator.connect_runner(other)
        indicator.connect_runner(runner)

        release = threading.Event()
        other.submit(lambda: release.wait(TIMEOUT_MS / 1000), on_success=None)
        qtbot.waitUntil(lambda: other.is_busy, timeout=TIMEOUT_MS)
        assert indicator.isHidden()  # no longer listening to the first runner
        release.set()
        assert other.wait_for_idle(TIMEOUT_MS)
    finally:
        other.shutdown(TIMEOUT_MS)


# ------------------------------------------------------------------ the Qt binding itself


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None and True are immortal from Python 3.12 on")
def test_qt_binding_keeps_reference_counts_of_none_and_true(qtbot):
    """Every emission and every void Qt call must leave None and True with the references they had.

    PySide6 6.12.0 on Python 3.11 returns both without a reference of their own; the interpreter
    then aborts with "none_dealloc" or "bool_dealloc" after a few thousand Qt calls.
    """

    class Probe(QObject):
        ping = Signal()

    probe = Probe()
    rounds = 20
    none_before = sys.getrefcount(None)
    true_before = sys.getrefcount(True)
    for _ in range(rounds):
        probe.setObjectName("probe")
        probe.ping.emit()
    none_lost = none_before - sys.getrefcount(None)
    true_lost = true_before - sys.getrefcount(True)
    assert none_lost < rounds and true_lost < rounds, (
        f"PySide6 {pyside_version} drops a reference to None ({none_lost}) or True ({true_lost}) "
        f"on every call; use a release without this defect (6.11.x is fine)"
    )
