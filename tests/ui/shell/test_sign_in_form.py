"""One sign-in form for the sign-in dialog and the lock screen; it is the only place in the GUI that
checks a password."""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtCore import Qt

from tests.conftest import TEST_PASSWORD, WORKSTATION
from tests.ui.conftest import TIMEOUT_MS, wait_idle
from ui.shell.idle_lock import LockScreen
from ui.shell.login_dialog import LoginDialog
from ui.shell.sign_in_form import SignInForm

ROOT = Path(__file__).resolve().parents[3]


def authenticate_calls(path: Path) -> list[str]:
    """The classes of ``path`` whose methods call ``<something>.staff.authenticate(...)``."""
    found: list[str] = []
    for cls in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(cls, ast.ClassDef):
            continue
        for node in ast.walk(cls):
            func = node.func if isinstance(node, ast.Call) else None
            if (
                isinstance(func, ast.Attribute)
                and func.attr == "authenticate"
                and isinstance(func.value, ast.Attribute)
                and func.value.attr == "staff"
            ):
                found.append(cls.name)
    return found


def test_exactly_one_class_checks_a_password():
    callers = {
        str(path.relative_to(ROOT)): classes
        for path in sorted((ROOT / "ui").rglob("*.py"))
        if (classes := authenticate_calls(path))
    }
    assert callers == {"ui/shell/sign_in_form.py": ["SignInForm"]}
    unowned = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "ui").rglob("*.py"))
        if "staff.authenticate(" in path.read_text(encoding="utf-8") and not authenticate_calls(path)
    ]
    assert unowned == []  # no call outside a class either


def test_the_dialog_and_the_lock_screen_use_the_same_form(qtbot, gui_services, runner):
    login = LoginDialog(gui_services, runner, WORKSTATION)
    screen = LockScreen(gui_services, runner, WORKSTATION)
    qtbot.addWidget(login)
    qtbot.addWidget(screen)
    assert isinstance(login.form, SignInForm) and isinstance(screen.form, SignInForm)
    assert login.sign_in_button is login.form.button
    assert screen.unlock_button is screen.form.button
    assert login.username is login.form.username and screen.password is screen.form.password


def test_the_button_says_the_form_is_busy_then_signed_in(qtbot, gui_services, runner):
    form = SignInForm(
        gui_services, runner, WORKSTATION, button_text="&Go", busy_text="Checking…", busy_message="Checking…"
    )
    qtbot.addWidget(form)
    form.username.setText("accueil")
    form.password.setText(TEST_PASSWORD)
    with qtbot.waitSignal(form.signed_in, timeout=TIMEOUT_MS) as signed_in:
        qtbot.mouseClick(form.button, Qt.MouseButton.LeftButton)
        assert form.is_busy
        assert form.button.text() == "Checking…" and not form.button.isEnabled()
        form.sign_in()  # a second click while checking asks nothing more
        assert runner.pending_count() <= 1
    wait_idle(qtbot, runner)
    assert signed_in.args[0].username == "accueil"
    assert not form.is_busy and form.button.text() == "&Go" and form.button.isEnabled()
    assert form.password.text() == "" and not form.error.isVisible()


def test_reset_clears_a_previous_attempt(qtbot, gui_services, runner):
    form = SignInForm(gui_services, runner, WORKSTATION, button_text="&Go", busy_text="…", busy_message="…")
    qtbot.addWidget(form)
    form.show()
    form.password.setText("something")
    form.show_error("Wrong username or password.")
    assert form.error.isVisible()
    form.reset("gestion")
    assert form.username.text() == "gestion"
    assert form.password.text() == ""
    assert not form.error.isVisible() and form.error.text() == ""
