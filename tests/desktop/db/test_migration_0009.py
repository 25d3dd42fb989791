"""Migration 0009 on a database in use: appointments booked before practitioners go to the unassigned
column with their kind's default length and get their booked event, as they were booked; the new
ledger is guarded and its cancellation reason erasable like the other ledgers' personal fields
(SQLite and PostgreSQL)."""

from __future__ import annotations

import uuid
from datetime import timedelta

from alembic import command
from click.testing import CliRunner
from sqlalchemy import DateTime, Integer, String, Uuid, column, table

from desktop.cli import cli
from desktop.db.migrate import alembic_config, current_revision, head_revision
from desktop.domain.enums import AppointmentKind
from desktop.domain.schedule import AppointmentEventKind, AppointmentState, CancelledBy
from desktop.services import Services
from desktop.services.erasure import erase_personal_fields
from desktop.services.permissions import Permission
from desktop.services.unit_of_work import run
from tests.support.documents import new_client


def test_existing_appointments_go_unassigned_with_their_kind_length_and_their_booked_event(
    services: Services, team, database_url, clock
) -> None:
    reception = team.receptionist
    client = new_client(services, reception)
    engine = services.db.engine
    command.downgrade(alembic_config(engine), "0008")
    engine.dispose()
    # Booked as FrontDesk did at revision 0008 (no practitioner, no length, no event).
    appointments = table(
        "appointments",
        *(column(name, Integer()) for name in ("id", "client_id", "booked_by_id", "clinic_id")),
        *(column(name, String()) for name in ("kind", "mode", "booked_via")),
        column("uid", Uuid()),
        column("starts_at", DateTime()),
        column("created_at", DateTime()),
    )
    made = clock.now().replace(tzinfo=None)
    kinds = (AppointmentKind.CONSULTATION, AppointmentKind.PROCEDURE)
    with engine.begin() as connection:
        for i, kind in enumerate(kinds):
            connection.execute(
                appointments.insert().values(
                    id=i + 1,
                    client_id=client.id,
                    booked_by_id=reception.staff_id,
                    clinic_id=reception.clinic_id,
                    kind=kind.value,
                    mode="in_clinic",
                    booked_via="phone",
                    uid=uuid.uuid4(),
                    starts_at=made + timedelta(days=2, hours=i),
                    created_at=made - timedelta(days=30 - i),
                )
            )
    engine.dispose()

    result = CliRunner().invoke(cli, ["--database", database_url, "db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert current_revision(engine) == head_revision(engine)
    engine.dispose()

    booked = services.appointments.for_client(reception, client.id)[::-1]
    assert [(a.kind, a.length_minutes, a.practitioner_id, a.state) for a in booked] == [
        (AppointmentKind.CONSULTATION, 30, None, AppointmentState.BOOKED),
        (AppointmentKind.PROCEDURE, 60, None, AppointmentState.BOOKED),
    ]
    day = services.schedule.day(reception, booked[0].starts_at.astimezone().date())
    assert [a.id for a in day.unassigned] == [a.id for a in booked]
    events = services.schedule.events_for_client(reception, client.id)
    assert [(e.appointment_id, e.kind, e.recorded_by, e.recorded_at, e.starts_at) for e in events] == [
        (a.id, AppointmentEventKind.BOOKED, reception.full_name, a.created_at, a.starts_at) for a in booked
    ]

    cancelled = services.schedule.cancel(reception, booked[0].id, CancelledBy.CLIENT, "Déménagé à Gaspé")
    run(
        services.db,
        services.clock,
        team.privacy_officer,
        Permission.READ_AUDIT,
        lambda uow: erase_personal_fields(uow, "appointment_events", [cancelled.id]),
    )
    assert services.schedule.events_for_client(reception, client.id)[-1].reason == ""
    check = CliRunner().invoke(cli, ["--database", database_url, "db", "check"])
    assert check.exit_code == 0, check.output
    assert f"appointment_events id {cancelled.id} erased by event " in check.output
    assert "[ok] append-only triggers" in check.output
