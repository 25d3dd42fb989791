"""Quitting from the lock screen: at once when nothing would be lost; with unsaved work, the lock screen
asks (a question box would be hidden by the lock) and quits only on the password of the person whose
work it is, or a manager's; keeping the work returns to the lock screen with everything as it was."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from desktop.domain.enums import Language
from tests.conftest import TEST_PASSWORD
from tests.ui.conftest import TIMEOUT_MS, create_client, settle, type_text, wait_idle
from ui.shell.main_window import MainWindow
from ui.shell.sessions import SessionManager

TYPED = "Rimouski-Est"


@pytest.fixture
def sessions(qtbot, gui_services, runner, settings) -> Iterator[SessionManager]:
    manager = SessionManager(gui_services, runner, settings, idle_minutes=5)
    yield manager
    manager.close_all()
    runner.wait_for_idle(TIMEOUT_MS)
    for window in manager.every_window:
        window.deleteLater()


@pytest.fixture
def finished(sessions: SessionManager) -> list[bool]:
    ended: list[bool] = []
    sessions.finished.connect(lambda: ended.append(True))
    return ended


def locked_with_unsaved_details(qtbot, sessions: SessionManager, gui_services, desk) -> MainWindow:
    client = create_client(gui_services, desk, "Lavoie", "Gabrielle", city="Québec")
    window = sessions.start(desk)
    qtbot.waitExposed(window)
    window.open_client(client.id)
    qtbot.waitUntil(lambda: window.client_file.client is not None, timeout=TIMEOUT_MS)
    settle(qtbot, window)
    city = window.client_file.details_tab.form.city
    city.clear()
    type_text(city, TYPED)
    assert window.client_file.has_unsaved_changes()
    window.lock()
    return window


def sign_in(qtbot, window: MainWindow, username: str, password: str = TEST_PASSWORD) -> None:
    screen = window.lock_screen
    screen.username.setText(username)
    screen.password.setText(password)
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not screen.is_busy, timeout=TIMEOUT_MS)
    wait_idle(qtbot, window.runner)


def click_quit(qtbot, window: MainWindow) -> None:
    qtbot.mouseClick(window.lock_screen.quit_button, Qt.MouseButton.LeftButton)


def test_quitting_with_unsaved_work_asks_for_its_owner_or_a_manager(
    qtbot, sessions, gui_services, desk, finished, switch
):
    window = locked_with_unsaved_details(qtbot, sessions, gui_services, desk)
    screen = window.lock_screen
    click_quit(qtbot, window)
    assert screen.is_asking_to_drop and window.isVisible() and finished == []
    assert screen.explanation.text() == (
        "Amélie Côté has unsaved work on this workstation: quitting FrontDesk would drop it.\n\n"
        "To quit anyway, Amélie Côté or a manager types their password."
    )
    assert screen.unlock_button.text() == "&Drop the work and quit"
    assert TYPED not in screen.explanation.text() and "Lavoie" not in screen.explanation.text()
    switch(Language.FR)
    assert screen.explanation.text() == (
        "Amélie Côté a du travail non enregistré sur ce poste : quitter FrontDesk le perdrait.\n\n"
        "Pour quitter quand même, Amélie Côté ou un gestionnaire tape son mot de passe."
    )
    assert screen.unlock_button.text() == "&Abandonner le travail et quitter"

    # Someone else who is not a manager cannot drop it.
    sign_in(qtbot, window, "vie.privee")
    assert window.is_locked and finished == []
    assert screen.error.text() == "Ce travail ne peut être abandonné que par Amélie Côté ou par un gestionnaire."
    switch(Language.EN)
    assert screen.error.text() == "Only Amélie Côté or a manager can drop this work."

    # Keeping the work: back to the lock screen, the work untouched.
    click_quit(qtbot, window)
    assert not screen.is_asking_to_drop and window.is_locked
    assert screen.unlock_button.text() == "&Unlock"
    sign_in(qtbot, window, "accueil")
    assert not window.is_locked
    assert window.client_file.details_tab.form.city.text() == TYPED

    window.lock()
    click_quit(qtbot, window)
    sign_in(qtbot, window, "accueil", "Not-the-password-1")
    assert screen.error.text() == "Wrong username or password." and finished == []
    sign_in(qtbot, window, "accueil")
    qtbot.waitUntil(lambda: finished == [True], timeout=TIMEOUT_MS)
    assert not window.isVisible()


def test_a_managers_password_drops_the_work_too(qtbot, sessions, gui_services, desk, finished):
    window = locked_with_unsaved_details(qtbot, sessions, gui_services, desk)
    window.close()  # as the window manager's close button: the lock screen asks too
    assert window.lock_screen.is_asking_to_drop and window.isVisible()
    sign_in(qtbot, window, "gestion")
    qtbot.waitUntil(lambda: finished == [True], timeout=TIMEOUT_MS)


def test_quitting_with_nothing_unsaved_quits_at_once(qtbot, sessions, desk, finished):
    window = sessions.start(desk)
    qtbot.waitExposed(window)
    window.lock()
    click_quit(qtbot, window)
    qtbot.waitUntil(lambda: finished == [True], timeout=TIMEOUT_MS)
    assert not window.isVisible()
