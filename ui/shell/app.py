"""Starting the window: the application, its style and language, the database, sign-in, and the
session loop (switching user signs in again without restarting).

``frontdesk --demo`` works on a throwaway database filled with made-up clients;
``frontdesk --demo --screenshot FILE.png`` saves a picture of the main window and exits. The options
are the window's own (``ui.shell.options``); the database is opened by the core's start-up functions
(``desktop.app``), everything after that goes through the services.
"""

from __future__ import annotations

import json
import logging
import os
import shlex
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox

from desktop.demo_accounts import DEMO_ACCOUNTS, DemoAccount
from desktop.domain.enums import Role
from desktop.logging_setup import configure_logging
from desktop.paths import resource_path
from desktop.workstation import workstation_name
from ui.kit.errors import error_text
from ui.kit.garbage import GuiGarbageCollector
from ui.kit.i18n import install_translators, requested_language
from ui.kit.settings import AppSettings
from ui.kit.thread_check import install_gui_thread_guard
from ui.kit.worker import TaskRunner
from ui.shell.login_dialog import FirstManagerDialog, LoginDialog
from ui.shell.options import GuiOptions

if TYPE_CHECKING:
    from desktop.app import DemoDatabase
    from desktop.services import Services
    from ui.shell.main_window import MainWindow

# The sign-in window is painted first. The database layer is imported and opened behind it, on the
# task runner; the main window, the set-up wizard and what they import (reportlab, Pillow, every
# view) load after sign-in: a person waits for none of it (see ``STARTUP_PROBE_ENV``).

__all__ = ["create_application", "display_problem", "run_gui", "sign_in_demo", "wait_until"]

log = logging.getLogger(__name__)
T = TypeVar("T")

SCREENSHOT_SIZE = (1280, 800)
SCREENSHOT_SEARCH = "Côté"
SCREENSHOT_TIMEOUT_S = 60
# Set, the sign-in window prints one JSON line when first painted (the monotonic clock, and which of
# the heavy modules were loaded by then) and the process ends: ``scripts/startup_probe.py`` times it.
STARTUP_PROBE_ENV = "FRONTDESK_STARTUP_PROBE"
HEAVY_MODULES = ("faker", "reportlab", "PIL", "alembic", "mako", "ui.shell.main_window", "desktop.demo")


def program_command() -> str:
    """The command that starts this very program from any folder, for the messages that propose one:
    ``frontdesk`` is on the PATH only where it was installed system-wide, not in the ``.venv`` that
    ``scripts/run.sh`` uses."""
    if getattr(sys, "frozen", False):  # the PyInstaller bundle is its own executable
        return shlex.quote(sys.executable)
    beside = Path(sys.executable).parent / "frontdesk"  # the script pip put beside the interpreter
    if beside.is_file() and os.access(beside, os.X_OK):
        return shlex.quote(str(beside.absolute()))
    return shlex.quote(shutil.which("frontdesk") or "frontdesk")


def no_display_message(program: str) -> str:
    return f"""\
FrontDesk a besoin d'un écran graphique et n'en trouve aucun (DISPLAY et WAYLAND_DISPLAY sont vides).
FrontDesk needs a graphical desktop and found none (DISPLAY and WAYLAND_DISPLAY are not set).

  • Start it from a desktop session / Lancez-le depuis une session de bureau ;
  • on a server without a screen / sur un serveur sans écran :
        xvfb-run -a {program}
  • to save a picture of the window / pour une image de la fenêtre :
        {program} --demo --screenshot fenetre.png
"""


NO_DISPLAY_MESSAGE = no_display_message(program_command())


# ---------------------------------------------------------------- before Qt starts


def display_problem(environ: dict[str, str] | None = None, platform: str | None = None) -> str | None:
    """Why no window can be shown here, or None. Qt itself would abort the process instead."""
    environ = dict(os.environ) if environ is None else environ
    platform = platform or sys.platform
    if platform.startswith(("win", "darwin", "cygwin")):
        return None
    if environ.get("QT_QPA_PLATFORM") or environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return NO_DISPLAY_MESSAGE


def create_application() -> QApplication:
    """The QApplication with FrontDesk's names, fonts and style sheet."""
    QApplication.setApplicationName("FrontDesk")
    QApplication.setOrganizationName("FrontDesk")
    QApplication.setApplicationDisplayName("FrontDesk")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setStyle("Fusion")
    # The bundled DejaVu fonts cover French accents and the ✔ ✖ ⚠ symbols of the badges even on a
    # workstation whose own fonts do not.
    for font_file in sorted(resource_path("fonts").glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(font_file))
    apply_style_sheet(app)
    icon = QIcon()  # window, taskbar and alt-tab; the desktop entry "frontdesk" names the same icon
    for png in resource_path("icons").glob("frontdesk-*.png"):
        icon.addFile(str(png))
    app.setWindowIcon(icon)
    app.setDesktopFileName("frontdesk")
    if not any(isinstance(child, GuiGarbageCollector) for child in app.children()):
        GuiGarbageCollector(app)
    return app


def apply_style_sheet(app: QApplication) -> None:
    sheet = resource_path("style", "frontdesk.qss")
    if sheet.is_file():
        app.setStyleSheet(sheet.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- start-up work


def run_blocking(runner: TaskRunner, fn: Callable[[], T], message: str = "") -> T:
    """Run start-up work through the runner while the event loop keeps the splash painted."""
    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def done(key: str, value: Any) -> None:
        outcome[key] = value
        loop.quit()

    runner.submit(
        fn,
        on_success=lambda value: done("value", value),
        on_failure=lambda error: done("error", error),
        busy_message=message or None,
    )
    loop.exec()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


class Splash(QLabel):
    """A small window saying what start-up is doing; the database may take a moment to migrate."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("splash")
        self.setWindowFlags(Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMargin(self.fontMetrics().height() * 2)

    def say(self, text: str) -> None:
        self.setText(f"<b>FrontDesk</b><br><br>{text}")
        self.adjustSize()
        QApplication.processEvents()


def open_database(
    options: GuiOptions, runner: TaskRunner, demo: DemoDatabase | None, splash: Splash | None
) -> Services:
    """Open (and migrate) the chosen database, or build the demo one, off the GUI thread."""
    if splash is not None:
        splash.say(QApplication.translate("Startup", "Opening the database…"))
    if demo is None:
        database = options.database

        def open_chosen() -> Services:
            from desktop.app import open_services  # on the worker: the window is painted meanwhile

            # No daily backup nor quick_check here: they run in the background after sign-in.
            return open_services(database, daily_backup=False, quick_check=False)

        return run_blocking(runner, open_chosen)
    from desktop.app import DEMO_CLIENTS

    services = run_blocking(runner, demo.open)
    if splash is not None:
        splash.say(
            QApplication.translate("Startup", "Creating {count} demo clients…").format(count=DEMO_CLIENTS)
        )
    run_blocking(runner, demo.populate)
    return services


def first_run_setup(
    options: GuiOptions,
    services: Services,
    runner: TaskRunner,
    settings: AppSettings,
    login: LoginDialog | None = None,
) -> Services | None:
    """The set-up wizard while the database has no organisation yet (a database in use never sees it);
    ``login``, the sign-in window shown while the database opened, is hidden before it.

    Returns the services to carry on with: ``services``, or a server's the wizard set up instead (the
    caller closes the ones it no longer uses); None when the person cancelled.
    """
    if not run_blocking(runner, services.setup.needed):
        return services
    if login is not None:
        login.hide()
    from desktop.app import DATABASE_ENV
    from desktop.connection_config import stored_database_url
    from ui.setup.wizard import SetupWizard

    # Where the data lives is asked only when nothing has said it yet.
    chosen = options.database or os.environ.get(DATABASE_ENV) or run_blocking(runner, stored_database_url)
    wizard = SetupWizard(services, runner, workstation_name(), choose_location=not chosen)
    accepted = wizard.exec() == QDialog.DialogCode.Accepted and wizard.outcome is not None
    ready, outcome = wizard.services, wizard.outcome
    wizard.deleteLater()
    if not accepted or outcome is None:
        return None
    if outcome.manager is not None:
        settings.last_username = outcome.manager.username
    return ready


# ---------------------------------------------------------------- sign-in and sessions


def sign_in_loop(
    services: Services,
    runner: TaskRunner,
    settings: AppSettings,
    demo: bool,
    login: LoginDialog | None = None,
    quit_requested: Callable[[], bool] = lambda: False,
) -> int:
    """First-run account, sign-in, then the person's window; 0 when the person quits. ``login``: the
    sign-in window already shown while the database opened (used unless a first account is needed);
    ``quit_requested``: whether Quit was pressed on it meanwhile (then it is not shown again).
    Switching user happens on the window's lock screen (``ui.shell.sessions``): each person signing in
    there gets their own window; the others' wait, hidden, until their owners come back."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    workstation = workstation_name()
    username = "" if demo else settings.last_username
    if not run_blocking(runner, services.staff.has_accounts):
        if login is not None:
            login.hide()
            login.deleteLater()
            login = None
        first = FirstManagerDialog(services, runner, workstation)
        if first.exec() != QDialog.DialogCode.Accepted or first.record is None:
            return 0
        username = first.record.username
    if login is not None:
        if quit_requested():  # Quit pressed while the accounts were looked up
            return 0
        login.attach(services)
    else:
        login = LoginDialog(
            services, runner, workstation, username=username, demo_accounts=DEMO_ACCOUNTS if demo else ()
        )
        if os.environ.get(STARTUP_PROBE_ENV):
            StartupProbe(login)
    if login.exec() != QDialog.DialogCode.Accepted or login.actor is None:
        return 0
    actor = login.actor
    login.deleteLater()
    from ui.shell.daily_backup import DailyBackup
    from ui.shell.sessions import SessionManager

    daily = DailyBackup(services, runner)
    sessions = SessionManager(services, runner, settings, demo=demo)
    sessions.switched.connect(daily.watch)
    if not demo:
        settings.last_username = actor.username
        sessions.switched.connect(lambda window: remember_username(settings, window.actor.username))
    sessions.finished.connect(app.quit)
    daily.watch(sessions.start(actor))
    if not demo:  # a throwaway demo database is never backed up
        daily.start()
    app.exec()
    daily.stop()  # a copy still being made is abandoned (its partial file removed), not waited for
    # Let the windows' last deliveries land before they go away.
    runner.wait_for_idle(10_000)
    sessions.close_all()
    for window in sessions.every_window:
        window.deleteLater()
    sessions.deleteLater()
    return 0


def remember_username(settings: AppSettings, username: str) -> None:
    settings.last_username = username


class StartupProbe(QObject):
    """See ``STARTUP_PROBE_ENV``: measures start-up to the sign-in window painted, then exits."""

    def __init__(self, window: QDialog) -> None:
        super().__init__(window)
        self._seen = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._seen:
            self._seen = True
            QTimer.singleShot(0, self._report)  # once this paint is done
        return False

    def _report(self) -> None:
        painted = time.monotonic()
        loaded = [name for name in HEAVY_MODULES if name in sys.modules]
        staff = sys.modules.get("desktop.services.staff")
        hashed = bool(staff and staff.dummy_hash.cache_info().currsize)
        print(json.dumps({"painted": painted, "loaded": loaded, "hashed": hashed}), flush=True)
        os._exit(0)


def sign_in_demo(
    services: Services, runner: TaskRunner, settings: AppSettings, role: Role = Role.RECEPTIONIST
) -> MainWindow | None:
    """Sign in on the sign-in dialog with the demo account of ``role``, as a person would, and return
    that person's window (not shown yet); None if the sign-in failed."""
    from ui.shell.main_window import MainWindow

    account: DemoAccount = next(a for a in DEMO_ACCOUNTS if a.role == role)
    login = LoginDialog(services, runner, workstation_name(), demo_accounts=DEMO_ACCOUNTS)
    login.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    login.fill_in(account)
    login.sign_in_button.click()
    wait_until(lambda: login.actor is not None or not login.form.is_busy, runner)
    actor = login.actor
    login.deleteLater()
    return None if actor is None else MainWindow(services, actor, runner, settings, demo=True)


def take_screenshot(services: Services, runner: TaskRunner, path: Path) -> int:
    """Sign in as the demo receptionist, open a file with consents, save the window as an image."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    scratch = Path(tempfile.mkdtemp(prefix="frontdesk-shot-"))
    try:
        # A private settings file: the picture never depends on, nor changes, this computer's layout.
        settings = AppSettings(QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat))
        window = sign_in_demo(services, runner, settings)
        if window is None:
            print("frontdesk: the demo receptionist could not sign in", file=sys.stderr)
            return 1
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        window.resize(*SCREENSHOT_SIZE)
        window.show()
        window.open_first_result(SCREENSHOT_SEARCH)
        if not wait_until(lambda: window.client_file.client is not None, runner):
            print("frontdesk: no demo client file could be opened for the screenshot", file=sys.stderr)
            return 1
        window.client_file.select_tab("consents")
        wait_until(lambda: True, runner)
        window.resize(*SCREENSHOT_SIZE)
        app.processEvents()
        saved = window.grab().save(str(path))
        window.close()
        runner.wait_for_idle(10_000)
        window.deleteLater()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if not saved:
        print(f"frontdesk: could not write {path}", file=sys.stderr)
        return 1
    print(path)
    return 0


def wait_until(
    condition: Callable[[], bool], runner: TaskRunner, timeout_s: float = SCREENSHOT_TIMEOUT_S
) -> bool:
    """Process events until ``condition`` holds and no background task is left."""
    app = QApplication.instance()
    assert app is not None
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        app.processEvents()
        runner.wait_for_idle(100)
        app.processEvents()
        if condition() and runner.is_idle() and runner.pending_count() == 0:
            return True
    return False


# ---------------------------------------------------------------- entry point


def run_gui(options: GuiOptions) -> int:
    """The window behind bare ``frontdesk``. Returns the process exit code."""
    screenshot = options.screenshot
    if screenshot is not None and not options.demo:
        print("frontdesk: --screenshot needs --demo (it signs in with a demo account).", file=sys.stderr)
        return 2
    problem = display_problem()
    if problem and screenshot is None:
        print(problem, file=sys.stderr)
        return 2
    if problem:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    app = create_application()
    app.setQuitOnLastWindowClosed(False)
    install_gui_thread_guard()
    settings = AppSettings()
    # A picture follows FRONTDESK_LANGUAGE or --language only, never this computer's saved choice.
    saved_language = None if screenshot is not None else settings.language
    install_translators(app, options.language or requested_language(saved_language))
    runner = TaskRunner()
    demo: DemoDatabase | None = None
    if options.demo:
        from desktop.app import DemoDatabase

        demo = DemoDatabase()
    if demo is not None:
        # A demo leaves nothing behind: its log goes in its throwaway folder.
        configure_logging(log_dir=demo.log_dir)
    services: Services | None = None
    splash: Splash | None = None
    login: LoginDialog | None = None
    quit_early: list[bool] = []
    try:
        if demo is None and screenshot is None:
            # The sign-in window at once: the person types while the database opens behind it.
            login = LoginDialog(None, runner, workstation_name(), username=settings.last_username)
            login.rejected.connect(lambda: quit_early.append(True))
            if os.environ.get(STARTUP_PROBE_ENV):
                StartupProbe(login)
            login.show()
        elif screenshot is None:
            splash = Splash()
            splash.show()
        try:
            services = open_database(options, runner, demo, splash)
        except Exception as error:  # shown to the person, then a clean exit
            log.exception("the database could not be opened")
            for window in (splash, login):
                if window is not None:
                    window.close()
            return report_start_failure(error, screenshot is not None)
        if splash is not None:
            splash.close()
            splash = None
        if screenshot is not None:
            return take_screenshot(services, runner, screenshot)
        if quit_early:  # Quit pressed on the sign-in window while the database opened
            return 0
        if demo is None:
            # The demo database is set up by DemoDatabase.open: the wizard is for people's own.
            ready = first_run_setup(options, services, runner, settings, login)
            if ready is not services:
                services.close()
                services = ready
            if services is None:
                return 0
            if login is not None and login.isHidden():  # the wizard ran: a sign-in window anew
                login.deleteLater()
                login = None
        return sign_in_loop(
            services, runner, settings, options.demo, login, quit_requested=lambda: bool(quit_early)
        )
    finally:
        if splash is not None:
            splash.close()
        runner.shutdown()
        settings.sync()
        if demo is not None:
            demo.close()  # the services and the throwaway files
        elif services is not None:
            services.close()


def report_start_failure(error: BaseException, quiet: bool) -> int:
    message = error_text(error)
    print(f"frontdesk: {message}", file=sys.stderr)
    if not quiet:
        QMessageBox.critical(
            None,
            QApplication.translate("Startup", "FrontDesk cannot start"),
            QApplication.translate("Startup", "The database could not be opened.\n\n{message}").format(
                message=message
            ),
        )
    return 1
