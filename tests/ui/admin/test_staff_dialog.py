"""Staff accounts: the manager creates an account that can then sign in, resets a password,
deactivates and reactivates; everyone changes their own password; the role rules."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.enums import Role
from desktop.domain.errors import AuthenticationError
from tests.conftest import STAFF, TEST_PASSWORD, WORKSTATION
from tests.ui.conftest import TIMEOUT_MS, off_gui, sign_in, wait_idle
from ui.admin.account_forms import ChangePasswordDialog, NewAccountDialog, ResetPasswordDialog
from ui.admin.staff_dialog import StaffDialog

NEW_PASSWORD = "Nouveau-mot-2026"


@pytest.fixture
def manager(gui_services):
    return sign_in(gui_services, "gestion")


@pytest.fixture
def staff_dialog(qtbot, gui_services, manager, runner):
    dialog = StaffDialog(gui_services, manager, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle(qtbot, runner)
    yield dialog
    dialog.close()
    runner.wait_for_idle(TIMEOUT_MS)


def authenticate(services, username: str, password: str):
    return off_gui(lambda: services.staff.authenticate(username, password, WORKSTATION))


def select(dialog: StaffDialog, username: str) -> None:
    row = next(i for i, record in enumerate(dialog.records()) if record.username == username)
    dialog.table.selectRow(row)


def test_the_list_shows_every_account(qtbot, staff_dialog):
    assert sorted(r.username for r in staff_dialog.records()) == sorted(STAFF)
    assert "3 account(s), 3 active" in staff_dialog.state.text()
    assert staff_dialog.model.index(0, 3).data() == "✔ Active"


def test_a_new_account_can_sign_in(qtbot, staff_dialog, gui_services, runner):
    qtbot.mouseClick(staff_dialog.new_button, Qt.MouseButton.LeftButton)
    form = staff_dialog.child_dialog
    assert isinstance(form, NewAccountDialog)
    assert "at least 10 characters" in form.hint.text()
    for editor in (form.username, form.full_name, form.role, form.password, form.password_again):
        assert editor.accessibleName()

    form.username.setText("julie.roy")
    form.full_name.setText("Julie Roy")
    form.role.setCurrentIndex(form.role.findData(Role.RECEPTIONIST.value))
    form.password.setText("short1")
    form.password_again.setText("different1")
    qtbot.mouseClick(form.create_button, Qt.MouseButton.LeftButton)
    assert form.errors.message("password_again") == "The two passwords are different."

    form.password_again.setText("short1")
    qtbot.mouseClick(form.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(form.errors.message("password")), timeout=TIMEOUT_MS)
    assert "too weak" in form.errors.message("password")
    assert form.password.text() == "" and form.username.text() == "julie.roy"

    form.password.setText(NEW_PASSWORD)
    form.password_again.setText(NEW_PASSWORD)
    qtbot.mouseClick(form.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: staff_dialog.child_dialog is None, timeout=TIMEOUT_MS)
    wait_idle(qtbot, runner)
    assert "julie.roy" in [r.username for r in staff_dialog.records()]
    assert staff_dialog.selected().username == "julie.roy"
    assert "Account julie.roy created" in staff_dialog.state.text()

    actor = authenticate(gui_services, "julie.roy", NEW_PASSWORD)
    assert actor.full_name == "Julie Roy" and actor.role == Role.RECEPTIONIST


def test_a_taken_username_is_said_under_the_field(qtbot, staff_dialog):
    staff_dialog.new_account()
    form = staff_dialog.child_dialog
    form.username.setText("accueil")
    form.full_name.setText("Someone Else")
    form.password.setText(NEW_PASSWORD)
    form.password_again.setText(NEW_PASSWORD)
    qtbot.mouseClick(form.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(form.errors.message("username")), timeout=TIMEOUT_MS)
    assert "already exists" in form.errors.message("username")
    form.reject()


def test_reset_deactivate_and_reactivate(qtbot, staff_dialog, gui_services, runner):
    select(staff_dialog, "accueil")
    qtbot.mouseClick(staff_dialog.reset_button, Qt.MouseButton.LeftButton)
    form = staff_dialog.child_dialog
    assert isinstance(form, ResetPasswordDialog)
    form.password.setText(NEW_PASSWORD)
    form.password_again.setText(NEW_PASSWORD)
    qtbot.mouseClick(form.reset_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: staff_dialog.child_dialog is None, timeout=TIMEOUT_MS)
    assert authenticate(gui_services, "accueil", NEW_PASSWORD).username == "accueil"

    select(staff_dialog, "accueil")
    assert staff_dialog.active_button.text() == "&Deactivate"
    qtbot.mouseClick(staff_dialog.active_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, runner)
    assert "deactivated" in staff_dialog.state.text()
    assert staff_dialog.selected().active is False
    with pytest.raises(AuthenticationError):
        authenticate(gui_services, "accueil", NEW_PASSWORD)

    assert staff_dialog.active_button.text() == "Re&activate"
    qtbot.mouseClick(staff_dialog.active_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, runner)
    assert staff_dialog.selected().active is True
    assert authenticate(gui_services, "accueil", NEW_PASSWORD).username == "accueil"


def test_the_manager_cannot_deactivate_their_own_account(qtbot, staff_dialog):
    select(staff_dialog, "gestion")
    assert not staff_dialog.active_button.isEnabled()
    assert staff_dialog.reset_button.isEnabled()


def test_everyone_changes_their_own_password(qtbot, make_window, gui_services, desk, runner):
    window = make_window(gui_services, desk)
    assert not window.staff_action.isVisible()
    assert window.change_password_action.isEnabled()
    dialog = window.change_password()
    assert isinstance(dialog, ChangePasswordDialog)

    dialog.current.setText("not my password 1")
    dialog.password.setText(NEW_PASSWORD)
    dialog.password_again.setText(NEW_PASSWORD)
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.errors.message("current_password")), timeout=TIMEOUT_MS)
    assert dialog.current.text() == ""

    dialog.current.setText(TEST_PASSWORD)
    dialog.password.setText(NEW_PASSWORD)
    dialog.password_again.setText(NEW_PASSWORD)
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window._dialogs.get("password") is None, timeout=TIMEOUT_MS)
    assert "password has been changed" in window.statusBar().currentMessage()
    assert authenticate(gui_services, "accueil", NEW_PASSWORD).username == "accueil"


def test_a_receptionist_is_refused_the_list(qtbot, gui_services, desk, runner):
    dialog = StaffDialog(gui_services, desk, runner)
    qtbot.addWidget(dialog)
    wait_idle(qtbot, runner)
    assert "does not allow" in dialog.state.text()
    assert dialog.records() == []
    dialog.close()


def recorded_changes(runner) -> list[tuple[DataChange, object]]:
    seen: list[tuple[DataChange, object]] = []
    runner.changes.changed.connect(lambda change, source: seen.append((change, source)))
    return seen


def test_saving_an_account_publishes_one_staff_change(qtbot, staff_dialog, runner):
    seen = recorded_changes(runner)
    select(staff_dialog, "accueil")
    qtbot.mouseClick(staff_dialog.active_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, runner)
    assert [(change.touches(ChangeSubject.STAFF), source) for change, source in seen] == [
        (True, staff_dialog)
    ]

    seen.clear()
    staff_dialog.new_account()
    form = staff_dialog.child_dialog
    form.username.setText("julie.roy")
    form.full_name.setText("Julie Roy")
    form.password.setText(NEW_PASSWORD)
    form.password_again.setText(NEW_PASSWORD)
    qtbot.mouseClick(form.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: staff_dialog.child_dialog is None, timeout=TIMEOUT_MS)
    wait_idle(qtbot, runner)
    assert len(seen) == 1 and seen[0][0].touches(ChangeSubject.STAFF)


def test_a_staff_change_published_elsewhere_reloads_the_list(
    qtbot, staff_dialog, gui_services, manager, runner
):
    off_gui(
        lambda: gui_services.staff.create(manager, "marc.roy", "Marc Roy", Role.RECEPTIONIST, NEW_PASSWORD)
    )
    assert "marc.roy" not in [r.username for r in staff_dialog.records()]
    runner.changes.publish(DataChange.of(ChangeSubject.STAFF))
    qtbot.waitUntil(lambda: "marc.roy" in [r.username for r in staff_dialog.records()], timeout=TIMEOUT_MS)


def test_changes_about_other_subjects_leave_the_list_alone(
    qtbot, monkeypatch, staff_dialog, gui_services, runner
):
    calls: list[object] = []
    real_list = gui_services.staff.list
    monkeypatch.setattr(gui_services.staff, "list", lambda actor: calls.append(actor) or real_list(actor))
    runner.changes.publish(DataChange.of(ChangeSubject.CONSENT, client_id=7))
    runner.changes.publish(DataChange.of(ChangeSubject.APPOINTMENTS, ChangeSubject.CLIENT))
    wait_idle(qtbot, runner)
    assert calls == []


def test_a_privacy_officer_s_account_is_a_privacy_officer_s_to_manage(qtbot, staff_dialog, gui_services, runner):
    # A manager is not offered the role, cannot reset the officer's password, but may deactivate the account.
    qtbot.mouseClick(staff_dialog.new_button, Qt.MouseButton.LeftButton)
    form = staff_dialog.child_dialog
    assert isinstance(form, NewAccountDialog)
    assert [Role(form.role.itemData(i)) for i in range(form.role.count())] == [Role.RECEPTIONIST, Role.MANAGER]
    form.reject()
    qtbot.waitUntil(lambda: staff_dialog.child_dialog is None, timeout=TIMEOUT_MS)
    select(staff_dialog, "vie.privee")
    assert not staff_dialog.reset_button.isEnabled()
    assert "privacy officer" in staff_dialog.reset_button.toolTip()

    # The privacy officer's own list may.
    as_officer = StaffDialog(gui_services, sign_in(gui_services, "vie.privee"), runner)
    qtbot.addWidget(as_officer)
    as_officer.show()
    wait_idle(qtbot, runner)
    select(as_officer, "vie.privee")
    assert as_officer.reset_button.isEnabled()
    as_officer.close()
    runner.wait_for_idle(TIMEOUT_MS)

    assert staff_dialog.active_button.isEnabled()
    qtbot.mouseClick(staff_dialog.active_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, runner)
    assert staff_dialog.selected().active is False
    assert not staff_dialog.active_button.isEnabled()  # bringing it back is a privacy officer's
