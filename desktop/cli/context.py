"""What every ``frontdesk`` command shares: the chosen database and its services, signing in as a
staff member, reading a password, writing a private file, and printing an error in the person's
language. Command modules import this, never one another."""

from __future__ import annotations

import contextlib
import locale
import logging
import os
import sys
from pathlib import Path
from typing import NoReturn

import click

from desktop.app import database_label, open_services, resolve_database_url
from desktop.cli.failures import (
    argument_not_utf8,
    database_url_problem,
    file_failure,
    written_file_failure,
)
from desktop.domain.enums import Language
from desktop.domain.errors import DatabaseCorruptError, FrontDeskError
from desktop.domain.failure_messages import URL_EXAMPLES
from desktop.domain.records import Actor
from desktop.logging_setup import FILE_ONLY, log_file
from desktop.maintenance.sqlite_file import sqlite_path
from desktop.services import Services
from desktop.settings import load_settings
from desktop.storage_errors import storage_failure
from desktop.workstation import workstation_name

log = logging.getLogger(__name__)


def language() -> Language:
    """The person's language for messages, as the environment says it (LANGUAGE, LC_ALL, LC_MESSAGES,
    LANG, the POSIX order), else as the system's locale does: English when it says so, else French."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "").strip()
        if value and value.split(".")[0] not in ("C", "POSIX"):
            return Language.EN if value.lower().startswith("en") else Language.FR
    lang = (locale.getlocale()[0] or "fr").lower()
    return Language.EN if lang.startswith("en") else Language.FR


def error(failure: FrontDeskError) -> click.ClickException:
    return click.ClickException(failure.message(language()))


def fail(failure: FrontDeskError) -> NoReturn:
    raise error(failure) from None


def _input_line() -> str:
    """The next line of standard input, read as bytes so one that is not UTF-8 is named, not raised."""
    stream = sys.stdin
    raw = getattr(stream, "buffer", None)
    data = raw.readline() if raw is not None else stream.readline().encode("utf-8", "surrogateescape")
    try:
        return str(data.decode("utf-8")).rstrip("\r\n")
    except UnicodeDecodeError as bad:
        fail(FrontDeskError("input_not_utf8", position=bad.start + 1))


def read_password(prompt: str, *, confirm: bool) -> str:
    """From a prompt on a terminal, or the first line of standard input for scripts and scheduled jobs."""
    if sys.stdin is not None and not sys.stdin.isatty():
        return _input_line()
    try:
        return str(click.prompt(prompt, hide_input=True, confirmation_prompt=confirm))
    except UnicodeDecodeError as bad:
        fail(FrontDeskError("input_not_utf8", position=bad.start + 1))


def write_private(path: Path, data: bytes) -> None:
    """Write next to ``path`` then move into place, readable by the owner only; a refusal of the
    system (missing folder, read-only, full disk) ends the command with a message naming the file."""
    part = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(part, path)
    except OSError as refused:
        log.info("%s not written", path, exc_info=True, extra=FILE_ONLY)
        fail(file_failure(path, refused))
    finally:
        with contextlib.suppress(OSError):
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
        """The database's address; a malformed one ends the command (exit status 2) saying what is wrong."""
        url = resolve_database_url(self.database)
        problem = database_url_problem(url)
        if problem is not None:
            lang = language()
            raise click.UsageError(f"{problem.message(lang)} {URL_EXAMPLES.get(lang)}")
        return url

    @property
    def sqlite_file(self) -> Path | None:
        return sqlite_path(self.url)

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
    """The command group: every failure ends the command with a message in the person's language,
    never a traceback (that goes to the log file). A damaged database exits with status 2, as a
    mistyped command does; the other failures exit with status 1."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        problem = argument_not_utf8(args)
        if problem is not None:
            ctx.fail(problem.message(language()))
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except DatabaseCorruptError as corrupt:
            click.echo(corrupt.message(language()), err=True)
            ctx.exit(2)
        except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit, KeyboardInterrupt):
            raise
        except Exception as unexpected:  # noqa: BLE001 - each cause named below; the rest said plainly
            log.error("frontdesk %s stopped", ctx.invoked_subcommand, exc_info=True, extra=FILE_ONLY)
            fail(self._named(ctx, unexpected))

    @staticmethod
    def _named(ctx: click.Context, failure: Exception) -> FrontDeskError:
        if isinstance(failure, FrontDeskError):
            return failure
        if isinstance(failure, UnicodeDecodeError):
            return FrontDeskError("input_not_utf8", position=failure.start + 1)
        app = ctx.obj if isinstance(ctx.obj, AppContext) else None
        if app is not None:
            url = app.url
            sqlite_file = sqlite_path(url)
            named = storage_failure(failure, str(sqlite_file or database_label(url)), sqlite_file)
            if named is not None:
                return named
        named = written_file_failure(failure)
        if named is not None:
            return named
        return FrontDeskError("unexpected_failure", kind=type(failure).__name__, log=str(log_file()))
