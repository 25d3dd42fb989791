"""The PDF preview: the stored acknowledgment shown page by page, saved byte for byte, printed onto a
PDF-format printer with the same number of pages; rendering never on the GUI thread."""

from __future__ import annotations

import io
import stat
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog

from desktop.domain.records import SignatureCapture
from tests.support.documents import signature_png
from tests.ui.conftest import TIMEOUT_MS, create_client, off_gui, settle, wait_idle
from ui.documents import pdf_preview
from ui.documents.pdf_preview import PdfPreviewDialog
from ui.kit.thread_check import is_gui_thread


def page_count(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


@pytest.fixture
def signed(gui_services, desk):
    """A client with a signed acknowledgment, and the PDF stored with it."""
    client = create_client(gui_services, desk, "Bélanger", "Éloïse")
    record = off_gui(
        lambda: gui_services.acknowledgments.record(
            desk, client.id, SignatureCapture(signature_png=signature_png())
        )
    )
    stored = off_gui(lambda: gui_services.documents.acknowledgment_pdf(desk, record.id, "view"))
    return client, record, stored


@pytest.fixture
def no_print_dialog(monkeypatch):
    """The system print dialog answers "Print" at once."""
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)


@pytest.fixture
def rendered_off_gui(monkeypatch):
    """Records on which thread every page is drawn."""
    threads: list[bool] = []
    original = pdf_preview.render_page

    def render(data: bytes, index: int, scale: float):
        threads.append(is_gui_thread())
        return original(data, index, scale)

    monkeypatch.setattr(pdf_preview, "render_page", render)
    return threads


def open_acknowledgment(qtbot, window, client) -> PdfPreviewDialog:
    window.open_client(client.id)
    qtbot.waitUntil(lambda: window.client_file.client is not None, timeout=TIMEOUT_MS)
    settle(qtbot, window)
    window.client_file.select_tab("acknowledgments")
    tab = window.client_file.acknowledgments_tab
    assert tab.open_button.isEnabled()
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window._dialogs.get("document") is not None, timeout=TIMEOUT_MS)
    preview = window._dialogs["document"]
    qtbot.waitUntil(lambda: preview.page_count > 0 and bool(preview.rendered_pages()), timeout=TIMEOUT_MS)
    return preview


def test_the_preview_shows_every_page_of_the_stored_pdf_and_saves_identical_bytes(
    qtbot, monkeypatch, window, signed, tmp_path, rendered_off_gui
):
    client, _record, stored = signed
    preview = open_acknowledgment(qtbot, window, client)

    assert preview.data == stored
    assert preview.page_count == page_count(stored)
    assert preview.page_label.text() == f"Page 1 of {page_count(stored)}"
    assert client.last_name not in preview.windowTitle()
    assert rendered_off_gui and not any(rendered_off_gui)

    target = tmp_path / "copy.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "PDF"))
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Saved to" in preview.state.text(), timeout=TIMEOUT_MS)
    assert target.read_bytes() == stored
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # client data: its owner's alone
    preview.close()
    wait_idle(qtbot, window.runner)


def test_every_page_can_be_reached(qtbot, window, signed):
    client, _record, stored = signed
    preview = open_acknowledgment(qtbot, window, client)
    last = page_count(stored) - 1
    preview.go_to_page(last)
    qtbot.waitUntil(lambda: last in preview.rendered_pages(), timeout=TIMEOUT_MS)
    assert preview.page_label.text() == f"Page {last + 1} of {last + 1}"
    assert preview.next_button.isEnabled() is False
    preview.zoom.setCurrentIndex(preview.zoom.findData(150))
    qtbot.waitUntil(lambda: last in preview.rendered_pages(), timeout=TIMEOUT_MS)
    preview.close()
    wait_idle(qtbot, window.runner)


def test_printing_onto_a_pdf_printer_gives_the_same_number_of_pages(
    qtbot, window, signed, tmp_path, no_print_dialog, rendered_off_gui
):
    client, _record, stored = signed
    preview = open_acknowledgment(qtbot, window, client)
    printed: list[int] = []
    preview.printed.connect(printed.append)
    output = tmp_path / "printed.pdf"

    preview.print_document(pdf_printer(output))
    assert preview.is_printing
    preview.close()  # refused while pages are still being sent
    assert preview.isVisible()
    qtbot.waitUntil(lambda: not preview.is_printing, timeout=TIMEOUT_MS * 3)

    assert printed == [page_count(stored)]
    assert output.is_file()
    assert page_count(output.read_bytes()) == page_count(stored)
    assert "sent to the printer" in preview.state.text()
    assert not any(rendered_off_gui)
    preview.close()
    wait_idle(qtbot, window.runner)


def test_the_print_button_of_the_tab_prints_through_the_preview(qtbot, monkeypatch, window, signed, tmp_path):
    client, _record, stored = signed
    output = tmp_path / "from-tab.pdf"

    def choose_pdf_printer(self, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(output))
        return True

    monkeypatch.setattr(PdfPreviewDialog, "ask_print_settings", choose_pdf_printer)
    window.open_client(client.id)
    qtbot.waitUntil(lambda: window.client_file.client is not None, timeout=TIMEOUT_MS)
    settle(qtbot, window)
    tab = window.client_file.acknowledgments_tab
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: output.is_file() and window._dialogs.get("document") is not None, timeout=TIMEOUT_MS
    )
    preview = window._dialogs["document"]
    qtbot.waitUntil(lambda: not preview.is_printing, timeout=TIMEOUT_MS * 3)
    assert page_count(output.read_bytes()) == page_count(stored)
    preview.close()
    wait_idle(qtbot, window.runner)


def test_cancelling_the_print_dialog_prints_nothing(qtbot, monkeypatch, window, signed, tmp_path):
    client, _record, _stored = signed
    preview = open_acknowledgment(qtbot, window, client)
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    output = tmp_path / "never.pdf"
    preview.print_document(pdf_printer(output))
    assert not preview.is_printing
    assert not output.exists()
    assert preview.state.text() == "Printing cancelled."
    preview.close()
    wait_idle(qtbot, window.runner)


def test_bytes_that_are_not_a_pdf_say_so(qtbot, runner):
    preview = PdfPreviewDialog(runner, b"not a PDF at all", title="Broken", file_name="broken.pdf")
    qtbot.addWidget(preview)
    preview.show()
    wait_idle(qtbot, runner)
    assert preview.page_count == 0
    assert "cannot be shown" in preview.state.text()
    assert not preview.print_button.isEnabled()
    assert not preview.save_button.isEnabled()
