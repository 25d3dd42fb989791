"""scripts/setup.sh waits, with a message, while another program holds the package manager's lock,
instead of failing at once; and gives up with a message saying what to do when the wait is too long.

The lock is the real one (dpkg's frontend lock, held here as apt holds it, with fcntl) and the command
the real ``apt-get check``, which takes that lock and changes nothing. Tests run as root."""

from __future__ import annotations

import fcntl
import os
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

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
