"""Starting ``frontdesk``: the demo screenshot end to end, and a clear message (never a Qt abort) when
there is no display."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from ui.app import NO_DISPLAY_MESSAGE, demo_database_url, display_problem

ROOT = Path(__file__).resolve().parents[2]
LAUNCH = "from ui.main import main; main()"
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
    assert "xvfb-run frontdesk" in done.stderr
    assert "DISPLAY" in done.stderr
    assert not list(tmp_path.glob("core*"))


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
