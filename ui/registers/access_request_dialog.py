"""Logging an access or rectification request exactly as it was received (a receptionist may).

The kind and the channel start unchosen: the person picks them, so no request is logged as "access by
phone" only because that was the first button. The due date, 30 calendar days after receipt (s. 32),
is shown as the date is chosen. A refused save says what to correct under each field, in the staff
language, and keeps everything typed. Once saved, one change is published for the client named (or for
no client in particular).
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.access_requests import (
    MAX_CONTACT,
    MAX_NOTE,
    MAX_REQUESTER_NAME,
    AccessRequestDraft,
    AccessRequestRecord,
    due_date,
)
from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.errors import ValidationError
from desktop.domain.records import Actor, ClientRecord
from desktop.domain.register_enums import AccessRequestChannel, AccessRequestKind
from desktop.services import Services
from ui.booking.feedback import BANNER_ERROR, error_label
from ui.kit.client_search import ClientSearch
from ui.kit.date_edits import DayEdit
from ui.kit.errors import error_text
from ui.kit.forms import place_errors
from ui.kit.i18n import current_language
from ui.kit.job_dialog import JobDialog
from ui.kit.retranslate import follow_language
from ui.kit.worker import TaskRunner
from ui.registers.access_request_model import channel_name, kind_name

__all__ = ["AccessRequestDialog"]

_INFO = "background: #e8f0fe; color: #1a3d7c; border: 1px solid #a8bfe0; padding: 6px; font-weight: bold;"
_DONE = "background: #e6f4ea; color: #1b5e20; border: 1px solid #9fd3ad; padding: 6px; font-weight: bold;"


class AccessRequestDialog(JobDialog):
    """Record a request as received; ``logged`` carries the saved :class:`AccessRequestRecord`."""

    logged = Signal(object)

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        parent: QWidget | None = None,
        client: ClientRecord | None = None,
    ) -> None:
        super().__init__(runner, "access-request-log", parent)
        self._services = services
        self._actor = actor
        self._today = services.clock.today()
        self._uid = uuid.uuid4()
        self._saved: AccessRequestRecord | None = None
        self._error: BaseException | None = None
        self._touched = False
        self.setObjectName("accessRequestDialog")
        self.resize(860, 620)

        self.banner = self.make_outcome_label("accessRequestBanner")
        self.banner.setStyleSheet(BANNER_ERROR)
        self.banner.hide()

        request_box = self._request_box = QGroupBox(self)
        self.kinds = {kind: QRadioButton(request_box) for kind in AccessRequestKind}
        self.channels = {channel: QRadioButton(request_box) for channel in AccessRequestChannel}
        self._kind_group, self._channel_group = QButtonGroup(self), QButtonGroup(self)
        choices: tuple[tuple[QButtonGroup, dict[Any, QRadioButton], str], ...] = (
            (self._kind_group, self.kinds, "kind"),
            (self._channel_group, self.channels, "channel"),
        )
        for group, radios, prefix in choices:
            for value, button in radios.items():
                button.setObjectName(f"{prefix}_{value.value}")
                group.addButton(button)
            group.buttonToggled.connect(lambda *_: self._changed())
        self.received_on = DayEdit(request_box)
        self.received_on.setObjectName("receivedOn")
        self.received_on.setCalendarPopup(True)
        self.received_on.setDisplayFormat("yyyy-MM-dd")
        self.received_on.setDate(QDate(self._today.year, self._today.month, self._today.day))
        self.received_on.dateChanged.connect(lambda *_: self._changed())
        self.requester_name = self._edit("requesterName", MAX_REQUESTER_NAME)
        self.requester_contact = self._edit("requesterContact", MAX_CONTACT)
        self.note = self._edit("accessRequestNote", MAX_NOTE)
        self.errors = {
            field: error_label(request_box, f"{field}Error", "")
            for field in (
                "request_kind",
                "request_channel",
                "received_on",
                "requester_name",
                "requester_contact",
                "note",
            )
        }
        kind_row, channel_row = QHBoxLayout(), QHBoxLayout()
        for radio in self.kinds.values():
            kind_row.addWidget(radio)
        for radio in self.channels.values():
            channel_row.addWidget(radio)
        self._labels = [QLabel(request_box) for _ in range(6)]
        form = QFormLayout(request_box)
        form.addRow(self._labels[0], kind_row)
        form.addRow("", self.errors["request_kind"])
        form.addRow(self._labels[1], channel_row)
        form.addRow("", self.errors["request_channel"])
        for label, edit, error in zip(
            self._labels[2:],
            (self.received_on, self.requester_name, self.requester_contact, self.note),
            list(self.errors.values())[2:],
            strict=True,
        ):
            form.addRow(label, edit)
            form.addRow("", error)
            label.setBuddy(edit)

        client_box = self._client_box = QGroupBox(self)
        self.picker = ClientSearch(services, actor, runner, client_box, picking=True, client=client)
        QVBoxLayout(client_box).addWidget(self.picker)
        self.picker.picked.connect(lambda _client: self._changed())

        self.effect = QLabel(self)
        self.effect.setObjectName("accessRequestEffect")
        self.effect.setWordWrap(True)
        self.effect.setTextFormat(Qt.TextFormat.PlainText)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("accessRequestSave")
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("accessRequestClose")
        for push in (self.save_button, self.close_button):
            push.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        columns = QHBoxLayout()
        columns.addWidget(request_box, 1)
        columns.addWidget(client_box, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(columns, 1)
        layout.addWidget(self.effect)
        layout.addLayout(buttons)

        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self, self.save)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        self.jobs.running_changed.connect(lambda _running: self._follow_save())
        follow_language(self, self.retranslate)
        self.kinds[AccessRequestKind.ACCESS].setFocus()

    def _edit(self, name: str, length: int) -> QLineEdit:
        edit = QLineEdit(self._request_box)
        edit.setObjectName(name)
        edit.setMaxLength(length)
        edit.textEdited.connect(lambda *_: self._changed())
        return edit

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Log an access or rectification request"))
        self._request_box.setTitle(self.tr("Request as received"))
        self._client_box.setTitle(self.tr("Client file it concerns (if known)"))
        for kind, button in self.kinds.items():
            button.setText(kind_name(kind))
            button.setAccessibleName(self.tr("Kind of request: {kind}").format(kind=kind_name(kind)))
        for channel, button in self.channels.items():
            button.setText(channel_name(channel))
            button.setAccessibleName(self.tr("Received by: {channel}").format(channel=channel_name(channel)))
        for label, text in zip(
            self._labels,
            (
                self.tr("Kind:"),
                self.tr("Received by:"),
                self.tr("&Date received:"),
                self.tr("Requester's &name:"),
                self.tr("How to &reach them:"),
                self.tr("No&te:"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.received_on.setAccessibleName(self.tr("Date received"))
        self.requester_name.setAccessibleName(self.tr("Requester's name, as given"))
        self.requester_contact.setAccessibleName(self.tr("How to reach the requester (optional)"))
        self.note.setAccessibleName(self.tr("What the request asks (optional)"))
        self.banner.setAccessibleName(self.tr("Message"))
        self.effect.setAccessibleName(self.tr("When the answer is due"))
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setToolTip(self.tr("Ctrl+Enter"))
        self.close_button.setText(self.tr("Close") if self._saved is not None else self.tr("Cancel"))
        self._changed(touched=False)
        self._show_problem()

    # ---------------------------------------------------------------- reading

    def chosen_kind(self) -> AccessRequestKind | None:
        return next((kind for kind, button in self.kinds.items() if button.isChecked()), None)

    def chosen_channel(self) -> AccessRequestChannel | None:
        return next((channel for channel, button in self.channels.items() if button.isChecked()), None)

    def draft(self) -> AccessRequestDraft:
        picked = self.picker.selected_client()
        return AccessRequestDraft(
            kind=self.chosen_kind(),
            channel=self.chosen_channel(),
            received_on=self.received_on.date().toPython(),  # type: ignore[arg-type]
            requester_name=self.requester_name.text(),
            requester_contact=self.requester_contact.text(),
            note=self.note.text(),
            client_id=picked.id if picked is not None else None,
            uid=self._uid,
        )

    def _changed(self, *, touched: bool = True) -> None:
        self._touched = self._touched or touched
        if self._saved is not None:
            self.effect.setText(
                self.tr("Logged. The answer is due by {due}.").format(due=self._saved.due_on.isoformat())
            )
            self.effect.setStyleSheet(_DONE)
            return
        received = self.received_on.date().toPython()
        due = due_date(received)  # type: ignore[arg-type]
        text = self.tr("To be answered in writing by {due}: 30 calendar days after it was received.").format(
            due=due.isoformat()
        )
        if due < self._today:
            text += " " + self.tr("It is already OVERDUE.")
        self.effect.setText(text)
        self.effect.setStyleSheet(_INFO)

    # ----------------------------------------------------------------- saving

    def save(self) -> None:
        if self.is_running or self._saved is not None:
            return
        draft, services, actor = self.draft(), self._services, self._actor
        self._error = None
        self._show_problem()
        self.jobs.start(
            lambda: services.access_requests.log(actor, draft),
            on_success=self._saved_ok,
            on_failure=self._save_failed,
            busy_message=self.tr("Saving the request…"),
            holds_close=True,
            keep_on_close=True,
        )

    def _follow_save(self) -> None:
        enabled = not self.is_running and self._saved is None
        self._request_box.setEnabled(enabled)
        self.picker.setEnabled(enabled)
        self.save_button.setEnabled(enabled)

    def _saved_ok(self, record: AccessRequestRecord) -> None:
        self._saved = record
        self._follow_save()
        self.save_button.hide()
        self.close_button.setText(self.tr("Close"))
        self.close_button.setFocus()
        self._changed(touched=False)
        self.jobs.runner.changes.publish(
            DataChange.of(ChangeSubject.ACCESS_REQUESTS, client_id=record.client_id), self
        )
        self.logged.emit(record)

    def _save_failed(self, error: BaseException) -> None:
        self._error = error
        self._show_problem()

    def _show_problem(self) -> None:
        """The last save's problem, under its fields and in the banner, in the staff language."""
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
            self.tr("The request was not saved. {detail} Nothing you typed was lost.").format(detail=detail)
        )

    def banner_text(self) -> str:
        return self.banner.text() if self.banner.isVisible() else ""

    def saved_record(self) -> AccessRequestRecord | None:
        return self._saved

    def reject(self) -> None:
        if not self.jobs.holds_close and self._touched and self._saved is None:
            answer = QMessageBox.question(
                self,
                self.tr("Close without saving?"),
                self.tr("The request has not been saved. Close anyway?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()

    def done(self, result: int) -> None:
        self.picker.cancel_work()
        super().done(result)
