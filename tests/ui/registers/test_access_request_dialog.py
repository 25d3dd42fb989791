"""Logging an access or rectification request as received, as a receptionist: the kind and channel start
unchosen, a refused save says what to correct in the staff language and keeps what was typed, and a
saved request is due 30 calendar days after it was received."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from desktop.domain.changes import ChangeSubject
from desktop.domain.enums import Language
from desktop.domain.register_enums import AccessRequestChannel, AccessRequestKind
from tests.ui import booking_fixtures
from tests.ui.booking_fixtures import Desk, type_text
from ui.registers.access_request_dialog import AccessRequestDialog

desk = booking_fixtures.desk


def open_dialog(qtbot, desk: Desk, client=None) -> AccessRequestDialog:
    dialog = AccessRequestDialog(desk.services, desk.actor, desk.runner, None, client)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    desk.settle()
    return dialog


def test_nothing_is_chosen_for_the_person_and_a_refused_save_keeps_everything(qtbot, desk: Desk, switch):
    client = desk.new_client()
    dialog = open_dialog(qtbot, desk, client)
    assert dialog.chosen_kind() is None and dialog.chosen_channel() is None
    assert not any(b.isChecked() for b in (*dialog.kinds.values(), *dialog.channels.values()))
    assert "2026-12-24" in dialog.effect.text()  # received today (2026-11-24) + 30 days
    type_text(dialog.requester_contact, "418 555-0199")
    dialog.save_button.click()
    desk.settle()

    assert dialog.saved_record() is None
    assert (
        "The request was not saved." in dialog.banner_text()
        and "Nothing you typed was lost." in dialog.banner_text()
    )
    for field in ("request_kind", "request_channel", "requester_name"):
        assert dialog.errors[field].isVisible() and dialog.errors[field].text(), field
    assert dialog.requester_contact.text() == "418 555-0199"
    switch(Language.FR)
    assert dialog.windowTitle() == "Consigner une demande d'accès ou de rectification"
    assert "La demande n'a pas été enregistrée." in dialog.banner_text()
    assert dialog.errors["requester_name"].text() != "" and dialog.requester_contact.text() == "418 555-0199"
    assert dialog.kinds[AccessRequestKind.RECTIFICATION].text() == "Rectification"
    assert dialog.channels[AccessRequestChannel.IN_CLINIC].text() == "En personne"
    switch(Language.EN)

    dialog.kinds[AccessRequestKind.RECTIFICATION].click()
    dialog.channels[AccessRequestChannel.POST].click()
    dialog.received_on.setDate(QDate(2026, 10, 20))
    assert "2026-11-19" in dialog.effect.text() and "OVERDUE" in dialog.effect.text()
    type_text(dialog.requester_name, "Zoe Cote")
    changes = []
    desk.runner.changes.changed.connect(lambda change, _source: changes.append(change))
    with qtbot.waitSignal(dialog.logged, timeout=5000) as logged:
        dialog.save_button.click()
        desk.settle()
    record = logged.args[0]
    assert (record.kind, record.channel, record.received_on) == (
        AccessRequestKind.RECTIFICATION,
        AccessRequestChannel.POST,
        date(2026, 10, 20),
    )
    assert record.due_on == date(2026, 11, 19) and record.client_id == client.id
    assert record.requester_contact == "418 555-0199"
    assert not dialog.save_button.isVisible() and dialog.banner_text() == ""
    assert [c.client_id for c in changes if c.touches(ChangeSubject.ACCESS_REQUESTS)] == [client.id]
