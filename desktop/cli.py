"""The ``frontdesk`` command line: a thin client of the same services as the GUI."""

from __future__ import annotations

import sys
from collections.abc import Callable

import click

from desktop.app import open_services, resolve_database_url, workstation_name
from desktop.cli_maintenance import add_maintenance_commands
from desktop.domain.enums import Language, Role
from desktop.domain.errors import DatabaseCorruptError, FrontDeskError
from desktop.logging_setup import configure_logging
from desktop.services import Services
from desktop.services.unit_of_work import system_actor

#: Set by the GUI package when it starts the program; bare ``frontdesk`` then opens the window.
GuiLauncher = Callable[[click.Context], int]
_gui_launcher: GuiLauncher | None = None


def _language() -> Language:
    import locale

    lang = (locale.getlocale()[0] or "fr").lower()
    return Language.EN if lang.startswith("en") else Language.FR


def _fail(error: FrontDeskError) -> None:
    raise click.ClickException(error.message(_language()))


def read_password(prompt: str, *, confirm: bool) -> str:
    """From a prompt on a terminal, or the first line of standard input for scripts and scheduled jobs."""
    if sys.stdin is not None and not sys.stdin.isatty():
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    return click.prompt(prompt, hide_input=True, confirmation_prompt=confirm)


class AppContext:
    def __init__(self, database: str | None) -> None:
        self.database = database
        self._services: Services | None = None

    @property
    def url(self) -> str:
        return resolve_database_url(self.database)

    def services(self) -> Services:
        """Raises DatabaseCorruptError for an unreadable database: the CLI prints its way out and exits 2,
        the GUI shows it in a dialog."""
        if self._services is None:
            self._services = open_services(self.url)
        return self._services

    def close(self) -> None:
        if self._services is not None:
            self._services.close()


class FrontDeskGroup(click.Group):
    def invoke(self, ctx: click.Context):  # type: ignore[no-untyped-def]
        try:
            return super().invoke(ctx)
        except DatabaseCorruptError as error:
            click.echo(error.message(_language()), err=True)
            ctx.exit(2)


@click.group(cls=FrontDeskGroup, invoke_without_command=True)
@click.option(
    "--database", metavar="URL", help="Database URL (default: FRONTDESK_DATABASE_URL, else the local file)."
)
@click.option("--demo", is_flag=True, help="Open a throwaway demo database with demo accounts.")
@click.option(
    "--screenshot",
    metavar="FILE.png",
    type=click.Path(dir_okay=False),
    help="With --demo: save the main window to FILE.png and exit.",
)
@click.pass_context
def cli(ctx: click.Context, database: str | None, demo: bool, screenshot: str | None) -> None:
    """FrontDesk: client files, privacy consent and opt-outs for the clinic's front desk."""
    configure_logging()
    ctx.obj = AppContext(database)
    ctx.call_on_close(ctx.obj.close)
    if ctx.invoked_subcommand is not None:
        return
    launcher = _gui_launcher
    if launcher is None:
        raise click.UsageError("the GUI is not installed; use a subcommand (see --help)")
    ctx.exit(launcher(ctx))


@cli.group()
def db() -> None:
    """Database maintenance."""


@db.command("upgrade")
@click.pass_obj
def db_upgrade(app: AppContext) -> None:
    """Bring the database schema to the newest version (a SQLite file is copied aside first)."""
    from desktop.db.migrate import current_revision

    services = app.services()
    click.echo(f"{services.database_label}: schema at {current_revision(services.db.engine)}")


add_maintenance_commands(db)


@cli.group()
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
    except FrontDeskError as error:
        _fail(error)
    click.echo(f"created {record.username} ({record.role.value})")


@cli.command("demo-data")
@click.option("--clients", type=click.IntRange(1, 1_000_000), default=1000, show_default=True)
@click.option("--seed", type=int, default=2020, show_default=True)
@click.pass_obj
def demo_data(app: AppContext, clients: int, seed: int) -> None:
    """Fill the database with realistic demo clients, consents, appointments and opt-outs."""
    from desktop.demo import DEMO_ACCOUNTS, populate

    added = populate(app.services(), clients, seed=seed, workstation=workstation_name())
    click.echo(f"added {added} demo clients")
    for account in DEMO_ACCOUNTS:
        click.echo(f"  demo account {account.username} / {account.password} ({account.role.value})")


def main(argv: list[str] | None = None, gui_launcher: GuiLauncher | None = None) -> int:
    global _gui_launcher
    _gui_launcher = gui_launcher
    try:
        cli.main(args=argv, prog_name="frontdesk", standalone_mode=True)
    except SystemExit as done:
        return int(done.code or 0)
    return 0


from desktop import cli_documents  # noqa: E402,F401  (registers acknowledgment, report and export)
