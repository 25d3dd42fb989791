"""The ``frontdesk`` command line: a thin client of the same services as the GUI.

This module holds the command group and ``main``; the commands live in one module per subject
(``maintenance``, ``staff``, ``documents``, ``demo``), which share ``context`` and never import one
another or this package.
"""

from __future__ import annotations

import click

from desktop.cli.context import AppContext, FrontDeskGroup, GuiLauncher
from desktop.cli.demo import demo_data
from desktop.cli.documents import acknowledgment, export, report
from desktop.cli.maintenance import db
from desktop.cli.staff import user
from desktop.logging_setup import configure_logging

__all__ = ["AppContext", "GuiLauncher", "cli", "main"]

_gui_launcher: GuiLauncher | None = None


@click.group(cls=FrontDeskGroup, invoke_without_command=True)
@click.option(
    "--database", metavar="URL", help="Database URL (default: FRONTDESK_DATABASE_URL, else the local file)."
)
@click.option("--demo", is_flag=True, help="Open a throwaway demo database with demo accounts.")
@click.option(
    "--screenshot",
    metavar="FILE.png",
    type=click.Path(dir_okay=False),
    help="With --demo: save the main window to FILE.png and exit.",
)
@click.pass_context
def cli(ctx: click.Context, database: str | None, demo: bool, screenshot: str | None) -> None:
    """FrontDesk: client files, privacy consent and opt-outs for the clinic's front desk."""
    configure_logging()
    ctx.obj = AppContext(database)
    ctx.call_on_close(ctx.obj.close)
    if ctx.invoked_subcommand is not None:
        return
    launcher = _gui_launcher
    if launcher is None:
        raise click.UsageError("the GUI is not installed; use a subcommand (see --help)")
    ctx.exit(launcher(ctx))


for _command in (db, user, demo_data, acknowledgment, report, export):
    cli.add_command(_command)


def main(argv: list[str] | None = None, gui_launcher: GuiLauncher | None = None) -> int:
    global _gui_launcher
    _gui_launcher = gui_launcher
    try:
        cli.main(args=argv, prog_name="frontdesk", standalone_mode=True)
    except SystemExit as done:
        return int(done.code or 0)
    return 0
