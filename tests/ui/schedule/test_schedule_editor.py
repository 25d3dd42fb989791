"""Manage ▸ Practitioners and hours: a manager adds a practitioner with their weekly hours and days off,
and an appointment kind, through the real services; a receptionist is not offered the editor."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.domain.schedule import WeeklyHours
from desktop.services import Services
from tests.ui.conftest import sign_in, wait_idle
from tests.ui.helpers import off_gui, type_text
from ui.schedule.editor import ScheduleEditor


def test_a_manager_sets_up_a_practitioner_their_hours_days_off_and_a_kind(
    qtbot, gui_services: Services, desk, make_window
) -> None:
    receptionist_window = make_window(gui_services, desk)
    assert not receptionist_window.schedule.editor_action.isVisible()
    manager = sign_in(gui_services, "gestion")
    window = make_window(gui_services, manager)
    assert window.schedule.editor_action.isVisible()
    assert window.schedule.editor_action in window.manage_menu.actions()
    editor = window.schedule.open_editor()
    assert isinstance(editor, ScheduleEditor)
    wait_idle(qtbot, window.runner)
    page = editor.practitioners
    assert page.list.count() == 0

    page.new_button.click()
    type_text(page.name, "Dre Hélène Roy")
    type_text(page.hour_lines[0], "8h-12h, 13:00-17:00")
    type_text(page.hour_lines[2], "9:00 to 12")
    type_text(page.hour_lines[4], "8:00-midi")
    page.save_button.click()
    assert "“8:00-midi” is not hours" in editor.outcome.text()
    page.hour_lines[4].clear()
    page.save_button.click()
    wait_idle(qtbot, window.runner)
    assert editor.outcome.text() == "Dre Hélène Roy saved."
    [made] = off_gui(lambda: gui_services.schedule.practitioners(manager))
    assert made.display_name == "Dre Hélène Roy"
    assert made.hours == (
        WeeklyHours(0, time(8), time(12)),
        WeeklyHours(0, time(13), time(17)),
        WeeklyHours(2, time(9), time(12)),
    )
    assert page.list.currentItem().text() == "Dre Hélène Roy"
    assert page.hour_lines[0].text() == "08:00-12:00, 13:00-17:00"

    type_text(page.off_from, "2026-12-24")
    type_text(page.off_to, "02/01/2027")
    type_text(page.off_reason, "Vacances des fêtes")
    page.add_off_button.click()
    wait_idle(qtbot, window.runner)
    [away] = off_gui(lambda: gui_services.schedule.practitioner(manager, made.id)).exceptions
    assert (away.starts_on, away.ends_on, away.reason) == (
        date(2026, 12, 24),
        date(2027, 1, 2),
        "Vacances des fêtes",
    )
    assert page.exceptions.item(0).text() == "2026-12-24 to 2027-01-02 · Vacances des fêtes"

    editor.tabs.setCurrentWidget(editor.kinds)
    kinds = editor.kinds
    kinds.new_button.click()
    type_text(kinds.code, "suivi")
    type_text(kinds.name_fr, "Suivi")
    type_text(kinds.name_en, "Follow-up")
    kinds.minutes.setValue(20)
    QTest.keyClick(kinds.save_button, Qt.Key.Key_Space)
    wait_idle(qtbot, window.runner)
    added = {kind.code: kind for kind in off_gui(lambda: gui_services.schedule.kinds(manager))}["suivi"]
    assert (added.name_fr, added.name_en, added.default_minutes, added.active) == (
        "Suivi",
        "Follow-up",
        20,
        True,
    )
    assert kinds.selected() == added
    editor.done(0)
