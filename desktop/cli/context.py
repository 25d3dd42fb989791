"""What every ``frontdesk`` command shares: the chosen database and its services, signing in as a
staff member, reading a password, writing a private file, and printing an error in the person's
language. Command modules import this, never one another."""

from __future__ import annotations

import locale
import os
import sys
from pathlib import Path
from typing import NoReturn

import click

from desktop.app import open_services, resolve_database_url
from desktop.domain.enums import Language
from desktop.domain.errors import DatabaseCorruptError, FrontDeskError
from desktop.domain.records import Actor
from desktop.services import Services
from desktop.settings import load_settings
from desktop.workstation import workstation_name


def language() -> Language:
    """The terminal's language for messages: English when the locale says so, else French."""
    lang = (locale.getlocale()[0] or "fr").lower()
    return Language.EN if lang.startswith("en") else Language.FR


def error(failure: FrontDeskError) -> click.ClickException:
    return click.ClickException(failure.message(language()))


def fail(failure: FrontDeskError) -> NoReturn:
    raise error(failure) from None


def read_password(prompt: str, *, confirm: bool) -> str:
    """From a prompt on a terminal, or the first line of standard input for scripts and scheduled jobs."""
    if sys.stdin is not None and not sys.stdin.isatty():
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    return str(click.prompt(prompt, hide_input=True, confirmation_prompt=confirm))


def write_private(path: Path, data: bytes) -> None:
    """Write next to ``path`` then move into place, readable by the owner only."""
    part = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)


def read_text_file(path: Path) -> str:
    """A UTF-8 text file's content (a byte-order mark is dropped); a missing, unreadable, non-UTF-8 or
    empty file ends the command with a message saying which file and why."""
    try:
        data = path.read_bytes()
    except OSError:
        fail(FrontDeskError("file_unreadable", path=str(path)))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as bad:
        fail(FrontDeskError("file_not_utf8", path=str(path), position=bad.start))
    if not text.strip():
        fail(FrontDeskError("file_empty", path=str(path)))
    return text


class AppContext:
    """The database chosen on the command line, opened (and migrated) the first time a command needs it."""

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

    def sign_in(self, username: str) -> Actor:
        """The staff member running the command; the password is asked for, or read from standard input
        (its first line; a command that also needs a new password reads it from the next line)."""
        password = read_password(f"Password for {username} / Mot de passe de {username}", confirm=False)
        try:
            return self.services().staff.authenticate(
                username, password, workstation_name(), load_settings().site_id
            )
        except FrontDeskError as failure:
            fail(failure)

    def close(self) -> None:
        if self._services is not None:
            self._services.close()


class FrontDeskGroup(click.Group):
    """The command group: a damaged database ends any command with its message and exit status 2."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except DatabaseCorruptError as corrupt:
            click.echo(corrupt.message(language()), err=True)
            ctx.exit(2)
