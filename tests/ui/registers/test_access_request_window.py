"""The privacy officer's queue of access and rectification requests: overdue ones first and flagged, a
request matched by file number, its requester's identity recorded as verified, answered with the
client's evidence pack (its PDF saved, its fingerprint recorded) or refused with a reason."""

from __future__ import annotations

import hashlib
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop.domain.access_requests import AccessRequestDraft, AccessRequestStatus
from desktop.domain.changes import ChangeSubject
from desktop.domain.enums import Language
from desktop.domain.register_enums import AccessAnswerItem, AccessRequestChannel, AccessRequestKind
from tests.conftest import TEST_PASSWORD, WORKSTATION
from tests.ui import booking_fixtures
from tests.ui.booking_fixtures import Desk, type_text
from ui.registers.access_request_model import AccessRequestModel as M
from ui.registers.access_request_window import AccessRequestWindow

desk = booking_fixtures.desk


def log(desk: Desk, received: date, name: str, client_id: int | None = None) -> int:
    draft = AccessRequestDraft(
        AccessRequestKind.ACCESS, AccessRequestChannel.EMAIL, received, name, client_id=client_id
    )
    return desk.call(desk.services.access_requests.log, desk.actor, draft).id


def open_window(qtbot, desk: Desk) -> tuple[AccessRequestWindow, object]:
    officer = desk.call(desk.services.staff.authenticate, "vie.privee", TEST_PASSWORD, WORKSTATION)
    window = AccessRequestWindow(desk.services, officer, desk.runner)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    desk.settle()
    return window, officer


def cell(window: AccessRequestWindow, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):
    return window.model.data(window.model.index(row, column), role)


def act(desk: Desk, button) -> None:
    button.click()
    desk.settle()
    desk.settle()  # the reload the action started


def test_the_queue_flags_overdue_and_a_request_is_matched_verified_and_answered(
    qtbot, desk: Desk, monkeypatch, tmp_path
):
    client = desk.new_client()
    old = log(desk, date(2026, 10, 1), "Luc Bouchard")
    recent = log(desk, date(2026, 11, 20), "Marie-Ève Gagnon")
    window, officer = open_window(qtbot, desk)

    assert window.windowTitle() == "Access and rectification requests — 2 open, 1 overdue"
    assert [window.model.record(r).id for r in range(2)] == [old, recent]
    assert cell(window, 0, M.DAYS_LEFT) == "OVERDUE · 24 day(s) late" and cell(window, 1, M.DAYS_LEFT) == "26"
    assert cell(window, 0, M.RECEIVED, Qt.ItemDataRole.BackgroundRole) is not None
    assert cell(window, 1, M.RECEIVED, Qt.ItemDataRole.BackgroundRole) is None
    assert cell(window, 1, M.FILE) == "Not matched"

    window.select_request(recent)
    act(desk, window.action_box.answer_button)
    assert "Verify the requester's identity first" in window.status.text()
    type_text(window.action_box.identity_how, "Permis de conduire vu")
    act(desk, window.action_box.verify_button)
    assert window.status.text() == "Identity recorded as verified."
    act(desk, window.action_box.match_button)
    assert "Client file" in window.status.text()  # no file number typed
    type_text(window.action_box.file_number, str(int(client.file_number)))
    act(desk, window.action_box.match_button)
    assert window.status.text() == f"Matched to file {client.file_number}."
    assert f"Client file: {client.file_number}" in window.details.text()
    assert "Identity verified on" in window.details.text()

    window.action_box.items[AccessAnswerItem.EVIDENCE_PACK].click()
    window.action_box.items[AccessAnswerItem.FILE_COPY].click()
    window.action_box.save_pdf.click()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(tmp_path / "pack"), ""))
    )
    act(desk, window.action_box.answer_button)
    saved = tmp_path / "pack.pdf"
    assert "Answer recorded: The client's evidence pack, A copy of the file." in window.status.text()
    answered = desk.call(desk.services.access_requests.get, officer, recent)
    assert answered.status == AccessRequestStatus.ANSWERED
    assert saved.read_bytes().startswith(b"%PDF-")
    assert answered.document_sha256 == hashlib.sha256(saved.read_bytes()).hexdigest()
    assert window.model.rowCount() == 1 and window.windowTitle().endswith("1 open, 1 overdue")

    window.select_request(old)
    act(desk, window.action_box.refuse_button)
    assert "Reason for refusing" in window.status.text()
    type_text(window.action_box.reason, "Aucun dossier au nom du demandeur")
    act(desk, window.action_box.refuse_button)
    assert window.status.text() == "Refusal recorded."
    assert desk.boxes.calls[-1][1] == "Refuse this request?"
    assert window.model.rowCount() == 0 and window.counts_label.text() == "0 open · none overdue"


def test_a_pack_sent_but_not_saved_here_records_no_fingerprint(qtbot, desk: Desk):
    """Only the PDF saved from here is fingerprinted: a pack made just to be hashed is one nobody has."""
    client = desk.new_client()
    request = log(desk, date(2026, 11, 20), "Luc Bouchard", client_id=client.id)
    window, officer = open_window(qtbot, desk)
    window.select_request(request)
    type_text(window.action_box.identity_how, "Permis de conduire vu")
    act(desk, window.action_box.verify_button)
    window.action_box.items[AccessAnswerItem.RECTIFIED_FILE].click()
    act(desk, window.action_box.answer_button)
    assert window.status.text().startswith("A rectified file answers only a rectification request")
    window.action_box.items[AccessAnswerItem.RECTIFIED_FILE].click()
    window.action_box.items[AccessAnswerItem.EVIDENCE_PACK].click()
    act(desk, window.action_box.answer_button)
    assert window.status.text() == "Answer recorded: The client's evidence pack."
    answered = desk.call(desk.services.access_requests.get, officer, request)
    assert answered.answer_items == {AccessAnswerItem.EVIDENCE_PACK} and answered.document_sha256 is None


def test_the_queue_in_french(qtbot, desk: Desk, switch):
    log(desk, date(2026, 10, 1), "Luc Bouchard")
    window, _officer = open_window(qtbot, desk)
    window.select_request(window.model.record(0).id)
    type_text(window.action_box.reason, "motif")
    switch(Language.FR)
    assert (
        window.windowTitle() == "Demandes d'accès et de rectification — ouvertes\u00a0: 1, en retard\u00a0: 1"
    )
    assert cell(window, 0, M.DAYS_LEFT) == "EN RETARD · 24 j"
    assert cell(window, 0, M.KIND) == "Accès" and cell(window, 0, M.CHANNEL) == "Courriel"
    assert window.details.text().startswith("EN RETARD depuis le 2026-10-31")
    assert window.action_box.refuse_button.text() == "Re&fuser…"
    assert window.action_box.reason.text() == "motif"


def test_matched_away_from_a_file_the_change_reaches_both_files(qtbot, desk: Desk):
    first, other = desk.new_client(), desk.new_client("Roy", "Luc")
    request = log(desk, date(2026, 11, 20), "Luc Roy", client_id=first.id)
    window, _officer = open_window(qtbot, desk)
    window.select_request(request)
    changes = []
    desk.runner.changes.changed.connect(lambda change, _source: changes.append(change))
    type_text(window.action_box.file_number, str(int(other.file_number)))
    act(desk, window.action_box.match_button)
    assert window.status.text() == f"Matched to file {other.file_number}."
    published = [c for c in changes if c.touches(ChangeSubject.ACCESS_REQUESTS)]
    assert [c.client_id for c in published] == [None]
    assert published[0].concerns(first.id, ChangeSubject.ACCESS_REQUESTS)
