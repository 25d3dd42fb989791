"""A workstation's settings: login lock-out, idle lock, backup retention, the site it is at.

Read from ``settings.toml`` in the per-user config folder (``FRONTDESK_CONFIG_DIR`` overrides it),
then from environment variables, which win::

    [security]
    max_failed_logins = 5      # FRONTDESK_MAX_FAILED_LOGINS
    lockout_minutes = 15       # FRONTDESK_LOCKOUT_MINUTES
    idle_lock_minutes = 5      # FRONTDESK_IDLE_LOCK_MINUTES (only shortens the clinic's delay)

    [backup]
    keep_days = 14             # FRONTDESK_BACKUP_KEEP_DAYS

    [workstation]
    site = 2                   # FRONTDESK_SITE: the clinic (site) this computer is at

A value that is missing, not a whole number or out of range keeps its default (and is logged).
"""

from __future__ import annotations

import logging
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import timedelta
from pathlib import Path

import platformdirs

from desktop.domain.login_policy import LoginPolicy
from desktop.paths import APP_AUTHOR, APP_NAME, keep_owner_only, make_private_folders

log = logging.getLogger(__name__)
SETTINGS_FILE = "settings.toml"


@dataclass(frozen=True)
class _Setting:
    section: str
    key: str
    env: str
    low: int
    high: int


_SETTINGS = {
    "max_failed_logins": _Setting("security", "max_failed_logins", "FRONTDESK_MAX_FAILED_LOGINS", 1, 100),
    "lockout_minutes": _Setting("security", "lockout_minutes", "FRONTDESK_LOCKOUT_MINUTES", 1, 24 * 60),
    "idle_lock_minutes": _Setting("security", "idle_lock_minutes", "FRONTDESK_IDLE_LOCK_MINUTES", 1, 240),
    "backup_keep_days": _Setting("backup", "keep_days", "FRONTDESK_BACKUP_KEEP_DAYS", 1, 3650),
    "site_id": _Setting("workstation", "site", "FRONTDESK_SITE", 1, 1_000_000),
}


@dataclass(frozen=True)
class SecuritySettings:
    max_failed_logins: int = 5
    lockout_minutes: int = 15
    #: The clinic sets the idle-lock delay; a workstation's own may only shorten it (the range's top: none).
    idle_lock_minutes: int = 240
    backup_keep_days: int = 14
    #: The site this workstation is at; 0 until the set-up or the settings say (the first site is used).
    site_id: int = 0

    def idle_lock_for(self, clinic_minutes: int) -> timedelta:
        """The delay before the screen locks: the clinic's, or this workstation's when shorter."""
        return timedelta(minutes=min(clinic_minutes, self.idle_lock_minutes))

    def login_policy(self) -> LoginPolicy:
        return LoginPolicy(
            max_failed_attempts=self.max_failed_logins, lockout=timedelta(minutes=self.lockout_minutes)
        )


def config_dir() -> Path:
    override = os.environ.get("FRONTDESK_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def settings_path() -> Path:
    return config_dir() / SETTINGS_FILE


def _read_file(path: Path) -> dict[str, object]:
    try:
        with path.open("rb") as stream:
            return tomllib.load(stream)
    except FileNotFoundError:
        return {}
    except (OSError, tomllib.TOMLDecodeError) as error:
        log.warning("settings file %s ignored: %s", path.name, error)
        return {}


def _whole_number(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("+").isdigit():
        return int(value.strip())
    return None


def load_settings(path: Path | None = None, environ: Mapping[str, str] | None = None) -> SecuritySettings:
    environ = os.environ if environ is None else environ
    path = path or settings_path()
    keep_owner_only(path)
    document = _read_file(path)
    values: dict[str, int] = {}
    for item in fields(SecuritySettings):
        setting = _SETTINGS[item.name]
        section = document.get(setting.section)
        candidates = []
        if isinstance(section, dict) and setting.key in section:
            candidates.append((f"[{setting.section}] {setting.key}", section[setting.key]))
        if setting.env in environ:
            candidates.append((setting.env, environ[setting.env]))
        for origin, raw in candidates:
            number = _whole_number(raw)
            if number is None or not setting.low <= number <= setting.high:
                log.warning(
                    "%s ignored: a whole number from %d to %d is expected", origin, setting.low, setting.high
                )
                continue
            values[item.name] = number
    return SecuritySettings(**values)


_SECTION = re.compile(r"^\s*\[\s*([^\]]+?)\s*\]")
_SITE_LINE = re.compile(r"^\s*site\s*=")


def store_workstation_site(site_id: int, path: Path | None = None) -> None:
    """Write ``[workstation] site = N`` into settings.toml, keeping every other line (comments included)
    as the person or the installer wrote it."""
    if site_id < 1:
        raise ValueError("a site id is a positive number")
    path = path or settings_path()
    try:
        lines = path.read_text("utf-8").splitlines()
    except FileNotFoundError:
        lines = []
    entry = f"site = {site_id}"
    kept: list[str] = []
    section: str | None = None
    written = False
    for line in lines:
        header = _SECTION.match(line)
        if header:
            if section == "workstation" and not written:
                kept.append(entry)
                written = True
            section = header.group(1)
        elif section == "workstation" and _SITE_LINE.match(line):
            if not written:
                kept.append(entry)
                written = True
            continue
        kept.append(line)
    if section == "workstation" and not written:
        kept.append(entry)
        written = True
    if not written:
        if kept and kept[-1].strip():
            kept.append("")
        kept += ["[workstation]", entry]
    make_private_folders(path.parent)
    # Written aside (owner-only) then moved into place: a crash never leaves half a settings file.
    scratch = path.with_name(path.name + ".new")
    descriptor = os.open(scratch, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
        stream.write("\n".join(kept) + "\n")
    os.chmod(scratch, 0o600)  # an existing scratch file keeps its mode through O_TRUNC
    os.replace(scratch, path)
    log.info("workstation site stored: %d", site_id)
