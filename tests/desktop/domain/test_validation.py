"""Validation of what people type: cleaned values or typed field errors, never anything else."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.clinic_identity import SiteDraft, validate_site
from desktop.domain.enums import Language
from desktop.domain.errors import ValidationError
from desktop.domain.records import ClientDraft
from desktop.domain.validation import (
    display_phone,
    normalise_email,
    normalise_phone,
    validate_client,
)

TODAY = date(2026, 11, 24)
TEXT_FIELDS = ("last_name", "first_name", "street", "city", "province", "postal_code", "email", "phone")


def draft(**changes: object) -> ClientDraft:
    values: dict[str, object] = dict(last_name="Côté", first_name="Zoé", date_of_birth=date(1980, 4, 12))
    values.update(changes)
    return ClientDraft(**values)  # type: ignore[arg-type]


def field_codes(error: ValidationError) -> dict[str, str]:
    return {e.field: e.code for e in error.errors}


def test_a_valid_draft_is_cleaned() -> None:
    clean = validate_client(
        draft(
            last_name="  Côté ",
            street=" 1000 chemin Ste-Foy ",
            postal_code="g1s2l6",
            province="qc",
            email=" Zoe.Cote@Example.COM ",
            phone="(418) 555-0123",
        ),
        today=TODAY,
    )
    assert clean.last_name == "Côté"
    assert clean.street == "1000 chemin Ste-Foy"
    assert clean.postal_code == "G1S 2L6"
    assert clean.province == "QC"
    assert clean.email == "Zoe.Cote@example.com"
    assert clean.phone == "+14185550123"


def test_names_are_stored_in_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn")
    assert decomposed != "Nguyễn"
    assert validate_client(draft(last_name=decomposed), today=TODAY).last_name == "Nguyễn"


@pytest.mark.parametrize("value", ["<b>Côté</b>", "Smith & Fils", "a=b; c", "\"Zoé\" 'Z'", "Robert'); --"])
def test_markup_and_quotes_are_plain_text(value: str) -> None:
    assert validate_client(draft(last_name=value), today=TODAY).last_name == value


def test_required_fields() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_client(draft(last_name=" ", first_name="", date_of_birth=None), today=TODAY)
    assert field_codes(caught.value) == {
        "last_name": "required",
        "first_name": "required",
        "date_of_birth": "required",
    }


def test_too_long() -> None:
    assert validate_client(draft(last_name="x" * 100), today=TODAY).last_name == "x" * 100
    with pytest.raises(ValidationError) as caught:
        validate_client(draft(last_name="x" * 101, street="y" * 201), today=TODAY)
    assert field_codes(caught.value) == {"last_name": "too_long", "street": "too_long"}
    assert "100" in caught.value.for_field("last_name").message("fr")


@pytest.mark.parametrize(
    "bad", ["\x00", "\x07", "\x1b[31m", "\n", "\r", "\u200b", "\u202e", "\ufeff", "\U000e0001"]
)
def test_control_and_invisible_characters_are_refused(bad: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_client(draft(first_name=f"Zo{bad}é"), today=TODAY)
    error = caught.value.for_field("first_name")
    assert error is not None and error.code == "invalid_characters"
    assert error.message("fr") and error.message("en")
    assert error.message("fr") != error.message("en")


@pytest.mark.parametrize(
    "typed",
    ["418-555-0123", "(418) 555 0123", "418.555.0123", "4185550123", "1-418-555-0123", "+1 418 555 0123"],
)
def test_phone_any_format_becomes_e164(typed: str) -> None:
    assert normalise_phone(typed) == "+14185550123"


def test_foreign_phone_keeps_its_country() -> None:
    assert normalise_phone("+33 1 42 68 53 00") == "+33142685300"
    assert display_phone("+14185550123") == "(418) 555-0123"


@pytest.mark.parametrize(
    "typed", ["123", "555-0123", "abc", "418-555-01234567", "+1 000 000 0000", "+999 1234"]
)
def test_invalid_phone_refused(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_client(draft(phone=typed), today=TODAY)
    assert field_codes(caught.value) == {"phone": "invalid_phone"}


def test_email_normalised_without_network() -> None:
    # A domain that does not exist: only the syntax is checked, no DNS look-up is made.
    assert normalise_email("  Zoe@Clinique-Inexistante-Quebec.CA ") == "Zoe@clinique-inexistante-quebec.ca"


@pytest.mark.parametrize(
    "typed", ["zoe", "zoe@", "@example.com", "zoe@@example.com", "zoe @example.com", "zoe@example"]
)
def test_invalid_email_refused(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_client(draft(email=typed), today=TODAY)
    error = caught.value.for_field("email")
    assert error is not None and error.code == "invalid_email"
    assert error.message("fr") != error.message("en")


def test_date_of_birth() -> None:
    assert validate_client(draft(date_of_birth=TODAY), today=TODAY).date_of_birth == TODAY
    with pytest.raises(ValidationError) as caught:
        validate_client(draft(date_of_birth=TODAY + timedelta(days=1)), today=TODAY)
    assert field_codes(caught.value) == {"date_of_birth": "date_in_future"}
    with pytest.raises(ValidationError) as caught:
        validate_client(draft(date_of_birth=date(1899, 12, 31)), today=TODAY)
    assert field_codes(caught.value) == {"date_of_birth": "date_too_old"}


@pytest.mark.parametrize(
    ("typed", "stored"), [("G1S 2L6", "G1S 2L6"), ("g1s2l6", "G1S 2L6"), (" h2x 1y4 ", "H2X 1Y4")]
)
def test_postal_code_format(typed: str, stored: str) -> None:
    assert validate_client(draft(postal_code=typed), today=TODAY).postal_code == stored


@pytest.mark.parametrize("typed", ["12345", "D1S 2L6", "G1S-2L6", "G1S  2L6", "G1S 2L", "GGG 2L6", "W1S 2L6"])
def test_invalid_postal_code_refused(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_client(draft(postal_code=typed), today=TODAY)
    assert field_codes(caught.value) == {"postal_code": "invalid_postal_code"}


def test_province_must_be_canadian() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_client(draft(province="XX"), today=TODAY)
    assert field_codes(caught.value) == {"province": "invalid_choice"}


def test_phone_extensions_are_kept_apart_from_the_number() -> None:
    for typed, extension in [
        ("418 555-0123 ext. 42", "42"),
        ("418 555-0123 x123", "123"),
        ("418 555-0123 poste 12", "12"),
        ("418 555-0123, Poste 12", "12"),
        ("418 555-0123, p. 12", "12"),
        ("418 555-0123 #12", "12"),
        ("4185550123 extension 7", "7"),
        ("418 555-0123", ""),
    ]:
        clean = validate_client(
            ClientDraft("Côté", "Zoé", date(1980, 4, 12), phone=typed), today=date(2026, 1, 1)
        )
        assert (clean.phone, clean.phone_extension) == ("+14185550123", extension), typed


def test_an_extension_that_cannot_be_placed_is_refused_never_dropped() -> None:
    for typed in ("poste 12", "418 555-0123 ext. 12345678901", "418 555-0123 poste"):
        with pytest.raises(ValidationError) as caught:
            validate_client(
                ClientDraft("Côté", "Zoé", date(1980, 4, 12), phone=typed), today=date(2026, 1, 1)
            )
        problem = caught.value.for_field("phone")
        assert problem is not None, typed
        assert (
            problem.message(Language.FR) == "Numéro de téléphone invalide. Exemple : 418 555-0123, poste 12."
        )
        assert problem.message(Language.EN) == "Invalid phone number. Example: 418 555-0123 ext. 12."


def test_a_clinic_number_keeps_its_extension_apart() -> None:
    draft = SiteDraft("Clinique", "1 rue Principale", "Québec", "G1R 1A1", "418 555-0100, poste 3", "a@b.ca")
    clean = validate_site(draft)
    assert (clean.phone, clean.phone_extension) == ("+14185550100", "3")
    assert validate_site(replace(clean, phone="418 555-0100")).phone_extension == "3"  # given apart
    with pytest.raises(ValidationError):
        validate_site(replace(clean, phone_extension="3a"))


@settings(max_examples=300, deadline=None)
@given(
    field=st.sampled_from(TEXT_FIELDS),
    value=st.text(max_size=300),
    language=st.sampled_from(list(Language)),
)
def test_any_text_in_any_field_gives_a_clean_draft_or_a_validation_error(
    field: str, value: str, language: Language
) -> None:
    try:
        clean = validate_client(draft(**{field: value}, preferred_language=language), today=TODAY)
    except ValidationError as error:
        assert error.errors
        for field_error in error.errors:
            assert field_error.message("fr") and field_error.message("en")
        return
    cleaned = getattr(clean, field)
    assert isinstance(cleaned, str)
    assert unicodedata.is_normalized("NFC", clean.last_name)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60), st.text(max_size=60), st.dates())
def test_any_draft_gives_a_clean_draft_or_a_validation_error(last: str, phone: str, born: date) -> None:
    try:
        validate_client(draft(last_name=last, phone=phone, email=phone, date_of_birth=born), today=TODAY)
    except ValidationError:
        pass
