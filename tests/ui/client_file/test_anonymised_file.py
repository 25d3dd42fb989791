"""An anonymised file in the client file: when it was anonymised, the year of birth only, no action that
would change it; and a file open while it is anonymised elsewhere in the program follows at once."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.enums import Language
from tests.conftest import TEST_NOW
from tests.ui.conftest import TIMEOUT_MS, off_gui, sign_in, wait_idle
from tests.ui.registers.test_retention_window import old_client
from ui.client_file.widget import ClientFileWidget


def open_file(qtbot, services, actor, runner, client_id: int) -> ClientFileWidget:
    widget = ClientFileWidget(services, actor, runner)
    qtbot.addWidget(widget)
    widget.show()
    widget.open_client(client_id)
    qtbot.waitUntil(lambda: widget.client is not None, timeout=TIMEOUT_MS)
    wait_idle(qtbot, runner)
    return widget


def test_an_anonymised_file_shows_when_and_the_year_of_birth_and_cannot_be_changed(
    qtbot, gui_services, desk, runner, switch
):
    client = old_client(gui_services, desk, "Gagnon", "Hélène")
    widget = open_file(qtbot, gui_services, desk, runner, client.id)
    details = widget.tabs.indexOf(widget.details_tab)
    assert widget.tabs.isTabVisible(details)
    assert widget.desk_actions.update_consent_action.isEnabled()

    officer = sign_in(gui_services, "vie.privee")
    off_gui(lambda: gui_services.retention.anonymise(officer, client.id))
    # As the retention review does once it has anonymised the file.
    runner.changes.publish(DataChange.of(ChangeSubject.RETENTION, ChangeSubject.CLIENT, client_id=client.id))
    qtbot.waitUntil(
        lambda: widget.client is not None and widget.client.anonymised_at is not None, timeout=TIMEOUT_MS
    )
    wait_idle(qtbot, runner)

    header = widget.header
    today = TEST_NOW.astimezone().date().isoformat()
    assert header.name_label.text() == "Anonymised file"
    facts = header.facts_label.text().replace("&nbsp;", " ")
    assert f"File anonymised on <b>{today}</b>" in facts
    assert "Born in <b>1980</b>" in facts and "1980-01-01" not in facts and "1980-05-17" not in facts
    assert "Gagnon" not in facts + header.name_label.text()
    assert not widget.tabs.isTabVisible(details)
    assert not widget.details_tab.form.isEnabled()
    for action in widget.desk_actions.actions():
        assert not action.isEnabled()
        assert action.statusTip() == "This file is anonymised: it can no longer be changed."

    switch(Language.FR)
    QApplication.processEvents()
    assert header.name_label.text() == "Dossier anonymisé"
    facts = header.facts_label.text().replace("&nbsp;", " ")
    assert f"Dossier anonymisé le <b>{today}</b>" in facts and "Naissance en <b>1980</b>" in facts


def test_opening_an_anonymised_file_shows_it_so(qtbot, gui_services, desk, runner):
    client = old_client(gui_services, desk, "Roy", "Anne")
    officer = sign_in(gui_services, "vie.privee")
    off_gui(lambda: gui_services.retention.anonymise(officer, client.id))
    widget = open_file(qtbot, gui_services, desk, runner, client.id)
    assert widget.header.name_label.text() == "Anonymised file"
    assert not widget.tabs.isTabVisible(widget.tabs.indexOf(widget.details_tab))
    assert not widget.desk_actions.sign_policy_action.isEnabled()
