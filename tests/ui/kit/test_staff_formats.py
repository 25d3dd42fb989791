"""Times, phone numbers and percentages on staff screens follow the staff language: 16 h 29, 514 729-7747
and 100 % in French; 16:29, (514) 729-7747 and 100% in English."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtWidgets import QApplication

from desktop.domain.enums import Language
from desktop.domain.formats import NBSP
from tests.conftest import WORKSTATION
from tests.ui.conftest import TIMEOUT_MS, create_client, settle
from ui.kit import i18n
from ui.shell.idle_lock import LockScreen

#: A quarter past four in the afternoon and some, in the workstation's own time zone.
LOCKED_AT = datetime(2026, 11, 24, 16, 29).astimezone()


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    assert i18n.install_translators(qapp, Language.FR) == Language.FR
    yield
    assert i18n.install_translators(qapp, Language.EN) == Language.EN


def lock_screen_text(gui_services, runner, desk) -> str:
    screen = LockScreen(gui_services, runner, WORKSTATION)
    try:
        screen.prepare(desk, LOCKED_AT, [])
        return screen.explanation.text()
    finally:
        screen.deleteLater()


def test_the_lock_screen_says_when_in_french(qtbot, french, gui_services, runner, desk):
    text = lock_screen_text(gui_services, runner, desk)
    assert f"verrouillée à 16{NBSP}h{NBSP}29." in text
    assert "16:29" not in text


def test_the_lock_screen_says_when_in_english(qtbot, gui_services, runner, desk):
    text = lock_screen_text(gui_services, runner, desk)
    assert "locked at 16:29." in text


def open_file(qtbot, window, client_id: int) -> None:
    window.open_client(client_id)
    qtbot.waitUntil(
        lambda: window.client_file.client is not None and window.client_file.client.id == client_id,
        timeout=TIMEOUT_MS,
    )
    settle(qtbot, window)


def test_the_client_header_and_search_write_the_phone_as_french_does(
    qtbot, french, window, gui_services, desk
):
    client = create_client(gui_services, desk, "Lavoie", "Gabrielle", phone="(514) 729-7747")
    open_file(qtbot, window, client.id)
    header = window.client_file.header
    assert "téléphone 514 729-7747" in header.facts_label.accessibleName()
    assert "514&nbsp;729-7747" in header.facts_label.text()
    assert "(514)" not in header.facts_label.text()
    # The same number in the search results.
    field = window.search_panel.field
    field.clear()
    qtbot.keyClicks(field, "lavoie")
    settle(qtbot, window)
    model = window.search_panel.model
    assert model.rowCount() == 1
    row = [model.index(0, column).data() for column in range(model.columnCount())]
    assert "514 729-7747" in row and "(514) 729-7747" not in row


def test_the_client_header_writes_the_phone_as_english_does(qtbot, window, gui_services, desk):
    client = create_client(gui_services, desk, "Lavoie", "Gabrielle", phone="514-729-7747")
    open_file(qtbot, window, client.id)
    assert "phone (514) 729-7747" in window.client_file.header.facts_label.accessibleName()


def test_staff_formats_follow_the_language_installed(qtbot, french):
    assert i18n.format_phone("+15147297747") == "514 729-7747"
    assert i18n.format_percent(58.3) == f"58,3{NBSP}%"
    assert i18n.format_number(12345) == f"12{NBSP}345"
    assert i18n.format_time(LOCKED_AT) == f"16{NBSP}h{NBSP}29"
    assert i18n.format_datetime(LOCKED_AT) == f"2026-11-24 16{NBSP}h{NBSP}29"
    assert i18n.format_date_long(LOCKED_AT.date(), weekday=True) == "mardi 24 novembre 2026"


def test_staff_formats_in_english(qtbot):
    assert i18n.format_phone("+15147297747") == "(514) 729-7747"
    assert i18n.format_percent(58.3) == "58.3%"
    assert i18n.format_time(LOCKED_AT) == "16:29"
    assert i18n.format_datetime(LOCKED_AT) == "2026-11-24 16:29"
    assert i18n.format_date_long(LOCKED_AT.date(), weekday=True) == "Tuesday, November 24, 2026"
