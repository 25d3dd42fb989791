"""A saved booking publishes one change on the application's bus, naming what it recorded and for whom."""

from __future__ import annotations

from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.enums import BookedVia, Channel, Purpose
from desktop.domain.errors import DatabaseUnavailableError
from tests.ui import booking_fixtures
from tests.ui.booking_fixtures import Desk, draw_signature
from ui.booking.booking_dialog import BookingDialog

desk = booking_fixtures.desk


def open_dialog(qtbot, desk: Desk, client) -> BookingDialog:
    dialog = BookingDialog(desk.services, desk.actor, desk.runner, client)
    qtbot.addWidget(dialog)
    dialog.resize(900, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.consent_step.is_loaded and dialog.policy_settled)
    return dialog


def record_changes(desk: Desk) -> list[tuple[DataChange, object]]:
    published: list[tuple[DataChange, object]] = []
    desk.runner.changes.changed.connect(lambda change, source: published.append((change, source)))
    return published


def choose(dialog: BookingDialog, via: BookedVia) -> None:
    page = dialog.appointment_page
    (page.via_desk if via == BookedVia.AT_DESK else page.via_phone).setChecked(True)
    dialog.next_button.click()


def test_a_booking_at_the_desk_publishes_its_appointment_consent_and_acknowledgment(qtbot, desk):
    client = desk.new_client()
    published = record_changes(desk)
    dialog = open_dialog(qtbot, desk, client)
    choose(dialog, BookedVia.AT_DESK)
    dialog.consent_step.checkbox(Purpose.NEWSLETTERS, Channel.EMAIL).click()
    dialog.next_button.click()
    draw_signature(dialog.signature_step.pad)
    with qtbot.waitSignal(dialog.booked, timeout=5000):
        dialog.save_button.click()
        desk.settle()

    assert len(published) == 1
    change, source = published[0]
    assert change == DataChange.of(
        ChangeSubject.APPOINTMENTS, ChangeSubject.CONSENT, ChangeSubject.ACKNOWLEDGMENTS, client_id=client.id
    )
    assert source is dialog


def test_a_phone_booking_without_new_answers_publishes_only_the_appointment(qtbot, desk):
    client = desk.new_client()
    published = record_changes(desk)
    dialog = open_dialog(qtbot, desk, client)
    choose(dialog, BookedVia.PHONE)
    with qtbot.waitSignal(dialog.booked, timeout=5000):
        dialog.save_button.click()
        desk.settle()

    assert [change for change, _source in published] == [
        DataChange.of(ChangeSubject.APPOINTMENTS, client_id=client.id)
    ]


def test_a_failed_booking_publishes_nothing(qtbot, desk, monkeypatch):
    client = desk.new_client()
    published = record_changes(desk)
    dialog = open_dialog(qtbot, desk, client)
    choose(dialog, BookedVia.PHONE)
    dialog.consent_step.checkbox(Purpose.APPOINTMENT_REMINDERS, Channel.SMS).click()

    def unavailable(*_args, **_kwargs):
        raise DatabaseUnavailableError()

    monkeypatch.setattr(desk.services.appointments, "book", unavailable)
    dialog.save_button.click()
    desk.settle()
    assert "not saved" in dialog.banner_text()
    assert published == []
