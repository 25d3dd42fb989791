"""The clinic's settings after the set-up: a manager or the privacy officer changes them, each change
audited with what changed; the opt-out delay only ever shortened from the law's 10 business days."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from desktop.db.models import AuditRecord
from desktop.domain.clinic_identity import EasterHoliday, SiteDraft
from desktop.domain.enums import Language
from desktop.domain.errors import PermissionDeniedError, ValidationError
from desktop.services import Services
from tests.support.documents import book, new_client, pdftotext, squash


def audits(services: Services, action: str) -> list[AuditRecord]:
    with services.db.session(write=False) as session:
        return list(
            session.scalars(select(AuditRecord).where(AuditRecord.action == action).order_by(AuditRecord.id))
        )


def test_a_manager_changes_the_rules_and_the_audit_says_what(services: Services, team) -> None:
    draft = services.clinics.organisation(team.manager).draft()
    changed = services.clinics.update_organisation(
        team.manager, replace(draft, easter_holiday=EasterHoliday.EASTER_MONDAY, opt_out_delay_days=7)
    )
    assert (changed.easter_holiday, changed.opt_out_delay_days) == (EasterHoliday.EASTER_MONDAY, 7)
    [audit] = audits(services, "organisation.update")
    assert audit.username == "gestion"
    assert audit.detail == "easter_holiday=easter_monday opt_out_delay_days=7"
    calendar = services.optouts.calendar(team.receptionist)
    assert (calendar.easter_holiday, calendar.delay_days) == (EasterHoliday.EASTER_MONDAY, 7)
    assert calendar.due_date(date(2026, 11, 24)) == date(2026, 12, 3)
    # Nothing changed, nothing audited.
    services.clinics.update_organisation(
        team.manager, replace(draft, easter_holiday=EasterHoliday.EASTER_MONDAY, opt_out_delay_days=7)
    )
    assert len(audits(services, "organisation.update")) == 1


@pytest.mark.parametrize("days", [0, 11, 30])
def test_the_opt_out_delay_never_exceeds_the_law(services: Services, team, days: int) -> None:
    draft = services.clinics.organisation(team.manager).draft()
    with pytest.raises(ValidationError) as refused:
        services.clinics.update_organisation(team.manager, replace(draft, opt_out_delay_days=days))
    assert refused.value.for_field("opt_out_delay_days") is not None
    assert services.clinics.organisation(team.manager).opt_out_delay_days == 10


def test_sites_are_added_and_corrected_audited_and_a_receptionist_cannot(services: Services, team) -> None:
    site = SiteDraft(
        "Clinique de Lévis", "12 rue du Parc", "Lévis", "g6v1a1", "418 555-0142", "levis@example.ca"
    )
    added = services.clinics.add_site(team.privacy_officer, site)
    assert (added.postal_code, added.phone) == ("G6V 1A1", "+14185550142")
    services.clinics.update_site(team.manager, added.id, replace(site, email="accueil.levis@example.ca"))
    assert services.clinics.get(team.receptionist, added.id).email == "accueil.levis@example.ca"
    assert [a.detail for a in audits(services, "clinic.update")] == ["email"]
    assert [a.entity_id for a in audits(services, "clinic.create")][-1] == str(added.id)
    with pytest.raises(PermissionDeniedError):
        services.clinics.add_site(team.receptionist, site)
    with pytest.raises(ValidationError) as refused:
        services.clinics.update_site(team.manager, added.id, replace(site, postal_code="12345", phone="555"))
    assert {e.field for e in refused.value.errors} == {"postal_code", "phone"}


def test_a_clinic_phone_extension_is_kept_and_printed_on_the_acknowledgment(services: Services, team) -> None:
    clinic = services.clinics.get(team.manager, team.receptionist.clinic_id)
    draft = SiteDraft(
        clinic.name,
        clinic.street,
        clinic.city,
        clinic.postal_code,
        "418 555-0100 poste 3",
        clinic.email,
        clinic.province,
    )
    updated = services.clinics.update_site(team.manager, clinic.id, draft)
    assert (updated.phone, updated.phone_extension) == ("+14185550100", "3")
    assert [a.detail for a in audits(services, "clinic.update")][-1] == "phone phone_extension"
    for language, printed in ((Language.FR, "418 555-0100, poste 3"), (Language.EN, "(418) 555-0100 ext. 3")):
        client = new_client(services, team.receptionist, "Poste", language.value, preferred_language=language)
        ack = book(services, team.receptionist, client.id, language=language).acknowledgment
        assert ack is not None
        assert printed in squash(pdftotext(services.documents.acknowledgment_pdf(team.receptionist, ack.id)))
