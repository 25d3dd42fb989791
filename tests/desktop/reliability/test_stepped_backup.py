"""The daily backup copied in steps: another connection's writes meanwhile do not stop it (after a few
restarts the rest is one snapshot), and closing FrontDesk abandons it without leaving a partial file."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest

from desktop.maintenance import backup as backup_module
from desktop.maintenance.backup import BackupError, backup_sqlite


def _copy_of_template(sqlite_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "clinic.db"
    shutil.copyfile(sqlite_template, path)
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("CREATE TABLE written_meanwhile (n INTEGER)")
        connection.commit()
    return path


def test_writes_during_a_stepped_backup_leave_a_sound_copy(sqlite_template, tmp_path, monkeypatch):
    source = _copy_of_template(sqlite_template, tmp_path)
    monkeypatch.setattr(backup_module, "STEP_PAUSE_S", 0.01)  # room for the writer between steps
    done = threading.Event()
    written: list[int] = []

    def writer() -> None:
        with contextlib.closing(sqlite3.connect(source, timeout=10)) as connection:
            while not done.is_set():
                connection.execute("INSERT INTO written_meanwhile VALUES (?)", (len(written),))
                connection.commit()
                written.append(len(written))

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        target = backup_sqlite(source, tmp_path / "copy.db", check="integrity_check", pages=1)
    finally:
        done.set()
        thread.join()
    assert written  # the database was written while it was copied
    with contextlib.closing(sqlite3.connect(target)) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = copy.execute("SELECT count(*) FROM written_meanwhile").fetchone()[0]
    assert 0 <= rows <= len(written)


def test_closing_abandons_the_copy_and_leaves_nothing(sqlite_template, tmp_path):
    source = _copy_of_template(sqlite_template, tmp_path)
    stop = threading.Event()
    stop.set()
    with pytest.raises(BackupError, match="closing"):
        backup_sqlite(source, tmp_path / "copy.db", pages=1, stop=stop)
    assert not list(tmp_path.glob(".*partial*")) and not (tmp_path / "copy.db").exists()
