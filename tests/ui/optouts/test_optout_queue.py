"""The opt-out queue: pending requests fetched lazily, overdue ones flagged, matched and processed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from desktop.domain.business_days import OptOutCalendar
from desktop.domain.clinic_identity import MAX_OPT_OUT_DELAY_DAYS
from desktop.domain.enums import (
    PROMOTIONAL_PURPOSES,
    Channel,
    ConsentMethod,
    Interaction,
    Language,
    OptOutVia,
    Purpose,
)
from desktop.domain.records import ConsentCapture, ConsentChange, OptOutDraft
from tests.ui import booking_fixtures
from tests.ui.booking_fixtures import Desk, activate
from ui.kit.client_search import ClientPickerDialog
from ui.kit.i18n import install_translators
from ui.optouts.optout_queue import OptOutQueueWindow
from ui.optouts.queue_model import PAGE_SIZE, PendingOptOutModel

desk = booking_fixtures.desk
#: The demo clinic's rule: the law's 10 business days, Good Friday off.
LAW = OptOutCalendar()

M = PendingOptOutModel


def log_request(desk: Desk, received: date, name: str = "Jean Tremblay", **fields) -> int:
    draft = OptOutDraft(
        received_via=fields.pop("via", OptOutVia.POST),
        received_on=received,
        requester_name=name,
        purposes=fields.pop("purposes", PROMOTIONAL_PURPOSES),
        **fields,
    )
    return desk.call(desk.services.optouts.log, desk.actor, draft).id


def open_queue(qtbot, desk: Desk) -> OptOutQueueWindow:
    window = OptOutQueueWindow(desk.services, desk.actor, desk.runner)
    qtbot.addWidget(window)
    window.resize(1100, 640)
    window.show()
    qtbot.waitExposed(window)
    desk.settle()
    return window


def cell(window: OptOutQueueWindow, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):
    return window.model.data(window.model.index(row, column), role)


def test_business_days_left():
    today = date(2026, 11, 24)
    assert LAW.days_left(today, date(2026, 12, 4)) == 8
    assert LAW.days_left(today, today) == 0
    assert LAW.days_left(today, date(2026, 11, 23)) == -1
    # Friday due, read on the following Monday: one business day late.
    assert LAW.days_left(date(2026, 11, 30), date(2026, 11, 27)) == -1


def test_a_post_request_and_an_overdue_one(qtbot, desk):
    recent = log_request(desk, date(2026, 11, 20), "Marie-Ève Gagnon", requester_email="meg@exemple.ca")
    old = log_request(desk, date(2026, 10, 1), "Luc Bouchard", requester_phone="418 555-0177")
    window = open_queue(qtbot, desk)

    assert window.windowTitle() == "Opt-out requests — 2 pending, 1 overdue"
    assert window.model.rowCount() == 2
    # The most urgent first: the overdue one.
    assert window.model.row_of(0).record.id == old
    assert window.model.row_of(1).record.id == recent

    assert LAW.due_date(date(2026, 11, 20)) == date(2026, 12, 4)
    assert cell(window, 1, M.VIA) == "post"
    assert cell(window, 1, M.RECEIVED) == "2026-11-20"
    assert cell(window, 1, M.DUE) == "2026-12-04"
    assert cell(window, 1, M.DAYS_LEFT) == "8"
    assert cell(window, 1, M.REQUESTER) == "Marie-Ève Gagnon · meg@exemple.ca"
    assert cell(window, 1, M.CLIENT) == "Not matched"
    assert cell(window, 1, M.SCOPE) == "All promotional (reminders kept) — every channel"
    assert cell(window, 1, M.DAYS_LEFT, Qt.ItemDataRole.BackgroundRole) is None

    assert window.model.is_overdue(0) and not window.model.is_overdue(1)
    assert cell(window, 0, M.DUE) == LAW.due_date(date(2026, 10, 1)).isoformat()
    assert cell(window, 0, M.DAYS_LEFT).startswith("OVERDUE")
    for column in range(window.model.columnCount()):
        assert cell(window, 0, column, Qt.ItemDataRole.BackgroundRole) is not None
        assert cell(window, 0, column, Qt.ItemDataRole.ForegroundRole) is not None
    header = window.model.headerData(M.DAYS_LEFT, Qt.Orientation.Horizontal)
    assert header == "Business days left"
    assert "OVERDUE" in window.counts_label.text()
    window.select_request(old)
    assert window.details.text().startswith("OVERDUE since")


def test_the_requester_is_shown_verbatim(qtbot, desk):
    name = '<b>Zoé & "Léa"</b>'
    log_request(desk, date(2026, 11, 23), name, via=OptOutVia.EMAIL)
    window = open_queue(qtbot, desk)
    assert cell(window, 0, M.REQUESTER) == name
    assert name in window.details.text()
    assert window.details.textFormat() == Qt.TextFormat.PlainText


def test_the_requester_s_phone_is_shown_in_the_staff_language_s_format(qtbot, qapp, desk):
    log_request(
        desk,
        date(2026, 11, 23),
        "Rose Pelletier",
        via=OptOutVia.EMAIL,
        requester_email="rose@exemple.ca",
        requester_phone="418-555-0123",
    )
    window = open_queue(qtbot, desk)
    assert cell(window, 0, M.REQUESTER) == "Rose Pelletier · (418) 555-0123"
    assert "(418) 555-0123" in window.details.text()
    try:
        install_translators(qapp, Language.FR)
        qtbot.waitUntil(lambda: "418 555-0123" in window.details.text())
        assert cell(window, 0, M.REQUESTER) == "Rose Pelletier · 418 555-0123"
    finally:
        install_translators(qapp, Language.EN)


def test_pages_are_fetched_as_the_list_is_scrolled(qtbot, desk):
    total = PAGE_SIZE * 2 + 7
    for n in range(total):
        log_request(desk, date(2026, 11, 2 + n % 20), f"Personne {n}")
    window = open_queue(qtbot, desk)
    model = window.model
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert not model.canFetchMore(QModelIndex())  # one page at a time
    desk.settle()
    assert model.rowCount() == PAGE_SIZE * 2
    window.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == total, timeout=5000)
    desk.settle()
    assert not model.canFetchMore(QModelIndex())
    assert len({model.row_of(i).record.id for i in range(total)}) == total
    assert window.windowTitle().startswith(f"Opt-out requests — {total} pending")


def test_match_then_process_withdraws_consent_and_leaves_the_queue(qtbot, desk):
    client = desk.new_client("Côté", "Zoé", phone="418 555-0123")
    desk.call(
        desk.services.consent.record,
        desk.actor,
        client.id,
        ConsentCapture(
            tuple(ConsentChange(p, c, True) for p in Purpose for c in Channel),
            Interaction.DESK,
            Language.FR,
        ),
    )
    request = log_request(desk, date(2026, 11, 20), "Zoé Côté", requester_email="zoe@exemple.ca")
    other = log_request(desk, date(2026, 11, 23), "Jean Tremblay")
    window = open_queue(qtbot, desk)
    assert window.select_request(request)
    assert not window.process_button.isEnabled()  # not matched yet

    window.match_button.click()
    dialog = window.findChild(ClientPickerDialog, "matchClientDialog")
    assert dialog is not None and dialog.isVisible()
    # The search starts from the name the requester gave.
    assert dialog.picker.field.text() == "Zoé Côté"
    desk.settle()
    assert [c.id for c in dialog.picker.results()] == [client.id]
    QTest.keyClick(dialog.picker.field, Qt.Key.Key_Return)
    assert dialog.chosen().id == client.id
    dialog.accept()
    desk.settle()
    assert "Matched to Côté, Zoé" in window.status.text()
    row = window.model.row_for_request(request)
    assert cell(window, row, M.CLIENT) == f"Côté, Zoé ({client.file_number})"
    assert window.selected_row().record.id == request
    assert window.process_button.isEnabled()

    window.confirmation_sent.setChecked(True)
    with qtbot.waitSignal(window.processed, timeout=5000) as processed:
        window.process_button.click()
        desk.settle()
    assert desk.boxes.calls[-1][0] == "question"
    assert "cannot be undone" in desk.boxes.calls[-1][2]
    done = processed.args[0]
    assert done.id == request and done.processed_at is not None
    assert done.confirmation_sent_at is not None
    assert window.status.text().startswith("Processed: consent withdrawn for Côté, Zoé")

    pending = desk.call(desk.services.optouts.pending, desk.actor)
    assert [r.id for r in pending] == [other]
    assert [window.model.row_of(i).record.id for i in range(window.model.rowCount())] == [other]
    assert window.windowTitle() == "Opt-out requests — 1 pending, 0 overdue"
    grid = desk.call(desk.services.consent.grid, desk.actor, client.id)
    for purpose in Purpose:
        for channel in Channel:
            assert grid.granted(purpose, channel) is (purpose == Purpose.APPOINTMENT_REMINDERS)
    event = grid.cells[(Purpose.NEWSLETTERS, Channel.EMAIL)].last_event
    assert event.method == ConsentMethod.POST
    assert event.opt_out_request_id == request


def test_answering_no_processes_nothing(qtbot, desk):
    client = desk.new_client()
    request = log_request(desk, date(2026, 11, 20), "Zoé Côté", client_id=client.id)
    window = open_queue(qtbot, desk)
    window.select_request(request)
    desk.boxes.answer = desk.boxes.answer.No
    window.process_button.click()
    desk.settle()
    assert [r.id for r in desk.call(desk.services.optouts.pending, desk.actor)] == [request]


def test_refresh_shows_requests_logged_meanwhile(qtbot, desk):
    window = open_queue(qtbot, desk)
    assert window.model.rowCount() == 0
    assert window.windowTitle() == "Opt-out requests — 0 pending, 0 overdue"
    log_request(desk, date(2026, 11, 23), "Jean Tremblay")
    activate(qtbot, window)
    QTest.keyClick(window.table, Qt.Key.Key_F5)
    desk.settle()
    assert window.model.rowCount() == 1
    assert window.windowTitle() == "Opt-out requests — 1 pending, 0 overdue"


def test_the_deadline_sentence_takes_its_number_from_the_domain(qtbot, desk):
    window = open_queue(qtbot, desk)
    texts = [label.text() for label in window.findChildren(QLabel)]
    sentence = f"within {MAX_OPT_OUT_DELAY_DAYS} Quebec business days of receipt"
    assert any(sentence in text and "OVERDUE in red" in text for text in texts), texts


def test_the_details_of_a_matched_overdue_request_are_whole_at_the_default_size_in_french(
    qtbot, switch, desk
):
    client = desk.new_client()
    request = log_request(
        desk,
        date(2026, 10, 1),
        "Sébastien Delisle",
        via=OptOutVia.EMAIL,
        requester_phone="581 573-8763",
        requester_email="sbastien.delisle414@example.org",
        purposes=frozenset(Purpose),
        client_id=client.id,
    )
    switch(Language.FR)
    window = open_queue(qtbot, desk)
    window.select_request(request)
    qtbot.wait(50)
    assert window.details.text().startswith("EN RETARD depuis")
    # Every line in sight: the details' pane neither cuts the last ones nor needs scrolling.
    assert not window.details_area.verticalScrollBar().isVisible()
    assert window.details_area.viewport().height() >= window.details.heightForWidth(window.details.width())
