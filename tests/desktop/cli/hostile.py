"""What the hostile command-line tests share: every ``frontdesk`` subcommand found in the click tree
with arguments made for it, a small tmpfs (read-only, or full), and running a command as an
unprivileged user (root ignores file modes)."""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import subprocess
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import click
from click.testing import CliRunner, Result

from desktop.cli import cli
from desktop.cli.params import Day
from desktop.domain.messages import message
from tests.conftest import TEST_PASSWORD

#: An argument that is not UTF-8, as Python hands it over on a UTF-8 system (byte 0xFF escaped).
NOT_UTF8 = "gest\udcffion"
#: Standard input that is not UTF-8: a password line with bytes 0xFF 0xFE.
NOT_UTF8_INPUT = b"Front\xff\xfedesk-2026\n" * 3
PASSWORDS = f"{TEST_PASSWORD}\n{TEST_PASSWORD}-new\n{TEST_PASSWORD}-new\n".encode()
#: The statuses the README promises.
EXIT_STATUSES = (0, 1, 2)


def leaf_commands(
    group: click.Group = cli, path: tuple[str, ...] = ()
) -> list[tuple[tuple[str, ...], click.Command]]:
    """Every command a person can run, by its words (``("db", "backup")``): a new one is covered as
    soon as it is added to the tree."""
    found: list[tuple[tuple[str, ...], click.Command]] = []
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            found.extend(leaf_commands(command, (*path, name)))
        else:
            found.append(((*path, name), command))
    return found


@dataclass(frozen=True)
class Values:
    """What each kind of parameter receives; a kind of hostility replaces one of them."""

    text: Callable[[click.Parameter], str]
    path: Callable[[click.Parameter], str]
    day: str = "2026-11-01"


def plain_text(param: click.Parameter) -> str:
    return "gestion" if param.name in ("username", "signer") else "000001"


def arguments(command: click.Command, values: Values) -> list[str]:
    """Arguments for every parameter of ``command`` except flags (whose default is the careful one)."""
    args: list[str] = []
    for param in command.params:
        if isinstance(param, click.Option) and (param.is_flag or param.name in ("help", "version")):
            continue
        kind = param.type
        if isinstance(kind, click.Choice):
            value = str(kind.choices[0])
        elif isinstance(kind, (click.DateTime, Day)):
            value = values.day
        elif isinstance(kind, click.IntRange):
            value = str(kind.min if kind.min is not None else 1)
        elif isinstance(kind, click.types.IntParamType):
            value = "1"
        elif isinstance(kind, click.Path):
            value = values.path(param)
        else:
            value = values.text(param)
        if isinstance(param, click.Option):
            args.extend([param.opts[0], value])
        else:
            args.append(value)
    return args


def invoke(url: str, args: list[str], stdin: bytes = PASSWORDS) -> Result:
    return CliRunner().invoke(cli, ["--database", url, *args], input=stdin)


def assert_clean(result: Result, words: tuple[str, ...]) -> None:
    """No traceback, an exit status the README lists, and a message when it failed."""
    shown = f"frontdesk {' '.join(words)}: exit {result.exit_code}\n{result.output}"
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(
            shown + "".join(traceback.format_exception(result.exception))
        ) from result.exception
    assert "Traceback" not in result.output, shown
    assert result.exit_code in EXIT_STATUSES, shown
    if result.exit_code != 0:
        assert result.output.strip(), shown
    assert not unexplained(result.output), shown


def unexplained(output: str) -> bool:
    """The last-resort message for an error no case names: each hostile case must have its own."""
    return any(
        message("unexpected_failure", lang, kind="", log="").split("(")[0] in output for lang in ("fr", "en")
    )


# --- a small tmpfs -------------------------------------------------------------------------------


@contextlib.contextmanager
def tmpfs(folder: Path, size_kb: int) -> Iterator[Path]:
    """A tmpfs of ``size_kb`` mounted on ``folder`` (the tests run as root), unmounted afterwards."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0755", "tmpfs", str(folder)], check=True
    )
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def remount_read_only(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)


def fill(folder: Path) -> None:
    """Leave no free byte on the file system holding ``folder``."""
    for name, chunk in (("filler", 65536), ("filler-tail", 1)):
        with contextlib.suppress(OSError), open(folder / name, "wb", buffering=0) as handle:
            while True:
                handle.write(b"\0" * chunk)


# --- as an unprivileged user ---------------------------------------------------------------------

NOBODY = pwd.getpwnam("nobody")


def nobody_folder(root: Path) -> Path:
    """``root`` (whose parents anyone may cross, as /tmp) made the unprivileged user's own."""
    root.mkdir(parents=True, exist_ok=True)
    os.chown(root, NOBODY.pw_uid, NOBODY.pw_gid)
    return root


def as_nobody(url: str, args: list[str], stdin: bytes = PASSWORDS) -> tuple[int, str]:
    """Run the command in a child process that has given up root for ``nobody`` (the interpreter and
    the code are already loaded: nothing is exec'd). Returns the exit status and the output."""
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        status = 3
        try:
            os.close(reader)
            os.setgroups([])
            os.setgid(NOBODY.pw_gid)
            os.setuid(NOBODY.pw_uid)
            result = invoke(url, args, stdin)
            shown = result.output
            if result.exception is not None and not isinstance(result.exception, SystemExit):
                shown += "".join(traceback.format_exception(result.exception))
            os.write(writer, shown.encode("utf-8", "backslashreplace"))
            status = result.exit_code
        except BaseException:  # noqa: BLE001 - the child reports everything to its parent
            os.write(writer, traceback.format_exc().encode("utf-8", "backslashreplace"))
        finally:
            os._exit(status)
    os.close(writer)
    with os.fdopen(reader, "rb") as stream:
        output = stream.read().decode("utf-8")
    _, wait_status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(wait_status), output


def copy_database(template: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, target)
    return target
