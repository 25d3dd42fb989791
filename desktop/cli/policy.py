"""``frontdesk policy publish|list``: the clinic's privacy-policy versions from the command line.

``publish`` signs in a manager or privacy officer (``--user``; the password is asked for, or read from
the first line of standard input) and calls the same PolicyService method as the GUI, so the role, the
date rule (today or later) and the audit are the same. A published version never changes: publishing
the same effective date again is refused. ``list`` shows every version with its SHA-256 hashes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

import click

from desktop.cli.context import AppContext, fail, read_text_file
from desktop.cli.params import Day
from desktop.domain.enums import Language
from desktop.domain.errors import FrontDeskError, SignInRequiredError
from desktop.domain.records import Actor, PolicyDraft, PolicyVersionRecord

T = TypeVar("T")
DAY = Day()
_TEXT_FILE = click.Path(path_type=Path)


def _call(action: Callable[[], T]) -> T:
    """A service call; its refusal is printed in the person's language, with a non-zero exit status."""
    try:
        return action()
    except FrontDeskError as failure:
        fail(failure)


@click.group()
def policy() -> None:
    """The clinic's privacy-policy versions."""


@policy.command("publish")
@click.option(
    "--effective",
    type=DAY,
    required=True,
    help="The day the version comes into force, YYYY-MM-DD or DD/MM/YYYY.",
)
@click.option("--fr", "text_fr", type=_TEXT_FILE, required=True, help="French full text (UTF-8 file).")
@click.option("--en", "text_en", type=_TEXT_FILE, required=True, help="English full text (UTF-8 file).")
@click.option("--summary-fr", type=_TEXT_FILE, required=True, help="French desk summary (UTF-8 file).")
@click.option("--summary-en", type=_TEXT_FILE, required=True, help="English desk summary (UTF-8 file).")
@click.option("--user", "username", metavar="NAME", required=True, help="Manager or privacy officer.")
@click.pass_obj
def policy_publish(
    app: AppContext,
    effective: date,
    text_fr: Path,
    text_en: Path,
    summary_fr: Path,
    summary_en: Path,
    username: str,
) -> None:
    """Publish a new version of the privacy policy, in force from --effective (today or later).

    The full texts and the desk summaries are read as UTF-8 from the four files. Once published a
    version never changes; the same effective date cannot be published twice. Standard input holds
    the password of the --user signing in."""
    draft = PolicyDraft(
        effective,
        read_text_file(text_fr),
        read_text_file(text_en),
        read_text_file(summary_fr),
        read_text_file(summary_en),
    )
    actor = app.sign_in(username)
    records = _call(lambda: app.services().policies.publish(actor, draft))
    click.echo(f"published {records[0].version}, in force from {records[0].effective_date.isoformat()}")
    for record in records:
        click.echo(f"  {record.language.value}  text {record.sha256}  summary {record.summary_sha256}")


def _status(record: PolicyVersionRecord, in_force: set[int], today: str) -> str:
    if record.id in in_force:
        return "in force"
    return "scheduled" if record.effective_date.isoformat() > today else "superseded"


def _in_force(app: AppContext, actor: Actor) -> set[int]:
    """The versions clients are asked to sign today, whatever their language (none before any is loaded)."""
    found = set()
    for language in Language:
        try:
            found.add(app.services().policies.current(actor, language).id)
        except FrontDeskError as failure:
            if failure.code != "no_policy":
                fail(failure)
    return found


@policy.command("list")
@click.option(
    "--user",
    "username",
    metavar="NAME",
    help="Staff member who signs in; required once the database has an account.",
)
@click.pass_obj
def policy_list(app: AppContext, username: str | None) -> None:
    """List every version and language: version, effective date, language, status, SHA-256 of the
    full text, SHA-256 of the desk summary.

    Standard input holds the password of the --user signing in."""
    services = app.services()
    if username is None:
        if _call(services.staff.has_accounts):
            fail(SignInRequiredError())
        click.echo("no accounts yet: frontdesk user add NAME --role manager")
        return
    actor = app.sign_in(username)
    records = _call(lambda: services.policies.versions(actor))
    if not records:
        click.echo("no policy version published yet")
        return
    in_force = _in_force(app, actor)
    today = services.clock.today().isoformat()
    click.echo(f"{'VERSION':<12} {'EFFECTIVE':<10} LANG {'STATUS':<10} {'SHA-256':<64} SUMMARY SHA-256")
    for record in records:
        click.echo(
            f"{record.version:<12} {record.effective_date.isoformat():<10} {record.language.value:<4} "
            f"{_status(record, in_force, today):<10} {record.sha256:<64} {record.summary_sha256 or '-'}"
        )
