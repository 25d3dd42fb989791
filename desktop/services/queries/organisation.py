"""The organisation's records as the other services read them: its identity, the names the consent
sentences carry, and its opt-out calendar."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.models import Organisation
from desktop.domain.business_days import OptOutCalendar
from desktop.domain.clinic_identity import OrganisationRecord
from desktop.domain.errors import FrontDeskError
from desktop.domain.wording import WordingNames


def load_organisation(session: Session) -> Organisation:
    """The database's organisation; FrontDeskError("not_set_up") before the setup has run."""
    organisation = session.scalar(select(Organisation).order_by(Organisation.id).limit(1))
    if organisation is None:
        raise FrontDeskError("not_set_up")
    return organisation


def organisation_record(organisation: Organisation) -> OrganisationRecord:
    return OrganisationRecord(
        name=organisation.name,
        parent_name=organisation.parent_name,
        privacy_officer_name=organisation.privacy_officer_name,
        privacy_officer_title=organisation.privacy_officer_title,
        privacy_officer_contact=organisation.privacy_officer_contact,
        easter_holiday=organisation.easter_holiday,
        opt_out_delay_days=organisation.opt_out_delay_days,
        idle_lock_minutes=organisation.idle_lock_minutes,
        retention_years=organisation.retention_years,
    )


def wording_names(session: Session) -> WordingNames:
    organisation = load_organisation(session)
    return WordingNames(organisation.name, organisation.parent_name)


def opt_out_calendar(session: Session) -> OptOutCalendar:
    organisation = load_organisation(session)
    return OptOutCalendar(organisation.easter_holiday, organisation.opt_out_delay_days)
