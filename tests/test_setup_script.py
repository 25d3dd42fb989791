"""scripts/setup.sh waits, with a message, while another program holds the package manager's lock,
instead of failing at once; and gives up with a message saying what to do when the wait is too long.

The lock is the real one (dpkg's frontend lock, held here as apt holds it, with fcntl) and the command
the real ``apt-get check``, which takes that lock and changes nothing. Tests run as root.

An end user's set-up installs what the program needs and nothing more; ``--test`` adds the test tools."""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
DPKG_LOCK = Path("/var/lib/dpkg/lock-frontend")

pytestmark = pytest.mark.skipif(not DPKG_LOCK.exists(), reason="not a Debian-family system (no dpkg)")


@contextmanager
def package_lock_held(seconds: float | None) -> Iterator[None]:
    """This process holds dpkg's lock for ``seconds`` (None: until the block ends)."""
    descriptor = os.open(DPKG_LOCK, os.O_RDWR)
    fcntl.lockf(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    released = threading.Event()

    def release() -> None:
        if not released.is_set():
            released.set()
            os.close(descriptor)  # closing drops the lock

    timer = threading.Timer(seconds, release) if seconds is not None else None
    if timer is not None:
        timer.start()
    try:
        yield
    finally:
        if timer is not None:
            timer.cancel()
        release()


def _apt_waiting(*command: str, wait: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            "bash",
            "-c",
            'set -euo pipefail; source scripts/apt_waiting.sh; apt_waiting "$@"',
            "bash",
            *command,
        ],
        cwd=ROOT,
        env={**os.environ, "FRONTDESK_PACKAGE_LOCK_WAIT": str(wait), "FRONTDESK_PACKAGE_LOCK_POLL": "1"},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_setup_uses_the_waiting_apt_get_for_every_package_command():
    script = (ROOT / "scripts" / "setup.sh").read_text()
    apt_lines = [line.strip() for line in script.splitlines() if "apt-get " in line and "echo" not in line]
    assert apt_lines and all(line.startswith("apt_waiting ") for line in apt_lines), apt_lines


def test_a_held_package_lock_is_waited_for_with_a_message():
    started = time.monotonic()
    with package_lock_held(2.5):
        done = _apt_waiting("apt-get", "check", "-qq", wait=60)

    assert done.returncode == 0, done.stderr
    assert time.monotonic() - started >= 2.5
    pid = os.getpid()
    assert f"Un autre programme utilise le gestionnaire de paquets (held by process {pid} " in done.stderr, (
        done.stderr
    )
    assert f"Another program is using the package manager (held by process {pid} " in done.stderr
    assert "waiting for it to finish (up to 60 s)…" in done.stderr
    assert done.stderr.count("Another program is using") == 1  # said once, not at every try
    assert "E: Could not get lock" not in done.stderr  # apt's own refusals are not repeated at the person


def test_a_lock_held_past_the_wait_ends_with_what_to_do():
    with package_lock_held(None):
        done = _apt_waiting("apt-get", "check", "-qq", wait=2)

    assert done.returncode == 100
    assert "Le gestionnaire de paquets est toujours occupé après 2 s" in done.stderr
    assert "relancez scripts/setup.sh quand l'autre installation sera finie." in done.stderr
    assert "The package manager is still busy after 2 s" in done.stderr
    assert "run scripts/setup.sh again once the other installation has finished." in done.stderr


# ---------------------------------------------------------------- what each set-up installs


def _names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=!~\[ ;@]", requirement, maxsplit=1)[0].lower() for requirement in requirements}


def test_the_programs_own_requirements_hold_no_test_or_build_tool():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    tools = {
        "pytest",
        "pytest-qt",
        "pytest-xdist",
        "hypothesis",
        "ruff",
        "mypy",
        "import-linter",
        "pyinstaller",
    }
    assert not _names(project["dependencies"]) & tools
    assert {"pytest", "ruff", "mypy"} <= _names(project["optional-dependencies"]["test"])
    assert "pyinstaller" in _names(project["optional-dependencies"]["build"])


#: Writes a pure-Python wheel; the probe project's in-tree build backend is this and two hooks, so pip
#: builds it with nothing fetched (no setuptools download, no index).
WHEEL_WRITER = """
import zipfile
from pathlib import Path

WHEEL = "Wheel-Version: 1.0\\nGenerator: probe\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n"


def write_wheel(directory, name, requires, files):
    dist = name.replace("-", "_") + "-1"
    metadata = ["Metadata-Version: 2.1", "Name: " + name, "Version: 1", "Provides-Extra: test"]
    metadata += ["Requires-Dist: " + requirement + ' ; extra == "test"' for requirement in requires]
    with zipfile.ZipFile(Path(directory) / (dist + "-py3-none-any.whl"), "w") as wheel:
        for path, text in files.items():
            wheel.writestr(path, text)
        wheel.writestr(dist + ".dist-info/METADATA", "\\n".join(metadata) + "\\n")
        wheel.writestr(dist + ".dist-info/WHEEL", WHEEL)
        wheel.writestr(dist + ".dist-info/RECORD", "")
    return dist + "-py3-none-any.whl"
"""


def _probe_project(folder: Path) -> Path:
    """A project laid out like this one (scripts/setup.sh and its helper, a pyproject.toml with a "test"
    extra), whose program and test tool are two tiny local packages: what each set-up installs is
    then seen in its .venv, without fetching the real program's dependencies."""
    writer: dict[str, Any] = {}
    exec(WHEEL_WRITER, writer)  # noqa: S102  # the module text above, also written into the backend
    tool_wheel = folder / writer["write_wheel"](folder, "probe-test-tool", [], {"probe_test_tool.py": ""})
    project = folder / "project"
    (project / "scripts").mkdir(parents=True)
    for name in ("setup.sh", "apt_waiting.sh"):
        shutil.copy2(ROOT / "scripts" / name, project / "scripts" / name)
    (project / "probe_backend.py").write_text(
        WHEEL_WRITER
        + f"\nREQUIRES = [{f'probe-test-tool @ {tool_wheel.as_uri()}'!r}]\n"
        + "\n\ndef build_wheel(directory, config_settings=None, metadata_directory=None):\n"
        + "    return write_wheel(directory, 'setup-probe', REQUIRES, {'setup_probe.py': ''})\n"
        + "\n\nbuild_editable = build_wheel\n"
    )
    (project / "pyproject.toml").write_text(
        '[build-system]\nrequires = []\nbuild-backend = "probe_backend"\nbackend-path = ["."]\n'
        '[project]\nname = "setup-probe"\nversion = "1"\n'
    )
    return project


def _installed(project: Path) -> set[str]:
    listed = subprocess.run(
        [str(project / ".venv" / "bin" / "python"), "-m", "pip", "list", "--format=json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return {package["name"].lower() for package in json.loads(listed.stdout)}


@pytest.mark.slow
def test_the_end_user_setup_installs_the_program_only_and_test_adds_the_test_tools(tmp_path):
    project = _probe_project(tmp_path)
    # Offline and quick: no index (pip stays the venv's own), nothing to fetch for the builds.
    environ = {
        **os.environ,
        "PYTHON": sys.executable,
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "PIP_NO_INDEX": "1",
    }

    plain = subprocess.run(
        ["bash", "scripts/setup.sh"], cwd=project, env=environ, capture_output=True, text=True, timeout=300
    )
    assert plain.returncode == 0, plain.stderr
    installed = _installed(project)
    assert "setup-probe" in installed
    assert "probe-test-tool" not in installed

    with_tests = subprocess.run(
        ["bash", "scripts/setup.sh", "--test"],
        cwd=project,
        env=environ,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert with_tests.returncode == 0, with_tests.stderr
    assert {"setup-probe", "probe-test-tool"} <= _installed(project)
