"""``frontdesk practitioner …`` and ``frontdesk kind …``: a manager adds a practitioner, gives them hours
and a day off, deactivates them and manages kinds, signed in with ``--user``; a receptionist is refused;
every change is audited; a week written wrong is said in the person's language."""

from __future__ import annotations

from datetime import date, time

from click.testing import CliRunner
from sqlalchemy import select

from desktop.cli import cli
from desktop.db.models import AuditRecord
from desktop.domain.schedule import WeeklyHours
from tests.conftest import TEST_PASSWORD


def frontdesk(services, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["--database", services.db.url, *args], input=f"{TEST_PASSWORD}\n")


def test_practitioners_and_kinds_from_the_command_line(services, team, monkeypatch):
    monkeypatch.setenv("LC_ALL", "fr_CA.UTF-8")
    added = frontdesk(
        services, "practitioner", "add", "Dre Julie Tremblay", "--specialty", "Physio", "--user", "gestion"
    )
    assert added.exit_code == 0, added.output
    (record,) = services.schedule.practitioners(team.manager)
    assert (record.display_name, record.specialty) == ("Dre Julie Tremblay", "Physio")
    pid = str(record.id)

    hours = frontdesk(
        services,
        "practitioner",
        "hours",
        pid,
        "lun-ven 08:00-12:00,13:00-17:00",
        "sat 9h00-12h00",
        "--user",
        "gestion",
    )
    assert hours.exit_code == 0, hours.output
    week = services.schedule.practitioner(team.manager, record.id).hours
    assert len(week) == 11 and WeeklyHours(5, time(9), time(12)) in week
    wrong = frontdesk(services, "practitioner", "hours", pid, "lundi 8-12", "--user", "gestion")
    assert wrong.exit_code == 1 and "Heures illisibles : « lundi 8-12 »" in wrong.output

    off = frontdesk(
        services,
        "practitioner",
        "exception",
        pid,
        "2026-12-24",
        "02/01/2027",
        "--reason",
        "Fêtes",
        "--user",
        "gestion",
    )
    assert off.exit_code == 0, off.output
    (exception,) = services.schedule.practitioner(team.manager, record.id).exceptions
    assert (exception.starts_on, exception.ends_on, exception.reason) == (
        date(2026, 12, 24),
        date(2027, 1, 2),
        "Fêtes",
    )
    listed = frontdesk(services, "practitioner", "list", "--user", "accueil")
    assert (
        listed.exit_code == 0
        and "Dre Julie Tremblay — Physio" in listed.output
        and "(Fêtes)" in listed.output
    )

    refused = frontdesk(services, "practitioner", "deactivate", pid, "--user", "accueil")
    assert refused.exit_code == 1 and "réceptionniste" in refused.output
    assert frontdesk(services, "practitioner", "deactivate", pid, "--user", "gestion").exit_code == 0
    assert services.schedule.practitioners(team.manager) == []

    kind = frontdesk(
        services,
        "kind",
        "add",
        "suivi",
        "--fr",
        "Suivi",
        "--en",
        "Follow-up",
        "--minutes",
        "20",
        "--user",
        "gestion",
    )
    assert kind.exit_code == 0, kind.output
    changed = frontdesk(
        services, "kind", "update", "suivi", "--minutes", "25", "--inactive", "--user", "gestion"
    )
    assert changed.exit_code == 0 and "25 min (inactive)" in changed.output
    kinds = frontdesk(services, "kind", "list", "--all", "--user", "accueil")
    assert "consultation  Consultation / Consultation  30 min" in kinds.output and "suivi" in kinds.output

    with services.db.session(write=False) as session:
        actions = list(session.scalars(select(AuditRecord.action).where(AuditRecord.username == "gestion")))
    for action in (
        "practitioner.create",
        "practitioner.hours",
        "practitioner.exception_add",
        "practitioner.deactivate",
        "appointment_kind.create",
        "appointment_kind.update",
    ):
        assert action in actions
