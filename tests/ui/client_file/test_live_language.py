"""Switching the staff language while a client file, a new file or a conflict is open: every word
follows at once, and nothing typed, chosen or selected is lost."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from desktop.domain.enums import Language
from tests.ui.client_file.test_client_file import open_file, start_stale_save
from tests.ui.conftest import TIMEOUT_MS, create_client, type_text
from ui.client_file.new_client_dialog import NewClientDialog


@pytest.fixture
def client(gui_services, desk):
    return create_client(
        gui_services, desk, "Côté", "Zoé", born=date(1998, 10, 11), city="Québec", phone="418 555-0123"
    )


def test_the_open_file_follows_the_language_and_keeps_the_typing_and_the_tab(
    qtbot,
    window,
    client,
    switch,
):
    open_file(qtbot, window, client.id)
    file = window.client_file
    tab = file.details_tab
    tab.form.city.clear()
    type_text(tab.form.city, "Lévis")
    tab.form.preferred_language.setCurrentIndex(tab.form.preferred_language.findData(Language.EN))
    file.select_tab("consents")
    grid = file.consents_tab.grid_view
    grid.setCurrentIndex(file.consents_tab.grid_model.index(1, 2))
    assert tab.result_label.text() == "Unsaved changes"

    switch(Language.FR)
    assert file.tabs.tabText(0) == "Rense&ignements"
    assert tab.result_label.text() == "Modifications non enregistrées"
    assert tab.form.preferred_language.currentText() == "Anglais"
    assert file.consents_tab.grid_heading.text() == "Consentement actuel"
    assert file.appointments_tab.model.headerData(0, Qt.Orientation.Horizontal) == "Date et heure"
    assert any("Politique" in text or "politique" in text for text in file.header.badge_texts())
    # What was typed, chosen and selected is still there.
    assert tab.form.city.text() == "Lévis"
    assert tab.has_unsaved_changes()
    assert tab.form.preferred_language.currentData() == Language.EN
    assert file.tabs.currentWidget() is file.consents_tab
    assert (grid.currentIndex().row(), grid.currentIndex().column()) == (1, 2)

    switch(Language.EN)
    assert file.tabs.tabText(0) == "&Details"
    assert tab.result_label.text() == "Unsaved changes"
    assert tab.form.city.text() == "Lévis"


def test_the_conflict_dialog_follows_the_language_and_the_typing_waits(
    qtbot,
    window,
    gui_services,
    client,
    switch,
):
    tab, dialog = start_stale_save(qtbot, window, gui_services, client)
    message = dialog.findChild(type(tab.result_label), "conflictMessage")
    english = message.text()

    switch(Language.FR)
    assert dialog.windowTitle() == "Ce dossier a été modifié par quelqu'un d'autre"
    assert dialog._yours_heading.text() == "Votre version"
    assert message.text() != english and "Marc-André O'Brien" in message.text()
    assert tab.result_label.text() == message.text()
    assert tab.form.city.text() == "Rimouski"

    switch(Language.EN)
    assert message.text() == english
    qtbot.mouseClick(dialog.keep_editing_button, Qt.MouseButton.LeftButton)
    assert tab.form.city.text() == "Rimouski"
    assert tab.has_unsaved_changes()


def test_a_new_file_keeps_its_typing_and_its_errors_follow_the_language(
    qtbot, gui_services, desk, runner, switch
):
    dialog = NewClientDialog(gui_services, desk, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.form
    type_text(form.first_name, "Zoé")
    type_text(form.date_of_birth, "1980-13-45")
    form.preferred_language.setCurrentIndex(form.preferred_language.findData(Language.EN))
    dialog.create_button.click()
    qtbot.waitUntil(lambda: bool(form.errors.message("last_name")), timeout=TIMEOUT_MS)
    english = {name: form.errors.message(name) for name in ("last_name", "date_of_birth")}
    assert all(english.values())

    switch(Language.FR)
    assert dialog.windowTitle() == "Nouveau dossier client"
    assert form.last_name.accessibleName() == "Nom"
    french = {name: form.errors.message(name) for name in english}
    assert all(french.values()) and all(french[name] != english[name] for name in english)
    assert form.last_name.accessibleDescription() == french["last_name"]
    assert (form.first_name.text(), form.date_of_birth.text()) == ("Zoé", "1980-13-45")
    assert form.preferred_language.currentData() == Language.EN

    switch(Language.EN)
    assert {name: form.errors.message(name) for name in english} == english
    assert dialog.windowTitle() == "New client file"
    assert form.first_name.text() == "Zoé"
    assert form.last_name.text() == "" and form.date_of_birth.text() == "1980-13-45"
