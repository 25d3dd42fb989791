"""The window's own command-line options, read without starting Qt.

``frontdesk [--database URL] [--demo] [--screenshot FILE.png] [--language fr|en]`` opens the window;
the commands of the command line (``frontdesk db check`` …) are another program started by the same
``frontdesk`` launcher.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.domain.enums import Language

__all__ = ["GuiOptions", "build_parser", "parse_options"]


@dataclass(frozen=True)
class GuiOptions:
    database: str | None = None
    """A database URL; None: FRONTDESK_DATABASE_URL, else the SQLite file in the user-data folder."""
    demo: bool = False
    screenshot: Path | None = None
    language: Language | None = None
    """None: FRONTDESK_LANGUAGE, else the language chosen in View → Language, else French."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="frontdesk",
        description="FrontDesk: client files, privacy consent and opt-outs for the clinic's front desk. "
        "Without a command, opens the window.",
        add_help=False,
    )
    parser.add_argument(
        "--database",
        metavar="URL",
        help="database URL (default: FRONTDESK_DATABASE_URL, else the local file)",
    )
    parser.add_argument(
        "--demo", action="store_true", help="open a throwaway demo database with demo accounts"
    )
    parser.add_argument(
        "--screenshot",
        metavar="FILE.png",
        type=Path,
        help="with --demo: save the main window to FILE.png and exit",
    )
    parser.add_argument(
        "--language",
        choices=[language.value for language in Language],
        help="interface language (default: FRONTDESK_LANGUAGE, else the one chosen in the window)",
    )
    return parser


def parse_options(argv: Sequence[str] | None = None) -> GuiOptions:
    """The window's options; an unknown one exits with a usage message (status 2)."""
    parsed = build_parser().parse_args(argv)
    return GuiOptions(
        database=parsed.database,
        demo=parsed.demo,
        screenshot=parsed.screenshot,
        language=Language(parsed.language) if parsed.language else None,
    )
