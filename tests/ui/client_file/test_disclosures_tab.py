"""The client file's disclosures tab: the entries naming the client, for whoever works with the file; it
reloads when disclosures of that client change; a manager records one from there, the client named."""

from __future__ import annotations

from datetime import date

from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.disclosures import DisclosureDraft
from desktop.domain.enums import Language
from desktop.domain.register_enums import DisclosureMeans, DisclosureRecipient
from tests.ui.conftest import TIMEOUT_MS, create_client, off_gui, sign_in, wait_idle
from ui.client_file import ClientFileWidget


def police(client_id: int) -> DisclosureDraft:
    return DisclosureDraft(
        date(2026, 11, 20),
        DisclosureRecipient.POLICE,
        "SPVQ",
        "Mandat",
        "Coordonnées",
        "Jeanne Tremblay",
        DisclosureMeans.FAX,
        (client_id,),
    )


def open_file(qtbot, services, actor, runner, client_id):  # type: ignore[no-untyped-def]
    widget = ClientFileWidget(services, actor, runner)
    qtbot.addWidget(widget)
    widget.show()
    widget.open_client(client_id)
    qtbot.waitUntil(lambda: widget.client is not None, timeout=TIMEOUT_MS)
    wait_idle(qtbot, runner)
    return widget


def test_the_file_lists_its_disclosures_and_follows_changes(qtbot, gui_services, desk, runner, switch):
    boss = sign_in(gui_services, "gestion")
    zoe = create_client(gui_services, desk, "Côté", "Zoé")
    off_gui(lambda: gui_services.disclosures.record(boss, police(zoe.id)))
    widget = open_file(qtbot, gui_services, desk, runner, zoe.id)
    tab = widget.disclosures_tab
    tabs = widget.tabs
    assert tabs.tabText(tabs.indexOf(tab)) == "Disc&losures (1)" and tabs.isTabVisible(tabs.indexOf(tab))
    assert tab.model.rowCount() == 1 and "Police service — SPVQ" in tab.model.index(0, 2).data()
    assert tab.state_label.text() == "1 disclosure(s) of this client's information to a third party."
    assert tab.record_button.isHidden()  # a receptionist sees them, records none

    off_gui(lambda: gui_services.disclosures.record(boss, police(zoe.id)))
    runner.changes.publish(DataChange.of(ChangeSubject.DISCLOSURES, client_id=zoe.id), None)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=TIMEOUT_MS)
    switch(Language.FR)
    assert tabs.tabText(tabs.indexOf(tab)) == "Commu&nications (2)"
    assert "Service de police — SPVQ" in tab.model.index(0, 2).data()
    switch(Language.EN)

    managed = open_file(qtbot, gui_services, boss, runner, zoe.id)
    assert not managed.disclosures_tab.record_button.isHidden()
    managed.disclosures_tab.open_dialog()
    dialog = managed.disclosures_tab.dialog
    assert dialog is not None and dialog.client_ids() == (zoe.id,)
    dialog.close()
    # A file no disclosure names: the tab is not shown.
    luc = create_client(gui_services, desk, "Roy", "Luc")
    managed.open_client(luc.id)
    qtbot.waitUntil(lambda: managed.disclosures_tab.model.rowCount() == 0, timeout=TIMEOUT_MS)
    wait_idle(qtbot, runner)
    assert not managed.tabs.isTabVisible(managed.tabs.indexOf(managed.disclosures_tab))
