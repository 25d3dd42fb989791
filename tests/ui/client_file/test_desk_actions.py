"""Update consent… and Sign the policy… from the client file, outside any booking: driven through the
main window's keyboard shortcuts against a SQLite database on disk, the results read back from the
services, the open file's tabs and header, and the acknowledgment's stored PDF."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from desktop.domain.enums import Channel, ConsentMethod, Interaction, Language, Purpose, SignerCapacity
from tests.support.documents import pdftotext, squash
from tests.ui.booking_fixtures import draw_signature
from tests.ui.conftest import TIMEOUT_MS, create_client, off_gui, settle, sign_in, type_text
from tests.ui.language_review import Review, make_sample
from ui.client_file.consent_update_dialog import ConsentUpdateDialog
from ui.client_file.desk_actions import SIGN_POLICY_KEY, UPDATE_CONSENT_KEY
from ui.client_file.policy_signing_dialog import PolicySigningDialog
from ui.kit.i18n import current_language, install_translators

SMS_REMINDERS = (Purpose.APPOINTMENT_REMINDERS, Channel.SMS)


def open_file(qtbot, window, client_id: int) -> None:
    window.open_client(client_id)
    qtbot.waitUntil(lambda: window.client_file.client is not None, timeout=TIMEOUT_MS)
    settle(qtbot, window)


def press(qtbot, window, key: str) -> None:
    """The shortcut as the receptionist types it, the focus in the search field."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT_MS)
    window.search_panel.focus_search()
    QTest.keySequence(window, key)


def consent_dialog(qtbot, window) -> ConsentUpdateDialog:
    press(qtbot, window, UPDATE_CONSENT_KEY)
    dialog = window.client_file.desk_actions.consent_dialog
    assert isinstance(dialog, ConsentUpdateDialog) and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.step.is_loaded, timeout=TIMEOUT_MS)
    return dialog


def signing_dialog(qtbot, window) -> PolicySigningDialog:
    press(qtbot, window, SIGN_POLICY_KEY)
    dialog = window.client_file.desk_actions.signing_dialog
    assert isinstance(dialog, PolicySigningDialog) and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.policy is not None, timeout=TIMEOUT_MS)
    return dialog


def test_a_phone_call_granting_sms_reminders_is_recorded_by_phone_and_the_file_shows_it(
    qtbot, window, gui_services, desk
):
    client = create_client(
        gui_services, desk, "Côté", "Zoé", born=date(1985, 3, 2), preferred_language=Language.FR
    )
    actions = window.client_file.desk_actions
    assert not actions.update_consent_action.isEnabled()  # no file open yet
    assert "Open a client file first" in actions.update_consent_action.toolTip()
    open_file(qtbot, window, client.id)
    assert actions.update_consent_button.isVisible() and actions.update_consent_action.isEnabled()
    assert "Ctrl+Shift+C" in actions.update_consent_action.toolTip()

    dialog = consent_dialog(qtbot, window)
    assert dialog.windowTitle() == "Update consent — Zoé Côté"
    # A form of the session: the lock hides it and quitting asks first.
    assert dialog.parent() is window and window.windows.opened["consent-update"] is dialog
    assert window.has_unsaved_work()
    assert not dialog.representative.isVisible()  # an adult answers for herself
    # Nothing is pre-ticked, and the sentence is the French one the service stores.
    assert not any(dialog.step.answers().values())
    sentence = dialog.step.sentence(*SMS_REMINDERS)
    assert "SMS" in sentence or "texto" in sentence
    dialog.step.checkbox(*SMS_REMINDERS).click()
    dialog.save_button.click()
    assert "how the client is telling us" in dialog.banner_text()  # the interaction comes first
    dialog.interaction_buttons[Interaction.PHONE].click()
    with qtbot.waitSignal(dialog.recorded, timeout=TIMEOUT_MS) as recorded:
        dialog.save_button.click()
    (event,) = recorded.args[0]
    assert (event.purpose, event.channel, event.method) == (*SMS_REMINDERS, ConsentMethod.VERBAL_PHONE)
    assert event.wording == sentence

    grid = off_gui(gui_services.consent.grid, desk, client.id)
    assert grid.granted(*SMS_REMINDERS)
    # The open file follows the change by itself: the grid tab shows the new consent.
    cell = window.client_file.consents_tab.grid_model
    qtbot.waitUntil(lambda: (c := cell.cell(*SMS_REMINDERS)) is not None and c.granted, timeout=TIMEOUT_MS)
    assert cell.cell(*SMS_REMINDERS).last_event.method == ConsentMethod.VERBAL_PHONE
    assert "Consent updated for Zoé Côté." in window.statusBar().currentMessage()


def test_a_minor_without_representative_gets_the_service_message_and_nothing_typed_is_lost(
    qtbot, window, gui_services, desk
):
    client = create_client(gui_services, desk, "Gagnon", "Noah", born=date(2016, 6, 1))
    open_file(qtbot, window, client.id)
    dialog = consent_dialog(qtbot, window)
    assert dialog.representative.isVisible()
    dialog.interaction_buttons[Interaction.DESK].click()
    dialog.step.checkbox(*SMS_REMINDERS).click()
    dialog.step.no_button(Purpose.NEWSLETTERS, Channel.EMAIL).click()
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "parent or tutor" in dialog.banner_text(), timeout=TIMEOUT_MS)
    assert "Nothing you entered was lost" in dialog.banner_text()
    assert dialog.isVisible()
    assert dialog.step.checkbox(*SMS_REMINDERS).isChecked()
    assert dialog.step.no_button(Purpose.NEWSLETTERS, Channel.EMAIL).isChecked()
    assert dialog.interaction() == Interaction.DESK
    assert off_gui(gui_services.consent.history, desk, client.id) == []

    type_text(dialog.representative.name, "Émilie Gagnon")
    capacity = dialog.representative.capacity
    capacity.setCurrentIndex(capacity.findData(SignerCapacity.TUTOR))
    with qtbot.waitSignal(dialog.recorded, timeout=TIMEOUT_MS) as recorded:
        dialog.save_button.click()
    events = recorded.args[0]
    assert {(e.method, e.representative_name, e.representative_capacity) for e in events} == {
        (ConsentMethod.VERBAL_IN_PERSON, "Émilie Gagnon", SignerCapacity.TUTOR)
    }


def test_a_desk_signature_records_an_acknowledgment_with_its_pdf_and_the_header_follows(
    qtbot, window, gui_services, desk, monkeypatch
):
    client = create_client(gui_services, desk, "Tremblay", "Léa", preferred_language=Language.EN)
    open_file(qtbot, window, client.id)
    assert any("acknowledgment missing" in text for text in window.client_file.header.badge_texts())
    dialog = signing_dialog(qtbot, window)
    assert dialog.windowTitle() == "Sign the privacy policy — Léa Tremblay"
    assert "No new signature" not in dialog.policy_line.text()
    step = dialog.step
    assert step.summary_view.toPlainText().strip()  # the summary in force today, in English
    dialog.save_button.click()
    assert "Nothing is signed yet" in step.signature_error.text()
    draw_signature(step.pad)
    printed = []
    window.client_file.document_requested.connect(lambda action, record: printed.append((action, record.id)))
    monkeypatch.setattr(window.documents, "run", lambda action, record: None)  # no printer in the tests
    dialog.print_copy.setChecked(True)
    with qtbot.waitSignal(dialog.signed, timeout=TIMEOUT_MS) as signed:
        dialog.save_button.click()
    record = signed.args[0]
    assert (record.client_id, record.refused, record.appointment_id) == (client.id, False, None)
    assert record.has_document and printed == [("print", record.id)]

    pdf = off_gui(gui_services.documents.acknowledgment_pdf, desk, record.id, "view")
    text = squash(pdftotext(pdf))
    assert "Léa Tremblay" in text and record.policy_version in text
    qtbot.waitUntil(
        lambda: any("acknowledged" in text for text in window.client_file.header.badge_texts()),
        timeout=TIMEOUT_MS,
    )
    qtbot.waitUntil(
        lambda: window.client_file.acknowledgments_tab.view.model().rowCount() == 1, timeout=TIMEOUT_MS
    )

    # Signed already: the next dialog says so, and signing again needs the receptionist's word.
    again = signing_dialog(qtbot, window)
    assert "No new signature is needed" in again.policy_line.text()
    draw_signature(again.step.pad)
    asked = []

    def answer(_parent, title, text, *_args):
        asked.append(title)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    again.save_button.click()
    settle(qtbot, window)
    assert asked == ["Sign again?"] and again.isVisible()
    assert len(off_gui(gui_services.acknowledgments.for_client, desk, client.id)) == 1
    again.done(0)


@pytest.mark.parametrize("language", [Language.FR, Language.EN])
def test_the_dialog_titles_follow_the_staff_language(qtbot, window, gui_services, desk, switch, language):
    client = create_client(gui_services, desk, "Roy", "Éric")
    open_file(qtbot, window, client.id)
    switch(language)
    consent = consent_dialog(qtbot, window)
    expected = {
        Language.FR: (
            "Mettre à jour le consentement — Éric Roy",
            "Faire signer la politique de confidentialité — Éric Roy",
        ),
        Language.EN: ("Update consent — Éric Roy", "Sign the privacy policy — Éric Roy"),
    }[language]
    assert consent.windowTitle() == expected[0]
    consent.done(0)
    signing = signing_dialog(qtbot, window)
    assert signing.windowTitle() == expected[1]
    signing.done(0)


def test_actions_are_disabled_with_a_reason_without_a_file(qtbot, make_window, gui_services):
    window = make_window(gui_services, sign_in(gui_services, "gestion"))
    actions = window.client_file.desk_actions
    assert actions.allowed
    for action in actions.actions():
        assert not action.isEnabled() and "Open a client file first" in action.toolTip()
    press(qtbot, window, SIGN_POLICY_KEY)
    assert actions.signing_dialog is None
    # Offered in the Client menu and listed with the window's shortcuts under Help.
    assert set(actions.actions()) <= set(window.client_menu.actions())
    window.show_shortcuts()
    rows = dict(window.windows.opened["shortcuts"].rows)
    assert rows["Ctrl+Shift+C"] == "Update consent…" and rows["Ctrl+Shift+P"] == "Sign the policy…"


@pytest.mark.parametrize("language", [Language.FR, Language.EN], ids=["fr", "en"])
def test_both_dialogs_read_wholly_in_each_language_and_nothing_is_cut_short(
    qtbot, qapp, gui_services, runner, language
):
    """Every text of the two dialogs in the staff language (the client speaks it too), none clipped,
    through the states a receptionist sees. The language is not switched under them: the sentences and
    the summary stay in the client's (the titles test switches it)."""
    assert install_translators(qapp, language) == language
    try:
        sample = make_sample(gui_services, runner, language)
        assert sample.client.preferred_language == current_language()
        review = Review(qtbot, runner, language, sample.data())
        consent = ConsentUpdateDialog(sample.services, sample.officer, runner, sample.client)
        qtbot.addWidget(consent)
        review.look(consent, "loaded", until=lambda: consent.step.is_loaded, switch=False)
        consent.step.checkbox(*SMS_REMINDERS).click()
        consent.save_button.click()  # how the client tells us is not said yet
        review.look(consent, "interaction missing", switch=False)
        consent.choose(Interaction.LETTER)
        review.look(consent, "by letter", switch=False)
        consent.done(0)

        signing = PolicySigningDialog(sample.services, sample.officer, runner, sample.client)
        qtbot.addWidget(signing)
        # The sample client signed today's version: the dialog says so (what the client reads stays put).
        review.look(signing, "already signed", until=lambda: signing.policy is not None, switch=False)
        signing.save_button.click()  # nothing drawn yet
        review.look(signing, "signature missing", switch=False)
        signing.done(0)
        assert {"consentUpdateDialog", "policySigningDialog"} <= {n.split(" (")[0] for n in review.looked_at}
        assert review.unexplained() == []
    finally:
        install_translators(qapp, Language.EN)
