"""Switching the staff language while the shell's windows are open: every word follows at once, and
nothing typed or chosen is lost (tests/ui/conftest pins English; each test goes back to it)."""

from __future__ import annotations

from desktop.domain.enums import Language
from tests.conftest import WORKSTATION
from tests.ui.conftest import TIMEOUT_MS, off_gui, settle, type_text, wait_idle
from ui.shell.login_dialog import FirstManagerDialog, LoginDialog
from ui.shell.shortcuts_dialog import ShortcutsDialog


def test_main_window_menus_title_and_status_bar_follow_and_the_search_is_kept(qtbot, window, switch):
    field = window.search_panel.field
    type_text(field, "tremblay")
    settle(qtbot, window)
    qtbot.waitUntil(lambda: window.counts_button.text() != "Opt-outs: …", timeout=TIMEOUT_MS)
    english_counts = window.counts_button.text()
    assert window.file_menu.title() == "&File"

    switch(Language.FR)
    assert window.file_menu.title() == "&Fichier"
    assert window.find_action.text() == "&Rechercher un client"
    assert " sur " in window.windowTitle()
    assert window.counts_button.text().startswith("Retraits")
    assert field.text() == "tremblay"
    settle(qtbot, window)

    switch(Language.EN)
    assert window.file_menu.title() == "&File"
    assert " on " in window.windowTitle()
    assert window.counts_button.text() == english_counts
    assert field.text() == "tremblay"


def test_the_lock_screen_follows_and_unlocking_brings_back_the_title_in_the_new_language(
    qtbot, window, switch
):
    english_title = window.windowTitle()
    window.lock()
    screen = window.lock_screen
    type_text(screen.password, "half-typed")
    window._other_signed_in(window.actor)  # no session host: the screen says who may unlock
    assert screen.error.text() == f"Only {window.actor.full_name} can unlock this window."
    explanation = screen.explanation.text()

    switch(Language.FR)
    assert window.windowTitle() == "FrontDesk — Verrouillé"
    assert screen.title.text() == "FrontDesk est verrouillé"
    assert screen.error.text().startswith("Cette fenêtre ne peut être déverrouillée")
    assert screen.explanation.text() != explanation
    assert screen.password.text() == "half-typed"

    window.unlock()
    assert " sur " in window.windowTitle()
    switch(Language.EN)
    assert window.windowTitle() == english_title


def test_the_shortcuts_dialog_lists_the_actions_in_the_new_language(qtbot, window, switch):
    window.show_shortcuts()
    dialog = window.windows.opened["shortcuts"]
    assert isinstance(dialog, ShortcutsDialog)
    assert ("Ctrl+F", "Find a client") in dialog.rows

    switch(Language.FR)
    assert dialog.windowTitle() == "Raccourcis clavier"
    assert ("Ctrl+F", "Rechercher un client") in dialog.rows
    assert dialog.isVisible()


def test_the_connection_banner_follows(qtbot, window, switch):
    window.connection.delays_ms = (60_000,)
    window.connection.connection_lost()
    banner = window.connection_banner
    assert banner.message.text().startswith("Connection to the database lost")

    switch(Language.FR)
    assert banner.message.text().startswith("Connexion à la base de données perdue")
    assert banner.retry_button.text() == "Réessayer &maintenant"
    window.connection.stop()


def test_the_sign_in_dialog_keeps_the_username_and_rewords_its_error(qtbot, gui_services, runner, switch):
    dialog = LoginDialog(gui_services, runner, WORKSTATION)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.username, "accueil")
    dialog.sign_in_button.click()  # no password: the form says so
    assert dialog.error.text() == "Type your username and your password."

    switch(Language.FR)
    assert dialog.error.text() == "Entrez votre nom d'utilisateur et votre mot de passe."
    assert dialog.sign_in_button.text() == "&Se connecter"
    assert dialog.username.text() == "accueil"

    switch(Language.EN)
    assert dialog.error.text() == "Type your username and your password."
    assert dialog.sign_in_button.text() == "&Sign in"


def test_the_first_manager_dialog_keeps_what_was_typed(qtbot, gui_services, runner, switch, tmp_path):
    from desktop.app import open_services

    empty = off_gui(lambda: open_services("sqlite+pysqlite:///" + (tmp_path / "empty.db").as_posix()))
    try:
        dialog = FirstManagerDialog(empty, runner, WORKSTATION)
        qtbot.addWidget(dialog)
        dialog.show()
        type_text(dialog.username, "marie.tremblay")
        type_text(dialog.full_name, "Marie Tremblay")
        type_text(dialog.password, "Password-one-1")
        type_text(dialog.password_again, "Password-two-2")
        dialog.create_button.click()
        assert dialog.errors.message("password_again") == "The two passwords are different."

        switch(Language.FR)
        assert dialog.errors.message("password_again") == "Les deux mots de passe sont différents."
        assert dialog.create_button.text() == "&Créer le compte"
        assert (dialog.username.text(), dialog.full_name.text()) == ("marie.tremblay", "Marie Tremblay")
        assert dialog.password.text() == "Password-one-1"
    finally:
        wait_idle(qtbot, runner)
        empty.close()
