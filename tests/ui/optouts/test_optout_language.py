"""Switching the staff language while the opt-out dialog or the queue is open: every word follows at
once, and nothing typed, chosen or selected is lost."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.domain.enums import PROMOTIONAL_PURPOSES, Channel, Language, OptOutVia, Purpose
from desktop.domain.records import OptOutDraft
from tests.ui import booking_fixtures
from tests.ui.booking_fixtures import Desk, type_text
from ui.kit.i18n import install_translators
from ui.optouts.optout_dialog import OptOutDialog
from ui.optouts.optout_queue import OptOutQueueWindow
from ui.optouts.queue_model import PendingOptOutModel

desk = booking_fixtures.desk


def switch(qtbot, qapp, language: Language, ready) -> None:
    install_translators(qapp, language)
    qtbot.waitUntil(ready)
    QApplication.processEvents()


def test_the_opt_out_dialog_follows_the_language_and_keeps_what_was_typed(qtbot, qapp, desk: Desk):
    dialog = OptOutDialog(desk.services, desk.actor, desk.runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.via_email.click()
    type_text(dialog.requester_name, "Zoé Côté")
    type_text(dialog.requester_email, "zoe@exemple.ca")
    dialog.preset_custom.click()
    dialog.purpose_boxes[Purpose.SURVEYS_CONTESTS_EVENTS].click()
    dialog.channel_boxes[Channel.SMS].click()
    purposes, channels = dialog.purposes(), dialog.channels()
    assert dialog.received_label.text() == "&Date the email arrived:"
    assert "Goes to the opt-out queue" in dialog.effect.text()
    try:
        switch(qtbot, qapp, Language.FR, lambda: dialog.windowTitle() == "Consigner une demande de retrait")
        assert dialog.received_label.text() == "&Date d'arrivée du courriel\u00a0:"
        assert dialog.scope_box.title() == "Communications à cesser"
        assert "Goes to the opt-out queue" not in dialog.effect.text()
        assert dialog.requester_name.text() == "Zoé Côté"
        assert dialog.requester_email.text() == "zoe@exemple.ca"
        assert dialog.received_via() == OptOutVia.EMAIL
        assert dialog.preset_custom.isChecked()
        assert (dialog.purposes(), dialog.channels()) == (purposes, channels)
    finally:
        install_translators(qapp, Language.EN)
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Log an opt-out request")
    assert dialog.received_label.text() == "&Date the email arrived:"
    assert "Goes to the opt-out queue" in dialog.effect.text()
    assert dialog.requester_name.text() == "Zoé Côté"


def test_a_problem_shown_is_said_again_in_the_new_language(qtbot, qapp, desk: Desk):
    dialog = OptOutDialog(desk.services, desk.actor, desk.runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.save_button.click()
    english = dialog.banner_text()
    assert english == "The request was not saved."
    try:
        switch(qtbot, qapp, Language.FR, lambda: dialog.banner_text() != english)
        assert dialog.banner_text() and dialog.via_error.isVisible()
        assert dialog.via_error.text() != "Choose how the request was received."
    finally:
        install_translators(qapp, Language.EN)
    qtbot.waitUntil(lambda: dialog.banner_text() == english)


def test_the_queue_follows_the_language_and_keeps_the_selection(qtbot, qapp, desk: Desk):
    for name in ("Marie-Ève Gagnon", "Luc Bouchard"):
        draft = OptOutDraft(OptOutVia.POST, date(2026, 11, 20), name, purposes=PROMOTIONAL_PURPOSES)
        desk.call(desk.services.optouts.log, desk.actor, draft)
    window = OptOutQueueWindow(desk.services, desk.actor, desk.runner)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    desk.settle()
    window.table.selectRow(1)
    selected = window.selected_row()
    assert selected is not None
    header = lambda: window.model.headerData(  # noqa: E731
        PendingOptOutModel.VIA, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole
    )
    assert header() == "Received via"
    assert window.windowTitle() == "Opt-out requests — 2 pending, 0 overdue"
    try:
        switch(
            qtbot,
            qapp,
            Language.FR,
            lambda: window.windowTitle() != "Opt-out requests — 2 pending, 0 overdue",
        )
        assert window.windowTitle() == "Demandes de retrait — 2 en attente, 0 en retard"
        assert header() != "Received via"
        assert "Requester, as given:" not in window.details.text()
        assert window.selected_row() == selected
    finally:
        install_translators(qapp, Language.EN)
    qtbot.waitUntil(lambda: header() == "Received via")
    assert window.selected_row() == selected
    assert window.details.text().startswith("Requester, as given:")
