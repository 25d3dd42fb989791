"""``scripts/screenshots.py`` draws every README screen from a demo database, offscreen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[3]
SCREENS = (
    "client-file-consents.png",
    "booking-consent-step.png",
    "opt-out-queue.png",
    "reports-window.png",
    "lock-screen.png",
    "setup-wizard.png",
    "clinic-settings.png",
    "policy-versions.png",
    "schedule-day.png",
    "schedule-week.png",
    "schedule-editor.png",
    "client-file-details.png",
    "client-file-update-consent.png",
    "client-file-sign-policy.png",
    "reminders.png",
    "incident-register.png",
    "retention-review.png",
)


@pytest.mark.slow  # about 20 s: a demo database and five windows in a fresh process
def test_the_script_draws_every_readme_screen(tmp_path):
    env = {key: value for key, value in os.environ.items() if key not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        FRONTDESK_DATA_DIR=str(tmp_path / "frontdesk-data"),
        FRONTDESK_LOG_DIR=str(tmp_path / "frontdesk-logs"),
    )
    out = tmp_path / "images"
    done = subprocess.run(
        [sys.executable, "scripts/screenshots.py", "--language", "en", "--out", str(out), "--clients", "60"]
        + ["--no-documents"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert sorted(path.name for path in out.iterdir()) == sorted(SCREENS)
    referenced = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in SCREENS:
        assert f"docs/images/{name}" in referenced  # the README shows each of them
        with Image.open(out / name) as image:
            width, height = image.size
            assert width >= 800 and height >= 600
            # Not a blank canvas: text, tables and badges in many colours.
            assert len(image.convert("RGB").getcolors(maxcolors=1 << 20) or []) > 50
