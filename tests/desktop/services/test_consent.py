"""The consent ledger: answers become events only when they change something; the grid is the fold."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.consent import fold_consent
from desktop.domain.enums import Channel, ConsentAction, ConsentMethod, Interaction, Language, Purpose
from desktop.domain.errors import NotFoundError, ValidationError
from desktop.domain.records import ClientDraft, ConsentCapture, ConsentChange
from desktop.domain.wording import WordingNames, consent_sentence
from desktop.paths import resource_path
from desktop.services import Services

POLICY_VERSION = "2020-04-22"
#: The bundled text of each language, with its own hash.
POLICY_SHA256 = {
    language: hashlib.sha256(resource_path("policies", f"{POLICY_VERSION}.{language}.txt").read_bytes()).hexdigest()
    for language in Language
}


def new_client(services: Services, actor, language: Language = Language.FR, first: str = "Zoé") -> int:
    draft = ClientDraft("Côté", first, date(1980, 4, 12), preferred_language=language)
    return services.clients.create(actor, draft, confirm_duplicate=True).id


def capture(*answers: tuple[Purpose, Channel, bool], interaction=Interaction.PHONE, language=Language.FR):  # type: ignore[no-untyped-def]
    return ConsentCapture(tuple(ConsentChange(p, c, g) for p, c, g in answers), interaction, language)


def test_no_event_means_no_consent(services: Services, receptionist) -> None:
    client_id = new_client(services, receptionist)
    grid = services.consent.grid(receptionist, client_id)
    assert len(grid.cells) == len(Purpose) * len(Channel)
    assert not any(cell.granted or cell.last_event for cell in grid.cells.values())
    assert not grid.any_promotional_granted()
    assert services.consent.history(receptionist, client_id) == []


def test_recorded_answers_make_the_grid(services: Services, receptionist) -> None:
    client_id = new_client(services, receptionist)
    events = services.consent.record(
        receptionist,
        client_id,
        capture(
            (Purpose.APPOINTMENT_REMINDERS, Channel.SMS, True),
            (Purpose.NEWSLETTERS, Channel.EMAIL, True),
            (Purpose.FEEDBACK, Channel.PHONE, False),
        ),
    )
    # A "no" where there was never a "yes" changes nothing and adds nothing.
    assert [(e.purpose, e.channel, e.action) for e in events] == [
        (Purpose.APPOINTMENT_REMINDERS, Channel.SMS, ConsentAction.GRANTED),
        (Purpose.NEWSLETTERS, Channel.EMAIL, ConsentAction.GRANTED),
    ]
    grid = services.consent.grid(receptionist, client_id)
    granted = {cell for cell, state in grid.cells.items() if state.granted}
    assert granted == {(Purpose.APPOINTMENT_REMINDERS, Channel.SMS), (Purpose.NEWSLETTERS, Channel.EMAIL)}
    assert grid.any_promotional_granted()
    assert grid.cells[(Purpose.NEWSLETTERS, Channel.EMAIL)].last_event == events[1]


def test_only_differences_produce_events(services: Services, receptionist, clock) -> None:
    client_id = new_client(services, receptionist)
    answers = ((Purpose.NEWSLETTERS, Channel.EMAIL, True), (Purpose.SURVEYS_CONTESTS_EVENTS, Channel.SMS, True))
    assert len(services.consent.record(receptionist, client_id, capture(*answers))) == 2
    clock.advance(days=30)
    assert services.consent.record(receptionist, client_id, capture(*answers)) == []
    changed = services.consent.record(
        receptionist,
        client_id,
        capture((Purpose.NEWSLETTERS, Channel.EMAIL, False), (Purpose.SURVEYS_CONTESTS_EVENTS, Channel.SMS, True)),
    )
    assert [(e.purpose, e.action) for e in changed] == [(Purpose.NEWSLETTERS, ConsentAction.WITHDRAWN)]
    assert len(services.consent.history(receptionist, client_id)) == 3


def test_history_is_newest_first_and_paged(services: Services, receptionist, clock) -> None:
    client_id = new_client(services, receptionist)
    cell = (Purpose.NEWSLETTERS, Channel.EMAIL)
    for granted in (True, False, True, False):
        services.consent.record(receptionist, client_id, capture((*cell, granted)))
        clock.advance(hours=1)
    history = services.consent.history(receptionist, client_id)
    assert [e.action for e in history] == [
        ConsentAction.WITHDRAWN,
        ConsentAction.GRANTED,
        ConsentAction.WITHDRAWN,
        ConsentAction.GRANTED,
    ]
    assert [e.recorded_at for e in history] == sorted((e.recorded_at for e in history), reverse=True)
    assert services.consent.history(receptionist, client_id, offset=1, limit=2) == history[1:3]


@pytest.mark.parametrize("language", list(Language))
def test_every_event_is_evidence(services: Services, receptionist, team, clock, language: Language) -> None:
    client_id = new_client(services, receptionist, language)
    [event] = services.consent.record(
        team.manager,
        client_id,
        capture((Purpose.PARENT_COMPANY_PROMOTIONS, Channel.POST, True), interaction=Interaction.DESK, language=language),
    )
    assert (event.policy_version, event.policy_language) == (POLICY_VERSION, language)
    assert event.policy_sha256 == POLICY_SHA256[language]
    names = WordingNames("Cliniques Médicales Lacroix", "Groupe Médical Lacroix")
    assert services.consent.names(receptionist) == names
    assert event.wording == consent_sentence(Purpose.PARENT_COMPANY_PROMOTIONS, Channel.POST, language, names)
    assert "Groupe Médical Lacroix" in event.wording
    assert ("par la poste" if language == Language.FR else "by post") in event.wording
    assert event.method == ConsentMethod.VERBAL_IN_PERSON  # no signature stored with the answers
    assert event.recorded_by == team.manager.full_name
    assert event.recorded_at == clock.now()
    assert event.clinic_id == team.manager.clinic_id
    assert event.client_id == client_id
    assert services.consent.history(receptionist, client_id) == [event]


def test_wording_is_the_sentence_shown(services: Services, receptionist) -> None:
    assert services.consent.wording(receptionist, Purpose.APPOINTMENT_REMINDERS, Channel.SMS, Language.FR) == (
        "J'accepte de recevoir la confirmation et les rappels de mes rendez-vous par texto (SMS)."
    )
    # The organisation's name comes from its record (the demonstration clinic's here).
    assert services.consent.wording(receptionist, Purpose.NEWSLETTERS, Channel.EMAIL, Language.EN) == (
        "I agree to receive promotional newsletters from Cliniques Médicales Lacroix by email."
    )


def test_without_a_parent_organisation_no_one_consents_to_its_promotions(
    services: Services, receptionist, team
) -> None:
    draft = services.clinics.organisation(team.manager).draft()
    services.clinics.update_organisation(team.manager, replace(draft, parent_name=""))
    assert Purpose.PARENT_COMPANY_PROMOTIONS not in services.consent.names(receptionist).offered_purposes()
    client_id = new_client(services, receptionist, Language.FR)
    with pytest.raises(ValidationError):
        services.consent.record(
            receptionist,
            client_id,
            capture((Purpose.PARENT_COMPANY_PROMOTIONS, Channel.POST, True)),
        )
    assert services.consent.history(receptionist, client_id) == []


def test_the_same_cell_twice_in_one_capture_is_refused(services: Services, receptionist) -> None:
    client_id = new_client(services, receptionist)
    with pytest.raises(ValidationError):
        services.consent.record(
            receptionist,
            client_id,
            capture((Purpose.FEEDBACK, Channel.SMS, True), (Purpose.FEEDBACK, Channel.SMS, False)),
        )
    assert services.consent.history(receptionist, client_id) == []


def test_unknown_client(services: Services, receptionist) -> None:
    with pytest.raises(NotFoundError):
        services.consent.record(receptionist, 424_242, capture((Purpose.FEEDBACK, Channel.SMS, True)))
    with pytest.raises(NotFoundError):
        services.consent.grid(receptionist, 424_242)


cells = st.tuples(st.sampled_from(list(Purpose)), st.sampled_from(list(Channel)))
step = st.tuples(
    st.dictionaries(cells, st.booleans(), min_size=1, max_size=8),
    # Telemedicine names an appointment; the others need nothing more.
    st.sampled_from([i for i in Interaction if i != Interaction.TELEMEDICINE]),
    st.sampled_from(list(Language)),
    st.integers(min_value=0, max_value=3),
)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(step, max_size=5))
def test_grid_is_the_fold_of_the_history(services: Services, receptionist, clock, steps) -> None:  # type: ignore[no-untyped-def]
    client_id = new_client(services, receptionist)
    model: dict[tuple[Purpose, Channel], bool] = {}
    changes = 0
    for answers, interaction, language, minutes in steps:
        choices = tuple(ConsentChange(p, c, granted) for (p, c), granted in answers.items())
        services.consent.record(receptionist, client_id, ConsentCapture(choices, interaction, language))
        for cell, granted in answers.items():
            if model.get(cell, False) != granted:
                changes += 1
            model[cell] = granted
        clock.advance(minutes=minutes)  # zero minutes too: same-instant events are ordered by sequence

    history = services.consent.history(receptionist, client_id, limit=500)
    grid = services.consent.grid(receptionist, client_id)
    folded = fold_consent(history)
    assert len(history) == changes
    for cell, state in grid.cells.items():
        assert state.granted == folded[cell].granted == model.get(cell, False)
        assert state.last_event == folded[cell].event
        if state.last_event is None:
            assert not state.granted
