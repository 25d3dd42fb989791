"""The booking dialog: appointment, consent and signature saved as one unit through the real services."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QDateTimeEdit,
    QLineEdit,
    QTextBrowser,
)

from desktop.domain.enums import (
    AppointmentKind,
    AppointmentMode,
    BookedVia,
    Channel,
    ConsentAction,
    ConsentMethod,
    Interaction,
    Language,
    Purpose,
    SignerCapacity,
)
from desktop.domain.errors import DatabaseUnavailableError
from desktop.domain.records import ConsentCapture, ConsentChange
from tests.ui import booking_fixtures
from tests.ui.booking_fixtures import Desk, activate, draw_signature, draw_tick, type_text
from ui.booking.appointment_page import next_quarter_hour
from ui.booking.booking_dialog import PAGE_APPOINTMENT, PAGE_CONSENT, PAGE_SIGNATURE, BookingDialog
from ui.booking.policy_text import PolicyTextDialog
from ui.kit.signature_pad import SignaturePad

desk = booking_fixtures.desk


def open_dialog(qtbot, desk: Desk, client) -> BookingDialog:
    dialog = BookingDialog(desk.services, desk.actor, desk.runner, client)
    qtbot.addWidget(dialog)
    dialog.resize(900, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.consent_step.is_loaded and dialog.policy_settled)
    return dialog


def to_consent_page(dialog: BookingDialog, via: BookedVia) -> None:
    page = dialog.appointment_page
    (page.via_desk if via == BookedVia.AT_DESK else page.via_phone).setChecked(True)
    dialog.next_button.click()
    assert dialog.current_page() == PAGE_CONSENT


def save_and_wait(qtbot, desk: Desk, dialog: BookingDialog) -> None:
    dialog.save_button.click()
    desk.settle()


def appointments(desk: Desk, client_id: int):
    return desk.call(desk.services.appointments.for_client, desk.actor, client_id)


def acknowledgments(desk: Desk, client_id: int):
    return desk.call(desk.services.acknowledgments.for_client, desk.actor, client_id)


def test_booking_at_the_desk_saves_appointment_consent_and_signature(qtbot, desk):
    client = desk.new_client()
    dialog = open_dialog(qtbot, desk, client)
    with qtbot.waitSignal(dialog.booked, timeout=5000) as booked:
        page = dialog.appointment_page
        page.kind.setCurrentIndex(page.kind.findData(AppointmentKind.TREATMENT))
        page.mode.setCurrentIndex(page.mode.findData(AppointmentMode.TELEMEDICINE))
        to_consent_page(dialog, BookedVia.AT_DESK)
        step = dialog.consent_step
        step.checkbox(Purpose.APPOINTMENT_REMINDERS, Channel.SMS).click()
        step.checkbox(Purpose.APPOINTMENT_REMINDERS, Channel.EMAIL).click()
        step.checkbox(Purpose.NEWSLETTERS, Channel.EMAIL).click()
        # Beside the French sentence, the state is in French too.
        assert "sera ACCORDÉ" in step.state_text(Purpose.NEWSLETTERS, Channel.EMAIL)
        dialog.next_button.click()
        assert dialog.current_page() == PAGE_SIGNATURE
        signature = dialog.signature_step
        qtbot.waitUntil(lambda: "1 855 841-1911" in signature.summary_view.toPlainText())
        assert "Groupe Médical Lacroix" in signature.summary_view.toPlainText()
        draw_signature(signature.pad)
        assert signature.pad.has_enough_ink()
        save_and_wait(qtbot, desk, dialog)

    result = booked.args[0]
    assert result.appointment.booked_via == BookedVia.AT_DESK
    assert result.appointment.kind == AppointmentKind.TREATMENT
    assert result.appointment.mode == AppointmentMode.TELEMEDICINE
    assert result.appointment.starts_at == next_quarter_hour(desk.clock.now())
    assert dialog.result() == BookingDialog.DialogCode.Accepted

    grid = desk.call(desk.services.consent.grid, desk.actor, client.id)
    granted = {cell for cell, state in grid.cells.items() if state.granted}
    assert granted == {
        (Purpose.APPOINTMENT_REMINDERS, Channel.SMS),
        (Purpose.APPOINTMENT_REMINDERS, Channel.EMAIL),
        (Purpose.NEWSLETTERS, Channel.EMAIL),
    }
    assert {cell.last_event.method for cell in grid.cells.values() if cell.granted} == {
        ConsentMethod.SIGNED_AT_DESK
    }
    # The client is French-speaking: the sentence kept with the event is the French one shown.
    event = grid.cells[(Purpose.NEWSLETTERS, Channel.EMAIL)].last_event
    assert event.wording == dialog.consent_step.sentence(Purpose.NEWSLETTERS, Channel.EMAIL)
    assert "infolettres" in event.wording

    acks = acknowledgments(desk, client.id)
    assert len(acks) == 1
    assert acks[0].has_signature and not acks[0].refused
    assert acks[0].signer_capacity == SignerCapacity.CLIENT
    assert acks[0].appointment_id == result.appointment.id
    assert [a.id for a in appointments(desk, client.id)] == [result.appointment.id]


def test_nothing_is_ticked_for_a_new_client(qtbot, desk):
    client = desk.new_client("Tremblay", "Léa", language=Language.EN)
    dialog = open_dialog(qtbot, desk, client)
    to_consent_page(dialog, BookedVia.PHONE)
    step = dialog.consent_step
    for purpose in Purpose:
        for channel in Channel:
            assert not step.checkbox(purpose, channel).isChecked()
            assert step.state_text(purpose, channel) == "Not granted"
    # English-speaking client: the sentences are the English ones.
    assert step.sentence(Purpose.FEEDBACK, Channel.PHONE).startswith("I agree to be contacted")
    assert step.changes() == []


def test_booking_by_phone_records_verbal_consent_and_no_acknowledgment(qtbot, desk):
    client = desk.new_client()
    dialog = open_dialog(qtbot, desk, client)
    to_consent_page(dialog, BookedVia.PHONE)
    # By phone the consent step is the last one: no signature page.
    assert not dialog.next_button.isEnabled()
    assert dialog.save_button.isEnabled()
    assert "verbally on the phone" in dialog.method_note.text()
    dialog.consent_step.checkbox(Purpose.APPOINTMENT_REMINDERS, Channel.PHONE).click()
    with qtbot.waitSignal(dialog.booked, timeout=5000):
        save_and_wait(qtbot, desk, dialog)

    grid = desk.call(desk.services.consent.grid, desk.actor, client.id)
    cell = grid.cells[(Purpose.APPOINTMENT_REMINDERS, Channel.PHONE)]
    assert cell.granted
    assert cell.last_event.method == ConsentMethod.VERBAL_PHONE
    assert acknowledgments(desk, client.id) == []
    assert [a.booked_via for a in appointments(desk, client.id)] == [BookedVia.PHONE]


def test_a_near_empty_signature_is_refused_and_nothing_is_saved(qtbot, desk):
    client = desk.new_client()
    dialog = open_dialog(qtbot, desk, client)
    to_consent_page(dialog, BookedVia.AT_DESK)
    dialog.consent_step.checkbox(Purpose.NEWSLETTERS, Channel.POST).click()
    dialog.next_button.click()
    draw_tick(dialog.signature_step.pad)
    assert not dialog.signature_step.pad.has_enough_ink()
    dialog.save_button.click()
    desk.settle()

    error = dialog.signature_step.signature_error
    assert error.isVisible() and "too small or too short" in error.text()
    assert "not saved" in dialog.banner_text()
    assert dialog.isVisible() and dialog.result() != BookingDialog.DialogCode.Accepted
    assert appointments(desk, client.id) == []
    assert acknowledgments(desk, client.id) == []
    # What was ticked is still ticked.
    assert dialog.consent_step.checkbox(Purpose.NEWSLETTERS, Channel.POST).isChecked()


def test_refusal_to_sign_is_recorded(qtbot, desk):
    client = desk.new_client()
    dialog = open_dialog(qtbot, desk, client)
    to_consent_page(dialog, BookedVia.AT_DESK)
    dialog.consent_step.checkbox(Purpose.APPOINTMENT_REMINDERS, Channel.SMS).click()
    dialog.next_button.click()
    step = dialog.signature_step
    step.refuses.click()
    assert not step.pad.isEnabled()
    type_text(step.refusal_note, "Préfère lire la politique à la maison")
    with qtbot.waitSignal(dialog.booked, timeout=5000) as booked:
        save_and_wait(qtbot, desk, dialog)

    ack = booked.args[0].acknowledgment
    assert ack.refused and not ack.has_signature
    assert ack.refusal_note == "Préfère lire la politique à la maison"
    grid = desk.call(desk.services.consent.grid, desk.actor, client.id)
    event = grid.cells[(Purpose.APPOINTMENT_REMINDERS, Channel.SMS)].last_event
    assert event.method == ConsentMethod.VERBAL_IN_PERSON
    assert event.acknowledgment_id == ack.id


def test_a_minor_client_requires_a_representative(qtbot, desk):
    client = desk.new_client("Gagnon", "Noah", born=date(2016, 6, 1))
    dialog = open_dialog(qtbot, desk, client)
    to_consent_page(dialog, BookedVia.AT_DESK)
    dialog.next_button.click()
    step = dialog.signature_step
    assert step.minor_note.isVisible() and "10" in step.minor_note.text()
    assert not step.client_signs.isEnabled()
    assert step.representative_signs.isChecked()
    assert [step.capacity.itemData(i) for i in range(step.capacity.count())] == [
        SignerCapacity.PARENT,
        SignerCapacity.TUTOR,
    ]
    draw_signature(step.pad)
    dialog.save_button.click()
    desk.settle()
    assert "representative's full name" in step.signer_error.text()
    assert appointments(desk, client.id) == []

    type_text(step.representative_name, "Émilie Gagnon")
    step.capacity.setCurrentIndex(step.capacity.findData(SignerCapacity.TUTOR))
    with qtbot.waitSignal(dialog.booked, timeout=5000) as booked:
        save_and_wait(qtbot, desk, dialog)
    ack = booked.args[0].acknowledgment
    assert ack.signer_capacity == SignerCapacity.TUTOR
    assert ack.signer_name == "Émilie Gagnon"


def test_a_minor_booked_by_phone_answers_through_a_named_parent_and_may_say_no(qtbot, desk):
    client = desk.new_client("Gagnon", "Noah", born=date(2016, 6, 1))
    dialog = open_dialog(qtbot, desk, client)
    to_consent_page(dialog, BookedVia.PHONE)
    page = dialog.consent_page
    assert page.representative_box.isVisible()
    dialog.consent_step.checkbox(Purpose.APPOINTMENT_REMINDERS, Channel.SMS).click()
    dialog.consent_step.no_button(Purpose.NEWSLETTERS, Channel.EMAIL).click()
    save_and_wait(qtbot, desk, dialog)
    assert "parent or tutor" in dialog.banner_text()
    assert appointments(desk, client.id) == []

    type_text(page.representative_name, "Émilie Gagnon")
    page.representative_capacity.setCurrentIndex(page.representative_capacity.findData(SignerCapacity.TUTOR))
    with qtbot.waitSignal(dialog.booked, timeout=5000) as booked:
        save_and_wait(qtbot, desk, dialog)
    events = {(e.purpose, e.action): e for e in booked.args[0].consent_events}
    granted = events[(Purpose.APPOINTMENT_REMINDERS, ConsentAction.GRANTED)]
    assert (granted.representative_name, granted.representative_capacity) == ("Émilie Gagnon", SignerCapacity.TUTOR)
    assert (Purpose.NEWSLETTERS, ConsentAction.DECLINED) in events and len(events) == 2


def test_a_previous_consent_starts_ticked_and_unticking_withdraws_it(qtbot, desk):
    client = desk.new_client()
    desk.call(
        desk.services.consent.record,
        desk.actor,
        client.id,
        ConsentCapture(
            (
                ConsentChange(Purpose.NEWSLETTERS, Channel.EMAIL, True),
                ConsentChange(Purpose.FEEDBACK, Channel.SMS, True),
            ),
            Interaction.PHONE,
            Language.FR,
        ),
    )
    dialog = open_dialog(qtbot, desk, client)
    to_consent_page(dialog, BookedVia.PHONE)
    step = dialog.consent_step
    newsletter = step.checkbox(Purpose.NEWSLETTERS, Channel.EMAIL)
    assert newsletter.isChecked()
    assert step.state_text(Purpose.NEWSLETTERS, Channel.EMAIL) == "Déjà accordé le 2026-11-24"
    newsletter.click()
    assert "sera RETIRÉ" in step.state_text(Purpose.NEWSLETTERS, Channel.EMAIL)
    assert "1 withdrawn" in step.summary.text()
    with qtbot.waitSignal(dialog.booked, timeout=5000) as booked:
        save_and_wait(qtbot, desk, dialog)

    # Only the box that changed became an event; the untouched granted one kept its old event.
    events = booked.args[0].consent_events
    assert [(e.purpose, e.channel, e.action) for e in events] == [
        (Purpose.NEWSLETTERS, Channel.EMAIL, ConsentAction.WITHDRAWN)
    ]
    grid = desk.call(desk.services.consent.grid, desk.actor, client.id)
    assert not grid.granted(Purpose.NEWSLETTERS, Channel.EMAIL)
    assert grid.granted(Purpose.FEEDBACK, Channel.SMS)


def test_a_failed_save_keeps_everything_and_a_retry_is_never_doubled(qtbot, desk, monkeypatch):
    client = desk.new_client()
    dialog = open_dialog(qtbot, desk, client)
    to_consent_page(dialog, BookedVia.AT_DESK)
    dialog.consent_step.checkbox(Purpose.SURVEYS_CONTESTS_EVENTS, Channel.EMAIL).click()
    dialog.next_button.click()
    draw_signature(dialog.signature_step.pad)

    real_book = desk.services.appointments.book
    attempts = []

    def book_then_lose_the_answer(*args, **kwargs):
        attempts.append(args)
        result = real_book(*args, **kwargs)
        if len(attempts) == 1:
            raise DatabaseUnavailableError()
        return result

    monkeypatch.setattr(desk.services.appointments, "book", book_then_lose_the_answer)
    dialog.save_button.click()
    desk.settle()
    assert "not saved" in dialog.banner_text()
    assert dialog.isVisible()
    assert dialog.signature_step.pad.has_enough_ink()
    assert dialog.consent_step.checkbox(Purpose.SURVEYS_CONTESTS_EVENTS, Channel.EMAIL).isChecked()

    with qtbot.waitSignal(dialog.booked, timeout=5000):
        save_and_wait(qtbot, desk, dialog)
    first, second = attempts
    assert first[2].uid == second[2].uid
    assert [c.uid for c in first[3].choices] == [c.uid for c in second[3].choices]
    assert first[4].uid == second[4].uid
    assert len(appointments(desk, client.id)) == 1
    assert len(acknowledgments(desk, client.id)) == 1


def test_a_date_refused_by_the_service_is_shown_on_the_first_page(qtbot, desk):
    client = desk.new_client()
    dialog = open_dialog(qtbot, desk, client)
    dialog.appointment_page.when.setDateTime(
        QDateTime(datetime(2026, 1, 5, 9, 0).date(), datetime(2026, 1, 5, 9, 0).time())
    )
    to_consent_page(dialog, BookedVia.PHONE)
    dialog.consent_step.checkbox(Purpose.FEEDBACK, Channel.EMAIL).click()
    dialog.save_button.click()
    desk.settle()
    assert dialog.current_page() == PAGE_APPOINTMENT
    assert dialog.appointment_page.when_error.isVisible()
    assert dialog.appointment_page.when_error.text().startswith("The date is in the past (2026-01-05 ")
    assert appointments(desk, client.id) == []

    dialog.appointment_page.when.setDateTime(
        QDateTime.fromSecsSinceEpoch(int(datetime(2026, 11, 26, 14, 30, tzinfo=UTC).timestamp()))
    )
    dialog.next_button.click()
    assert dialog.consent_step.checkbox(Purpose.FEEDBACK, Channel.EMAIL).isChecked()
    with qtbot.waitSignal(dialog.booked, timeout=5000) as booked:
        save_and_wait(qtbot, desk, dialog)
    assert booked.args[0].appointment.starts_at == datetime(2026, 11, 26, 14, 30, tzinfo=UTC)


def press_mnemonic(qtbot, dialog: BookingDialog, key: Qt.Key) -> None:
    """Alt+letter on a button animates a click, which lands a moment later."""
    QTest.keyClick(dialog.focusWidget() or dialog, key, Qt.KeyboardModifier.AltModifier)
    qtbot.wait(250)


def test_keyboard_only_booking(qtbot, desk):
    client = desk.new_client()
    dialog = open_dialog(qtbot, desk, client)
    activate(qtbot, dialog)
    assert dialog.appointment_page.when.hasFocus()
    press_mnemonic(qtbot, dialog, Qt.Key.Key_N)
    assert dialog.current_page() == PAGE_APPOINTMENT  # how the booking is made is not yet said
    assert dialog.appointment_page.via_error.isVisible()
    press_mnemonic(qtbot, dialog, Qt.Key.Key_P)
    assert dialog.appointment_page.via_phone.isChecked()
    press_mnemonic(qtbot, dialog, Qt.Key.Key_N)
    assert dialog.current_page() == PAGE_CONSENT
    box = dialog.consent_step.first_box()
    assert box.hasFocus()
    QTest.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked()
    press_mnemonic(qtbot, dialog, Qt.Key.Key_B)
    assert dialog.current_page() == PAGE_APPOINTMENT
    # Ctrl+Enter moves on from a step that is not the last, and saves on the last one.
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.current_page() == PAGE_CONSENT
    with qtbot.waitSignal(dialog.booked, timeout=5000):
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        desk.settle()
    grid = desk.call(desk.services.consent.grid, desk.actor, client.id)
    assert grid.granted(Purpose.APPOINTMENT_REMINDERS, Channel.EMAIL)


def test_tab_goes_through_the_inputs_of_a_step_in_order(qtbot, desk):
    dialog = open_dialog(qtbot, desk, desk.new_client())
    activate(qtbot, dialog)
    page = dialog.appointment_page
    seen = [dialog.focusWidget()]
    # Tab first walks the sections of the date and time (year, month, day, hour, minute).
    for _ in range(12):
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        if dialog.focusWidget() is not seen[-1]:
            seen.append(dialog.focusWidget())
        if len(seen) == 5:
            break
    # The two "booked" choices are one stop; the arrow keys choose between them.
    assert seen == [page.when, page.kind, page.mode, page.via_phone, dialog.next_button]
    page.via_phone.setFocus()
    QTest.keyClick(page.via_phone, Qt.Key.Key_Right)
    assert page.via_desk.hasFocus()


def test_every_input_has_an_accessible_name(qtbot, desk):
    dialog = open_dialog(qtbot, desk, desk.new_client())
    inputs = dialog.findChildren(QAbstractButton) + dialog.findChildren(QLineEdit)
    inputs += dialog.findChildren(QComboBox) + dialog.findChildren(QDateTimeEdit)
    inputs += dialog.findChildren(QTextBrowser) + dialog.findChildren(SignaturePad)
    # The line edit inside the date-and-time box and the calendar's own buttons belong to Qt's widgets,
    # which carry the name.
    unnamed = [
        w.objectName() or type(w).__name__
        for w in inputs
        if not w.accessibleName()
        and not isinstance(w.parent(), QAbstractSpinBox | QCalendarWidget)
        and not isinstance(w.parent().parent(), QCalendarWidget)
    ]
    assert unnamed == []


def test_cancelling_after_changes_asks_first(qtbot, desk):
    dialog = open_dialog(qtbot, desk, desk.new_client())
    to_consent_page(dialog, BookedVia.PHONE)
    dialog.consent_step.checkbox(Purpose.FEEDBACK, Channel.POST).click()
    desk.boxes.answer = desk.boxes.answer.No
    dialog.cancel_button.click()
    assert dialog.isVisible()
    assert desk.boxes.calls[-1][0] == "question"
    desk.boxes.answer = desk.boxes.answer.Yes
    dialog.cancel_button.click()
    assert not dialog.isVisible()


def test_the_full_policy_can_be_shown_from_the_signature_step(qtbot, desk):
    dialog = open_dialog(qtbot, desk, desk.new_client(language=Language.EN))
    to_consent_page(dialog, BookedVia.AT_DESK)
    dialog.next_button.click()
    desk.settle()
    summary = dialog.signature_step.summary_view.toPlainText()
    assert "Privacy policy in brief" in summary
    assert "info@cliniqueslacroix.ca" in summary and "two weeks" in summary
    dialog.signature_step.full_policy_button.click()
    shown = dialog.findChild(PolicyTextDialog)
    assert shown is not None and shown.isVisible()
    assert "YOUR CHOICES ABOUT RECEIVING PROMOTIONAL COMMUNICATIONS" in shown.text.toPlainText()
    assert shown.text.isReadOnly()
    shown.accept()


def test_the_appointment_s_day_is_typed_day_first_as_everywhere(qtbot, desk):
    dialog = open_dialog(qtbot, desk, desk.new_client())
    box = dialog.appointment_page.when
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box, "26/11/2026 14:30")
    box.interpretText()
    assert (box.dateTime().date().toPython(), box.dateTime().time().toPython()) == (date(2026, 11, 26), time(14, 30))
