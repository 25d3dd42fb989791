"""Switching the staff language while a reports, export, staff or account window is open: every word
follows at once, and nothing typed, chosen or selected is lost."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from desktop.domain.enums import Channel, Language, Purpose, Role
from desktop.domain.wording import channel_label, purpose_label
from desktop.services.reports import ReportFormat, ReportKind
from tests.ui.conftest import TIMEOUT_MS, sign_in, wait_idle
from ui.admin.account_forms import ChangePasswordDialog, NewAccountDialog
from ui.admin.export_dialog import ExportDialog
from ui.admin.reports_window import ReportsWindow
from ui.admin.staff_dialog import StaffDialog
from ui.kit.i18n import install_translators


@pytest.fixture
def officer(gui_services):
    return sign_in(gui_services, "vie.privee")


def shown(qtbot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def in_french(qtbot, qapp, ready: Callable[[], bool], check: Callable[[], None]) -> None:
    """Switch to French, wait for ``ready``, run ``check``; English again afterwards, whatever happens."""
    try:
        install_translators(qapp, Language.FR)
        qtbot.waitUntil(ready)
        QApplication.processEvents()
        check()
    finally:
        install_translators(qapp, Language.EN)
        QApplication.processEvents()


def test_the_reports_window_keeps_its_choices(qtbot, qapp, gui_services, officer, runner):
    window = shown(qtbot, ReportsWindow(gui_services, officer, runner))
    window.set_choice(ReportKind.ACCESS_LOG, ReportFormat.CSV, file_number="000123")
    index = window.kind.currentIndex()

    def check() -> None:
        assert window.kind.itemText(0) == "Couverture du consentement"
        assert window.chosen_kind() == ReportKind.ACCESS_LOG and window.kind.currentIndex() == index
        assert window.chosen_format() == ReportFormat.CSV
        assert window.file_number.text() == "000123"
        assert window.description.text().startswith("Qui ")

    in_french(qtbot, qapp, lambda: window.windowTitle() == "Rapports", check)
    qtbot.waitUntil(lambda: window.windowTitle() == "Reports")
    assert window.kind.itemText(0) == "Consent coverage"
    assert window.file_number.text() == "000123"
    wait_idle(qtbot, runner)


def test_the_export_dialog_keeps_its_choices_and_file(qtbot, qapp, gui_services, officer, runner, tmp_path):
    dialog = shown(qtbot, ExportDialog(gui_services, officer, runner))
    path = tmp_path / "liste.csv"
    dialog.set_choice(Purpose.NEWSLETTERS, Channel.SMS, path)

    def check() -> None:
        assert dialog.purpose.currentText() == purpose_label(Purpose.NEWSLETTERS, Language.FR)
        assert dialog.channel.currentText() == channel_label(Channel.SMS, Language.FR)
        assert dialog.chosen() == (Purpose.NEWSLETTERS, Channel.SMS)
        assert dialog.path.text() == str(path)

    in_french(qtbot, qapp, lambda: dialog.windowTitle() == "Exporter une liste de contacts", check)
    qtbot.waitUntil(lambda: dialog.purpose.currentText() == purpose_label(Purpose.NEWSLETTERS, Language.EN))
    assert dialog.path.text() == str(path)


def test_the_staff_list_keeps_its_selection(qtbot, qapp, gui_services, officer, runner):
    dialog = shown(qtbot, StaffDialog(gui_services, officer, runner))
    wait_idle(qtbot, runner)
    dialog.table.selectRow(1)
    selected = dialog.selected()
    assert selected is not None
    header = lambda: dialog.model.headerData(3, Qt.Orientation.Horizontal)  # noqa: E731

    def check() -> None:
        assert header() == "Statut"
        assert dialog.selected() == selected
        assert "compte(s)" in dialog.state.text()

    in_french(qtbot, qapp, lambda: dialog.windowTitle() == "Comptes du personnel", check)
    qtbot.waitUntil(lambda: header() == "Status")
    assert dialog.selected() == selected
    assert "account(s)" in dialog.state.text()
    dialog.close()
    runner.wait_for_idle(TIMEOUT_MS)


def test_the_new_account_form_keeps_what_was_typed(qtbot, qapp, gui_services, officer, runner):
    form = shown(qtbot, NewAccountDialog(gui_services, officer, runner))
    form.username.setText("julie.roy")
    form.full_name.setText("Julie Roy")
    form.role.setCurrentIndex(form.role.findData(Role.MANAGER.value))

    def check() -> None:
        assert form.username.text() == "julie.roy" and form.full_name.text() == "Julie Roy"
        assert form.role.currentData() == Role.MANAGER.value
        assert form.role.currentText() != "manager"

    in_french(qtbot, qapp, lambda: form.windowTitle() == "Nouveau compte du personnel", check)
    qtbot.waitUntil(lambda: form.windowTitle() == "New staff account")
    assert form.role.currentText() == "manager"
    assert form.username.text() == "julie.roy"


def test_a_password_problem_is_said_again_in_the_new_language(qtbot, qapp, gui_services, officer, runner):
    form = shown(qtbot, ChangePasswordDialog(gui_services, officer, runner))
    form.current.setText("Ancien-mot-2026")
    form.password.setText("Nouveau-mot-2026")
    form.password_again.setText("Autre-mot-2026")
    form.change_button.click()
    assert form.errors.message("password_again") == "The two passwords are different."

    def check() -> None:
        assert form.errors.message("password_again") == "Les deux mots de passe sont différents."
        assert form.current.text() == "Ancien-mot-2026"
        assert form.password.text() == "Nouveau-mot-2026"

    in_french(qtbot, qapp, lambda: form.windowTitle() == "Changer mon mot de passe", check)
    qtbot.waitUntil(lambda: form.windowTitle() == "Change my password")
    assert form.errors.message("password_again") == "The two passwords are different."
