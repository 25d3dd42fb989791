"""Starting ``frontdesk``: the demo screenshot end to end, a clear message (never a Qt abort) when
there is no display, the window's own options, and the launcher that tells the window from a command."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QDialog, QWizard

from desktop.demo_accounts import DEMO_ACCOUNTS
from desktop.domain.enums import Language
from frontdesk_launcher import command_words, wants_command_line
from tests.ui.setup.clinic import MANAGER, run_through
from ui.kit import i18n
from ui.kit.settings import AppSettings
from ui.kit.thread_check import install_gui_thread_guard
from ui.setup.wizard import SetupWizard
from ui.shell.app import NO_DISPLAY_MESSAGE, display_problem, run_gui
from ui.shell.login_dialog import LoginDialog
from ui.shell.main_window import MainWindow
from ui.shell.options import GuiOptions, parse_options

ROOT = Path(__file__).resolve().parents[3]
LAUNCH = "import sys; from frontdesk_launcher import main; sys.exit(main())"


def demo_database_url(folder: Path) -> str:
    return "sqlite+pysqlite:///" + (folder / "demo.db").as_posix()


DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def frontdesk(tmp_path: Path, *args: str, timeout: int = 180) -> subprocess.CompletedProcess[str]:
    """Run the program as a person would, with no display and a private home for its settings."""
    env = {key: value for key, value in os.environ.items() if key not in DISPLAY_VARIABLES}
    env.update(
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        FRONTDESK_DATA_DIR=str(tmp_path / "frontdesk-data"),
        FRONTDESK_LOG_DIR=str(tmp_path / "frontdesk-logs"),
        FRONTDESK_DATABASE_URL=demo_database_url(tmp_path),
    )
    return subprocess.run(
        [sys.executable, "-c", LAUNCH, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_demo_screenshot_writes_a_picture_of_the_window(tmp_path):
    picture = tmp_path / "window.png"
    done = frontdesk(tmp_path, "--demo", "--screenshot", str(picture))
    assert done.returncode == 0, done.stderr
    with Image.open(picture) as image:
        width, height = image.size
        assert width >= 1000 and height >= 600
        # Not a blank canvas: the window drew many colours (text, badges, table).
        assert len(image.convert("RGB").getcolors(maxcolors=1 << 20) or []) > 50


def test_without_a_display_it_explains_how_to_run_and_exits_cleanly(tmp_path):
    done = frontdesk(tmp_path, timeout=60)
    assert done.returncode == 2
    assert "DISPLAY" in done.stderr
    assert not list(tmp_path.glob("core*"))
    # The command it proposes works as written from anywhere, with the .venv nowhere on the PATH
    # (frontdesk alone is not found after scripts/run.sh).
    proposed = next(line.strip() for line in done.stderr.splitlines() if "xvfb-run" in line)
    assert proposed.startswith("xvfb-run -a /") and proposed != "xvfb-run -a frontdesk"
    elsewhere = tmp_path / "ailleurs"
    elsewhere.mkdir()
    ran = subprocess.run(
        [*shlex.split(proposed), "--version"],
        cwd=elsewhere,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.startswith("frontdesk, version")


def test_screenshot_needs_the_demo(tmp_path):
    done = frontdesk(tmp_path, "--screenshot", str(tmp_path / "x.png"), timeout=60)
    assert done.returncode == 2
    assert "--demo" in done.stderr
    assert not (tmp_path / "x.png").exists()


@pytest.mark.parametrize(
    ("environ", "platform", "problem"),
    [
        ({}, "linux", True),
        ({"DISPLAY": ":0"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({}, "win32", False),
        ({}, "darwin", False),
    ],
)
def test_display_problem(environ, platform, problem):
    assert (display_problem(environ, platform) == NO_DISPLAY_MESSAGE) is problem


# ---------------------------------------------------------------- the session loop, in this process


class Driver:
    """Plays the person at the keyboard: each step acts on the window it is waiting for."""

    def __init__(self, qapp, steps, timeout_s: float = 60) -> None:
        self.steps = list(steps)
        self.done: list[str] = []
        self.handled: set[int] = set()
        self.deadline = time.monotonic() + timeout_s
        self.timer = QTimer()
        self.timer.setInterval(50)
        self.timer.timeout.connect(self.tick)
        self.qapp = qapp

    def tick(self) -> None:
        if not self.steps:
            self.timer.stop()
            return
        if time.monotonic() > self.deadline:
            self.timer.stop()
            for widget in self.qapp.topLevelWidgets():
                if isinstance(widget, QDialog) and widget.isVisible():
                    widget.reject()
                elif isinstance(widget, MainWindow) and widget.isVisible():
                    widget.close()
            return
        kind, action = self.steps[0]
        for widget in self.qapp.topLevelWidgets():
            if type(widget) is kind and widget.isVisible() and id(widget) not in self.handled:
                self.handled.add(id(widget))
                self.steps.pop(0)
                self.done.append(action(widget) or kind.__name__)
                return


@pytest.fixture
def gui_start(qapp, monkeypatch):
    """run_gui styles the shared application and changes its quit rule: put both back afterwards."""
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    style_sheet, quits = qapp.styleSheet(), qapp.quitOnLastWindowClosed()
    name = qapp.applicationName()

    def start(database: str | None, demo: bool, steps) -> tuple[int, list[str]]:
        driver = Driver(qapp, steps)
        driver.timer.start()
        code = run_gui(GuiOptions(database=database, demo=demo, language=Language.EN))
        driver.timer.stop()
        return code, driver.done

    yield start
    qapp.setStyleSheet(style_sheet)
    qapp.setQuitOnLastWindowClosed(quits)
    qapp.setApplicationName(name)
    install_gui_thread_guard()


def test_demo_session_signs_in_switches_user_and_quits(gui_start, monkeypatch, tmp_path):
    seen: dict[str, object] = {}
    receptionist, manager = DEMO_ACCOUNTS[0], DEMO_ACCOUNTS[1]

    def sign_in_as_receptionist(dialog: LoginDialog) -> str:
        seen["demo buttons"] = len(dialog.demo_buttons)
        dialog.demo_buttons[0].click()
        dialog.sign_in_button.click()
        return "signed in"

    def switch_user(window: MainWindow) -> str:
        seen["title"] = window.windowTitle()
        seen["first window"] = window
        window.switch_user()  # the lock screen: the next person signs in there
        seen["username kept"] = window.lock_screen.username.text()
        window.lock_screen.username.setText(manager.username)
        window.lock_screen.password.setText(manager.password)
        window.lock_screen.unlock_button.click()
        return "switched user"

    def quit_as_manager(window: MainWindow) -> str:
        seen["second title"] = window.windowTitle()
        seen["first hidden"] = not seen["first window"].isVisible()
        window.close()
        return "quit"

    # A private temporary folder: other programs' demo folders come and go in the shared one.
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    demo_folders = set(Path(tempfile.gettempdir()).glob("frontdesk-demo-*"))
    code, done = gui_start(
        None,
        True,
        [(LoginDialog, sign_in_as_receptionist), (MainWindow, switch_user), (MainWindow, quit_as_manager)],
    )
    assert set(Path(tempfile.gettempdir()).glob("frontdesk-demo-*")) == demo_folders  # deleted on exit
    assert code == 0
    assert done == ["signed in", "switched user", "quit"]
    assert seen["demo buttons"] == len(DEMO_ACCOUNTS)
    assert str(seen["title"]).startswith("DEMO")
    assert seen["username kept"] == receptionist.username
    assert manager.full_name in str(seen["second title"])
    assert seen["first hidden"] is True


def test_first_start_sets_up_the_clinic_then_signs_in(gui_start, qtbot, monkeypatch, tmp_path):
    monkeypatch.setenv("FRONTDESK_CONFIG_DIR", str(tmp_path / "config"))
    seen: dict[str, object] = {}

    def set_up(wizard: SetupWizard) -> str:
        # The database was given (--database): only the clinic is asked, not where the data lives.
        seen["location asked"] = wizard.location is not None
        run_through(wizard, qtbot, monkeypatch, tmp_path / "policy")
        wizard.button(QWizard.WizardButton.FinishButton).click()
        return "set up"

    def sign_in(dialog: LoginDialog) -> str:
        seen["username"] = dialog.username.text()
        assert dialog.demo_buttons == []
        dialog.password.setText(MANAGER[2])
        dialog.sign_in_button.click()
        return "signed in"

    def quit_window(window: MainWindow) -> str:
        seen["title"] = window.windowTitle()
        window.close()
        return "closed"

    code, done = gui_start(
        demo_database_url(tmp_path),
        False,
        [(SetupWizard, set_up), (LoginDialog, sign_in), (MainWindow, quit_window)],
    )
    assert code == 0
    assert done == ["set up", "signed in", "closed"]
    assert seen["location asked"] is False
    assert seen["username"] == MANAGER[0]
    assert MANAGER[1] in str(seen["title"])
    assert AppSettings().last_username == MANAGER[0]


def test_cancelling_the_setup_quits_cleanly(gui_start, monkeypatch, tmp_path):
    monkeypatch.setenv("FRONTDESK_CONFIG_DIR", str(tmp_path / "config"))
    code, done = gui_start(
        demo_database_url(tmp_path), False, [(SetupWizard, lambda wizard: wizard.reject())]
    )
    assert code == 0
    assert done == ["SetupWizard"]
    assert not (tmp_path / "config" / "settings.toml").exists()


def test_a_database_in_use_opens_on_the_sign_in(gui_start, sqlite_template, tmp_path):
    path = tmp_path / "in-use.db"
    shutil.copyfile(sqlite_template, path)
    code, done = gui_start(
        "sqlite+pysqlite:///" + path.as_posix(), False, [(LoginDialog, lambda dialog: dialog.reject())]
    )
    assert code == 0
    assert done == ["LoginDialog"]


# ---------------------------------------------------------------- interface language

TS_FILE = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA">
<context><name>MainWindow</name>
<message><source>&amp;Find a client</source><translation>&amp;Trouver un client</translation></message>
</context>
</TS>
"""


def test_a_french_translation_file_is_used_when_present(qapp, tmp_path, monkeypatch):
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed")
    source, compiled = tmp_path / "frontdesk_fr.ts", tmp_path / "frontdesk_fr.qm"
    source.write_text(TS_FILE, encoding="utf-8")
    subprocess.run([lrelease, str(source), "-qm", str(compiled)], check=True, capture_output=True)
    monkeypatch.setattr(
        i18n, "translation_file", lambda language: tmp_path / f"frontdesk_{language.value}.qm"
    )
    try:
        assert i18n.install_translators(qapp, Language.FR) == Language.FR
        assert i18n.current_language() == Language.FR
        assert QCoreApplication.translate("MainWindow", "&Find a client") == "&Trouver un client"
    finally:
        i18n.install_translators(qapp, Language.EN)
    assert QCoreApplication.translate("MainWindow", "&Find a client") == "&Find a client"


def test_without_its_translation_french_falls_back_to_english_whole(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(i18n, "translation_file", lambda language: tmp_path / "missing.qm")
    try:
        assert i18n.install_translators(qapp, Language.FR) == Language.EN
        assert i18n.current_language() == Language.EN
    finally:
        i18n.install_translators(qapp, Language.EN)


@pytest.mark.parametrize(
    ("environment", "saved", "expected"),
    [
        (None, None, Language.FR),
        (None, "en", Language.EN),
        ("en", "fr", Language.EN),
        ("xx", None, Language.FR),
    ],
)
def test_the_requested_language_defaults_to_french(monkeypatch, environment, saved, expected):
    if environment is None:
        monkeypatch.delenv(i18n.LANGUAGE_ENV, raising=False)
    else:
        monkeypatch.setenv(i18n.LANGUAGE_ENV, environment)
    assert i18n.requested_language(saved) == expected


# ---------------------------------------------------------------- the window's options and the launcher


def test_the_window_reads_its_own_options():
    options = parse_options(
        ["--database", "sqlite+pysqlite:///x.db", "--demo", "--screenshot", "w.png", "--language", "en"]
    )
    assert options == GuiOptions("sqlite+pysqlite:///x.db", True, Path("w.png"), Language.EN)
    assert parse_options([]) == GuiOptions()


def test_an_unknown_window_option_is_refused(capsys):
    with pytest.raises(SystemExit) as refused:
        parse_options(["--bogus"])
    assert refused.value.code == 2
    assert "--bogus" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "command_line"),
    [
        ([], False),
        (["--demo"], False),
        (["--database", "postgresql://u@h/db"], False),
        (["--demo", "--screenshot", "w.png", "--language", "fr"], False),
        (["--bogus"], False),  # the window refuses it with its usage
        (["db", "check"], True),
        (["--database", "postgresql://u@h/db", "db", "upgrade"], True),
        (["--database=sqlite:///x.db", "user", "add", "marie", "--role", "manager"], True),
        (["--help"], True),
        (["-h"], True),
        (["--version"], True),
        (["report", "--help"], True),
    ],
)
def test_the_launcher_tells_the_window_from_a_command(argv, command_line):
    assert wants_command_line(argv) is command_line


def test_a_database_url_is_not_taken_for_a_command():
    assert command_words(["--database", "db", "--demo"]) == []  # a database named "db"
    assert command_words(["--database", "x", "db", "check"]) == ["db", "check"]


def test_help_lists_the_window_options_then_the_commands(tmp_path):
    done = frontdesk(tmp_path, "--help", timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.index("--screenshot") < done.stdout.index("Commands:")
    assert "--language" in done.stdout and "db" in done.stdout


def test_a_command_runs_without_the_window(tmp_path):
    done = frontdesk(tmp_path, "db", "--help", timeout=60)
    assert done.returncode == 0, done.stderr
    assert "check" in done.stdout and "Opening the database" not in done.stdout
