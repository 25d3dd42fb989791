"""A slot the schedule's rules refuse (a double booking, outside hours, a day off): a receptionist is
told why and chooses another; a manager is asked to confirm it, and the service records that they did."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.domain.schedule import ScheduleConflictError
from ui.kit.errors import error_text

__all__ = ["confirmed_by_manager"]


def confirmed_by_manager(parent: QWidget, error: BaseException) -> bool:
    """True when ``error`` is a refusal a manager may confirm and the person at the screen confirms it."""
    if not isinstance(error, ScheduleConflictError) or not error.may_confirm:
        return False
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("ScheduleConflict", "Confirm this slot?"),
        QCoreApplication.translate(
            "ScheduleConflict",
            "{refusal}\n\nKeep this slot anyway? Your confirmation is recorded with the appointment.",
        ).format(refusal=error_text(error)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
