"""The clinic settings' Email tab: plain SMTP to another computer refused under its field, a local
server saved and its connection tested, on the worker."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.domain.reminders import SmtpSecurity
from tests.desktop.services.smtp_server import SmtpServer
from tests.ui.conftest import TIMEOUT_MS, off_gui, sign_in
from ui.admin.clinic_settings_dialog import ClinicSettingsDialog


def test_the_mail_server_is_checked_saved_and_tested(qtbot, gui_services, runner):
    manager = sign_in(gui_services, "gestion")
    dialog = ClinicSettingsDialog(gui_services, manager, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.is_running, timeout=TIMEOUT_MS)
    page = dialog.mail_page
    dialog.tabs.setCurrentWidget(page)
    assert dialog.tabs.tabText(2) == "&Email"
    page.host.setText("smtp.example.com")
    page.security.setCurrentIndex(page.security.findData(SmtpSecurity.PLAIN.value))
    page.sender_address.setText("rappels@clinique.example")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(page.errors.message("smtp_security")), timeout=TIMEOUT_MS)
    assert "localhost" in page.errors.message("smtp_security")

    server = SmtpServer()
    server.start()
    try:
        page.host.setText("127.0.0.1")
        page.port.setValue(server.port)
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "saved" in dialog.outcome.text(), timeout=TIMEOUT_MS)
        stored = off_gui(lambda: gui_services.reminders.smtp_settings(manager)).settings
        assert stored is not None and (stored.host, stored.port) == ("127.0.0.1", server.port)
        qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "answered" in dialog.outcome.text(), timeout=TIMEOUT_MS)
    finally:
        server.stop()
    dialog.close()
