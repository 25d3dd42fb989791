"""The day's appointment reminders at this site.

The core decides who is reminded and how (``services.reminders``): each appointment by the first
channel its client granted for appointment reminders that no pending opt-out covers and the file has
an address for (email, else a text, else a call), the others listed not to remind with the reason.
The window shows the four groups for the chosen day, sends the emails and exports the SMS file and
the call sheet, each on the worker; every reminder sent or exported is recorded by the service.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.enums import Channel
from desktop.domain.errors import FrontDeskError
from desktop.domain.records import Actor
from desktop.domain.reminder_records import ExportedReminders, SendResult
from desktop.domain.reminders import ReminderDay
from desktop.services import Services
from ui.kit.date_edits import DayEdit
from ui.kit.errors import error_text
from ui.kit.forms import chain_tab_order, em
from ui.kit.i18n import current_language, format_date_long
from ui.kit.job_dialog import JobDialog
from ui.kit.retranslate import follow_language
from ui.kit.worker import TaskRunner
from ui.reminders.tables import GroupTable

__all__ = ["ReminderWindow"]

GROUPS: tuple[Channel | None, ...] = (Channel.EMAIL, Channel.SMS, Channel.PHONE, None)


class ReminderWindow(JobDialog):
    def __init__(
        self, services: Services, actor: Actor, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(runner, "reminders", parent)
        self.setObjectName("reminderWindow")
        self.setModal(False)
        self._services = services
        self._actor = actor
        self.plan: ReminderDay | None = None

        self._explanation = QLabel(self)
        self._explanation.setWordWrap(True)
        self._day_label = QLabel(self)
        self.day = DayEdit(self)
        self.day.setObjectName("reminderDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self._day_label.setBuddy(self.day)
        tomorrow = services.clock.today() + timedelta(days=1)
        self.day.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
        self.day_words = QLabel(self)
        self.day_words.setObjectName("reminderDayWords")
        day_row = QHBoxLayout()
        day_row.addWidget(self._day_label)
        day_row.addWidget(self.day)
        day_row.addWidget(self.day_words, 1)

        self.tabs = QTabWidget(self)
        self.tables = {channel: GroupTable(channel, self) for channel in GROUPS}
        for table in self.tables.values():
            self.tabs.addTab(table, "")

        self.progress = self.make_progress_bar(lambda: self.tr("Reminders in progress"))
        self.outcome = self.make_outcome_label("reminderOutcome", lambda: self.tr("Reminders result"))
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox(self)
        self.send_button = QPushButton(self)
        self.send_button.setObjectName("sendEmails")
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportReminders")
        self.buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.send_button.clicked.connect(lambda _checked=False: self.send_emails())
        self.export_button.clicked.connect(lambda _checked=False: self.choose_folder())
        self.close_button.clicked.connect(self.reject)
        self.jobs.disable_while_running(self.day, self.send_button, self.export_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self._explanation)
        layout.addLayout(day_row)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.outcome)
        layout.addWidget(self.buttons)
        chain_tab_order(self.day, self.tabs, self.send_button, self.export_button, self.close_button)

        self.day.dateChanged.connect(lambda _date: self.load())
        follow_language(self, self.retranslate)
        self.resize(em(self, 70), em(self, 42))
        self.load()
        self.day.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Appointment reminders"))
        self._explanation.setText(
            self.tr(
                "Each appointment is reminded by the first channel its client consents to for appointment "
                "reminders, with no pending opt-out request covering it and an address in the file: email, "
                "else a text message, else a phone call. A reminder gives the date, time, clinic and how to "
                "cancel, never the reason for the visit. Every reminder sent or exported is recorded."
            )
        )
        self._day_label.setText(self.tr("&Day"))
        self.day.setAccessibleName(self.tr("Day of the appointments"))
        self.send_button.setText(self.tr("&Send the emails"))
        self.export_button.setText(self.tr("E&xport the SMS file and call sheet…"))
        self.close_button.setAccessibleName(self.tr("Close"))
        for table in self.tables.values():
            table.retranslate()
        self._show_counts()

    # ------------------------------------------------------------ the day

    def chosen_day(self) -> date:
        chosen = self.day.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def set_day(self, day: date) -> None:
        self.day.setDate(QDate(day.year, day.month, day.day))

    def load(self) -> None:
        day = self.chosen_day()
        self.day_words.setText(format_date_long(day, weekday=True))
        services, actor = self._services, self._actor
        self.jobs.runner.submit(
            lambda: services.reminders.day(actor, day),
            on_success=self._loaded,
            on_failure=lambda error: self.show_outcome(error_text(error)),
            key=("reminders", "day"),
            busy_message=self.tr("Reading the day's appointments…"),
        )

    def _loaded(self, plan: ReminderDay) -> None:
        if plan.day != self.chosen_day():
            return
        self.plan = plan
        for channel, table in self.tables.items():
            table.show_items(plan.by_channel(channel) if channel is not None else plan.not_reminded)
        self._show_counts()

    def _show_counts(self) -> None:
        plan = self.plan
        titles = {
            Channel.EMAIL: self.tr("Email ({count})"),
            Channel.SMS: self.tr("SMS file ({count})"),
            Channel.PHONE: self.tr("Call sheet ({count})"),
            None: self.tr("Not to remind ({count})"),
        }
        for index, channel in enumerate(GROUPS):
            if plan is None:
                count = 0
            else:
                count = len(plan.by_channel(channel) if channel is not None else plan.not_reminded)
            self.tabs.setTabText(index, titles[channel].format(count=count))

    # ------------------------------------------------------------ sending and exporting

    def send_emails(self) -> None:
        day = self.chosen_day()
        services, actor = self._services, self._actor
        self.run_job(
            lambda: services.reminders.send_emails(actor, day),
            self._sent,
            busy_message=self.tr("Sending the email reminders…"),
            running_text=lambda: self.tr("Sending…"),
        )

    def _sent(self, result: SendResult) -> None:
        def words() -> str:
            lines = [
                self.tr("%n email reminder(s) sent.", "", len(result.sent)),
            ]
            if result.skipped_already_sent:
                lines.append(self.tr("%n already sent earlier.", "", len(result.skipped_already_sent)))
            for failure in result.failed:
                refusal = error_text(FrontDeskError(failure.code, **failure.params))
                lines.append(
                    self.tr("Not sent to {name}: {reason}").format(name=failure.client_name, reason=refusal)
                )
            return "\n".join(lines)

        self.show_outcome(words, announce=True)
        self._recorded()

    def _recorded(self) -> None:
        """Reminders were recorded: the lists and any open client file (its appointments) reload."""
        self.jobs.runner.changes.publish(DataChange.of(ChangeSubject.APPOINTMENTS), self)
        self.load()

    def _default_folder(self) -> str:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return folder or str(Path.home())

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Write the SMS file and the call sheet into"), self._default_folder()
        )
        if chosen:
            self.export_to(Path(chosen))

    def export_to(self, folder: Path) -> None:
        day = self.chosen_day()
        services, actor, language = self._services, self._actor, current_language()
        self.run_job(
            lambda: services.reminders.export(actor, day, folder, language=language),
            self._exported,
            busy_message=self.tr("Writing the SMS file and the call sheet…"),
            running_text=lambda: self.tr("Exporting…"),
        )

    def _exported(self, result: ExportedReminders) -> None:
        def words() -> str:
            return "\n".join(
                [
                    self.tr("SMS file (%n message(s)): {path}", "", result.sms_count).format(
                        path=result.sms_path
                    ),
                    self.tr("Call sheet (%n call(s)): {path}", "", result.call_count).format(
                        path=result.call_sheet_path
                    ),
                ]
            )

        self.show_outcome(words, announce=True)
        self._recorded()
