"""``python -m desktop`` as a script runs it: arguments given as raw bytes, terminals in French, in
English and in the C locale, and the exit statuses the README lists (0 done, 1 refused or failed,
2 a mistyped command or a damaged database)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.db.engine import sqlite_url
from desktop.domain.messages import message
from tests.conftest import TEST_PASSWORD
from tests.desktop.cli.hostile import copy_database

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def database(sqlite_template: Path, tmp_path: Path) -> str:
    return sqlite_url(copy_database(sqlite_template, tmp_path / "db" / "frontdesk.db"))


def frontdesk(
    tmp_path: Path, *args: str | bytes, locale: str, stdin: bytes = b""
) -> subprocess.CompletedProcess[bytes]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "LC_CTYPE", "PYTHONUTF8")
    }
    env |= {"LC_ALL": locale, "FRONTDESK_LOG_DIR": str(tmp_path / "logs")}
    for name in ("DATA", "CONFIG"):
        env[f"FRONTDESK_{name}_DIR"] = str(tmp_path / name.lower())
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        input=stdin,
        capture_output=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )


def test_encodings_and_exit_statuses(database: str, tmp_path: Path) -> None:
    # 2: an argument that is not UTF-8, in the C locale (French, the default), as raw bytes.
    done = frontdesk(tmp_path, "--database", database, "user", "list", "--user", b"gest\xffion", locale="C")
    stderr = done.stderr.decode("utf-8")
    assert done.returncode == 2 and "Traceback" not in stderr, stderr
    assert message("option_not_utf8", "fr", option="--user", value="gest\\xffion") in stderr, stderr
    # 1: standard input that is not UTF-8, in English.
    stdin = TEST_PASSWORD.encode()[:3] + b"\xff\n"
    done = frontdesk(
        tmp_path,
        "--database",
        database,
        "user",
        "list",
        "--user",
        "gestion",
        locale="en_CA.UTF-8",
        stdin=stdin,
    )
    stderr = done.stderr.decode("utf-8")
    assert done.returncode == 1 and "Traceback" not in stderr, stderr
    assert message("input_not_utf8", "en", position=4) in stderr, stderr
    # 1: a refusal, in French.
    done = frontdesk(
        tmp_path,
        "--database",
        database,
        "user",
        "list",
        "--user",
        "gestion",
        locale="fr_CA.UTF-8",
        stdin=b"faux\n",
    )
    assert done.returncode == 1
    assert message("bad_credentials", "fr") in done.stderr.decode("utf-8")
    # 0: done.
    done = frontdesk(tmp_path, "--version", locale="fr_CA.UTF-8")
    assert done.returncode == 0 and b"frontdesk" in done.stdout
    assert (tmp_path / "logs" / "frontdesk.log").exists()
