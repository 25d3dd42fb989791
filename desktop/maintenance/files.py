"""Writing files that must survive a crash: owner-only partial files, flushed, renamed atomically."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path


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
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    partial = target.with_name(f".{target.name}.partial-{os.getpid()}-{time.monotonic_ns()}")
    fd = os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    return partial
