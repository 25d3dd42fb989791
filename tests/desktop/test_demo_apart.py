"""The demo kept apart: its records are marked, a database holding people's records is refused unless
told otherwise, no demo account is made where people have accounts, and a throwaway demo database
leaves nothing in the user-data folder."""

from __future__ import annotations

import logging
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.app import DemoDatabase, demo_survey, open_services
from desktop.db.engine import sqlite_url
from desktop.db.models import (
    Acknowledgment,
    AcknowledgmentDocument,
    Appointment,
    Client,
    ConsentEvent,
    DemoMarked,
    OptOutEvent,
    OptOutRequest,
    Staff,
)
from desktop.demo import populate
from desktop.demo_accounts import DEMO_ACCOUNTS
from desktop.domain.enums import AppointmentKind, AppointmentMode, BookedVia, Language
from desktop.domain.errors import DemoIntoRealDataError
from desktop.domain.records import AppointmentDraft, ClientDraft
from desktop.logging_setup import configure_logging
from desktop.services import Services
from tests.conftest import Team

MARKED: tuple[type[DemoMarked], ...] = (
    Staff,
    Client,
    Appointment,
    Acknowledgment,
    ConsentEvent,
    OptOutRequest,
    OptOutEvent,
)


def marks(services: Services) -> dict[str, tuple[int, int]]:
    """Per table: (rows marked demo, rows not marked)."""
    with services.db.session(write=False) as session:
        found = {}
        for model in MARKED:
            demo = int(session.scalar(select(func.count()).select_from(model).where(model.demo)) or 0)  # type: ignore[attr-defined]
            total = int(session.scalar(select(func.count()).select_from(model)) or 0)
            found[model.__tablename__] = (demo, total - demo)  # type: ignore[attr-defined]
        return found


def new_client(services: Services, actor) -> int:  # type: ignore[no-untyped-def]
    return services.clients.create(
        actor, ClientDraft("Gauthier", "Éloïse", date(1987, 3, 14), Language.FR)
    ).id


def test_everything_the_demo_makes_is_marked(fresh_services: Services) -> None:
    assert populate(fresh_services, 60, workstation="demo-test") == 60
    found = marks(fresh_services)
    assert all(unmarked == 0 for _, unmarked in found.values()), found
    assert found["staff"][0] == len(DEMO_ACCOUNTS) and found["clients"][0] == 60
    survey = demo_survey(fresh_services)
    assert not survey.holds_real_records
    assert set(survey.demo_accounts) == {a.username for a in DEMO_ACCOUNTS}
    # A database holding the demo only takes more without being asked.
    assert populate(fresh_services, 5, seed=7, workstation="demo-test") == 5
    assert marks(fresh_services)["staff"] == (len(DEMO_ACCOUNTS), 0)


def test_a_database_with_peoples_accounts_is_refused(services: Services) -> None:
    before = marks(services)
    with pytest.raises(DemoIntoRealDataError) as refused:
        populate(services, 10, workstation="demo-test")
    assert refused.value.params == {"clients": 0, "accounts": 3, "others": 0}
    assert marks(services) == before  # nothing added, no demo account
    for language in (Language.FR, Language.EN):
        assert "--into-existing" in refused.value.message(language)
    assert "3 comptes" in refused.value.message(Language.FR)
    assert "3 accounts" in refused.value.message(Language.EN)


def test_into_existing_makes_no_demo_account_where_people_have_accounts(
    services: Services, team: Team
) -> None:
    assert demo_survey(services).author == "accueil"  # the people's receptionist, named before confirming
    assert populate(services, 30, workstation="demo-test", into_existing=True) == 30
    found = marks(services)
    assert found["staff"] == (0, 3)
    assert found["clients"] == (30, 0)
    with services.db.session(write=False) as session:
        authors = set(session.scalars(select(Appointment.booked_by_id)))
    assert authors == {team.receptionist.staff_id}
    for account in DEMO_ACCOUNTS:
        assert account.username not in {s.username for s in services.staff.list(team.manager)}


def test_a_record_made_in_a_demo_database_is_a_persons(fresh_services: Services) -> None:
    populate(fresh_services, 20, workstation="demo-test")
    account = DEMO_ACCOUNTS[0]
    desk = fresh_services.staff.authenticate(account.username, account.password, "demo-test")
    client_id = new_client(fresh_services, desk)
    survey = demo_survey(fresh_services)
    assert (survey.clients, survey.accounts, survey.others) == (1, 0, 0)
    fresh_services.appointments.book(
        desk,
        client_id - 1,  # a demo client's file: the appointment is still a person's
        AppointmentDraft(
            fresh_services.clock.now() + timedelta(days=2),
            AppointmentKind.CONSULTATION,
            AppointmentMode.IN_CLINIC,
            BookedVia.AT_DESK,
        ),
    )
    assert demo_survey(fresh_services).others == 2  # the appointment and its booked event
    with pytest.raises(DemoIntoRealDataError):
        populate(fresh_services, 5, workstation="demo-test")
    # Told to, it adds beside them, with the demo's own accounts (no person has one here).
    assert populate(fresh_services, 5, workstation="demo-test", into_existing=True) == 5
    assert marks(fresh_services)["staff"] == (len(DEMO_ACCOUNTS), 0)
    assert marks(fresh_services)["clients"] == (25, 1)


def test_the_sample_documents_are_only_the_demos(services: Services, team: Team) -> None:
    populate(services, 60, workstation="demo-test", into_existing=True)
    with services.db.session(write=False) as session:
        documented = session.scalars(
            select(Acknowledgment.demo).join(
                AcknowledgmentDocument, AcknowledgmentDocument.acknowledgment_id == Acknowledgment.id
            )
        ).all()
    assert documented and all(documented)


# --- the throwaway demo database and the user-data folder -----------------------------------------------


def test_a_demo_database_leaves_nothing_in_the_user_data_folder(tmp_path: Path, monkeypatch, clock) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "user-data"
    monkeypatch.setenv("FRONTDESK_DATA_DIR", str(data))
    monkeypatch.setenv("FRONTDESK_LOG_DIR", str(tmp_path / "user-logs"))
    monkeypatch.setenv("FRONTDESK_CONFIG_DIR", str(tmp_path / "user-config"))
    root = logging.getLogger()
    kept = list(root.handlers)
    demo = DemoDatabase(tmp_path / "demo")
    try:
        # What the GUI does with --demo: the log inside the demo's folder, open, fill, close.
        configure_logging(log_dir=demo.log_dir, stderr_level=None)
        services = demo.open(clock=clock)
        assert demo.populate(30) == 30
        logging.getLogger("desktop").warning("a demo session's log line")
        assert (demo.log_dir / "frontdesk.log").exists()
        assert not demo_survey(services).holds_real_records
    finally:
        demo.close()
        for handler in list(root.handlers):
            if handler not in kept:
                root.removeHandler(handler)
                handler.close()
        for handler in kept:
            if handler not in root.handlers:
                root.addHandler(handler)
    assert not data.exists() or not any(data.iterdir())
    assert not (tmp_path / "user-logs").exists() and not (tmp_path / "user-config").exists()
    assert not demo.folder.exists()


def test_an_ordinary_sqlite_database_does_get_its_daily_backup_there(
    tmp_path: Path, monkeypatch, clock
) -> None:  # type: ignore[no-untyped-def]
    """The contrast that shows the check above can fail: a regular database is backed up daily in the
    user-data folder."""
    data = tmp_path / "user-data"
    monkeypatch.setenv("FRONTDESK_DATA_DIR", str(data))
    services = open_services(sqlite_url(tmp_path / "clinic" / "frontdesk.db"), clock=clock)
    services.close()
    assert list((data / "backups").rglob("*.db"))
