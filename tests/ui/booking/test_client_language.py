"""The client's language and the staff's kept apart: what the client reads or signs at the desk (the
consent sentences and their states, the policy summary and full text, the titles above them, the line
to sign on) is in the client's language whatever the interface language; the receptionist's own
controls stay in the interface language."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QApplication

from desktop.domain.enums import Channel, Interaction, Language, Purpose
from desktop.domain.records import ConsentCapture, ConsentChange
from desktop.domain.wording import consent_sentence, purpose_label
from tests.ui import booking_fixtures
from tests.ui.booking_fixtures import Desk
from ui.booking.booking_dialog import BookingDialog
from ui.booking.policy_text import PolicyTextDialog
from ui.kit.i18n import current_language, install_translators

desk = booking_fixtures.desk

#: Client-facing words that give away the other language (the interface's own words for the same).
ENGLISH_MARKERS = (
    "Not granted",
    "granted on",
    "Withdrawn",
    "will be",
    "Sign above",
    "Signature of",
    "Privacy policy",
)
FRENCH_MARKERS = (
    "Non accordé",
    "accordé le",
    "Retiré",
    "sera ",
    "Signez",
    "Signature de",
    "Politique de confidentialité",
    "Résumé",
)


@pytest.fixture
def staff_in_french() -> Iterator[None]:
    app = QApplication.instance()
    assert app is not None
    assert install_translators(app, Language.FR) == Language.FR
    try:
        yield
    finally:
        install_translators(app, Language.EN)
    assert current_language() == Language.EN


def client_with_history(desk: Desk, language: Language):  # type: ignore[no-untyped-def]
    """A client with a consent on record and one withdrawn, so every state is shown."""
    client = desk.new_client(language=language)
    for day, purpose, granted in (
        (datetime(2026, 3, 2, 15, 0, tzinfo=UTC), Purpose.NEWSLETTERS, True),
        (datetime(2026, 6, 5, 15, 0, tzinfo=UTC), Purpose.FEEDBACK, True),
        (datetime(2026, 6, 6, 15, 0, tzinfo=UTC), Purpose.FEEDBACK, False),
    ):
        desk.clock.at = day
        capture = ConsentCapture(
            (ConsentChange(purpose, Channel.EMAIL, granted),), Interaction.PHONE, language
        )
        desk.call(desk.services.consent.record, desk.actor, client.id, capture)
    desk.clock.at = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)
    return client


def client_facing_texts(qtbot, desk: Desk, language: Language) -> tuple[BookingDialog, list[str]]:  # type: ignore[no-untyped-def]
    """Walk a booking at the desk and collect every text shown to the client."""
    client = client_with_history(desk, language)
    dialog = BookingDialog(desk.services, desk.actor, desk.runner, client)
    qtbot.addWidget(dialog)
    dialog.resize(900, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.consent_step.is_loaded and dialog.policy_settled)
    dialog.appointment_page.via_desk.setChecked(True)
    dialog.next_button.click()
    step = dialog.consent_step
    step.checkbox(Purpose.NEWSLETTERS, Channel.EMAIL).click()  # withdraws the consent on record
    step.checkbox(Purpose.SURVEYS_CONTESTS_EVENTS, Channel.SMS).click()  # grants a new one
    texts = []
    for purpose in Purpose:
        texts.append(step.findChild(type(step.summary), f"purposeHeading_{purpose.value}").text())
        for channel in Channel:
            texts += [step.sentence(purpose, channel), step.state_text(purpose, channel)]
    assert step.sentence(Purpose.FEEDBACK, Channel.SMS) == consent_sentence(
        Purpose.FEEDBACK, Channel.SMS, language, desk.call(desk.services.consent.names, desk.actor)
    )
    assert texts[0] == purpose_label(next(iter(Purpose)), language)

    dialog.next_button.click()
    signature = dialog.signature_step
    desk.settle()
    qtbot.waitUntil(lambda: "1 855 841-1911" in signature.summary_view.toPlainText())
    texts += [
        signature.summary_title.text(),
        signature.summary_view.toPlainText(),
        signature.pad_title.text(),
        signature.pad.signature_line_text(),
    ]
    signature.representative_signs.click()
    texts.append(signature.pad_title.text())
    signature.client_signs.click()
    signature.full_policy_button.click()
    shown = dialog.findChild(PolicyTextDialog)
    assert shown is not None
    texts += [shown.windowTitle(), shown.text.toPlainText()]
    shown.accept()
    return dialog, texts


def test_a_french_client_reads_french_only_while_the_staff_works_in_english(qtbot, desk):
    assert current_language() == Language.EN  # no translator: the interface is in English
    dialog, texts = client_facing_texts(qtbot, desk, Language.FR)
    shown = "\n".join(texts)
    assert [marker for marker in ENGLISH_MARKERS if marker in shown] == []
    for expected in (
        "Non accordé",
        "Déjà accordé le 2026-03-02 → sera RETIRÉ",
        "Retiré le 2026-06-06",
        "Non accordé → sera ACCORDÉ",
        "Résumé de la politique de confidentialité",
        "La politique de confidentialité en bref",
        "Signature de Zoé Côté",
        "Signature du représentant ou de la représentante",
        "Signez au-dessus de cette ligne",
        "Politique de confidentialité du 2020-04-22",
        "VOS CHOIX QUANT À LA RÉCEPTION DE COMMUNICATIONS PROMOTIONNELLES",
    ):
        assert expected in texts or expected in shown, expected
    # The receptionist's own controls stay in the interface language.
    assert dialog.step_label.text() == "Step 3 of 3: Privacy policy and signature"
    assert dialog.signature_step.refuses.text() == "The client re&fuses to sign"
    assert dialog.consent_step.summary.text().startswith("Changes to record")


def test_an_english_client_reads_english_only_while_the_staff_works_in_french(qtbot, desk, staff_in_french):
    dialog, texts = client_facing_texts(qtbot, desk, Language.EN)
    shown = "\n".join(texts)
    assert [marker for marker in FRENCH_MARKERS if marker in shown] == []
    for expected in (
        "Not granted",
        "Already granted on 2026-03-02 → will be WITHDRAWN",
        "Withdrawn on 2026-06-06",
        "Not granted → will be GRANTED",
        "Privacy policy summary",
        "Privacy policy in brief",
        "Signature of Zoé Côté",
        "Signature of the representative",
        "Sign above this line",
        "Privacy policy of 2020-04-22",
        "YOUR CHOICES ABOUT RECEIVING PROMOTIONAL COMMUNICATIONS",
    ):
        assert expected in texts or expected in shown, expected
    # The receptionist's own controls are in French.
    assert dialog.step_label.text().startswith("Étape 3 sur 3")
    assert dialog.signature_step.refuses.text() == "Le client re&fuse de signer"
