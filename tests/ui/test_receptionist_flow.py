"""The receptionist's day in one pass, through the real window: search, open, book with consent signed
on the pad, and the consent grid of the open file shows the new state."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.domain.enums import Channel, Purpose
from tests.ui.booking_fixtures import draw_signature, type_text
from tests.ui.conftest import TIMEOUT_MS, create_client, settle
from ui.booking.booking_dialog import PAGE_SIGNATURE, BookingDialog


def grid_text(window, purpose: Purpose, channel: Channel) -> str:
    model = window.client_file.consents_tab.grid_model
    row = list(Purpose).index(purpose)
    column = list(Channel).index(channel) + 1
    return str(model.data(model.index(row, column)))


def test_search_open_book_with_signature_and_see_the_consent_grid(qtbot, window, gui_services, desk):
    client = create_client(gui_services, desk, "Côté", "Zoé")
    create_client(gui_services, desk, "Cotnoir", "Marc")

    # Typed with its accent, found among similar names, opened from the keyboard.
    field = window.search_panel.field
    type_text(field, "Côté z")
    settle(qtbot, window)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.client_file.client is not None, timeout=TIMEOUT_MS)
    settle(qtbot, window)
    assert window.client_file.client.id == client.id
    assert "Granted" not in grid_text(window, Purpose.NEWSLETTERS, Channel.EMAIL)

    # Ctrl+B: the booking dialog for the open client.
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    dialog = window._dialogs.get("booking")
    assert isinstance(dialog, BookingDialog)
    qtbot.waitUntil(lambda: dialog.consent_step.is_loaded, timeout=TIMEOUT_MS)
    dialog.appointment_page.via_desk.setChecked(True)
    dialog.next_button.click()
    step = dialog.consent_step
    step.checkbox(Purpose.NEWSLETTERS, Channel.EMAIL).click()
    step.checkbox(Purpose.APPOINTMENT_REMINDERS, Channel.SMS).click()
    dialog.next_button.click()
    assert dialog.current_page() == PAGE_SIGNATURE
    draw_signature(dialog.signature_step.pad)
    with qtbot.waitSignal(dialog.booked, timeout=TIMEOUT_MS):
        dialog.save_button.click()
    settle(qtbot, window)

    # The open file now shows the consents just given, signed at the desk, and the signed policy.
    qtbot.waitUntil(
        lambda: "Granted" in grid_text(window, Purpose.NEWSLETTERS, Channel.EMAIL), timeout=TIMEOUT_MS
    )
    assert "signed at the desk" in grid_text(window, Purpose.NEWSLETTERS, Channel.EMAIL)
    assert "Granted" in grid_text(window, Purpose.APPOINTMENT_REMINDERS, Channel.SMS)
    assert "Granted" not in grid_text(window, Purpose.NEWSLETTERS, Channel.SMS)
    qtbot.waitUntil(
        lambda: any("acknowledged" in text for text in window.client_file.header.badge_texts()),
        timeout=TIMEOUT_MS,
    )
