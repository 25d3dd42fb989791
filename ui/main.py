"""The window's entry point: ``frontdesk`` without a command (see ``frontdesk_launcher``)."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.logging_setup import configure_logging
from ui.shell.app import run_gui
from ui.shell.options import parse_options


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_options(argv)
    if not options.demo:
        configure_logging()  # the private rotating log file, client data masked (the demo logs in its own folder)
    return run_gui(options)
