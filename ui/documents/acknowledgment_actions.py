"""Open, print or save the PDF stored when an acknowledgment was recorded (byte for byte).

Open and Print show it in the preview (audited as "view"; printing from there is audited as "print",
saving as "export"); Save writes it straight to the file the person chooses (audited as "export").
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.domain.file_numbers import format_file_number
from desktop.domain.records import AcknowledgmentRecord, Actor
from desktop.paths import write_owner_only
from desktop.services import Services
from ui.documents.pdf_preview import PdfPreviewDialog
from ui.kit.errors import error_text
from ui.kit.worker import TaskRunner

__all__ = ["DOCUMENT_AUDIT", "AcknowledgmentDocuments", "acknowledgment_file_name"]

# What the audit trail records for each way of getting an acknowledgment's PDF.
DOCUMENT_AUDIT = {"open": "view", "print": "print", "save": "export"}


def acknowledgment_file_name(record: AcknowledgmentRecord) -> str:
    """``acknowledgment-000123-20261124-1012.pdf``: the client's file number and when it was signed."""
    return f"acknowledgment-{format_file_number(record.client_id)}-{record.signed_at:%Y%m%d-%H%M}.pdf"


class AcknowledgmentDocuments(QObject):
    """The acknowledgments tab's Open, Print and Save buttons, for one person's window.

    One preview at a time: opening another closes the previous one. :attr:`preview_opened` hands the
    new preview to the window, which hides it with the rest of the session when it locks."""

    status_message = Signal(str)
    preview_opened = Signal(object)

    def __init__(self, services: Services, actor: Actor, runner: TaskRunner, window: QWidget) -> None:
        super().__init__(window)
        self._services = services
        self._actor = actor
        self._runner = runner
        self._window = window
        self._preview: PdfPreviewDialog | None = None

    def run(self, action: str, record: AcknowledgmentRecord) -> None:
        """``action`` is "open", "print" or "save"."""
        if action == "save":
            self._save(record)
            return
        fetch, actor, ack_id = self._services.documents.acknowledgment_pdf, self._actor, record.id
        self._runner.submit(
            lambda: fetch(actor, ack_id, DOCUMENT_AUDIT["open"]),
            on_success=lambda data: self._show(data, record, print_it=action == "print"),
            on_failure=lambda error: self.status_message.emit(error_text(error)),
            key=("acknowledgment-document", id(self)),
            busy_message=self.tr("Getting the PDF…"),
        )

    def _save(self, record: AcknowledgmentRecord) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Save the acknowledgment"),
            acknowledgment_file_name(record),
            self.tr("PDF documents (*.pdf)"),
        )
        if not chosen:
            return
        path = Path(chosen)
        if not path.suffix:
            path = path.with_suffix(".pdf")
        fetch, actor, ack_id = self._services.documents.acknowledgment_pdf, self._actor, record.id

        def save() -> Path:
            write_owner_only(path, fetch(actor, ack_id, DOCUMENT_AUDIT["save"]))
            return path

        self._runner.submit(
            save,
            on_success=lambda written: self.status_message.emit(
                self.tr("Saved to {path}.").format(path=str(written))
            ),
            on_failure=lambda error: self.status_message.emit(error_text(error)),
            busy_message=self.tr("Saving the PDF…"),
        )

    def _show(self, data: bytes, record: AcknowledgmentRecord, *, print_it: bool) -> None:
        fetch, actor, ack_id = self._services.documents.acknowledgment_pdf, self._actor, record.id
        if self._preview is not None and shiboken6.isValid(self._preview):
            self._preview.close()
        preview = PdfPreviewDialog(
            self._runner,
            data,
            title=lambda: self.tr("Privacy policy acknowledgment"),
            file_name=acknowledgment_file_name(record),
            fetch_for=lambda action: fetch(actor, ack_id, action),
            parent=self._window,
        )
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.status_message.connect(self.status_message)
        self._preview = preview
        self.preview_opened.emit(preview)
        preview.show()
        preview.raise_()
        preview.activateWindow()
        if print_it:
            preview.print_when_loaded()
