"""Opt-out changes on the application's bus: what logging, matching and processing publish, and the
queue reloading itself for opt-out changes made elsewhere (and only for those)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Qt
from PySide6.QtTest import QTest

from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.enums import Channel, Interaction, Language, OptOutVia, Purpose
from desktop.domain.records import ConsentCapture, ConsentChange
from tests.ui import booking_fixtures
from tests.ui.booking_fixtures import Desk, type_text
from tests.ui.optouts.test_optout_queue import log_request, open_queue
from ui.kit.client_search import ClientPickerDialog
from ui.optouts.optout_dialog import OptOutDialog

desk = booking_fixtures.desk


def record_changes(desk: Desk) -> list[tuple[DataChange, object]]:
    published: list[tuple[DataChange, object]] = []
    desk.runner.changes.changed.connect(lambda change, source: published.append((change, source)))
    return published


def open_dialog(qtbot, desk: Desk, client=None) -> OptOutDialog:
    dialog = OptOutDialog(desk.services, desk.actor, desk.runner, client)
    qtbot.addWidget(dialog)
    dialog.resize(900, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    desk.settle()  # the clinic's calendar and parent organisation have arrived
    return dialog


def grant_everything(desk: Desk, client_id: int) -> None:
    changes = tuple(ConsentChange(p, c, True) for p in Purpose for c in Channel)
    capture = ConsentCapture(changes, Interaction.DESK, Language.FR)
    desk.call(desk.services.consent.record, desk.actor, client_id, capture)


def test_a_phone_opt_out_publishes_opt_outs_and_consent_for_its_client(qtbot, desk):
    client = desk.new_client()
    grant_everything(desk, client.id)
    published = record_changes(desk)
    dialog = open_dialog(qtbot, desk, client)
    dialog.via_phone.click()
    type_text(dialog.requester_name, "Zoé Côté")
    with qtbot.waitSignal(dialog.logged, timeout=5000):
        dialog.save_button.click()
        desk.settle()

    assert published == [
        (DataChange.of(ChangeSubject.OPT_OUTS, ChangeSubject.CONSENT, client_id=client.id), dialog)
    ]


def test_an_unmatched_post_request_publishes_opt_outs_for_no_client(qtbot, desk):
    published = record_changes(desk)
    dialog = open_dialog(qtbot, desk)
    dialog.via_post.click()
    type_text(dialog.requester_name, "Jean Tremblay")
    with qtbot.waitSignal(dialog.logged, timeout=5000) as logged:
        dialog.save_button.click()
        desk.settle()

    assert logged.args[0].received_via == OptOutVia.POST
    assert [change for change, _source in published] == [DataChange.of(ChangeSubject.OPT_OUTS)]


def test_the_queue_reloads_for_an_opt_out_change_made_elsewhere_only(qtbot, desk):
    window = open_queue(qtbot, desk)
    assert window.model.rowCount() == 0
    other_view = QObject()

    log_request(desk, date(2026, 11, 23), "Jean Tremblay")
    desk.runner.changes.publish(DataChange.of(ChangeSubject.APPOINTMENTS, client_id=7), other_view)
    desk.settle()
    assert window.model.rowCount() == 0
    assert window.windowTitle() == "Opt-out requests — 0 pending, 0 overdue"

    desk.runner.changes.publish(DataChange.of(ChangeSubject.OPT_OUTS), other_view)
    desk.settle()
    assert window.model.rowCount() == 1
    assert window.windowTitle() == "Opt-out requests — 1 pending, 0 overdue"


def test_a_hidden_queue_reloads_when_shown_again(qtbot, desk):
    window = open_queue(qtbot, desk)
    window.hide()
    log_request(desk, date(2026, 11, 23), "Jean Tremblay")
    desk.runner.changes.publish(DataChange.of(ChangeSubject.OPT_OUTS), None)
    desk.settle()
    assert window.model.rowCount() == 0
    window.show()
    qtbot.waitExposed(window)
    desk.settle()
    assert window.model.rowCount() == 1


def test_matching_and_processing_in_the_queue_publish_for_the_client(qtbot, desk):
    client = desk.new_client("Côté", "Zoé")
    grant_everything(desk, client.id)
    request = log_request(desk, date(2026, 11, 20), "Zoé Côté")
    window = open_queue(qtbot, desk)
    published = record_changes(desk)
    assert window.select_request(request)

    window.match_button.click()
    dialog = window.findChild(ClientPickerDialog, "matchClientDialog")
    desk.settle()
    QTest.keyClick(dialog.picker.field, Qt.Key.Key_Return)
    dialog.accept()
    desk.settle()
    assert published == [(DataChange.of(ChangeSubject.OPT_OUTS, client_id=client.id), window)]

    with qtbot.waitSignal(window.processed, timeout=5000):
        window.process_button.click()
        desk.settle()
    assert published[1:] == [
        (DataChange.of(ChangeSubject.OPT_OUTS, ChangeSubject.CONSENT, client_id=client.id), window)
    ]
