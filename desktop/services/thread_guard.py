"""A hook that lets a GUI forbid database work on its own thread.

The core knows nothing of Qt; the GUI installs a check here (for example "raise if this is the
GUI thread") and every unit of work calls it before touching the database.
"""

from __future__ import annotations

from collections.abc import Callable

_guard: Callable[[], None] | None = None


def install_unit_of_work_guard(guard: Callable[[], None] | None) -> None:
    global _guard
    _guard = guard


def check_unit_of_work_allowed() -> None:
    if _guard is not None:
        _guard()
