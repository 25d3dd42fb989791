"""The schedule's other keys: with no file open, Enter on a free slot asks which client, then books for
them; Ctrl+2 shows the chosen practitioner's week, Ctrl+1 the day again; Ctrl+G goes to a typed date."""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.domain.records import Actor
from desktop.services import Services
from tests.ui.conftest import TIMEOUT_MS, create_client, wait_idle
from tests.ui.helpers import type_text
from tests.ui.schedule.test_schedule_flow import practitioner  # noqa: F401  (the fixture)
from ui.booking.booking_dialog import BookingDialog
from ui.schedule.window import ScheduleWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def test_enter_asks_for_the_client_and_the_views_follow_the_keys(
    qtbot,
    gui_services: Services,
    desk: Actor,
    make_window,
    practitioner: int,  # noqa: F811
) -> None:
    create_client(gui_services, desk, "Pelletier", "Noémie")
    window = make_window(gui_services, desk)
    QTest.keyClick(window, Qt.Key.Key_D, CTRL)
    schedule = window.windows.opened["schedule"]
    assert isinstance(schedule, ScheduleWindow)
    wait_idle(qtbot, window.runner)
    assert "nobody yet" in schedule.parts.client_label.text()

    # Ctrl+G, a date typed day first, Enter: Wednesday.
    QTest.keyClick(schedule.grid, Qt.Key.Key_G, CTRL)
    dialog = schedule.date_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.field.clear()
    type_text(dialog.field, "25/11/2026")
    assert dialog.understood.text() == "Wednesday, November 25, 2026"
    QTest.keyClick(dialog.field, Qt.Key.Key_Return)
    wait_idle(qtbot, window.runner)
    assert schedule.day == date(2026, 11, 25)

    # Enter on the first free slot: the picker, the client found and chosen by keys, the booking dialog.
    assert schedule.grid.current_cell().starts_at.astimezone().time() == time(9)
    QTest.keyClick(schedule.grid, Qt.Key.Key_Return)
    picker = schedule.client.picker
    assert picker is not None
    type_text(picker.picker.field, "Pelletier")
    qtbot.waitUntil(picker.picker.is_settled, timeout=TIMEOUT_MS)
    QTest.keyClick(picker.picker.field, Qt.Key.Key_Return)
    assert picker.chosen() is not None
    QTest.keyClick(picker.focusWidget() or picker, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.wait(250)
    qtbot.waitUntil(lambda: "booking" in window.windows.opened, timeout=TIMEOUT_MS)
    booking = window.windows.opened["booking"]
    assert isinstance(booking, BookingDialog)
    assert "Noémie Pelletier" in booking.windowTitle()
    assert booking.appointment_page.practitioner.text() == "Dre Tremblay"
    assert booking.appointment_page.starts_at().astimezone().time() == time(9)
    booking.done(0)
    # Closed, booked or not, the booking gives the keys back to the schedule.
    qtbot.waitUntil(lambda: QApplication.activeWindow() is schedule, timeout=TIMEOUT_MS)
    assert schedule.parts.client_label.text().startswith("Booking for: Noémie Pelletier")

    # Ctrl+2: the week of the practitioner whose column is chosen; Ctrl+1: the day again.
    QTest.keyClick(schedule.grid, Qt.Key.Key_2, CTRL)
    wait_idle(qtbot, window.runner)
    assert schedule.week_view and schedule.model.columnCount() == 7
    assert schedule.model.columns()[0].day == date(2026, 11, 23)  # from Monday
    assert schedule.parts.day_label.text() == "Week of Monday, November 23, 2026 (this week)"
    QTest.keyClick(schedule.grid, Qt.Key.Key_1, CTRL)
    wait_idle(qtbot, window.runner)
    assert not schedule.week_view and schedule.model.columnCount() == 1

    # 11:45, the last quarter hour before noon: the 30-minute consultation would not fit; it starts at 15.
    row = schedule.model.row_of(datetime.combine(date(2026, 11, 25), time(11, 45)).astimezone())
    assert row is not None
    schedule.grid.select(row, 0)
    QTest.keyClick(schedule.grid, Qt.Key.Key_Return)
    assert "Only 15 minutes are free from this slot" in schedule.parts.status.text()
    booking = window.windows.opened["booking"]
    assert isinstance(booking, BookingDialog)
    assert booking.appointment_page.length.value() == 15
    booking.done(0)
