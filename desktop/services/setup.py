"""The first run's set-up: the organisation, its sites, its privacy policy and the first manager account,
written together (all or nothing) into a database that holds none of them yet.

The wizard and ``frontdesk setup`` both call :meth:`SetupService.run`; everything is checked before
anything is written, and every problem is named at once (one ValidationError).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from desktop.db.database import Database
from desktop.db.models import Organisation, Staff
from desktop.domain.clinic_identity import OrganisationDraft, SiteDraft, validate_organisation
from desktop.domain.enums import Role
from desktop.domain.errors import ConflictError, FieldError, ValidationError
from desktop.domain.login_policy import LoginPolicy
from desktop.domain.records import ClinicRecord, PolicyDraft, StaffRecord
from desktop.services.clock import Clock
from desktop.services.ledger.accounts import add_account, prepare_account
from desktop.services.ledger.policies import store_policy_version
from desktop.services.ledger.sites import new_site, to_record
from desktop.services.permissions import Permission
from desktop.services.unit_of_work import UnitOfWork, run, system_actor


@dataclass(frozen=True)
class ManagerDraft:
    username: str
    full_name: str
    password: str


@dataclass(frozen=True)
class SetupPlan:
    """Everything the set-up asks for; the first site is where the first manager's account belongs.
    Only the demonstration goes without a manager (it makes its own accounts)."""

    organisation: OrganisationDraft
    sites: tuple[SiteDraft, ...]
    policy: PolicyDraft
    manager: ManagerDraft | None


@dataclass(frozen=True)
class SetupResult:
    sites: tuple[ClinicRecord, ...]
    manager: StaffRecord | None


class SetupService:
    def __init__(self, db: Database, clock: Clock, login_policy: LoginPolicy | None = None) -> None:
        self._db = db
        self._clock = clock
        self._policy = login_policy or LoginPolicy()

    def needed(self) -> bool:
        """True while the database has no organisation (a new database): the set-up must run first. A
        database already in use (its organisation and accounts present) never asks again."""

        def work(uow: UnitOfWork) -> bool:
            return uow.session.scalar(select(Organisation.id).limit(1)) is None

        return run(self._db, self._clock, system_actor("setup"), Permission.ADMINISTER, work, write=False)

    def run(self, plan: SetupPlan, workstation: str) -> SetupResult:
        """Write the plan; ConflictError("already_set_up") when the database has an organisation or an
        account, ValidationError naming every field to correct (site fields as ``site1.phone``)."""
        errors: list[FieldError] = []
        try:
            organisation = validate_organisation(plan.organisation)
        except ValidationError as error:
            errors += error.errors
        if not plan.sites:
            errors.append(FieldError("site_name", "required"))
        sites = []
        for number, draft in enumerate(plan.sites, start=1):
            try:
                sites.append(new_site(draft))
            except ValidationError as error:
                errors += [FieldError(f"site{number}.{e.field}", e.code, e.params) for e in error.errors]
        account = None
        if plan.manager is not None:
            try:
                account = prepare_account(
                    plan.manager.username,
                    plan.manager.full_name,
                    Role.MANAGER,
                    plan.manager.password,
                    self._policy,
                )
            except ValidationError as error:
                errors += error.errors
        if errors:
            raise ValidationError(errors)

        def work(uow: UnitOfWork) -> SetupResult:
            if uow.session.scalar(select(Organisation.id).limit(1)) is not None or uow.session.scalar(
                select(Staff.id).limit(1)
            ):
                raise ConflictError("already_set_up")
            uow.session.add(Organisation(id=1, **vars(organisation)))
            uow.session.add_all(sites)
            uow.session.flush()
            uow.audit("organisation.setup", "organisation", 1, f"sites={len(sites)}")
            for site in sites:
                uow.audit("clinic.create", "clinic", site.id)
            rows = store_policy_version(uow.session, plan.policy, uow.now)
            uow.audit(
                "policy.publish",
                "policy_version",
                rows[0].version,
                "; ".join(f"{row.language.value}={row.sha256}" for row in rows),
            )
            manager = add_account(uow, account, clinic_id=sites[0].id) if account is not None else None
            return SetupResult(tuple(to_record(s) for s in sites), manager)

        return run(self._db, self._clock, system_actor(workstation), Permission.ADMINISTER, work)
