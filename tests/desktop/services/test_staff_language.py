"""Each staff account keeps its interface language: chosen by its owner, given back at every sign-in."""

from __future__ import annotations

from sqlalchemy import select

from desktop.db.models import AuditRecord, Staff
from desktop.domain.enums import Language, Role
from desktop.services import Services
from tests.conftest import TEST_PASSWORD, WORKSTATION

PASSWORD = "Clinique-2026-sûre"


def stored_language(services: Services, staff_id: int) -> Language | None:
    with services.db.session(write=False) as session:
        return session.scalar(select(Staff.language).where(Staff.id == staff_id))


def language_audits(services: Services, username: str) -> list[str | None]:
    with services.db.session(write=False) as session:
        return list(
            session.scalars(
                select(AuditRecord.detail)
                .where(AuditRecord.username == username, AuditRecord.action == "staff.language")
                .order_by(AuditRecord.id)
            )
        )


def test_no_language_until_the_person_chooses_one(services: Services, team) -> None:
    record = services.staff.create(team.manager, "julie.tremblay", "Julie Tremblay", Role.RECEPTIONIST, PASSWORD)
    assert stored_language(services, record.id) is None
    assert services.staff.authenticate("julie.tremblay", PASSWORD, WORKSTATION).language is None


def test_the_chosen_language_comes_back_at_the_next_sign_in_on_any_workstation(services: Services, team) -> None:
    receptionist = services.staff.authenticate(team.receptionist.username, TEST_PASSWORD, WORKSTATION)
    services.staff.set_own_language(receptionist, Language.EN)
    assert stored_language(services, receptionist.staff_id) == Language.EN
    again = services.staff.authenticate(team.receptionist.username, TEST_PASSWORD, "poste-7")
    assert (again.language, again.workstation) == (Language.EN, "poste-7")

    services.staff.set_own_language(again, Language.FR)
    assert services.staff.authenticate(team.receptionist.username, TEST_PASSWORD, WORKSTATION).language == (
        Language.FR
    )
    # Each change is audited once; choosing the language already kept changes nothing.
    services.staff.set_own_language(again, Language.FR)
    assert language_audits(services, team.receptionist.username) == ["language=en", "language=fr"]


def test_one_person_s_choice_is_theirs_alone(services: Services, team) -> None:
    services.staff.set_own_language(team.manager, Language.EN)
    assert stored_language(services, team.manager.staff_id) == Language.EN
    assert stored_language(services, team.receptionist.staff_id) is None
    assert stored_language(services, team.privacy_officer.staff_id) is None
    services.staff.set_own_language(team.privacy_officer, Language.FR)
    assert stored_language(services, team.privacy_officer.staff_id) == Language.FR
