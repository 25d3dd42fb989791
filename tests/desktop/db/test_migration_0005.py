"""Migration 0005 on a database already in use: its first clinic gives the organisation its name and
privacy officer, the law's defaults give the rules, and the database opens without the set-up, its
accounts, records and policy versions kept. Down again, the sites get their officer back."""

from __future__ import annotations

from datetime import UTC, date, datetime

from alembic import command
from sqlalchemy import Engine, column, insert, table, text

from desktop.db.database import Database
from desktop.db.migrate import alembic_config, upgrade_to_head
from desktop.domain.clinic_identity import EasterHoliday
from desktop.services import Services
from desktop.services.queries.organisation import load_organisation, organisation_record
from tests.desktop.db.test_migrations import empty_engine

__all__ = ["empty_engine"]

CLINICS_0004 = table(
    "clinics",
    *(
        column(name)
        for name in (
            "id", "name", "street", "city", "province", "postal_code", "phone", "email",
            "privacy_officer_name", "privacy_officer_contact",
        )
    ),
)
POLICIES = table(
    "policy_versions", *(column(n) for n in ("version", "language", "effective_date", "text", "sha256", "loaded_at"))
)


def seed_at_0004(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(
            insert(CLINICS_0004),
            dict(
                id=1, name="Clinique des Érables", street="5 rue des Érables", city="Lévis", province="QC",
                postal_code="G6V 1A1", phone="+14185550111", email="info@erables.example",
                privacy_officer_name="Nadia Roy", privacy_officer_contact="vieprivee@erables.example",
            ),
        )
        connection.execute(
            insert(POLICIES),
            dict(
                version="2024-05-01", language="fr", effective_date=date(2024, 5, 1), text="Politique.",
                sha256="0" * 64, loaded_at=datetime(2024, 5, 1, tzinfo=UTC).replace(tzinfo=None),
            ),
        )


def test_a_database_in_use_keeps_its_clinic_and_skips_the_set_up(empty_engine: Engine) -> None:
    command.upgrade(alembic_config(empty_engine), "0004")
    seed_at_0004(empty_engine)
    upgrade_to_head(empty_engine)
    services = Services.create(Database(empty_engine.url.render_as_string(hide_password=False)))
    try:
        assert not services.setup.needed()
        with services.db.session(write=False) as session:
            organisation = organisation_record(load_organisation(session))
        assert (organisation.name, organisation.privacy_officer_name, organisation.privacy_officer_contact) == (
            "Clinique des Érables", "Nadia Roy", "vieprivee@erables.example",
        )
        assert organisation.parent_name == ""  # a manager names it in the clinic settings
        assert (organisation.easter_holiday, organisation.opt_out_delay_days) == (EasterHoliday.GOOD_FRIDAY, 10)
        with empty_engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM policy_versions")).scalar() == 1
    finally:
        services.close()

    command.downgrade(alembic_config(empty_engine), "0004")
    with empty_engine.connect() as connection:
        officer = connection.execute(text("SELECT privacy_officer_name, privacy_officer_contact FROM clinics")).one()
    assert tuple(officer) == ("Nadia Roy", "vieprivee@erables.example")
