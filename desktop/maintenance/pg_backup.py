"""PostgreSQL backups: pg_dump in custom format, found on the PATH or beside the server's binaries."""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from sqlalchemy.engine import make_url

from desktop.maintenance.backup import BackupError
from desktop.maintenance.files import fsync_dir, fsync_file, private_partial

PG_DUMP_MISSING = (
    "pg_dump was not found. Install the PostgreSQL client tools of the server's version or newer "
    "(Debian/Ubuntu: apt-get install postgresql-client; Windows: the PostgreSQL installer's "
    '"Command Line Tools"; macOS: brew install libpq), then put pg_dump on the PATH or set '
    "FRONTDESK_PG_BIN to the folder that holds it."
)


def _pg_version(path: str) -> tuple[int, ...]:
    numbers = re.findall(r"\d+", path)
    return tuple(int(n) for n in numbers[:2]) if numbers else (0,)


def pg_dump_candidates() -> list[Path]:
    executable = "pg_dump.exe" if sys.platform == "win32" else "pg_dump"
    candidates: list[Path] = []
    override = os.environ.get("FRONTDESK_PG_BIN")
    if override:
        candidates.append(Path(override) / executable)
    on_path = shutil.which(executable)
    if on_path:
        candidates.append(Path(on_path))
    patterns = [
        "/usr/lib/postgresql/*/bin",
        "/usr/pgsql-*/bin",
        "/usr/local/pgsql/bin",
        "/opt/homebrew/opt/libpq/bin",
        "/opt/homebrew/opt/postgresql*/bin",
        "/Applications/Postgres.app/Contents/Versions/*/bin",
        r"C:\Program Files\PostgreSQL\*\bin",
    ]
    for pattern in patterns:
        for folder in sorted(glob.glob(pattern), key=_pg_version, reverse=True):
            candidates.append(Path(folder) / executable)
    return candidates


def find_pg_dump() -> Path | None:
    return next((c for c in pg_dump_candidates() if c.is_file() and os.access(c, os.X_OK)), None)


def backup_postgres(url: str, target: Path, pg_dump: Path | None = None) -> Path:
    """pg_dump in custom format (restore with pg_restore). The password goes through the
    environment, never the command line."""
    pg_dump = pg_dump or find_pg_dump()
    if pg_dump is None:
        raise BackupError(PG_DUMP_MISSING)
    if target.exists():
        raise BackupError(f"{target} already exists; choose another file name")
    parsed = make_url(url)
    password = parsed.password
    conninfo = parsed.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    env = dict(os.environ)
    if password:
        env["PGPASSWORD"] = str(password)
    partial = private_partial(target)
    try:
        done = subprocess.run(
            [str(pg_dump), "--format=custom", "--no-password", f"--file={partial}", f"--dbname={conninfo}"],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            detail = (done.stderr or done.stdout).strip().splitlines()
            raise BackupError("pg_dump failed: " + (detail[-1] if detail else f"exit {done.returncode}"))
        partial.chmod(0o600)
        fsync_file(partial)
        os.replace(partial, target)
        fsync_dir(target.parent)
    finally:
        partial.unlink(missing_ok=True)
    return target
