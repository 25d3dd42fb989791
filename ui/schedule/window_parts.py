"""The widgets of the schedule window and their words; the window itself holds the behaviour."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.records import ClinicRecord
from desktop.domain.schedule import AppointmentState, PractitionerRecord
from ui.booking.feedback import BANNER_ERROR, BANNER_INFO
from ui.schedule.grid_model import Cell, CellKind, ScheduleGridModel
from ui.schedule.grid_view import ScheduleGrid

__all__ = ["WindowParts"]


class WindowParts(QObject):
    """Builds the window's layout: what and when on top, the grid, then the status line and the actions."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.site = QComboBox(window)
        self.site.setObjectName("scheduleSite")
        self.site.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.site_label = QLabel(window)
        self.site_label.setBuddy(self.site)
        self.day_button = QPushButton(window)
        self.week_button = QPushButton(window)
        views = QButtonGroup(self)
        for button in (self.day_button, self.week_button):
            button.setCheckable(True)
            views.addButton(button)
        self.day_button.setChecked(True)
        self.practitioner = QComboBox(window)
        self.practitioner.setObjectName("schedulePractitioner")
        self.practitioner_label = QLabel(window)
        self.practitioner_label.setBuddy(self.practitioner)
        self.previous_button = QPushButton(window)
        self.today_button = QPushButton(window)
        self.next_button = QPushButton(window)
        self.date_button = QPushButton(window)
        self.day_label = QLabel(window)
        self.day_label.setObjectName("scheduleDay")
        self.day_label.setStyleSheet("font-size: 120%; font-weight: bold;")
        self.cancelled_box = QCheckBox(window)
        self.cancelled_box.setObjectName("showCancelled")
        self.client_label = QLabel(window)
        self.client_label.setObjectName("scheduleClient")
        self.client_label.setTextFormat(Qt.TextFormat.PlainText)
        self.client_button = QPushButton(window)

        self.model = ScheduleGridModel(window)
        self.grid = ScheduleGrid(self.model, window)
        self.empty = QLabel(window)
        self.empty.setObjectName("scheduleEmpty")
        self.empty.setWordWrap(True)
        self.empty.hide()
        self.status = QLabel(window)
        self.status.setObjectName("scheduleStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.hide()
        self.legend = QLabel(window)
        self.legend.setObjectName("scheduleLegend")
        self.legend.setWordWrap(True)

        self.book_button = QPushButton(window)
        self.arrived_button = QPushButton(window)
        self.no_show_button = QPushButton(window)
        self.move_button = QPushButton(window)
        self.cancel_button = QPushButton(window)
        # Buttons never take the focus from the grid: the keys are the way, the buttons say them.
        for button in window.findChildren(QPushButton):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAutoDefault(False)
        self.cancelled_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        where = QHBoxLayout()
        for widget in (self.site_label, self.site, self.day_button, self.week_button):
            where.addWidget(widget)
        where.addSpacing(12)
        where.addWidget(self.practitioner_label)
        where.addWidget(self.practitioner, 1)
        where.addStretch(1)
        where.addWidget(self.cancelled_box)
        when = QHBoxLayout()
        for widget in (self.previous_button, self.today_button, self.next_button, self.date_button):
            when.addWidget(widget)
        when.addSpacing(12)
        when.addWidget(self.day_label, 1)
        who = QHBoxLayout()
        who.addWidget(self.client_label, 1)
        who.addWidget(self.client_button)
        acts = QHBoxLayout()
        for button in (
            self.book_button,
            self.arrived_button,
            self.no_show_button,
            self.move_button,
            self.cancel_button,
        ):
            acts.addWidget(button)
        acts.addStretch(1)
        layout = QVBoxLayout(window)
        layout.addLayout(where)
        layout.addLayout(when)
        layout.addLayout(who)
        layout.addWidget(self.empty)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.status)
        layout.addLayout(acts)
        self.follow_view(week=False)

    def retranslate(self) -> None:
        self.site_label.setText(self.tr("&Site:"))
        self.day_button.setText(self.tr("Day (Ctrl+1)"))
        self.week_button.setText(self.tr("Week (Ctrl+2)"))
        self.practitioner_label.setText(self.tr("P&ractitioner:"))
        self.today_button.setText(self.tr("&Today (Ctrl+T)"))
        self.date_button.setText(self.tr("&Go to date… (Ctrl+G)"))
        self.cancelled_box.setText(self.tr("Show cancelled (Ctrl+H)"))
        self.client_button.setText(self.tr("Choose the client… (Ctrl+K)"))
        self.book_button.setText(self.tr("&Book (Enter)"))
        self.arrived_button.setText(self.tr("Arrived (Ctrl+Shift+A)"))
        self.no_show_button.setText(self.tr("No-show (Ctrl+Shift+N)"))
        self.move_button.setText(self.tr("&Move… (Ctrl+M)"))
        self.cancel_button.setText(self.tr("&Cancel the appointment… (Del)"))
        self.grid.setAccessibleName(self.tr("Schedule: arrows move between slots, Enter books or opens"))
        self.empty.setText(
            self.tr(
                "No practitioner works at this site yet. A manager adds them in Manage ▸ Practitioners and hours."
            )
        )
        self.legend.setText(
            self.tr(
                "White: free · grey: outside hours · blue: booked · green: arrived · red: no-show. "
                "Alt+← and Alt+→ change the day; Enter on an appointment opens the client's file."
            )
        )

    def follow_view(self, *, week: bool) -> None:
        self.day_button.setChecked(not week)
        self.week_button.setChecked(week)
        self.practitioner_label.setVisible(week)
        self.practitioner.setVisible(week)

    def fill_sites(self, sites: list[ClinicRecord], current: int) -> None:
        self.site.blockSignals(True)
        self.site.clear()
        for site in sites:
            self.site.addItem(site.name, site.id)
        self.site.setCurrentIndex(max(0, self.site.findData(current)))
        self.site.blockSignals(False)

    def fill_practitioners(self, practitioners: list[PractitionerRecord], current: int | None) -> None:
        self.practitioner.blockSignals(True)
        self.practitioner.clear()
        for practitioner in practitioners:
            self.practitioner.addItem(practitioner.display_name, practitioner.id)
        self.practitioner.setCurrentIndex(max(0, self.practitioner.findData(current)))
        self.practitioner.blockSignals(False)

    def choose_practitioner(self, practitioner_id: int) -> None:
        self.practitioner.blockSignals(True)
        self.practitioner.setCurrentIndex(max(0, self.practitioner.findData(practitioner_id)))
        self.practitioner.blockSignals(False)

    def show_empty(self, empty: bool) -> None:
        self.empty.setVisible(empty)

    def show_status(self, text: str, *, error: bool) -> None:
        self.status.setStyleSheet(BANNER_ERROR if error else BANNER_INFO)
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def follow_selection(self, cell: Cell | None, *, moving: bool) -> None:
        """The actions that make sense for the slot chosen."""
        appointment = cell.appointment if cell is not None else None
        booked = appointment is not None and appointment.state == AppointmentState.BOOKED
        self.book_button.setEnabled(cell is not None and cell.kind != CellKind.APPOINTMENT and not moving)
        for button in (self.arrived_button, self.no_show_button, self.move_button, self.cancel_button):
            button.setEnabled(booked and not moving)
