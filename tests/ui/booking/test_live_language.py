"""Switching the staff language while a booking is open: the staff's words follow at once, what the
client reads and signs stays in the client's language, and nothing typed, ticked or drawn is lost."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDateTime

from desktop.domain.client_texts import ConsentStateText, SigningText
from desktop.domain.enums import AppointmentKind, AppointmentMode, Channel, Language, Purpose, SignerCapacity
from desktop.domain.wording import consent_sentence
from tests.ui import booking_fixtures
from tests.ui.booking.test_client_language import client_with_history
from tests.ui.booking_fixtures import Desk, draw_signature, type_text
from ui.booking.booking_dialog import PAGE_APPOINTMENT, PAGE_CONSENT, PAGE_SIGNATURE, BookingDialog
from ui.kit.i18n import current_language

desk = booking_fixtures.desk




def open_booking(qtbot, desk: Desk, language: Language) -> BookingDialog:
    client = client_with_history(desk, language)
    dialog = BookingDialog(desk.services, desk.actor, desk.runner, client)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.consent_step.is_loaded and dialog.policy_settled)
    return dialog


def test_consent_step_keeps_the_client_language_and_the_answers_while_the_staff_switches(
    qtbot, desk: Desk, switch
):
    assert current_language() == Language.EN
    dialog = open_booking(qtbot, desk, Language.FR)
    page = dialog.appointment_page
    start = QDateTime.fromSecsSinceEpoch(int(datetime(2026, 12, 3, 14, 30, tzinfo=UTC).timestamp()))
    page.when.setDateTime(start)
    page.kind.setCurrentIndex(page.kind.findData(AppointmentKind.PROCEDURE))
    page.mode.setCurrentIndex(page.mode.findData(AppointmentMode.TELEMEDICINE))
    page.via_desk.setChecked(True)
    dialog.next_button.click()
    assert dialog.current_page() == PAGE_CONSENT

    step = dialog.consent_step
    withdrawn = step.checkbox(Purpose.NEWSLETTERS, Channel.EMAIL)
    granted = step.checkbox(Purpose.SURVEYS_CONTESTS_EVENTS, Channel.SMS)
    withdrawn.click()
    granted.click()
    answers = step.answers()
    states = {(p, c): step.state_text(p, c) for p in Purpose for c in Channel}
    sentences = {(p, c): step.sentence(p, c) for p in Purpose for c in Channel}
    assert states[(Purpose.FEEDBACK, Channel.SMS)] == ConsentStateText.not_granted.get(Language.FR)
    assert "sera RETIRÉ" in step.state_text(Purpose.NEWSLETTERS, Channel.EMAIL)
    assert "sera ACCORDÉ" in step.state_text(Purpose.SURVEYS_CONTESTS_EVENTS, Channel.SMS)
    assert dialog.next_button.text() == "&Next"
    assert dialog.back_button.text() == "&Back"
    summary = step.summary.text()
    assert summary.startswith("Changes to record")

    switch(Language.FR)
    assert dialog.next_button.text() == "&Suivant"
    assert dialog.back_button.text() == "&Précédent"
    assert dialog.windowTitle().startswith("Prendre rendez-vous")
    assert dialog.step_label.text().startswith("Étape 2 sur 3")
    assert step.summary.text() != summary
    # What the client reads has not moved.
    assert {(p, c): step.state_text(p, c) for p in Purpose for c in Channel} == states
    assert {(p, c): step.sentence(p, c) for p in Purpose for c in Channel} == sentences
    assert step.sentence(Purpose.FEEDBACK, Channel.SMS) == consent_sentence(
        Purpose.FEEDBACK, Channel.SMS, Language.FR, desk.call(desk.services.consent.names, desk.actor)
    )

    switch(Language.EN)
    assert dialog.next_button.text() == "&Next"
    assert dialog.back_button.text() == "&Back"
    assert step.summary.text() == summary
    assert {(p, c): step.state_text(p, c) for p in Purpose for c in Channel} == states
    # Every answer, and the appointment typed before, is kept.
    assert dialog.current_page() == PAGE_CONSENT
    assert step.answers() == answers
    assert [p for p, c, on in step.changes()] == [Purpose.NEWSLETTERS, Purpose.SURVEYS_CONTESTS_EVENTS]
    assert page.when.dateTime() == start
    assert page.kind.currentData() == AppointmentKind.PROCEDURE
    assert page.kind.currentText() == "Procedure"
    assert page.mode.currentData() == AppointmentMode.TELEMEDICINE
    assert page.via_desk.isChecked()


def test_signature_step_keeps_the_signature_line_and_what_is_typed(qtbot, desk: Desk, switch):
    dialog = open_booking(qtbot, desk, Language.FR)
    dialog.appointment_page.via_desk.setChecked(True)
    dialog.next_button.click()
    dialog.next_button.click()
    assert dialog.current_page() == PAGE_SIGNATURE
    sign = dialog.signature_step
    qtbot.waitUntil(lambda: dialog._policy is not None)
    client_line = sign.pad_title.text()
    assert client_line == SigningText.signature_of.format(Language.FR, name=dialog._client.full_name)
    summary_title = sign.summary_title.text()
    summary = sign.summary_view.toPlainText()
    sign.representative_signs.setChecked(True)
    type_text(sign.representative_name, "Marc Côté")
    sign.capacity.setCurrentIndex(sign.capacity.findData(SignerCapacity.TUTOR))
    draw_signature(sign.pad)
    assert not sign.pad.is_empty()
    representative_line = sign.pad_title.text()
    assert representative_line == SigningText.signature_of_representative.get(Language.FR)
    assert sign.signer_title.text() == "Who signs"

    switch(Language.FR)
    assert sign.signer_title.text() == "Qui signe"
    assert sign.capacity.currentText() == "Tuteur"
    assert sign.pad_title.text() == representative_line
    assert sign.summary_title.text() == summary_title
    assert sign.summary_view.toPlainText() == summary
    switch(Language.EN)

    assert sign.signer_title.text() == "Who signs"
    assert sign.representative_name.text() == "Marc Côté"
    assert sign.capacity.currentData() == SignerCapacity.TUTOR
    assert sign.capacity.currentText() == "Tutor"
    assert sign.representative_signs.isChecked()
    assert not sign.pad.is_empty()
    assert sign.pad_title.text() == representative_line


def test_problems_shown_are_said_again_in_the_new_language(qtbot, desk: Desk, switch):
    dialog = open_booking(qtbot, desk, Language.FR)
    dialog.next_button.click()  # how the booking is made is not said yet
    assert dialog.current_page() == PAGE_APPOINTMENT
    error = dialog.appointment_page.via_error
    assert error.text() == "Say how the booking is made: by phone or at the desk."
    dialog.appointment_page.via_desk.setChecked(True)
    dialog.next_button.click()
    dialog.next_button.click()
    dialog.save_button.click()  # nothing signed yet
    sign = dialog.signature_step
    assert sign.signature_error.text().startswith("Nothing is signed yet")
    banner = dialog.banner_text()
    assert banner == "The booking was not saved: check the signature step."

    switch(Language.FR)
    assert sign.signature_error.text().startswith("Rien n")
    assert dialog.banner_text() not in ("", banner)
    switch(Language.EN)
    assert sign.signature_error.text().startswith("Nothing is signed yet")
    assert dialog.banner_text() == banner
