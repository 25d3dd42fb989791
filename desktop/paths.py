"""Where FrontDesk finds its bundled resources and keeps its per-user files.

Resources are located through one function that knows both a source checkout and a PyInstaller
bundle (which puts data under ``sys._MEIPASS``), never relative to the current directory.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "FrontDesk"
APP_AUTHOR = "FrontDesk"


def resources_dir() -> Path:
    bundle_root = getattr(sys, "_MEIPASS", None)
    if bundle_root:
        return Path(bundle_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def user_data_dir() -> Path:
    override = os.environ.get("FRONTDESK_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def user_log_dir() -> Path:
    override = os.environ.get("FRONTDESK_LOG_DIR")
    path = Path(override) if override else Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def default_database_path() -> Path:
    return user_data_dir() / "frontdesk.db"
