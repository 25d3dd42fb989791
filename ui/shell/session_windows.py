"""The windows one person's session opens from its main window: one of each kind at a time.

Each is a child of the main window, so the session's lock hides it and closing the session closes it.
None is refreshed from here: each window publishes what it saves on the change bus, and each view
follows the bus by itself.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget

from desktop.domain.records import Actor, ClientRecord
from desktop.services import Services
from ui.admin.account_forms import ChangePasswordDialog
from ui.admin.clinic_settings_dialog import ClinicSettingsDialog
from ui.admin.export_dialog import ExportDialog
from ui.admin.policy_dialog import PolicyDialog
from ui.admin.reports_window import ReportsWindow
from ui.admin.staff_dialog import StaffDialog
from ui.booking.booking_dialog import BookingDialog
from ui.booking.slot import BookingSlot
from ui.client_file.new_client_dialog import NewClientDialog
from ui.imports.import_wizard import ImportWizard
from ui.kit.worker import TaskRunner
from ui.optouts.optout_dialog import OptOutDialog
from ui.optouts.optout_queue import OptOutQueueWindow
from ui.reminders.window import ReminderWindow
from ui.schedule.editor import ScheduleEditor
from ui.schedule.window import ScheduleWindow

__all__ = ["FORMS", "SessionWindows"]

# Forms whose typing would be lost if the session were dropped.
FORMS = (
    "booking",
    "new-client",
    "opt-out",
    "consent-update",
    "policy-signing",
    "access-request",
    "disclosure",
)


class SessionWindows(QObject):
    """Opens, finds and closes the session's windows; ``opened`` maps a kind to its open window."""

    status_message = Signal(str)

    def __init__(self, services: Services, actor: Actor, runner: TaskRunner, window: QWidget) -> None:
        super().__init__(window)
        self._services = services
        self._actor = actor
        self._runner = runner
        self._window = window
        self.opened: dict[str, QWidget] = {}

    def keep(self, name: str, widget: QWidget) -> None:
        """Remember ``widget`` as the open window of its kind until it is destroyed."""
        self.opened[name] = widget
        widget.destroyed.connect(lambda _obj=None, name=name: self.opened.pop(name, None))

    def has_open_form(self, hidden: list[QWidget]) -> bool:
        """A form is on screen, or was hidden (in ``hidden``) by the lock."""
        forms = (self.opened.get(name) for name in FORMS)
        return any(form is not None and (form.isVisible() or form in hidden) for form in forms)

    def close_all(self, also: list[QWidget], *, dropping_work: bool) -> None:
        """Close every window of the session (and ``also``); with ``dropping_work`` no form asks first."""
        for window in list(dict.fromkeys([*also, *self.opened.values()])):
            if dropping_work and isinstance(window, QDialog):
                window.done(QDialog.DialogCode.Rejected)
            else:
                window.close()

    # ------------------------------------------------------------ forms (window-modal)

    def book(self, client: ClientRecord, slot: BookingSlot | None = None) -> BookingDialog:
        """Book for ``client``; from the schedule, at ``slot``."""
        where = (self._window,) if slot is None else (self._window, slot)
        dialog = BookingDialog(self._services, self._actor, self._runner, client, *where)
        dialog.booked.connect(
            lambda _result: self.status_message.emit(
                self.tr("Appointment booked for {name}.").format(name=client.full_name)
            )
        )
        self._show_form("booking", dialog)
        return dialog

    def log_opt_out(self, client: ClientRecord | None) -> OptOutDialog:
        dialog = OptOutDialog(self._services, self._actor, self._runner, client, self._window)
        dialog.logged.connect(lambda _record: self.status_message.emit(self.tr("Opt-out request logged.")))
        self._show_form("opt-out", dialog)
        return dialog

    def new_client(self) -> NewClientDialog:
        dialog = NewClientDialog(self._services, self._actor, self._runner, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._show_form("new-client", dialog)
        return dialog

    def _show_form(self, name: str, dialog: QDialog) -> None:
        self.keep(name, dialog)
        dialog.open()
        dialog.raise_()
        dialog.activateWindow()

    # ------------------------------------------------------------ one window of each kind

    def opt_out_queue(self) -> QWidget:
        return self.open_single(
            "queue", lambda: OptOutQueueWindow(self._services, self._actor, self._runner, self._window)
        )

    def reports(self, client: ClientRecord | None) -> QWidget:
        window = self.open_single(
            "reports", lambda: ReportsWindow(self._services, self._actor, self._runner, self._window)
        )
        if isinstance(window, ReportsWindow) and client is not None and not window.file_number.text():
            window.file_number.setText(client.file_number)  # the access log is usually for this file
        return window

    def export(self) -> QWidget:
        return self.open_single(
            "export", lambda: ExportDialog(self._services, self._actor, self._runner, self._window)
        )

    def import_clients(self) -> QWidget:
        return self.open_single(
            "client-import", lambda: ImportWizard(self._services, self._actor, self._runner, self._window)
        )

    def staff_accounts(self) -> QWidget:
        return self.open_single(
            "staff", lambda: StaffDialog(self._services, self._actor, self._runner, self._window)
        )

    def clinic_settings(self) -> QWidget:
        return self.open_single(
            "clinic-settings",
            lambda: ClinicSettingsDialog(self._services, self._actor, self._runner, self._window),
        )

    def policies(self) -> QWidget:
        return self.open_single(
            "policies", lambda: PolicyDialog(self._services, self._actor, self._runner, self._window)
        )

    def schedule(self) -> QWidget:
        return self.open_single(
            "schedule",
            lambda: ScheduleWindow(self._services, self._actor, self._runner, self._window, book=self.book),
        )

    def schedule_editor(self) -> QWidget:
        return self.open_single(
            "schedule-editor",
            lambda: ScheduleEditor(self._services, self._actor, self._runner, self._window),
        )

    def reminders(self) -> QWidget:
        return self.open_single(
            "reminders", lambda: ReminderWindow(self._services, self._actor, self._runner, self._window)
        )

    # The privacy registers' windows load their code when first opened.

    def log_access_request(self, client: ClientRecord | None) -> QWidget:
        from ui.registers.access_request_dialog import AccessRequestDialog

        return self.open_single(
            "access-request",
            lambda: AccessRequestDialog(self._services, self._actor, self._runner, self._window, client),
        )

    def record_disclosure(self, client: ClientRecord | None) -> QWidget:
        from ui.registers.disclosure_dialog import DisclosureDialog

        clients = (client,) if client is not None else ()
        return self.open_single(
            "disclosure",
            lambda: DisclosureDialog(self._services, self._actor, self._runner, self._window, clients),
        )

    def disclosure_register(self) -> QWidget:
        from ui.registers.disclosure_window import DisclosureRegisterWindow

        return self.open_single(
            "disclosures",
            lambda: DisclosureRegisterWindow(self._services, self._actor, self._runner, self._window),
        )

    def incident_register(self) -> QWidget:
        from ui.registers.incident_window import IncidentRegisterWindow

        return self.open_single(
            "incidents",
            lambda: IncidentRegisterWindow(self._services, self._actor, self._runner, self._window),
        )

    def access_requests(self) -> QWidget:
        from ui.registers.access_request_window import AccessRequestWindow

        return self.open_single(
            "access-requests",
            lambda: AccessRequestWindow(self._services, self._actor, self._runner, self._window),
        )

    def retention_review(self) -> QWidget:
        from ui.registers.retention_window import RetentionReviewWindow

        return self.open_single(
            "retention",
            lambda: RetentionReviewWindow(self._services, self._actor, self._runner, self._window),
        )

    def change_password(self) -> QWidget:
        def make() -> ChangePasswordDialog:
            dialog = ChangePasswordDialog(self._services, self._actor, self._runner, self._window)
            dialog.changed.connect(
                lambda: self.status_message.emit(self.tr("Your password has been changed."))
            )
            return dialog

        return self.open_single("password", make, modal=True)

    def open_single(self, name: str, make: Callable[[], QWidget], *, modal: bool = False) -> QWidget:
        """One window of each kind; a modal one is window-modal, the others leave the session usable."""
        existing = self.opened.get(name)
        if existing is not None:
            self._bring_up(existing)
            return existing
        window = make()
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        status = getattr(window, "status_message", None)
        if status is not None:
            status.connect(self.status_message)
        self.keep(name, window)
        if modal and isinstance(window, QDialog):
            window.open()
        else:
            window.show()
        self._bring_up(window)
        return window

    @staticmethod
    def _bring_up(window: QWidget) -> None:
        window.show()
        window.raise_()
        window.activateWindow()
