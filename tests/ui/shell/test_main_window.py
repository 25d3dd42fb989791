"""The main window with real services: the search field's focus, new client (inline errors,
duplicates), the other windows it opens, the status bar, shortcuts, remembered layout. The search
itself is tested in ``tests/ui/kit/test_client_search.py``."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget

from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.enums import Channel, OptOutVia, Purpose
from desktop.domain.records import OptOutDraft
from tests.conftest import STAFF
from tests.ui.conftest import (
    TIMEOUT_MS,
    create_client,
    off_gui,
    settle,
    type_text,
    wait_idle,
)
from ui.client_file.new_client_dialog import NewClientDialog
from ui.shell import session_windows


def result_names(window) -> list[str]:
    model = window.search_panel.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


# ---------------------------------------------------------------- keyboard


def test_search_field_has_the_focus_and_ctrl_f_returns_to_it(qtbot, window):
    field = window.search_panel.field
    qtbot.waitUntil(field.hasFocus, timeout=TIMEOUT_MS)
    qtbot.keyClicks(field, "tremblay")
    window.client_file.tabs.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert field.hasFocus()
    assert field.selectedText() == "tremblay"


# ---------------------------------------------------------------- new client


def new_client_dialog(qtbot, window) -> NewClientDialog:
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window._dialogs.get("new-client")
    assert isinstance(dialog, NewClientDialog)
    qtbot.waitExposed(dialog)
    return dialog


def fill(qtbot, dialog: NewClientDialog, **values: str) -> None:
    for name, value in values.items():
        editor = dialog.form.editor(name)
        editor.clear()
        type_text(editor, value)


def test_new_client_shows_inline_errors_keeps_the_typing_then_saves(qtbot, window, gui_services, desk):
    dialog = new_client_dialog(qtbot, window)
    fill(
        qtbot,
        dialog,
        last_name="Côté",
        first_name="Éloïse",
        date_of_birth="1990-02-30",
        email="eloise@",
        phone="123",
        city="Québec",
    )
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window.runner)

    errors = dialog.form.errors
    assert "email" in errors.message("email").lower()
    assert "phone" in errors.message("phone").lower()
    assert errors.message("date_of_birth") == "There is no such day: 1990-02-30."
    assert errors.message("last_name") == ""
    assert dialog.form.email.property("invalid") is True
    assert dialog.form.last_name.text() == "Côté"
    assert dialog.form.first_name.text() == "Éloïse"
    assert dialog.form.city.text() == "Québec"
    assert dialog.form.email.text() == "eloise@"
    assert dialog.isVisible()

    fill(qtbot, dialog, date_of_birth="1990-02-28", email="eloise@example.com", phone="(418) 555-0199")
    # Each problem went as its field was corrected, before saving again.
    assert [errors.message(name) for name in ("date_of_birth", "email", "phone")] == ["", "", ""]
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.client_file.client is not None, timeout=TIMEOUT_MS)
    settle(qtbot, window)
    created = window.client_file.client
    assert (created.last_name, created.first_name, created.phone) == ("Côté", "Éloïse", "+14185550199")
    assert window.client_file.header.name_label.text() == "Éloïse CÔTÉ"
    assert result_names(window) == ["Côté, Éloïse"]


def test_possible_duplicate_offers_to_open_the_existing_file(qtbot, window, gui_services, desk):
    existing = create_client(gui_services, desk, "Roy", "Julie", born=date(1985, 3, 4))
    dialog = new_client_dialog(qtbot, window)
    fill(qtbot, dialog, last_name="ROY", first_name="julie", date_of_birth="1985-03-04")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window.runner)

    panel = dialog.duplicate_panel
    assert panel.isVisible()
    assert existing.file_number in panel.message.text()
    assert len(panel.open_buttons) == 1
    qtbot.mouseClick(panel.open_buttons[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.client_file.client is not None, timeout=TIMEOUT_MS)
    assert window.client_file.client.id == existing.id
    count = off_gui(lambda: len(gui_services.clients.search(desk, "roy julie")))
    assert count == 1


def test_possible_duplicate_can_be_created_anyway(qtbot, window, gui_services, desk):
    existing = create_client(gui_services, desk, "Roy", "Julie", born=date(1985, 3, 4))
    dialog = new_client_dialog(qtbot, window)
    fill(qtbot, dialog, last_name="Roy", first_name="Julie", date_of_birth="1985-03-04")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window.runner)
    assert dialog.duplicate_panel.isVisible()

    qtbot.mouseClick(dialog.duplicate_panel.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.client_file.client is not None, timeout=TIMEOUT_MS)
    assert window.client_file.client.id != existing.id
    count = off_gui(lambda: len(gui_services.clients.search(desk, "roy julie")))
    assert count == 2


# ---------------------------------------------------------------- other windows, status bar


class FakeBookingDialog(QDialog):
    """Books nothing; says it booked, and publishes the change, as the real dialog does."""

    booked = Signal(object)
    created: list[FakeBookingDialog] = []

    def __init__(self, services, actor, runner, client, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self.runner = runner
        FakeBookingDialog.created.append(self)

    def pretend_booked(self) -> None:
        change = DataChange.of(ChangeSubject.APPOINTMENTS, ChangeSubject.CONSENT, client_id=self.client.id)
        self.runner.changes.publish(change, self)
        self.booked.emit(object())


def spy(monkeypatch, target, name: str) -> list[bool]:
    calls: list[bool] = []
    monkeypatch.setattr(target, name, lambda *args, **kwargs: calls.append(True))
    return calls


def test_booking_opens_the_booking_dialog_and_the_file_follows_what_it_saved(
    qtbot, monkeypatch, window, gui_services, desk
):
    client = create_client(gui_services, desk, "Pelletier", "Rose")
    monkeypatch.setattr(session_windows, "BookingDialog", FakeBookingDialog)
    FakeBookingDialog.created.clear()

    assert not window.book_action.isEnabled()
    window.open_client(client.id)
    qtbot.waitUntil(lambda: window.client_file.client is not None, timeout=TIMEOUT_MS)
    settle(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert len(FakeBookingDialog.created) == 1
    booking = FakeBookingDialog.created[0]
    assert booking.client.id == client.id

    refreshed_by_hand = spy(monkeypatch, window.client_file, "refresh")
    refreshed = spy(monkeypatch, window.client_file.appointments_tab, "reload")
    booking.pretend_booked()
    assert refreshed == [True]
    assert refreshed_by_hand == []  # the file follows the change; no window refreshes it
    assert "Appointment booked" in window.statusBar().currentMessage()
    booking.close()


def test_f5_announces_that_anything_may_have_changed(qtbot, window):
    announced: list[tuple[DataChange, object]] = []
    window.runner.changes.changed.connect(lambda change, source: announced.append((change, source)))
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert announced == [(DataChange.of(*ChangeSubject), window)]
    assert announced[0][0].concerns(12345, ChangeSubject.CONSENT)  # every client, every subject


def test_opt_out_counts_follow_opt_out_changes(qtbot, window, gui_services, desk):
    qtbot.waitUntil(lambda: "none pending" in window.counts_button.text(), timeout=TIMEOUT_MS)
    request = OptOutDraft(
        received_via=OptOutVia.EMAIL,
        received_on=date(2026, 10, 1),
        requester_name="Paul Martin",
        purposes=frozenset({Purpose.NEWSLETTERS}),
        channels=frozenset({Channel.EMAIL}),
    )
    off_gui(lambda: gui_services.optouts.log(desk, request))
    window.runner.changes.publish(DataChange.of(ChangeSubject.CONSENT))
    settle(qtbot, window)
    assert "none pending" in window.counts_button.text()  # not an opt-out change: not asked again
    window.runner.changes.publish(DataChange.of(ChangeSubject.OPT_OUTS))
    qtbot.waitUntil(lambda: "1 pending" in window.counts_button.text(), timeout=TIMEOUT_MS)
    window.lock()
    window.runner.changes.publish(DataChange.of(ChangeSubject.OPT_OUTS))
    assert window.runner.pending_count() == 0  # a locked window asks for nothing


def test_opt_out_counts_in_the_status_bar(qtbot, make_window, gui_services, desk):
    request = OptOutDraft(
        received_via=OptOutVia.EMAIL,
        received_on=date(2026, 10, 1),
        requester_name="Paul Martin",
        purposes=frozenset({Purpose.NEWSLETTERS}),
        channels=frozenset({Channel.EMAIL}),
    )
    off_gui(lambda: gui_services.optouts.log(desk, request))
    window = make_window(gui_services, desk)
    text = window.counts_button.text()
    assert "1 pending" in text and "1 OVERDUE" in text
    assert window.counts_button.property("tone") == "danger"


def test_help_lists_every_shortcut(qtbot, window):
    window.show_shortcuts()
    dialog = window._dialogs["shortcuts"]
    keys = [keys for keys, _what in dialog.rows]
    for shortcut in ("Ctrl+F", "Ctrl+N", "Ctrl+B", "Ctrl+O", "F1"):
        assert shortcut in keys
    dialog.close()


def test_splitter_and_geometry_are_remembered(qtbot, make_window, gui_services, desk, settings):
    # Within the offscreen test screen (800 × 600): a restored window never exceeds the screen.
    first = make_window(gui_services, desk)
    first.resize(760, 540)
    qtbot.waitUntil(lambda: first.width() == 760, timeout=TIMEOUT_MS)
    first.splitter.setSizes([250, 490])
    sizes = first.splitter.sizes()
    first.close()

    second = make_window(gui_services, desk, settings=settings)
    assert second.size().width() == 760
    assert second.splitter.sizes() == sizes


def test_switch_user_locks_the_window_for_the_next_sign_in(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.is_locked
    assert window.isVisible()
    assert window.pages.currentWidget() is window.lock_screen
    assert window.lock_screen.username.text() == "accueil"


def test_demo_mode_says_so_in_the_title(qtbot, make_window, gui_services, desk):
    window = make_window(gui_services, desk, demo=True)
    assert window.windowTitle().startswith("DEMO")
    assert STAFF["accueil"][0] in window.windowTitle()


def test_ctrl_o_opens_the_opt_out_dialog_for_the_open_client(qtbot, monkeypatch, window, gui_services, desk):
    optout_dialog = pytest.importorskip("ui.optouts.optout_dialog")
    client = create_client(gui_services, desk, "Fortin", "Hélène")
    window.open_client(client.id)
    qtbot.waitUntil(lambda: window.client_file.client is not None, timeout=TIMEOUT_MS)
    settle(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    dialog = window._dialogs.get("opt-out")
    assert isinstance(dialog, optout_dialog.OptOutDialog)

    refreshed_by_hand = spy(monkeypatch, window.client_file, "refresh")
    refreshed = spy(monkeypatch, window.client_file.optouts_tab, "reload")
    counted = spy(monkeypatch, window.counts_button, "refresh")
    # What the dialog does once the request is saved: publish it, then say it was logged.
    window.runner.changes.publish(DataChange.of(ChangeSubject.OPT_OUTS, client_id=client.id), dialog)
    dialog.logged.emit(object())
    settle(qtbot, window)
    assert refreshed == [True] and counted == [True]
    assert refreshed_by_hand == []
    assert "Opt-out request logged" in window.statusBar().currentMessage()
    dialog.close()


def test_the_opt_out_queue_opens_once_and_its_processing_updates_the_counts(qtbot, monkeypatch, window):
    optout_queue = pytest.importorskip("ui.optouts.optout_queue")
    qtbot.keyClick(
        window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    queue = window._dialogs.get("queue")
    assert isinstance(queue, optout_queue.OptOutQueueWindow)
    window.counts_button.click()
    assert window._dialogs.get("queue") is queue
    settle(qtbot, window)

    refreshed_by_hand = spy(monkeypatch, window.client_file, "refresh")
    refreshed = spy(monkeypatch, window.counts_button, "refresh")
    # What the queue does once a request is processed: publish it.
    window.runner.changes.publish(DataChange.of(ChangeSubject.OPT_OUTS, ChangeSubject.CONSENT), queue)
    queue.processed.emit(object())
    settle(qtbot, window)
    assert refreshed == [True]
    assert refreshed_by_hand == []
    queue.close()
    settle(qtbot, window)
    assert refreshed == [True]  # closing the queue asks for nothing more


def test_ctrl_b_opens_the_booking_dialog_for_the_open_client(qtbot, window, gui_services, desk):
    booking_dialog = pytest.importorskip("ui.booking.booking_dialog")
    client = create_client(gui_services, desk, "Gauthier", "Noël")
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert (
        "Open a client file first" in window.statusBar().currentMessage()
        or not window.book_action.isEnabled()
    )
    window.open_client(client.id)
    qtbot.waitUntil(lambda: window.client_file.client is not None, timeout=TIMEOUT_MS)
    settle(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    dialog = window._dialogs.get("booking")
    assert isinstance(dialog, booking_dialog.BookingDialog)
    assert "Noël Gauthier" in dialog.windowTitle()
    settle(qtbot, window)
    dialog.reject()
