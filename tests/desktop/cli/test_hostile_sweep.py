"""Every ``frontdesk`` subcommand, found in the click tree, run with hostile arguments: not UTF-8,
folders that do not exist, malformed database URLs, dates out of range, a read-only database (mount,
file, folder) and a full disk. None may end in a traceback or an exit status other than 0, 1 or 2,
and each failure says what is wrong in the person's language (French here)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from desktop.cli.params import Day, OutputFile
from desktop.db.engine import sqlite_url
from desktop.domain.messages import message
from tests.desktop.cli.hostile import (
    NOBODY,
    NOT_UTF8,
    NOT_UTF8_INPUT,
    Values,
    arguments,
    as_nobody,
    assert_clean,
    copy_database,
    fill,
    invoke,
    leaf_commands,
    nobody_folder,
    plain_text,
    remount_read_only,
    tmpfs,
    unexplained,
)

COMMANDS = leaf_commands()


def fragment(code: str, **params: object) -> str:
    """The French message's words before its first parameter (enough to recognise it)."""
    return message(code, "fr", **params)


@pytest.fixture(autouse=True)
def french(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "fr_CA.UTF-8")


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("DATA", "LOG", "CONFIG"):
        monkeypatch.setenv(f"FRONTDESK_{name}_DIR", str(tmp_path / name.lower()))
    return tmp_path


@pytest.fixture
def database(sqlite_template: Path, folders: Path) -> str:
    return sqlite_url(copy_database(sqlite_template, folders / "db" / "frontdesk.db"))


def normal(tmp: Path) -> Values:
    return Values(text=plain_text, path=lambda param: str(tmp / f"{param.name}.csv"))


def takes(command: click.Command, kind: type[click.ParamType]) -> bool:
    return any(isinstance(p.type, kind) for p in command.params if not getattr(p, "is_flag", False))


def test_the_sweep_finds_every_command() -> None:
    words = {" ".join(w) for w, _ in COMMANDS}
    assert {"db backup", "user add", "report", "export contacts", "acknowledgment verify", "setup"} <= words
    assert len(words) >= 17


def test_arguments_not_utf8(database: str, folders: Path) -> None:
    values = Values(text=lambda _param: NOT_UTF8, path=lambda p: str(folders / f"{p.name}.csv"))
    for words, command in COMMANDS:
        result = invoke(database, [*words, *arguments(command, values)])
        assert_clean(result, words)
        if NOT_UTF8 in arguments(command, values):
            assert result.exit_code == 2, result.output
            assert "gest\\xffion" in result.output and "UTF-8" in result.output, result.output


def test_standard_input_not_utf8(database: str, folders: Path) -> None:
    for words, command in COMMANDS:
        result = invoke(database, [*words, *arguments(command, normal(folders))], NOT_UTF8_INPUT)
        assert_clean(result, words)
        assert "UTF-8" in result.output or result.exit_code == 0 or "\\xff" not in result.output


def test_files_in_a_missing_folder(database: str, folders: Path) -> None:
    missing = folders / "missing"
    values = Values(text=plain_text, path=lambda p: str(missing / f"{p.name}.pdf"))
    for words, command in COMMANDS:
        if not takes(command, click.Path):
            continue
        result = invoke(database, [*words, *arguments(command, values)])
        assert_clean(result, words)
        assert result.exit_code in (1, 2), result.output
        assert str(missing) in result.output, result.output
        assert not missing.exists(), f"frontdesk {' '.join(words)} made {missing}"


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("nonsense", "database_url_scheme"),
        ("mysql://x/y", "database_url_scheme"),
        ("postgresql://u:secret@h:notaport/db", "database_url_port"),
        ("postgresql://u@[::1/db", "database_url_malformed"),
        ("sqlite:///", "database_url_no_file"),
    ],
)
def test_malformed_database_urls(url: str, code: str, folders: Path) -> None:
    for words, command in COMMANDS:
        result = invoke(url, [*words, *arguments(command, normal(folders))])
        assert_clean(result, words)
        assert result.exit_code == 2, result.output
        assert fragment(code, url=url.replace(":secret@", ":***@")) in result.output, result.output
        assert "secret" not in result.output


@pytest.mark.parametrize(
    ("day", "code", "shown"),
    [
        ("1999-12-31", "day_out_of_range", "31 décembre 1999"),
        ("31/12/2101", "day_out_of_range", "31 décembre 2101"),
        ("2026-02-30", "day_not_in_calendar", "2026-02-30"),
        ("demain", "day_unreadable", "demain"),
    ],
)
def test_dates_out_of_range(database: str, folders: Path, day: str, code: str, shown: str) -> None:
    values = Values(text=plain_text, path=lambda p: str(folders / f"{p.name}.csv"), day=day)
    dated = [(w, c) for w, c in COMMANDS if takes(c, Day)]
    assert dated
    for words, command in dated:
        result = invoke(database, [*words, *arguments(command, values)])
        assert_clean(result, words)
        if words == ("report",):  # the other dated commands may refuse the day for their own reason
            assert result.exit_code == 2, result.output
            assert shown in result.output, result.output


# --- read-only and full ----------------------------------------------------------------------------


def files(inputs: Path, outputs: Path) -> Values:
    """Files to read (existing, outside the mount) and files to write (on ``outputs``)."""
    inputs.mkdir(parents=True, exist_ok=True)

    def path(param: click.Parameter) -> str:
        if not isinstance(param.type, OutputFile):
            made = inputs / f"{param.name}.txt"
            made.write_text("Texte de la politique.\n", encoding="utf-8")
            return str(made)
        return str(outputs / f"{param.name}.pdf")

    return Values(text=plain_text, path=path)


#: The commands that refuse the file they read (a text file here) before they open the database.
READS_FIRST = {("db", "restore"), ("setup",)}
#: The commands that reach their file on the template database (the others stop before: no such
#: verification code or client file there).
WRITERS = {("report",), ("export", "contacts"), ("db", "backup")}


def writers() -> list[tuple[tuple[str, ...], click.Command]]:
    found = [(words, command) for words, command in COMMANDS if takes(command, OutputFile)]
    assert WRITERS <= {words for words, _ in found}
    return found


@pytest.fixture
def mounted(folders: Path) -> Iterator[Path]:
    with tmpfs(folders / "mnt", 16_384) as folder:
        yield folder


def test_a_database_on_a_read_only_mount(sqlite_template: Path, mounted: Path, folders: Path) -> None:
    database = copy_database(sqlite_template, mounted / "frontdesk.db")
    remount_read_only(mounted)
    refused = fragment("database_read_only", database=database)
    for words, command in COMMANDS:
        result = invoke(sqlite_url(database), [*words, *arguments(command, files(folders / "in", folders))])
        assert_clean(result, words)
        if words == ("db", "check"):  # opened read-only: it checks what it can read
            continue
        if words in READS_FIRST:
            assert result.exit_code == 1
            continue
        assert result.exit_code == 1 and refused in result.output, result.output


def test_files_written_to_a_read_only_mount(database: str, mounted: Path, folders: Path) -> None:
    remount_read_only(mounted)
    for words, command in writers():
        result = invoke(database, [*words, *arguments(command, files(folders / "in", mounted))])
        assert_clean(result, words)
        if words in WRITERS:
            written = next(
                a for a in arguments(command, files(folders / "in", mounted)) if a.startswith(str(mounted))
            )
            assert fragment("file_read_only", path=written) in result.output, result.output


def test_a_database_on_a_full_disk(sqlite_template: Path, mounted: Path, folders: Path) -> None:
    database = copy_database(sqlite_template, mounted / "frontdesk.db")
    fill(mounted)
    full = fragment("database_disk_full", database=database)
    for words, command in COMMANDS:
        result = invoke(sqlite_url(database), [*words, *arguments(command, files(folders / "in", folders))])
        assert_clean(result, words)
        assert "database or disk is full" not in result.output
        if words in READS_FIRST:
            assert result.exit_code == 1
            continue
        assert result.exit_code == 1 and full in result.output, result.output


def test_files_written_to_a_full_disk(database: str, mounted: Path, folders: Path) -> None:
    fill(mounted)
    for words, command in writers():
        values = files(folders / "in", mounted)
        result = invoke(database, [*words, *arguments(command, values)])
        assert_clean(result, words)
        if words in WRITERS:
            written = next(a for a in arguments(command, values) if a.startswith(str(mounted)))
            assert result.exit_code == 1, result.output
            assert fragment("file_disk_full", path=written) in result.output, result.output


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder outside pytest's own (which only root may cross), so ``nobody`` reaches its files."""
    root = Path(tempfile.mkdtemp(prefix="frontdesk-nobody-"))
    root.chmod(0o755)
    yield root
    shutil.rmtree(root, ignore_errors=True)


@pytest.mark.parametrize("read_only", ["file", "folder"])
def test_a_read_only_file_or_folder_as_an_unprivileged_user(
    sqlite_template: Path, shared_folder: Path, monkeypatch: pytest.MonkeyPatch, read_only: str
) -> None:
    own = nobody_folder(shared_folder / "own")
    for name in ("DATA", "LOG", "CONFIG"):
        monkeypatch.setenv(f"FRONTDESK_{name}_DIR", str(own / name.lower()))
    database = copy_database(sqlite_template, shared_folder / "db" / "frontdesk.db")
    database.parent.chmod(0o755)
    database.chmod(0o644)  # root's: nobody reads it, and cannot write it
    if read_only == "folder":  # nobody's file in root's folder: the journal cannot be made beside it
        os.chown(database, NOBODY.pw_uid, NOBODY.pw_gid)
        database.chmod(0o600)
    url = sqlite_url(database)
    values = Values(text=plain_text, path=lambda p: str(own / f"{p.name}.csv"))
    for words, command in COMMANDS:
        status, output = as_nobody(url, [*words, *arguments(command, values)])
        shown = f"frontdesk {' '.join(words)}: exit {status}\n{output}"
        assert "Traceback" not in output, shown
        assert status in (0, 1, 2), shown
        if status != 0:
            assert output.strip(), shown
        assert not unexplained(output), shown
