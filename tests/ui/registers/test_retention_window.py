"""The retention review window, on a real database: a file past the rule is listed, anonymised once its
file number is typed, and a legal hold keeps a file out of the review until it is lifted; in English and
in French, every input named for a screen reader, no text clipped or left in the other language."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.enums import Language
from desktop.domain.records import ClientRecord
from desktop.domain.retention import ANONYMISED_NAME
from desktop.services.clock import FixedClock
from tests.conftest import STAFF, TEST_NOW
from tests.ui.conftest import TIMEOUT_MS, create_client, off_gui, sign_in, type_text, wait_idle
from tests.ui.language_check import clipped_texts, language_problems, visible_texts
from tests.ui.test_new_windows_access import unnamed_inputs
from ui.registers.retention_dialogs import AnonymiseDialog, HoldDialog
from ui.registers.retention_window import RetentionReviewWindow

#: Eight years before the tests' day: past the default rule (7 years after the last contact).
LONG_AGO = timedelta(days=8 * 366)


@pytest.fixture
def officer(gui_services):
    return sign_in(gui_services, "vie.privee")


def old_client(services, actor, last: str, first: str) -> ClientRecord:
    """A file created eight years ago and not contacted since."""
    clock = services.clock
    assert isinstance(clock, FixedClock)
    clock.at = TEST_NOW - LONG_AGO
    try:
        return create_client(services, actor, last, first)
    finally:
        clock.at = TEST_NOW


@pytest.fixture
def files(gui_services, desk):
    """Two files past the rule (the oldest first) and one contacted today."""
    first = old_client(gui_services, desk, "Gagnon", "Hélène")
    second = old_client(gui_services, desk, "Roy", "Anne")
    create_client(gui_services, desk, "Tremblay", "Luc")
    return first, second


def open_review(qtbot, gui_services, officer, runner) -> RetentionReviewWindow:
    window = RetentionReviewWindow(gui_services, officer, runner)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    wait_idle(qtbot, runner)
    return window


def published(runner) -> list[DataChange]:
    seen: list[DataChange] = []
    runner.changes.changed.connect(lambda change, _source: seen.append(change))
    return seen


def test_a_file_past_the_rule_is_anonymised_once_its_number_is_typed(
    qtbot, gui_services, officer, runner, files
):
    first, second = files
    window = open_review(qtbot, gui_services, officer, runner)
    assert window.windowTitle() == "Retention review"
    assert window.headline.text() == "2 files past the retention rule"
    rule = window.rule_line.text()
    assert "7 years after the last contact" in rule and "0 under a legal hold" in rule
    assert [c.file_number for c in window.candidates.records()] == [first.file_number, second.file_number]
    assert window.candidates.index(0, 1).data() == "Gagnon, Hélène"
    assert window.tabs.tabText(0) == "Past the rule (2)"
    assert unnamed_inputs(window) == []
    changes = published(runner)

    assert window.select_file(first.file_number)
    dialog = window.anonymise_selected()
    assert isinstance(dialog, AnonymiseDialog) and dialog.isVisible()
    words = " ".join(label.text() for label in dialog.findChildren(type(window.headline)))
    assert "cannot be undone" in words and "stay countable and verifiable" in words
    assert "Gagnon, Hélène" in words
    assert unnamed_inputs(dialog) == []
    assert not dialog.confirm_button.isEnabled()
    type_text(dialog.typed, second.file_number)  # another file's number does not confirm
    assert not dialog.confirm_button.isEnabled()
    dialog.confirm()
    assert dialog.isVisible()
    dialog.typed.clear()
    type_text(dialog.typed, first.file_number)
    assert dialog.confirm_button.isEnabled()
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, runner)

    assert window.dialog is None or not window.dialog.isVisible()
    assert window.status.text().startswith(f"File {first.file_number} anonymised")
    assert changes == [
        DataChange.of(ChangeSubject.RETENTION, ChangeSubject.CLIENT, client_id=first.id),
    ]
    assert [c.file_number for c in window.candidates.records()] == [second.file_number]
    assert window.headline.text() == "1 file past the retention rule"
    assert [a.file_number for a in window.anonymisations.records()] == [first.file_number]
    assert window.tabs.tabText(2) == "Anonymised files (1)"
    stored = off_gui(lambda: gui_services.clients.get(officer, first.id))
    assert stored.anonymised_at is not None and stored.last_name == ANONYMISED_NAME


def test_a_legal_hold_keeps_a_file_out_until_lifted_in_french(
    qtbot, gui_services, officer, runner, files, switch
):
    first, second = files
    window = open_review(qtbot, gui_services, officer, runner)
    switch(Language.FR)
    assert window.windowTitle() == "Révision de la conservation"
    assert window.headline.text() == "2 dossiers ont dépassé la règle de conservation"
    assert "7 ans après le dernier contact" in window.rule_line.text()
    data = [first.full_name, second.full_name, first.file_number, second.file_number, "Gagnon, Hélène"]
    data += ["Roy, Anne", *STAFF, *(name for name, _role in STAFF.values())]
    assert language_problems(visible_texts(window), Language.FR, data) == []
    qtbot.waitUntil(lambda: clipped_texts(window) == [], timeout=TIMEOUT_MS)  # once laid out again

    assert window.select_file(second.file_number)
    dialog = window.hold_selected()
    assert (
        isinstance(dialog, HoldDialog)
        and dialog.windowTitle() == "Placer une conservation pour motif juridique"
    )
    assert not dialog.save_button.isEnabled()  # a reason is required
    type_text(dialog.reason, "Poursuite civile : dossier 500-17-123 à la Cour supérieure")
    assert dialog.save_button.isEnabled()
    changes = published(runner)
    dialog.save_button.click()
    wait_idle(qtbot, runner)

    assert (
        window.status.text()
        == f"Conservation pour motif juridique placée sur le dossier {second.file_number}."
    )
    assert changes == [DataChange.of(ChangeSubject.RETENTION, client_id=second.id)]
    assert [c.file_number for c in window.candidates.records()] == [first.file_number]
    assert "1 sous conservation pour motif juridique" in window.rule_line.text()
    assert [h.file_number for h in window.holds.records()] == [second.file_number]
    assert window.holds.index(0, 3).data() == "Poursuite civile : dossier 500-17-123 à la Cour supérieure"
    window.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: clipped_texts(window) == [], timeout=TIMEOUT_MS)

    window.hold_table.selectRow(0)
    lift = window.lift_selected()
    assert isinstance(lift, HoldDialog) and not lift.placing
    type_text(lift.reason, "Jugement rendu, délai d'appel écoulé")
    lift.save_button.click()
    wait_idle(qtbot, runner)
    assert window.status.text() == f"Conservation pour motif juridique levée du dossier {second.file_number}."
    assert window.holds.rowCount() == 0
    assert [c.file_number for c in window.candidates.records()] == [first.file_number, second.file_number]


def test_a_refused_hold_keeps_the_dialog_open_with_the_reason(qtbot, gui_services, officer, runner, files):
    first, _second = files
    window = open_review(qtbot, gui_services, officer, runner)
    off_gui(lambda: gui_services.retention.place_hold(officer, first.id, "Enquête de la Commission"))
    window.select_file(first.file_number)  # still listed: the window has not reloaded yet
    dialog = window.hold_selected()
    assert dialog is not None
    type_text(dialog.reason, "Second motif")
    dialog.save_button.click()
    wait_idle(qtbot, runner)
    assert dialog.isVisible()
    assert dialog.outcome.text() == f"File {first.file_number} is already under a legal hold."
    assert dialog.reason.text() == "Second motif"


def test_a_hold_on_a_file_found_by_search_not_yet_due(qtbot, gui_services, officer, runner, files):
    recent = create_client(gui_services, officer, "Lavoie", "Béatrice")  # contacted today
    window = open_review(qtbot, gui_services, officer, runner)
    window.tabs.setCurrentIndex(1)
    picker = window.hold_another_file()
    assert picker.isVisible()
    type_text(picker.picker.field, "Lavoie")
    qtbot.waitUntil(lambda: [c.id for c in picker.picker.results()] == [recent.id], timeout=TIMEOUT_MS)
    QTest.keyClick(picker.picker.field, Qt.Key.Key_Return)
    picker.accept()
    dialog = window.dialog
    assert isinstance(dialog, HoldDialog) and dialog.client_id == recent.id and dialog.placing
    type_text(dialog.reason, "Demande de la Commission d'accès à l'information")
    dialog.save_button.click()
    wait_idle(qtbot, runner)
    assert [h.file_number for h in window.holds.records()] == [recent.file_number]
    assert window.tabs.tabText(1) == "Legal holds (1)"
    assert window.review is not None and window.review.held == 0  # not past the rule: nothing left out


def test_closing_while_reading_drops_the_reading(qtbot, gui_services, officer, runner, files):
    failures: list[str] = []
    runner.failed.connect(failures.append)
    window = RetentionReviewWindow(gui_services, officer, runner)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # as the session opens it
    window.show()
    window.close()  # its first reading still on its way
    wait_idle(qtbot, runner)
    assert failures == []


def test_the_rule_changed_in_the_clinic_settings_reloads_the_review(
    qtbot, gui_services, officer, runner, files
):
    window = open_review(qtbot, gui_services, officer, runner)
    assert window.headline.text() == "2 files past the retention rule"
    manager = sign_in(gui_services, "gestion")
    organisation = off_gui(lambda: gui_services.clinics.organisation(manager))
    draft = replace(organisation.draft(), retention_years=10)
    off_gui(lambda: gui_services.clinics.update_organisation(manager, draft))
    runner.changes.publish(DataChange.of(ChangeSubject.CLINIC))  # as the clinic settings do once saved
    wait_idle(qtbot, runner)
    assert window.headline.text() == "No file is past the retention rule"
    assert "10 years after the last contact" in window.rule_line.text()
    assert window.candidates.rowCount() == 0
