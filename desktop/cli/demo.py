"""``frontdesk demo-data``: made-up clients for demonstrations and benchmarks, kept apart from people's
records. A database holding any record the demo did not make is refused, unless ``--into-existing`` is
given and confirmed (at the prompt, or ``--yes`` for scripts); the demo's accounts, with their printed
passwords, are made only where no person has an account."""

from __future__ import annotations

import click

from desktop.app import add_demo_data, demo_survey
from desktop.cli.context import AppContext, fail, language
from desktop.demo_accounts import DEMO_ACCOUNTS
from desktop.domain.errors import FrontDeskError
from desktop.domain.texts import Text


class DemoText:
    """What ``demo-data`` says before it adds to a database holding people's records."""

    into_existing = Text(
        "Cette base de données contient des enregistrements qui ne viennent pas de la démo : "
        "{clients} dossiers clients, {accounts} comptes et {others} autres.",
        "This database holds records the demo did not make: {clients} client files, {accounts} accounts "
        "and {others} others.",
    )
    no_demo_accounts = Text(
        "Aucun compte de démo n'y sera créé, puisque des personnes y ont un compte : les dossiers de démo "
        "seront inscrits au nom du compte « {author} ».",
        "No demo account will be created, since people have accounts there: the demo files will be "
        "entered under the account “{author}”.",
    )
    confirm = Text(
        "Y ajouter {count} dossiers clients de démo, marqués comme tels ?",
        "Add {count} demo client files to it, marked as demo?",
    )


@click.command("demo-data")
@click.option("--clients", type=click.IntRange(1, 1_000_000), default=1000, show_default=True)
@click.option("--seed", type=int, default=2020, show_default=True)
@click.option(
    "--into-existing",
    is_flag=True,
    help="Add to a database that holds records the demo did not make (asks for confirmation).",
)
@click.option("--yes", is_flag=True, help="Confirm --into-existing without a prompt (scripts).")
@click.pass_obj
def demo_data(app: AppContext, clients: int, seed: int, into_existing: bool, yes: bool) -> None:
    """Fill the database with realistic demo clients, consents, appointments and opt-outs, marked as demo."""
    lang = language()
    services = app.services()
    found = demo_survey(services)
    if found.holds_real_records:
        if not into_existing:
            fail(found.refusal())
        click.echo(
            DemoText.into_existing.format(
                lang, clients=found.clients, accounts=found.accounts, others=found.others
            )
        )
        if not found.creates_demo_accounts and found.author not in found.demo_accounts:
            click.echo(DemoText.no_demo_accounts.format(lang, author=found.author))
        if not yes and not _confirmed(DemoText.confirm.format(lang, count=clients)):
            fail(FrontDeskError("demo_not_confirmed"))
    try:
        added = add_demo_data(services, clients, seed=seed, into_existing=into_existing)
    except FrontDeskError as failure:  # people's records appeared since the survey
        fail(failure)
    # Status lines in English, like the other commands' (scripts read them); what asks or refuses is in
    # the person's language.
    click.echo(f"added {added} demo clients")
    present = set(demo_survey(services).demo_accounts)
    for account in DEMO_ACCOUNTS:
        if account.username in present:
            click.echo(f"  demo account {account.username} / {account.password} ({account.role.value})")
    if not present:
        click.echo(f"  no demo account created (people have accounts): entered under {found.author}")


def _confirmed(question: str) -> bool:
    """The person's answer; no answer (end of input in a script) is a no."""
    try:
        return bool(click.confirm(question, default=False))
    except click.Abort:
        return False
