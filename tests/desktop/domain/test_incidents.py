"""The incident register's rules: what an entry must say, its dates in order, its keeping and its notices."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop.domain.errors import ValidationError
from desktop.domain.incidents import IncidentDraft, keep_until, validate_incident

TODAY = date(2026, 11, 24)


def draft(**more: object) -> IncidentDraft:
    values: dict[str, object] = dict(
        circumstances="  Courriel de rappel envoyé au mauvais destinataire.  ",
        discovered_on=date(2026, 11, 20),
        information_concerned="Nom et date du rendez-vous",
        occurred_from=date(2026, 11, 18),
        people_concerned=1,
    )
    values.update(more)
    return IncidentDraft(**values)  # type: ignore[arg-type]


def problems(value: IncidentDraft) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        validate_incident(value, TODAY)
    return {e.field: e.code for e in caught.value.errors}


def test_a_complete_draft_is_cleaned() -> None:
    clean = validate_incident(draft(), TODAY)
    assert clean.circumstances == "Courriel de rappel envoyé au mauvais destinataire."
    # Not known yet: the end of the period and the number of people may stay empty.
    assert validate_incident(draft(occurred_from=None, people_concerned=None), TODAY).people_concerned is None


def test_the_information_or_why_it_cannot_be_described() -> None:
    assert problems(draft(information_concerned=" ")) == {
        "information_concerned": "incident_information_missing"
    }
    assert validate_incident(
        draft(information_concerned="", not_describable_reason="Registre chiffré"), TODAY
    )


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"discovered_on": None}, {"discovered_on": "required"}),
        ({"discovered_on": date(2026, 11, 25)}, {"discovered_on": "date_in_future"}),
        ({"occurred_to": date(2026, 11, 17)}, {"occurred_to": "incident_period_reversed"}),
        ({"occurred_from": date(2026, 11, 21)}, {"occurred_from": "incident_after_discovery"}),
        (
            {"commission_notified_on": date(2026, 11, 19)},
            {"commission_notified_on": "incident_notified_before_discovery"},
        ),
        ({"people_notified_on": date(2026, 12, 1)}, {"people_notified_on": "date_in_future"}),
        ({"people_concerned": -1}, {"people_concerned": "incident_people_out_of_range"}),
        ({"serious_injury_risk": True}, {"risk_assessment": "incident_risk_assessment_required"}),
        ({"circumstances": ""}, {"circumstances": "incident_circumstances_missing"}),
    ],
)
def test_each_rule_names_its_field(changes: dict[str, object], expected: dict[str, str]) -> None:
    assert problems(replace(draft(), **changes)) == expected  # type: ignore[arg-type]


def test_the_messages_read_in_french_and_english() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_incident(draft(occurred_from=date(2026, 11, 21)), TODAY)
    assert "en a pris connaissance (2026-11-20)" in caught.value.message("fr")
    assert "Date de l'incident (début) : " in caught.value.message("fr")
    assert "became aware of it (2026-11-20)" in caught.value.message("en")


def test_kept_at_least_five_years_after_discovery() -> None:
    assert keep_until(date(2026, 11, 20)) == date(2031, 11, 20)
    assert keep_until(date(2028, 2, 29)) == date(2033, 3, 1)
