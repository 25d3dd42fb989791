"""The client file's "Evidence pack…" button, for the manager and the privacy officer: the pack is
made by the service on a worker thread (audited there once) and shown in the PDF preview, from
which it is printed or saved as it was made."""

from __future__ import annotations

from datetime import datetime

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from desktop.domain.evidence import RenderedEvidence
from desktop.domain.records import Actor, ClientRecord
from desktop.services import Services
from desktop.services.evidence import EVIDENCE_PERMISSION
from desktop.services.permissions import role_allows
from ui.documents.pdf_preview import PdfPreviewDialog
from ui.kit.errors import error_text
from ui.kit.retranslate import follow_language
from ui.kit.worker import TaskRunner

__all__ = ["EvidencePackAction", "evidence_file_name"]


def evidence_file_name(file_number: str, at: datetime) -> str:
    """``evidence-000123-20261124-1012.pdf``: the file and when the pack was made."""
    return f"evidence-{file_number}-{at.astimezone():%Y%m%d-%H%M}.pdf"


class EvidencePackAction(QObject):
    """The button and what it does, for one client file. Hidden for a role the service would refuse."""

    status_message = Signal(str)
    preview_opened = Signal(object)

    def __init__(self, services: Services, actor: Actor, runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._runner = runner
        self._parent = parent
        self._client: ClientRecord | None = None
        self._preview: PdfPreviewDialog | None = None
        self.button = QPushButton(parent)
        self.button.setObjectName("evidencePackButton")
        self.allowed = role_allows(actor.role, EVIDENCE_PERMISSION)
        self.button.setHidden(not self.allowed)
        self.button.setEnabled(False)
        self.button.clicked.connect(self.run)
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        self.button.setText(self.tr("E&vidence pack…"))
        self.button.setToolTip(
            self.tr(
                "One PDF with this client's consents and the sentences shown, signed policies, opt-out "
                "requests and every access to the file, for an access request or an inspection."
            )
        )

    def set_client(self, client: ClientRecord | None) -> None:
        self._client = client
        self.button.setEnabled(client is not None)

    def run(self) -> None:
        client = self._client
        if client is None or not self.allowed:
            return
        render, actor, file_number = self._services.evidence.render, self._actor, client.file_number
        self._runner.submit(
            lambda: render(actor, file_number),
            on_success=self._show,
            on_failure=lambda error: self.status_message.emit(error_text(error)),
            key=("evidence-pack", id(self)),
            busy_message=self.tr("Making the evidence pack…"),
        )

    def _show(self, rendered: RenderedEvidence) -> None:
        if self._preview is not None and shiboken6.isValid(self._preview):
            self._preview.close()
        preview = PdfPreviewDialog(
            self._runner,
            rendered.data,
            title=lambda: self.tr("Evidence pack, file {number}").format(number=rendered.file_number),
            file_name=evidence_file_name(rendered.file_number, self._services.clock.now()),
            parent=self._parent.window(),
        )
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.status_message.connect(self.status_message)
        self._preview = preview
        self.preview_opened.emit(preview)
        preview.show()
        preview.raise_()
        preview.activateWindow()
