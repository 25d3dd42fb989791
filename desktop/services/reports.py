"""Reports for the manager (RUN_REPORTS) and the privacy officer (READ_AUDIT, for one client's access
log). A report is read in one read-only snapshot (``desktop.services.read_snapshot``: no write lock
held however long it reads), then audited as ``report.run`` with its kind and row count in its own
short write; the numbers come from set-based queries (``desktop.services.reporting``).

``render`` runs a report and returns its file (PDF or CSV bytes): what the GUI and the command line
show, print or save. ``ReportKind`` and ``ReportFormat`` are re-exported here for them.

Every report carries the audit chain's head as its data stood, read and verified in the report's
snapshot once the role is checked (``desktop.services.reporting.chain``, with the verifier the
evidence pack uses), and this workstation's keyed witness once the report's own record is sealed:
the words and values the evidence pack prints.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TypeVar

from sqlalchemy.orm import Session

from desktop.db.database import Database
from desktop.db.models import Clinic
from desktop.domain.enums import Language
from desktop.domain.evidence import WitnessedHead
from desktop.domain.records import Actor
from desktop.reports.access_log import AccessLogReport
from desktop.reports.access_requests import AccessRequestsReport
from desktop.reports.base import ChainSeal, Period, ReportHeader, ReportKind
from desktop.reports.consent_coverage import ConsentCoverageReport
from desktop.reports.disclosure_register import DisclosureRegisterReport
from desktop.reports.exports_log import ExportsLogReport
from desktop.reports.incident_register import IncidentRegisterReport
from desktop.reports.optout_register import OptOutRegisterReport
from desktop.reports.reacknowledgment import ReacknowledgmentReport
from desktop.reports.render import Report, ReportFormat, render_report
from desktop.reports.retention import AnonymisationsReport, RetentionReviewReport
from desktop.services.clock import Clock
from desktop.services.permissions import Permission
from desktop.services.queries.clients import client_by_file_number
from desktop.services.read_snapshot import read_snapshot
from desktop.services.reporting import (
    access_log,
    access_requests,
    consent_coverage,
    disclosure_register,
    exports_log,
    incident_register,
    optout_register,
    reacknowledgment,
    retention,
)
from desktop.services.reporting.chain import ChainVerifier
from desktop.services.unit_of_work import UnitOfWork, run

__all__ = ["RenderedReport", "ReportFormat", "ReportKind", "ReportService", "report_permission"]

R = TypeVar("R", bound=Report)

#: What a report asks of the role when it is not RUN_REPORTS (the manager's): the window offers, and the
#: tests expect, what the service checks.
_PERMISSIONS = {
    ReportKind.ACCESS_LOG: Permission.READ_AUDIT,
    ReportKind.ACCESS_REQUESTS: Permission.KEEP_PRIVACY_REGISTERS,
    ReportKind.INCIDENT_REGISTER: Permission.KEEP_PRIVACY_REGISTERS,
    ReportKind.RETENTION_REVIEW: Permission.KEEP_PRIVACY_REGISTERS,
    ReportKind.ANONYMISATIONS: Permission.KEEP_PRIVACY_REGISTERS,
    ReportKind.DISCLOSURE_REGISTER: Permission.RECORD_DISCLOSURES,
}


def report_permission(kind: ReportKind | str) -> Permission:
    return _PERMISSIONS.get(ReportKind(kind), Permission.RUN_REPORTS)


@dataclass(frozen=True)
class RenderedReport:
    """A report's file, ready to preview, print or save."""

    kind: ReportKind
    fmt: ReportFormat
    start: date
    end: date
    row_count: int
    data: bytes


@dataclass(frozen=True)
class _Run:
    """What the role check hands the snapshot: who runs the report, and when."""

    now: datetime
    staff_name: str
    clock: Clock


def _checked(uow: UnitOfWork, chain: ChainVerifier) -> _Run:
    # Walked here, after the role check and before the snapshot: the snapshot verifies only the
    # records appended meanwhile.
    chain.catch_up(uow.session)
    name = uow.staff.full_name if uow.staff is not None else uow.actor.full_name
    return _Run(uow.now, name, uow.clock)


def _header(
    session: Session, actor: Actor, kind: ReportKind, period: Period, checked: _Run, seal: ChainSeal
) -> ReportHeader:
    clinic = session.get(Clinic, actor.clinic_id)
    return ReportHeader(
        kind, period, checked.now, checked.staff_name, clinic.name if clinic is not None else "", seal
    )


def _witnessed(report: R, witnessed: WitnessedHead) -> R:
    seal = report.header.seal
    if seal is None:
        return report
    header = replace(report.header, seal=replace(seal, witnessed=witnessed))
    return replace(report, header=header)  # type: ignore[type-var]  # every report is a dataclass


class ReportService:
    def __init__(
        self,
        db: Database,
        clock: Clock,
        witness: Callable[[], WitnessedHead | None] | None = None,
        chain: ChainVerifier | None = None,
    ) -> None:
        """``witness``: this workstation's keyed witness head, read once the report is recorded;
        ``chain``: the verifier shared with the evidence pack (by default one of its own)."""
        self._db = db
        self._clock = clock
        self._witness = witness
        # A workstation that keeps a witness of the database also keeps the link verified last.
        self._chain = chain or ChainVerifier(db.display_url if witness is not None else None)

    def _run(
        self,
        actor: Actor,
        kind: ReportKind,
        start: date,
        end: date,
        compute: Callable[[Session, ReportHeader, _Run], R],
        *,
        permission: Permission = Permission.RUN_REPORTS,
        detail: Callable[[R], str] = lambda _report: "",
    ) -> R:
        """The role checked (a refusal recorded, nothing walked or read), the report read in one
        snapshot that also reads and verifies the chain's head, so every record it gathers is covered
        by the head; then its audit record in a short write of its own."""
        period = Period(start, end)
        checked = run(
            self._db, self._clock, actor, permission, lambda uow: _checked(uow, self._chain), write=False
        )

        def read(session: Session) -> R:
            header = _header(session, actor, kind, period, checked, self._chain.seal(session))
            return compute(session, header, checked)

        report = read_snapshot(self._db, read)
        extra = detail(report)
        summary = f"kind={kind.value} rows={report.row_count} from={start} to={end}" + (
            f" {extra}" if extra else ""
        )
        run(
            self._db,
            self._clock,
            actor,
            permission,
            lambda uow: uow.audit("report.run", "report", kind.value, summary),
        )
        # Read after the commit, so the witness has sealed the report's own record.
        witnessed = self._witness() if self._witness is not None else None
        return _witnessed(report, witnessed) if witnessed is not None else report

    def consent_coverage(self, actor: Actor, start: date, end: date) -> ConsentCoverageReport:
        return self._run(
            actor,
            ReportKind.CONSENT_COVERAGE,
            start,
            end,
            lambda session, header, checked: consent_coverage.compute(session, header, checked.now),
        )

    def optout_register(self, actor: Actor, start: date, end: date) -> OptOutRegisterReport:
        return self._run(
            actor,
            ReportKind.OPTOUT_REGISTER,
            start,
            end,
            lambda session, header, checked: optout_register.compute(session, header, checked.clock.today()),
        )

    def reacknowledgment(self, actor: Actor, start: date, end: date) -> ReacknowledgmentReport:
        return self._run(
            actor,
            ReportKind.REACKNOWLEDGMENT,
            start,
            end,
            lambda session, header, _checked: reacknowledgment.compute(session, header),
        )

    def access_log(self, actor: Actor, file_number: str, start: date, end: date) -> AccessLogReport:
        """Every recorded access to one client's file: for the privacy officer only."""
        return self._run(
            actor,
            ReportKind.ACCESS_LOG,
            start,
            end,
            lambda session, header, _checked: access_log.compute(
                session, header, client_by_file_number(session, file_number)
            ),
            permission=Permission.READ_AUDIT,
            detail=lambda report: f"client={report.client_id}",
        )

    def exports_log(self, actor: Actor, start: date, end: date) -> ExportsLogReport:
        return self._run(
            actor,
            ReportKind.EXPORTS_LOG,
            start,
            end,
            lambda session, header, _checked: exports_log.compute(session, header),
        )

    def retention_review(self, actor: Actor, start: date, end: date) -> RetentionReviewReport:
        """The files past the retention rule as of ``end``: for the privacy officer only."""
        return self._run(
            actor,
            ReportKind.RETENTION_REVIEW,
            start,
            end,
            lambda session, header, checked: retention.review(session, header, checked.clock.today()),
            permission=report_permission(ReportKind.RETENTION_REVIEW),
        )

    def anonymisations(self, actor: Actor, start: date, end: date) -> AnonymisationsReport:
        """The anonymisations recorded in the period: for the privacy officer only."""
        return self._run(
            actor,
            ReportKind.ANONYMISATIONS,
            start,
            end,
            lambda session, header, _checked: retention.anonymisations(session, header),
            permission=report_permission(ReportKind.ANONYMISATIONS),
        )

    def access_requests(self, actor: Actor, start: date, end: date) -> AccessRequestsReport:
        """The access and rectification requests received in the period: for the privacy officer only."""
        return self._run(
            actor,
            ReportKind.ACCESS_REQUESTS,
            start,
            end,
            lambda session, header, _checked: access_requests.compute(session, header),
            permission=Permission.KEEP_PRIVACY_REGISTERS,
        )

    def incident_register(self, actor: Actor, start: date, end: date) -> IncidentRegisterReport:
        """The confidentiality incidents the clinic became aware of in the period: for the privacy officer."""
        return self._run(
            actor,
            ReportKind.INCIDENT_REGISTER,
            start,
            end,
            lambda session, header, _checked: incident_register.compute(session, header),
            permission=Permission.KEEP_PRIVACY_REGISTERS,
        )

    def disclosure_register(self, actor: Actor, start: date, end: date) -> DisclosureRegisterReport:
        """The disclosures of the period: for a manager or the privacy officer, who record them."""
        return self._run(
            actor,
            ReportKind.DISCLOSURE_REGISTER,
            start,
            end,
            lambda session, header, _checked: disclosure_register.compute(session, header),
            permission=Permission.RECORD_DISCLOSURES,
        )

    def run(
        self, actor: Actor, kind: ReportKind | str, start: date, end: date, *, client_file_number: str = ""
    ) -> Report:
        """Any report by its kind (``client_file_number`` is for the access log)."""
        match ReportKind(kind):
            case ReportKind.CONSENT_COVERAGE:
                return self.consent_coverage(actor, start, end)
            case ReportKind.OPTOUT_REGISTER:
                return self.optout_register(actor, start, end)
            case ReportKind.REACKNOWLEDGMENT:
                return self.reacknowledgment(actor, start, end)
            case ReportKind.ACCESS_LOG:
                return self.access_log(actor, client_file_number, start, end)
            case ReportKind.EXPORTS_LOG:
                return self.exports_log(actor, start, end)
            case ReportKind.DISCLOSURE_REGISTER:
                return self.disclosure_register(actor, start, end)
            case ReportKind.INCIDENT_REGISTER:
                return self.incident_register(actor, start, end)
            case ReportKind.ACCESS_REQUESTS:
                return self.access_requests(actor, start, end)
            case ReportKind.RETENTION_REVIEW:
                return self.retention_review(actor, start, end)
            case ReportKind.ANONYMISATIONS:
                return self.anonymisations(actor, start, end)
        raise ValueError(kind)

    def render(
        self,
        actor: Actor,
        kind: ReportKind | str,
        start: date,
        end: date,
        fmt: ReportFormat | str,
        language: Language,
        *,
        client_file_number: str = "",
    ) -> RenderedReport:
        """Run a report (audited as ``report.run``) and lay it out as a PDF or CSV file in ``language``.
        The file is made after the unit of work, so rendering never holds a database transaction."""
        report = self.run(actor, kind, start, end, client_file_number=client_file_number)
        chosen = ReportFormat(fmt)
        data = render_report(report, chosen, language)
        return RenderedReport(ReportKind(kind), chosen, start, end, report.row_count, data)
