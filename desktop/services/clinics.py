"""The clinic's own details (name, address, how to reach the privacy officer), defaulting to the policy's."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.database import Database
from desktop.db.models import Clinic
from desktop.domain.errors import NotFoundError
from desktop.domain.messages import Subjects
from desktop.domain.records import Actor, ClinicRecord
from desktop.services.clock import Clock
from desktop.services.permissions import Permission
from desktop.services.unit_of_work import UnitOfWork, run

#: From the privacy policy of 2020-04-22, section 5.
DEFAULT_CLINIC = dict(
    name="Cliniques Médicales Lacroix",
    street="1000 chemin Ste-Foy, bureau 401",
    city="Québec",
    province="QC",
    postal_code="G1S 2L6",
    phone="1 855 841-1911",
    email="info@cliniqueslacroix.ca",
    privacy_officer_name="Responsable de la protection des renseignements personnels",
    privacy_officer_contact="info@cliniqueslacroix.ca · 1 855 841-1911",
)


def ensure_default_clinic(session: Session) -> None:
    if session.scalar(select(Clinic.id).limit(1)) is None:
        session.add(Clinic(id=1, **DEFAULT_CLINIC))


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
        clinic.privacy_officer_name,
        clinic.privacy_officer_contact,
    )


class ClinicService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def get(self, actor: Actor, clinic_id: int | None = None) -> ClinicRecord:
        def work(uow: UnitOfWork) -> ClinicRecord:
            clinic = uow.session.get(Clinic, clinic_id or uow.clinic_id)
            if clinic is None:
                raise NotFoundError(what=Subjects.clinic)
            return to_record(clinic)

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)

    def list(self, actor: Actor) -> list[ClinicRecord]:
        def work(uow: UnitOfWork) -> list[ClinicRecord]:
            return [to_record(c) for c in uow.session.scalars(select(Clinic).order_by(Clinic.id))]

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)
