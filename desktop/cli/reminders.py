"""``frontdesk reminders --date D --send|--export DIR --user NAME``: a day's appointment reminders, by the
same service as the reminders window, so consent, opt-outs and the reminder ledger are honoured the
same way. Without ``--send`` or ``--export`` the day's groups are listed and nothing is recorded."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from desktop.cli.context import AppContext, fail, language
from desktop.cli.failures import output_folder_problem
from desktop.cli.params import Day, OutputFile
from desktop.domain.enums import Channel
from desktop.domain.errors import FrontDeskError
from desktop.domain.formats import format_time
from desktop.domain.messages import message
from desktop.domain.reminders import REASON_TEXTS, ReminderDay

#: The days a reminder may be for: the reports' range.
REMINDER_DAY = Day(date(2000, 1, 1), date(2100, 12, 31))
GROUPS = {Channel.EMAIL: "Email", Channel.SMS: "SMS file", Channel.PHONE: "Call sheet"}


class OutputFolder(OutputFile):
    """The folder the files are written into. Its own folder is checked as the command line's output
    files' are (before any work); the folder itself once signed in (a file's name is then made in it)."""

    def __init__(self) -> None:
        click.Path.__init__(self, file_okay=False, dir_okay=True, path_type=Path)


def _folder_problem(folder: Path) -> FrontDeskError | None:
    """The folder must exist and be one: it is never made, so a typo does not scatter files about."""
    return output_folder_problem(folder / f"reminders-{date.today().isoformat()}-sms.csv")


def _list(day: ReminderDay) -> None:
    lang = language()
    for channel, title in GROUPS.items():
        items = day.by_channel(channel)
        click.echo(f"{title} ({len(items)})")
        for item in items:
            sent = " (already)" if channel in item.already else ""
            click.echo(
                f"  {format_time(item.starts_at.astimezone(), lang)}  {item.file_number}  {item.client_name}{sent}"
            )
    click.echo(f"Not to remind ({len(day.not_reminded)})")
    for item in day.not_reminded:
        reason = REASON_TEXTS[item.choice.reason].get(lang) if item.choice.reason else ""
        click.echo(
            f"  {format_time(item.starts_at.astimezone(), lang)}  {item.file_number}  {item.client_name}: {reason}"
        )


@click.command("reminders")
@click.option("--date", "day", type=REMINDER_DAY, required=True, help="The appointments' day.")
@click.option("--send", is_flag=True, help="Send the email reminders not sent yet.")
@click.option(
    "--export",
    "folder",
    type=OutputFolder(),
    help="Write the SMS file and the call sheet into this folder.",
)
@click.option("--site", "clinic_id", type=int, help="The site's number (default: the account's site).")
@click.option("--user", "username", required=True, help="Staff username to sign in with.")
@click.pass_obj
def reminders(
    app: AppContext, day: date, send: bool, folder: Path | None, clinic_id: int | None, username: str
) -> None:
    """Remind DATE's appointments: each client by the channel they granted for appointment reminders and
    no pending opt-out covers (email, else text, else a call); the others are listed not to remind.
    Every reminder sent or exported is recorded."""
    actor = app.sign_in(username)
    services = app.services()
    if folder is not None and (problem := _folder_problem(folder)) is not None:
        fail(problem)
    try:
        if send:
            result = services.reminders.send_emails(actor, day, clinic_id)
            click.echo(f"Email reminders for {day.isoformat()}: {len(result.sent)} sent, "
                       f"{len(result.skipped_already_sent)} already sent, {len(result.failed)} refused")  # fmt: skip
            for failure in result.failed:
                click.echo(f"  {failure.client_name}: {message(failure.code, language(), **failure.params)}")
        if folder is not None:
            exported = services.reminders.export(actor, day, folder, clinic_id, language=language())
            click.echo(f"SMS file ({exported.sms_count} messages): {exported.sms_path}")
            click.echo(f"Call sheet ({exported.call_count} calls, {exported.not_reminded_count} not to remind): "
                       f"{exported.call_sheet_path}")  # fmt: skip
        if not send and folder is None:
            _list(services.reminders.day(actor, day, clinic_id))
    except FrontDeskError as failure:
        fail(failure)
