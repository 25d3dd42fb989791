"""The client-list import wizard driven as a manager would: a semicolon-separated Windows-1252 file with
French headers read, its columns matched, previewed, checked, a possible duplicate decided, and the client
files created in the database; cancelling while the rows are checked leaves nothing; the wizard follows the
staff language."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop.domain.changes import ChangeSubject
from desktop.domain.enums import Language
from desktop.domain.import_records import ImportField, ImportStatus
from tests.ui.conftest import TIMEOUT_MS, create_client, off_gui, sign_in
from ui.imports.import_wizard import (
    PAGE_FILE,
    PAGE_MAPPING,
    PAGE_PREVIEW,
    PAGE_RESULTS,
    PAGE_STAGING,
    ImportWizard,
)
from ui.imports.staging_page import ProgressRelay

HEADER = "Nom;Prénom;Date de naissance;Téléphone;Courriel\r\n"
ROWS = (
    "Bélanger;Élise;02/03/1975;514-555-0101;elise@example.com\r\n"
    "Gagnon;Luc;17/05/1980;514-555-0102;\r\n"  # already on file: a possible duplicate
    "Trudeau;Marc;31/02/1990;;\r\n"  # no such day: in error
    "Lévesque;Anaïs;15/11/2001;;anais@example.com\r\n"
)


@pytest.fixture
def manager(gui_services):
    return sign_in(gui_services, "gestion")


@pytest.fixture
def client_list(tmp_path: Path) -> Path:
    path = tmp_path / "clients_ancien_système.csv"
    path.write_bytes((HEADER + ROWS).encode("cp1252"))
    return path


@pytest.fixture
def wizard(qtbot, gui_services, manager, runner):
    made = ImportWizard(gui_services, manager, runner)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    yield made
    made.close()
    runner.wait_for_idle(TIMEOUT_MS)


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def to_page(qtbot, wizard: ImportWizard, page: int) -> None:
    click(qtbot, wizard.next_button)
    qtbot.waitUntil(lambda: wizard.current_page() == page and not wizard.is_running, timeout=TIMEOUT_MS)


def read(qtbot, wizard: ImportWizard, path: Path) -> None:
    """Next on a file not read yet reads it and stays, to show how it is read; Next again leads on."""
    wizard.file_page.path.setText(str(path))
    click(qtbot, wizard.next_button)
    qtbot.waitUntil(
        lambda: wizard.file_page.reading is not None and not wizard.is_running, timeout=TIMEOUT_MS
    )
    assert wizard.current_page() == PAGE_FILE
    to_page(qtbot, wizard, PAGE_MAPPING)


def names(services, actor, text: str) -> list[str]:
    return [f"{c.last_name}, {c.first_name}" for c in off_gui(lambda: services.clients.search(actor, text))]


def test_a_client_list_is_read_previewed_checked_decided_and_imported(
    qtbot, wizard, gui_services, manager, desk, client_list, runner, tmp_path, monkeypatch
):
    on_file = create_client(gui_services, desk, "Gagnon", "Luc", born=date(1980, 5, 17))
    published: list[object] = []
    runner.changes.changed.connect(lambda change, _source: published.append(change))

    read(qtbot, wizard, client_list)
    options = wizard.file_page.options()
    assert (options.encoding, options.separator, options.date_order.value) == ("cp1252", ";", "dmy")
    assert "detected" in wizard.file_page.encoding.currentText()
    assert "4 client row(s)" in wizard.file_page.summary.text()
    mapping = wizard.mapping_page.mapping()
    assert mapping.header_for(ImportField.FIRST_NAME) == "Prénom"
    assert mapping.header_for(ImportField.EMAIL) == "Courriel"

    to_page(qtbot, wizard, PAGE_PREVIEW)
    rows = {row.row_number: row for row in wizard.preview_page.rows()}
    assert rows[2].values[ImportField.LAST_NAME] == "Bélanger" and not rows[2].problems
    assert rows[4].status.value == "error" and "31/02/1990" in " ".join(p.en for p in rows[4].problems)
    assert rows[3].status.value == "possible_duplicate"
    model = wizard.preview_page.table.model()
    assert any("Not imported" in str(model.index(r, 1).data()) for r in range(model.rowCount())), (
        "the row in error is shown as such"
    )

    click(qtbot, wizard.next_button)
    assert wizard.current_page() == PAGE_STAGING
    qtbot.waitUntil(lambda: wizard.current_page() == PAGE_RESULTS, timeout=TIMEOUT_MS)
    assert wizard.staged is not None and (wizard.staged.ok, wizard.staged.errors) == (2, 1)
    table = wizard.results_page.table
    assert table.rowCount() == 1
    assert table.item(0, 2).text() == f"{on_file.file_number} · Gagnon, Luc · 1980-05-17"
    assert wizard.next_button.text() == "&Import 2 client(s)"
    assert not wizard.results_page.consent.isVisible(), "no consent column, no consent box"
    wizard.results_page.decide(3, same_person=False)
    assert wizard.next_button.text() == "&Import 3 client(s)"

    report = tmp_path / "errors.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(report), "CSV"))
    click(qtbot, wizard.report_button)
    qtbot.waitUntil(lambda: report.exists() and not wizard.is_running, timeout=TIMEOUT_MS)
    assert "31/02/1990" in report.read_text(encoding="utf-8-sig")

    click(qtbot, wizard.next_button)
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=TIMEOUT_MS)
    assert wizard.result.created == 3 and wizard.result.errors == 1
    assert "3 client file(s) created." in wizard.results_page.counts.text()
    assert not wizard.next_button.isVisible() and wizard.close_button.text() == "Close"
    assert names(gui_services, manager, "Bélanger") == ["Bélanger, Élise"]
    assert names(gui_services, manager, "Lévesque") == ["Lévesque, Anaïs"]
    assert names(gui_services, manager, "Gagnon Luc") == ["Gagnon, Luc", "Gagnon, Luc"]
    assert names(gui_services, manager, "Trudeau") == []
    assert [c.touches(ChangeSubject.CLIENT) for c in published] == [True]

    # The same file again: its columns as chosen this time, and nothing created twice.
    again = ImportWizard(gui_services, manager, runner)
    qtbot.addWidget(again)
    again.show()
    read(qtbot, again, client_list)
    assert "last import" in again.mapping_page.source.text()
    to_page(qtbot, again, PAGE_PREVIEW)
    to_page(qtbot, again, PAGE_RESULTS)
    assert again.staged is not None and again.staged.ok == 0
    assert "&Import 0 client(s)" == again.next_button.text()
    again.close()


def test_cancelling_while_the_rows_are_checked_imports_nothing(
    qtbot, wizard, gui_services, manager, tmp_path, monkeypatch
):
    # Two batches of rows; the first report after a batch waits for the manager (the Cancel click below),
    # as a slow database would, so the click lands between the two batches every time.
    path = tmp_path / "many.csv"
    lines = [f"Zacharie;Personne{n};01/01/1990\r\n" for n in range(1500)]
    path.write_bytes(("Nom;Prénom;Date de naissance\r\n" + "".join(lines)).encode("cp1252"))
    original = ProgressRelay.report

    def report_then_wait(relay: ProgressRelay, done: int, total: int) -> None:
        original(relay, done, total)
        if 0 < done < total:
            for _ in range(100):
                if relay.stop_wanted():
                    break
                threading.Event().wait(0.05)

    monkeypatch.setattr(ProgressRelay, "report", report_then_wait)
    read(qtbot, wizard, path)
    to_page(qtbot, wizard, PAGE_PREVIEW)
    click(qtbot, wizard.next_button)
    bar = wizard.staging_page.bar
    qtbot.waitUntil(lambda: bar.maximum() == 1500 and bar.value() == 1000, timeout=TIMEOUT_MS)
    assert "1,000 of 1,500 rows checked" in wizard.staging_page.count.text()
    assert not wizard.close_button.isVisible()
    click(qtbot, wizard.staging_page.cancel_button)
    qtbot.waitUntil(lambda: wizard.current_page() == PAGE_PREVIEW, timeout=TIMEOUT_MS)
    assert "nothing was imported" in wizard.outcome.text()
    assert wizard.staged is None
    assert names(gui_services, manager, "Zacharie") == []


@pytest.mark.parametrize("ticked", [False, True], ids=["unticked", "ticked"])
def test_a_consent_column_is_imported_only_when_the_manager_ticks_it(qtbot, wizard, tmp_path, ticked):
    path = tmp_path / "avec_consentement.csv"
    path.write_bytes(
        (
            "Nom;Prénom;Date de naissance;Courriel;Date du consentement;Méthode du consentement;Moyens consentis\r\n"
            "Bélanger;Élise;02/03/1975;elise@exemple.ca;12/01/2024;formulaire papier;courriel\r\n"
        ).encode("cp1252")
    )
    read(qtbot, wizard, path)
    to_page(qtbot, wizard, PAGE_PREVIEW)
    to_page(qtbot, wizard, PAGE_RESULTS)
    box = wizard.results_page.consent
    assert box.isVisible() and not box.isChecked(), "asked, never ticked for the manager"
    if ticked:
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Space)
    click(qtbot, wizard.next_button)
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=TIMEOUT_MS)
    assert (wizard.result.created, wizard.result.consents_recorded) == (1, 1 if ticked else 0)


def test_another_separator_or_encoding_reads_the_file_again(qtbot, wizard, client_list):
    read(qtbot, wizard, client_list)
    click(qtbot, wizard.back_button)
    page = wizard.file_page
    page.separator.setCurrentIndex(page.separator.findData(","))
    page.separator.activated.emit(page.separator.currentIndex())
    qtbot.waitUntil(
        lambda: page.reading.options.separator == "," and not wizard.is_running, timeout=TIMEOUT_MS
    )
    assert page.reading.headers == (HEADER.strip(),) and "Columns (1)" in page.summary.text()
    page.separator.setCurrentIndex(page.separator.findData(";"))
    page.encoding.setCurrentIndex(page.encoding.findData("utf-8"))
    page.encoding.activated.emit(page.encoding.currentIndex())
    qtbot.waitUntil(
        lambda: page.reading.options.encoding == "utf-8" and not wizard.is_running, timeout=TIMEOUT_MS
    )
    assert page.reading.headers[1] == "Pr\ufffdnom", "a byte UTF-8 cannot read shows as such"
    assert wizard.mapping_page.mapping().header_for(ImportField.FIRST_NAME) is None


def test_closing_after_the_check_leaves_nothing(qtbot, wizard, gui_services, manager, client_list, runner):
    read(qtbot, wizard, client_list)
    to_page(qtbot, wizard, PAGE_PREVIEW)
    to_page(qtbot, wizard, PAGE_RESULTS)
    staged = wizard.staged
    click(qtbot, wizard.close_button)
    assert not wizard.isVisible()
    qtbot.waitUntil(lambda: runner.is_idle() and runner.pending_count() == 0, timeout=TIMEOUT_MS)
    assert (
        off_gui(lambda: gui_services.client_import.get(manager, staged.import_id)).status
        == ImportStatus.CANCELLED
    )
    assert off_gui(lambda: gui_services.client_import.rows(manager, staged.import_id)) == []
    assert names(gui_services, manager, "Bélanger") == []


def test_a_letter_the_encoding_lost_is_marked_in_the_preview(qtbot, wizard, tmp_path):
    path = tmp_path / "perdu.csv"
    path.write_bytes(b"Nom;Prenom;Date de naissance\r\nPelletier;Ren?;02/03/1975\r\n")
    read(qtbot, wizard, path)
    to_page(qtbot, wizard, PAGE_PREVIEW)
    (row,) = wizard.preview_page.rows()
    assert ImportField.FIRST_NAME in row.flagged
    model = wizard.preview_page.table.model()
    first_name = next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) == "First name"
    )
    cell = model.index(0, first_name)
    assert cell.data() == "Ren?" and "letter may be lost" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert cell.data(Qt.ItemDataRole.BackgroundRole) is not None


def test_a_missing_file_is_said_and_the_path_kept(qtbot, wizard, tmp_path):
    missing = str(tmp_path / "nowhere.csv")
    wizard.file_page.path.setText(missing)
    click(qtbot, wizard.next_button)
    assert wizard.current_page() == PAGE_FILE and not wizard.is_running
    assert "There is no file at" in wizard.outcome.text()
    assert wizard.file_page.path.text() == missing


def test_the_wizard_follows_the_staff_language(qtbot, wizard, client_list, switch):
    read(qtbot, wizard, client_list)
    chosen = wizard.mapping_page.mapping()
    switch(Language.FR)
    assert wizard.windowTitle() == "Importer une liste de clients"
    assert wizard.step.text().startswith("Étape 2 de 5")
    label = (
        wizard.mapping_page.combos[ImportField.LAST_NAME]
        .parentWidget()
        .layout()
        .labelForField(wizard.mapping_page.combos[ImportField.LAST_NAME])
    )
    assert label.text() == "Nom *"
    assert "détecté" in wizard.file_page.encoding.currentText()
    assert wizard.mapping_page.mapping() == chosen
    switch(Language.EN)
    assert wizard.windowTitle() == "Import a client list"


def test_a_receptionist_does_not_see_the_import(gui_services, desk, manager, make_window):
    assert not make_window(gui_services, desk).manage.import_action.isVisible()
    window = make_window(gui_services, manager)
    assert window.manage.import_action.isVisible()
    opened = window.manage.open_import()
    assert isinstance(opened, ImportWizard)
    opened.close()
