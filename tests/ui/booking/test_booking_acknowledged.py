"""The booking dialog asks for a signature only when the client has not acknowledged the policy version
in force on the appointment's day; otherwise it says which version was signed, and when."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDateTime

from desktop.domain.enums import Channel, ConsentMethod, Language, Purpose
from desktop.domain.records import PolicyDraft, SignatureCapture
from tests.conftest import TEST_PASSWORD, WORKSTATION
from tests.support.documents import signature_png
from tests.ui import booking_fixtures
from tests.ui.booking_fixtures import Desk, draw_signature
from ui.booking.booking_dialog import PAGE_CONSENT, PAGE_SIGNATURE, BookingDialog

desk = booking_fixtures.desk
OLD = "2020-04-22"


def open_dialog(qtbot, desk: Desk, client) -> BookingDialog:
    dialog = BookingDialog(desk.services, desk.actor, desk.runner, client)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.consent_step.is_loaded and dialog.policy_settled)
    return dialog


def signed_client(desk: Desk, language: Language = Language.FR):
    client = desk.new_client(language=language)
    desk.call(
        desk.services.acknowledgments.record,
        desk.actor,
        client.id,
        SignatureCapture(signature_png=signature_png(), language=language),
    )
    return client


def publish_in(desk: Desk, days: int) -> str:
    manager = desk.call(desk.services.staff.authenticate, "gestion", TEST_PASSWORD, WORKSTATION)
    draft = PolicyDraft(
        desk.today + timedelta(days=days),
        "POLITIQUE RÉVISÉE\nTexte.\n",
        "REVISED POLICY\nText.\n",
        "Résumé de la politique révisée.\n",
        "Summary of the revised policy.\n",
    )
    return desk.call(desk.services.policies.publish, manager, draft)[0].version


def set_day(qtbot, dialog: BookingDialog, days: int) -> None:
    when = dialog.appointment_page.when
    when.setDateTime(when.dateTime().addDays(days))
    qtbot.waitUntil(lambda: dialog.policy_settled)


def choose_desk(dialog: BookingDialog) -> None:
    dialog.appointment_page.via_desk.setChecked(True)
    dialog.next_button.click()
    assert dialog.current_page() == PAGE_CONSENT


def test_a_client_who_signed_the_version_in_force_is_not_asked_again(qtbot, desk):
    client = signed_client(desk)
    dialog = open_dialog(qtbot, desk, client)
    choose_desk(dialog)
    assert dialog.page_order()[-1] == PAGE_CONSENT
    assert "Step 2 of 2" in dialog.step_label.text()
    assert not dialog.next_button.isEnabled() and dialog.save_button.isEnabled()
    line = dialog.consent_page.policy_line.text()
    assert f"version {OLD}" in line
    assert f"Already acknowledged: version {OLD}, signed on" in line and "2026-11-24" in line
    assert "no new signature" in dialog.method_note.text()

    dialog.consent_step.checkbox(Purpose.NEWSLETTERS, Channel.EMAIL).click()
    with qtbot.waitSignal(dialog.booked, timeout=5000) as booked:
        dialog.save_button.click()
        desk.settle()
    result = booked.args[0]
    assert result.acknowledgment is None
    assert [(e.method, e.policy_version) for e in result.consent_events] == [
        (ConsentMethod.VERBAL_IN_PERSON, OLD)
    ]
    assert len(desk.call(desk.services.acknowledgments.for_client, desk.actor, client.id)) == 1


def test_the_version_in_force_on_the_appointment_day_is_shown_and_signed(qtbot, desk):
    client = signed_client(desk)
    new = publish_in(desk, days=7)
    dialog = open_dialog(qtbot, desk, client)
    set_day(qtbot, dialog, 3)  # before the new version: already signed
    choose_desk(dialog)
    assert dialog.page_order()[-1] == PAGE_CONSENT

    dialog.back_button.click()
    set_day(qtbot, dialog, 7)  # from its date: the new version, to sign
    dialog.next_button.click()
    assert f"version {new}." in dialog.consent_page.policy_line.text()
    assert "Already acknowledged" not in dialog.consent_page.policy_line.text()
    assert "signs on the next page" in dialog.method_note.text()
    dialog.next_button.click()
    assert dialog.current_page() == PAGE_SIGNATURE
    assert "Résumé de la politique révisée." in dialog.signature_step.summary_view.toPlainText()
    draw_signature(dialog.signature_step.pad)
    with qtbot.waitSignal(dialog.booked, timeout=5000) as booked:
        dialog.save_button.click()
        desk.settle()
    acknowledgment = booked.args[0].acknowledgment
    assert acknowledgment is not None and acknowledgment.policy_version == new


def test_a_phone_booking_shows_the_version_and_asks_no_signature(qtbot, desk):
    dialog = open_dialog(qtbot, desk, desk.new_client())
    dialog.appointment_page.via_phone.setChecked(True)
    dialog.next_button.click()
    assert f"version {OLD}." in dialog.consent_page.policy_line.text()
    assert "Already acknowledged" not in dialog.consent_page.policy_line.text()
    assert dialog.page_order()[-1] == PAGE_CONSENT


def test_while_the_policy_loads_the_desk_booking_waits(qtbot, desk):
    client = signed_client(desk)
    dialog = open_dialog(qtbot, desk, client)
    choose_desk(dialog)
    # The date moves to a day whose policy is still loading: the signature is asked until it is known.
    dialog.back_button.click()
    when = dialog.appointment_page.when
    when.setDateTime(QDateTime(when.dateTime()).addDays(1))
    assert not dialog.policy_settled and dialog.page_order()[-1] == PAGE_SIGNATURE
    qtbot.waitUntil(lambda: dialog.policy_settled)
    assert dialog.page_order()[-1] == PAGE_CONSENT
