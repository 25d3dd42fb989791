"""The ``frontdesk`` program: the command line, whose bare form opens the window."""

from __future__ import annotations

import sys

import click

from desktop.cli import main as cli_main


def launch_gui(ctx: click.Context) -> int:
    from ui.shell.app import run_gui

    return run_gui(ctx)


def main() -> None:
    sys.exit(cli_main(gui_launcher=launch_gui))
