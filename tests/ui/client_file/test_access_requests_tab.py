"""The client file's access-requests tab: the requests about the client with where each stands (answered,
refused, open, overdue in words and in red) and what was sent; it reloads when access requests of that
client change, in French and English; the requester's contact is never shown."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from desktop.domain.access_requests import AccessRequestDraft
from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.enums import Language
from desktop.domain.register_enums import AccessAnswerItem, AccessRequestChannel, AccessRequestKind
from tests.ui.conftest import TIMEOUT_MS, create_client, off_gui, sign_in, wait_idle
from ui.client_file import ClientFileWidget
from ui.kit.models import TONE_COLOURS

CONTACT = "514-555-0199 poste secret"
STATUS, SENT = 5, 6


def logged(services, actor, received_on: date, client_id: int, kind=AccessRequestKind.ACCESS):  # type: ignore[no-untyped-def]
    draft = AccessRequestDraft(
        kind, AccessRequestChannel.PHONE, received_on, "Luc Côté (fils)", CONTACT, "", client_id=client_id
    )
    return off_gui(lambda: services.access_requests.log(actor, draft))


def cells(tab, column: int, role=Qt.ItemDataRole.DisplayRole) -> list:  # type: ignore[no-untyped-def]
    return [tab.model.index(row, column).data(role) for row in range(tab.model.rowCount())]


def test_the_file_lists_its_access_requests_and_follows_changes(qtbot, gui_services, desk, runner, switch):
    officer = sign_in(gui_services, "vie.privee")
    zoe = create_client(gui_services, desk, "Côté", "Zoé")
    answered = logged(gui_services, desk, date(2026, 11, 2), zoe.id)
    off_gui(lambda: gui_services.access_requests.verify_identity(officer, answered.id, "Carte présentée"))
    off_gui(
        lambda: gui_services.access_requests.answer(
            officer, answered.id, frozenset({AccessAnswerItem.FILE_COPY}), b"%PDF copie"
        )
    )
    # Received 2026-10-10, due 2026-11-09: 15 days past due on the test's day (2026-11-24).
    logged(gui_services, desk, date(2026, 10, 10), zoe.id, AccessRequestKind.RECTIFICATION)

    widget = ClientFileWidget(gui_services, desk, runner)
    qtbot.addWidget(widget)
    widget.show()
    widget.open_client(zoe.id)
    qtbot.waitUntil(lambda: widget.client is not None, timeout=TIMEOUT_MS)
    wait_idle(qtbot, runner)
    tab, tabs = widget.access_requests_tab, widget.tabs
    assert tabs.tabText(tabs.indexOf(tab)) == "Access re&quests (2)"
    assert cells(tab, 1) == ["Access", "Rectification"]  # newest received first
    assert cells(tab, 2) == ["Phone", "Phone"] and cells(tab, 3) == ["Luc Côté (fils)"] * 2
    assert cells(tab, STATUS) == ["Answered on 2026-11-24", "OVERDUE: open, 15 day(s) past due"]
    assert cells(tab, SENT) == ["A copy of the file", "—"]
    red = QColor(TONE_COLOURS["danger"][1])
    assert cells(tab, STATUS, Qt.ItemDataRole.BackgroundRole)[1].color() == red
    assert cells(tab, STATUS, Qt.ItemDataRole.BackgroundRole)[0].color() != red
    assert tab.state_label.text() == (
        "2 access or rectification request(s) about this client. 1 OVERDUE: the answer was due within 30 days."
    )
    shown = [
        str(tab.model.index(row, column).data(role))
        for row in range(tab.model.rowCount())
        for column in range(tab.model.columnCount())
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    ]
    assert not [text for text in shown if "555-0199" in text]

    refused = logged(gui_services, desk, date(2026, 11, 20), zoe.id)
    off_gui(lambda: gui_services.access_requests.refuse(officer, refused.id, "Demande abusive"))
    runner.changes.publish(DataChange.of(ChangeSubject.ACCESS_REQUESTS, client_id=zoe.id), None)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 3, timeout=TIMEOUT_MS)
    assert cells(tab, STATUS)[0] == "Refused on 2026-11-24" and cells(tab, SENT)[0] == "Nothing (refused)"
    assert cells(tab, STATUS, Qt.ItemDataRole.ToolTipRole)[0] == "Reason for refusing: Demande abusive"

    switch(Language.FR)
    assert tabs.tabText(tabs.indexOf(tab)) == "Demandes d'a&ccès (3)"
    assert cells(tab, STATUS) == [
        "Refusée le 2026-11-24",
        "Répondue le 2026-11-24",
        "EN RETARD\u00a0: ouverte, échéance passée depuis 15 jour(s)",
    ]
    assert (
        cells(tab, 1) == ["Accès", "Accès", "Rectification"] and cells(tab, SENT)[1] == "Une copie du dossier"
    )
    assert tab.model.headerData(STATUS, Qt.Orientation.Horizontal) == "État"
    assert tab.state_label.text().startswith("3 demande(s) d'accès ou de rectification concernant ce client.")
    switch(Language.EN)

    other = create_client(gui_services, desk, "Roy", "Luc")
    widget.open_client(other.id)
    qtbot.waitUntil(lambda: widget.client is not None and widget.client.id == other.id, timeout=TIMEOUT_MS)
    wait_idle(qtbot, runner)
    assert tab.model.rowCount() == 0 and tabs.tabText(tabs.indexOf(tab)) == "Access re&quests (0)"
    assert not tabs.isTabVisible(tabs.indexOf(tab))  # none: the tab is not shown
    assert tab.state_label.text() == "No access or rectification request about this client."
