"""``frontdesk policy publish`` and ``frontdesk policy list`` (SQLite file and PostgreSQL): a manager
signs in with the password on standard input; the texts are read from UTF-8 files; a file that cannot
be used ends the command with a message naming it, before anyone signs in, and nothing is stored."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import select

from desktop.cli import cli
from desktop.db.models import AuditRecord, PolicyVersion
from desktop.domain.enums import Language
from desktop.domain.messages import message
from desktop.services import Services
from desktop.services.policies import text_sha256
from tests.conftest import TEST_PASSWORD

#: The command line runs on the real clock.
TODAY = date.today()
TEXTS = {
    "fr": "POLITIQUE DE CONFIDENTIALITÉ\nÀ compter de cette date, nos engagements révisés.\n",
    "en": "PRIVACY POLICY\nFrom this date, our revised commitments.\n",
    "summary-fr": "Résumé : vos renseignements sont protégés.\n",
    "summary-en": "Summary: your information is protected.\n",
}


def run(services: Services, *args: str, password: str = TEST_PASSWORD) -> Result:
    return CliRunner().invoke(
        cli, ["--database", services.db.url, *args], input=f"{password}\n", catch_exceptions=False
    )


def says(result: Result, code: str, **params: object) -> bool:
    """The command failed with this message, in French or in English, and no traceback."""
    return (
        result.exit_code != 0
        and "Traceback" not in result.output
        and any(message(code, lang, **params) in result.output for lang in ("fr", "en"))
    )


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    made = {}
    for option, text in TEXTS.items():
        made[option] = tmp_path / f"{option}.txt"
        made[option].write_text(text, encoding="utf-8")
    return made


def publish(
    services: Services, files: dict[str, Path], effective: date, user: str = "gestion", password: str = TEST_PASSWORD
) -> Result:
    options = [arg for option, path in files.items() for arg in (f"--{option}", str(path))]
    return run(
        services, "policy", "publish", "--effective", effective.isoformat(), *options, "--user", user, password=password
    )


def versions(services: Services) -> list[tuple[str, Language]]:
    with services.db.session(write=False) as session:
        return [(p.version, p.language) for p in session.scalars(select(PolicyVersion).order_by(PolicyVersion.id))]


def test_publish_then_list(services: Services, team, files: dict[str, Path]) -> None:
    effective = TODAY + timedelta(days=30)
    result = publish(services, files, effective)
    assert result.exit_code == 0, result.output
    assert f"published {effective.isoformat()}, in force from {effective.isoformat()}" in result.output
    assert f"fr  text {text_sha256(TEXTS['fr'])}  summary {text_sha256(TEXTS['summary-fr'])}" in result.output
    assert f"en  text {text_sha256(TEXTS['en'])}  summary {text_sha256(TEXTS['summary-en'])}" in result.output

    french, english = services.policies.versions(team.manager)[:2][::-1]
    assert (french.language, french.text, french.summary) == (Language.FR, TEXTS["fr"], TEXTS["summary-fr"])
    assert (english.language, english.text, english.summary) == (Language.EN, TEXTS["en"], TEXTS["summary-en"])
    with services.db.session(write=False) as session:
        audit = session.scalars(
            select(AuditRecord).where(AuditRecord.action == "policy.publish", AuditRecord.username == "gestion")
        ).one()
    assert (audit.username, audit.entity_id) == ("gestion", effective.isoformat())

    listed = run(services, "policy", "list", "--user", "accueil")
    assert listed.exit_code == 0, listed.output
    lines = listed.output.splitlines()
    assert lines[0].split() == ["VERSION", "EFFECTIVE", "LANG", "STATUS", "SHA-256", "SUMMARY", "SHA-256"]
    label = effective.isoformat()
    assert lines[1].split() == [label, label, "en", "scheduled", english.sha256, english.summary_sha256]
    assert lines[2].split() == [label, label, "fr", "scheduled", french.sha256, french.summary_sha256]
    old = services.policies.current(team.manager, Language.FR)
    assert lines[4].split() == ["2020-04-22", "2020-04-22", "fr", "in", "force", old.sha256, old.summary_sha256]
    assert len(lines) == 5


def test_a_version_for_today_is_in_force_at_once(services: Services, files: dict[str, Path]) -> None:
    assert publish(services, files, TODAY, user="vie.privee").exit_code == 0
    listed = run(services, "policy", "list", "--user", "gestion").output.splitlines()
    assert [line.split()[3] for line in listed[1:]] == ["in", "in", "superseded", "superseded"]


def test_the_same_date_twice_is_refused(services: Services, files: dict[str, Path]) -> None:
    effective = TODAY + timedelta(days=2)
    assert publish(services, files, effective).exit_code == 0
    files["fr"].write_text("Un autre texte.\n", encoding="utf-8")
    again = publish(services, files, effective)
    assert says(again, "policy_version_exists", version=effective.isoformat())
    assert versions(services).count((effective.isoformat(), Language.FR)) == 1


def test_a_past_date_is_refused(services: Services, files: dict[str, Path]) -> None:
    result = publish(services, files, TODAY - timedelta(days=1))
    assert says(result, "date_in_past")
    assert len(versions(services)) == 2


def test_a_receptionist_cannot_publish(services: Services, files: dict[str, Path]) -> None:
    result = publish(services, files, TODAY + timedelta(days=1), user="accueil")
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert "réceptionniste" in result.output or "receptionist" in result.output
    assert len(versions(services)) == 2


@pytest.mark.parametrize("problem", ["missing", "directory", "not_utf8", "empty"])
def test_an_unusable_file_is_named_and_nothing_is_stored(
    services: Services, files: dict[str, Path], tmp_path: Path, problem: str
) -> None:
    bad = files["summary-en"]
    if problem == "missing":
        bad.unlink()
        code, params = "file_unreadable", {"path": str(bad)}
    elif problem == "directory":
        bad.unlink()
        bad.mkdir()
        code, params = "file_unreadable", {"path": str(bad)}
    elif problem == "not_utf8":
        bad.write_bytes("Résumé en Latin-1\n".encode("latin-1"))
        code, params = "file_not_utf8", {"path": str(bad), "position": 1}
    else:
        bad.write_text(" \n\n", encoding="utf-8")
        code, params = "file_empty", {"path": str(bad)}
    # Refused before anyone signs in: a wrong password is not even checked.
    result = publish(services, files, TODAY + timedelta(days=1), password="faux")
    assert says(result, code, **params), result.output
    assert len(versions(services)) == 2


def test_a_byte_order_mark_is_not_part_of_the_text(services: Services, team, files: dict[str, Path]) -> None:
    files["fr"].write_bytes(b"\xef\xbb\xbf" + TEXTS["fr"].encode("utf-8"))
    assert publish(services, files, TODAY + timedelta(days=1)).exit_code == 0
    french = next(p for p in services.policies.versions(team.manager) if p.language == Language.FR)
    assert french.text == TEXTS["fr"] and french.sha256 == text_sha256(TEXTS["fr"])


def test_list_needs_a_sign_in_once_accounts_exist(services: Services) -> None:
    result = CliRunner().invoke(cli, ["--database", services.db.url, "policy", "list"])
    assert says(result, "sign_in_required")


def test_a_wrong_password_lists_nothing(services: Services) -> None:
    result = run(services, "policy", "list", "--user", "gestion", password="faux")
    assert says(result, "bad_credentials")
    assert "2020-04-22" not in result.output
