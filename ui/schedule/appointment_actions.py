"""What is recorded on an appointment from the schedule: arrived, no-show, cancelled, moved.

Each is one service call on the task runner; once saved, one change is published on the change bus (the
schedule and the client file reload by themselves). A move the rules refuse is said as the core words it;
a manager is asked to confirm it, and the service records the confirmation on the event.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.records import Actor
from desktop.domain.schedule import AppointmentEventRecord, ScheduledAppointment
from desktop.services import Services
from ui.booking.conflicts import confirmed_by_manager
from ui.kit.errors import error_words
from ui.kit.i18n import format_datetime
from ui.kit.worker import TaskRunner
from ui.schedule.cancel_dialog import CancelDialog

__all__ = ["AppointmentActions"]

Words = Callable[[], str]


class AppointmentActions(QObject):
    """``recorded`` carries what was saved and ``refused`` why not, each as words to make in the staff
    language of the moment; ``moved`` carries the event of a move (the window selects its new slot)."""

    recorded = Signal(object)
    refused = Signal(object)
    moved = Signal(object)
    dialog_closed = Signal()

    def __init__(self, services: Services, actor: Actor, runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._runner = runner
        self._window = parent
        self.cancel_dialog: CancelDialog | None = None

    def arrived(self, appointment: ScheduledAppointment) -> None:
        services, actor = self._services, self._actor
        self._record(
            lambda: services.schedule.mark_arrived(actor, appointment.id),
            appointment,
            lambda: self.tr("{name} has arrived.").format(name=appointment.client_name),
        )

    def no_show(self, appointment: ScheduledAppointment) -> None:
        services, actor = self._services, self._actor
        self._record(
            lambda: services.schedule.mark_no_show(actor, appointment.id),
            appointment,
            lambda: self.tr("{name} did not come: recorded as a no-show.").format(
                name=appointment.client_name
            ),
        )

    def cancel(self, appointment: ScheduledAppointment) -> CancelDialog:
        """Ask who cancels and why, then record it."""
        dialog = self.cancel_dialog = CancelDialog(appointment, self._window)
        services, actor = self._services, self._actor

        def answered(result: int) -> None:
            self.cancel_dialog = None
            self.dialog_closed.emit()
            if result != QDialog.DialogCode.Accepted:
                return
            by, reason = dialog.cancelled_by(), dialog.reason_text()
            self._record(
                lambda: services.schedule.cancel(actor, appointment.id, by, reason),
                appointment,
                lambda: self.tr("{name}'s appointment of {when} is cancelled.").format(
                    name=appointment.client_name, when=format_datetime(appointment.starts_at)
                ),
            )
            dialog.deleteLater()

        dialog.finished.connect(answered)
        dialog.open()
        return dialog

    def move(
        self,
        appointment: ScheduledAppointment,
        starts_at: datetime,
        practitioner_id: int | None,
        *,
        confirm: bool = False,
    ) -> None:
        """Reschedule to ``starts_at`` with ``practitioner_id``, keeping the length."""
        services, actor = self._services, self._actor
        self._record(
            lambda: services.schedule.reschedule(
                actor, appointment.id, starts_at, practitioner_id, confirm_conflicts=confirm
            ),
            appointment,
            lambda: self.tr("{name}'s appointment is moved to {when}.").format(
                name=appointment.client_name, when=format_datetime(starts_at)
            ),
            retry=lambda: self.move(appointment, starts_at, practitioner_id, confirm=True),
            moved=True,
        )

    def _record(
        self,
        work: Callable[[], AppointmentEventRecord],
        appointment: ScheduledAppointment,
        done: Words,
        *,
        retry: Callable[[], None] | None = None,
        moved: bool = False,
    ) -> None:
        def saved(event: AppointmentEventRecord) -> None:
            change = DataChange.of(ChangeSubject.APPOINTMENTS, client_id=appointment.client_id)
            self._runner.changes.publish(change, self.parent())
            self.recorded.emit(done)
            if moved:
                self.moved.emit(event)

        def failed(error: BaseException) -> None:
            if retry is not None and confirmed_by_manager(self._window, error):
                retry()
                return
            self.refused.emit(error_words(error))

        self._runner.submit(
            work,
            on_success=saved,
            on_failure=failed,
            busy_message=self.tr("Saving…"),
        )
