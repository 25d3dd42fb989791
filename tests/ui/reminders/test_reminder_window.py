"""The reminders window: the day's four groups as the service decides them, the emails sent through a
real local SMTP server on the worker, the SMS file and the call sheet exported, the outcome said."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.domain.enums import Channel
from desktop.domain.reminders import SmtpSecurity, SmtpSettingsDraft
from tests.desktop.services.smtp_server import SmtpServer
from tests.desktop.services.test_reminders import TOMORROW, at, book_by_phone
from tests.ui.conftest import TIMEOUT_MS, create_client, off_gui, sign_in
from ui.reminders.window import ReminderWindow


@pytest.fixture
def day_of_reminders(gui_services, desk):
    services = gui_services
    emailed = create_client(services, desk, "Tremblay", "Élise", email="elise@example.com")
    called = create_client(services, desk, "Gagnon", "Luc", phone="418 555-0103")
    silent = create_client(services, desk, "Côté", "Zoé", phone="418 555-0105")
    off_gui(lambda: book_by_phone(services, desk, emailed.id, at(TOMORROW, 9), granted=(Channel.EMAIL,)))
    off_gui(lambda: book_by_phone(services, desk, called.id, at(TOMORROW, 10), granted=(Channel.PHONE,)))
    off_gui(lambda: book_by_phone(services, desk, silent.id, at(TOMORROW, 11)))
    return emailed, called, silent


def test_the_day_is_grouped_sent_and_exported(qtbot, gui_services, desk, runner, day_of_reminders, tmp_path):
    server = SmtpServer()
    server.start()
    try:
        manager = sign_in(gui_services, "gestion")
        settings = SmtpSettingsDraft("127.0.0.1", server.port, SmtpSecurity.PLAIN, "", "clinique@example.com")
        off_gui(lambda: gui_services.reminders.save_smtp_settings(manager, settings))
        window = ReminderWindow(gui_services, desk, runner)
        qtbot.addWidget(window)
        window.show()
        assert window.chosen_day() == TOMORROW  # the window opens on tomorrow
        qtbot.waitUntil(lambda: window.plan is not None, timeout=TIMEOUT_MS)
        tables = window.tables
        assert [tables[Channel.EMAIL].item(0, 1).text()] == ["Élise Tremblay"]
        assert tables[Channel.PHONE].item(0, 3).text() == "(418) 555-0103"
        assert tables[None].item(0, 1).text() == "Zoé Côté"
        assert "no consent" in tables[None].item(0, 4).text()
        assert [window.tabs.tabText(i) for i in range(4)] == [
            "Email (1)", "SMS file (0)", "Call sheet (1)", "Not to remind (1)",
        ]  # fmt: skip

        qtbot.mouseClick(window.send_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "sent" in window.outcome.text() and not window.is_running, timeout=TIMEOUT_MS)
        assert "1 email reminder(s) sent." in window.outcome.text()
        assert [m["To"] for m in server.messages()] == ["elise@example.com"]
        qtbot.waitUntil(lambda: tables[Channel.EMAIL].item(0, 4).text() == "yes", timeout=TIMEOUT_MS)

        window.export_to(tmp_path)
        qtbot.waitUntil(lambda: "Call sheet" in window.outcome.text(), timeout=TIMEOUT_MS)
        assert (tmp_path / f"reminders-{TOMORROW.isoformat()}-calls.pdf").exists()
        assert "1 call(s)" in window.outcome.text()
        window.close()
    finally:
        server.stop()


def test_the_client_menu_opens_the_reminders_beside_the_schedule(qtbot, window):
    menu_actions = [a.objectName() for a in window.client_menu.actions()]
    assert menu_actions.index("reminders") == menu_actions.index("schedule") + 1
    window.schedule.reminders.action.trigger()
    opened = window.windows.opened.get("reminders")
    assert isinstance(opened, ReminderWindow)
    qtbot.waitUntil(lambda: opened.plan is not None, timeout=TIMEOUT_MS)
    opened.close()


def test_the_client_file_shows_the_reminders_once_exported(qtbot, window, day_of_reminders, tmp_path):
    _emailed, called, _silent = day_of_reminders
    window.open_client(called.id)
    history = window.client_file.appointments_tab.reminders
    qtbot.waitUntil(lambda: window.client_file.client is not None, timeout=TIMEOUT_MS)
    assert history.model.rowCount() == 0
    window.schedule.reminders.action.trigger()
    reminders = window.windows.opened["reminders"]
    assert isinstance(reminders, ReminderWindow)
    qtbot.waitUntil(lambda: reminders.plan is not None, timeout=TIMEOUT_MS)
    reminders.export_to(tmp_path)
    qtbot.waitUntil(lambda: history.model.rowCount() == 1, timeout=TIMEOUT_MS)
    assert "phone" in str(history.model.data(history.model.index(0, 1))).lower()
    reminders.close()
