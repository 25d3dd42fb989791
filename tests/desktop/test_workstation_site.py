"""The site a workstation is at, written by the set-up into settings.toml without disturbing the rest."""

from __future__ import annotations

import pytest

from desktop.settings import load_settings, store_workstation_site


def test_a_new_file_gets_the_workstation_section(tmp_path):
    path = tmp_path / "settings.toml"
    store_workstation_site(2, path)
    assert load_settings(path, environ={}).site_id == 2


def test_the_other_settings_and_comments_are_kept(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text(
        "# chosen by the installer\n[security]\nlockout_minutes = 30\n\n"
        "[workstation]\nsite = 1  # the old one\n\n[backup]\nkeep_days = 20\n",
        encoding="utf-8",
    )
    store_workstation_site(3, path)
    text = path.read_text("utf-8")
    assert "# chosen by the installer" in text and "the old one" not in text
    assert text.count("site =") == 1
    settings = load_settings(path, environ={})
    assert (settings.site_id, settings.lockout_minutes, settings.backup_keep_days) == (3, 30, 20)


def test_a_section_without_a_site_gets_one(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text("[workstation]\n[security]\nmax_failed_logins = 7\n", encoding="utf-8")
    store_workstation_site(5, path)
    settings = load_settings(path, environ={})
    assert (settings.site_id, settings.max_failed_logins) == (5, 7)


def test_no_site_is_refused(tmp_path):
    with pytest.raises(ValueError):
        store_workstation_site(0, tmp_path / "settings.toml")
