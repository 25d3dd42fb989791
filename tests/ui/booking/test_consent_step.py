"""The consent step on its own: opt-in boxes, the recorded state beside each, and only changes kept."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.domain.enums import Channel, ConsentAction, Interaction, Language, Purpose
from desktop.domain.records import ConsentCapture, ConsentChange
from desktop.domain.wording import WordingNames, consent_sentence, purpose_label
from desktop.paths import resource_path
from tests.ui import booking_fixtures
from tests.ui.booking_fixtures import Desk
from ui.booking.consent_step import ConsentStep
from ui.booking.policy_text import summary_html
from ui.booking.signature_step import SignatureStep

desk = booking_fixtures.desk


def make_step(qtbot, language: Language) -> ConsentStep:
    step = ConsentStep(language)
    qtbot.addWidget(step)
    step.resize(860, 560)
    step.show()
    qtbot.waitExposed(step)
    return step


def grid_of(desk: Desk, client_id: int):
    return desk.call(desk.services.consent.grid, desk.actor, client_id), names_of(desk)


def names_of(desk: Desk) -> WordingNames:
    return desk.call(desk.services.consent.names, desk.actor)


def test_nothing_can_be_answered_before_the_recorded_state_is_known(qtbot):
    step = make_step(qtbot, Language.FR)
    assert not step.is_loaded
    assert all(not step.checkbox(p, c).isEnabled() for p in Purpose for c in Channel)
    assert "Loading" in step.load_status.text()
    step.set_load_failed("Connexion perdue")
    assert step.retry_button.isVisible()
    with qtbot.waitSignal(step.retry_requested, timeout=1000):
        step.retry_button.click()
    assert step.changes() == []


def test_each_purpose_and_channel_is_a_sentence_in_the_clients_language(qtbot, desk):
    client = desk.new_client(language=Language.EN)
    step = make_step(qtbot, Language.EN)
    step.set_grid(*grid_of(desk, client.id))
    for purpose in Purpose:
        heading = step.findChild(type(step.summary), f"purposeHeading_{purpose.value}")
        assert heading.text() == purpose_label(purpose, Language.EN)
        for channel in Channel:
            sentence = consent_sentence(purpose, channel, Language.EN, names_of(desk))
            assert step.sentence(purpose, channel) == sentence
            assert step.checkbox(purpose, channel).accessibleName() == sentence
            assert not step.checkbox(purpose, channel).isChecked()
            assert step.state_text(purpose, channel) == "Not granted"
    assert "English" in step.instructions.text()


def test_recorded_consent_is_ticked_with_its_date_and_only_changes_count(qtbot, desk):
    client = desk.new_client()
    desk.clock.at = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
    desk.call(
        desk.services.consent.record,
        desk.actor,
        client.id,
        ConsentCapture(
            (
                ConsentChange(Purpose.APPOINTMENT_REMINDERS, Channel.SMS, True),
                ConsentChange(Purpose.FEEDBACK, Channel.EMAIL, True),
            ),
            Interaction.PHONE,
            Language.FR,
        ),
    )
    desk.clock.at = datetime(2026, 6, 10, 15, 0, tzinfo=UTC)
    desk.call(
        desk.services.consent.record,
        desk.actor,
        client.id,
        ConsentCapture(
            (ConsentChange(Purpose.FEEDBACK, Channel.EMAIL, False),), Interaction.PHONE, Language.FR
        ),
    )
    step = make_step(qtbot, Language.FR)
    step.set_grid(*grid_of(desk, client.id))

    reminders = step.checkbox(Purpose.APPOINTMENT_REMINDERS, Channel.SMS)
    assert reminders.isChecked()
    # The state is read by the French client beside the French sentence: French.
    assert step.state_text(Purpose.APPOINTMENT_REMINDERS, Channel.SMS) == "Déjà accordé le 2026-03-02"
    assert not step.checkbox(Purpose.FEEDBACK, Channel.EMAIL).isChecked()
    assert step.state_text(Purpose.FEEDBACK, Channel.EMAIL) == "Retiré le 2026-06-10"
    assert step.changes() == []
    assert step.summary.text() == "No change to the client's consent so far."

    with qtbot.waitSignal(step.changed, timeout=1000):
        reminders.click()
    assert step.state_text(Purpose.APPOINTMENT_REMINDERS, Channel.SMS).endswith("sera RETIRÉ")
    assert reminders.accessibleDescription().endswith("sera RETIRÉ")
    step.checkbox(Purpose.FEEDBACK, Channel.EMAIL).click()
    assert step.changes() == [
        (Purpose.APPOINTMENT_REMINDERS, Channel.SMS, False),
        (Purpose.FEEDBACK, Channel.EMAIL, True),
    ]
    # Ticking it back is no change at all.
    reminders.click()
    assert step.state_text(Purpose.APPOINTMENT_REMINDERS, Channel.SMS) == "Déjà accordé le 2026-03-02"
    assert step.changes() == [(Purpose.FEEDBACK, Channel.EMAIL, True)]
    assert "1 consent(s) given, 0 withdrawn" in step.summary.text()


def test_clicking_the_sentence_ticks_its_box(qtbot, desk):
    client = desk.new_client()
    step = make_step(qtbot, Language.FR)
    step.set_grid(*grid_of(desk, client.id))
    label = step._sentences[(Purpose.NEWSLETTERS, Channel.POST)]
    QTest.mouseClick(label, Qt.MouseButton.LeftButton)
    assert step.checkbox(Purpose.NEWSLETTERS, Channel.POST).isChecked()
    assert step.changes() == [(Purpose.NEWSLETTERS, Channel.POST, True)]


def test_the_consent_answers_are_recorded_with_the_sentence_shown(qtbot, desk):
    client = desk.new_client()
    step = make_step(qtbot, Language.FR)
    step.set_grid(*grid_of(desk, client.id))
    step.checkbox(Purpose.SURVEYS_CONTESTS_EVENTS, Channel.SMS).click()
    changes = tuple(ConsentChange(p, c, on) for p, c, on in step.changes())
    events = desk.call(
        desk.services.consent.record,
        desk.actor,
        client.id,
        ConsentCapture(changes, Interaction.DESK, step.language),
    )
    assert [(e.action, e.wording) for e in events] == [
        (ConsentAction.GRANTED, step.sentence(Purpose.SURVEYS_CONTESTS_EVENTS, Channel.SMS))
    ]


def test_no_answer_is_the_default_and_an_explicit_no_is_a_refusal(qtbot, desk):
    client = desk.new_client()
    step = make_step(qtbot, Language.FR)
    step.set_grid(*grid_of(desk, client.id))
    cell = (Purpose.NEWSLETTERS, Channel.EMAIL)
    assert not step.checkbox(*cell).isChecked() and not step.no_button(*cell).isChecked()
    assert step.changes() == [] and step.declines() == []
    assert step.no_button(*cell).text() == "Non"  # beside the sentence the client reads

    # Yes and no exclude each other; the state beside the sentence says what will be recorded.
    step.checkbox(*cell).click()
    step.no_button(*cell).click()
    assert not step.checkbox(*cell).isChecked()
    assert step.changes() == [] and step.declines() == [cell]
    assert step.state_text(*cell) == "Non accordé → sera REFUSÉ"
    assert "Refused when asked: 1." in step.summary.text()

    choices = tuple(ConsentChange(p, c, False, declined=True) for p, c in step.declines())
    [event] = desk.call(
        desk.services.consent.record, desk.actor, client.id, ConsentCapture(choices, Interaction.DESK, step.language)
    )
    assert event.action == ConsentAction.DECLINED

    # Shown again, the refusal on record starts as "no" and is not recorded twice.
    step.set_grid(*grid_of(desk, client.id))
    assert step.no_button(*cell).isChecked() and step.declines() == []
    assert step.state_text(*cell).startswith("Refusé le ")
    step.checkbox(*cell).click()
    assert not step.no_button(*cell).isChecked() and step.changes() == [(*cell, True)]


def test_signature_step_for_an_adult_and_for_a_minor(qtbot):
    adult = SignatureStep(Language.FR, "Zoé Côté", 46, minor=False)
    qtbot.addWidget(adult)
    assert adult.client_signs.isChecked() and adult.client_signs.isEnabled()
    assert not adult.representative_name.isEnabled()
    assert adult.pad_title.text() == "Signature de Zoé Côté"  # above the pad, for the French client
    problems = adult.local_problems()
    assert list(problems) == ["signature"]
    assert "Nothing is signed yet" in problems["signature"]
    adult.refuses.click()
    assert adult.local_problems() == {}
    assert not adult.pad.isEnabled() and adult.refusal_note.isEnabled()
    capture = adult.capture(uuid.uuid4())
    assert capture.refused and capture.signature_png is None and capture.language == Language.FR

    minor = SignatureStep(Language.EN, "Noah Gagnon", 9, minor=True)
    qtbot.addWidget(minor)
    assert minor.representative_signs.isChecked() and not minor.client_signs.isEnabled()
    assert minor.minor_note.text() == "The client is 9 years old: a parent or tutor must sign."
    assert minor.local_problems()["signer_name"] == "Enter the representative's full name."


def test_the_summary_is_laid_out_and_escaped():
    html = summary_html("Title <x>\n\nHEADING\nA line with <b>tags</b> & more\n")
    assert "<h3>Title &lt;x&gt;</h3>" in html
    assert "<h4" in html and "HEADING</h4>" in html
    assert "&lt;b&gt;tags&lt;/b&gt; &amp; more" in html


def test_summaries_exist_for_both_languages_and_name_the_ways_to_opt_out():
    for language in Language:
        text = resource_path("policies", f"2020-04-22.summary.{language.value}.txt").read_text("utf-8")
        for needed in (
            "1 855 841-1911",
            "info@cliniqueslacroix.ca",
            "1000 chemin Ste-Foy, bureau 401, Québec (QC) G1S 2L6",
            "Groupe Médical Lacroix",
        ):
            assert needed in text, (language, needed)
    assert "deux semaines" in resource_path("policies", "2020-04-22.summary.fr.txt").read_text("utf-8")
    assert "two weeks" in resource_path("policies", "2020-04-22.summary.en.txt").read_text("utf-8")
