"""Revision 0002 on a database made at 0001: the policy versions get the bundled summary of their own
text (and only of their own), acknowledgments get an empty summary hash, and the append-only
triggers guard the new columns as they guard the old; then down to 0001 and up again."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, date, datetime

import pytest
from alembic import command
from sqlalchemy import Connection, Engine, Insert, MetaData, Table, column, insert, inspect, table, text
from sqlalchemy.exc import DBAPIError

from desktop.db.migrate import alembic_config, current_revision, head_revision, upgrade_to_head
from desktop.db.models import APPEND_ONLY_TABLES, Acknowledgment, Base, Client, PolicyVersion, Staff
from desktop.domain.enums import Language, Role, SignerCapacity
from desktop.paths import resource_path
from tests.desktop.db.test_migrations import empty_engine, triggers

#: The sites' table as 0001 made it (the privacy officer's columns left it in 0005).
CLINICS_0001 = table(
    "clinics",
    *(column(name) for name in ("id", "name", "street", "city", "province", "postal_code", "phone", "email")),
    column("privacy_officer_name"),
    column("privacy_officer_contact"),
)

__all__ = ["empty_engine"]

AT = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
OWN_TEXT = "Politique de la clinique, texte maison.\n"


def sha256(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def bundled(name: str) -> str:
    return resource_path("policies", name).read_text(encoding="utf-8")


def policy_row(version: str, language: Language, body: str) -> dict[str, object]:
    return dict(
        version=version,
        language=language,
        effective_date=date.fromisoformat(version),
        text=body,
        sha256=sha256(body),
        loaded_at=AT,
    )


def as_at_0001(
    connection: Connection, model: type[Base], values: dict[str, object]
) -> tuple[Insert, dict[str, object]]:
    """An insert into the model's table as this database has it (the model's types and defaults, for
    the columns it has): columns added by later revisions are not there yet."""
    present = {found["name"] for found in inspect(connection).get_columns(model.__tablename__)}
    columns = [each._copy() for each in model.__table__.c if each.name in present]
    return insert(Table(model.__tablename__, MetaData(), *columns)).returning(columns[0]), values


def seed_at_0001(engine: Engine) -> None:
    """The rows a 0001 database holds: the bundled texts, a clinic's own text, one acknowledgment."""
    with engine.begin() as connection:
        connection.execute(
            insert(PolicyVersion.__table__),
            [
                policy_row("2020-04-22", Language.EN, bundled("2020-04-22.en.txt")),
                policy_row("2020-04-22", Language.FR, bundled("2020-04-22.fr.txt")),
                policy_row("2021-01-01", Language.FR, OWN_TEXT),
            ],
        )
        clinic_id = connection.execute(
            insert(CLINICS_0001).returning(CLINICS_0001.c.id),
            dict(
                name="Clinique",
                street="1 rue",
                city="Québec",
                province="QC",
                postal_code="G1S 2L6",
                phone="418 555-0123",
                email="info@example.ca",
                privacy_officer_name="Responsable",
                privacy_officer_contact="info@example.ca",
            ),
        ).scalar_one()
        staff_id = connection.execute(
            insert(Staff.__table__).returning(Staff.__table__.c.id),
            dict(
                username="accueil",
                full_name="Amélie Côté",
                role=Role.RECEPTIONIST,
                password_hash="x",
                active=True,
                clinic_id=clinic_id,
                failed_logins=0,
                created_at=AT,
                password_changed_at=AT,
            ),
        ).scalar_one()
        client_id = connection.execute(
            *as_at_0001(
                connection,
                Client,
                dict(
                    file_number="000001",
                    last_name="Côté",
                    first_name="Zoé",
                    date_of_birth=date(1980, 4, 12),
                    preferred_language=Language.FR,
                    clinic_id=clinic_id,
                    version=1,
                    created_at=AT,
                    created_by_id=staff_id,
                    updated_at=AT,
                    updated_by_id=staff_id,
                ),
            )
        ).scalar_one()
        french_id = connection.execute(
            text("SELECT id FROM policy_versions WHERE version = '2020-04-22' AND language = 'fr'")
        ).scalar_one()
        connection.execute(
            *as_at_0001(
                connection,
                Acknowledgment,
                dict(
                    uid=uuid.uuid4(),
                    client_id=client_id,
                    policy_version_id=french_id,
                    policy_sha256=sha256(bundled("2020-04-22.fr.txt")),
                    language=Language.FR,
                    signer_capacity=SignerCapacity.CLIENT,
                    signer_name="Zoé Côté",
                    refused=True,
                    refusal_note="",
                    signed_at=AT,
                    witnessed_by_id=staff_id,
                    clinic_id=clinic_id,
                ),
            )
        )


def summaries(engine: Engine) -> dict[tuple[str, str], tuple[str | None, str | None]]:
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT version, language, summary_text, summary_sha256 FROM policy_versions")
        )
        return {(version, language): (summary, digest) for version, language, summary, digest in rows}


def columns(engine: Engine, table: str) -> set[str]:
    return {column["name"] for column in inspect(engine).get_columns(table)}


def refused(engine: Engine, statement: str) -> None:
    with pytest.raises(DBAPIError, match="append-only"):
        with engine.begin() as connection:
            connection.execute(text(statement))


def test_upgrade_from_0001_stores_the_bundled_summaries(empty_engine: Engine) -> None:
    command.upgrade(alembic_config(empty_engine), "0001")
    assert "summary_text" not in columns(empty_engine, "policy_versions")
    seed_at_0001(empty_engine)
    guarded = triggers(empty_engine)

    upgrade_to_head(empty_engine)
    assert current_revision(empty_engine) == head_revision(empty_engine)
    found = summaries(empty_engine)
    for language in Language:
        summary = bundled(f"2020-04-22.summary.{language.value}.txt")
        assert found[("2020-04-22", language.value)] == (summary, sha256(summary))
    assert "Groupe Médical Lacroix" in (found[("2020-04-22", "fr")][0] or "")
    # A clinic's own text has no bundled summary: none is made up for it.
    assert found[("2021-01-01", "fr")] == (None, None)
    with empty_engine.connect() as connection:
        assert connection.execute(text("SELECT summary_sha256 FROM acknowledgments")).all() == [(None,)]
    # The guard lifted for the update is back, and the new columns are guarded like the old (ledgers
    # added by later revisions come with guards of their own).
    after = triggers(empty_engine)
    assert {name: after[name] for name in guarded} == guarded
    assert set(after) == set(APPEND_ONLY_TABLES)
    for statement in (
        "UPDATE policy_versions SET summary_text = 'altered'",
        "UPDATE policy_versions SET summary_sha256 = NULL",
        "UPDATE acknowledgments SET summary_sha256 = 'altered'",
        "DELETE FROM policy_versions",
    ):
        refused(empty_engine, statement)


def test_down_to_0001_and_up_again(empty_engine: Engine) -> None:
    command.upgrade(alembic_config(empty_engine), "0001")
    seed_at_0001(empty_engine)
    guarded = triggers(empty_engine)
    upgrade_to_head(empty_engine)
    command.downgrade(alembic_config(empty_engine), "0001")
    assert current_revision(empty_engine) == "0001"
    assert "summary_text" not in columns(empty_engine, "policy_versions")
    assert "summary_sha256" not in columns(empty_engine, "acknowledgments")
    assert triggers(empty_engine) == guarded
    upgrade_to_head(empty_engine)
    assert summaries(empty_engine)[("2020-04-22", "en")][1] == sha256(bundled("2020-04-22.summary.en.txt"))
    refused(empty_engine, "UPDATE acknowledgments SET summary_sha256 = NULL")
