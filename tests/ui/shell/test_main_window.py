"""The main window with real services: search as you type, keyboard navigation, opening a file, new
client (inline errors, duplicates), lazy result pages, shortcuts, remembered layout."""

from __future__ import annotations

import sys
import types
from datetime import date

import pytest
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget

from desktop.domain.enums import Channel, OptOutVia, Purpose
from desktop.domain.records import OptOutDraft
from tests.conftest import STAFF, TEST_PASSWORD, WORKSTATION
from tests.ui.conftest import (
    TIMEOUT_MS,
    create_client,
    off_gui,
    settle,
    type_text,
    wait_idle,
)
from ui.client_file.new_client_dialog import NewClientDialog
from ui.shell.main_window import SEARCH_PAGE


def result_names(window) -> list[str]:
    model = window.search_panel.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def search(qtbot, window, text: str, *, ascii_keys: bool = True) -> list[str]:
    field = window.search_panel.field
    field.clear()
    if ascii_keys:
        qtbot.keyClicks(field, text)
    else:
        type_text(field, text)
    settle(qtbot, window)
    return result_names(window)


# ---------------------------------------------------------------- searching (SQLite and PostgreSQL)


@pytest.fixture
def desk_on_both(services):
    """The receptionist on the parametrised services (SQLite file and PostgreSQL server)."""
    return off_gui(lambda: services.staff.authenticate("accueil", TEST_PASSWORD, WORKSTATION))


def test_search_ignores_accents_and_case(qtbot, make_window, services, desk_on_both):
    create_client(services, desk_on_both, "Côté", "Zoé", born=date(1998, 10, 11))
    create_client(services, desk_on_both, "Tremblay", "Marie")
    window = make_window(services, desk_on_both)

    assert search(qtbot, window, "cote") == ["Côté, Zoé"]
    assert search(qtbot, window, "Côté", ascii_keys=False) == ["Côté, Zoé"]
    assert search(qtbot, window, "ZOE COTE") == ["Côté, Zoé"]
    assert search(qtbot, window, "zo") == ["Côté, Zoé"]
    assert search(qtbot, window, "1998-10-11") == ["Côté, Zoé"]
    assert "1 client found" in window.search_panel.state.text()


def test_search_finds_a_phone_number_typed_in_another_format(qtbot, make_window, services, desk_on_both):
    record = create_client(services, desk_on_both, "Gagnon", "Luc", phone="418 555-0123")
    window = make_window(services, desk_on_both)

    assert search(qtbot, window, "(418) 555-0123") == ["Gagnon, Luc"]
    assert search(qtbot, window, "4185550123") == ["Gagnon, Luc"]
    assert search(qtbot, window, record.file_number) == ["Gagnon, Luc"]
    phone_column = window.search_panel.model.index(0, 2).data()
    assert "555-0123" in phone_column


# ---------------------------------------------------------------- keyboard


def test_search_field_has_the_focus_and_ctrl_f_returns_to_it(qtbot, window):
    field = window.search_panel.field
    qtbot.waitUntil(field.hasFocus, timeout=TIMEOUT_MS)
    qtbot.keyClicks(field, "tremblay")
    window.client_file.tabs.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert field.hasFocus()
    assert field.selectedText() == "tremblay"


def test_arrow_keys_and_enter_open_the_file_with_its_badges(qtbot, window, gui_services, desk):
    create_client(gui_services, desk, "Bouchard", "Anne")
    wanted = create_client(gui_services, desk, "Bouchard", "Benoît", born=date(1975, 1, 2))
    create_client(gui_services, desk, "Bouchard", "Claire")
    assert search(qtbot, window, "bouchard") == ["Bouchard, Anne", "Bouchard, Benoît", "Bouchard, Claire"]
    field = window.search_panel.field

    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.client_file.client is None  # several results, none chosen: nothing opens
    qtbot.keyClick(field, Qt.Key.Key_Down)
    qtbot.keyClick(field, Qt.Key.Key_Down)
    qtbot.keyClick(field, Qt.Key.Key_Down)
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert field.hasFocus()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.client_file.client is not None, timeout=TIMEOUT_MS)
    settle(qtbot, window)

    header = window.client_file.header
    assert window.client_file.client.id == wanted.id
    assert header.name_label.text() == "Benoît BOUCHARD"
    assert wanted.file_number in header.facts_label.text()
    assert "born 1975-01-02" in header.facts_label.accessibleName()
    assert header.badge_texts() == ["⚠ Privacy policy acknowledgment missing"]
    assert header.badges[0].property("tone") == "warning"
    assert wanted.file_number in window.statusBar().currentMessage()


def test_enter_typed_before_the_results_arrive_opens_the_only_match(qtbot, window, gui_services, desk):
    only = create_client(gui_services, desk, "Lévesque", "Théo")
    field = window.search_panel.field
    qtbot.keyClicks(field, "levesque")
    qtbot.keyClick(field, Qt.Key.Key_Return)  # within the debounce delay
    qtbot.waitUntil(lambda: window.client_file.client is not None, timeout=TIMEOUT_MS)
    assert window.client_file.client.id == only.id


def test_escape_clears_the_search(qtbot, window):
    field = window.search_panel.field
    qtbot.keyClicks(field, "abc")
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert field.text() == ""
    settle(qtbot, window)
    assert window.search_panel.model.rowCount() == 0


# ---------------------------------------------------------------- long result lists


@pytest.fixture
def many_clients(gui_services, desk):
    def work():
        for index in range(120):
            gui_services.clients.create(
                desk,
                draft_for(index),
                confirm_duplicate=True,
            )

    off_gui(work)


def draft_for(index: int):
    from tests.ui.conftest import draft

    return draft(
        "Lachance", f"Prénom{index:03d}", born=date(1950 + index % 50, 1 + index % 12, 1 + index % 28)
    )


def test_results_are_fetched_a_page_at_a_time_while_scrolling(qtbot, many_clients, window):
    search(qtbot, window, "lachance")
    model = window.search_panel.model
    assert model.rowCount() == SEARCH_PAGE
    assert model.has_more
    assert "More than 50" in window.search_panel.state.text()

    table = window.search_panel.table
    table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == 2 * SEARCH_PAGE, timeout=TIMEOUT_MS)
    settle(qtbot, window)
    table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == 120, timeout=TIMEOUT_MS)
    settle(qtbot, window)
    assert not model.has_more
    names = result_names(window)
    assert names == sorted(names) and len(set(names)) == 120


def test_arrow_keys_past_the_last_loaded_row_load_the_next_page(qtbot, many_clients, window):
    search(qtbot, window, "lachance")
    field = window.search_panel.field
    for _ in range(6):
        qtbot.keyClick(field, Qt.Key.Key_PageDown)
    settle(qtbot, window)
    assert window.search_panel.model.rowCount() > SEARCH_PAGE


def test_a_new_search_drops_the_pages_of_the_previous_one(qtbot, many_clients, window, gui_services, desk):
    create_client(gui_services, desk, "Zyx", "Unique")
    field = window.search_panel.field
    qtbot.keyClicks(field, "lachance")
    settle(qtbot, window)
    window.search_panel.table.scrollToBottom()  # asks for page 2 ...
    field.clear()
    qtbot.keyClicks(field, "zyx")  # ... which must never land in these results
    settle(qtbot, window)
    assert result_names(window) == ["Zyx, Unique"]


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
    assert "YYYY-MM-DD" in errors.message("date_of_birth")
    assert errors.message("last_name") == ""
    assert dialog.form.email.property("invalid") is True
    assert dialog.form.last_name.text() == "Côté"
    assert dialog.form.first_name.text() == "Éloïse"
    assert dialog.form.city.text() == "Québec"
    assert dialog.form.email.text() == "eloise@"
    assert dialog.isVisible()

    fill(qtbot, dialog, date_of_birth="1990-02-28", email="eloise@example.com", phone="(418) 555-0199")
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
    booked = Signal(object)
    created: list[FakeBookingDialog] = []

    def __init__(self, services, actor, runner, client, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client = client
        FakeBookingDialog.created.append(self)


def test_booking_opens_the_booking_dialog_and_refreshes_the_file(
    qtbot, monkeypatch, window, gui_services, desk
):
    client = create_client(gui_services, desk, "Pelletier", "Rose")
    module = types.ModuleType("ui.booking.booking_dialog")
    module.BookingDialog = FakeBookingDialog
    monkeypatch.setitem(sys.modules, "ui.booking.booking_dialog", module)
    FakeBookingDialog.created.clear()

    assert not window.book_action.isEnabled()
    window.open_client(client.id)
    qtbot.waitUntil(lambda: window.client_file.client is not None, timeout=TIMEOUT_MS)
    settle(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert len(FakeBookingDialog.created) == 1
    booking = FakeBookingDialog.created[0]
    assert booking.client.id == client.id

    refreshed: list[bool] = []
    monkeypatch.setattr(window.client_file, "refresh", lambda: refreshed.append(True))
    booking.booked.emit(object())
    assert refreshed == [True]
    assert "Appointment booked" in window.statusBar().currentMessage()
    booking.close()


def test_a_window_missing_from_this_version_gives_a_status_message(qtbot, monkeypatch, window):
    monkeypatch.setitem(sys.modules, "ui.optouts.optout_queue", None)  # import fails
    window.open_opt_out_queue()
    assert "not available" in window.statusBar().currentMessage()


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

    refreshed: list[bool] = []
    monkeypatch.setattr(window.client_file, "refresh", lambda: refreshed.append(True))
    dialog.logged.emit(object())
    settle(qtbot, window)
    assert refreshed == [True]
    assert "Opt-out request logged" in window.statusBar().currentMessage()
    dialog.close()


def test_the_opt_out_queue_opens_once_and_its_processing_refreshes_the_file(qtbot, monkeypatch, window):
    optout_queue = pytest.importorskip("ui.optouts.optout_queue")
    qtbot.keyClick(
        window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    queue = window._dialogs.get("queue")
    assert isinstance(queue, optout_queue.OptOutQueueWindow)
    window.counts_button.click()
    assert window._dialogs.get("queue") is queue
    settle(qtbot, window)

    refreshed: list[bool] = []
    monkeypatch.setattr(window.client_file, "refresh", lambda: refreshed.append(True))
    queue.processed.emit(object())
    settle(qtbot, window)
    assert refreshed == [True]
    queue.close()


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
