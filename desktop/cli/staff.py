"""``frontdesk user add|list|reset-password|deactivate|reactivate``: staff accounts from the command line.

Once the database has an account, every command signs in a manager or privacy officer (``--user``) and
calls the same StaffService methods as the GUI's staff window, so the role rules and the audit are the
same. A new database gets its first account, a manager, from ``frontdesk setup``.
``reset-password --recovery`` is the way back in when the last manager's password is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import click

from desktop.cli.context import AppContext, fail, read_password
from desktop.domain.enums import Role
from desktop.domain.errors import ConflictError, FrontDeskError, NotFoundError, SignInRequiredError
from desktop.domain.messages import Subjects
from desktop.domain.records import Actor, StaffRecord
from desktop.workstation import workstation_name

T = TypeVar("T")

_SIGNER = click.option(
    "--user",
    "signer",
    metavar="NAME",
    help="Manager or privacy officer who signs in; required once the database has an account.",
)


def _call(action: Callable[[], T]) -> T:
    """A service call; its refusal is printed in the person's language, with a non-zero exit status."""
    try:
        return action()
    except FrontDeskError as failure:
        fail(failure)


def _new_password(username: str) -> str:
    return read_password(f"New password for {username} / Nouveau mot de passe de {username}", confirm=True)


def _sign_in(app: AppContext, signer: str | None) -> tuple[Actor | None, list[StaffRecord]]:
    """The signed-in manager or privacy officer and the accounts; (None, []) on an empty database
    without ``--user``. A receptionist is refused by the service (and the refusal audited)."""
    services = app.services()
    if signer is None:
        if _call(services.staff.has_accounts):
            fail(SignInRequiredError())
        return None, []
    actor = app.sign_in(signer)
    return actor, _call(lambda: services.staff.list(actor))


def _target(app: AppContext, signer: str | None, username: str) -> tuple[Actor, StaffRecord]:
    actor, records = _sign_in(app, signer)
    wanted = username.strip().lower()
    record = next((r for r in records if r.username == wanted), None)
    if actor is None or record is None:
        fail(NotFoundError(what=Subjects.account.filled(username=wanted)))
    return actor, record


@click.group()
def user() -> None:
    """Staff accounts.

    Once the database has an account, every command needs --user NAME, a manager or privacy officer
    who signs in. Passwords are asked for at a prompt; a script gives them on standard input, one per
    line: first the password of the --user signing in, then the new password (add, reset-password)."""


@user.command("add")
@click.argument("username")
@click.option("--role", type=click.Choice([r.value for r in Role]), required=True)
@click.option("--full-name", default=None, help="Defaults to the username.")
@_SIGNER
@click.pass_obj
def user_add(app: AppContext, username: str, role: str, full_name: str | None, signer: str | None) -> None:
    """Create a staff account.

    A new database gets its first account from ``frontdesk setup``. On a set-up database without
    accounts the first account is created without sign-in and must be a manager;
    standard input then holds only its password. Afterwards --user NAME is required, and standard
    input holds NAME's password, then the new account's password. Only a privacy officer creates a
    privacy-officer account."""
    actor, _ = _sign_in(app, signer)
    services = app.services()
    if actor is None:
        if services.setup.needed():
            fail(FrontDeskError("not_set_up"))
        if Role(role) != Role.MANAGER:
            fail(ConflictError("first_account_manager"))
        password = _new_password(username)
        record = _call(
            lambda: services.staff.create_first_manager(
                workstation_name(), username, full_name or username, password
            )
        )
    else:
        password = _new_password(username)
        record = _call(
            lambda: services.staff.create(actor, username, full_name or username, Role(role), password)
        )
    click.echo(f"created {record.username} ({record.role.value})")


@user.command("list")
@_SIGNER
@click.pass_obj
def user_list(app: AppContext, signer: str | None) -> None:
    """List the accounts: username, role, active or disabled, full name.

    Standard input holds the password of the --user signing in."""
    actor, records = _sign_in(app, signer)
    if actor is None:
        click.echo("no accounts yet: frontdesk user add NAME --role manager")
        return
    for record in records:
        state = "active" if record.active else "disabled"
        click.echo(f"{record.username:<24} {record.role.value:<16} {state:<9} {record.full_name}")


@user.command("reset-password")
@click.argument("username")
@_SIGNER
@click.option(
    "--recovery",
    is_flag=True,
    help="The last manager's password is lost: reset a manager's or privacy officer's password without "
    "sign-in, for whoever can open the database directly. Audited.",
)
@click.pass_obj
def user_reset_password(app: AppContext, username: str, signer: str | None, recovery: bool) -> None:
    """Give USERNAME a new password and lift any lock-out.

    With --user NAME, standard input holds NAME's password, then the new password. Only a privacy
    officer resets a privacy officer's password.

    With --recovery, nobody signs in: it works only for someone who can open the database directly
    (SQLite: can read and write the database file; PostgreSQL: the URL's role owns the database or is
    a superuser), only for manager and privacy-officer accounts, and is audited as
    staff.password_recovery. Standard input then holds only the new password."""
    services = app.services()
    if recovery:
        if signer is not None:
            raise click.UsageError("--recovery signs nobody in: leave out --user.")
        password = _new_password(username)
        record = _call(lambda: services.staff.recover_password(workstation_name(), username, password))
        click.echo(f"password recovered for {record.username} ({record.role.value}), audited")
        return
    actor, target = _target(app, signer, username)
    password = _new_password(target.username)
    _call(lambda: services.staff.reset_password(actor, target.id, password))
    click.echo(f"password reset for {target.username}")


def _set_active(app: AppContext, signer: str | None, username: str, active: bool) -> None:
    actor, target = _target(app, signer, username)
    record = _call(lambda: app.services().staff.set_active(actor, target.id, active))
    click.echo(f"{'reactivated' if record.active else 'deactivated'} {record.username}")


@user.command("deactivate")
@click.argument("username")
@_SIGNER
@click.pass_obj
def user_deactivate(app: AppContext, username: str, signer: str | None) -> None:
    """Disable USERNAME: it can no longer sign in. The last active manager stays active.

    Standard input holds the password of the --user signing in."""
    _set_active(app, signer, username, False)


@user.command("reactivate")
@click.argument("username")
@_SIGNER
@click.pass_obj
def user_reactivate(app: AppContext, username: str, signer: str | None) -> None:
    """Enable USERNAME again. Only a privacy officer reactivates a privacy officer.

    Standard input holds the password of the --user signing in."""
    _set_active(app, signer, username, True)
