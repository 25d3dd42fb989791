"""Start-up: the sign-in window comes first, in a fresh process, without the heavy modules (reportlab,
Faker, Pillow, Alembic, Mako) nor an argon2 hash; the daily check and backup run afterwards on the
task runner, and damage they find is told in a banner and the log while the earlier backups stay."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QVBoxLayout, QWidget

from desktop.db.database import Database
from desktop.db.engine import sqlite_url
from desktop.maintenance.backup import ensure_daily_backup
from desktop.maintenance.backup_files import backups_folder, daily_backups
from desktop.services import Services
from desktop.services.clock import FixedClock
from tests.conftest import TEST_NOW, TEST_PASSWORD
from tests.ui.shell.test_app import gui_start  # noqa: F401  (the fixture that runs run_gui here)
from ui.kit.worker import TaskRunner
from ui.shell.app import HEAVY_MODULES, STARTUP_PROBE_ENV
from ui.shell.daily_backup import DailyBackup
from ui.shell.damage_banner import DamageBanner
from ui.shell.login_dialog import LoginDialog
from ui.shell.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[3]


def _private_env(tmp_path: Path, url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        FRONTDESK_CONFIG_DIR=str(tmp_path / "frontdesk-config"),
        FRONTDESK_DATA_DIR=str(tmp_path / "frontdesk-data"),
        FRONTDESK_LOG_DIR=str(tmp_path / "frontdesk-logs"),
        FRONTDESK_DATABASE_URL=url,
        FRONTDESK_LANGUAGE="en",
    )
    env[STARTUP_PROBE_ENV] = "1"
    return env


def test_a_fresh_process_paints_the_sign_in_window_before_any_heavy_work(sqlite_template, tmp_path):
    path = tmp_path / "clinic.db"
    shutil.copyfile(sqlite_template, path)
    url = sqlite_url(path)
    done = subprocess.run(
        [sys.executable, "-m", "frontdesk_launcher", "--database", url],
        cwd=ROOT,
        env=_private_env(tmp_path, url),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["loaded"] == [], f"loaded before the sign-in window: {report['loaded']}"
    assert report["hashed"] is False
    assert "alembic" in HEAVY_MODULES and "reportlab" in HEAVY_MODULES
    # No backup was made (nor started) before the window: that waits for a signed-in person.
    assert not list((tmp_path / "frontdesk-data").rglob("*.db"))


def _within(condition: Callable[[], bool], timeout_s: float = 60) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        QApplication.processEvents()
        if condition():
            return True
        time.sleep(0.02)
    return False


def test_the_window_shown_while_the_database_opens_signs_in_then_the_backup_is_made(
    gui_start,  # noqa: F811  (the fixture imported above)
    sqlite_template,
    tmp_path,
    monkeypatch,
):
    monkeypatch.setenv("FRONTDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("FRONTDESK_CONFIG_DIR", str(tmp_path / "config"))
    path = tmp_path / "clinic.db"
    shutil.copyfile(sqlite_template, path)
    seen: dict[str, object] = {}

    def backups() -> list[Path]:
        return [backup for _, backup in daily_backups(backups_folder(path), path)]

    def sign_in(dialog: LoginDialog) -> str:
        seen["backups at sign-in"] = backups()
        dialog.username.setText("accueil")
        dialog.password.setText(TEST_PASSWORD)

        def click_once_open() -> None:  # the button waits for the database, the person types meanwhile
            if dialog.sign_in_button.isEnabled():
                dialog.sign_in_button.click()
            else:
                QTimer.singleShot(20, click_once_open)

        click_once_open()
        return "signed in"

    def quit_after_the_backup(window: MainWindow) -> str:
        seen["backed up"] = _within(lambda: bool(backups()))
        window.close()
        return "closed"

    code, done = gui_start(
        sqlite_url(path), False, [(LoginDialog, sign_in), (MainWindow, quit_after_the_backup)]
    )
    assert code == 0 and done == ["signed in", "closed"]
    assert seen["backups at sign-in"] == []
    assert seen["backed up"] is True


def _window() -> QMainWindow:
    window = QMainWindow()
    central = QWidget(window)
    QVBoxLayout(central).addWidget(QLabel("work", central))
    window.setCentralWidget(central)
    return window


def test_the_daily_backup_runs_on_the_task_runner_after_sign_in(
    qtbot, sqlite_template, tmp_path, monkeypatch
):
    monkeypatch.setenv("FRONTDESK_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "clinic.db"
    shutil.copyfile(sqlite_template, path)
    services = Services(Database(sqlite_url(path)), FixedClock(TEST_NOW))
    runner = TaskRunner()
    window = _window()
    try:
        daily = DailyBackup(services, runner)
        daily.watch(window)
        assert not list(backups_folder(path).glob("*.db"))
        with qtbot.waitSignal(daily.finished, timeout=60_000):
            daily.start()
        made = [backup for _, backup in daily_backups(backups_folder(path), path)]
        assert [backup.name for backup in made] == [
            f"{path.stem}-{FixedClock(TEST_NOW).today().isoformat()}.db"
        ]
        assert daily.damage is None and window.findChild(DamageBanner) is None
    finally:
        runner.shutdown()
        services.close()
        window.deleteLater()


def test_damage_found_in_the_background_raises_the_banner_and_keeps_the_backups(
    qtbot, sqlite_template, tmp_path, monkeypatch, caplog
):
    monkeypatch.setenv("FRONTDESK_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "clinic.db"
    shutil.copyfile(sqlite_template, path)
    url = sqlite_url(path)
    folder = backups_folder(path)
    earlier = [FixedClock(TEST_NOW).today() - timedelta(days=n) for n in (2, 1)]
    database = Database(url)
    for day in earlier:
        assert ensure_daily_backup(database, folder, keep=14, today=day) is not None
    database.dispose()
    with path.open("r+b") as stream:  # pages overwritten, as a failing disk leaves them
        stream.seek(8192)
        stream.write(b"\xff" * 8192)

    services = Services(Database(url), FixedClock(TEST_NOW))
    runner = TaskRunner()
    window = _window()
    try:
        daily = DailyBackup(services, runner)
        daily.watch(window)
        with caplog.at_level(logging.ERROR), qtbot.waitSignal(daily.finished, timeout=60_000):
            daily.start()
        banner = window.findChild(DamageBanner)
        assert banner is not None and not banner.isHidden()
        newest = folder / f"{path.stem}-{earlier[-1].isoformat()}.db"
        assert str(newest) in banner.text()
        assert any("damaged" in record.getMessage() for record in caplog.records)
        assert [day for day, _ in daily_backups(folder, path)] == sorted(earlier, reverse=True)
        assert not list(folder.glob(".*partial*"))
        later = _window()  # a person who signs in afterwards is told too
        daily.watch(later)
        assert later.findChild(DamageBanner) is not None
        later.deleteLater()
    finally:
        runner.shutdown()
        services.close()
        window.deleteLater()
