"""The register of access and rectification requests: each request received in the period, when it
was received and how, what it asked, the file it concerns, when it was due (30 calendar days, s. 32),
when the requester's identity was verified, and whether and when it was answered or refused; open
requests past their due date are flagged. The requester is not named: the register counts and dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.domain.access_request_messages import AccessRequestTexts
from desktop.domain.access_requests import AccessRequestRecord, AccessRequestStatus
from desktop.domain.enums import Language
from desktop.domain.texts import Text
from desktop.domain.words import Words
from desktop.reports.base import ReportHeader, local_day
from desktop.reports.layout import Cell, Column, Kind, ReportLayout, Section

__all__ = ["AccessRequestsReport", "AccessRequestsText", "outcome", "overdue_flag"]


class AccessRequestsText:
    title = Text(
        "Registre des demandes d'accès et de rectification", "Access and rectification requests register"
    )
    received = Text("Demandes reçues dans la période", "Requests received in the period")
    answered = Text("Répondues", "Answered")
    refused = Text("Refusées", "Refused")
    open = Text("Ouvertes", "Open")
    overdue = Text("Ouvertes en retard", "Open and overdue")
    section = Text("Demandes", "Requests")
    received_on = Text("Reçue le", "Received")
    channel = Text("Reçue par", "Received by")
    kind = Text("Type", "Kind")
    due_on = Text("Échéance", "Due")
    verified = Text("Identité vérifiée le", "Identity verified")
    outcome = Text("Réponse ou refus", "Answered or refused")
    closed_on = Text("Le", "On")
    late = Text("Retard", "Late")
    late_answer = Text("répondue en retard", "answered late")
    late_refusal = Text("refusée en retard", "refused late")
    not_matched = Text("non associée", "not matched")
    none = Text("Aucune demande reçue pendant la période.", "No request was received in the period.")
    definitions = (
        Text(
            "Loi sur la protection des renseignements personnels dans le secteur privé, art. 32 : "
            "l'organisation répond par écrit dans les 30 jours de la réception de la demande ; à défaut, "
            "elle est réputée avoir refusé. L'échéance est la date de réception plus 30 jours civils.",
            "Quebec's private-sector privacy act, s. 32: the organisation answers in writing within 30 days "
            "of receiving the request; failing that, it is deemed to have refused. The due date is the date "
            "received plus 30 calendar days.",
        ),
        Text(
            "« EN RETARD » : demande encore ouverte dont l'échéance est passée à la date où ce rapport est "
            "produit. Le demandeur n'est pas nommé ; son nom figure dans la demande elle-même.",
            "“OVERDUE”: a request still open whose due date has passed on the day this report is produced. "
            "The requester is not named; the name is in the request itself.",
        ),
    )


def _label(value: str, language: Language) -> str:
    text = getattr(AccessRequestTexts, value, None)
    return text.get(language) if isinstance(text, Text) else value


def outcome(record: AccessRequestRecord, language: Language) -> str:
    """The request's state as the register names it: open, answered (and what was sent) or refused."""
    if record.status == AccessRequestStatus.ANSWERED:
        sent = ", ".join(_label(item.value, language) for item in sorted(record.answer_items))
        return (
            f"{AccessRequestTexts.answered.get(language)} ({sent})"
            if sent
            else AccessRequestTexts.answered.get(language)
        )
    return _label(record.status.value, language)


def overdue_flag(record: AccessRequestRecord, today: date, language: Language) -> str:
    """OVERDUE for an open request past due; answered or refused late for one closed after its due date."""
    if record.overdue_on(today):
        return AccessRequestTexts.overdue.get(language)
    if record.closed_late:
        late = AccessRequestsText.late_answer if record.answered_at else AccessRequestsText.late_refusal
        return late.get(language)
    return ""


@dataclass(frozen=True)
class AccessRequestsReport:
    header: ReportHeader
    requests: tuple[AccessRequestRecord, ...]

    @property
    def today(self) -> date:
        return local_day(self.header.generated_at)

    @property
    def row_count(self) -> int:
        return len(self.requests)

    def count(self, status: AccessRequestStatus) -> int:
        return sum(1 for r in self.requests if r.status == status)

    @property
    def overdue_count(self) -> int:
        return sum(1 for r in self.requests if r.overdue_on(self.today))

    def layout(self, language: Language = Language.FR) -> ReportLayout:
        return _layout(self, language)


def _row(record: AccessRequestRecord, today: date, language: Language) -> tuple[Cell, ...]:
    closed = record.answered_at or record.refused_at
    return (
        record.received_on,
        _label(record.channel.value, language),
        _label(record.kind.value, language),
        record.file_number or AccessRequestsText.not_matched.get(language),
        record.due_on,
        local_day(record.identity_verified_at) if record.identity_verified_at else None,
        outcome(record, language),
        local_day(closed) if closed else None,
        overdue_flag(record, today, language),
    )


def _layout(report: AccessRequestsReport, language: Language) -> ReportLayout:
    text = AccessRequestsText
    return ReportLayout(
        header=report.header,
        language=language,
        title=text.title.get(language),
        landscape=True,
        figures=(
            (text.received.get(language), report.row_count, Kind.INT),
            (text.answered.get(language), report.count(AccessRequestStatus.ANSWERED), Kind.INT),
            (text.refused.get(language), report.count(AccessRequestStatus.REFUSED), Kind.INT),
            (text.open.get(language), report.count(AccessRequestStatus.OPEN), Kind.INT),
            (text.overdue.get(language), report.overdue_count, Kind.INT),
        ),
        definitions=tuple(d.get(language) for d in text.definitions),
        sections=(
            Section(
                text.section.get(language),
                (
                    Column(text.received_on.get(language), Kind.DATE, 0.9),
                    Column(text.channel.get(language), width=0.9),
                    Column(text.kind.get(language), width=0.9),
                    Column(Words.file.get(language), width=0.8),
                    Column(text.due_on.get(language), Kind.DATE, 0.9),
                    Column(text.verified.get(language), Kind.DATE, 0.9),
                    Column(text.outcome.get(language), width=2.0),
                    Column(text.closed_on.get(language), Kind.DATE, 0.9),
                    Column(text.late.get(language), width=1.0),
                ),
                tuple(_row(r, report.today, language) for r in report.requests),
                empty_text=text.none.get(language),
            ),
        ),
    )
