"""The disclosure register's words on screen: recipients, means, an entry's recipient and standing, in the
staff language (the PDF and CSV take theirs from the core)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.domain.disclosures import DisclosureRecord
from desktop.domain.register_enums import DisclosureMeans, DisclosureRecipient
from ui.kit.i18n import format_date, format_datetime
from ui.kit.models import Column

__all__ = ["disclosure_columns", "entry_recipient", "entry_standing", "means_name", "recipient_name"]


def recipient_name(kind: DisclosureRecipient) -> str:
    return {
        DisclosureRecipient.PARENT_ORGANISATION: QCoreApplication.translate(
            "Disclosures", "Parent organisation"
        ),
        DisclosureRecipient.COURT: QCoreApplication.translate("Disclosures", "Court"),
        DisclosureRecipient.POLICE: QCoreApplication.translate("Disclosures", "Police service"),
        DisclosureRecipient.PROFESSIONAL_ORDER: QCoreApplication.translate(
            "Disclosures", "Professional order"
        ),
        DisclosureRecipient.OTHER: QCoreApplication.translate("Disclosures", "Other recipient"),
    }[kind]


def means_name(means: DisclosureMeans) -> str:
    return {
        DisclosureMeans.POST: QCoreApplication.translate("Disclosures", "By post"),
        DisclosureMeans.EMAIL: QCoreApplication.translate("Disclosures", "By email"),
        DisclosureMeans.FAX: QCoreApplication.translate("Disclosures", "By fax"),
        DisclosureMeans.HAND_DELIVERED: QCoreApplication.translate("Disclosures", "Hand delivered"),
        DisclosureMeans.SECURE_TRANSFER: QCoreApplication.translate("Disclosures", "Secure transfer"),
        DisclosureMeans.PHONE: QCoreApplication.translate("Disclosures", "By phone"),
        DisclosureMeans.OTHER: QCoreApplication.translate("Disclosures", "Other means"),
    }[means]


def entry_recipient(entry: DisclosureRecord) -> str:
    kind = recipient_name(entry.recipient_kind)
    return f"{kind} — {entry.recipient_name}" if entry.recipient_name else kind


def entry_standing(entry: DisclosureRecord) -> str:
    """ "Standing", or which entry it corrects and which corrects it."""
    parts = []
    if entry.corrects_id is not None:
        parts.append(
            QCoreApplication.translate("Disclosures", "corrects no. {id}").format(id=entry.corrects_id)
        )
    if entry.corrected_by_id is not None:
        parts.append(
            QCoreApplication.translate("Disclosures", "corrected by no. {id}").format(
                id=entry.corrected_by_id
            )
        )
    return ", ".join(parts) or QCoreApplication.translate("Disclosures", "standing")


def disclosure_columns(*, with_files: bool) -> list[Column[DisclosureRecord]]:
    """The register's columns (a client's file leaves out the files: it is the one open)."""
    columns: list[Column[DisclosureRecord]] = [
        Column(QCoreApplication.translate("Disclosures", "No."), lambda e: str(e.id)),
        Column(QCoreApplication.translate("Disclosures", "Date"), lambda e: format_date(e.disclosed_on)),
        Column(
            QCoreApplication.translate("Disclosures", "Recipient"), entry_recipient, tooltip=entry_recipient
        ),
        Column(
            QCoreApplication.translate("Disclosures", "Legal basis"),
            lambda e: _short(e.legal_basis),
            tooltip=lambda e: e.legal_basis,
        ),
        Column(
            QCoreApplication.translate("Disclosures", "Information"),
            lambda e: _short(e.information),
            tooltip=lambda e: e.information,
        ),
        Column(QCoreApplication.translate("Disclosures", "Files"), lambda e: ", ".join(e.file_numbers)),
        Column(QCoreApplication.translate("Disclosures", "Authorised by"), lambda e: e.authorised_by),
        Column(QCoreApplication.translate("Disclosures", "How sent"), lambda e: means_name(e.means)),
        Column(
            QCoreApplication.translate("Disclosures", "Recorded"),
            lambda e: f"{e.recorded_by}, {format_datetime(e.recorded_at)}",
        ),
        Column(
            QCoreApplication.translate("Disclosures", "Status"),
            entry_standing,
            bold=lambda e: e.stands and e.corrects_id is not None,
        ),
    ]
    return columns if with_files else [c for i, c in enumerate(columns) if i != 5]


def _short(text: str, length: int = 60) -> str:
    line = " ".join(text.split())
    return line if len(line) <= length else line[: length - 1] + "…"
