"""The ``frontdesk`` command line: a thin client of the same services as the GUI.

This module holds the command group and ``main``; the commands live in one module per subject
(``setup``, ``maintenance``, ``staff``, ``policy``, ``documents``, ``evidence``, ``reminders``,
``schedule``, ``imports``, ``demo``), which share ``context`` and never import one another or this package. The window is not started from here: ``frontdesk_launcher`` opens the window
or hands the arguments to ``main``.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import metadata

import click

from desktop.cli.access_requests import access_requests
from desktop.cli.context import AppContext, FrontDeskGroup
from desktop.cli.demo import demo_data
from desktop.cli.disclosures import disclosures
from desktop.cli.documents import acknowledgment, export, report
from desktop.cli.evidence import evidence
from desktop.cli.imports import import_group
from desktop.cli.incidents import incidents
from desktop.cli.maintenance import db
from desktop.cli.policy import policy
from desktop.cli.reminders import reminders
from desktop.cli.retention import retention
from desktop.cli.schedule import kind, practitioner
from desktop.cli.setup import setup
from desktop.cli.staff import user
from desktop.logging_setup import configure_logging

__all__ = ["cli", "main"]


def _version() -> str:
    try:
        return metadata.version("frontdesk")
    except metadata.PackageNotFoundError:  # a bundle built without the package's metadata
        return "unknown"


@click.group(cls=FrontDeskGroup)
@click.option(
    "--database", metavar="URL", help="Database URL (default: FRONTDESK_DATABASE_URL, else the local file)."
)
@click.version_option(_version(), prog_name="frontdesk")
@click.pass_context
def cli(ctx: click.Context, database: str | None) -> None:
    """FrontDesk: client files, privacy consent and opt-outs for the clinic's front desk."""
    configure_logging()
    ctx.obj = AppContext(database)
    _ = ctx.obj.url  # a malformed address is said before the command's own arguments are read
    ctx.call_on_close(ctx.obj.close)


for _command in (
    setup,
    db,
    user,
    policy,
    demo_data,
    acknowledgment,
    report,
    export,
    evidence,
    reminders,
    practitioner,
    kind,
    import_group,
    access_requests,
    retention,
    incidents,
    disclosures,
):
    cli.add_command(_command)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns its exit status."""
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="frontdesk", standalone_mode=True)
    except SystemExit as done:
        return int(done.code or 0)
    return 0
