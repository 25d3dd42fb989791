"""The Details tab: the client's identity and contact details, editable, saved with a version check."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.errors import StaleVersionError, ValidationError
from desktop.domain.records import Actor, ClientDraft, ClientRecord
from desktop.services import Services
from ui.client_file.anonymised import is_anonymised
from ui.client_file.conflict_dialog import ConflictChoice, ConflictDialog
from ui.kit.client_form import ClientForm
from ui.kit.errors import error_words
from ui.kit.i18n import current_language, format_datetime
from ui.kit.retranslate import follow_language
from ui.kit.worker import TaskRunner

__all__ = ["DetailsTab"]


class DetailsTab(QWidget):
    saved = Signal(object)
    """The stored ClientRecord after a successful save."""
    status_message = Signal(str)

    def __init__(
        self, services: Services, actor: Actor, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("detailsTab")
        self._services = services
        self._actor = actor
        self._runner = runner
        self._record: ClientRecord | None = None
        self._dirty = False
        self._saving = False
        self.conflict_dialog: ConflictDialog | None = None

        self.form = ClientForm(self)
        self.form.edited.connect(self._on_edited)

        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveClientButton")
        self.save_button.clicked.connect(self.save)
        self.undo_button = QPushButton(self)
        self.undo_button.clicked.connect(self.undo_changes)

        self.result_label = QLabel(self)
        self.result_label.setObjectName("saveResult")
        self.result_label.setWordWrap(True)
        # What the result line says, made again when the staff language changes.
        self._result: Callable[[], str] | None = None
        self.provenance_label = QLabel(self)
        self.provenance_label.setObjectName("provenance")
        self.provenance_label.setTextFormat(Qt.TextFormat.PlainText)
        self.provenance_label.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.result_label, 1)

        content = QWidget(self)
        inner = QVBoxLayout(content)
        inner.addWidget(self.form)
        inner.addLayout(buttons)
        inner.addWidget(self.provenance_label)
        inner.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        QWidget.setTabOrder(self.form.last_editor(), self.save_button)
        QWidget.setTabOrder(self.save_button, self.undo_button)
        self._update_buttons()
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        """Buttons, the result line and where the file comes from, in the staff language."""
        self.save_button.setText(self.tr("&Save changes"))
        # Set again after the text: a mnemonic in the new text would otherwise take the shortcut's place.
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setToolTip(self.tr("Save the changes to this file (Ctrl+S)"))
        self.save_button.setAccessibleName(self.tr("Save changes"))
        self.undo_button.setText(self.tr("Undo changes"))
        self.undo_button.setAccessibleName(self.tr("Undo changes"))
        self.undo_button.setToolTip(self.tr("Put back what is stored"))
        self.result_label.setAccessibleName(self.tr("Save result"))
        self._show_result(self._result)
        self._show_provenance()

    def _show_result(self, result: Callable[[], str] | None) -> None:
        self._result = result
        self.result_label.setText(result() if result is not None else "")

    def _show_provenance(self) -> None:
        record = self._record
        if record is None:
            return
        self.provenance_label.setText(
            self.tr(
                "Created {created} by {creator} · last changed {updated} by {updater} (version {version})"
            ).format(
                created=format_datetime(record.created_at),
                creator=record.created_by,
                updated=format_datetime(record.updated_at),
                updater=record.updated_by,
                version=record.version,
            )
        )

    # ------------------------------------------------------------ state

    @property
    def record(self) -> ClientRecord | None:
        return self._record

    def has_unsaved_changes(self) -> bool:
        return self._dirty

    def show_record(self, record: ClientRecord | None) -> None:
        """Fill the form with the stored record (what was typed before is replaced)."""
        self._record = record
        self._dirty = False
        if record is not None:
            self.form.set_draft(record.as_draft())
            self._show_provenance()
        self._show_result(None)
        self._update_buttons()

    def _on_edited(self) -> None:
        self._dirty = True
        self._show_result(lambda: self.tr("Unsaved changes"))
        self._update_buttons()

    def _update_buttons(self) -> None:
        enabled = self._record is not None and not self._saving
        self.save_button.setEnabled(enabled and self._dirty)
        self.undo_button.setEnabled(enabled and self._dirty)
        self.form.setEnabled(self._record is not None and not is_anonymised(self._record))

    def undo_changes(self) -> None:
        self.show_record(self._record)
        self.status_message.emit(self.tr("Changes undone."))

    # ------------------------------------------------------------ saving

    def save(self) -> None:
        if self._record is None or self._saving or not self._dirty:
            return
        self._submit(self._record.version, self.form.draft())

    def _submit(self, expected_version: int, draft: ClientDraft) -> None:
        assert self._record is not None
        services, actor, client_id = self._services, self._actor, self._record.id
        self._saving = True
        self._update_buttons()
        self._show_result(lambda: self.tr("Saving…"))
        self._runner.submit(
            lambda: services.clients.update(actor, client_id, expected_version, draft),
            on_success=self._saved,
            on_failure=lambda error: self._save_failed(error, draft),
            key=("client-file", id(self), "save"),
            busy_message=self.tr("Saving the client file…"),
        )

    def _saved(self, record: ClientRecord) -> None:
        self._saving = False
        self.show_record(record)
        self._show_result(lambda: self.tr("✔ Saved"))
        self.status_message.emit(self.tr("File {file} saved.").format(file=record.file_number))
        self.saved.emit(record)
        self._runner.changes.publish(DataChange.of(ChangeSubject.CLIENT, client_id=record.id), self)

    def _save_failed(self, error: BaseException, draft: ClientDraft) -> None:
        self._saving = False
        self._update_buttons()
        if isinstance(error, ValidationError):
            self._show_result(lambda: self.tr("Some fields need correcting: see the message under each one."))
            self.form.show_problems(error)
            return
        self.form.show_problems(None)
        if isinstance(error, StaleVersionError) and isinstance(error.current, ClientRecord):
            stale = error
            self._show_result(lambda: stale.message(current_language()))
            self._show_conflict(draft, error.current, lambda: stale.message(current_language()))
            return
        words = error_words(error)
        self._show_result(words)
        self.status_message.emit(words())

    def _show_conflict(self, mine: ClientDraft, stored: ClientRecord, message: Callable[[], str]) -> None:
        dialog = ConflictDialog(mine, stored, message, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._conflict_resolved(dialog.choice, mine, stored))
        self.conflict_dialog = dialog
        dialog.open()

    def _conflict_resolved(self, choice: ConflictChoice, mine: ClientDraft, stored: ClientRecord) -> None:
        self.conflict_dialog = None
        if choice == ConflictChoice.KEEP_MINE:
            # Compare against the stored version from now on, and save what the person typed.
            self._record = stored
            self._submit(stored.version, mine)
        elif choice == ConflictChoice.TAKE_STORED:
            self.show_record(stored)
            self.saved.emit(stored)
            self.status_message.emit(self.tr("The stored version is shown; your changes were dropped."))
        else:
            self.status_message.emit(self.tr("Your changes are still in the form, not saved."))
