"""No source file in ``desktop/`` or ``ui/`` grows past 500 lines.

A long file is a sign that one module does several things; split it by what each part does. The
Alembic revisions under ``desktop/db/migrations/`` are left out: a shipped revision is never edited.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TREES = ("desktop", "ui")
MAX_LINES = 500
EXEMPT = (ROOT / "desktop" / "db" / "migrations",)


def source_files() -> list[Path]:
    files = []
    for tree in TREES:
        for path in sorted((ROOT / tree).rglob("*")):
            if not path.is_file() or "__pycache__" in path.parts or path.suffix == ".pyc":
                continue
            if any(path.is_relative_to(folder) for folder in EXEMPT):
                continue
            files.append(path)
    return files


def line_count(path: Path) -> int:
    with path.open(encoding="utf-8") as text:
        return sum(1 for _line in text)


def test_the_trees_hold_source_files() -> None:
    names = {path.relative_to(ROOT).as_posix() for path in source_files()}
    assert "ui/kit/worker.py" in names
    assert not any(name.startswith("desktop/db/migrations/") for name in names)


def test_no_source_file_is_over_500_lines() -> None:
    too_long = {
        path.relative_to(ROOT).as_posix(): count
        for path in source_files()
        if (count := line_count(path)) > MAX_LINES
    }
    assert not too_long, f"Files over {MAX_LINES} lines (split them by what each part does):\n" + "\n".join(
        f"  {name}: {count} lines" for name, count in sorted(too_long.items(), key=lambda item: -item[1])
    )
