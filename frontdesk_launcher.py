"""The ``frontdesk`` program: the window, or a command of the command line.

``frontdesk [--database URL] [--demo] [--screenshot FILE.png] [--language fr|en]`` opens the window;
``frontdesk [--database URL] COMMAND …``, ``--help`` and ``--version`` run the command line. The two
are separate clients of the same services: the window does not start inside the command line's group
(``desktop.cli``), nor the command line inside the window (``ui``). This module belongs to neither
package; it only reads the arguments and hands them over.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from ui.shell.options import build_parser

COMMAND_LINE_FLAGS = ("-h", "--help", "--version")


def command_words(argv: Sequence[str]) -> list[str]:
    """The words left once the window's options (and their values) are read: a command and its
    arguments, or nothing."""
    rest = [arg for arg in argv if arg not in COMMAND_LINE_FLAGS]
    _options, leftover = build_parser().parse_known_args(rest)
    return [arg for arg in leftover if not arg.startswith("-")]


def wants_command_line(argv: Sequence[str]) -> bool:
    return bool(command_words(argv)) or any(arg in COMMAND_LINE_FLAGS for arg in argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not wants_command_line(args):
        from ui.main import main as open_window

        return open_window(args)
    from desktop.cli import main as run_command

    if not command_words(args) and any(arg in ("-h", "--help") for arg in args):
        # Bare --help: the window's options first, then the commands.
        build_parser().print_help()
        print()
    return run_command(args)


if __name__ == "__main__":
    sys.exit(main())
