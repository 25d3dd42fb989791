"""``frontdesk retention review|anonymise|hold|lift``: the retention rule from the command line, by the
same RetentionService as the privacy officer's window. ``review`` lists the files past the clinic's rule
(``--csv FILE`` writes them, owner-only); ``anonymise`` replaces a file's identity by a placeholder and
cannot be undone, so it asks for ``--yes``; ``hold`` and ``lift`` place and lift a legal hold. Every
command signs in with ``--user NAME`` (its password at the prompt or on standard input)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click

from desktop.cli.context import AppContext, fail, language, write_private
from desktop.cli.params import OutputFile
from desktop.domain.errors import FrontDeskError, NotFoundError
from desktop.domain.messages import Subjects
from desktop.domain.records import Actor
from desktop.domain.retention import RetentionReview, rule_words
from desktop.domain.texts import Text
from desktop.reports.csv_safe import csv_bytes
from desktop.services import Services

__all__ = ["retention"]

T = TypeVar("T")
_USER = click.option(
    "--user", "username", metavar="NAME", required=True, help="Staff username to sign in with."
)


class _Words:
    """The commands' words, French first."""

    summary = Text(
        "{total} dossier(s) à revoir ({rule}) ; écartés : {held} en "
        "conservation pour motif juridique, {opt_out} avec un retrait non traité, {access} avec une demande "
        "d'accès sans réponse.",
        "{total} file(s) to review ({rule}); left out: {held} under a legal "
        "hold, {opt_out} with an opt-out not processed, {access} with an access request not answered.",
    )
    shown = Text("{shown} affiché(s), les plus anciens d'abord.", "{shown} shown, the oldest first.")
    written = Text("{count} dossier(s) écrit(s) dans {path}.", "{count} file(s) written to {path}.")
    header = Text(
        "Dossier|Nom|Naissance|Dernier contact|À revoir depuis",
        "File|Name|Born|Last contact|Due for review since",
    )
    confirm_needed = Text(
        "L'anonymisation du dossier {number} ne peut pas être défaite : relancez la commande avec --yes "
        "pour la confirmer.",
        "Anonymising file {number} cannot be undone: run the command again with --yes to confirm it.",
    )
    anonymised = Text(
        "Dossier {number} anonymisé ({rule} ; dernier contact le {last}) : données personnelles effacées "
        "de {rows} enregistrement(s) de preuve, {documents} document(s) retiré(s) (leur empreinte gardée).",
        "File {number} anonymised ({rule}; last contact on {last}): personal data erased from {rows} "
        "evidence record(s), "
        "{documents} document(s) removed (their hash kept).",
    )
    placed = Text(
        "Conservation pour motif juridique placée sur le dossier {number}.",
        "Legal hold placed on file {number}.",
    )
    lifted = Text(
        "Conservation pour motif juridique levée du dossier {number}.",
        "Legal hold lifted from file {number}.",
    )


def _call(action: Callable[[], T]) -> T:
    try:
        return action()
    except FrontDeskError as failure:
        fail(failure)


def _client_id(services: Services, actor: Actor, file_number: str) -> int:
    wanted = file_number.strip()
    if not wanted:
        fail(NotFoundError(what=Subjects.file.filled(number="")))
    found = _call(lambda: services.clients.summaries_by_file_number(actor, [wanted, wanted.zfill(6)]))
    summary = found.get(wanted) or found.get(wanted.zfill(6))
    if summary is None:
        fail(NotFoundError(what=Subjects.file.filled(number=wanted[:16])))
    return summary.id


def _rows(review: RetentionReview) -> list[list[str]]:
    return [
        [
            c.file_number,
            c.name,
            c.date_of_birth.isoformat(),
            c.last_contact_on.isoformat(),
            c.review_due_on.isoformat(),
        ]
        for c in review.candidates
    ]


@click.group("retention")
def retention() -> None:
    """The retention rule: the review of the files past it, legal holds, anonymisation."""


@retention.command("review")
@click.option(
    "--csv",
    "csv_path",
    type=OutputFile(),
    help="Write the files to review to this CSV file (owner-only).",
)
@click.option(
    "--limit", type=click.IntRange(1, 100_000), default=500, show_default=True, help="Files listed at most."
)
@_USER
@click.pass_obj
def review(app: AppContext, csv_path: Path | None, limit: int, username: str) -> None:
    """List the files past the clinic's retention rule, the oldest last contact first."""
    actor = app.sign_in(username)
    services = app.services()
    found = _call(lambda: services.retention.review(actor, limit=limit))
    lang = language()
    rows = _rows(found)
    click.echo(
        _Words.summary.format(
            lang,
            total=found.total,
            rule=rule_words(found.retention_years, lang.value),
            held=found.held,
            opt_out=found.pending_opt_out,
            access=found.open_access_request,
        )
    )
    if csv_path is not None:
        write_private(csv_path, csv_bytes([_Words.header.get(lang).split("|"), *rows]))
        click.echo(_Words.written.format(lang, count=len(rows), path=str(csv_path)))
        return
    for row in rows:
        click.echo("  ".join(row))
    if rows:
        click.echo(_Words.shown.format(lang, shown=len(rows)))


@retention.command("anonymise")
@click.argument("file_number")
@click.option("--yes", is_flag=True, help="Confirm: an anonymisation cannot be undone.")
@_USER
@click.pass_obj
def anonymise(app: AppContext, file_number: str, yes: bool, username: str) -> None:
    """Replace a file's identity by a placeholder and erase its evidence's personal fields (asks --yes)."""
    lang = language()
    actor = app.sign_in(username)
    services = app.services()
    client_id = _client_id(services, actor, file_number)
    if not yes:  # refused (status 1) once the file is known to exist, so the message names it rightly
        raise click.ClickException(_Words.confirm_needed.format(lang, number=file_number.strip()[:16]))
    done = _call(lambda: services.retention.anonymise(actor, client_id))
    click.echo(
        _Words.anonymised.format(
            lang,
            number=done.file_number,
            rule=rule_words(done.retention_years, lang.value),
            last=done.last_contact_on.isoformat(),
            rows=done.erased_rows,
            documents=done.documents_removed,
        )
    )


def _hold_command(name: str, place: bool) -> click.Command:
    @click.argument("file_number")
    @click.option("--reason", required=True, help="Why (a court order, a claim, its end...).")
    @_USER
    @click.pass_obj
    def command(app: AppContext, file_number: str, reason: str, username: str) -> None:
        actor = app.sign_in(username)
        services = app.services()
        client_id = _client_id(services, actor, file_number)
        if place:
            held = _call(lambda: services.retention.place_hold(actor, client_id, reason))
        else:
            held = _call(lambda: services.retention.lift_hold(actor, client_id, reason))
        click.echo((_Words.placed if place else _Words.lifted).format(language(), number=held.file_number))

    command.__doc__ = (
        "Place a legal hold on a file: it stays out of the review and cannot be anonymised."
        if place
        else "Lift a file's legal hold."
    )
    return retention.command(name)(command)


hold = _hold_command("hold", True)
lift = _hold_command("lift", False)
