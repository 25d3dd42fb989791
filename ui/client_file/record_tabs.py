"""The list tabs of a client file: appointments (with their events), acknowledgments, opt-out requests.

Each is a table of records fetched through the task runner when a file opens; the tab's title shows
how many there are, so the person sees at a glance whether there is anything to look at.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.domain.enums import PROMOTIONAL_PURPOSES, Channel, Purpose, SignerCapacity
from desktop.domain.records import (
    AcknowledgmentRecord,
    Actor,
    AppointmentRecord,
    ClientRecord,
    OptOutRecord,
)
from desktop.domain.schedule import (
    AppointmentEventKind,
    AppointmentEventRecord,
    CancelledBy,
    ScheduleConflict,
)
from desktop.domain.wording import channel_label, purpose_label
from desktop.services import Services
from ui.client_file.record_list import RecordListTab
from ui.kit.errors import error_words
from ui.kit.i18n import (
    appointment_mode_label,
    booked_via_label,
    current_language,
    format_date,
    format_datetime,
    language_label,
    opt_out_via_label,
    signer_capacity_label,
)
from ui.kit.models import Column, PagedTableModel, RecordTableModel
from ui.kit.retranslate import follow_language
from ui.kit.tables import record_table
from ui.kit.worker import TaskRunner
from ui.reminders.client_history import ReminderHistory
from ui.schedule.grid_model import state_label

__all__ = [
    "AcknowledgmentsTab",
    "AppointmentsTab",
    "OptOutsTab",
    "RecordListTab",
    "appointment_event_words",
    "opt_out_scope",
    "opt_out_state",
]


# ---------------------------------------------------------------- appointments


def appointment_event_words(event: AppointmentEventRecord) -> str:
    """What happened to the appointment, as the file's history says it."""
    if event.kind == AppointmentEventKind.CANCELLED:
        by = (
            QCoreApplication.translate("Appointments", "Cancelled by the clinic: {reason}")
            if event.cancelled_by == CancelledBy.CLINIC
            else QCoreApplication.translate("Appointments", "Cancelled by the client: {reason}")
        )
        return by.format(reason=event.reason or "—")
    return {
        AppointmentEventKind.BOOKED: QCoreApplication.translate("Appointments", "Booked"),
        AppointmentEventKind.RESCHEDULED: QCoreApplication.translate("Appointments", "Moved"),
        AppointmentEventKind.ARRIVED: QCoreApplication.translate("Appointments", "Arrived"),
        AppointmentEventKind.NO_SHOW: QCoreApplication.translate("Appointments", "No-show"),
    }[event.kind]


def _event_columns() -> list[Column[AppointmentEventRecord]]:
    def confirmed(event: AppointmentEventRecord) -> str:
        if not event.overrides:
            return ""
        words = {
            ScheduleConflict.DOUBLE_BOOKING: QCoreApplication.translate("Appointments", "double booking"),
            ScheduleConflict.OUTSIDE_HOURS: QCoreApplication.translate("Appointments", "outside hours"),
            ScheduleConflict.CLOSED_DAY: QCoreApplication.translate("Appointments", "day off"),
        }
        return QCoreApplication.translate(
            "Appointments", "Confirmed by a manager against the rules: {what}"
        ).format(what=", ".join(words[conflict] for conflict in event.overrides))

    return [
        Column(
            QCoreApplication.translate("Appointments", "Recorded"), lambda e: format_datetime(e.recorded_at)
        ),
        Column(
            QCoreApplication.translate("Appointments", "Event"),
            appointment_event_words,
            tooltip=confirmed,
            tone=lambda e: "warning" if e.overrides else None,
        ),
        Column(
            QCoreApplication.translate("Appointments", "Appointment"),
            lambda e: QCoreApplication.translate(
                "Appointments", "{when}, {minutes} min, {practitioner}"
            ).format(
                when=format_datetime(e.starts_at),
                minutes=e.length_minutes,
                practitioner=e.practitioner_name or "—",
            ),
        ),
        Column(QCoreApplication.translate("Appointments", "Recorded by"), lambda e: e.recorded_by),
    ]


class AppointmentsTab(RecordListTab):
    key = "appointments"
    book_requested = Signal()

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        now: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        self._now = now
        super().__init__(services, actor, runner, parent)
        self.setObjectName("appointmentsTab")
        self.book_button = QPushButton(self)
        self.book_button.setObjectName("bookButton")
        self.book_button.clicked.connect(self.book_requested)
        self.buttons.addWidget(self.book_button)
        self.buttons.addStretch(1)
        # Under the appointments, what happened to them (booked, moved, cancelled, arrived, no-show).
        self.events_label = QLabel(self)
        self.events_model: RecordTableModel[AppointmentEventRecord] = RecordTableModel(_event_columns(), self)
        self.events_view = record_table(self.events_model, self, "appointmentEvents")
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addWidget(self.events_label)
        # The appointments and their history share the height; neither shrinks below a few rows.
        layout.addWidget(self.events_view, 1)
        for view in (self.view, self.events_view):
            view.setMinimumHeight(
                view.verticalHeader().defaultSectionSize() * 4 + view.horizontalHeader().sizeHint().height()
            )
        self.reminders = ReminderHistory(services, actor, runner, self)  # the reminders of the appointments
        layout.addWidget(self.reminders)
        self.paged_model.page_loaded.connect(self._page_loaded)
        self.paged_model.load_failed.connect(lambda error: self.show_state(error_words(error)))
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        super().retranslate()
        self.book_button.setText(self.tr("Book an appointment… (Ctrl+B)"))
        self.book_button.setAccessibleName(self.tr("Book an appointment"))
        self.events_label.setText(self.tr("History of the appointments, oldest first:"))
        self.events_view.setAccessibleName(self.tr("History of the appointments"))
        self.events_model.retranslate(_event_columns())

    def accessible_name(self) -> str:
        return QCoreApplication.translate("Appointments", "Appointments, latest first")

    def columns(self) -> list[Column[AppointmentRecord]]:
        def upcoming(appointment: AppointmentRecord) -> bool:
            return appointment.starts_at >= self._now()

        return [
            Column(
                QCoreApplication.translate("Appointments", "Date and time"),
                lambda a: format_datetime(a.starts_at),
                bold=upcoming,
            ),
            Column(
                QCoreApplication.translate("Appointments", "When"),
                lambda a: (
                    QCoreApplication.translate("Appointments", "Upcoming")
                    if upcoming(a)
                    else QCoreApplication.translate("Appointments", "Past")
                ),
                bold=upcoming,
            ),
            Column(
                QCoreApplication.translate("Appointments", "Kind"), lambda a: a.kind_name(current_language())
            ),
            Column(QCoreApplication.translate("Appointments", "Practitioner"), lambda a: a.practitioner_name),
            Column(QCoreApplication.translate("Appointments", "State"), lambda a: state_label(a.state)),
            Column(
                QCoreApplication.translate("Appointments", "Where"), lambda a: appointment_mode_label(a.mode)
            ),
            Column(
                QCoreApplication.translate("Appointments", "Booked"), lambda a: booked_via_label(a.booked_via)
            ),
            Column(QCoreApplication.translate("Appointments", "Booked by"), lambda a: a.booked_by),
        ]

    def _make_model(self, columns: list[Column[Any]]) -> RecordTableModel[Any]:
        return PagedTableModel(
            columns, self._runner, key=("client-file", id(self), self.key), page_size=100, parent=self
        )

    def load(self, client: ClientRecord) -> None:
        """Pages of appointments, loaded as the list is scrolled."""
        self._client = client
        self.show_state(lambda: self.tr("Loading…"))
        self.count_changed.emit(-1)
        self._fetch_pages(client.id, keep_rows=False)

    def reload(self) -> None:
        if self._client is not None:
            self._fetch_pages(self._client.id, keep_rows=True)

    def _fetch_pages(self, client_id: int, *, keep_rows: bool) -> None:
        services, actor = self._services, self._actor
        self._runner.submit(
            lambda: services.schedule.events_for_client(actor, client_id),
            on_success=lambda events: self._events_loaded(client_id, events),
            key=("client-file", id(self), "appointment-events"),
        )
        self.reminders.load(client_id)
        self.paged_model.reload(
            lambda offset, limit: services.appointments.for_client(
                actor, client_id, offset=offset, limit=limit
            ),
            keep_rows=keep_rows,
        )

    @property
    def paged_model(self) -> PagedTableModel[AppointmentRecord]:
        assert isinstance(self.model, PagedTableModel)
        return self.model

    def _events_loaded(self, client_id: int, events: list[AppointmentEventRecord]) -> None:
        if self._client is not None and self._client.id == client_id:
            self.events_model.set_records(events)
            self.events_view.resizeColumnsToContents()

    def clear(self) -> None:
        self._client = None
        self.events_model.clear()
        self.reminders.clear()
        self.paged_model.reload(None)
        self.show_state(None)
        self.count_changed.emit(-1)

    def _page_loaded(self) -> None:
        if self._client is None:
            return
        records = self.model.records()
        self.view.resizeColumnsToContents()
        count = len(records)
        now = self._now()
        coming = sum(1 for a in records if a.starts_at >= now)
        has_more = self.paged_model.has_more

        def state() -> str:
            if count == 0:
                return self.tr("No appointment yet.")
            more = self.tr(" (scroll for older ones)") if has_more else ""
            return self.tr("{count} appointments, {coming} upcoming{more}.").format(
                count=count, coming=coming, more=more
            )

        self.show_state(state)
        self.count_changed.emit(count)


# ---------------------------------------------------------------- acknowledgments


def _signer(ack: AcknowledgmentRecord) -> str:
    if ack.signer_capacity == SignerCapacity.CLIENT:
        return QCoreApplication.translate("Acknowledgments", "{name} (the client)").format(
            name=ack.signer_name
        )
    return QCoreApplication.translate("Acknowledgments", "{name} ({capacity})").format(
        name=ack.signer_name, capacity=signer_capacity_label(ack.signer_capacity)
    )


class AcknowledgmentsTab(RecordListTab):
    key = "acknowledgments"
    document_requested = Signal(str, object)
    """("open" | "print" | "save", AcknowledgmentRecord)"""

    def __init__(
        self, services: Services, actor: Actor, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(services, actor, runner, parent)
        self.setObjectName("acknowledgmentsTab")
        self.open_button = QPushButton(self)
        self.print_button = QPushButton(self)
        self.save_button = QPushButton(self)
        for action, button in (
            ("open", self.open_button),
            ("print", self.print_button),
            ("save", self.save_button),
        ):
            button.clicked.connect(lambda _checked=False, action=action: self._request(action))
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)
        self.view.selectionModel().currentChanged.connect(lambda *_args: self._update_buttons())
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        super().retranslate()
        self.open_button.setText(self.tr("Open PDF"))
        self.print_button.setText(self.tr("Print…"))
        self.save_button.setText(self.tr("Save as PDF…"))
        for button in (self.open_button, self.print_button, self.save_button):
            button.setAccessibleName(button.text().rstrip("…"))
        self._update_buttons()

    def accessible_name(self) -> str:
        return QCoreApplication.translate("Acknowledgments", "Privacy policy acknowledgments")

    def columns(self) -> list[Column[AcknowledgmentRecord]]:
        return [
            Column(
                QCoreApplication.translate("Acknowledgments", "Date"), lambda a: format_datetime(a.signed_at)
            ),
            Column(
                QCoreApplication.translate("Acknowledgments", "Outcome"),
                lambda a: (
                    QCoreApplication.translate("Acknowledgments", "✖ Refused")
                    if a.refused
                    else QCoreApplication.translate("Acknowledgments", "✔ Signed")
                ),
                tooltip=lambda a: a.refusal_note,
                tone=lambda a: "danger" if a.refused else "ok",
            ),
            Column(
                QCoreApplication.translate("Acknowledgments", "Policy version"),
                lambda a: f"{a.policy_version} ({a.policy_language.value.upper()})",
            ),
            Column(
                QCoreApplication.translate("Acknowledgments", "Read in"), lambda a: language_label(a.language)
            ),
            Column(QCoreApplication.translate("Acknowledgments", "Signer"), _signer),
            Column(QCoreApplication.translate("Acknowledgments", "Witness"), lambda a: a.witnessed_by),
        ]

    def fetch(self, services: Services, actor: Actor, client_id: int) -> Callable[[], list[Any]]:
        return lambda: services.acknowledgments.for_client(actor, client_id)

    def summary(self, records: list[Any]) -> str:
        if not records:
            return self.tr("No acknowledgment signed or refused yet.")
        return self.tr("%n acknowledgment(s), latest first.", "", len(records))

    def records_shown(self, records: list[Any]) -> None:
        if records and self.selected() is None:
            self.view.selectRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        record = self.selected()
        available = isinstance(record, AcknowledgmentRecord) and record.has_document
        tip = "" if available else self.tr("No PDF is stored for this acknowledgment.")
        for button in (self.open_button, self.print_button, self.save_button):
            button.setEnabled(available)
            button.setToolTip(tip)

    def _request(self, action: str) -> None:
        record = self.selected()
        if isinstance(record, AcknowledgmentRecord) and record.has_document:
            self.document_requested.emit(action, record)


# ---------------------------------------------------------------- opt-out requests


def opt_out_scope(request: OptOutRecord) -> str:
    language = current_language()
    purposes = request.purposes
    if purposes == frozenset(Purpose):
        what = QCoreApplication.translate("OptOuts", "Everything, reminders included")
    elif purposes == PROMOTIONAL_PURPOSES:
        what = QCoreApplication.translate("OptOuts", "All promotions")
    else:
        what = ", ".join(purpose_label(p, language) for p in sorted(purposes))
    if request.channels == frozenset(Channel):
        how = QCoreApplication.translate("OptOuts", "all channels")
    else:
        how = ", ".join(channel_label(c, language) for c in sorted(request.channels))
    return f"{what} — {how}"


def opt_out_state(request: OptOutRecord, today: date) -> tuple[str, str]:
    """(words, tone) for a request's status."""
    if not request.pending:
        return (
            QCoreApplication.translate("OptOuts", "✔ Processed {when} by {who}").format(
                when=format_datetime(request.processed_at), who=request.processed_by or "?"
            ),
            "ok",
        )
    if request.overdue_on(today):
        return (
            QCoreApplication.translate("OptOuts", "✖ OVERDUE since {due}").format(
                due=format_date(request.due_on)
            ),
            "danger",
        )
    return (
        QCoreApplication.translate("OptOuts", "⚠ Pending, due {due}").format(due=format_date(request.due_on)),
        "warning",
    )


class OptOutsTab(RecordListTab):
    key = "opt-outs"

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        self._today = today
        super().__init__(services, actor, runner, parent)
        self.setObjectName("optOutsTab")
        follow_language(self, self.retranslate)

    def accessible_name(self) -> str:
        return QCoreApplication.translate("OptOuts", "Opt-out requests for this client")

    def columns(self) -> list[Column[OptOutRecord]]:
        today = self._today
        return [
            Column(
                QCoreApplication.translate("OptOuts", "Received"),
                lambda r: f"{format_date(r.received_on)}, {opt_out_via_label(r.received_via)}",
            ),
            Column(QCoreApplication.translate("OptOuts", "Due"), lambda r: format_date(r.due_on)),
            Column(
                QCoreApplication.translate("OptOuts", "Status"),
                lambda r: opt_out_state(r, today())[0],
                tone=lambda r: opt_out_state(r, today())[1],
            ),
            Column(QCoreApplication.translate("OptOuts", "Scope"), opt_out_scope, tooltip=opt_out_scope),
            Column(QCoreApplication.translate("OptOuts", "Requested by"), lambda r: r.requester_name),
            Column(
                QCoreApplication.translate("OptOuts", "Logged by"),
                lambda r: f"{r.logged_by}, {format_datetime(r.logged_at)}",
            ),
        ]

    def fetch(self, services: Services, actor: Actor, client_id: int) -> Callable[[], list[Any]]:
        return lambda: services.optouts.for_client(actor, client_id)

    def summary(self, records: list[Any]) -> str:
        if not records:
            return self.tr("No opt-out request for this client.")
        pending = sum(1 for r in records if r.pending)
        return self.tr("{count} request(s), {pending} pending.").format(count=len(records), pending=pending)
