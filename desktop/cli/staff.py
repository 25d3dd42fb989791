"""``frontdesk user add``: staff accounts from the command line."""

from __future__ import annotations

import click

from desktop.cli.context import AppContext, fail, read_password
from desktop.domain.enums import Role
from desktop.domain.errors import FrontDeskError
from desktop.services.unit_of_work import system_actor
from desktop.workstation import workstation_name


@click.group()
def user() -> None:
    """Staff accounts."""


@user.command("add")
@click.argument("username")
@click.option("--role", type=click.Choice([r.value for r in Role]), required=True)
@click.option("--full-name", default=None, help="Defaults to the username.")
@click.pass_obj
def user_add(app: AppContext, username: str, role: str, full_name: str | None) -> None:
    """Create a staff account. The password is asked for, or read from standard input."""
    services = app.services()
    password = read_password("Password / Mot de passe", confirm=True)
    try:
        record = services.staff.create(
            system_actor(workstation_name()), username, full_name or username, Role(role), password
        )
    except FrontDeskError as failure:
        fail(failure)
    click.echo(f"created {record.username} ({record.role.value})")
