"""Signing in and the first manager account, with real services (password checks run off the GUI
thread like everything else)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.app import open_services
from desktop.demo import DEMO_ACCOUNTS
from desktop.demo_clinic import set_up_demo_clinic
from desktop.domain.enums import Language, Role
from desktop.domain.errors import AuthenticationError
from tests.conftest import TEST_PASSWORD, WORKSTATION
from tests.ui.conftest import TIMEOUT_MS, off_gui, type_text, wait_idle
from ui.kit.i18n import set_current_language
from ui.shell.login_dialog import FirstManagerDialog, LoginDialog


@pytest.fixture
def login(qtbot, gui_services, runner):
    dialog = LoginDialog(gui_services, runner, WORKSTATION, username="accueil")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def attempt(qtbot, dialog: LoginDialog, password: str) -> None:
    dialog.password.clear()
    type_text(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    wait_idle(qtbot, dialog._runner)


def test_the_remembered_username_is_filled_in_and_the_password_has_the_focus(qtbot, login):
    assert login.username.text() == "accueil"
    qtbot.waitUntil(login.password.hasFocus, timeout=TIMEOUT_MS)
    assert login.password.echoMode() == login.password.EchoMode.Password


def test_a_wrong_password_is_explained_inline_and_cleared(qtbot, login):
    attempt(qtbot, login, "not-the-password-1")
    assert login.result() != QDialog.DialogCode.Accepted
    assert login.actor is None
    assert login.error.isVisible()
    assert login.error.text() == "Wrong username or password."
    assert login.username.text() == "accueil"
    assert login.password.text() == ""
    assert login.password.hasFocus()


def test_the_error_follows_the_interface_language(qtbot, login):
    set_current_language(Language.FR)
    attempt(qtbot, login, "pas-le-mot-de-passe-1")
    assert login.error.text() == "Nom d'utilisateur ou mot de passe incorrect."


def test_a_locked_account_says_until_when(qtbot, login, gui_services):
    for _ in range(gui_services.staff.policy.max_failed_attempts):
        with pytest.raises(AuthenticationError):
            off_gui(lambda: gui_services.staff.authenticate("accueil", "wrong-wrong-1", WORKSTATION))
    attempt(qtbot, login, TEST_PASSWORD)
    assert login.actor is None
    assert "Account locked" in login.error.text()
    assert "manager" in login.error.text()


def test_the_right_password_signs_in(qtbot, login):
    with qtbot.waitSignal(login.signed_in, timeout=TIMEOUT_MS) as signal:
        attempt(qtbot, login, TEST_PASSWORD)
    actor = signal.args[0]
    assert actor.username == "accueil" and actor.role == Role.RECEPTIONIST
    assert login.actor == actor
    assert login.result() == QDialog.DialogCode.Accepted
    assert login.password.text() == ""


def test_empty_fields_are_refused_without_asking_the_database(qtbot, login):
    login.password.clear()
    qtbot.mouseClick(login.sign_in_button, Qt.MouseButton.LeftButton)
    assert "password" in login.error.text()
    assert login._runner.pending_count() == 0


def test_demo_accounts_are_shown_and_fill_in_the_form(qtbot, gui_services, runner):
    dialog = LoginDialog(gui_services, runner, WORKSTATION, demo_accounts=DEMO_ACCOUNTS)
    qtbot.addWidget(dialog)
    dialog.show()
    assert len(dialog.demo_buttons) == len(DEMO_ACCOUNTS)
    assert DEMO_ACCOUNTS[0].username in dialog.demo_buttons[0].text()
    qtbot.mouseClick(dialog.demo_buttons[1], Qt.MouseButton.LeftButton)
    assert dialog.username.text() == DEMO_ACCOUNTS[1].username
    assert dialog.password.text() == DEMO_ACCOUNTS[1].password


# ---------------------------------------------------------------- first run


@pytest.fixture
def empty_services(tmp_path):
    """A clinic without accounts yet (a database from before the set-up wizard, say)."""
    services = off_gui(lambda: open_services("sqlite+pysqlite:///" + (tmp_path / "empty.db").as_posix()))
    off_gui(lambda: set_up_demo_clinic(services, WORKSTATION))
    yield services
    services.close()


@pytest.fixture
def first_run(qtbot, empty_services, runner):
    assert off_gui(empty_services.staff.has_accounts) is False
    dialog = FirstManagerDialog(empty_services, runner, WORKSTATION)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def fill_first_run(dialog: FirstManagerDialog, username: str, name: str, password: str, again: str) -> None:
    for editor, value in (
        (dialog.username, username),
        (dialog.full_name, name),
        (dialog.password, password),
        (dialog.password_again, again),
    ):
        editor.clear()
        type_text(editor, value)


def test_first_run_checks_the_two_passwords_match(qtbot, first_run):
    fill_first_run(first_run, "marie.tremblay", "Marie Tremblay", "Bonjour-2026", "Bonjour-2027")
    qtbot.mouseClick(first_run.create_button, Qt.MouseButton.LeftButton)
    assert first_run.errors.message("password_again") == "The two passwords are different."
    assert first_run.password_again.text() == ""
    assert first_run.username.text() == "marie.tremblay"


def test_first_run_shows_the_cores_problems_next_to_each_field(qtbot, first_run):
    fill_first_run(first_run, "M", "Marie Tremblay", "court", "court")
    qtbot.mouseClick(first_run.create_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, first_run._runner)
    assert "Username" in first_run.errors.message("username")
    assert "too weak" in first_run.errors.message("password")
    assert first_run.errors.message("full_name") == ""
    assert first_run.full_name.text() == "Marie Tremblay"


def test_first_run_creates_the_manager_account(qtbot, first_run, empty_services):
    fill_first_run(first_run, "marie.tremblay", "Marie Tremblay", "Bonjour-2026", "Bonjour-2026")
    qtbot.mouseClick(first_run.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: first_run.record is not None, timeout=TIMEOUT_MS)
    assert first_run.result() == QDialog.DialogCode.Accepted
    assert first_run.record.role == Role.MANAGER
    actor = off_gui(lambda: empty_services.staff.authenticate("marie.tremblay", "Bonjour-2026", WORKSTATION))
    assert actor.full_name == "Marie Tremblay"
