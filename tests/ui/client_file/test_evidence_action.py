"""The client file's "Evidence pack…" button: shown to the manager and the privacy officer only, it
makes the pack on the worker and opens it in the preview, which the session's lock hides."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.db.models import AuditRecord
from desktop.domain.enums import Channel, Interaction, Language, Purpose
from desktop.domain.records import ConsentCapture, ConsentChange
from tests.ui.conftest import TIMEOUT_MS, create_client, off_gui, settle, sign_in
from ui.documents.pdf_preview import PdfPreviewDialog


@pytest.fixture
def client(gui_services, desk):
    record = create_client(gui_services, desk, "Côté", "Zoé", born=date(1998, 10, 11))
    capture = ConsentCapture(
        (ConsentChange(Purpose.NEWSLETTERS, Channel.EMAIL, True),), Interaction.PHONE, Language.FR
    )
    off_gui(lambda: gui_services.consent.record(desk, record.id, capture))
    return record


def open_file(qtbot, window, client_id: int) -> None:
    window.open_client(client_id)
    qtbot.waitUntil(lambda: window.client_file.client is not None, timeout=TIMEOUT_MS)
    settle(qtbot, window)


def packs(services) -> list[AuditRecord]:
    def read() -> list[AuditRecord]:
        with services.db.session(write=False) as session:
            return list(session.scalars(select(AuditRecord).where(AuditRecord.action == "evidence.pack")))

    return off_gui(read)


@pytest.mark.parametrize("username", ["gestion", "vie.privee"])
def test_the_manager_and_officer_open_the_pack_in_the_preview(
    qtbot, make_window, gui_services, client, username
):
    window = make_window(gui_services, sign_in(gui_services, username))
    button = window.client_file.evidence.button
    assert not button.isHidden() and not button.isEnabled()  # no file open yet
    open_file(qtbot, window, client.id)
    assert button.isVisible() and button.isEnabled()
    assert button.text() == "E&vidence pack…"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: isinstance(window.windows.opened.get("evidence"), PdfPreviewDialog), timeout=TIMEOUT_MS
    )
    preview = window.windows.opened["evidence"]
    assert client.file_number in preview.windowTitle()
    assert preview.parent() is window  # hidden with the rest of the session when it locks
    (audit,) = packs(gui_services)
    assert audit.entity_id == str(client.id)
    preview.close()


def test_the_receptionist_has_no_such_button(qtbot, window, gui_services, client):
    open_file(qtbot, window, client.id)
    button = window.client_file.evidence.button
    assert button.isHidden() and not window.client_file.evidence.allowed
    window.client_file.evidence.run()  # even if asked, nothing is made
    settle(qtbot, window)
    assert packs(gui_services) == []
