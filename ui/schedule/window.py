"""The schedule window: a site's day (one column per practitioner) or one practitioner's week.

Keyboard first: the arrows move from slot to slot, Enter books the free slot chosen (for the client
whose file is open, else one picked), and each appointment action has its key. The data comes from
``services.schedule`` on the task runner; the window reloads when a change on the bus concerns
appointments or the schedule, and every minute while shown (other workstations).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import QDialog, QWidget

from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.records import Actor, ClientRecord
from desktop.domain.schedule import (
    AppointmentEventRecord,
    AppointmentKindRecord,
    DaySchedule,
    PractitionerRecord,
    ScheduledAppointment,
    WeekSchedule,
)
from desktop.services import Services
from desktop.services.permissions import Permission, role_allows
from ui.booking.booking_dialog import BookingDialog
from ui.booking.slot import BookingSlot
from ui.kit.errors import error_words
from ui.kit.i18n import format_date_long, format_datetime
from ui.kit.retranslate import follow_language
from ui.kit.worker import TaskRunner
from ui.schedule.appointment_actions import AppointmentActions
from ui.schedule.client_choice import ClientChoice
from ui.schedule.columns import day_columns, week_columns
from ui.schedule.date_dialog import GoToDateDialog
from ui.schedule.grid_model import Cell, CellKind
from ui.schedule.window_parts import WindowParts

__all__ = ["ScheduleWindow"]

REFRESH_MS = 60_000
Words = Callable[[], str]
BookSlot = Callable[[ClientRecord, BookingSlot], object]


class ScheduleWindow(QWidget):
    """``open_client_requested`` asks the main window to open a file (Enter on an appointment)."""

    open_client_requested = Signal(int)
    status_message = Signal(str)

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        book: BookSlot | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("scheduleWindow")
        self._services = services
        self._actor = actor
        self._runner = runner
        self._book = book
        self._key = ("schedule", id(self))
        self.day: date = services.clock.today()
        self.week_view = False
        self.clinic_id = actor.clinic_id
        self.practitioner_id: int | None = None
        self.practitioners: list[PractitionerRecord] = []
        self.kinds: tuple[AppointmentKindRecord, ...] = ()
        self.moving: ScheduledAppointment | None = None
        self._select_after: int | None = None  # an appointment to select once the data arrives
        self._status: tuple[Words, bool] | None = None
        self._loaded_once = False
        self.date_dialog: GoToDateDialog | None = None

        self.parts = WindowParts(self)
        self.grid = self.parts.grid
        self.model = self.parts.model
        self.client = ClientChoice(services, actor, runner, self)
        self.client.changed.connect(self._describe_client)
        self.actions_ = AppointmentActions(services, actor, runner, self)
        self.actions_.recorded.connect(lambda words: self.say(words))
        self.actions_.refused.connect(lambda words: self.say(words, error=True))
        self.actions_.moved.connect(self._moved)
        self.actions_.dialog_closed.connect(self.back_to_grid)
        self.client.dialog_closed.connect(self.back_to_grid)
        self.client.failed.connect(lambda words: self.say(words, error=True))
        self._connect()
        self._build_shortcuts()
        runner.changes.changed.connect(self._data_changed)
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(REFRESH_MS)
        self.refresh_timer.timeout.connect(lambda: self.reload() if self.isVisible() else None)
        self.refresh_timer.start()
        self.resize(1200, 760)
        follow_language(self, self.retranslate)
        self._load_site()

    # ------------------------------------------------------------ building

    def _connect(self) -> None:
        parts = self.parts
        parts.site.currentIndexChanged.connect(lambda _i: self._site_chosen())
        parts.practitioner.currentIndexChanged.connect(lambda _i: self._practitioner_chosen())
        parts.day_button.clicked.connect(lambda: self.show_day())
        parts.week_button.clicked.connect(lambda: self.show_week())
        parts.previous_button.clicked.connect(lambda: self.step(-1))
        parts.today_button.clicked.connect(self.go_today)
        parts.next_button.clicked.connect(lambda: self.step(1))
        parts.date_button.clicked.connect(self.go_to_date)
        parts.cancelled_box.toggled.connect(self._show_cancelled)
        parts.client_button.clicked.connect(lambda: self.client.choose())
        parts.book_button.clicked.connect(self.book_selected)
        parts.arrived_button.clicked.connect(self.mark_arrived)
        parts.no_show_button.clicked.connect(self.mark_no_show)
        parts.move_button.clicked.connect(self.start_move)
        parts.cancel_button.clicked.connect(self.cancel_selected)
        self.grid.chosen.connect(self.choose)
        self.grid.escaped.connect(self.stop_move)
        self.grid.selectionModel().currentChanged.connect(lambda *_: self._selection_changed())

    def _build_shortcuts(self) -> None:
        def action(keys: tuple[str, ...], slot: Callable[[], object], name: str) -> QAction:
            made = QAction(self)
            made.setObjectName(name)
            made.setShortcuts([QKeySequence(k) for k in keys])
            made.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            made.triggered.connect(lambda _checked=False: slot())
            self.addAction(made)
            return made

        self.shortcut_actions = {
            "today": action(("Ctrl+T",), self.go_today, "scheduleToday"),
            "next": action(("Alt+Right", "Ctrl+PgDown"), lambda: self.step(1), "scheduleNext"),
            "previous": action(("Alt+Left", "Ctrl+PgUp"), lambda: self.step(-1), "schedulePrevious"),
            "date": action(("Ctrl+G",), self.go_to_date, "scheduleGoTo"),
            "day": action(("Ctrl+1",), self.show_day, "scheduleDayView"),
            "week": action(("Ctrl+2",), self.show_week, "scheduleWeekView"),
            "arrived": action(("Ctrl+Shift+A",), self.mark_arrived, "scheduleArrived"),
            "no-show": action(("Ctrl+Shift+N",), self.mark_no_show, "scheduleNoShow"),
            "move": action(("Ctrl+M",), self.start_move, "scheduleMove"),
            "cancel": action(("Delete", "Ctrl+Shift+X"), self.cancel_selected, "scheduleCancel"),
            "client": action(("Ctrl+K",), lambda: self.client.choose(), "scheduleClient"),
            "cancelled": action(("Ctrl+H",), self.parts.cancelled_box.toggle, "scheduleShowCancelled"),
            "refresh": action(("F5",), self.reload, "scheduleRefresh"),
        }

    def retranslate(self) -> None:
        self.setWindowTitle(self._title())
        self.parts.retranslate()
        self.model.language_changed()
        self._describe_client()
        self._describe_day()
        if self._status is not None:
            self.parts.status.setText(self._status[0]())

    def _title(self) -> str:
        site = self.parts.site.currentText()
        return self.tr("Schedule — {site}").format(site=site) if site else self.tr("Schedule")

    # ------------------------------------------------------------ where and when

    def set_client(self, client: ClientRecord | None) -> None:
        """The client whose file is open: Enter on a free slot books for them."""
        self.client.set(client)

    def _describe_client(self) -> None:
        chosen = self.client.current
        self.parts.client_label.setText(
            self.tr("Booking for: {name} (file {file})").format(
                name=chosen.full_name, file=chosen.file_number
            )
            if chosen is not None
            else self.tr("Booking for: nobody yet — Enter on a free slot asks which client (Ctrl+K).")
        )

    def _describe_day(self) -> None:
        if self.week_view:
            first = self._first_day()
            text = self.tr("Week of {day}").format(day=format_date_long(first, weekday=True))
        else:
            text = format_date_long(self.day, weekday=True)
        today = self._services.clock.today()
        if self.week_view and self._first_day() <= today < self._first_day() + timedelta(days=7):
            text = self.tr("{week} (this week)").format(week=text)
        elif not self.week_view and self.day == today:
            text = self.tr("{day} (today)").format(day=text)
        self.parts.day_label.setText(text)
        self.parts.previous_button.setText(
            self.tr("◀ &Previous week") if self.week_view else self.tr("◀ &Previous day")
        )
        self.parts.next_button.setText(self.tr("Next &week ▶") if self.week_view else self.tr("Next &day ▶"))

    def _first_day(self) -> date:
        return self.day - timedelta(days=self.day.weekday())

    def go_today(self) -> None:
        self._go(self._services.clock.today())

    def step(self, direction: int) -> None:
        self._go(self.day + timedelta(days=7 * direction if self.week_view else direction))

    def go_to_date(self) -> GoToDateDialog:
        dialog = self.date_dialog = GoToDateDialog(self.day, self)
        dialog.accepted.connect(lambda: self._go(dialog.chosen() or self.day))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.finished.connect(lambda _result: self.back_to_grid())
        dialog.open()
        return dialog

    def _go(self, day: date) -> None:
        self.day = day
        self.reload()

    def show_day(self) -> None:
        cell = self.grid.current_cell()
        if cell is not None:
            self.day = cell.column.day
        self.week_view = False
        self._loaded_once = False  # another view: the first free slot is chosen again
        self.parts.follow_view(week=False)
        self.reload()

    def show_week(self) -> None:
        """The week of the practitioner whose column is selected (else the one chosen before)."""
        cell = self.grid.current_cell()
        if cell is not None and cell.column.practitioner_id is not None:
            self.practitioner_id = cell.column.practitioner_id
        if self.practitioner_id is None and self.practitioners:
            self.practitioner_id = self.practitioners[0].id
        if self.practitioner_id is None:
            self.say(
                lambda: self.tr("This site has no practitioner yet: a manager adds them (Manage menu)."),
                error=True,
            )
            return
        self.week_view = True
        self._loaded_once = False
        self.parts.follow_view(week=True)
        self.parts.choose_practitioner(self.practitioner_id)
        self.reload()

    def _site_chosen(self) -> None:
        clinic_id = self.parts.site.currentData()
        if clinic_id is not None and clinic_id != self.clinic_id:
            self.clinic_id = clinic_id
            self.practitioner_id = None
            self._load_site()
        self.setWindowTitle(self._title())

    def _practitioner_chosen(self) -> None:
        chosen = self.parts.practitioner.currentData()
        if chosen is not None and chosen != self.practitioner_id:
            self.practitioner_id = chosen
            if self.week_view:
                self.reload()

    def _show_cancelled(self, shown: bool) -> None:
        keep = self.grid.currentIndex()
        self.model.set_show_cancelled(shown)
        self.grid.select(keep.row(), keep.column())

    # ------------------------------------------------------------ loading

    def _load_site(self) -> None:
        """The sites, this site's practitioners and the clinic's kinds; then the schedule."""
        services, actor, clinic_id = self._services, self._actor, self.clinic_id
        self._runner.submit(
            lambda: (
                services.clinics.list(actor),
                services.schedule.practitioners(actor, clinic_id),
                tuple(services.schedule.kinds(actor)),
            ),
            on_success=self._site_loaded,
            on_failure=lambda error: self.say(error_words(error), error=True),
            key=(*self._key, "site"),
        )

    def _site_loaded(
        self, loaded: tuple[list, list[PractitionerRecord], tuple[AppointmentKindRecord, ...]]
    ) -> None:
        sites, self.practitioners, self.kinds = loaded
        self.parts.fill_sites(sites, self.clinic_id)
        self.parts.fill_practitioners(self.practitioners, self.practitioner_id)
        self.setWindowTitle(self._title())
        self.reload()

    def reload(self) -> None:
        self._describe_day()
        services, actor, day, clinic_id = self._services, self._actor, self.day, self.clinic_id
        if self.week_view and self.practitioner_id is not None:
            practitioner_id, first = self.practitioner_id, self._first_day()
            self._runner.submit(
                lambda: services.schedule.week(actor, practitioner_id, first),
                on_success=self._shown,
                on_failure=lambda error: self.say(error_words(error), error=True),
                key=self._key,
                busy_message=self.tr("Loading the schedule…"),
            )
        else:
            self._runner.submit(
                lambda: services.schedule.day(actor, day, clinic_id),
                on_success=self._shown,
                on_failure=lambda error: self.say(error_words(error), error=True),
                key=self._key,
                busy_message=self.tr("Loading the schedule…"),
            )

    def _shown(self, schedule: DaySchedule | WeekSchedule) -> None:
        keep = self.grid.currentIndex()
        if isinstance(schedule, WeekSchedule):
            self.model.set_columns(week_columns(schedule), schedule.slot_minutes)
        else:
            self.model.set_columns(day_columns(schedule), schedule.slot_minutes)
        self.parts.show_empty(self.model.columnCount() == 0)
        place = self.model.find(self._select_after) if self._select_after is not None else None
        self._select_after = None
        if place is not None:
            self.grid.select(*place)
        elif keep.isValid() and self._loaded_once:
            self.grid.select(keep.row(), min(keep.column(), self.model.columnCount() - 1))
        else:
            self._select_first_free()
        self._loaded_once = True
        self._selection_changed()

    def _select_first_free(self) -> None:
        """The first free slot from now on (today), else from the top."""
        now = self._services.clock.now()
        for column in range(self.model.columnCount()):
            for row in range(self.model.rowCount()):
                cell = self.model.cell(row, column)
                if cell is not None and cell.kind == CellKind.FREE and cell.starts_at >= now:
                    self.grid.select(row, column)
                    return
        self.grid.select(0, 0)

    def _data_changed(self, change: DataChange, _source: object) -> None:
        if change.touches(ChangeSubject.APPOINTMENTS, ChangeSubject.SCHEDULE, ChangeSubject.CLIENT):
            if change.touches(ChangeSubject.SCHEDULE):
                self._load_site()
            else:
                self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.grid.setFocus()

    # ------------------------------------------------------------ acting on a slot

    def selected_appointment(self) -> ScheduledAppointment | None:
        cell = self.grid.current_cell()
        return cell.appointment if cell is not None else None

    def choose(self, cell: Cell) -> None:
        """Enter: move here while moving; book a free slot; open the file of an appointment's client."""
        if self.moving is not None:
            self.actions_.move(self.moving, cell.starts_at, cell.column.practitioner_id)
            return
        appointment = cell.appointment
        if appointment is not None:
            self.open_client_requested.emit(appointment.client_id)
            return
        self.book_at(cell)

    def book_selected(self) -> None:
        cell = self.grid.current_cell()
        if cell is not None:
            self.book_at(cell)

    def book_at(self, cell: Cell) -> None:
        """Book at this slot for the chosen client (asked for first when there is none)."""
        column = cell.column
        name = column.practitioner_day.practitioner.display_name if column.practitioner_day else ""
        if cell.kind == CellKind.CLOSED and not role_allows(self._actor.role, Permission.MANAGE_CLINIC):
            # Said now rather than after the consent steps: the service would refuse it anyway.
            self.say(
                lambda: self.tr("This slot is outside the practitioner's hours: choose a white slot."),
                error=True,
            )
            return
        length = self._fitting_length(cell)
        slot = BookingSlot(cell.starts_at, column.practitioner_id, name, self.kinds, length)
        self.client.then(lambda client: self._open_booking(client, slot))

    def _fitting_length(self, cell: Cell) -> int | None:
        """The free minutes from this slot when the first kind's length would not fit in them (before
        the end of the hours or the next appointment), so the booking starts with a length that fits;
        None when it fits (the kind's own length is used)."""
        active = [kind for kind in self.kinds if kind.active]
        row = self.model.row_of(cell.starts_at)
        column = self.model.column_of(cell.column.practitioner_id, cell.column.day)
        if cell.kind != CellKind.FREE or not active or row is None or column is None:
            return None
        free = 0
        while (below := self.model.cell(row, column)) is not None and below.kind == CellKind.FREE:
            free += self.model.slot_minutes
            row += 1
        if free >= active[0].default_minutes:
            return None
        self.say(
            lambda: self.tr(
                "Only {minutes} minutes are free from this slot: the booking starts with that length."
            ).format(minutes=free)
        )
        return free

    def _open_booking(self, client: ClientRecord, slot: BookingSlot) -> None:
        if self._book is not None:
            dialog = self._book(client, slot)
        else:  # a schedule on its own, outside a session's windows
            dialog = BookingDialog(self._services, self._actor, self._runner, client, self, slot)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()
        if isinstance(dialog, QDialog):
            # Booked or not, the person is back on the schedule, on the same slot.
            dialog.finished.connect(lambda _result: self.back_to_grid())

    def back_to_grid(self) -> None:
        """A dialog of the schedule closed: the keys work on the schedule again."""
        self.activateWindow()
        self.raise_()
        self.grid.setFocus()

    def _on_appointment(self, act: Callable[[ScheduledAppointment], object]) -> None:
        appointment = self.selected_appointment()
        if appointment is None:
            self.say(
                lambda: self.tr("Choose an appointment first (the arrows move between slots)."), error=True
            )
            return
        act(appointment)

    def mark_arrived(self) -> None:
        self._on_appointment(self.actions_.arrived)

    def mark_no_show(self) -> None:
        self._on_appointment(self.actions_.no_show)

    def cancel_selected(self) -> None:
        self._on_appointment(self.actions_.cancel)

    def start_move(self) -> None:
        def start(appointment: ScheduledAppointment) -> None:
            self.moving = appointment
            self.say(self._moving_words)

        self._on_appointment(start)

    def _moving_words(self) -> str:
        moving = self.moving
        if moving is None:
            return ""
        return self.tr(
            "Moving {name}'s appointment of {when}: choose the new slot with the arrows (another day with "
            "Alt+→), then press Enter. Escape stops."
        ).format(name=moving.client_name, when=format_datetime(moving.starts_at))

    def stop_move(self) -> None:
        if self.moving is not None:
            self.moving = None
            self.say(lambda: self.tr("Nothing moved."))

    def _moved(self, event: AppointmentEventRecord) -> None:
        self.moving = None
        self._select_after = event.appointment_id

    def _selection_changed(self) -> None:
        self.parts.follow_selection(self.grid.current_cell(), moving=self.moving is not None)

    # ------------------------------------------------------------ saying things

    def say(self, words: Words, *, error: bool = False) -> None:
        """The status line under the schedule, made again when the staff language changes."""
        self._status = (words, error)
        self.parts.show_status(words(), error=error)
        if not error:
            self.status_message.emit(words())
