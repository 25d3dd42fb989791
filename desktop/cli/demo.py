"""``frontdesk demo-data``: made-up clients for demonstrations and benchmarks."""

from __future__ import annotations

import click

from desktop.app import add_demo_data
from desktop.cli.context import AppContext
from desktop.demo_accounts import DEMO_ACCOUNTS


@click.command("demo-data")
@click.option("--clients", type=click.IntRange(1, 1_000_000), default=1000, show_default=True)
@click.option("--seed", type=int, default=2020, show_default=True)
@click.pass_obj
def demo_data(app: AppContext, clients: int, seed: int) -> None:
    """Fill the database with realistic demo clients, consents, appointments and opt-outs."""
    added = add_demo_data(app.services(), clients, seed=seed)
    click.echo(f"added {added} demo clients")
    for account in DEMO_ACCOUNTS:
        click.echo(f"  demo account {account.username} / {account.password} ({account.role.value})")
