"""Each hostile case of the command line gets its own message, in French and in English, naming the
option, the file or the cause; its traceback goes to the log file, never to the terminal."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import Result
from sqlalchemy import create_engine, text

from desktop.cli.context import AppContext
from desktop.db.engine import sqlite_url
from desktop.domain.messages import message
from tests.desktop.cli.hostile import NOT_UTF8, copy_database, fill, invoke, remount_read_only, tmpfs

LANGUAGES = {"fr": "fr_CA.UTF-8", "en": "en_CA.UTF-8"}


@pytest.fixture(params=sorted(LANGUAGES))
def lang(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.delenv("LANGUAGE", raising=False)
    monkeypatch.setenv("LC_ALL", LANGUAGES[request.param])
    return str(request.param)


@pytest.fixture
def log_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "logs"
    monkeypatch.setenv("FRONTDESK_LOG_DIR", str(folder))
    return folder


def failed(result: Result, status: int = 1) -> str:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code == status, result.output
    assert "Traceback" not in result.output
    return result.output


def test_a_password_not_utf8_on_standard_input(database_url: str, lang: str) -> None:
    result = invoke(database_url, ["user", "list", "--user", "gestion"], b"Mot\xe9-de-passe\n")
    assert message("input_not_utf8", lang, position=4) in failed(result)


def test_user_and_client_not_utf8(sqlite_template: Path, tmp_path: Path, lang: str) -> None:
    url = sqlite_url(copy_database(sqlite_template, tmp_path / "frontdesk.db"))
    shown = "gest\\xffion"
    result = invoke(url, ["user", "list", f"--user={NOT_UTF8}"])
    assert message("option_not_utf8", lang, option="--user", value=shown) in failed(result, 2)
    args = [
        "report",
        "access-log",
        "--from",
        "2026-01-01",
        "--to",
        "2026-01-31",
        "--out",
        str(tmp_path / "a.csv"),
    ]
    result = invoke(url, [*args, "--user", "vie.privee", "--client", NOT_UTF8])
    assert message("option_not_utf8", lang, option="--client", value=shown) in failed(result, 2)
    result = invoke(url, ["evidence", NOT_UTF8, "--out", str(tmp_path / "p.pdf"), "--user", "gestion"])
    assert message("argument_not_utf8", lang, value=shown) in failed(result, 2)


def test_a_malformed_database_address_hides_its_password(lang: str) -> None:
    result = invoke("postgresql://desk:s3cret@server:54x2/frontdesk", ["db", "upgrade"])
    output = failed(result, 2)
    assert message("database_url_port", lang, url="postgresql://desk:***@server:54x2/frontdesk") in output
    assert "s3cret" not in output


@pytest.mark.parametrize(
    "command",
    [
        [
            "report",
            "consent-coverage",
            "--from",
            "2026-01-01",
            "--to",
            "2026-01-31",
            "--user",
            "gestion",
            "--out",
        ],
        [
            "export",
            "contacts",
            "--purpose",
            "newsletters",
            "--channel",
            "email",
            "--user",
            "gestion",
            "--out",
        ],
        ["acknowledgment", "verify", "7K3QD-9XW2M", "--user", "gestion", "--out"],
        ["evidence", "000001", "--user", "gestion", "--out"],
        ["db", "backup"],
    ],
)
def test_a_file_into_a_missing_folder(
    sqlite_template: Path, tmp_path: Path, lang: str, command: list[str]
) -> None:
    url = sqlite_url(copy_database(sqlite_template, tmp_path / "db" / "frontdesk.db"))
    missing = tmp_path / "nonexistent"
    target = missing / "x.db"
    result = invoke(url, [*command, str(target)])
    assert message("folder_missing", lang, folder=missing, path=target) in failed(result, 2)
    assert not missing.exists()


def test_report_days_day_first_and_out_of_range(database_url: str, tmp_path: Path, lang: str) -> None:
    out = tmp_path / "coverage.csv"
    base = ["report", "consent-coverage", "--out", str(out), "--user", "gestion"]
    result = invoke(database_url, [*base, "--from", "01/11/2026", "--to", "30.11.2026"])
    assert result.exit_code == 0, result.output
    assert out.exists()
    result = invoke(database_url, [*base, "--from", "1999-12-31", "--to", "2026-11-30"])
    words = {
        "fr": ("vendredi 31 décembre 1999", "1er janvier 2000"),
        "en": ("Friday, December 31, 1999", "January 1, 2000"),
    }
    day, first = words[lang]
    output = failed(result, 2)
    assert day in output and first in output, output
    assert message("invalid_period", lang) not in output


@pytest.fixture
def mounted(tmp_path: Path) -> Iterator[Path]:
    with tmpfs(tmp_path / "mnt", 8_192) as folder:
        yield folder


def test_a_read_only_database_keeps_its_traceback_in_the_log(
    sqlite_template: Path, mounted: Path, log_folder: Path, lang: str
) -> None:
    database = copy_database(sqlite_template, mounted / "frontdesk.db")
    remount_read_only(mounted)
    result = invoke(sqlite_url(database), ["user", "list", "--user", "gestion"])
    assert message("database_read_only", lang, database=database) in failed(result)
    log = (log_folder / "frontdesk.log").read_text("utf-8")
    assert "Traceback" in log and "sqlite3.OperationalError" in log


def test_a_report_to_a_full_disk(database_url: str, mounted: Path, lang: str) -> None:
    fill(mounted)
    out = mounted / "coverage.pdf"
    args = ["report", "consent-coverage", "--from", "2026-01-01", "--to", "2026-01-31", "--out", str(out)]
    result = invoke(database_url, [*args, "--user", "gestion"])
    assert message("file_disk_full", lang, path=out) in failed(result)
    assert not list(mounted.glob("*coverage*"))


def test_a_log_folder_that_cannot_be_written(
    database_url: str, mounted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", LANGUAGES["fr"])
    remount_read_only(mounted)
    monkeypatch.setenv("FRONTDESK_LOG_DIR", str(mounted / "logs"))
    result = invoke(database_url, ["user", "list"])
    assert message("sign_in_required", "fr") in failed(result)
    assert f"log file {mounted / 'logs' / 'frontdesk.log'} cannot be written" in result.output


@pytest.mark.postgresql
def test_a_read_only_postgresql_database(postgres_server, postgres_template: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    name = f"frontdesk_read_only_{lang}"
    url = postgres_server.create_database(name, template=postgres_template)
    try:
        engine = create_engine(postgres_server.url("postgres"), isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.execute(text(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on'))
        engine.dispose()
        result = invoke(url, ["user", "list", "--user", "gestion"])
        assert message("database_read_only", lang, database=url.replace("+psycopg", "")) in failed(
            result
        ) or (message("database_read_only", lang, database=url) in result.output), result.output
    finally:
        postgres_server.drop_database(name)


def test_an_error_no_case_names_still_says_where_its_details_are(
    sqlite_template: Path, tmp_path: Path, log_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: AppContext) -> None:
        raise RuntimeError("a fault of FrontDesk's own")

    monkeypatch.setenv("LC_ALL", LANGUAGES["fr"])
    monkeypatch.setattr(AppContext, "services", broken)
    url = sqlite_url(copy_database(sqlite_template, tmp_path / "frontdesk.db"))
    result = invoke(url, ["db", "upgrade"])
    log = log_folder / "frontdesk.log"
    assert message("unexpected_failure", "fr", kind="RuntimeError", log=log) in failed(result)
    assert "Traceback" in log.read_text("utf-8") and "a fault of FrontDesk's own" in log.read_text("utf-8")
