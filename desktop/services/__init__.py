"""The one door to the data. Every call takes the acting staff member, opens its own unit of work,
checks the role, writes the audit record and returns plain dataclasses."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar, overload

from desktop.services.clock import Clock

if TYPE_CHECKING:
    from desktop.db.database import Database
    from desktop.domain.evidence import WitnessedHead
    from desktop.domain.login_policy import LoginPolicy
    from desktop.services.access_requests import AccessRequestService
    from desktop.services.acknowledgments import AcknowledgmentService
    from desktop.services.appointments import AppointmentService
    from desktop.services.client_import import ClientImportService
    from desktop.services.clients import ClientService
    from desktop.services.clinics import ClinicService
    from desktop.services.consent import ConsentService
    from desktop.services.disclosures import DisclosureService
    from desktop.services.documents import DocumentService
    from desktop.services.evidence import EvidenceService
    from desktop.services.exports import ExportService
    from desktop.services.incidents import IncidentService
    from desktop.services.optouts import OptOutService
    from desktop.services.policies import PolicyService
    from desktop.services.reminders import ReminderService
    from desktop.services.reporting.chain import ChainVerifier
    from desktop.services.reports import ReportService
    from desktop.services.retention import RetentionService
    from desktop.services.schedule import ScheduleService
    from desktop.services.setup import SetupService
    from desktop.services.staff import StaffService
    from desktop.services.witnessing import WitnessKeeper

S = TypeVar("S")


class _Made(Generic[S]):
    """A service made the first time it is asked for, once even when two threads ask together.

    The sign-in window needs only the staff service: the others (and reportlab, Pillow and the like
    that some of them import) load after it is on screen. Stored in the instance, so a test may
    still replace one."""

    def __init__(self, make: Callable[[Services], S]) -> None:
        self._make = make
        self._lock = threading.Lock()
        self._name = make.__name__

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    @overload
    def __get__(self, instance: None, owner: type) -> _Made[S]: ...
    @overload
    def __get__(self, instance: Services, owner: type) -> S: ...
    def __get__(self, instance: Services | None, owner: type) -> S | _Made[S]:
        if instance is None:
            return self
        with self._lock:
            made = instance.__dict__.get(self._name)
            if made is None:
                made = instance.__dict__[self._name] = self._make(instance)
        return made


class Services:
    """The facade: one attribute per service, each made when first used."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        login_policy: LoginPolicy | None = None,
        witness: WitnessKeeper | None = None,
    ) -> None:
        self.db = db
        self.clock = clock
        self.login_policy = login_policy
        #: This workstation's witness of the database (none for a throwaway database); its ``head()``
        #: is what a document prints as the chain head it was produced against.
        self.witness = witness

    @classmethod
    def create(
        cls,
        db: Database,
        clock: Clock | None = None,
        login_policy: LoginPolicy | None = None,
        *,
        witness: bool = True,
    ) -> Services:
        """``witness``: keep this workstation's witness of the database (not for a throwaway one)."""
        from desktop.services.witnessing import keep_witness
        from desktop.workstation import workstation_name

        clock = clock or Clock()
        keeper = keep_witness(db, workstation_name(), clock) if witness else None
        return cls(db, clock, login_policy, keeper)

    def _witnessed(self) -> WitnessedHead | None:
        from desktop.services.queries.chain_head import witnessed_head

        return witnessed_head(self.witness.witness if self.witness else None)

    def _make_chain(self) -> ChainVerifier:
        from desktop.services.reporting.chain import ChainVerifier

        # One verifier for the reports and the evidence pack: the chain is walked once for both, and
        # the link verified last is kept only by a workstation that keeps a witness of the database.
        return ChainVerifier(self.db.display_url if self.witness else None)

    def _make_clients(self) -> ClientService:
        from desktop.services.clients import ClientService

        return ClientService(self.db, self.clock)

    def _make_client_import(self) -> ClientImportService:
        from desktop.services.client_import import ClientImportService

        return ClientImportService(self.db, self.clock)

    def _make_appointments(self) -> AppointmentService:
        from desktop.services.appointments import AppointmentService

        return AppointmentService(self.db, self.clock)

    def _make_consent(self) -> ConsentService:
        from desktop.services.consent import ConsentService

        return ConsentService(self.db, self.clock)

    def _make_optouts(self) -> OptOutService:
        from desktop.services.optouts import OptOutService

        return OptOutService(self.db, self.clock)

    def _make_access_requests(self) -> AccessRequestService:
        from desktop.services.access_requests import AccessRequestService

        return AccessRequestService(self.db, self.clock)

    def _make_acknowledgments(self) -> AcknowledgmentService:
        from desktop.services.acknowledgments import AcknowledgmentService

        return AcknowledgmentService(self.db, self.clock)

    def _make_policies(self) -> PolicyService:
        from desktop.services.policies import PolicyService

        return PolicyService(self.db, self.clock)

    def _make_staff(self) -> StaffService:
        from desktop.services.staff import StaffService

        return StaffService(self.db, self.clock, self.login_policy)

    def _make_clinics(self) -> ClinicService:
        from desktop.services.clinics import ClinicService

        return ClinicService(self.db, self.clock)

    def _make_documents(self) -> DocumentService:
        from desktop.services.documents import DocumentService

        return DocumentService(self.db, self.clock)

    def _make_reports(self) -> ReportService:
        from desktop.services.reports import ReportService

        return ReportService(self.db, self.clock, self._witnessed if self.witness else None, self.chain)

    def _make_exports(self) -> ExportService:
        from desktop.services.exports import ExportService

        return ExportService(self.db, self.clock)

    def _make_evidence(self) -> EvidenceService:
        from desktop.services.evidence import EvidenceService

        return EvidenceService(self.db, self.clock, self._witnessed, self.chain)

    def _make_setup(self) -> SetupService:
        from desktop.services.setup import SetupService

        return SetupService(self.db, self.clock, self.login_policy)

    def _make_retention(self) -> RetentionService:
        from desktop.services.retention import RetentionService

        return RetentionService(self.db, self.clock)

    def _make_reminders(self) -> ReminderService:
        from desktop.services.reminders import ReminderService

        return ReminderService(self.db, self.clock)

    def _make_incidents(self) -> IncidentService:
        from desktop.services.incidents import IncidentService

        return IncidentService(self.db, self.clock)

    def _make_disclosures(self) -> DisclosureService:
        from desktop.services.disclosures import DisclosureService

        return DisclosureService(self.db, self.clock)

    def _make_schedule(self) -> ScheduleService:
        from desktop.services.schedule import ScheduleService

        return ScheduleService(self.db, self.clock)

    chain: _Made[ChainVerifier] = _Made(_make_chain)
    clients: _Made[ClientService] = _Made(_make_clients)
    client_import: _Made[ClientImportService] = _Made(_make_client_import)
    appointments: _Made[AppointmentService] = _Made(_make_appointments)
    consent: _Made[ConsentService] = _Made(_make_consent)
    optouts: _Made[OptOutService] = _Made(_make_optouts)
    access_requests: _Made[AccessRequestService] = _Made(_make_access_requests)
    acknowledgments: _Made[AcknowledgmentService] = _Made(_make_acknowledgments)
    policies: _Made[PolicyService] = _Made(_make_policies)
    staff: _Made[StaffService] = _Made(_make_staff)
    clinics: _Made[ClinicService] = _Made(_make_clinics)
    documents: _Made[DocumentService] = _Made(_make_documents)
    reports: _Made[ReportService] = _Made(_make_reports)
    exports: _Made[ExportService] = _Made(_make_exports)
    evidence: _Made[EvidenceService] = _Made(_make_evidence)
    setup: _Made[SetupService] = _Made(_make_setup)
    reminders: _Made[ReminderService] = _Made(_make_reminders)
    retention: _Made[RetentionService] = _Made(_make_retention)
    schedule: _Made[ScheduleService] = _Made(_make_schedule)
    disclosures: _Made[DisclosureService] = _Made(_make_disclosures)
    incidents: _Made[IncidentService] = _Made(_make_incidents)

    @property
    def database_label(self) -> str:
        return self.db.display_url

    def schema_revision(self) -> str | None:
        """The schema revision the database is at (``frontdesk db upgrade`` reports it)."""
        # Imported here: Alembic loads only when someone asks.
        from desktop.db.migrate import current_revision

        return current_revision(self.db.engine)

    def ping(self) -> None:
        """Raises DatabaseUnavailableError while the database cannot be reached (used to reconnect)."""
        from sqlalchemy import text
        from sqlalchemy.exc import DBAPIError

        from desktop.domain.errors import DatabaseUnavailableError
        from desktop.services.thread_guard import check_unit_of_work_allowed

        check_unit_of_work_allowed()
        try:
            with self.db.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except DBAPIError as error:
            raise DatabaseUnavailableError() from error

    def close(self) -> None:
        self.db.dispose()
