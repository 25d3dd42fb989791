"""The health insurance number: format, agreement with the file (warnings), masking, card expiry."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.client_messages import NamWarnings
from desktop.domain.enums import Language
from desktop.domain.errors import ValidationError
from desktop.domain.nam import (
    SexAtBirth,
    card_expired,
    encoded_sex,
    expected_letters,
    expiry_warning,
    format_nam,
    is_well_formed,
    mask_nam,
    nam_warnings,
    normalise_nam,
    parse_card_expiry,
)
from desktop.domain.phones import Phone, PhoneKind, mobile_of
from desktop.domain.records import ClientDraft
from desktop.domain.validation import validate_client

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("typed", "stored", "valid"),
    [
        ("TREM 8005 1512", "TREM80051512", True),
        ("trem80051512", "TREM80051512", True),
        (" Trem-8055-1512 ", "TREM80551512", True),  # a woman: 50 added to the month
        ("TREM 8013 1512", "TREM80131512", False),  # month 13
        ("TREM 8063 1512", "TREM80631512", False),  # month 63
        ("TREM 8005 3212", "TREM80053212", False),  # day 32
        ("TRE 8005 1512", "TRE80051512", False),
        ("TREM 8005 151", "TREM8005151", False),
        ("TRÉM 8005 1512", "TRÉM80051512", False),
        ("TREM 8005 15١2", "TREM800515١2", False),  # an Arabic-Indic digit
    ],
)
def test_format(typed: str, stored: str, valid: bool) -> None:
    assert normalise_nam(typed) == stored
    assert is_well_formed(stored) is valid


@pytest.mark.parametrize(
    ("last", "first", "letters"),
    [
        ("Tremblay", "Marie", "TREM"),
        ("Côté", "Émile", "COTE"),
        ("D'Amour", "Luc", "DAML"),
        ("Bélanger-Roy", "Élodie", "BELE"),
        ("Ng", "Anh", "NGXA"),
        ("Œuvray", "Zoé", "OEUZ"),
        ("De La Fontaine", "Jean", "DELJ"),
    ],
)
def test_letters_fold_accents_and_drop_hyphens_apostrophes_spaces(
    last: str, first: str, letters: str
) -> None:
    assert expected_letters(last, first) == letters


def test_a_number_that_agrees_gives_no_warning() -> None:
    assert (
        nam_warnings(
            "TREM 8555 1512",
            last_name="Tremblay",
            first_name="Marie",
            date_of_birth=date(1985, 5, 15),
            sex_at_birth=SexAtBirth.FEMALE,
        )
        == []
    )
    assert encoded_sex("TREM85551512") is SexAtBirth.FEMALE
    assert encoded_sex("TREJ85051512") is SexAtBirth.MALE


def test_each_disagreement_is_named() -> None:
    warnings = nam_warnings(
        "TREJ 8505 1612",
        last_name="Tremblay",
        first_name="Marie",
        date_of_birth=date(1985, 5, 15),
        sex_at_birth=SexAtBirth.FEMALE,
    )
    assert [w.get(Language.FR) for w in warnings] == [
        "Les lettres du NAM ne correspondent pas au nom et au prénom (attendu : TREM).",
        NamWarnings.birth_date.fr,
        "Le NAM indique le sexe masculin à la naissance, le dossier un autre.",
    ]
    assert warnings[2].get(Language.EN) == "The NAM encodes a male sex at birth, the file another."
    # Nothing to compare against: no warning; a malformed number is refused, not warned about.
    assert (
        nam_warnings("TREJ85051612", last_name="", first_name="", date_of_birth=None, sex_at_birth=None) == []
    )
    assert (
        nam_warnings("TREJ8505", last_name="X", first_name="Y", date_of_birth=None, sex_at_birth=None) == []
    )


def test_shown_in_full_or_masked() -> None:
    assert format_nam("TREM80051512") == "TREM 8005 1512"
    assert mask_nam("TREM80051512") == "TREM •••• ••12"
    assert mask_nam("") == ""
    assert "8005" not in mask_nam("TREM80051512")


@pytest.mark.parametrize(
    ("typed", "month"),
    [("05/2027", date(2027, 5, 1)), ("5-27", date(2027, 5, 1)), ("2027-05", date(2027, 5, 1)), ("", None)],
)
def test_card_expiry_is_a_month(typed: str, month: date | None) -> None:
    assert parse_card_expiry(typed) == month


@pytest.mark.parametrize("typed", ["13/2027", "2027", "mai 2027", "05/2027/01"])
def test_card_expiry_not_a_month(typed: str) -> None:
    with pytest.raises(ValueError):
        parse_card_expiry(typed)


def test_a_card_is_valid_to_the_end_of_its_month() -> None:
    assert not card_expired(date(2026, 12, 1), TODAY)
    assert not card_expired(date(2026, 12, 1), date(2026, 12, 31))
    assert card_expired(date(2026, 11, 1), TODAY)
    warning = expiry_warning(date(2026, 11, 1), TODAY)
    assert warning is not None and "11/2026" in warning.get(Language.FR)
    assert expiry_warning(None, TODAY) is None


def test_validation_stores_the_number_normalised_and_refuses_a_malformed_one() -> None:
    clean = validate_client(
        ClientDraft("Tremblay", "Marie", date(1985, 5, 15), health_number="trem 8555 1512"), today=TODAY
    )
    assert clean.health_number == "TREM85551512"
    with pytest.raises(ValidationError) as refused:
        validate_client(
            ClientDraft("Tremblay", "Marie", date(1985, 5, 15), health_number="TREM 85"), today=TODAY
        )
    problem = refused.value.for_field("health_number")
    assert problem is not None and "quatre lettres" in problem.message(Language.FR)
    # The message never quotes the number typed.
    assert "TREM" not in problem.message(Language.FR).replace("TREM 8005 1512", "")


def test_phones_keep_their_kind_and_extension_the_first_is_the_one_to_call() -> None:
    clean = validate_client(
        ClientDraft(
            "Tremblay",
            "Marie",
            date(1985, 5, 15),
            phones=(
                Phone("418 555-0123, poste 12", PhoneKind.WORK),
                Phone("", PhoneKind.HOME),  # a blank row is dropped
                Phone("(581) 555-0199", PhoneKind.MOBILE),
            ),
        ),
        today=TODAY,
    )
    assert clean.phones == (
        Phone("+14185550123", PhoneKind.WORK, "12"),
        Phone("+15815550199", PhoneKind.MOBILE, ""),
    )
    assert (clean.phone, clean.phone_extension) == ("+14185550123", "12")
    assert mobile_of(clean.phones) == Phone("+15815550199", PhoneKind.MOBILE)
    # A caller giving only ``phone`` gives one number of no kind: never texted.
    single = validate_client(ClientDraft("Roy", "Luc", date(1990, 1, 1), phone="418 555-0100"), today=TODAY)
    assert single.phones == (Phone("+14185550100", PhoneKind.UNSPECIFIED),)
    assert mobile_of(single.phones) is None


def test_a_bad_second_number_is_named_as_such() -> None:
    with pytest.raises(ValidationError) as refused:
        validate_client(
            ClientDraft("Roy", "Luc", date(1990, 1, 1), phones=(Phone("418 555-0100"), Phone("12"))),
            today=TODAY,
        )
    assert [e.field for e in refused.value.errors] == ["phone_2"]
    assert "Téléphone 2" in refused.value.message(Language.FR)
