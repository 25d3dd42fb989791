"""GUI test fixtures: real services on a SQLite copy of the seeded template, the GUI-thread guard on for
every test, and no dialog that could block the run.

The test body runs on the GUI thread, so the guard refuses any service call made there directly:
tests prepare data with :func:`off_gui`, exactly as the window does through its task runner.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.app import open_services
from desktop.domain.enums import Language
from desktop.domain.records import Actor, ClientDraft, ClientRecord
from desktop.services import Services
from desktop.services.clock import FixedClock
from tests.conftest import STAFF, TEST_NOW, TEST_PASSWORD, WORKSTATION
from tests.ui.helpers import off_gui, type_text  # noqa: F401  (re-exported for tests)
from ui.kit.garbage import GuiGarbageCollector
from ui.kit.i18n import LANGUAGE_ENV, current_language, install_translators, set_current_language
from ui.kit.settings import AppSettings
from ui.kit.thread_check import GUI_THREAD_MESSAGE, install_gui_thread_guard, uninstall_gui_thread_guard
from ui.kit.worker import TaskRunner
from ui.shell.main_window import MainWindow

T = TypeVar("T")
TIMEOUT_MS = 10_000


# ---------------------------------------------------------------- helpers


def draft(last: str, first: str, born: date = date(1980, 5, 17), **fields: Any) -> ClientDraft:
    return ClientDraft(last_name=last, first_name=first, date_of_birth=born, **fields)


def create_client(services: Services, actor: Actor, last: str, first: str, **fields: Any) -> ClientRecord:
    return off_gui(
        lambda: services.clients.create(actor, draft(last, first, **fields), confirm_duplicate=True)
    )


def settle(qtbot: Any, window: MainWindow) -> None:
    """Wait until typing has been searched and every background task has delivered."""

    def settled() -> bool:
        return (
            window.search_panel.is_settled()
            and window.runner.is_idle()
            and window.runner.pending_count() == 0
        )

    qtbot.waitUntil(settled, timeout=TIMEOUT_MS)


def wait_idle(qtbot: Any, runner: TaskRunner) -> None:
    qtbot.waitUntil(lambda: runner.is_idle() and runner.pending_count() == 0, timeout=TIMEOUT_MS)


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="session", autouse=True)
def private_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """QSettings of the tests never touch the person's own configuration."""
    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QApplication.setOrganizationName("FrontDesk")
    QApplication.setApplicationName("FrontDesk-tests")


@pytest.fixture(scope="session", autouse=True)
def collect_on_the_gui_thread(qapp: QApplication) -> Iterator[None]:
    """As the application does: cycles are freed on the GUI thread between events, never mid-event."""
    collector = GuiGarbageCollector(qapp)
    yield
    collector.stop()


@pytest.fixture(autouse=True)
def gui_thread_guard(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[None]:
    """Any unit of work started on the GUI thread raises, and so fails the test."""
    # The shared templates are seeded on this thread the first time they are needed: before the guard.
    request.getfixturevalue("sqlite_template")
    callspec = getattr(request.node, "callspec", None)
    if callspec is not None and callspec.params.get("database_url") == "postgresql":
        request.getfixturevalue("postgres_template")
    install_gui_thread_guard()
    yield
    uninstall_gui_thread_guard()


@pytest.fixture(scope="session", autouse=True)
def english_workstation() -> Iterator[None]:
    """French is the product's default; the tests read English whatever the machine's locale or environment:
    no FRONTDESK_LANGUAGE (child processes inherit it too) and English-Canadian formats."""
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv(LANGUAGE_ENV, raising=False)
        QLocale.setDefault(QLocale("en_CA"))
        yield


@pytest.fixture(autouse=True)
def english_interface(qapp: QApplication) -> Iterator[None]:
    """Tests read the interface's source language: no translator is installed unless a test installs one,
    and one a test leaves behind is taken out before the next test."""
    before = current_language()
    set_current_language(Language.EN)
    yield
    if QCoreApplication.translate("MainWindow", "&File") != "&File":
        install_translators(qapp, Language.EN)
    QLocale.setDefault(QLocale("en_CA"))
    set_current_language(before)


@pytest.fixture
def switch(qapp: QApplication) -> Iterator[Callable[[Language], None]]:
    """``switch(language)`` changes the staff language as the Language menu does, windows left open;
    English comes back afterwards."""

    def to(language: Language) -> None:
        assert install_translators(qapp, language) == language
        QApplication.processEvents()

    try:
        yield to
    finally:
        to(Language.EN)
    assert current_language() == Language.EN


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Static message boxes answer at once (Discard for questions) and are recorded."""
    shown: list[tuple[str, str]] = []

    def record(kind: str, answer: Any = None) -> Callable[..., Any]:
        def show(_parent: Any, title: str, text: str, *_args: Any, **_kwargs: Any) -> Any:
            shown.append((kind, f"{title}: {text}"))
            return answer

        return show

    monkeypatch.setattr(QMessageBox, "question", record("question", QMessageBox.StandardButton.Discard))
    monkeypatch.setattr(QMessageBox, "information", record("information", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "warning", record("warning", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "critical", record("critical", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "about", record("about"))
    return shown


@pytest.fixture
def runner(qapp: QApplication) -> Iterator[TaskRunner]:
    """Shut down at teardown (no thread left running); a callback that touched the database on the
    GUI thread fails the test even though the runner caught it."""
    task_runner = TaskRunner()
    failures: list[str] = []
    task_runner.failed.connect(failures.append)
    yield task_runner
    assert task_runner.shutdown(TIMEOUT_MS)
    assert not [f for f in failures if GUI_THREAD_MESSAGE in f], failures


@pytest.fixture
def gui_services(sqlite_template: Path, tmp_path: Path) -> Iterator[Services]:
    """Services on a private copy of the seeded SQLite template, with the tests' fixed clock."""
    path = tmp_path / "gui.db"
    shutil.copyfile(sqlite_template, path)
    opened = open_services("sqlite+pysqlite:///" + path.as_posix(), clock=FixedClock(TEST_NOW), migrate=False)
    yield opened
    opened.close()


def sign_in(services: Services, username: str = "accueil") -> Actor:
    assert username in STAFF
    return off_gui(lambda: services.staff.authenticate(username, TEST_PASSWORD, WORKSTATION))


@pytest.fixture
def desk(gui_services: Services) -> Actor:
    """The receptionist, signed in."""
    return sign_in(gui_services)


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "frontdesk.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def make_window(qtbot: Any, runner: TaskRunner, settings: AppSettings) -> Iterator[Callable[..., MainWindow]]:
    windows: list[MainWindow] = []

    def make(services: Services, actor: Actor, **options: Any) -> MainWindow:
        window = MainWindow(services, actor, runner, options.pop("settings", settings), **options)
        windows.append(window)
        window.show()
        qtbot.waitExposed(window)
        settle(qtbot, window)
        return window

    yield make
    for window in windows:
        if window.isVisible():
            window.close()
        runner.wait_for_idle(TIMEOUT_MS)
        window.deleteLater()


@pytest.fixture
def window(make_window: Callable[..., MainWindow], gui_services: Services, desk: Actor) -> MainWindow:
    return make_window(gui_services, desk)
