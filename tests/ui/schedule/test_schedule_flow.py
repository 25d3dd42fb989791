"""The schedule driven by the keyboard, through the real services on a SQLite file: three appointments
booked from the day view, one moved, one cancelled, one marked no-show, each event in the client file;
a double booking refused for a receptionist; the window retitled when the language changes."""

from __future__ import annotations

from datetime import date, time
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from desktop.domain.enums import Language
from desktop.domain.records import Actor, ClientRecord
from desktop.domain.schedule import AppointmentState, PractitionerDraft, ScheduleConflict, WeeklyHours
from desktop.services import Services
from tests.ui.conftest import TIMEOUT_MS, create_client, settle, sign_in, wait_idle
from tests.ui.helpers import off_gui, type_text
from ui.booking.booking_dialog import BookingDialog
from ui.schedule.grid_model import CellKind
from ui.schedule.window import ScheduleWindow
from ui.shell.main_window import MainWindow

# The tests' clock says Tuesday 2026-11-24, 15:00 UTC: the appointments are for Wednesday.
WEDNESDAY = date(2026, 11, 25)


@pytest.fixture
def practitioner(gui_services: Services) -> int:
    """Dre Tremblay works mornings, 9:00 to 12:00, Monday to Friday (set up by the manager)."""
    manager = sign_in(gui_services, "gestion")

    def set_up() -> int:
        made = gui_services.schedule.add_practitioner(
            manager, PractitionerDraft("Dre Tremblay", manager.clinic_id, "médecine familiale")
        )
        hours = [WeeklyHours(weekday, time(9), time(12)) for weekday in range(5)]
        gui_services.schedule.set_hours(manager, made.id, hours)
        return made.id

    return off_gui(set_up)


def key(widget: Any, which: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(widget, which, modifiers)


def open_schedule(qtbot: Any, window: MainWindow) -> ScheduleWindow:
    key(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    schedule = window.windows.opened["schedule"]
    assert isinstance(schedule, ScheduleWindow)
    qtbot.waitExposed(schedule)
    wait_idle(qtbot, window.runner)
    return schedule


def next_day(qtbot: Any, schedule: ScheduleWindow, runner: Any) -> None:
    key(schedule.grid, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    wait_idle(qtbot, runner)


def down_to_free(schedule: ScheduleWindow) -> None:
    """Arrow down to the next free slot."""
    for _ in range(40):
        cell = schedule.grid.current_cell()
        if cell is not None and cell.kind == CellKind.FREE:
            return
        key(schedule.grid, Qt.Key.Key_Down)
    raise AssertionError("no free slot below")


def up_to(schedule: ScheduleWindow, name: str) -> None:
    """Arrow up to the slot where ``name``'s appointment begins."""
    for _ in range(40):
        cell = schedule.grid.current_cell()
        if (
            cell is not None
            and cell.first
            and cell.appointment
            and cell.appointment.client_name.endswith(name)
        ):
            return
        key(schedule.grid, Qt.Key.Key_Up)
    raise AssertionError(f"no appointment of {name} above")


def by_phone_then_save(qtbot: Any, dialog: BookingDialog) -> None:
    """Alt+P (By &phone: the click lands a moment later), Ctrl+Enter to the consent step, Ctrl+Enter saves."""
    key(dialog.focusWidget() or dialog, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.wait(250)
    assert dialog.appointment_page.via_phone.isChecked()
    for _ in range(2):
        key(dialog.focusWidget() or dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def book_by_keyboard(qtbot: Any, window: MainWindow, schedule: ScheduleWindow) -> None:
    """Enter on the free slot, then the booking dialog by keys: by phone, next, save."""
    key(schedule.grid, Qt.Key.Key_Return)
    dialog = window.windows.opened["booking"]
    assert isinstance(dialog, BookingDialog)
    qtbot.waitUntil(lambda: dialog.consent_step.is_loaded and dialog.policy_settled, timeout=TIMEOUT_MS)
    assert dialog.appointment_page.practitioner.text() == "Dre Tremblay"
    assert dialog.appointment_page.length.value() == 30  # the consultation's default length
    by_phone_then_save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT_MS)
    wait_idle(qtbot, window.runner)


def open_file(qtbot: Any, window: MainWindow, client: ClientRecord) -> None:
    window.open_client(client.id)
    settle(qtbot, window)


def day_states(services: Services, actor: Actor) -> dict[str, tuple[AppointmentState, str]]:
    day = off_gui(lambda: services.schedule.day(actor, WEDNESDAY))
    cancelled_too = [a for column in day.columns for a in column.appointments]
    return {a.client_name: (a.state, a.starts_at.astimezone().strftime("%H:%M")) for a in cancelled_too}


def test_three_booked_by_keyboard_one_moved_one_cancelled_one_no_show(
    qtbot, gui_services: Services, desk: Actor, make_window, practitioner: int
) -> None:
    clients = [
        create_client(gui_services, desk, last, first)
        for last, first in (("Gagnon", "Léa"), ("Roy", "Samuel"), ("Bouchard", "Maëlle"))
    ]
    window = make_window(gui_services, desk)
    open_file(qtbot, window, clients[0])
    schedule = open_schedule(qtbot, window)
    assert schedule.parts.client_label.text().startswith("Booking for: Léa Gagnon")
    next_day(qtbot, schedule, window.runner)
    assert schedule.day == WEDNESDAY
    cell = schedule.grid.current_cell()
    assert cell is not None and cell.kind == CellKind.FREE  # the first free slot of the day
    assert cell.starts_at.astimezone().time() == time(9)

    for client in clients:
        open_file(qtbot, window, client)  # the schedule books for the file that is open
        down_to_free(schedule)
        book_by_keyboard(qtbot, window, schedule)
    assert day_states(gui_services, desk) == {
        "Léa Gagnon": (AppointmentState.BOOKED, "09:00"),
        "Samuel Roy": (AppointmentState.BOOKED, "09:30"),
        "Maëlle Bouchard": (AppointmentState.BOOKED, "10:00"),
    }

    # Move Léa's appointment to 11:00: Ctrl+M on it, arrows to the new slot, Enter.
    up_to(schedule, "Gagnon")
    key(schedule.grid, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert "Moving Léa Gagnon's appointment" in schedule.parts.status.text()
    for _ in range(8):
        key(schedule.grid, Qt.Key.Key_Down)
    assert schedule.grid.current_cell().starts_at.astimezone().time() == time(11)
    key(schedule.grid, Qt.Key.Key_Return)
    wait_idle(qtbot, window.runner)
    moved = schedule.grid.current_cell()
    assert moved.appointment is not None and moved.appointment.client_name == "Léa Gagnon"  # followed

    # Cancel Samuel's: Delete, the reason typed, Enter.
    up_to(schedule, "Roy")
    key(schedule.grid, Qt.Key.Key_Delete)
    dialog = schedule.actions_.cancel_dialog
    assert dialog is not None
    type_text(dialog.reason, "Malade, rappellera")
    key(dialog.reason, Qt.Key.Key_Return)
    wait_idle(qtbot, window.runner)

    # Maëlle did not come.
    assert schedule.grid.current_cell().kind == CellKind.FREE  # a cancelled appointment frees its slot
    for _ in range(2):
        key(schedule.grid, Qt.Key.Key_Down)
    assert schedule.selected_appointment().client_name == "Maëlle Bouchard"
    key(schedule.grid, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    wait_idle(qtbot, window.runner)
    assert day_states(gui_services, desk) == {
        "Léa Gagnon": (AppointmentState.BOOKED, "11:00"),
        "Samuel Roy": (AppointmentState.CANCELLED, "09:30"),
        "Maëlle Bouchard": (AppointmentState.NO_SHOW, "10:00"),
    }
    assert "recorded as a no-show" in schedule.parts.status.text()

    # Each client's file lists the appointment's events.
    expected = {
        "Gagnon": ["Booked", "Moved"],
        "Roy": ["Booked", "Cancelled by the client: Malade, rappellera"],
        "Bouchard": ["Booked", "No-show"],
    }
    for client in clients:
        open_file(qtbot, window, client)
        tab = window.client_file.appointments_tab
        qtbot.waitUntil(lambda tab=tab: tab.events_model.rowCount() > 0, timeout=TIMEOUT_MS)
        shown = [
            tab.events_model.data(tab.events_model.index(row, 1))
            for row in range(tab.events_model.rowCount())
        ]
        assert shown == expected[client.last_name], shown


def test_a_double_booking_is_refused_for_a_receptionist_and_confirmed_by_a_manager(
    qtbot, gui_services: Services, desk: Actor, make_window, practitioner: int, message_boxes, monkeypatch
) -> None:
    lavoie, morin = (create_client(gui_services, desk, last, "Alex") for last in ("Lavoie", "Morin"))
    window = make_window(gui_services, desk)
    open_file(qtbot, window, lavoie)
    schedule = open_schedule(qtbot, window)
    next_day(qtbot, schedule, window.runner)
    book_by_keyboard(qtbot, window, schedule)  # Lavoie at 9:00
    key(schedule.grid, Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier)
    key(schedule.grid, Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier)  # 9:30, free
    open_file(qtbot, window, morin)
    # The receptionist moves Morin's first choice onto Lavoie's slot in the booking dialog: refused.
    key(schedule.grid, Qt.Key.Key_Return)
    dialog = window.windows.opened["booking"]
    assert isinstance(dialog, BookingDialog)
    qtbot.waitUntil(lambda: dialog.consent_step.is_loaded and dialog.policy_settled, timeout=TIMEOUT_MS)
    page = dialog.appointment_page
    page.when.setDateTime(page.when.dateTime().addSecs(-30 * 60))
    by_phone_then_save(qtbot, dialog)
    qtbot.waitUntil(lambda: "not saved" in dialog.banner_text(), timeout=TIMEOUT_MS)
    banner = dialog.banner_text()
    assert "Dre Tremblay already has an appointment overlapping the slot" in banner, banner
    assert "only a manager can confirm" in banner, banner
    assert not [kind for kind, _text in message_boxes if kind == "question"]  # nothing offered to confirm
    assert dialog.isVisible()  # nothing typed is lost
    dialog.done(0)
    wait_idle(qtbot, window.runner)
    assert set(day_states(gui_services, desk)) == {"Alex Lavoie"}

    # A manager moving Lavoie onto Morin's... the manager is asked, confirms, and it is recorded.
    manager = sign_in(gui_services, "gestion")
    lavoie_id = off_gui(lambda: gui_services.schedule.day(manager, WEDNESDAY)).columns[0].appointments[0].id
    boss = ScheduleWindow(gui_services, manager, window.runner)
    qtbot.addWidget(boss)
    boss.show()
    wait_idle(qtbot, window.runner)
    next_day(qtbot, boss, window.runner)
    asked: list[str] = []

    def confirm(_parent: Any, _title: str, text: str, *_args: Any) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", confirm)
    place = boss.model.find(lavoie_id)
    assert place is not None
    boss.grid.select(*place)
    key(boss.grid, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    for _ in range(20):  # to 14:00, after the practitioner's hours
        key(boss.grid, Qt.Key.Key_Down)
    key(boss.grid, Qt.Key.Key_Return)
    wait_idle(qtbot, window.runner)
    assert asked and "outside Dre Tremblay's working hours" in asked[0]
    events = off_gui(lambda: gui_services.schedule.events_for_client(manager, lavoie.id))
    assert [e.overrides for e in events][-1] == (ScheduleConflict.OUTSIDE_HOURS,)
    boss.close()


def test_the_language_switch_retitles_the_window(
    qtbot, gui_services: Services, desk: Actor, runner, practitioner: int, switch
) -> None:
    schedule = ScheduleWindow(gui_services, desk, runner)
    qtbot.addWidget(schedule)
    schedule.show()
    wait_idle(qtbot, runner)
    title = schedule.windowTitle()
    assert title.startswith("Schedule — ")
    assert schedule.model.columnCount() == 1
    assert schedule.model.headerData(0, Qt.Orientation.Horizontal) == "Dre Tremblay"
    switch(Language.FR)
    assert schedule.windowTitle().startswith("Horaire — ")
    assert schedule.parts.today_button.text() == "&Aujourd'hui (Ctrl+T)"
    switch(Language.EN)
    assert schedule.windowTitle() == title
