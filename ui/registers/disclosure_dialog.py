"""Recording a disclosure of personal information (a manager or the privacy officer), or correcting one.

Nothing the register must state is filled in for the person: the date, the recipient, the legal basis, the
information, who authorised it and how it was sent start empty (a correction starts from the entry it
corrects). The clients are added by file number, their names shown so the right files are named; the file
open when the dialog was called is already in the list. A refused save says what to correct under each
field, in the staff language, and keeps everything typed. Once saved, one change is published.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.client_records import ClientSummary
from desktop.domain.dates import UnreadableDateError, parse_date
from desktop.domain.disclosures import (
    MAX_AUTHORISED_BY,
    MAX_RECIPIENT_NAME,
    DisclosureDraft,
    DisclosureRecord,
)
from desktop.domain.errors import FieldError, NotFoundError, ValidationError
from desktop.domain.file_numbers import format_file_number
from desktop.domain.messages import Subjects
from desktop.domain.records import Actor, ClientRecord
from desktop.domain.register_enums import DisclosureMeans, DisclosureRecipient
from desktop.domain.validation import MAX_NOTE
from desktop.services import Services
from ui.booking.feedback import BANNER_ERROR, error_label
from ui.kit.errors import error_text
from ui.kit.forms import place_errors
from ui.kit.i18n import current_language
from ui.kit.job_dialog import JobDialog
from ui.kit.retranslate import follow_language
from ui.kit.worker import TaskRunner
from ui.registers.disclosure_names import means_name, recipient_name

__all__ = ["DisclosureDialog"]

_FIELDS = (
    "disclosed_on",
    "recipient_kind",
    "recipient_name",
    "legal_basis",
    "information",
    "authorised_by",
    "means",
    "client_ids",
    "note",
)


class DisclosureDialog(JobDialog):
    """Record a disclosure (or, with ``corrects``, its correction); ``recorded`` carries the saved entry."""

    recorded = Signal(object)

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        parent: QWidget | None = None,
        clients: Sequence[ClientRecord] = (),
        *,
        corrects: DisclosureRecord | None = None,
    ) -> None:
        super().__init__(runner, "disclosure-record", parent)
        self._services = services
        self._actor = actor
        self._corrects = corrects
        self._uid = uuid.uuid4()
        self._saved: DisclosureRecord | None = None
        self._error: BaseException | None = None
        self._touched = False
        self.setObjectName("disclosureDialog")
        self.resize(780, 720)

        self.banner = self.make_outcome_label("disclosureBanner")
        self.banner.setStyleSheet(BANNER_ERROR)
        self.banner.hide()
        self.disclosed_on = self._line("disclosedOn", 10)
        self.recipient_kind = self._combo("recipientKind", list(DisclosureRecipient))
        self.recipient_name = self._line("recipientName", MAX_RECIPIENT_NAME)
        self.legal_basis = self._text("legalBasis")
        self.information = self._text("information")
        self.authorised_by = self._line("authorisedBy", MAX_AUTHORISED_BY)
        self.means = self._combo("means", list(DisclosureMeans))
        self.note = self._line("disclosureNote", MAX_NOTE)
        self.file_number = self._line("clientFileNumber", 16)
        self.add_client_button = QPushButton(self)
        self.add_client_button.setObjectName("addClient")
        self.remove_client_button = QPushButton(self)
        self.remove_client_button.setObjectName("removeClient")
        self.client_list = QListWidget(self)
        self.client_list.setObjectName("disclosureClients")
        self.client_list.setMaximumHeight(130)
        self.errors = {field: error_label(self, f"{field}Error") for field in _FIELDS}

        self._labels = [QLabel(self) for _ in range(9)]
        add_row = QHBoxLayout()
        add_row.addWidget(self.file_number, 1)
        add_row.addWidget(self.add_client_button)
        add_row.addWidget(self.remove_client_button)
        clients_box = QVBoxLayout()
        clients_box.addLayout(add_row)
        clients_box.addWidget(self.client_list)
        form = QFormLayout()
        edits: tuple[QWidget, ...] = (
            self.disclosed_on,
            self.recipient_kind,
            self.recipient_name,
            self.legal_basis,
            self.information,
            self.authorised_by,
            self.means,
            self.file_number,
            self.note,
        )
        for label, field, edit in zip(self._labels, _FIELDS, edits, strict=True):
            label.setBuddy(edit)
            if field == "client_ids":
                form.addRow(label, clients_box)
            else:
                form.addRow(label, edit)
            form.addRow("", self.errors[field])

        self.save_button = QPushButton(self)
        self.save_button.setObjectName("disclosureSave")
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("disclosureClose")
        for push in (self.save_button, self.close_button, self.add_client_button, self.remove_client_button):
            push.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form, 1)
        layout.addLayout(buttons)

        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self, self.save)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        self.add_client_button.clicked.connect(self.add_client)
        self.file_number.returnPressed.connect(self.add_client)
        self.remove_client_button.clicked.connect(self.remove_client)
        self.jobs.running_changed.connect(lambda _running: self._follow_save())
        for client in clients:
            self._add_listed(client.id, client.file_number, f"{client.last_name}, {client.first_name}")
        if corrects is not None:
            self._start_from(corrects)
        follow_language(self, self.retranslate)
        self.disclosed_on.setFocus()

    # ---------------------------------------------------------------- building

    def _line(self, name: str, length: int) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setMaxLength(length)
        edit.textEdited.connect(self._changed)
        return edit

    def _text(self, name: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setObjectName(name)
        edit.setTabChangesFocus(True)
        edit.setMaximumHeight(80)
        edit.textChanged.connect(self._changed)
        return edit

    def _combo(self, name: str, values: list[DisclosureRecipient] | list[DisclosureMeans]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.addItem("", None)  # nothing chosen: the person says which
        for value in values:
            combo.addItem("", value)
        combo.activated.connect(self._changed)
        return combo

    def _start_from(self, entry: DisclosureRecord) -> None:
        self.disclosed_on.setText(entry.disclosed_on.isoformat())
        self.recipient_kind.setCurrentIndex(self.recipient_kind.findData(entry.recipient_kind))
        self.recipient_name.setText(entry.recipient_name)
        self.legal_basis.setPlainText(entry.legal_basis)
        self.information.setPlainText(entry.information)
        self.authorised_by.setText(entry.authorised_by)
        self.means.setCurrentIndex(self.means.findData(entry.means))
        self.note.setText(entry.note)
        for client_id, number in zip(entry.client_ids, entry.file_numbers, strict=True):
            self._add_listed(client_id, number, "")
        self._touched = False

    def retranslate(self) -> None:
        self.setWindowTitle(
            self.tr("Correct disclosure no. {id}").format(id=self._corrects.id)
            if self._corrects is not None
            else self.tr("Record a disclosure")
        )
        for label, text in zip(
            self._labels,
            (
                self.tr("&Date disclosed:"),
                self.tr("Reci&pient:"),
                self.tr("Recipient's &name:"),
                self.tr("&Legal basis:"),
                self.tr("&Information disclosed:"),
                self.tr("&Authorised by:"),
                self.tr("&How it was sent:"),
                self.tr("&Clients (file number):"),
                self.tr("No&te:"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.disclosed_on.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.recipient_kind.setItemText(0, self.tr("— choose —"))
        self.means.setItemText(0, self.tr("— choose —"))
        for index in range(1, self.recipient_kind.count()):
            self.recipient_kind.setItemText(index, recipient_name(self.recipient_kind.itemData(index)))
        for index in range(1, self.means.count()):
            self.means.setItemText(index, means_name(self.means.itemData(index)))
        self.recipient_name.setPlaceholderText(self.tr("Which court, police service, order or person"))
        self.disclosed_on.setAccessibleName(self.tr("Date disclosed"))
        self.recipient_kind.setAccessibleName(self.tr("Recipient"))
        self.recipient_name.setAccessibleName(self.tr("Recipient's name"))
        self.legal_basis.setAccessibleName(self.tr("Legal basis"))
        self.information.setAccessibleName(self.tr("Information disclosed"))
        self.authorised_by.setAccessibleName(self.tr("Authorised by"))
        self.means.setAccessibleName(self.tr("How it was sent"))
        self.file_number.setAccessibleName(self.tr("File number of a client to add"))
        self.client_list.setAccessibleName(self.tr("Clients whose information was disclosed"))
        self.note.setAccessibleName(self.tr("Note (optional)"))
        self.banner.setAccessibleName(self.tr("Message"))
        self.add_client_button.setText(self.tr("Add &file"))
        self.remove_client_button.setText(self.tr("Re&move"))
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setToolTip(self.tr("Ctrl+Enter"))
        self.close_button.setText(self.tr("Close") if self._saved is not None else self.tr("Cancel"))
        self._show_problem()

    # ---------------------------------------------------------------- clients

    def _add_listed(self, client_id: int, file_number: str, name: str) -> None:
        if client_id in self.client_ids():
            return
        item = QListWidgetItem(f"{file_number} — {name}" if name else file_number, self.client_list)
        item.setData(Qt.ItemDataRole.UserRole, client_id)

    def client_ids(self) -> tuple[int, ...]:
        return tuple(
            int(self.client_list.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.client_list.count())
        )

    def add_client(self) -> None:
        wanted = self.file_number.text().strip()
        if not wanted or self.jobs.is_job_running("find"):
            return
        # As typed, or as the number it stands for ("123" is file 000123).
        padded = format_file_number(int(wanted)) if wanted.isascii() and wanted.isdigit() else wanted
        services, actor = self._services, self._actor

        def find() -> ClientSummary:
            found = services.clients.summaries_by_file_number(actor, [wanted, padded])
            client = found.get(wanted) or found.get(padded)
            if client is None:
                raise NotFoundError(what=Subjects.file.filled(number=wanted[:16]))
            return client

        self.jobs.start(
            find,
            on_success=self._found,
            on_failure=self._not_found,
            busy_message=self.tr("Looking for the file…"),
            job="find",
            makes_busy=False,
        )

    def _found(self, client: ClientSummary) -> None:
        self._add_listed(client.id, client.file_number, f"{client.last_name}, {client.first_name}")
        self.file_number.clear()
        self._changed()
        if isinstance(self._error, ValidationError) or self._error is None:
            self.errors["client_ids"].hide()

    def _not_found(self, error: BaseException) -> None:
        # The number typed stays, to be corrected.
        self.errors["client_ids"].setText(error_text(error, current_language()))
        self.errors["client_ids"].show()

    def remove_client(self) -> None:
        row = self.client_list.currentRow()
        if row >= 0:
            self.client_list.takeItem(row)
            self._changed()

    # ----------------------------------------------------------------- saving

    def _changed(self, *_args: object) -> None:
        self._touched = True

    def draft(self) -> DisclosureDraft:
        """What the form says; an unreadable date raises ValidationError on the date's field."""
        typed = self.disclosed_on.text().strip()
        try:
            day = parse_date(typed) if typed else None
        except UnreadableDateError as unreadable:
            raise ValidationError([FieldError("disclosed_on", unreadable.code, unreadable.params)]) from None
        return DisclosureDraft(
            disclosed_on=day,
            recipient_kind=self.recipient_kind.currentData(),
            recipient_name=self.recipient_name.text(),
            legal_basis=self.legal_basis.toPlainText(),
            information=self.information.toPlainText(),
            authorised_by=self.authorised_by.text(),
            means=self.means.currentData(),
            client_ids=self.client_ids(),
            note=self.note.text(),
            uid=self._uid,
        )

    def save(self) -> None:
        if self.is_running or self._saved is not None:
            return
        self._error = None
        try:
            draft = self.draft()
        except ValidationError as unreadable:
            self._save_failed(unreadable)
            return
        services, actor, corrects = self._services, self._actor, self._corrects
        self._show_problem()
        self.jobs.start(
            lambda: (
                services.disclosures.correct(actor, corrects.id, draft)
                if corrects is not None
                else services.disclosures.record(actor, draft)
            ),
            on_success=self._saved_ok,
            on_failure=self._save_failed,
            busy_message=self.tr("Saving the disclosure…"),
            holds_close=True,
            keep_on_close=True,
        )

    def _follow_save(self) -> None:
        self.save_button.setEnabled(not self.is_running and self._saved is None)

    def _saved_ok(self, record: DisclosureRecord) -> None:
        self._saved = record
        for line in self.findChildren(QLineEdit):
            line.setReadOnly(True)
        for text in self.findChildren(QPlainTextEdit):
            text.setReadOnly(True)
        for widget in (self.recipient_kind, self.means, self.add_client_button, self.remove_client_button):
            widget.setEnabled(False)
        self.save_button.hide()
        self.close_button.setText(self.tr("Close"))
        self.close_button.setFocus()
        self.show_outcome(lambda: self.tr("Disclosure no. {id} recorded.").format(id=record.id))
        self.banner.setStyleSheet("color: #1b5e20; font-weight: bold;")
        self.banner.show()
        # The corrected entry's clients too: one the correction leaves out must see that entry corrected.
        # One change for several clients (about no particular client), not one per client named.
        named = {*record.client_ids, *(self._corrects.client_ids if self._corrects is not None else ())}
        only = next(iter(named)) if len(named) == 1 else None
        self.jobs.runner.changes.publish(DataChange.of(ChangeSubject.DISCLOSURES, client_id=only), self)
        self.recorded.emit(record)

    def _save_failed(self, error: BaseException) -> None:
        self._error = error
        self._show_problem()

    def _show_problem(self) -> None:
        """The last save's problem, under its fields and in the banner, in the staff language."""
        if self._saved is not None:
            return
        self.banner.hide()
        for shown in self.errors.values():
            shown.clear()
            shown.hide()
        error = self._error
        if error is None:
            return
        if isinstance(error, ValidationError):
            unplaced = place_errors(self.errors, error, current_language())
            detail = " ".join(unplaced) or self.tr("Correct what is shown in red.")
        else:
            detail = error_text(error, current_language())
        self.banner.show()
        self.show_outcome(
            self.tr("The disclosure was not recorded. {detail} Nothing you typed was lost.").format(
                detail=detail
            )
        )

    def banner_text(self) -> str:
        return self.banner.text() if self.banner.isVisible() else ""

    def saved_record(self) -> DisclosureRecord | None:
        return self._saved

    def reject(self) -> None:
        if not self.jobs.holds_close and self._touched and self._saved is None:
            answer = QMessageBox.question(
                self,
                self.tr("Close without saving?"),
                self.tr("The disclosure has not been recorded. Close anyway?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()
