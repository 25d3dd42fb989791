"""Client files: validation, Unicode kept verbatim, duplicate warning, stale versions, file numbers."""

from __future__ import annotations

import re
import socket
import unicodedata
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from desktop.db.models import Client
from desktop.domain.enums import Language
from desktop.domain.errors import (
    NotFoundError,
    PossibleDuplicateError,
    StaleVersionError,
    ValidationError,
)
from desktop.domain.records import ClientDraft
from desktop.services import Services


def draft(last: str = "Côté", first: str = "Zoé", born: date | None = date(1980, 4, 12), **more: object) -> ClientDraft:
    return ClientDraft(last, first, born, **more)  # type: ignore[arg-type]


def client_count(services: Services) -> int:
    with services.db.session(write=False) as session:
        return int(session.scalar(select(func.count(Client.id))) or 0)


@pytest.mark.parametrize(
    ("last", "first"),
    [("Côté", "Zoé"), ("O'Brien", "Seán"), ("Nguyễn", "Thị Mai"), ("Bélanger-Roy", "Ægir")],
)
def test_unicode_names_are_stored_verbatim_in_nfc(services: Services, receptionist, last: str, first: str) -> None:
    created = services.clients.create(
        receptionist, draft(unicodedata.normalize("NFD", last), unicodedata.normalize("NFD", first))
    )
    stored = services.clients.open(receptionist, created.id)
    assert (stored.last_name, stored.first_name) == (
        unicodedata.normalize("NFC", last),
        unicodedata.normalize("NFC", first),
    )
    assert unicodedata.is_normalized("NFC", stored.last_name)


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert('x')</script>",
        "Smith & Fils",
        "a=b & \"Zoé\" 'Z' `z` %_\\",
        "Robert'); DROP TABLE clients;--",
    ],
)
def test_markup_and_quotes_in_names_are_stored_verbatim(services: Services, receptionist, hostile: str) -> None:
    created = services.clients.create(receptionist, draft(last=hostile, street=hostile, city=hostile[:100]))
    stored = services.clients.open(receptionist, created.id)
    assert stored.last_name == hostile
    assert stored.street == hostile
    assert client_count(services) == 1


def test_required_fields(services: Services, receptionist) -> None:
    with pytest.raises(ValidationError) as caught:
        services.clients.create(receptionist, draft(last="", first="   ", born=None))
    assert {e.field: e.code for e in caught.value.errors} == {
        "last_name": "required",
        "first_name": "required",
        "date_of_birth": "required",
    }
    assert client_count(services) == 0


def test_too_long_refused(services: Services, receptionist) -> None:
    with pytest.raises(ValidationError) as caught:
        services.clients.create(receptionist, draft(first="É" * 101))
    assert caught.value.for_field("first_name").code == "too_long"
    services.clients.create(receptionist, draft(first="É" * 100))
    assert client_count(services) == 1


@pytest.mark.parametrize("bad", ["\x00", "\x1b", "\u202e"])
def test_control_characters_refused_with_bilingual_message(services: Services, receptionist, bad: str) -> None:
    with pytest.raises(ValidationError) as caught:
        services.clients.create(receptionist, draft(last=f"Cô{bad}té"))
    error = caught.value.for_field("last_name")
    assert error is not None and error.code == "invalid_characters"
    french, english = error.message("fr"), error.message("en")
    assert french and english and french != english
    assert caught.value.message("fr") != caught.value.message("en")
    assert client_count(services) == 0


@pytest.mark.parametrize("typed", ["(418) 555 0123", "+1 418-555-0123", "14185550123"])
def test_phone_any_format_stored_as_e164(services: Services, receptionist, typed: str) -> None:
    assert services.clients.create(receptionist, draft(phone=typed)).phone == "+14185550123"


@pytest.mark.parametrize("typed", ["418-555", "+1 (000) 000-0000"])
def test_invalid_phone_refused(services: Services, receptionist, typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        services.clients.create(receptionist, draft(phone=typed))
    assert caught.value.for_field("phone").code == "invalid_phone"
    assert client_count(services) == 0


def test_email_normalised_and_never_looked_up(services: Services, receptionist, monkeypatch) -> None:
    def no_network(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("validation must not use the network")

    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    monkeypatch.setattr(socket, "gethostbyname", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    created = services.clients.create(receptionist, draft(email="  Zoe.Cote@Clinique-Sans-Domaine.QC.CA "))
    assert created.email == "Zoe.Cote@clinique-sans-domaine.qc.ca"


@pytest.mark.parametrize("typed", ["zoe@@cote.ca", "zoe@cote"])
def test_invalid_email_refused(services: Services, receptionist, typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        services.clients.create(receptionist, draft(email=typed))
    assert caught.value.for_field("email").code == "invalid_email"


def test_date_of_birth_in_the_future_refused(services: Services, receptionist, clock) -> None:
    today = clock.now().date()
    with pytest.raises(ValidationError) as caught:
        services.clients.create(receptionist, draft(born=today + timedelta(days=1)))
    assert caught.value.for_field("date_of_birth").code == "date_in_future"
    assert services.clients.create(receptionist, draft(born=today)).date_of_birth == today


def test_postal_code_format(services: Services, receptionist) -> None:
    assert services.clients.create(receptionist, draft(postal_code="g1s2l6")).postal_code == "G1S 2L6"
    with pytest.raises(ValidationError) as caught:
        services.clients.create(receptionist, draft(first="Marc", postal_code="G1S-2L"))
    assert caught.value.for_field("postal_code").code == "invalid_postal_code"


def test_same_name_and_birth_date_warns_then_creates_when_confirmed(services: Services, receptionist, team) -> None:
    first = services.clients.create(receptionist, draft("Côté", "Zoé"))
    with pytest.raises(PossibleDuplicateError) as caught:
        services.clients.create(team.manager, draft("COTE", "zoe", preferred_language=Language.EN))
    assert [m.id for m in caught.value.matches] == [first.id]
    assert first.file_number in caught.value.message("fr")
    assert first.file_number in caught.value.message("en")
    assert client_count(services) == 1

    second = services.clients.create(team.manager, draft("COTE", "zoe"), confirm_duplicate=True)
    assert second.id != first.id and second.file_number != first.file_number
    assert client_count(services) == 2


def test_same_name_other_birth_date_is_not_a_duplicate(services: Services, receptionist) -> None:
    services.clients.create(receptionist, draft("Côté", "Zoé", date(1980, 4, 12)))
    services.clients.create(receptionist, draft("Côté", "Zoé", date(1980, 4, 13)))
    services.clients.create(receptionist, draft("Côté", "Zoë-Anne", date(1980, 4, 12)))
    assert client_count(services) == 3
    matches = services.clients.possible_duplicates(receptionist, draft("côte", "ZOÉ", date(1980, 4, 12)))
    assert [(m.first_name, m.date_of_birth) for m in matches] == [("Zoé", date(1980, 4, 12))]


def test_update_saves_and_bumps_the_version(services: Services, receptionist, team, clock) -> None:
    created = services.clients.create(receptionist, draft(phone="418 555-0123"))
    clock.advance(minutes=5)
    updated = services.clients.update(
        team.manager, created.id, created.version, draft(last="Côté-Tremblay", phone="514 555-0199")
    )
    assert updated.version == created.version + 1
    assert updated.last_name == "Côté-Tremblay" and updated.phone == "+15145550199"
    assert updated.updated_by == team.manager.full_name and updated.created_by == receptionist.full_name
    assert updated.updated_at == clock.now() and updated.created_at < updated.updated_at
    # The search keys follow the change.
    assert [c.id for c in services.clients.search(receptionist, "tremblay")] == [created.id]
    assert services.clients.search(receptionist, "418 555-0123") == []
    assert [c.id for c in services.clients.search(receptionist, "5145550199")] == [created.id]


def test_update_without_change_keeps_the_version(services: Services, receptionist) -> None:
    created = services.clients.create(receptionist, draft())
    assert services.clients.update(receptionist, created.id, created.version, created.as_draft()).version == 1


def test_update_with_a_stale_version_is_refused_and_overwrites_nothing(
    services: Services, receptionist, team, clock
) -> None:
    created = services.clients.create(receptionist, draft(city="Québec"))
    # The manager saves first, from another workstation.
    clock.advance(minutes=2)
    services.clients.update(team.manager, created.id, created.version, draft(city="Lévis"))
    # The receptionist saves the copy she opened before.
    with pytest.raises(StaleVersionError) as caught:
        services.clients.update(receptionist, created.id, created.version, draft(city="Montréal", phone="418 555 0123"))
    current = caught.value.current
    assert current.city == "Lévis" and current.version == 2
    assert current.updated_by == team.manager.full_name
    assert caught.value.params["who"] == team.manager.full_name
    assert team.manager.full_name in caught.value.message("fr")
    assert team.manager.full_name in caught.value.message("en")
    stored = services.clients.open(receptionist, created.id)
    assert (stored.city, stored.phone, stored.version) == ("Lévis", "", 2)


def test_invalid_update_changes_nothing(services: Services, receptionist) -> None:
    created = services.clients.create(receptionist, draft(phone="4185550123"))
    with pytest.raises(ValidationError):
        services.clients.update(receptionist, created.id, created.version, draft(phone="12"))
    assert services.clients.open(receptionist, created.id) == created


def test_file_numbers_are_unique_and_human_readable(services: Services, receptionist) -> None:
    created = [
        services.clients.create(receptionist, draft("Gagnon", first, date(1990, 1, 1 + n)))
        for n, first in enumerate(["Léa", "Noah", "Emma", "Liam", "Alice"])
    ]
    numbers = [c.file_number for c in created]
    assert len(set(numbers)) == len(numbers)
    assert all(re.fullmatch(r"\d{6}", n) for n in numbers)
    for client in created:
        assert services.clients.get_by_file_number(receptionist, f" {client.file_number} ").id == client.id
        # Typed without its leading zeros, as people say it: "44" is file 000044.
        assert services.clients.get_by_file_number(receptionist, client.file_number.lstrip("0")).id == client.id


def test_unknown_client_or_file_number(services: Services, receptionist) -> None:
    with pytest.raises(NotFoundError):
        services.clients.open(receptionist, 999_999)
    with pytest.raises(NotFoundError):
        services.clients.get_by_file_number(receptionist, "999999")
    with pytest.raises(NotFoundError):
        services.clients.update(receptionist, 999_999, 1, draft())
