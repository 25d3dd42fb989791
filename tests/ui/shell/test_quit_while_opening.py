"""Quit pressed on the sign-in window while the database opened and its accounts were looked up: the
window is not shown again, the program ends (it had come back and waited for a second Quit)."""

from __future__ import annotations

from tests.ui.conftest import TIMEOUT_MS
from ui.shell.app import sign_in_loop
from ui.shell.login_dialog import LoginDialog


def test_quit_pressed_while_the_accounts_were_looked_up_ends_the_program(
    qtbot, gui_services, runner, settings
):
    login = LoginDialog(None, runner, "test-workstation")
    qtbot.addWidget(login)
    login.show()
    pressed: list[bool] = []
    login.rejected.connect(lambda: pressed.append(True))
    login.reject()

    assert (
        sign_in_loop(gui_services, runner, settings, False, login, quit_requested=lambda: bool(pressed)) == 0
    )
    assert not login.isVisible()
    runner.wait_for_idle(TIMEOUT_MS)
