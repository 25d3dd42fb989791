"""Creating a client file: every field, problems shown next to each field, a warning before a
possible duplicate is created. Nothing typed is ever cleared by an error."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.errors import PossibleDuplicateError, ValidationError
from desktop.domain.records import Actor, ClientDraft, ClientRecord
from desktop.services import Services
from ui.kit.client_form import ClientForm
from ui.kit.errors import error_words
from ui.kit.forms import em, fit_height
from ui.kit.i18n import current_language, format_date
from ui.kit.retranslate import follow_language
from ui.kit.worker import TaskRunner

__all__ = ["NewClientDialog"]


class DuplicatePanel(QFrame):
    """Shown when a file with the same name and date of birth exists: open it, or create anyway."""

    open_requested = Signal(int)
    create_anyway = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicatePanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.message = QLabel(self)
        self.message.setObjectName("duplicateMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self._rows = QVBoxLayout()
        self.create_button = QPushButton(self)
        self.create_button.setObjectName("createAnywayButton")
        self.create_button.clicked.connect(self.create_anyway)
        self.open_buttons: list[QPushButton] = []
        self._error: PossibleDuplicateError | None = None
        self._matches: list[ClientRecord] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(self._rows)
        layout.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.hide()
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        """The warning and its buttons, in the staff language (the buttons stay, focus included)."""
        self.message.setAccessibleName(self.tr("Possible duplicate"))
        self.create_button.setText(self.tr("Create a &new file anyway"))
        self.create_button.setAccessibleName(self.tr("Create a new file anyway"))
        if self._error is not None:
            self.message.setText(
                "⚠ "
                + self._error.message(current_language())
                + "\n"
                + self.tr("Is it the same person? Open the existing file rather than creating a second one.")
            )
        for match, button in zip(self._matches, self.open_buttons, strict=True):
            button.setText(
                self.tr("Open file {file}: {name}, born {born}").format(
                    file=match.file_number, name=match.full_name, born=format_date(match.date_of_birth)
                )
            )
            button.setAccessibleName(button.text())

    def show_matches(self, error: PossibleDuplicateError) -> None:
        for button in self.open_buttons:
            button.deleteLater()
        self.open_buttons = []
        self._error = error
        self._matches = [match for match in error.matches if isinstance(match, ClientRecord)]
        for match in self._matches:
            button = QPushButton(self)
            button.setObjectName("openExistingButton")
            button.clicked.connect(
                lambda _checked=False, client_id=match.id: self.open_requested.emit(client_id)
            )
            row = QHBoxLayout()
            row.addWidget(button)
            row.addStretch(1)
            self._rows.addLayout(row)
            self.open_buttons.append(button)
        self.retranslate()
        self.show()
        if self.open_buttons:
            self.open_buttons[0].setFocus()


class NewClientDialog(QDialog):
    created = Signal(object)
    """The new ClientRecord."""
    open_existing = Signal(int)
    """The person chose to open an existing file (its id) instead of creating a duplicate."""

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        parent: QWidget | None = None,
        initial: ClientDraft | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newClientDialog")
        self._services = services
        self._actor = actor
        self._runner = runner
        self._saving = False

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.form = ClientForm(self)
        if initial is not None:
            self.form.set_draft(initial)
        self.form.edited.connect(self._on_edited)
        self.duplicate_panel = DuplicatePanel(self)
        self.duplicate_panel.open_requested.connect(self._open_existing)
        self.duplicate_panel.create_anyway.connect(lambda: self._submit(confirm_duplicate=True))
        self.message = QLabel(self)
        self.message.setObjectName("formMessage")
        self.message.setWordWrap(True)
        # What the message line says, made again when the staff language changes.
        self._message: Callable[[], str] | None = None

        self.buttons = QDialogButtonBox(self)
        self.create_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setObjectName("createClientButton")
        self.create_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.create_button.clicked.connect(lambda: self._submit(confirm_duplicate=False))
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.form)
        layout.addWidget(self.duplicate_panel)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.form.first_editor().setFocus()
        follow_language(self, self.retranslate)
        self.resize(em(self, 58), self.sizeHint().height())

    def retranslate(self) -> None:
        """Title, introduction, buttons and the message line, in the staff language."""
        self.setWindowTitle(self.tr("New client file"))
        self.intro.setText(
            self.tr("Last name, first name and date of birth are required; the rest can wait.")
        )
        self.create_button.setText(self.tr("&Create file"))
        self.create_button.setAccessibleName(self.tr("Create file"))
        self._show_message(self._message)

    def _show_message(self, message: Callable[[], str] | None) -> None:
        self._message = message
        self.message.setText(message() if message is not None else "")

    def _on_edited(self) -> None:
        # What was typed changed: the duplicate warning no longer applies to it.
        self.duplicate_panel.hide()
        # A NAM warning or another number's row may have appeared: room for it, never less.
        fit_height(self)

    def _submit(self, *, confirm_duplicate: bool) -> None:
        if self._saving:
            return
        draft = self.form.draft()
        services, actor = self._services, self._actor
        self._saving = True
        self.create_button.setEnabled(False)
        self.duplicate_panel.create_button.setEnabled(False)
        self._show_message(lambda: self.tr("Creating the file…"))
        self._runner.submit(
            lambda: services.clients.create(actor, draft, confirm_duplicate=confirm_duplicate),
            on_success=self._created,
            on_failure=self._failed,
            key=("new-client", id(self)),
            busy_message=self.tr("Creating the client file…"),
        )

    def _finish_saving(self) -> None:
        self._saving = False
        self.create_button.setEnabled(True)
        self.duplicate_panel.create_button.setEnabled(True)

    def _created(self, record: ClientRecord) -> None:
        self._finish_saving()
        self._show_message(lambda: self.tr("✔ File {file} created.").format(file=record.file_number))
        self._runner.changes.publish(DataChange.of(ChangeSubject.CLIENT, client_id=record.id), self)
        self.created.emit(record)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._finish_saving()
        if isinstance(error, ValidationError):
            self.duplicate_panel.hide()
            self._show_message(
                lambda: self.tr("Some fields need correcting: see the message under each one.")
            )
            self.form.show_problems(error)
            return
        self.form.show_problems(None)
        if isinstance(error, PossibleDuplicateError):
            self._show_message(None)
            self.duplicate_panel.show_matches(error)
            return
        self._show_message(error_words(error))

    def _open_existing(self, client_id: int) -> None:
        self.open_existing.emit(client_id)
        self.reject()
