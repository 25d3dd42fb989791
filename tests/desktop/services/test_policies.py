"""Privacy-policy versions: loaded from the bundled texts, with the SHA-256 of their text."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from desktop.app import prepare_database
from desktop.db.models import PolicyVersion
from desktop.domain.enums import Language
from desktop.domain.errors import NotFoundError
from desktop.paths import resource_path
from desktop.services import Services
from desktop.services.policies import bundled_policies, text_sha256


def policy_file(language: Language) -> bytes:
    return resource_path("policies", f"2020-04-22.{language.value}.txt").read_bytes()


def test_the_bundled_policy_is_loaded_with_its_hash(services: Services, receptionist) -> None:
    english, french = services.policies.versions(receptionist)
    for policy, language in ((english, Language.EN), (french, Language.FR)):
        raw = policy_file(language)
        assert (policy.version, policy.language, policy.effective_date) == ("2020-04-22", language, date(2020, 4, 22))
        assert policy.text.encode("utf-8") == raw
        assert policy.sha256 == hashlib.sha256(raw).hexdigest() == text_sha256(policy.text)
        assert services.policies.get(receptionist, policy.id) == policy
        assert "Cliniques Médicales Lacroix" in policy.text
    assert english.sha256 != french.sha256
    assert english.text.startswith("PRIVACY POLICY") and french.text.startswith("POLITIQUE DE CONFIDENTIALITÉ")


def test_current_policy_is_in_the_client_language(services: Services, receptionist) -> None:
    for language in Language:
        policy = services.policies.current(receptionist, language)
        assert (policy.version, policy.language) == ("2020-04-22", language)
        assert policy.sha256 == hashlib.sha256(policy_file(language)).hexdigest()


def test_current_policy_falls_back_to_the_language_available(services: Services, receptionist, clock) -> None:
    """A version published in one language only is signed in that language until a text in the
    client's language is in force."""
    text = "Privacy policy 2019-06-01\n"
    with services.db.session(write=True) as session, session.begin():
        session.add(
            PolicyVersion(
                version="2019-06-01",
                language=Language.EN,
                effective_date=date(2019, 6, 1),
                text=text,
                sha256=text_sha256(text),
                loaded_at=datetime(2019, 6, 1, tzinfo=UTC),
            )
        )
    clock.at = datetime(2019, 9, 1, 15, tzinfo=UTC)
    for language in Language:
        policy = services.policies.current(receptionist, language)
        assert (policy.version, policy.language, policy.sha256) == ("2019-06-01", Language.EN, text_sha256(text))
    clock.at = datetime(2026, 11, 24, 15, tzinfo=UTC)
    for language in Language:
        policy = services.policies.current(receptionist, language)
        assert (policy.version, policy.language) == ("2020-04-22", language)


def test_unknown_policy(services: Services, receptionist) -> None:
    with pytest.raises(NotFoundError):
        services.policies.get(receptionist, 999)


def test_loading_again_adds_nothing(services: Services) -> None:
    prepare_database(services.db, services.clock)
    prepare_database(services.db, services.clock)
    with services.db.session(write=False) as session:
        assert session.scalar(select(func.count(PolicyVersion.id))) == len(bundled_policies())


def test_bundled_policy_files() -> None:
    found = bundled_policies()
    assert [(p.version, p.language) for p in found] == [("2020-04-22", Language.EN), ("2020-04-22", Language.FR)]
    assert all(p.effective_date == date(2020, 4, 22) for p in found)
    assert [p.text.encode("utf-8") for p in found] == [policy_file(Language.EN), policy_file(Language.FR)]
    assert [p.summary for p in found] == [
        resource_path("policies", f"2020-04-22.summary.{p.language.value}.txt").read_text("utf-8") for p in found
    ]
