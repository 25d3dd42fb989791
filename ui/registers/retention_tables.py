"""The columns of the retention review's three lists: the files past the rule, the legal holds standing
and the anonymisations recorded. Titles and cells are made in the staff language of the moment."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.domain.retention import AnonymisationRecord, LegalHoldRecord, RetentionCandidate
from ui.kit.i18n import format_date, format_datetime, format_number
from ui.kit.models import Column

__all__ = ["anonymisation_columns", "candidate_columns", "hold_columns", "rule_text"]


def rule_text(years: int) -> str:
    """The rule in the staff language: "7 years after the last contact"."""
    # Two sentences rather than a %n plural: pyside6-lupdate gives translate() no plural forms.
    if years == 1:
        return QCoreApplication.translate("RetentionTables", "1 year after the last contact")
    return QCoreApplication.translate("RetentionTables", "{years} years after the last contact").format(
        years=years
    )


def candidate_columns() -> list[Column[RetentionCandidate]]:
    return [
        Column(QCoreApplication.translate("RetentionTables", "File no."), lambda c: c.file_number),
        Column(
            QCoreApplication.translate("RetentionTables", "Name"), lambda c: c.name, tooltip=lambda c: c.name
        ),
        Column(
            QCoreApplication.translate("RetentionTables", "Date of birth"),
            lambda c: format_date(c.date_of_birth),
        ),
        Column(
            QCoreApplication.translate("RetentionTables", "Last contact"),
            lambda c: format_date(c.last_contact_on),
        ),
        Column(
            QCoreApplication.translate("RetentionTables", "Review due since"),
            lambda c: format_date(c.review_due_on),
            tone=lambda _c: "warning",
        ),
    ]


def hold_columns() -> list[Column[LegalHoldRecord]]:
    return [
        Column(QCoreApplication.translate("RetentionTables", "File no."), lambda h: h.file_number),
        Column(QCoreApplication.translate("RetentionTables", "Placed on"), lambda h: format_datetime(h.at)),
        Column(QCoreApplication.translate("RetentionTables", "Placed by"), lambda h: h.by_name),
        Column(
            QCoreApplication.translate("RetentionTables", "Reason"),
            lambda h: h.reason,
            tooltip=lambda h: h.reason,
        ),
    ]


def anonymisation_columns() -> list[Column[AnonymisationRecord]]:
    return [
        Column(QCoreApplication.translate("RetentionTables", "File no."), lambda a: a.file_number),
        Column(
            QCoreApplication.translate("RetentionTables", "Anonymised on"),
            lambda a: format_datetime(a.anonymised_at),
        ),
        Column(QCoreApplication.translate("RetentionTables", "By"), lambda a: a.by_name),
        Column(QCoreApplication.translate("RetentionTables", "Rule"), lambda a: rule_text(a.retention_years)),
        Column(
            QCoreApplication.translate("RetentionTables", "Last contact"),
            lambda a: format_date(a.last_contact_on),
        ),
        Column(
            QCoreApplication.translate("RetentionTables", "Rows erased"),
            lambda a: format_number(a.erased_rows),
        ),
        Column(
            QCoreApplication.translate("RetentionTables", "Documents removed"),
            lambda a: format_number(a.documents_removed),
        ),
    ]
