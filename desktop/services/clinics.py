"""The organisation and its sites (clinics): read by everyone signed in, changed by a manager or the
privacy officer, every change audited with the fields it changed."""

from __future__ import annotations

from dataclasses import fields

from sqlalchemy import select

from desktop.db.database import Database
from desktop.db.models import Clinic
from desktop.domain.clinic_identity import (
    OrganisationDraft,
    OrganisationRecord,
    SiteDraft,
    validate_organisation,
    validate_site,
)
from desktop.domain.errors import NotFoundError
from desktop.domain.messages import Subjects
from desktop.domain.records import Actor, ClinicRecord
from desktop.services.clock import Clock
from desktop.services.ledger.sites import new_site, to_record
from desktop.services.permissions import Permission
from desktop.services.queries.organisation import load_organisation, organisation_record
from desktop.services.unit_of_work import UnitOfWork, run

#: Rules whose new value the audit names (identity fields are named, their values are in the record).
_RULES = ("easter_holiday", "opt_out_delay_days", "idle_lock_minutes", "retention_years")


def _changes(target: object, clean: object, names: list[str]) -> list[str]:
    """Set each field of ``clean`` on ``target``; the audit's words for the ones that changed."""
    changed = []
    for name in names:
        value = getattr(clean, name)
        if getattr(target, name) != value:
            setattr(target, name, value)
            changed.append(f"{name}={value}" if name in _RULES else name)
    return changed


class ClinicService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def get(self, actor: Actor, clinic_id: int | None = None) -> ClinicRecord:
        """A site; the actor's own (the workstation's) when no id is given."""

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

    def organisation(self, actor: Actor) -> OrganisationRecord:
        def work(uow: UnitOfWork) -> OrganisationRecord:
            return organisation_record(load_organisation(uow.session))

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)

    def update_organisation(self, actor: Actor, draft: OrganisationDraft) -> OrganisationRecord:
        """The organisation's identity and rules (the opt-out delay never above the law's 10 days)."""
        clean = validate_organisation(draft)

        def work(uow: UnitOfWork) -> OrganisationRecord:
            organisation = load_organisation(uow.session)
            changed = _changes(organisation, clean, [f.name for f in fields(OrganisationDraft)])
            if changed:
                uow.audit("organisation.update", "organisation", organisation.id, " ".join(changed))
            return organisation_record(organisation)

        return run(self._db, self._clock, actor, Permission.MANAGE_CLINIC, work)

    def update_site(self, actor: Actor, clinic_id: int, draft: SiteDraft) -> ClinicRecord:
        clean = validate_site(draft)

        def work(uow: UnitOfWork) -> ClinicRecord:
            clinic = uow.session.get(Clinic, clinic_id)
            if clinic is None:
                raise NotFoundError(what=Subjects.clinic)
            changed = _changes(clinic, clean, [f.name for f in fields(SiteDraft)])
            if changed:
                uow.audit("clinic.update", "clinic", clinic.id, " ".join(changed))
            return to_record(clinic)

        return run(self._db, self._clock, actor, Permission.MANAGE_CLINIC, work)

    def add_site(self, actor: Actor, draft: SiteDraft) -> ClinicRecord:
        site = new_site(draft)

        def work(uow: UnitOfWork) -> ClinicRecord:
            uow.session.add(site)
            uow.session.flush()
            uow.audit("clinic.create", "clinic", site.id)
            return to_record(site)

        return run(self._db, self._clock, actor, Permission.MANAGE_CLINIC, work)
