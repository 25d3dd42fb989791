"""``frontdesk disclosures record|list``: the disclosure register from the command line, by the same
DisclosureService as the register's window (a manager or the privacy officer). ``record`` consigns one
disclosure for the clients named by file number (``--client`` repeated); ``list`` prints the entries of a
period, or writes the register as CSV (``--csv FILE``, the report's file, audited as a report). Every
command signs in with ``--user NAME`` (its password at the prompt or on standard input)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

import click

from desktop.cli.context import AppContext, fail, language, write_private
from desktop.cli.params import Day, OutputFile
from desktop.domain.disclosure_messages import MEANS_LABELS, RECIPIENT_LABELS
from desktop.domain.disclosures import OLDEST_DISCLOSURE, DisclosureDraft, DisclosureRecord
from desktop.domain.errors import FrontDeskError, NotFoundError
from desktop.domain.file_numbers import FILE_NUMBER_DIGITS
from desktop.domain.messages import Subjects
from desktop.domain.register_enums import DisclosureMeans, DisclosureRecipient
from desktop.domain.texts import Text
from desktop.reports.base import LATEST_DAY, OLDEST_DAY, ReportKind
from desktop.reports.render import ReportFormat

__all__ = ["disclosures"]

T = TypeVar("T")
_USER = click.option(
    "--user", "username", metavar="NAME", required=True, help="Staff username to sign in with."
)
_PERIOD_DAY = Day(OLDEST_DAY, LATEST_DAY)


class _Said:
    """The words of the commands, French first."""

    recorded = Text(
        "Communication n° {id} consignée pour {count} dossier(s).",
        "Disclosure no. {id} recorded for {count} file(s).",
    )
    none = Text("Aucune communication pendant la période.", "No disclosure in the period.")
    written = Text(
        "{count} communication(s), écrites dans {path}", "{count} disclosure(s), written to {path}"
    )
    corrected_by = Text("corrigée par le n° {id}", "corrected by no. {id}")
    corrects = Text("corrige le n° {id}", "corrects no. {id}")


def _call(action: Callable[[], T]) -> T:
    try:
        return action()
    except FrontDeskError as failure:
        fail(failure)


def _line(entry: DisclosureRecord) -> str:
    lang = language()
    kind = RECIPIENT_LABELS[entry.recipient_kind].get(lang)
    parts = [
        f"#{entry.id}",
        entry.disclosed_on.isoformat(),
        f"{kind} — {entry.recipient_name}" if entry.recipient_name else kind,
        MEANS_LABELS[entry.means].get(lang),
        ", ".join(entry.file_numbers),
    ]
    if entry.corrects_id is not None:
        parts.append(_Said.corrects.format(lang, id=entry.corrects_id))
    if entry.corrected_by_id is not None:
        parts.append(_Said.corrected_by.format(lang, id=entry.corrected_by_id))
    return "  ".join(parts)


@click.group("disclosures")
def disclosures() -> None:
    """The disclosure register: personal information communicated outside the clinic."""


@disclosures.command("record")
@click.option(
    "--date",
    "disclosed_on",
    type=Day(OLDEST_DISCLOSURE, LATEST_DAY),
    required=True,
    help="The day the information was communicated.",
)
@click.option(
    "--recipient",
    type=click.Choice([r.value for r in DisclosureRecipient]),
    required=True,
    help="Who received it.",
)
@click.option(
    "--recipient-name",
    default="",
    help="Which court, police service, order or person (not needed for the parent organisation).",
)
@click.option(
    "--basis", "legal_basis", required=True, help="The legal basis (the law, the order, the warrant)."
)
@click.option("--information", required=True, help="What information was communicated.")
@click.option("--authorised-by", required=True, help="Who authorised the disclosure.")
@click.option(
    "--means", type=click.Choice([m.value for m in DisclosureMeans]), required=True, help="How it was sent."
)
@click.option(
    "--client", "file_numbers", multiple=True, required=True, help="A client's file number (repeat for each)."
)
@click.option("--note", default="", help="Anything else worth keeping with the entry.")
@_USER
@click.pass_obj
def record_disclosure(
    app: AppContext,
    disclosed_on: date,
    recipient: str,
    recipient_name: str,
    legal_basis: str,
    information: str,
    authorised_by: str,
    means: str,
    file_numbers: tuple[str, ...],
    note: str,
    username: str,
) -> None:
    """Record one disclosure of the named clients' information."""
    actor = app.sign_in(username)
    services = app.services()
    wanted = [n.strip()[:32] for n in file_numbers]
    padded = {n: n.zfill(FILE_NUMBER_DIGITS) if n.isdigit() else n for n in wanted}
    found = _call(lambda: services.clients.summaries_by_file_number(actor, sorted(set(padded.values()))))
    client_ids = []
    for number in wanted:
        summary = found.get(padded[number])
        if summary is None:
            fail(NotFoundError(what=Subjects.file.filled(number=number[:16])))
        client_ids.append(summary.id)
    draft = DisclosureDraft(
        disclosed_on,
        DisclosureRecipient(recipient),
        recipient_name,
        legal_basis,
        information,
        authorised_by,
        DisclosureMeans(means),
        tuple(client_ids),
        note,
    )
    saved = _call(lambda: services.disclosures.record(actor, draft))
    click.echo(_Said.recorded.format(language(), id=saved.id, count=len(saved.client_ids)))


@disclosures.command("list")
@click.option("--from", "start", type=_PERIOD_DAY, required=True, help="First day, YYYY-MM-DD or DD/MM/YYYY.")
@click.option("--to", "end", type=_PERIOD_DAY, required=True, help="Last day (included).")
@click.option(
    "--csv", "csv_path", type=OutputFile(), help="Write the register of the period to this CSV file."
)
@_USER
@click.pass_obj
def list_disclosures(app: AppContext, start: date, end: date, csv_path: Path | None, username: str) -> None:
    """The disclosures of a period, oldest first (or the register as CSV with --csv)."""
    actor = app.sign_in(username)
    services = app.services()
    lang = language()
    if csv_path is not None:
        rendered = _call(
            lambda: services.reports.render(
                actor, ReportKind.DISCLOSURE_REGISTER, start, end, ReportFormat.CSV, lang
            )
        )
        write_private(csv_path, rendered.data)
        click.echo(_Said.written.format(lang, count=rendered.row_count, path=csv_path))
        return
    entries = _call(lambda: services.disclosures.register(actor, start, end))
    if not entries:
        click.echo(_Said.none.get(lang))
    for entry in entries:
        click.echo(_line(entry))
