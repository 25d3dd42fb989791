"""Command-line access to acknowledgment verification, reports and contact exports.

Each command signs in as a staff member (``--user``; the password is asked for, or read from the
first line of standard input for scheduled jobs) and calls the same services as the GUI, so roles
are checked and every action is audited the same way.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from desktop.cli.context import AppContext, fail, write_private
from desktop.cli.failures import file_failure
from desktop.cli.params import Day, OutputFile
from desktop.domain.enums import Channel, Language, Purpose
from desktop.domain.errors import FrontDeskError, NotFoundError
from desktop.domain.records import VerificationResult
from desktop.reports.base import LATEST_DAY, OLDEST_DAY
from desktop.services.reports import ReportFormat, ReportKind

#: The days a report covers, as its period allows them.
REPORT_DAY = Day(OLDEST_DAY, LATEST_DAY)


# ---------------------------------------------------------------------------------------------
# frontdesk acknowledgment verify CODE


@click.group("acknowledgment")
def acknowledgment() -> None:
    """Signed privacy-policy acknowledgments."""


def _describe(result: VerificationResult) -> list[str]:
    signed_at = result.signed_at.astimezone().strftime("%Y-%m-%d %H:%M (UTC%z)")
    return [
        f"Code:            {result.code}",
        f"Client:          {result.client_name} (file {result.file_number})",
        f"Policy version:  {result.policy_version} ({result.policy_language.value})",
        f"{'Refused on:' if result.refused else 'Signed on:':<17}{signed_at}",
        f"Stored SHA-256:  {result.stored_sha256}",
        f"Actual SHA-256:  {result.computed_sha256}",
        "Stored PDF:      "
        + (
            "intact, identical to the original"
            if result.bytes_match
            else "removed when the file was anonymised (its SHA-256 kept)"
            if result.removed
            else "ALTERED: does not match its SHA-256"
        ),
    ]


@acknowledgment.command("verify")
@click.argument("code")
@click.option("--user", "username", required=True, help="Staff username to sign in with.")
@click.option(
    "--out",
    type=OutputFile(),
    help="Also save the stored PDF to this file (audited as an export).",
)
@click.pass_obj
def acknowledgment_verify(app: AppContext, code: str, username: str, out: Path | None) -> None:
    """Find the acknowledgment a printed verification CODE belongs to and check its stored PDF.

    Exits with 0 when the stored PDF is intact (or was removed by the file's anonymisation, its
    SHA-256 kept), 1 when it was altered or the code is unknown."""
    actor = app.sign_in(username)
    services = app.services()
    try:
        result = services.documents.verify(actor, code)
    except NotFoundError:
        click.echo(f"{code.strip()}: no acknowledgment has this verification code", err=True)
        raise click.exceptions.Exit(1) from None
    except FrontDeskError as failure:
        fail(failure)
    for line in _describe(result):
        click.echo(line)
    if out is not None and not result.removed:
        write_private(out, services.documents.acknowledgment_pdf(actor, result.acknowledgment_id, "export"))
        click.echo(f"Saved:           {out}")
    if not (result.bytes_match or result.removed):
        raise click.exceptions.Exit(1)


# ---------------------------------------------------------------------------------------------
# frontdesk report KIND --from --to --format --out --user [--client]


@click.command("report")
@click.argument("kind", type=click.Choice([k.value for k in ReportKind]))
@click.option("--from", "start", type=REPORT_DAY, required=True, help="First day, YYYY-MM-DD or DD/MM/YYYY.")
@click.option(
    "--to", "end", type=REPORT_DAY, required=True, help="Last day, YYYY-MM-DD or DD/MM/YYYY (included)."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice([f.value for f in ReportFormat]),
    help="pdf or csv (default: from the --out file name, else pdf).",
)
@click.option("--out", type=OutputFile(), required=True)
@click.option("--user", "username", required=True, help="Staff username to sign in with.")
@click.option("--client", "file_number", default="", help="Client file number (access-log only).")
@click.option("--language", type=click.Choice([lang.value for lang in Language]), default=Language.FR.value)
@click.pass_obj
def report(
    app: AppContext,
    kind: str,
    start: date,
    end: date,
    fmt: str | None,
    out: Path,
    username: str,
    file_number: str,
    language: str,
) -> None:
    """Produce a report: consent-coverage, optout-register, reacknowledgment, exports-log (manager),
    or access-log of one client (privacy officer, with --client FILE_NUMBER)."""
    if ReportKind(kind) == ReportKind.ACCESS_LOG and not file_number.strip():
        raise click.UsageError("access-log needs --client FILE_NUMBER")
    chosen = ReportFormat(fmt or ("csv" if out.suffix.lower() == ".csv" else "pdf"))
    actor = app.sign_in(username)
    try:
        rendered = app.services().reports.render(
            actor,
            kind,
            start,
            end,
            chosen,
            Language(language),
            client_file_number=file_number,
        )
    except FrontDeskError as failure:
        fail(failure)
    write_private(out, rendered.data)
    click.echo(f"{kind}: {rendered.row_count} rows, written to {out}")


# ---------------------------------------------------------------------------------------------
# frontdesk export contacts --purpose --channel --out --user


@click.group("export")
def export() -> None:
    """Contact lists that honour consent and pending opt-out requests."""


@export.command("contacts")
@click.option("--purpose", type=click.Choice([p.value for p in Purpose]), required=True)
@click.option("--channel", type=click.Choice([c.value for c in Channel]), required=True)
@click.option("--out", type=OutputFile(), required=True)
@click.option("--user", "username", required=True, help="Staff username to sign in with.")
@click.option(
    "--delimiter", type=click.Choice([",", ";"]), default=",", show_default=True, help="CSV separator."
)
@click.pass_obj
def export_contacts(
    app: AppContext, purpose: str, channel: str, out: Path, username: str, delimiter: str
) -> None:
    """Write the clients who consent now to PURPOSE by CHANNEL, and are not the subject of a pending
    opt-out request for it, to a CSV file (UTF-8; formulas neutralised)."""
    actor = app.sign_in(username)
    try:
        result = app.services().exports.export_contacts(
            actor, Purpose(purpose), Channel(channel), out, delimiter=delimiter
        )
    except FrontDeskError as failure:
        fail(failure)
    except OSError as refused:  # the service writes the file itself
        fail(file_failure(out, refused))
    click.echo(f"{result.row_count} contacts written to {result.path}")
    click.echo(f"SHA-256 {result.sha256}")
    if result.skipped_no_contact:
        click.echo(f"note: {result.skipped_no_contact} consenting clients have no {channel} contact on file")
    if result.unmatched_pending_requests:
        click.echo(
            f"warning: {result.unmatched_pending_requests} opt-out requests are not matched to a file yet; "
            "match them before sending",
            err=True,
        )
