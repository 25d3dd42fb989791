"""Writing files that must survive a crash: owner-only partial files, flushed, renamed atomically; and
finding FrontDesk's files that others can read."""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from desktop.paths import SHARED_BITS, make_private_folders


def fsync_file(path: Path) -> None:
    # Windows flushes only handles opened for writing.
    fd = os.open(path, os.O_RDWR if sys.platform == "win32" else os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no directory handles to flush)."""
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def private_partial(target: Path) -> Path:
    """A new, empty, owner-only file beside ``target`` to write into before the atomic rename."""
    make_private_folders(target.parent)
    partial = target.with_name(f".{target.name}.partial-{os.getpid()}-{time.monotonic_ns()}")
    fd = os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    return partial


def shared_modes(
    paths: Iterable[Path], *, depth: int = 4, limit: int = 10_000
) -> tuple[int, list[tuple[Path, int]]]:
    """How many files and folders were looked at in ``paths`` (each with what it holds, ``depth`` levels
    down), and those whose mode gives the group or others any permission, with that mode."""
    seen: set[Path] = set()
    shared: list[tuple[Path, int]] = []
    pending = [(path, 0) for path in paths]
    while pending and len(seen) < limit:
        path, level = pending.pop()
        try:
            info = path.lstat()
        except OSError:
            continue
        if path in seen or stat.S_ISLNK(info.st_mode):
            continue
        seen.add(path)
        if stat.S_IMODE(info.st_mode) & SHARED_BITS:
            shared.append((path, stat.S_IMODE(info.st_mode)))
        if stat.S_ISDIR(info.st_mode) and level < depth:
            with contextlib.suppress(OSError):
                pending += [(child, level + 1) for child in path.iterdir()]
    return len(seen), sorted(shared)
