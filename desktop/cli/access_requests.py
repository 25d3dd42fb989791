"""``frontdesk access-requests log|list|overdue``: access and rectification requests from the command
line, by the same AccessRequestService as the privacy officer's window. ``log`` records a request as
received (a receptionist may); ``list`` and ``overdue`` are the privacy officer's. ``overdue`` is for a
scheduled job: it lists the open requests past their 30-day due date and exits with status 1 when there
are some. Every command signs in with ``--user NAME`` (its password at the prompt or on standard input)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

import click

from desktop.cli.context import AppContext, fail, language
from desktop.cli.params import Day
from desktop.domain.access_request_messages import AccessRequestTexts
from desktop.domain.access_requests import OLDEST_RECEIVED, AccessRequestDraft, AccessRequestRecord
from desktop.domain.errors import FrontDeskError, NotFoundError
from desktop.domain.file_numbers import format_file_number
from desktop.domain.messages import Subjects
from desktop.domain.register_enums import AccessRequestChannel, AccessRequestKind
from desktop.domain.texts import Text

__all__ = ["access_requests"]

T = TypeVar("T")
_USER = click.option(
    "--user", "username", metavar="NAME", required=True, help="Staff username to sign in with."
)


class _Listing:
    """The words of the listings, French first."""

    none_open = Text("Aucune demande ouverte.", "No open request.")
    none = Text("Aucune demande.", "No request.")
    none_overdue = Text("Aucune demande en retard.", "No overdue request.")
    overdue_count = Text(
        "{count} demande(s) en retard (plus de 30 jours sans réponse) :",
        "{count} overdue request(s) (over 30 days without an answer):",
    )
    due = Text("échéance {date}", "due {date}")
    days_left = Text("{days} j restant(s)", "{days} day(s) left")
    days_late = Text("{days} j de retard", "{days} day(s) late")
    unmatched = Text("dossier non associé", "no file matched")
    logged = Text(
        "Demande {id} consignée : à répondre au plus tard le {date}.",
        "Request {id} logged: to be answered by {date}.",
    )


def _call(action: Callable[[], T]) -> T:
    try:
        return action()
    except FrontDeskError as failure:
        fail(failure)


def _word(value: str) -> str:
    text = getattr(AccessRequestTexts, value, None)
    return text.get(language()) if isinstance(text, Text) else value


def _line(record: AccessRequestRecord, today: date) -> str:
    lang = language()
    left = record.days_left(today)
    if not record.is_open:
        state = _word(record.status.value)
    elif record.overdue_on(today):
        state = f"{_word('overdue')} · {_Listing.days_late.format(lang, days=-left)}"
    else:
        state = _Listing.days_left.format(lang, days=left)
    return "  ".join(
        (
            f"#{record.id}",
            record.received_on.isoformat(),
            _word(record.kind.value),
            _word(record.channel.value),
            record.file_number or _Listing.unmatched.get(lang),
            _Listing.due.format(lang, date=record.due_on.isoformat()),
            state,
        )
    )


@click.group("access-requests")
def access_requests() -> None:
    """Access and rectification requests: due 30 calendar days after receipt."""


@access_requests.command("log")
@click.option(
    "--kind", type=click.Choice([k.value for k in AccessRequestKind]), required=True, help="What is asked."
)
@click.option(
    "--channel",
    type=click.Choice([c.value for c in AccessRequestChannel]),
    required=True,
    help="How the request was received.",
)
@click.option("--name", "requester_name", required=True, help="The requester's name, as given.")
@click.option("--contact", default="", help="How to reach the requester (phone, email, address).")
@click.option("--note", default="", help="What the request says, briefly.")
@click.option(
    "--received",
    type=Day(OLDEST_RECEIVED, date(2100, 12, 31)),
    help="The day it was received (default: today).",
)
@click.option(
    "--client", "file_number", default="", help="The file number of the client concerned, if known."
)
@_USER
@click.pass_obj
def log_request(
    app: AppContext,
    kind: str,
    channel: str,
    requester_name: str,
    contact: str,
    note: str,
    received: date | None,
    file_number: str,
    username: str,
) -> None:
    """Record a request as received; it is due 30 calendar days later."""
    actor = app.sign_in(username)
    services = app.services()
    client_id: int | None = None
    if file_number.strip():
        wanted = file_number.strip()[:32]  # longer is no file number (nor an integer Python reads)
        padded = format_file_number(int(wanted)) if wanted.isascii() and wanted.isdigit() else wanted
        found = _call(lambda: services.clients.summaries_by_file_number(actor, [wanted, padded]))
        summary = found.get(wanted) or found.get(padded)
        if summary is None:
            fail(NotFoundError(what=Subjects.file.filled(number=wanted)))
        client_id = summary.id
    draft = AccessRequestDraft(
        AccessRequestKind(kind),
        AccessRequestChannel(channel),
        received or services.clock.today(),
        requester_name,
        contact,
        note,
        client_id,
    )
    record = _call(lambda: services.access_requests.log(actor, draft))
    click.echo(_Listing.logged.format(language(), id=record.id, date=record.due_on.isoformat()))


@access_requests.command("list")
@click.option("--open", "only_open", is_flag=True, help="Only the requests not yet answered or refused.")
@_USER
@click.pass_obj
def list_requests(app: AppContext, only_open: bool, username: str) -> None:
    """The requests, the most urgent first (--open), else every one in order of receipt."""
    actor = app.sign_in(username)
    services = app.services()
    today = services.clock.today()
    if only_open:
        records = _call(lambda: services.access_requests.open_requests(actor))
    else:
        records = _call(lambda: services.access_requests.register(actor, OLDEST_RECEIVED, today))
    if not records:
        click.echo((_Listing.none_open if only_open else _Listing.none).get(language()))
    for record in records:
        click.echo(_line(record, today))


@access_requests.command("overdue")
@_USER
@click.pass_obj
def overdue_requests(app: AppContext, username: str) -> None:
    """List the open requests past their due date; exit status 1 when there are some (for a scheduled
    job), 0 when none."""
    actor = app.sign_in(username)
    services = app.services()
    today = services.clock.today()
    records = _call(lambda: services.access_requests.overdue(actor))
    if not records:
        click.echo(_Listing.none_overdue.get(language()))
        return
    click.echo(_Listing.overdue_count.format(language(), count=len(records)))
    for record in records:
        click.echo(_line(record, today))
    raise SystemExit(1)
