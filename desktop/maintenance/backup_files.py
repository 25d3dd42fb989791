"""Where the daily backups of a SQLite file are kept, and which of them is the newest."""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

from desktop.paths import default_database_path, keep_owner_only, user_data_dir

_DAILY = re.compile(r"^(?P<stem>.+)-(?P<day>\d{4}-\d{2}-\d{2})\.db$")


def backups_folder(database: Path) -> Path:
    """user-data/backups for the default database; a sub-folder per other SQLite file."""
    base = user_data_dir() / "backups"
    resolved = database.resolve()
    if resolved == default_database_path().resolve():
        folder = base
    else:
        digest = hashlib.sha256(str(resolved).encode("utf-8")).hexdigest()[:8]
        folder = base / f"{database.stem}-{digest}"
    # Folders an older version made under a permissive umask (0777), and backups copied in with the
    # umask's mode, are made owner-only.
    keep_owner_only(base)
    keep_owner_only(folder)
    if folder.is_dir():
        for kept in folder.iterdir():
            keep_owner_only(kept)
    return folder


def daily_backups(folder: Path, database: Path) -> list[tuple[date, Path]]:
    """The daily backups of ``database`` in ``folder``, newest first."""
    found: list[tuple[date, Path]] = []
    if not folder.is_dir():
        return found
    for path in folder.iterdir():
        match = _DAILY.match(path.name)
        if match and match["stem"] == database.stem:
            try:
                found.append((date.fromisoformat(match["day"]), path))
            except ValueError:
                continue
    return sorted(found, reverse=True)


def newest_backup(folder: Path, database: Path) -> Path | None:
    backups = daily_backups(folder, database)
    return backups[0][1] if backups else None
