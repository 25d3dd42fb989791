"""The Privacy menu as each role sees it: a receptionist logs an access request for the open file and
sees nothing else; a manager also records disclosures and opens their register; the privacy officer
opens every register. Each entry opens its window once, in the staff member's language."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.enums import Language
from desktop.domain.records import ClientDraft
from tests.ui.conftest import TIMEOUT_MS, off_gui, sign_in
from ui.registers.access_request_dialog import AccessRequestDialog
from ui.registers.access_request_window import AccessRequestWindow
from ui.registers.disclosure_dialog import DisclosureDialog
from ui.registers.disclosure_window import DisclosureRegisterWindow
from ui.registers.incident_window import IncidentRegisterWindow
from ui.registers.retention_window import RetentionReviewWindow

ENTRIES = (
    "logAccessRequest",
    "recordDisclosure",
    "disclosureRegister",
    "incidentRegister",
    "accessRequests",
    "retentionReview",
)
SEEN = {
    "accueil": {"logAccessRequest"},
    "gestion": {"logAccessRequest", "recordDisclosure", "disclosureRegister"},
    "vie.privee": set(ENTRIES),
}


@pytest.mark.parametrize("username", sorted(SEEN))
def test_each_role_sees_its_entries(gui_services, make_window, username):
    window = make_window(gui_services, sign_in(gui_services, username))
    privacy = window.manage.privacy
    assert {name for name, action in privacy.actions.items() if action.isVisible()} == SEEN[username]
    assert privacy.menu.menuAction().isVisible()
    bar = window.menuBar().actions()
    # After Manage (hidden for a receptionist but still in the bar), before View.
    assert bar.index(privacy.menu.menuAction()) == bar.index(window.manage_menu.menuAction()) + 1
    assert bar.index(privacy.menu.menuAction()) == bar.index(window.view_menu.menuAction()) - 1


def test_an_access_request_is_logged_for_the_open_file(qtbot, gui_services, make_window):
    desk = sign_in(gui_services)
    client = off_gui(
        lambda: gui_services.clients.create(desk, ClientDraft("Nguyễn", "Thảo", date(1990, 5, 6)))
    )
    window = make_window(gui_services, desk)
    window.open_client(client.id)
    qtbot.waitUntil(lambda: window.client_file.client is not None, timeout=TIMEOUT_MS)
    window.manage.privacy.actions["logAccessRequest"].trigger()
    dialog = window.windows.opened["access-request"]
    assert isinstance(dialog, AccessRequestDialog)
    # Once: asking again brings the same form up.
    assert window.manage.privacy.log_access_request() is dialog
    dialog.close()


def test_the_privacy_officer_opens_every_register(qtbot, gui_services, make_window, switch):
    window = make_window(gui_services, sign_in(gui_services, "vie.privee"))
    kinds = {
        "recordDisclosure": DisclosureDialog,
        "disclosureRegister": DisclosureRegisterWindow,
        "incidentRegister": IncidentRegisterWindow,
        "accessRequests": AccessRequestWindow,
        "retentionReview": RetentionReviewWindow,
    }
    before = set(window.windows.opened.values())
    for name, kind in kinds.items():
        window.manage.privacy.actions[name].trigger()
        opened = set(window.windows.opened.values()) - before
        assert [type(w) for w in opened] == [kind], name
        before |= opened
    switch(Language.FR)
    assert window.manage.privacy.menu.title() == "C&onfidentialité"
    assert window.manage.privacy.actions["incidentRegister"].text() == "&Incidents de confidentialité…"
    switch(Language.EN)
    assert window.manage.privacy.menu.title() == "&Privacy"
    for opened in list(window.windows.opened.values()):
        opened.close()
