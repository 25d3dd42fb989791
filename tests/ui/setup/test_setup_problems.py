"""What the set-up refuses, said in the person's language under the field concerned, nothing typed lost."""

from __future__ import annotations

import socket

from PySide6.QtWidgets import QDialog

from desktop.domain.enums import Language
from tests.ui.helpers import off_gui
from tests.ui.setup.clinic import (
    MANAGER,
    SITES,
    choose_file,
    fill_organisation,
    fill_sites,
    finish,
    run_through,
)


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_bad_postal_code_and_phone_are_named_and_kept(qtbot, wizard, switch):
    wizard.next()
    fill_organisation(wizard)
    wizard.next()
    bad = dict(SITES[1], postal_code="12345", phone="555")
    fill_sites(wizard, (SITES[0], bad))
    wizard.next()
    assert wizard.currentPage() is wizard.sites
    second = wizard.sites.forms[1]
    assert second.fields.message("postal_code") == "Invalid postal code. Example: H2X 3Y7."
    assert second.fields.message("phone").startswith("Invalid phone number")
    assert wizard.sites.forms[0].fields.message("postal_code") == ""
    assert (second.postal_code.text(), second.phone.text()) == ("12345", "555")
    switch(Language.FR)
    assert second.fields.message("postal_code") == "Code postal invalide. Exemple : H2X 3Y7."
    assert second.title() == "Clinique 2"
    assert (second.postal_code.text(), second.phone.text()) == ("12345", "555")


def test_a_missing_organisation_name_stops_next(wizard):
    wizard.next()
    wizard.next()
    assert wizard.currentPage() is wizard.organisation
    assert wizard.organisation.fields.message("organisation_name") == "This field is required."


def test_an_unreachable_server_is_refused(qtbot, wizard, switch):
    page = wizard.location
    assert page is not None
    page.server.setChecked(True)
    page.url.setText(f"postgresql://clinique:secret@127.0.0.1:{closed_port()}/frontdesk")
    wizard.next()
    qtbot.waitUntil(lambda: not page.is_testing, timeout=30_000)
    assert wizard.currentPage() is page
    assert page.errors.message("database_url") == (
        "The server does not answer at this address, or refuses the user or password."
    )
    assert page.server_url is None and "secret" in page.url.text()
    switch(Language.FR)
    assert page.errors.message("database_url").startswith("Le serveur ne répond pas")


def test_not_a_server_address_is_refused(qtbot, wizard):
    page = wizard.location
    assert page is not None
    page.server.setChecked(True)
    page.url.setText("mysql://somewhere/frontdesk")
    page.test_button.click()
    qtbot.waitUntil(lambda: not page.is_testing, timeout=10_000)
    assert page.errors.message("database_url").startswith("Invalid address: it starts with postgresql://")


def test_a_file_that_is_not_utf8_is_named_and_the_earlier_one_kept(qtbot, wizard, monkeypatch, tmp_path):
    page = wizard.policy
    good, latin1, empty = tmp_path / "politique.txt", tmp_path / "ancienne.txt", tmp_path / "vide.txt"
    good.write_text("Politique de la clinique\nSuite.\n", encoding="utf-8")
    latin1.write_bytes("Politique créée en Latin-1".encode("latin-1"))
    empty.write_text("  \n", encoding="utf-8")
    for path in (good, latin1):
        choose_file(monkeypatch, path)
        page.buttons["text_fr"].click()
        qtbot.waitUntil(lambda: not page.is_reading, timeout=10_000)
    assert page.errors.message("text_fr").startswith("The file ancienne.txt is not UTF-8 text")
    assert page.files["text_fr"].path == good
    assert (
        "politique.txt" in page.shown["text_fr"].text()
        and "Politique de la clinique" in page.shown["text_fr"].text()
    )
    choose_file(monkeypatch, empty)
    page.buttons["summary_en"].click()
    qtbot.waitUntil(lambda: not page.is_reading, timeout=10_000)
    assert page.errors.message("summary_en") == "The file vide.txt is empty."
    choose_file(monkeypatch, tmp_path / "absent.txt")
    page.buttons["text_en"].click()
    qtbot.waitUntil(lambda: not page.is_reading, timeout=10_000)
    assert page.errors.message("text_en") == "The file absent.txt is missing or cannot be read."


def test_a_problem_found_at_finish_goes_back_to_its_page(
    qtbot, wizard, fresh_services, monkeypatch, tmp_path
):
    run_through(wizard, qtbot, monkeypatch, tmp_path / "policy")
    wizard.back()
    wizard.manager.username.setText("h gagnon!")  # the username's form is checked when the set-up runs
    wizard.next()
    finish(wizard, qtbot)
    assert wizard.result() != QDialog.DialogCode.Accepted
    assert wizard.currentPage() is wizard.manager
    assert wizard.manager.fields.message("username") != ""
    assert wizard.manager.full_name.text() == MANAGER[1]
    assert off_gui(fresh_services.setup.needed) is True  # nothing written
    wizard.manager.username.setText(MANAGER[0])
    wizard.next()
    finish(wizard, qtbot)
    assert wizard.result() == QDialog.DialogCode.Accepted, wizard.summary.message.text()
