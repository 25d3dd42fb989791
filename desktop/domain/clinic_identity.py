"""Who the clinic is, as the setup and the clinic settings enter it: the organisation (its name, the
parent organisation its policy names, its privacy officer, the rules it chose) and its sites.

Everything a client reads about the clinic (the acknowledgment PDF, the consent sentences, the opt-out
explanation, the reports' heading) is filled from these records, never from code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import timedelta
from enum import StrEnum

from desktop.domain.errors import FieldError, ValidationError
from desktop.domain.retention import DEFAULT_RETENTION_YEARS, check_retention_years
from desktop.domain.validation import check_email, check_extension, check_phone_and_extension, check_text

#: The law's ceiling: an opt-out is honoured within 10 business days. A clinic may only shorten it.
MAX_OPT_OUT_DELAY_DAYS = 10
#: The idle-lock delay a clinic may set, in minutes; a workstation may only shorten it.
IDLE_LOCK_RANGE = (1, 240)
DEFAULT_IDLE_LOCK_MINUTES = 5
_POSTAL_CODE = re.compile(r"^([A-Z]\d[A-Z])\s?(\d[A-Z]\d)$")
_PROVINCES = frozenset({"QC", "ON", "NB", "NL", "NS", "PE", "MB", "SK", "AB", "BC", "YT", "NT", "NU"})


class EasterHoliday(StrEnum):
    """Quebec employers observe one of the two; the opt-out deadlines skip the one the clinic chose."""

    GOOD_FRIDAY = "good_friday"
    EASTER_MONDAY = "easter_monday"


@dataclass(frozen=True)
class OrganisationDraft:
    """The organisation's identity and rules, as entered at setup or in the clinic settings."""

    name: str
    privacy_officer_name: str
    privacy_officer_title: str
    privacy_officer_contact: str
    #: The parent organisation the policy names (its promotions are a purpose of their own); "" for none.
    parent_name: str = ""
    easter_holiday: EasterHoliday = EasterHoliday.GOOD_FRIDAY
    opt_out_delay_days: int = MAX_OPT_OUT_DELAY_DAYS
    idle_lock_minutes: int = DEFAULT_IDLE_LOCK_MINUTES
    #: The retention rule: a file is reviewed this many years after its last contact.
    retention_years: int = DEFAULT_RETENTION_YEARS


@dataclass(frozen=True)
class SiteDraft:
    """One clinic (site) of the organisation: where clients come and how they reach it."""

    name: str
    street: str
    city: str
    postal_code: str
    phone: str
    email: str
    province: str = "QC"
    #: Digits ('' when none); one typed in ``phone`` ("418 555-0100, poste 3") takes its place.
    phone_extension: str = ""


@dataclass(frozen=True)
class OrganisationRecord:
    name: str
    parent_name: str
    privacy_officer_name: str
    privacy_officer_title: str
    privacy_officer_contact: str
    easter_holiday: EasterHoliday
    opt_out_delay_days: int
    idle_lock_minutes: int
    retention_years: int = DEFAULT_RETENTION_YEARS

    @property
    def idle_lock(self) -> timedelta:
        return timedelta(minutes=self.idle_lock_minutes)

    @property
    def has_parent(self) -> bool:
        return bool(self.parent_name)

    def draft(self) -> OrganisationDraft:
        return OrganisationDraft(
            name=self.name,
            privacy_officer_name=self.privacy_officer_name,
            privacy_officer_title=self.privacy_officer_title,
            privacy_officer_contact=self.privacy_officer_contact,
            parent_name=self.parent_name,
            easter_holiday=self.easter_holiday,
            opt_out_delay_days=self.opt_out_delay_days,
            idle_lock_minutes=self.idle_lock_minutes,
            retention_years=self.retention_years,
        )


def validate_organisation(draft: OrganisationDraft) -> OrganisationDraft:
    """A cleaned copy (trimmed, NFC) or ValidationError naming every field to correct."""
    errors: list[FieldError] = []
    name = check_text(errors, "organisation_name", draft.name, max_length=200, required=True)
    parent = check_text(errors, "parent_name", draft.parent_name, max_length=200)
    officer = check_text(
        errors, "privacy_officer_name", draft.privacy_officer_name, max_length=200, required=True
    )
    title = check_text(
        errors, "privacy_officer_title", draft.privacy_officer_title, max_length=200, required=True
    )
    contact = check_text(
        errors, "privacy_officer_contact", draft.privacy_officer_contact, max_length=300, required=True
    )
    try:
        easter = EasterHoliday(draft.easter_holiday)
    except ValueError:
        errors.append(
            FieldError("easter_holiday", "invalid_choice", {"value": str(draft.easter_holiday)[:20]})
        )
        easter = EasterHoliday.GOOD_FRIDAY
    if not 1 <= draft.opt_out_delay_days <= MAX_OPT_OUT_DELAY_DAYS:
        errors.append(
            FieldError("opt_out_delay_days", "out_of_range", {"min": 1, "max": MAX_OPT_OUT_DELAY_DAYS})
        )
    low, high = IDLE_LOCK_RANGE
    if not low <= draft.idle_lock_minutes <= high:
        errors.append(FieldError("idle_lock_minutes", "out_of_range", {"min": low, "max": high}))
    check_retention_years(errors, draft.retention_years)
    if errors:
        raise ValidationError(errors)
    return replace(
        draft,
        name=name,
        parent_name=parent,
        privacy_officer_name=officer,
        privacy_officer_title=title,
        privacy_officer_contact=contact,
        easter_holiday=easter,
    )


def validate_site(draft: SiteDraft) -> SiteDraft:
    """A cleaned copy (E.164 phone and its extension apart, normalised email and postal code) or
    ValidationError."""
    errors: list[FieldError] = []
    name = check_text(errors, "site_name", draft.name, max_length=200, required=True)
    street = check_text(errors, "street", draft.street, max_length=200, required=True)
    city = check_text(errors, "city", draft.city, max_length=100, required=True)
    province = draft.province.strip().upper() or "QC"
    if province not in _PROVINCES:
        errors.append(FieldError("province", "invalid_choice", {"value": draft.province[:20]}))
    postal = draft.postal_code.strip().upper()
    match = _POSTAL_CODE.match(postal)
    if not postal:
        errors.append(FieldError("postal_code", "required"))
    elif match is None:
        errors.append(FieldError("postal_code", "invalid_postal_code"))
    else:
        postal = f"{match.group(1)} {match.group(2)}"
    if not draft.phone.strip():
        errors.append(FieldError("phone", "required"))
    phone, extension = check_phone_and_extension(errors, "phone", draft.phone)
    if not extension and phone:
        extension = check_extension(errors, "phone", draft.phone_extension)
    if not draft.email.strip():
        errors.append(FieldError("email", "required"))
    email = check_email(errors, "email", draft.email)
    if errors:
        raise ValidationError(errors)
    return SiteDraft(name, street, city, postal, phone, email, province, extension)
