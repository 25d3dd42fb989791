"""The organisation's sites (clinics) as they are written and read back: shared by the clinic service
and the first run's set-up."""

from __future__ import annotations

from desktop.db.models import Clinic
from desktop.domain.clinic_identity import SiteDraft, validate_site
from desktop.domain.records import ClinicRecord


def to_record(clinic: Clinic) -> ClinicRecord:
    return ClinicRecord(
        clinic.id,
        clinic.name,
        clinic.street,
        clinic.city,
        clinic.province,
        clinic.postal_code,
        clinic.phone,
        clinic.email,
        clinic.phone_extension,
    )


def new_site(draft: SiteDraft) -> Clinic:
    clean = validate_site(draft)
    return Clinic(
        name=clean.name,
        street=clean.street,
        city=clean.city,
        province=clean.province,
        postal_code=clean.postal_code,
        phone=clean.phone,
        phone_extension=clean.phone_extension,
        email=clean.email,
    )
