"""Switching the staff language while a PDF preview is open: its words, page number, zoom choices and
status line follow at once; the page shown, the zoom chosen and the document stay."""

from __future__ import annotations

from io import BytesIO

from reportlab.pdfgen.canvas import Canvas

from desktop.domain.enums import Language
from tests.ui.conftest import TIMEOUT_MS, wait_idle
from ui.documents.pdf_page_view import FIT_WIDTH
from ui.documents.pdf_preview import PdfPreviewDialog
from ui.kit.i18n import current_language


def three_page_pdf() -> bytes:
    buffer = BytesIO()
    canvas = Canvas(buffer)
    for number in range(1, 4):
        canvas.drawString(72, 720, f"Page {number}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()



def test_the_preview_follows_the_staff_language_and_keeps_its_page_and_zoom(qtbot, runner, switch):
    data = three_page_pdf()
    titles = {Language.EN: "Report", Language.FR: "Rapport"}
    preview = PdfPreviewDialog(
        runner,
        data,
        title=lambda: titles[current_language()],
        file_name="report.pdf",
    )
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitExposed(preview)
    qtbot.waitUntil(lambda: preview.page_count == 3, timeout=TIMEOUT_MS)
    preview.zoom.setCurrentIndex(preview.zoom.findData(150))
    preview.go_to_page(2)
    qtbot.waitUntil(lambda: preview.current_page() == 2, timeout=TIMEOUT_MS)
    assert preview.windowTitle() == "Report"
    assert preview.page_label.text() == "Page 3 of 3"
    assert preview.state.text() == "3 page(s)."
    assert preview.zoom.itemText(0) == "Fit width"

    try:
        switch(Language.FR)
        assert preview.windowTitle() == "Rapport"
        assert preview.close_button.text() == "Fermer"
        assert preview.page_label.text() == "Page 3 de 3"
        assert preview.state.text() == "3 pages."
        assert preview.zoom.itemText(0) == "Ajuster à la largeur"
        assert preview.zoom.currentText() == "150\N{NO-BREAK SPACE}%"
        assert preview.pages.accessibleName() == "Pages du document"
    finally:
        switch(Language.EN)
    assert preview.windowTitle() == "Report"
    assert preview.close_button.text() == "Close"
    assert preview.page_label.text() == "Page 3 of 3"
    assert preview.zoom.currentData() == 150
    assert preview.zoom.currentText() == "150%"
    assert preview.zoom.itemData(0) == FIT_WIDTH
    assert preview.current_page() == 2
    assert preview.data == data
    preview.close()
    wait_idle(qtbot, runner)


def test_a_title_given_as_text_is_kept(qtbot, runner, switch):
    preview = PdfPreviewDialog(runner, b"not a PDF at all", title="Broken", file_name="broken.pdf")
    qtbot.addWidget(preview)
    preview.show()
    wait_idle(qtbot, runner)
    assert "cannot be shown" in preview.state.text()
    try:
        switch(Language.FR)
        assert preview.windowTitle() == "Broken"
        assert preview.page_label.text() == "Aucune page"
        assert not preview.state.text().startswith("The document")
    finally:
        switch(Language.EN)
    assert preview.page_label.text() == "No page"
    assert "cannot be shown" in preview.state.text()
