"""Checks the built program (dist/FrontDesk, made by scripts/build.sh) as a person would start it.

    .venv/bin/python scripts/check_bundle.py [--size-only] [--screenshot FILE.png] [BUNDLE]

``--size-only`` prints the bundle's size and its ten largest files (scripts/build.sh ends with it). Without
it: starts the console program with ``--version`` (it must print pyproject.toml's version), then the window
program offscreen with ``--demo --screenshot``, which signs in with a demo account and opens a demo client
file; fails when either does not exit 0 within its time, or when the picture is missing, not the window's
size, or nearly one colour (a blank window). Exit status 0 when everything holds, 1 otherwise, each
failure said in a line.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BUNDLE = ROOT / "dist" / "FrontDesk"
WINDOWED = "FrontDesk"
CONSOLE = "frontdesk-cli"
SIZE_GOAL_MB = 200
LARGEST_SHOWN = 10
EXPECTED_SIZE = (1280, 800)  # ui.shell.app.SCREENSHOT_SIZE
#: A blank or one-colour window has a handful of colours; the client file's text, badges and grid hundreds.
MIN_COLOURS = 64
START_TIMEOUT_S = 240  # the demo database is created and filled on first start


@dataclass(frozen=True)
class Part:
    path: str
    size: int


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def parts(bundle: Path) -> list[Part]:
    """Every file of the bundle, largest first (links counted once, as the link)."""
    found = [
        Part(str(path.relative_to(bundle)), path.lstat().st_size)
        for path in bundle.rglob("*")
        if path.is_file() or path.is_symlink()
    ]
    return sorted(found, key=lambda part: part.size, reverse=True)


def size_report(bundle: Path) -> str:
    found = parts(bundle)
    total = sum(part.size for part in found)
    verdict = "under" if total < SIZE_GOAL_MB * 1_000_000 else "OVER"
    lines = [
        f"Bundle {bundle}: {megabytes(total)} in {len(found)} files ({verdict} the {SIZE_GOAL_MB} MB goal)"
    ]
    lines.append(f"Its {LARGEST_SHOWN} largest parts:")
    lines += [f"  {megabytes(part.size):>9}  {part.path}" for part in found[:LARGEST_SHOWN]]
    return "\n".join(lines)


def project_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as file:
        return str(tomllib.load(file)["project"]["version"])


def program(bundle: Path, name: str) -> Path:
    return bundle / (f"{name}.exe" if sys.platform == "win32" else name)


def run(command: list[str], timeout_s: float, environ: dict[str, str]) -> tuple[int, str]:
    """Exit status and what the program printed, or -1 and why when it did not end in time."""
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout_s, env=environ, stdin=subprocess.DEVNULL
        )
    except subprocess.TimeoutExpired:
        return -1, f"still running after {timeout_s:.0f} s"
    return done.returncode, (done.stdout + done.stderr).strip()


def screenshot_problems(picture: Path) -> list[str]:
    if not picture.is_file() or picture.stat().st_size == 0:
        return [f"the screenshot {picture} is missing or empty"]
    with Image.open(picture) as image:
        size = image.size
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20) or []
    problems = []
    if size != EXPECTED_SIZE:
        problems.append(
            f"the screenshot is {size[0]}×{size[1]}, not the window's {EXPECTED_SIZE[0]}×{EXPECTED_SIZE[1]}"
        )
    if len(colours) < MIN_COLOURS:
        problems.append(f"the screenshot has {len(colours)} colours: a blank window, not the client file")
    return problems


def start_problems(bundle: Path, picture: Path) -> list[str]:
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="frontdesk-bundle-") as home:
        # The program's settings and user data go to a throwaway folder, never this account's.
        environ = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(Path(home) / "config"),
            "XDG_DATA_HOME": str(Path(home) / "data"),
            "XDG_STATE_HOME": str(Path(home) / "state"),
        }
        for variable in ("PYTHONPATH", "PYTHONHOME", "FRONTDESK_DATABASE_URL"):
            environ.pop(variable, None)

        status, output = run([str(program(bundle, CONSOLE)), "--version"], 60, environ)
        version = project_version()
        if status != 0 or version not in output:
            problems.append(
                f"{CONSOLE} --version exited {status} and printed {output!r}, not the version {version}"
            )

        started = time.monotonic()
        command = [str(program(bundle, WINDOWED)), "--demo", "--screenshot", str(picture)]
        status, output = run(command, START_TIMEOUT_S, environ)
        print(f"{WINDOWED} --demo --screenshot: exit {status} after {time.monotonic() - started:.1f} s")
        if status != 0:
            problems.append(f"{' '.join(command)} exited {status}: {output[-2000:]}")
        else:
            problems += screenshot_problems(picture)
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=DEFAULT_BUNDLE)
    parser.add_argument("--size-only", action="store_true", help="print the size report and stop")
    parser.add_argument(
        "--screenshot", type=Path, help="where to keep the picture (default: a temporary file)"
    )
    options = parser.parse_args(argv)
    bundle: Path = options.bundle.resolve()
    if not program(bundle, WINDOWED).is_file():
        print(
            f"check_bundle: no {WINDOWED} program in {bundle}: build it with scripts/build.sh",
            file=sys.stderr,
        )
        return 1
    if options.size_only:
        print(size_report(bundle))
        return 0
    with tempfile.TemporaryDirectory(prefix="frontdesk-shot-") as folder:
        picture = (options.screenshot or Path(folder) / "client-file.png").resolve()
        problems = start_problems(bundle, picture)
    for problem in problems:
        print(f"check_bundle: {problem}", file=sys.stderr)
    if not problems:
        print(f"The bundle starts, prints its version and shows a demo client file ({picture.name}).")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
