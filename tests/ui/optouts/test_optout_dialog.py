"""The opt-out dialog: requests logged as received, immediate ones withdrawn at once, others queued."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCalendarWidget,
    QDateEdit,
    QLineEdit,
)

from desktop.domain.business_days import OptOutCalendar
from desktop.domain.enums import (
    PROMOTIONAL_PURPOSES,
    Channel,
    ConsentMethod,
    Interaction,
    Language,
    OptOutVia,
    Purpose,
)
from desktop.domain.errors import DatabaseBusyError
from desktop.domain.records import ConsentCapture, ConsentChange
from tests.ui import booking_fixtures
from tests.ui.booking_fixtures import Desk, activate, type_text
from ui.optouts.optout_dialog import OptOutDialog
from ui.optouts.scope import scope_summary

desk = booking_fixtures.desk

EVERY_CELL = [(p, c) for p in Purpose for c in Channel]


def open_dialog(qtbot, desk: Desk, client=None) -> OptOutDialog:
    dialog = OptOutDialog(desk.services, desk.actor, desk.runner, client)
    qtbot.addWidget(dialog)
    dialog.resize(900, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    desk.settle()  # the clinic's calendar and parent organisation have arrived
    return dialog


def grant_everything(desk: Desk, client_id: int) -> None:
    changes = tuple(ConsentChange(p, c, True) for p, c in EVERY_CELL)
    desk.call(
        desk.services.consent.record,
        desk.actor,
        client_id,
        ConsentCapture(changes, Interaction.DESK, Language.FR),
    )


def save(qtbot, desk: Desk, dialog: OptOutDialog) -> None:
    dialog.save_button.click()
    desk.settle()


def test_a_phone_opt_out_takes_effect_at_once_and_keeps_reminders(qtbot, desk):
    client = desk.new_client()
    grant_everything(desk, client.id)
    dialog = open_dialog(qtbot, desk, client)
    assert dialog.matched_client().id == client.id
    dialog.via_phone.click()
    type_text(dialog.requester_name, "Zoé Côté")
    type_text(dialog.requester_phone, "418-555-0123")
    assert dialog.preset_promotional.isChecked()
    assert dialog.purposes() == PROMOTIONAL_PURPOSES
    assert dialog.channels() == frozenset(Channel)
    assert "Takes effect immediately" in dialog.effect.text()
    with qtbot.waitSignal(dialog.logged, timeout=5000) as logged:
        save(qtbot, desk, dialog)

    record = logged.args[0]
    assert record.processed_at is not None
    assert record.received_via == OptOutVia.PHONE
    assert dialog.effect.text().startswith("Withdrawn now:")
    assert not dialog.save_button.isVisible()
    grid = desk.call(desk.services.consent.grid, desk.actor, client.id)
    for purpose, channel in EVERY_CELL:
        expected = purpose == Purpose.APPOINTMENT_REMINDERS
        assert grid.granted(purpose, channel) is expected, (purpose, channel)
    assert grid.cells[(Purpose.NEWSLETTERS, Channel.SMS)].last_event.method == ConsentMethod.VERBAL_PHONE
    pending = desk.call(desk.services.optouts.pending, desk.actor)
    assert pending == []


def test_everything_without_the_parent_company_on_some_channels(qtbot, desk):
    client = desk.new_client()
    grant_everything(desk, client.id)
    dialog = open_dialog(qtbot, desk, client)
    dialog.via_clinic.click()
    type_text(dialog.requester_name, "Zoé Côté")
    dialog.preset_everything.click()
    dialog.parent_company.click()
    dialog.channel_boxes[Channel.PHONE].click()
    dialog.channel_boxes[Channel.POST].click()
    assert dialog.purposes() == frozenset(Purpose) - {Purpose.PARENT_COMPANY_PROMOTIONS}
    with qtbot.waitSignal(dialog.logged, timeout=5000):
        save(qtbot, desk, dialog)
    grid = desk.call(desk.services.consent.grid, desk.actor, client.id)
    assert not grid.granted(Purpose.APPOINTMENT_REMINDERS, Channel.EMAIL)
    assert not grid.granted(Purpose.FEEDBACK, Channel.SMS)
    assert grid.granted(Purpose.FEEDBACK, Channel.PHONE)
    assert grid.granted(Purpose.PARENT_COMPANY_PROMOTIONS, Channel.EMAIL)
    assert grid.cells[(Purpose.FEEDBACK, Channel.SMS)].last_event.method == ConsentMethod.VERBAL_IN_PERSON


def test_custom_purposes(qtbot, desk):
    dialog = open_dialog(qtbot, desk)
    assert not dialog.purpose_boxes[Purpose.FEEDBACK].isEnabled()
    dialog.preset_custom.click()
    for purpose, check in dialog.purpose_boxes.items():
        if purpose != Purpose.NEWSLETTERS and check.isChecked():
            check.click()
    assert dialog.purposes() == {Purpose.NEWSLETTERS, Purpose.PARENT_COMPANY_PROMOTIONS}
    assert "Promotional newsletters, Parent company promotions" in scope_summary(
        dialog.purposes(), dialog.channels()
    )


def test_an_immediate_request_needs_a_client_file(qtbot, desk):
    dialog = open_dialog(qtbot, desk)
    dialog.via_phone.click()
    assert "Match the request to a client file first" in dialog.effect.text()
    type_text(dialog.requester_name, "Jean Tremblay")
    save(qtbot, desk, dialog)
    assert dialog.client_error.isVisible()
    assert "Match the request to a client file first" in dialog.client_error.text()
    assert dialog.saved_record() is None
    assert dialog.requester_name.text() == "Jean Tremblay"


def test_a_post_request_shows_its_due_date_and_goes_to_the_queue(qtbot, desk):
    dialog = open_dialog(qtbot, desk)
    dialog.via_post.click()
    dialog.received_on.setDate(QDate(2026, 11, 20))
    assert dialog.received_label.text() == "&Date the letter arrived:"
    assert OptOutCalendar().due_date(date(2026, 11, 20)) == date(2026, 12, 4)
    assert "Due by 2026-12-04" in dialog.effect.text()
    assert "10 Quebec business days" in dialog.effect.text()
    type_text(dialog.requester_name, "Marie-Ève Gagnon")
    type_text(dialog.requester_email, "me.gagnon@example.ca")
    with qtbot.waitSignal(dialog.logged, timeout=5000) as logged:
        save(qtbot, desk, dialog)
    record = logged.args[0]
    assert record.processed_at is None and record.client_id is None
    assert record.due_on == date(2026, 12, 4)
    assert "added to the opt-out queue" in dialog.effect.text()
    pending = desk.call(desk.services.optouts.pending, desk.actor)
    assert [r.id for r in pending] == [record.id]


def test_the_day_received_is_read_as_typed_day_first(qtbot, desk):
    dialog = open_dialog(qtbot, desk)
    activate(qtbot, dialog)
    dialog.via_post.click()
    dialog.received_on.setFocus()
    dialog.received_on.lineEdit().selectAll()
    qtbot.keyClicks(dialog.received_on, "20/11/2026")
    assert dialog.received_date() == date(2026, 11, 20)
    assert "Due by 2026-12-04" in dialog.effect.text()
    dialog.received_on.lineEdit().selectAll()
    qtbot.keyClicks(dialog.received_on, "19.11.2026")
    dialog.requester_name.setFocus()  # leaving the box
    qtbot.waitUntil(lambda: not dialog.received_on.hasFocus())
    assert dialog.received_date() == date(2026, 11, 19)
    assert dialog.received_on.text() == "2026-11-19"  # shown back in the one form every table uses


def test_validation_errors_are_shown_and_the_typed_text_is_kept(qtbot, desk):
    dialog = open_dialog(qtbot, desk)
    dialog.via_email.click()
    dialog.received_on.setDate(QDate(2026, 11, 30))
    type_text(dialog.requester_phone, "418 555-0199")
    type_text(dialog.requester_email, "léa@exemple.ca")
    save(qtbot, desk, dialog)

    assert dialog.name_error.isVisible() and dialog.name_error.text() == "This field is required."
    assert dialog.received_error.isVisible()
    assert dialog.received_error.text() == "The date cannot be in the future."
    assert "not saved" in dialog.banner_text()
    assert dialog.requester_phone.text() == "418 555-0199"
    assert dialog.requester_email.text() == "léa@exemple.ca"
    assert dialog.received_date() == date(2026, 11, 30)
    assert desk.call(desk.services.optouts.pending, desk.actor) == []

    type_text(dialog.requester_name, "Léa Roy")
    dialog.received_on.setDate(QDate(2026, 11, 23))
    with qtbot.waitSignal(dialog.logged, timeout=5000):
        save(qtbot, desk, dialog)
    assert not dialog.name_error.isVisible()


def test_the_requester_is_stored_verbatim(qtbot, desk):
    dialog = open_dialog(qtbot, desk)
    dialog.via_email.click()
    name = '<b>Zoé & "Léa"</b>'
    type_text(dialog.requester_name, name)
    type_text(dialog.requester_phone, "(418) 555-01-99 poste 2")
    type_text(dialog.requester_email, "ZOE@Exemple.CA ")
    with qtbot.waitSignal(dialog.logged, timeout=5000) as logged:
        save(qtbot, desk, dialog)
    stored = desk.call(desk.services.optouts.get, desk.actor, logged.args[0].id)
    assert stored.requester_name == name
    assert stored.requester_phone == "(418) 555-01-99 poste 2"
    assert stored.requester_email == "ZOE@Exemple.CA"  # only the surrounding spaces are trimmed


def test_matching_with_the_client_picker(qtbot, desk):
    client = desk.new_client("Côté", "Zoé", phone="418 555-0123")
    desk.new_client("Tremblay", "Léa")
    dialog = open_dialog(qtbot, desk)
    picker = dialog.picker
    type_text(picker.field, "coté")
    qtbot.waitUntil(lambda: len(picker.results()) == 1, timeout=3000)
    with qtbot.waitSignal(picker.picked, timeout=2000):
        QTest.keyClick(picker.field, Qt.Key.Key_Return)
    assert dialog.matched_client().id == client.id
    assert "Côté, Zoé" in picker.picked_label.text()
    picker.clear_button.click()
    assert dialog.matched_client() is None


def test_a_retried_save_is_never_doubled(qtbot, desk, monkeypatch):
    dialog = open_dialog(qtbot, desk)
    dialog.via_post.click()
    type_text(dialog.requester_name, "Jean Tremblay")
    real_log = desk.services.optouts.log
    drafts = []

    def log_then_lose_the_answer(actor, draft, **kwargs):
        drafts.append(draft)
        record = real_log(actor, draft, **kwargs)
        if len(drafts) == 1:
            raise DatabaseBusyError()
        return record

    monkeypatch.setattr(desk.services.optouts, "log", log_then_lose_the_answer)
    save(qtbot, desk, dialog)
    assert "not saved" in dialog.banner_text()
    assert dialog.requester_name.text() == "Jean Tremblay"
    with qtbot.waitSignal(dialog.logged, timeout=5000):
        save(qtbot, desk, dialog)
    assert drafts[0].uid == drafts[1].uid
    assert len(desk.call(desk.services.optouts.pending, desk.actor)) == 1


def test_ctrl_enter_saves(qtbot, desk):
    dialog = open_dialog(qtbot, desk)
    activate(qtbot, dialog)
    dialog.via_email.click()
    dialog.requester_name.setFocus()
    type_text(dialog.requester_name, "Jean Tremblay")
    with qtbot.waitSignal(dialog.logged, timeout=5000):
        QTest.keyClick(dialog.requester_name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        desk.settle()


def test_every_input_has_an_accessible_name(qtbot, desk):
    dialog = open_dialog(qtbot, desk)
    inputs = dialog.findChildren(QAbstractButton) + dialog.findChildren(QLineEdit)
    inputs += dialog.findChildren(QDateEdit) + dialog.findChildren(QAbstractItemView)
    unnamed = [
        w.objectName() or w.text()
        for w in inputs
        if not w.accessibleName()
        # Qt's own parts: the clear button inside a search box, the date box's editor, the calendar,
        # the corner button of the results table.
        and not isinstance(w.parent(), QLineEdit | QAbstractSpinBox | QCalendarWidget | QAbstractItemView)
        and not isinstance(w.parent().parent(), QCalendarWidget)
    ]
    assert unnamed == []
