"""Security settings: a TOML file in the config folder, environment overrides, sane fallbacks, and the
log-in lock-out that open_services takes from them."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest

from desktop.app import open_services
from desktop.domain.errors import AccountLockedError, AuthenticationError
from desktop.settings import SecuritySettings, load_settings, settings_path
from tests.conftest import TEST_PASSWORD, WORKSTATION

ENV = (
    "FRONTDESK_MAX_FAILED_LOGINS",
    "FRONTDESK_LOCKOUT_MINUTES",
    "FRONTDESK_IDLE_LOCK_MINUTES",
    "FRONTDESK_BACKUP_KEEP_DAYS",
)


@pytest.fixture
def config(tmp_path, monkeypatch):
    monkeypatch.setenv("FRONTDESK_CONFIG_DIR", str(tmp_path / "config"))
    for name in ENV:
        monkeypatch.delenv(name, raising=False)
    path = settings_path()
    path.parent.mkdir(parents=True)
    return path


def test_defaults_without_a_file(config):
    settings = load_settings()
    assert settings == SecuritySettings()
    assert (settings.max_failed_logins, settings.lockout_minutes) == (5, 15)
    assert settings.backup_keep_days == 14
    # The clinic's idle-lock delay holds unless the workstation's own is shorter.
    assert settings.idle_lock_for(5) == timedelta(minutes=5)
    assert SecuritySettings(idle_lock_minutes=3).idle_lock_for(5) == timedelta(minutes=3)
    assert SecuritySettings(idle_lock_minutes=30).idle_lock_for(5) == timedelta(minutes=5)
    assert settings.site_id == 0
    policy = settings.login_policy()
    assert (policy.max_failed_attempts, policy.lockout, policy.min_password_length) == (
        5,
        timedelta(minutes=15),
        10,
    )


def test_file_then_environment(config, monkeypatch):
    config.write_text(
        "[security]\nmax_failed_logins = 3\nlockout_minutes = 30\nidle_lock_minutes = 10\n[backup]\nkeep_days = 30\n",
        "utf-8",
    )
    assert load_settings() == SecuritySettings(3, 30, 10, 30)
    monkeypatch.setenv("FRONTDESK_IDLE_LOCK_MINUTES", "2")
    monkeypatch.setenv("FRONTDESK_LOCKOUT_MINUTES", " 45 ")
    monkeypatch.setenv("FRONTDESK_MAX_FAILED_LOGINS", "4")
    monkeypatch.setenv("FRONTDESK_BACKUP_KEEP_DAYS", "7")
    assert load_settings() == SecuritySettings(4, 45, 2, 7)


@pytest.mark.parametrize(
    "document",
    [
        "[security]\nmax_failed_logins = 0\nlockout_minutes = -5\nidle_lock_minutes = 100000\n",
        '[security]\nmax_failed_logins = "many"\nlockout_minutes = 1.5\nidle_lock_minutes = true\n',
        "[security\nthis is not TOML",
        "security = 3\nbackup = []\n",
    ],
)
def test_bad_values_keep_the_defaults(config, document):
    config.write_text(document, "utf-8")
    assert load_settings() == SecuritySettings()


def test_a_bad_value_is_logged_by_name(config, caplog):
    config.write_text("[security]\nlockout_minutes = 0\n", "utf-8")
    with caplog.at_level(logging.WARNING, logger="desktop.settings"):
        load_settings()
    assert any("lockout_minutes" in r.getMessage() and "1 to 1440" in r.getMessage() for r in caplog.records)


def test_bad_environment_values_are_ignored(config, monkeypatch):
    config.write_text("[security]\nidle_lock_minutes = 12\n", "utf-8")
    monkeypatch.setenv("FRONTDESK_IDLE_LOCK_MINUTES", "0")
    monkeypatch.setenv("FRONTDESK_MAX_FAILED_LOGINS", "five")
    assert load_settings() == SecuritySettings(idle_lock_minutes=12)


def test_open_services_locks_out_as_configured(config, monkeypatch, database_url, clock):
    monkeypatch.setenv("FRONTDESK_MAX_FAILED_LOGINS", "2")
    monkeypatch.setenv("FRONTDESK_LOCKOUT_MINUTES", "30")
    services = open_services(database_url, clock=clock, migrate=False)
    try:
        assert services.staff.policy.max_failed_attempts == 2
        for _ in range(2):
            with pytest.raises(AuthenticationError):
                services.staff.authenticate("accueil", "wrong password 1", WORKSTATION)
        with pytest.raises(AccountLockedError):
            services.staff.authenticate("accueil", TEST_PASSWORD, WORKSTATION)
        clock.advance(minutes=29)
        with pytest.raises(AccountLockedError):
            services.staff.authenticate("accueil", TEST_PASSWORD, WORKSTATION)
        clock.advance(minutes=2)
        assert services.staff.authenticate("accueil", TEST_PASSWORD, WORKSTATION).username == "accueil"
    finally:
        services.close()
