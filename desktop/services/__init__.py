"""The one door to the data. Every call takes the acting staff member, opens its own unit of work,
checks the role, writes the audit record and returns plain dataclasses."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.db.database import Database
from desktop.domain.evidence import WitnessedHead
from desktop.domain.login_policy import LoginPolicy
from desktop.services.acknowledgments import AcknowledgmentService
from desktop.services.appointments import AppointmentService
from desktop.services.clients import ClientService
from desktop.services.clinics import ClinicService
from desktop.services.clock import Clock
from desktop.services.consent import ConsentService
from desktop.services.documents import DocumentService
from desktop.services.evidence import EvidenceService
from desktop.services.exports import ExportService
from desktop.services.optouts import OptOutService
from desktop.services.policies import PolicyService
from desktop.services.queries.chain_head import witnessed_head
from desktop.services.reminders import ReminderService
from desktop.services.reporting.chain import ChainVerifier
from desktop.services.reports import ReportService
from desktop.services.schedule import ScheduleService
from desktop.services.setup import SetupService
from desktop.services.staff import StaffService
from desktop.services.witnessing import WitnessKeeper, keep_witness
from desktop.workstation import workstation_name


@dataclass
class Services:
    db: Database
    clock: Clock
    clients: ClientService
    appointments: AppointmentService
    consent: ConsentService
    optouts: OptOutService
    acknowledgments: AcknowledgmentService
    policies: PolicyService
    staff: StaffService
    clinics: ClinicService
    documents: DocumentService
    reports: ReportService
    exports: ExportService
    evidence: EvidenceService
    setup: SetupService
    reminders: ReminderService
    schedule: ScheduleService
    #: This workstation's witness of the database (none for a throwaway database); its ``head()``
    #: is what a document prints as the chain head it was produced against.
    witness: WitnessKeeper | None = None

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
        clock = clock or Clock()
        keeper = keep_witness(db, workstation_name(), clock) if witness else None

        def witnessed() -> WitnessedHead | None:
            return witnessed_head(keeper.witness if keeper else None)

        # One verifier for the reports and the evidence pack: the chain is walked once for both, and
        # the link verified last is kept only by a workstation that keeps a witness of the database.
        chain = ChainVerifier(db.display_url if keeper else None)

        return cls(
            db=db,
            clock=clock,
            clients=ClientService(db, clock),
            appointments=AppointmentService(db, clock),
            consent=ConsentService(db, clock),
            optouts=OptOutService(db, clock),
            acknowledgments=AcknowledgmentService(db, clock),
            policies=PolicyService(db, clock),
            staff=StaffService(db, clock, login_policy),
            clinics=ClinicService(db, clock),
            documents=DocumentService(db, clock),
            reports=ReportService(db, clock, witnessed if keeper else None, chain),
            exports=ExportService(db, clock),
            evidence=EvidenceService(db, clock, witnessed, chain),
            setup=SetupService(db, clock, login_policy),
            reminders=ReminderService(db, clock),
            schedule=ScheduleService(db, clock),
            witness=keeper,
        )

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
