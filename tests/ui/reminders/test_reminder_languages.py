"""The reminders window and the Email tab of the clinic settings in French and in English: no text
left in the other language, none cut short."""

from __future__ import annotations

import pytest

from desktop.domain.enums import Channel, Language
from tests.desktop.services.test_reminders import TOMORROW, at, book_by_phone
from tests.ui.conftest import create_client, sign_in, wait_idle
from tests.ui.helpers import off_gui
from tests.ui.language_check import clipped_texts, language_problems, visible_texts
from ui.admin.clinic_settings_dialog import ClinicSettingsDialog
from ui.kit.i18n import install_translators
from ui.reminders.window import ReminderWindow


@pytest.fixture(params=[Language.FR, Language.EN], ids=["fr", "en"])
def language(request, qapp):
    assert install_translators(qapp, request.param) == request.param
    yield request.param
    install_translators(qapp, Language.EN)


def test_the_reminders_and_the_mail_server_in_one_language(qtbot, gui_services, desk, runner, language):
    client = create_client(gui_services, desk, "Gagnon", "Léa", phone="418 555-0103")
    off_gui(lambda: book_by_phone(gui_services, desk, client.id, at(TOMORROW, 10), granted=(Channel.PHONE,)))
    data = ["Léa Gagnon", client.file_number]
    window = ReminderWindow(gui_services, desk, runner)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.plan is not None)
    window.tabs.setCurrentIndex(2)
    settings = ClinicSettingsDialog(gui_services, sign_in(gui_services, "gestion"), runner)
    qtbot.addWidget(settings)
    settings.show()
    settings.tabs.setCurrentWidget(settings.mail_page)
    qtbot.waitExposed(settings)
    wait_idle(qtbot, runner)
    for shown in (window, settings):
        assert language_problems(visible_texts(shown), language, data) == [], shown.objectName()
        assert clipped_texts(shown) == [], shown.objectName()
    window.close()
    settings.close()
