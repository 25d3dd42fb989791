"""Every window and dialog opened in French and in English, as novelWriter's tests do: none may show a
text left in the other language, nor a label or button cut short by the longer French.

Texts the client reads in the booking steps follow the client's language, not the staff's: each run
uses a client who speaks the staff language, so the whole window is in one language either way.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from desktop.demo_accounts import DEMO_ACCOUNTS
from desktop.domain.enums import Language
from desktop.domain.errors import StaleVersionError
from desktop.domain.records import PolicyDraft
from tests.conftest import STAFF, TEST_NOW, WORKSTATION
from tests.ui.booking_fixtures import draw_signature
from tests.ui.conftest import off_gui, type_text
from tests.ui.language_check import clipped_texts, language_problems, visible_texts
from tests.ui.language_review import KNOWN_ISSUES, Review, Sample, make_sample
from ui.admin.account_forms import ChangePasswordDialog, NewAccountDialog, ResetPasswordDialog
from ui.admin.clinic_settings_dialog import ClinicSettingsDialog
from ui.admin.export_dialog import ExportDialog
from ui.admin.policy_dialog import PolicyDialog
from ui.admin.reports_window import ReportsWindow
from ui.admin.staff_dialog import StaffDialog
from ui.booking.booking_dialog import PAGE_CONSENT, PAGE_SIGNATURE, BookingDialog
from ui.booking.policy_text import PolicyTextDialog
from ui.client_file.conflict_dialog import ConflictDialog
from ui.client_file.new_client_dialog import NewClientDialog
from ui.documents.pdf_preview import PdfPreviewDialog
from ui.kit.client_search import ClientPickerDialog
from ui.kit.i18n import current_language, install_translators
from ui.optouts.optout_dialog import OptOutDialog
from ui.optouts.optout_queue import OptOutQueueWindow
from ui.shell.idle_lock import LockScreen
from ui.shell.login_dialog import FirstManagerDialog, LoginDialog
from ui.shell.shortcuts_dialog import ShortcutsDialog


@pytest.fixture(params=[Language.FR, Language.EN], ids=["fr", "en"])
def language(request, qapp):
    """FrontDesk's and Qt's own translators for the language, taken out again afterwards."""
    assert install_translators(qapp, request.param) == request.param
    yield request.param
    install_translators(qapp, Language.EN)


@pytest.fixture
def sample(gui_services, runner, language) -> Sample:
    return make_sample(gui_services, runner, language)


@pytest.fixture
def review(qtbot, runner, sample) -> Review:
    return Review(qtbot, runner, sample.language, sample.data())


def keep(qtbot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    return widget


def assert_clean(review: Review, windows: set[str]) -> None:
    assert windows <= {name.split(" (")[0] for name in review.looked_at}, review.looked_at
    assert review.unexplained() == []


# ---------------------------------------------------------------- the windows


def test_main_window_with_every_tab_menus_lock_screen_shortcuts_and_about(
    qtbot, make_window, sample, review, monkeypatch
):
    window = make_window(sample.services, sample.officer)
    review.look(window, "no file open")
    window.open_client(sample.client.id)
    tabs = window.client_file.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        review.look(window, f"file open, tab {index + 1}", until=lambda: window.client_file.client is not None)

    acknowledgments = window.client_file.acknowledgments_tab
    record = acknowledgments.model.record(0)
    assert record is not None and record.has_document
    window.documents.run("open", record)
    review.settle(lambda: isinstance(window.windows.opened.get("document"), PdfPreviewDialog))
    preview = window.windows.opened["document"]
    review.look(preview, "acknowledgment", until=lambda: preview.rendered_pages())

    window.show_shortcuts()
    shortcuts = window.windows.opened["shortcuts"]
    assert isinstance(shortcuts, ShortcutsDialog)
    review.look(shortcuts, "")
    shortcuts.close()

    # The about box is Qt's own message box: built here with what the window asks it to say.
    boxes: list[QMessageBox] = []

    def about(parent, title, text):
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("aboutBox")
        boxes.append(box)

    monkeypatch.setattr(QMessageBox, "about", about)
    window.show_about()
    assert len(boxes) == 1
    # Qt's static about box is modal and made anew each time: the Language menu cannot be reached while it is open.
    review.look(boxes[0], "", switch=False)
    boxes[0].close()

    window.lock()
    review.look(window, "locked")
    assert_clean(review, {"mainWindow", "pdfPreview", "shortcutsDialog", "aboutBox"})


def test_sign_in_first_manager_and_lock_screen(qtbot, sample, review, tmp_path):
    from desktop.app import open_services

    login = keep(qtbot, LoginDialog(sample.services, sample.runner, WORKSTATION, demo_accounts=DEMO_ACCOUNTS))
    review.look(login, "demo")
    login.password.setText("not-the-password-1")
    login.sign_in_button.click()
    review.look(login, "wrong password", until=lambda: login.error.isVisible())

    empty = off_gui(lambda: open_services("sqlite+pysqlite:///" + (tmp_path / "empty.db").as_posix()))
    try:
        first = keep(qtbot, FirstManagerDialog(empty, sample.runner, WORKSTATION))
        review.look(first, "")
        first.create_button.click()
        review.look(first, "empty fields")
        first.close()
    finally:
        sample.runner.wait_for_idle(10_000)
        empty.close()

    screen = keep(qtbot, LockScreen(sample.services, sample.runner, WORKSTATION))
    review.look(screen, "")
    assert_clean(review, {"loginDialog", "firstManagerDialog", "lockScreen"})


def test_booking_dialog_every_step_and_the_full_policy(qtbot, sample, review):
    assert sample.client.preferred_language == current_language()  # the client reads the staff language
    # The client signed the version in force today; the one published for next week is to be signed.
    revised = PolicyDraft(
        TEST_NOW.date() + timedelta(days=7),
        "POLITIQUE DE CONFIDENTIALITÉ\nVersion révisée.\n",
        "PRIVACY POLICY\nRevised version.\n",
        "Résumé de la politique révisée.\n",
        "Summary of the revised policy.\n",
    )
    off_gui(sample.services.policies.publish, sample.officer, revised)
    dialog = keep(qtbot, BookingDialog(sample.services, sample.officer, sample.runner, sample.client))
    loaded = lambda: dialog.consent_step.is_loaded and dialog.policy_settled  # noqa: E731
    review.look(dialog, "appointment", until=loaded)
    dialog.next_button.click()  # how it is booked not said yet: an error
    review.look(dialog, "appointment, not said how")
    dialog.appointment_page.via_phone.setChecked(True)
    dialog.next_button.click()
    assert dialog.current_page() == PAGE_CONSENT
    review.look(dialog, "consent by phone", switch=False)
    dialog.back_button.click()
    dialog.appointment_page.via_desk.setChecked(True)
    dialog.next_button.click()
    assert dialog.page_order()[-1] == PAGE_CONSENT
    review.look(dialog, "consent at the desk, policy already signed", switch=False)
    dialog.back_button.click()
    when = dialog.appointment_page.when
    when.setDateTime(when.dateTime().addDays(7))
    qtbot.waitUntil(lambda: dialog.policy_settled)
    dialog.next_button.click()
    for box in dialog.findChildren(type(dialog.consent_step.first_box())):
        if box.isVisible():
            box.click()  # every answer changed: the state beside each one says so
    review.look(dialog, "consent at the desk", switch=False)
    dialog.next_button.click()
    assert dialog.current_page() == PAGE_SIGNATURE
    review.look(dialog, "signature", until=lambda: dialog._policy is not None, switch=False)
    dialog.save_button.click()  # no signature yet
    review.look(dialog, "signature missing", switch=False)
    dialog.signature_step.representative_signs.setChecked(True)
    draw_signature(dialog.signature_step.pad)
    review.look(dialog, "representative, signed", switch=False)
    dialog.signature_step.full_policy_button.click()
    policy = dialog.findChild(PolicyTextDialog)
    assert policy is not None
    policy.setObjectName("fullPolicy")
    review.look(policy, "", switch=False)
    policy.close()
    assert_clean(review, {"bookingDialog", "fullPolicy"})


def test_new_client_conflict_and_client_picker(qtbot, sample, review):
    dialog = keep(qtbot, NewClientDialog(sample.services, sample.officer, sample.runner))
    review.look(dialog, "empty")
    dialog.create_button.click()
    review.look(dialog, "required fields missing")
    client = sample.client
    form = dialog.form
    for editor, value in ((form.last_name, client.last_name), (form.first_name, client.first_name)):
        editor.clear()
        type_text(editor, value)
    form.date_of_birth.clear()
    type_text(form.date_of_birth, client.date_of_birth.isoformat())
    dialog.create_button.click()
    review.look(dialog, "possible duplicate", until=lambda: dialog.duplicate_panel.isVisible())

    stale = StaleVersionError(client, STAFF["gestion"][0], TEST_NOW)
    mine = replace(client.as_draft(), city="Rimouski", phone="4185550199")
    conflict = keep(qtbot, ConflictDialog(mine, client, lambda: stale.message(current_language())))
    review.look(conflict, "")

    queue = keep(qtbot, OptOutQueueWindow(sample.services, sample.officer, sample.runner))
    review.settle(lambda: queue.model.rowCount() > 0)
    queue.show()
    queue.table.selectRow(queue.model.rowCount() - 1)
    queue.match_selected()
    picker = queue.findChild(ClientPickerDialog)
    assert picker is not None
    review.look(picker, "search", until=lambda: picker.picker.is_settled())
    assert_clean(review, {"newClientDialog", "conflictDialog", "matchClientDialog"})


def test_opt_out_dialog_and_queue(qtbot, sample, review):
    empty = keep(qtbot, OptOutDialog(sample.services, sample.officer, sample.runner))
    review.look(empty, "no client")
    empty.save_button.click()
    review.look(empty, "nothing filled in")
    empty.close()
    dialog = keep(qtbot, OptOutDialog(sample.services, sample.officer, sample.runner, sample.client))
    dialog.via_phone.setChecked(True)
    dialog.preset_everything.setChecked(True)
    review.look(dialog, "client, everything")

    queue = keep(qtbot, OptOutQueueWindow(sample.services, sample.officer, sample.runner))
    review.look(queue, "", until=lambda: queue.model.rowCount() > 0)
    queue.table.selectRow(0)
    review.look(queue, "request selected")
    assert_clean(review, {"optOutDialog", "optOutQueue"})


def test_reports_export_staff_and_account_forms(qtbot, sample, review):
    reports = keep(qtbot, ReportsWindow(sample.services, sample.officer, sample.runner))
    review.look(reports, "")
    for index in range(reports.kind.count()):
        reports.kind.setCurrentIndex(index)
        review.look(reports, f"report {index + 1}")
    reports.kind.setCurrentIndex(0)
    reports.run_button.click()
    review.settle(lambda: reports.preview is not None)
    preview = reports.preview
    assert preview is not None
    review.look(preview, "report", until=lambda: preview.rendered_pages())
    review.look(reports, "report produced")

    review.look(keep(qtbot, ExportDialog(sample.services, sample.officer, sample.runner)), "")
    staff = keep(qtbot, StaffDialog(sample.services, sample.officer, sample.runner))
    review.look(staff, "", until=lambda: staff.model.rowCount() > 0)
    staff.table.selectRow(0)
    review.look(staff, "account selected")
    record = staff.model.record(0)
    assert record is not None
    review.look(keep(qtbot, NewAccountDialog(sample.services, sample.officer, sample.runner)), "")
    reset = keep(qtbot, ResetPasswordDialog(sample.services, sample.officer, sample.runner, record))
    review.look(reset, "")
    password = keep(qtbot, ChangePasswordDialog(sample.services, sample.officer, sample.runner))
    review.look(password, "")
    password.change_button.click()
    review.look(password, "empty fields")
    assert_clean(
        review,
        {
            "reportsWindow",
            "pdfPreview",
            "exportDialog",
            "staffDialog",
            "newAccountDialog",
            "resetPasswordDialog",
            "changePasswordDialog",
        },
    )


def test_clinic_settings_and_policy_versions(qtbot, sample, review):
    settings = keep(qtbot, ClinicSettingsDialog(sample.services, sample.officer, sample.runner))
    review.look(settings, "organisation", until=lambda: settings.organisation_form.name.text() != "")
    settings.organisation_form.name.clear()
    settings.save_organisation_button.click()
    review.look(
        settings, "refused save", until=lambda: settings.organisation_form.errors.message("organisation_name")
    )
    settings.tabs.setCurrentIndex(1)
    review.look(settings, "sites")
    settings.new_site_button.click()
    review.look(settings, "new site")
    policies = keep(qtbot, PolicyDialog(sample.services, sample.officer, sample.runner))
    review.look(policies, "", until=lambda: policies.model.rowCount() > 0)
    policies.publish_button.click()
    review.look(policies, "empty fields", until=lambda: policies.errors.message("text_fr"))
    assert_clean(review, {"clinicSettingsDialog", "policyDialog"})


# ---------------------------------------------------------------- the checks themselves can fail


def test_an_english_label_left_in_a_french_window_is_reported(qtbot, language):
    dialog = QDialog()
    dialog.setObjectName("synthetic")
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLabel(QCoreApplication.translate("OptOutDialog", "Client file"), dialog))  # translated
    layout.addWidget(QLabel("Cancel and keep editing", dialog))  # an English source, never through tr()
    layout.addWidget(QLabel("Saved to the clinic's records", dialog))  # English words, in no source
    dialog.show()
    qtbot.waitExposed(dialog)
    problems = language_problems(visible_texts(dialog), language)
    if language == Language.FR:
        assert problems == [
            "English text in French: QDialog#synthetic > QLabel [label] 'Cancel and keep editing'",
            "English word 'to' in French: QDialog#synthetic > QLabel [label] \"Saved to the clinic's records\"",
        ]
    else:
        assert problems == []


def test_a_french_label_left_in_an_english_window_is_reported(qtbot):
    dialog = QDialog()
    dialog.setObjectName("synthetic")
    qtbot.addWidget(dialog)
    QVBoxLayout(dialog).addWidget(QPushButton("Annuler et continuer à &modifier", dialog))
    dialog.show()
    qtbot.waitExposed(dialog)
    assert language_problems(visible_texts(dialog), Language.EN) == [
        "French text in English: QDialog#synthetic > QPushButton [button] 'Annuler et continuer à modifier'"
    ]


def test_a_button_or_label_too_narrow_for_its_text_is_reported(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    narrow = QPushButton("Enregistrer la réservation", dialog)
    narrow.setObjectName("narrowButton")
    narrow.setFixedWidth(60)
    label = QLabel("Consentement aux communications", dialog)
    label.setObjectName("narrowLabel")
    label.setFixedWidth(50)
    roomy = QPushButton("OK", dialog)
    roomy.setFixedWidth(40)  # narrower than a button's usual width, yet its text fits
    for widget in (narrow, label, roomy):
        layout.addWidget(widget)
    dialog.show()
    qtbot.waitExposed(dialog)
    problems = clipped_texts(dialog)
    assert len(problems) == 2, problems
    assert "QPushButton#narrowButton 'Enregistrer la réservation' needs" in problems[0]
    assert problems[0].endswith("has 60")
    assert "QLabel#narrowLabel 'Consentement aux communications' needs" in problems[1]


def test_every_known_issue_gives_its_reason():
    assert all(piece and len(why) > 20 for piece, why in KNOWN_ISSUES)
