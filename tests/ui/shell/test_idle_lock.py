"""The idle lock and per-person sessions: nothing of a client is readable while locked, the same
person finds everything as it was (typed text, the open booking), another person gets a fresh window,
and the first person's session comes back untouched when they sign in again."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.enums import Language
from tests.conftest import STAFF, TEST_PASSWORD
from tests.ui.conftest import TIMEOUT_MS, create_client, off_gui, settle, sign_in, type_text, wait_idle
from ui.booking.booking_dialog import BookingDialog
from ui.kit.i18n import current_language, install_translators
from ui.shell.main_window import MainWindow
from ui.shell.sessions import SessionManager

TYPED = "Rimouski-Est"


# ---------------------------------------------------------------- what a person could read


def widget_texts(widget: QWidget) -> list[str]:
    texts = [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
    if widget.isWindow():
        texts.append(widget.windowTitle())
    if isinstance(widget, QLabel | QAbstractButton):
        texts.append(widget.text())
    if isinstance(widget, QLineEdit):
        texts += [widget.text(), widget.placeholderText()]
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        texts.append(widget.toPlainText())
    if isinstance(widget, QComboBox):
        texts.append(widget.currentText())
    if isinstance(widget, QTabBar):
        texts += [widget.tabText(i) for i in range(widget.count())]
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                texts.append(str(model.index(row, column).data() or ""))
    return [text for text in texts if text]


def readable_texts() -> list[str]:
    """Every text a person could see (or a screen reader say) in any visible widget or window."""
    texts: list[str] = []
    for widget in QApplication.allWidgets():
        if widget.isVisible() and widget.window().isVisible():
            texts += widget_texts(widget)
    return texts


def leaks(*secrets: str) -> list[str]:
    return [
        text for text in readable_texts() if any(secret.casefold() in text.casefold() for secret in secrets)
    ]


# ---------------------------------------------------------------- fixtures


@pytest.fixture
def sessions(qtbot, gui_services, runner, settings) -> Iterator[SessionManager]:
    manager = SessionManager(gui_services, runner, settings, idle_minutes=5)
    yield manager
    manager.close_all()
    runner.wait_for_idle(TIMEOUT_MS)
    for window in manager.every_window:
        window.deleteLater()


@pytest.fixture
def client(gui_services, desk):
    return create_client(gui_services, desk, "Lavoie", "Gabrielle", city="Québec", phone="418 555-0199")


def start(qtbot, sessions: SessionManager, actor) -> MainWindow:
    window = sessions.start(actor)
    qtbot.waitExposed(window)
    settle(qtbot, window)
    return window


def work_in_progress(qtbot, window: MainWindow, client) -> BookingDialog:
    """Open the file, type a city without saving, open a booking: unsaved work everywhere."""
    window.open_client(client.id)
    qtbot.waitUntil(lambda: window.client_file.client is not None, timeout=TIMEOUT_MS)
    settle(qtbot, window)
    city = window.client_file.details_tab.form.city
    city.clear()
    city.setFocus()
    type_text(city, TYPED)
    assert window.client_file.has_unsaved_changes()
    window.book()
    dialog = window._dialogs["booking"]
    assert isinstance(dialog, BookingDialog) and dialog.isVisible()
    settle(qtbot, window)
    return dialog


def sign_in_on_lock_screen(qtbot, window: MainWindow, username: str, password: str = TEST_PASSWORD) -> None:
    screen = window.lock_screen
    screen.username.setText(username)
    screen.password.setText(password)
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not screen.is_busy, timeout=TIMEOUT_MS)
    wait_idle(qtbot, window.runner)


def assert_nothing_readable(client) -> None:
    found = leaks(client.last_name, client.first_name, client.file_number, TYPED, "555-0199")
    assert found == []


# ---------------------------------------------------------------- tests


def test_idle_locks_everything_and_the_same_person_finds_it_as_it_was(qtbot, sessions, desk, client):
    window = start(qtbot, sessions, desk)
    booking = work_in_progress(qtbot, window, client)
    assert leaks(client.last_name)  # the check below does see client data when it is there

    window.idle_watcher.set_interval_ms(200)
    qtbot.waitUntil(lambda: window.is_locked, timeout=TIMEOUT_MS)

    assert window.isVisible()
    assert window.pages.currentWidget() is window.lock_screen
    assert window.windowTitle() == "FrontDesk — Locked"
    assert not booking.isVisible()
    assert not window.menuBar().isEnabled()
    assert not window.book_action.isEnabled()
    assert not window.statusBar().isVisible()
    assert_nothing_readable(client)
    assert window.lock_screen.username.text() == "accueil"
    qtbot.waitUntil(window.lock_screen.password.hasFocus, timeout=TIMEOUT_MS)

    sign_in_on_lock_screen(qtbot, window, "accueil")
    assert not window.is_locked
    assert window.client_file.details_tab.form.city.text() == TYPED
    assert window.client_file.has_unsaved_changes()
    assert booking.isVisible()
    assert STAFF["accueil"][0] in window.windowTitle()
    assert window.book_action.isEnabled()
    assert window.idle_watcher.is_armed
    booking.reject()


def test_input_anywhere_keeps_the_window_unlocked(qtbot, sessions, desk):
    window = start(qtbot, sessions, desk)
    window.idle_watcher.set_interval_ms(400)
    for _ in range(6):
        qtbot.keyClick(window.search_panel.field, Qt.Key.Key_A)
        qtbot.wait(150)
    assert not window.is_locked
    qtbot.waitUntil(lambda: window.is_locked, timeout=TIMEOUT_MS)


def test_a_wrong_password_keeps_the_window_locked(qtbot, sessions, desk, client):
    window = start(qtbot, sessions, desk)
    work_in_progress(qtbot, window, client)
    window.lock()
    sign_in_on_lock_screen(qtbot, window, "accueil", "Not-the-password-1")
    assert window.is_locked
    assert window.lock_screen.error.isVisible()
    assert window.lock_screen.error.text() == "Wrong username or password."
    assert window.lock_screen.password.text() == ""
    assert_nothing_readable(client)


def test_failed_unlocks_count_towards_the_lock_out(qtbot, sessions, desk):
    window = start(qtbot, sessions, desk)
    window.lock()
    for _ in range(5):
        sign_in_on_lock_screen(qtbot, window, "accueil", "Not-the-password-1")
    sign_in_on_lock_screen(qtbot, window, "accueil")
    assert window.is_locked
    assert "locked" in window.lock_screen.error.text().lower()


def test_another_person_gets_a_fresh_window_and_the_first_comes_back(qtbot, sessions, desk, client):
    first = start(qtbot, sessions, desk)
    booking = work_in_progress(qtbot, first, client)
    # Ctrl+L (lock = switch user) works from the open booking too, not only from the main window.
    qtbot.keyClick(booking.focusWidget() or booking, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert first.is_locked

    sign_in_on_lock_screen(qtbot, first, "gestion")
    second = sessions.active
    assert second is not first and second.actor.username == "gestion"
    qtbot.waitExposed(second)
    settle(qtbot, second)
    assert first.is_parked and not first.isVisible()
    assert not booking.isVisible()
    assert second.client_file.client is None
    assert second.client_file.details_tab.form.city.text() != TYPED
    assert_nothing_readable(client)

    second.lock()
    assert "Amélie Côté" in second.lock_screen.others.text()
    sign_in_on_lock_screen(qtbot, second, "accueil")
    assert sessions.active is first
    qtbot.waitExposed(first)
    assert not first.is_locked and first.isVisible()
    assert second.is_parked and not second.isVisible()
    assert first.client_file.client.id == client.id
    assert first.client_file.details_tab.form.city.text() == TYPED
    assert booking.isVisible()
    booking.reject()


def test_a_window_of_the_session_opening_while_locked_stays_hidden(qtbot, sessions, desk):
    window = start(qtbot, sessions, desk)
    window.lock()
    window.show_shortcuts()
    dialog = window._dialogs["shortcuts"]
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT_MS)
    sign_in_on_lock_screen(qtbot, window, "accueil")
    assert dialog.isVisible()
    dialog.close()


def test_quitting_asks_before_dropping_a_parked_session_s_unsaved_work(
    qtbot, monkeypatch, sessions, desk, client, message_boxes
):
    first = start(qtbot, sessions, desk)
    booking = work_in_progress(qtbot, first, client)
    booking._touched = True  # something chosen in the booking too: it would ask on its own
    first.lock()
    sign_in_on_lock_screen(qtbot, first, "gestion")
    second = sessions.active
    finished: list[bool] = []
    sessions.finished.connect(lambda: finished.append(True))

    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Cancel)
    second.close()
    assert second.isVisible() and finished == []
    assert first.client_file.details_tab.form.city.text() == TYPED

    monkeypatch.undo()
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _parent, title, text, *args: (
            message_boxes.append(("question", f"{title}: {text}")) or QMessageBox.StandardButton.Discard
        ),
    )
    second.close()
    assert finished == [True]
    asked = [text for kind, text in message_boxes if kind == "question"]
    assert len(asked) == 1 and "Amélie Côté" in asked[0]  # one question, not one more per dialog
    assert client.last_name not in asked[0] and TYPED not in asked[0]
    assert not first.isVisible() and not second.isVisible()


def test_the_idle_delay_is_the_clinic_s_which_a_workstation_may_only_shorten(
    qtbot, monkeypatch, make_window, gui_services, desk, tmp_path
):
    monkeypatch.delenv("FRONTDESK_IDLE_LOCK_MINUTES", raising=False)
    monkeypatch.setenv("FRONTDESK_CONFIG_DIR", str(tmp_path))
    assert make_window(gui_services, desk).idle_watcher.interval_ms == 5 * 60_000  # the demo clinic's
    (tmp_path / "settings.toml").write_text("[security]\nidle_lock_minutes = 7\n", encoding="utf-8")
    assert make_window(gui_services, desk).idle_watcher.interval_ms == 5 * 60_000  # never longer
    monkeypatch.setenv("FRONTDESK_IDLE_LOCK_MINUTES", "2")
    assert make_window(gui_services, desk).idle_watcher.interval_ms == 2 * 60_000


def test_a_new_clinic_delay_reaches_the_open_window(
    qtbot, monkeypatch, make_window, gui_services, desk, tmp_path
):
    monkeypatch.delenv("FRONTDESK_IDLE_LOCK_MINUTES", raising=False)
    monkeypatch.setenv("FRONTDESK_CONFIG_DIR", str(tmp_path))
    window = make_window(gui_services, desk)
    manager = sign_in(gui_services, "gestion")
    organisation = off_gui(gui_services.clinics.organisation, manager)
    off_gui(
        gui_services.clinics.update_organisation, manager, replace(organisation.draft(), idle_lock_minutes=12)
    )
    window.runner.changes.publish(DataChange.of(ChangeSubject.CLINIC))
    qtbot.waitUntil(lambda: window.idle_watcher.interval_ms == 12 * 60_000)


def test_each_person_s_kept_language_comes_back_with_their_sign_in(
    qtbot, qapp, sessions, gui_services, settings
):
    desk = sign_in(gui_services, "accueil")
    off_gui(gui_services.staff.set_own_language, desk, Language.FR)
    try:
        first = start(qtbot, sessions, sign_in(gui_services, "accueil"))
        assert current_language() == Language.FR and settings.language == "fr"
        qtbot.waitUntil(lambda: first.language_menu.title() == "&Langue", timeout=TIMEOUT_MS)

        # The manager keeps no language yet: the workstation's (French) stays; then chooses English.
        first.lock()
        sign_in_on_lock_screen(qtbot, first, "gestion")
        second = sessions.active
        assert second is not first and current_language() == Language.FR
        second.language_menu.actions()[1].trigger()  # English
        wait_idle(qtbot, second.runner)
        assert current_language() == Language.EN and settings.language == "en"
        assert sign_in(gui_services, "gestion").language == Language.EN  # kept on the account

        second.lock()
        sign_in_on_lock_screen(qtbot, second, "accueil")
        assert sessions.active is first and current_language() == Language.FR
        qtbot.waitUntil(lambda: first.language_menu.title() == "&Langue", timeout=TIMEOUT_MS)
        first.lock()
        sign_in_on_lock_screen(qtbot, first, "gestion")
        assert sessions.active is second and current_language() == Language.EN
    finally:
        install_translators(qapp, Language.EN)
