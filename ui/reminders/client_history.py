"""The client file's reminders: every reminder sent or exported to the client (when, by which channel,
for which appointment, by whom), shown under the appointments' history."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.domain.records import Actor
from desktop.domain.reminder_records import ReminderLogEntry
from desktop.domain.wording import channel_label
from desktop.services import Services
from ui.kit.errors import error_words
from ui.kit.i18n import current_language, format_datetime
from ui.kit.models import Column, RecordTableModel
from ui.kit.retranslate import follow_language
from ui.kit.tables import record_table
from ui.kit.worker import TaskRunner

__all__ = ["ReminderHistory"]


class ReminderHistory(QWidget):
    def __init__(
        self, services: Services, actor: Actor, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reminderHistory")
        self._services = services
        self._actor = actor
        self._runner = runner
        self._client_id: int | None = None
        self.label = QLabel(self)
        self.model: RecordTableModel[ReminderLogEntry] = RecordTableModel(self._columns(), self)
        self.view = record_table(self.model, self, "reminderRecords")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.view)
        follow_language(self, self.retranslate)

    def _columns(self) -> list[Column[ReminderLogEntry]]:
        return [
            Column(self.tr("Reminded"), lambda r: format_datetime(r.at)),
            Column(self.tr("Channel"), lambda r: channel_label(r.channel, current_language())),
            Column(self.tr("Appointment"), lambda r: format_datetime(r.appointment_starts_at)),
            Column(self.tr("By"), lambda r: r.by),
        ]

    def retranslate(self) -> None:
        self.label.setText(self.tr("Reminders sent or exported, latest first:"))
        self.view.setAccessibleName(self.tr("Reminders sent or exported"))
        self.model.retranslate(self._columns())

    def load(self, client_id: int) -> None:
        self._client_id = client_id
        services, actor = self._services, self._actor
        self._runner.submit(
            lambda: services.reminders.history(actor, client_id),
            on_success=lambda records: self._loaded(client_id, records),
            on_failure=lambda error: self.label.setText(error_words(error)()),
            key=("client-file", id(self), "reminders"),
        )

    def _loaded(self, client_id: int, records: list[ReminderLogEntry]) -> None:
        if self._client_id == client_id:
            self.model.set_records(records)
            self.view.resizeColumnsToContents()

    def clear(self) -> None:
        self._client_id = None
        self.model.clear()
