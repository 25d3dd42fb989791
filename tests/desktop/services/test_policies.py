"""Privacy-policy versions: loaded from the bundled texts, with the SHA-256 of their text."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from sqlalchemy import func, select

from desktop.app import prepare_database
from desktop.db.models import PolicyVersion
from desktop.domain.enums import Language
from desktop.domain.errors import NotFoundError
from desktop.paths import resource_path
from desktop.services import Services
from desktop.services.policies import bundled_policies, text_sha256

POLICY_FILE = resource_path("policies", "2020-04-22.en.txt")


def test_the_bundled_policy_is_loaded_with_its_hash(services: Services, receptionist) -> None:
    [policy] = services.policies.versions(receptionist)
    raw = POLICY_FILE.read_bytes()
    assert (policy.version, policy.language, policy.effective_date) == ("2020-04-22", Language.EN, date(2020, 4, 22))
    assert policy.text.encode("utf-8") == raw
    assert policy.sha256 == hashlib.sha256(raw).hexdigest() == text_sha256(policy.text)
    assert services.policies.get(receptionist, policy.id) == policy
    assert "Cliniques Médicales Lacroix" in policy.text


def test_current_policy_falls_back_to_the_language_available(services: Services, receptionist) -> None:
    assert services.policies.current(receptionist, Language.EN).version == "2020-04-22"
    french = services.policies.current(receptionist, Language.FR)
    assert (french.version, french.language) == ("2020-04-22", Language.EN)


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
    assert [(p.version, p.language) for p in found] == [("2020-04-22", Language.EN)]
    assert found[0].effective_date == date(2020, 4, 22)
