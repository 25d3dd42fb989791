"""The client file with real services: the header's badges, saving details (inline errors, another
workstation's change), the consent grid and its history, the list tabs."""

from __future__ import annotations

import stat
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import Qt

from desktop.domain.enums import (
    AppointmentKind,
    AppointmentMode,
    BookedVia,
    Channel,
    Interaction,
    Language,
    OptOutVia,
    Purpose,
    SignerCapacity,
)
from desktop.domain.records import (
    AppointmentDraft,
    ConsentCapture,
    ConsentChange,
    OptOutDraft,
    Representative,
)
from tests.ui.conftest import TIMEOUT_MS, create_client, off_gui, settle, sign_in, type_text, wait_idle
from ui.client_file.conflict_dialog import ConflictDialog
from ui.kit.models import RECORD_ROLE


def open_file(qtbot, window, client_id: int) -> None:
    window.open_client(client_id)
    qtbot.waitUntil(
        lambda: window.client_file.client is not None and window.client_file.client.id == client_id,
        timeout=TIMEOUT_MS,
    )
    settle(qtbot, window)


def grant(services, actor, client_id: int, cells, granted: bool = True, declined: bool = False) -> None:
    capture = ConsentCapture(
        tuple(ConsentChange(purpose, channel, granted, declined=declined) for purpose, channel in cells),
        Interaction.PHONE,
        Language.FR,
    )
    off_gui(lambda: services.consent.record(actor, client_id, capture))


@pytest.fixture
def client(gui_services, desk):
    return create_client(
        gui_services, desk, "Côté", "Zoé", born=date(1998, 10, 11), city="Québec", phone="418 555-0123"
    )


# ---------------------------------------------------------------- header


def test_header_names_the_client_unmistakably(qtbot, window, client):
    open_file(qtbot, window, client.id)
    header = window.client_file.header
    assert header.name_label.text() == "Zoé CÔTÉ"
    facts = header.facts_label.accessibleName()
    assert "Age 28, born 1998-10-11" in facts
    assert f"file number {client.file_number}" in facts
    assert "language French" in facts and "(418) 555-0123" in facts
    assert "Age&nbsp;<b>28</b>" in header.facts_label.text()  # never split across two lines
    assert header.name_label.font().pointSizeF() > window.font().pointSizeF() * 1.5


def test_opting_out_shows_in_the_badges_with_words_and_symbols(qtbot, window, gui_services, desk, client):
    grant(gui_services, desk, client.id, [(Purpose.NEWSLETTERS, Channel.EMAIL)])
    request = OptOutDraft(
        received_via=OptOutVia.PHONE,
        received_on=date(2026, 11, 24),
        requester_name="Zoé Côté",
        purposes=frozenset(set(Purpose) - {Purpose.APPOINTMENT_REMINDERS}),
        client_id=client.id,
    )
    off_gui(lambda: gui_services.optouts.log(desk, request))
    pending = OptOutDraft(
        received_via=OptOutVia.POST,
        received_on=date(2026, 11, 23),
        requester_name="Zoé Côté",
        purposes=frozenset({Purpose.FEEDBACK}),
        client_id=client.id,
    )
    off_gui(lambda: gui_services.optouts.log(desk, pending))
    open_file(qtbot, window, client.id)

    texts = window.client_file.header.badge_texts()
    assert "✖ Opted out of promotions" in texts
    assert "⚠ 1 pending opt-out request" in texts
    tones = [label.property("tone") for label in window.client_file.header.badges]
    assert "danger" in tones and "warning" in tones

    tab = window.client_file.optouts_tab
    assert tab.model.rowCount() == 2
    statuses = {tab.model.index(row, 2).data() for row in range(2)}
    assert any(s.startswith("✔ Processed") for s in statuses)
    assert any(s.startswith("⚠ Pending, due") for s in statuses)
    title = window.client_file.tabs.tabText(window.client_file.tabs.indexOf(tab))
    assert title.endswith("(2)")


def test_refresh_after_a_change_elsewhere_updates_the_badges(qtbot, window, gui_services, desk, client):
    open_file(qtbot, window, client.id)
    assert not any("Opted out" in text for text in window.client_file.header.badge_texts())
    grant(gui_services, desk, client.id, [(Purpose.NEWSLETTERS, Channel.EMAIL)])
    grant(gui_services, desk, client.id, [(Purpose.NEWSLETTERS, Channel.EMAIL)], granted=False)
    window.refresh()
    settle(qtbot, window)
    assert "✖ Opted out of promotions" in window.client_file.header.badge_texts()


# ---------------------------------------------------------------- details


def details(window):
    window.client_file.select_tab("details")
    return window.client_file.details_tab


def test_saving_details_with_a_mistake_shows_it_inline_and_keeps_the_typing(qtbot, window, client):
    open_file(qtbot, window, client.id)
    tab = details(window)
    form = tab.form
    form.city.clear()
    type_text(form.city, "Lévis")
    form.email.clear()
    type_text(form.email, "zoé@@exemple")
    assert tab.save_button.isEnabled()
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window.runner)

    assert "email" in form.errors.message("email").lower()
    assert form.email.text() == "zoé@@exemple"
    assert form.city.text() == "Lévis"
    assert tab.has_unsaved_changes()
    assert form.email.hasFocus()

    form.email.clear()
    type_text(form.email, "zoe@example.com")
    qtbot.keyClick(form.email, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not tab.has_unsaved_changes(), timeout=TIMEOUT_MS)
    settle(qtbot, window)
    assert form.errors.message("email") == ""
    assert not tab.has_unsaved_changes()
    saved = window.client_file.client
    assert (saved.city, saved.email, saved.version) == ("Lévis", "zoe@example.com", 2)
    assert "✔ Saved" in tab.result_label.text()


def test_a_phone_extension_is_shown_kept_and_changed_from_the_phone_field(qtbot, window, gui_services, desk):
    client = create_client(gui_services, desk, "Poste", "Paul", phone="418 555-0123 poste 12")
    assert (client.phone, client.phone_extension) == ("+14185550123", "12")
    open_file(qtbot, window, client.id)
    assert "(418)&nbsp;555-0123&nbsp;ext.&nbsp;12" in window.client_file.header.facts_label.text()
    tab = details(window)
    form = tab.form
    assert form.phone.text() == "(418) 555-0123 ext. 12"
    form.phone.clear()
    type_text(form.phone, "418 555-0123 x 345")
    qtbot.keyClick(form.phone, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not tab.has_unsaved_changes(), timeout=TIMEOUT_MS)
    settle(qtbot, window)
    saved = window.client_file.client
    assert (saved.phone, saved.phone_extension, saved.version) == ("+14185550123", "345", 2)
    assert form.phone.text() == "(418) 555-0123 ext. 345"


def change_elsewhere(gui_services, client, **changes):
    """Another receptionist, on another workstation, saves the same file."""
    other = sign_in(gui_services, "gestion")
    return off_gui(
        lambda: gui_services.clients.update(
            other, client.id, client.version, replace(client.as_draft(), **changes)
        )
    )


def start_stale_save(qtbot, window, gui_services, client):
    open_file(qtbot, window, client.id)
    tab = details(window)
    tab.form.city.clear()
    type_text(tab.form.city, "Rimouski")
    tab.form.street.clear()
    type_text(tab.form.street, "12 rue de l'Évêché")
    change_elsewhere(gui_services, client, city="Saguenay", phone="819 555-0144")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.conflict_dialog is not None, timeout=TIMEOUT_MS)
    dialog = tab.conflict_dialog
    assert isinstance(dialog, ConflictDialog)
    return tab, dialog


def test_a_stale_save_shows_both_versions_and_keeps_the_typing(qtbot, window, gui_services, client):
    tab, dialog = start_stale_save(qtbot, window, gui_services, client)

    assert "Marc-André O'Brien" in dialog.findChild(type(tab.result_label), "conflictMessage").text()
    assert set(dialog.differences) == {"city", "street", "phones"}
    assert dialog.mine.city == "Rimouski"
    assert dialog.stored.city == "Saguenay"
    assert tab.form.city.text() == "Rimouski"  # nothing typed is lost while the person decides

    qtbot.mouseClick(dialog.keep_editing_button, Qt.MouseButton.LeftButton)
    assert tab.form.city.text() == "Rimouski"
    assert tab.has_unsaved_changes()


def test_keeping_my_version_saves_it_over_the_newer_one(qtbot, window, gui_services, desk, client):
    tab, dialog = start_stale_save(qtbot, window, gui_services, client)
    qtbot.mouseClick(dialog.keep_mine_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.has_unsaved_changes(), timeout=TIMEOUT_MS)
    settle(qtbot, window)
    stored = off_gui(lambda: gui_services.clients.open(desk, client.id))
    assert (stored.city, stored.street, stored.version) == ("Rimouski", "12 rue de l'Évêché", 3)
    assert tab.form.city.text() == "Rimouski"


def test_taking_the_stored_version_shows_it(qtbot, window, gui_services, client):
    tab, dialog = start_stale_save(qtbot, window, gui_services, client)
    qtbot.mouseClick(dialog.take_stored_button, Qt.MouseButton.LeftButton)
    assert tab.form.city.text() == "Saguenay"
    assert "555-0144" in tab.form.phone.text()
    assert not tab.has_unsaved_changes()
    assert window.client_file.client.version == 2


def test_opening_another_file_with_unsaved_changes_asks_first(
    qtbot, window, gui_services, desk, client, message_boxes
):
    other = create_client(gui_services, desk, "Autre", "Personne")
    open_file(qtbot, window, client.id)
    type_text(details(window).form.city, "x")
    open_file(qtbot, window, other.id)
    assert message_boxes and message_boxes[-1][0] == "question"


# ---------------------------------------------------------------- consents


def cell_text(tab, purpose: Purpose, channel: Channel) -> str:
    model = tab.grid_model
    row = list(Purpose).index(purpose)
    column = 1 + list(Channel).index(channel)
    return model.index(row, column).data()


def test_a_minors_consent_names_the_parent_who_gave_it(qtbot, window, gui_services, desk):
    child = create_client(gui_services, desk, "Tremblay", "Léo", born=date(2015, 5, 1))
    capture = ConsentCapture(
        (ConsentChange(Purpose.APPOINTMENT_REMINDERS, Channel.SMS, True),),
        Interaction.PHONE,
        Language.FR,
        representative=Representative("Julie Tremblay", SignerCapacity.PARENT),
    )
    off_gui(lambda: gui_services.consent.record(desk, child.id, capture))
    open_file(qtbot, window, child.id)
    window.client_file.select_tab("consents")
    tab = window.client_file.consents_tab
    index = tab.grid_model.index(
        list(Purpose).index(Purpose.APPOINTMENT_REMINDERS), 1 + list(Channel).index(Channel.SMS)
    )
    assert "Answered by Julie Tremblay (parent)." in index.data(Qt.ItemDataRole.ToolTipRole)


def test_the_consent_grid_shows_what_was_recorded(qtbot, window, gui_services, desk, client):
    grant(
        gui_services,
        desk,
        client.id,
        [(Purpose.APPOINTMENT_REMINDERS, Channel.SMS), (Purpose.NEWSLETTERS, Channel.EMAIL)],
    )
    grant(gui_services, desk, client.id, [(Purpose.FEEDBACK, Channel.SMS)], granted=False, declined=True)
    grant(gui_services, desk, client.id, [(Purpose.NEWSLETTERS, Channel.EMAIL)], granted=False)
    open_file(qtbot, window, client.id)
    window.client_file.select_tab("consents")
    tab = window.client_file.consents_tab

    reminders = cell_text(tab, Purpose.APPOINTMENT_REMINDERS, Channel.SMS)
    assert reminders.startswith("✔ Granted")
    assert "2026-11-24" in reminders and "verbally, by phone" in reminders
    assert cell_text(tab, Purpose.NEWSLETTERS, Channel.EMAIL).startswith("✖ Withdrawn")
    # The client said no to one; never asked or no answer is not a refusal.
    assert cell_text(tab, Purpose.FEEDBACK, Channel.SMS).startswith("✘ Refused")
    assert cell_text(tab, Purpose.FEEDBACK, Channel.POST) == "— Not given"
    assert tab.grid_model.index(0, 0).data() == "Appointment confirmations and reminders"
    assert tab.grid_model.headerData(2, Qt.Orientation.Horizontal) == "SMS"

    index = tab.grid_model.index(
        list(Purpose).index(Purpose.APPOINTMENT_REMINDERS), 1 + list(Channel).index(Channel.SMS)
    )
    tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "Amélie Côté" in tooltip and "2020-04-22" in tooltip and "texto" in tooltip
    tab.grid_view.setCurrentIndex(index)
    assert "Amélie Côté" in tab.cell_detail.text()

    history = tab.history_model
    assert history.rowCount() == 4
    assert history.index(1, 3).data() == "✘ Refused"
    newest = history.record(0)
    assert newest.purpose == Purpose.NEWSLETTERS
    assert history.index(0, 3).data() == "✖ Withdrawn"
    assert history.index(0, 5).data() == "Amélie Côté"
    assert "3 of 20" not in tab.grid_state.text() and "1 of 20 granted" in tab.grid_state.text()


def test_the_consent_history_loads_older_pages_on_demand(qtbot, window, gui_services, desk, client):
    cells = [(p, c) for p in Purpose for c in Channel]
    for round_number in range(6):  # 6 × 20 changes = 120 events
        grant(gui_services, desk, client.id, cells, granted=round_number % 2 == 0)
    open_file(qtbot, window, client.id)
    window.client_file.select_tab("consents")
    tab = window.client_file.consents_tab
    model = tab.history_model
    assert model.rowCount() == 100 and model.has_more
    tab.history_view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == 120, timeout=TIMEOUT_MS)
    settle(qtbot, window)
    assert "120 events" in tab.history_state.text()


# ---------------------------------------------------------------- list tabs


def test_appointments_are_listed_and_the_book_button_asks_for_a_booking(
    qtbot, window, gui_services, desk, client
):
    # The core accepts a booking entered up to 12 hours late: the earlier one is already past.
    for when in (datetime(2026, 12, 1, 14, 30, tzinfo=UTC), datetime(2026, 11, 24, 9, 0, tzinfo=UTC)):
        draft = AppointmentDraft(
            when, AppointmentKind.CONSULTATION, AppointmentMode.IN_CLINIC, BookedVia.PHONE
        )
        off_gui(lambda draft=draft: gui_services.appointments.book(desk, client.id, draft))
    open_file(qtbot, window, client.id)
    tab = window.client_file.appointments_tab
    assert tab.model.rowCount() == 2
    assert tab.model.index(0, 1).data() == "Upcoming"
    assert tab.model.index(1, 1).data() == "Past"
    assert tab.model.index(0, 2).data() == "Consultation"
    assert "2 appointments, 1 upcoming" in tab.state_label.text()

    asked: list[bool] = []
    window.client_file.book_requested.connect(lambda: asked.append(True))
    assert tab.book_button.isEnabled()
    qtbot.mouseClick(tab.book_button, Qt.MouseButton.LeftButton)
    assert asked == [True]


def test_acknowledgment_document_buttons_wait_for_a_pdf(qtbot, window, gui_services, desk, client):
    from desktop.domain.records import SignatureCapture

    off_gui(
        lambda: gui_services.acknowledgments.record(
            desk, client.id, SignatureCapture(refused=True, refusal_note="Prefers to read it at home")
        )
    )
    open_file(qtbot, window, client.id)
    tab = window.client_file.acknowledgments_tab
    assert tab.model.rowCount() == 1
    record = tab.model.index(0, 0).data(RECORD_ROLE)
    assert tab.model.index(0, 1).data() == "✖ Refused"
    assert "✖ Privacy policy acknowledgment refused" in window.client_file.header.badge_texts()
    for button in (tab.open_button, tab.print_button, tab.save_button):
        assert button.isEnabled() == record.has_document
        if not record.has_document:
            assert button.toolTip() == "No PDF is stored for this acknowledgment."


def test_an_unknown_file_says_it_could_not_be_opened(qtbot, window):
    window.open_client(999_999)
    settle(qtbot, window)
    assert window.client_file.client is None
    assert "could not be opened" in window.client_file.placeholder.text()


def test_a_stored_acknowledgment_pdf_can_be_saved_and_opened(
    qtbot, monkeypatch, window, gui_services, desk, client, tmp_path
):
    from PySide6.QtWidgets import QFileDialog

    from desktop.domain.records import SignatureCapture

    if getattr(gui_services, "documents", None) is None:
        pytest.skip("this version stores no acknowledgment PDF")
    off_gui(lambda: gui_services.acknowledgments.record(desk, client.id, SignatureCapture(refused=True)))
    open_file(qtbot, window, client.id)
    tab = window.client_file.acknowledgments_tab
    if not tab.model.record(0).has_document:
        pytest.skip("this version stores no PDF for a refusal")
    assert tab.save_button.isEnabled() and tab.save_button.toolTip() == ""

    target = tmp_path / "copy.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "PDF"))
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(target.exists, timeout=TIMEOUT_MS)
    wait_idle(qtbot, window.runner)
    assert target.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # client data: its owner's alone

    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window._dialogs.get("document") is not None, timeout=TIMEOUT_MS)
    preview = window._dialogs["document"]
    qtbot.waitUntil(lambda: preview.page_count > 0, timeout=TIMEOUT_MS)
    assert preview.data == target.read_bytes()  # the stored document, never a new rendering
    preview.close()
