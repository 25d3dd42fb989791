"""The contact-list export: the file written matches what the service lists (consenting clients only,
none with a pending opt-out), and the dialog shows the row count and the file's SHA-256."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop.domain.enums import Channel, Interaction, Language, OptOutVia, Purpose
from desktop.domain.records import ConsentCapture, ConsentChange, OptOutDraft
from tests.support.documents import read_csv
from tests.ui.conftest import TIMEOUT_MS, create_client, off_gui, sign_in
from ui.admin.export_dialog import ExportDialog


@pytest.fixture
def manager(gui_services):
    return sign_in(gui_services, "gestion")


def consent(services, actor, client_id: int, granted: bool = True) -> None:
    capture = ConsentCapture(
        (ConsentChange(Purpose.NEWSLETTERS, Channel.EMAIL, granted),), Interaction.PHONE, Language.FR
    )
    off_gui(lambda: services.consent.record(actor, client_id, capture))


@pytest.fixture
def mailing_list(gui_services, desk):
    """Two clients consenting to newsletters by email, one who withdrew, one with a pending request."""
    yes_1 = create_client(gui_services, desk, "Gagnon", "Luc", email="luc@example.com")
    yes_2 = create_client(gui_services, desk, "Ouellet", "Chloé", email="chloe@example.com")
    withdrew = create_client(gui_services, desk, "Roy", "Anne", email="anne@example.com")
    pending = create_client(gui_services, desk, "Morin", "Paul", email="paul@example.com")
    for client in (yes_1, yes_2, withdrew, pending):
        consent(gui_services, desk, client.id)
    consent(gui_services, desk, withdrew.id, granted=False)
    request = OptOutDraft(
        received_via=OptOutVia.EMAIL,
        received_on=date(2026, 11, 23),
        requester_name="Paul Morin",
        purposes=frozenset({Purpose.NEWSLETTERS}),
        channels=frozenset({Channel.EMAIL}),
        client_id=pending.id,
    )
    off_gui(lambda: gui_services.optouts.log(desk, request))
    return [yes_1, yes_2]


@pytest.fixture
def dialog(qtbot, gui_services, manager, runner):
    made = ExportDialog(gui_services, manager, runner)
    qtbot.addWidget(made)
    made.show()
    yield made
    made.close()
    runner.wait_for_idle(TIMEOUT_MS)


def test_the_exported_file_matches_the_service_and_leaves_out_the_others(
    qtbot, dialog, gui_services, manager, mailing_list, tmp_path
):
    assert "pending opt-out request" in dialog.findChild(type(dialog.outcome), "exportExplanation").text()
    target = tmp_path / "newsletter.csv"
    dialog.set_choice(Purpose.NEWSLETTERS, Channel.EMAIL, target)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.is_running and dialog.progress.isVisible()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=TIMEOUT_MS)

    rows = read_csv(target.read_bytes())
    reference = tmp_path / "reference.csv"
    off_gui(
        lambda: gui_services.exports.export_contacts(manager, Purpose.NEWSLETTERS, Channel.EMAIL, reference)
    )
    assert rows == read_csv(reference.read_bytes())
    assert [row[1] for row in rows[1:]] == ["Gagnon", "Ouellet"]

    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    assert dialog.result.row_count == 2 and dialog.result.sha256 == digest
    assert "2 client(s) written" in dialog.outcome.text()
    assert digest in dialog.outcome.text()
    assert not dialog.progress.isVisible()


def test_the_path_follows_the_choice_until_the_person_types_one(qtbot, monkeypatch, dialog, tmp_path):
    dialog.set_choice(Purpose.FEEDBACK, Channel.SMS)
    assert dialog.path.text().endswith("contacts_feedback_sms_2026-11-24.csv")
    chosen = tmp_path / "mine.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(chosen), "CSV"))
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    dialog.set_choice(Purpose.NEWSLETTERS, Channel.EMAIL)
    assert dialog.path.text() == str(chosen)


def test_a_missing_folder_is_said_before_anything_runs(qtbot, dialog, tmp_path):
    dialog.set_choice(Purpose.NEWSLETTERS, Channel.EMAIL, tmp_path / "nowhere" / "list.csv")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert not dialog.is_running
    assert "does not exist" in dialog.outcome.text()


def test_a_receptionist_cannot_export(qtbot, gui_services, desk, runner, tmp_path, make_window):
    main = make_window(gui_services, desk)
    assert not main.export_action.isVisible()
    dialog = ExportDialog(gui_services, desk, runner)
    qtbot.addWidget(dialog)
    dialog.set_choice(Purpose.NEWSLETTERS, Channel.EMAIL, tmp_path / "list.csv")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_running, timeout=TIMEOUT_MS)
    assert "does not allow" in dialog.outcome.text()
    assert not (tmp_path / "list.csv").exists()


def test_an_export_changes_no_data_and_publishes_no_change(qtbot, dialog, runner, tmp_path):
    published: list[object] = []
    runner.changes.changed.connect(lambda change, source: published.append(change))
    dialog.set_choice(Purpose.NEWSLETTERS, Channel.EMAIL, tmp_path / "empty.csv")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=TIMEOUT_MS)
    assert dialog.export_button.isEnabled() and not dialog.is_running
    assert published == []
