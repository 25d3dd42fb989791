"""Logging a request to stop communications (an opt-out), exactly as it was received.

The requester's name, phone and email are kept as given, character for character: they are what the
person wrote or said, which is the evidence, even when they differ from the client file. Phone and
in-clinic requests take effect when saved (the consent is withdrawn at once, so a client file must be
matched); email and post requests go to the queue with their due date (a number of Quebec business
days set by the domain). Once saved, the dialog publishes one change for the matched client (or for
no client in particular when the request is not matched yet).
"""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QFormLayout,
    QGridLayout,
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

from desktop.domain.business_days import OPT_OUT_DEADLINE_BUSINESS_DAYS, opt_out_due_date
from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.enums import Channel, OptOutVia, Purpose
from desktop.domain.errors import ValidationError
from desktop.domain.records import Actor, ClientRecord, ClientSummary, OptOutDraft, OptOutRecord
from desktop.services import Services
from ui.booking.feedback import BANNER_ERROR, error_label
from ui.kit.client_search import ClientSearch, client_line
from ui.kit.errors import error_text
from ui.kit.i18n import current_language
from ui.kit.job_dialog import JobDialog
from ui.kit.worker import TaskRunner
from ui.optouts.scope import scope_summary
from ui.optouts.scope_box import OptOutScopeBox

__all__ = ["OptOutDialog", "opt_out_change"]

_EFFECT_NOW = (
    "background: #fff4e5; color: #6b3d00; border: 1px solid #f0c27a; padding: 6px; font-weight: bold;"
)
_EFFECT_QUEUE = (
    "background: #e8f0fe; color: #1a3d7c; border: 1px solid #a8bfe0; padding: 6px; font-weight: bold;"
)
_DONE = "background: #e6f4ea; color: #1b5e20; border: 1px solid #9fd3ad; padding: 6px; font-weight: bold;"


def opt_out_change(record: OptOutRecord) -> DataChange:
    """What logging ``record`` changed: the opt-out requests, and the consent when it was withdrawn at once."""
    subjects = [ChangeSubject.OPT_OUTS]
    if record.processed_at is not None:
        subjects.append(ChangeSubject.CONSENT)
    return DataChange.of(*subjects, client_id=record.client_id)


class OptOutDialog(JobDialog):
    """Record an opt-out request as received; ``logged`` carries the saved :class:`OptOutRecord`."""

    logged = Signal(object)

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        client: ClientRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, "opt-out-log", parent)
        self._services = services
        self._actor = actor
        self._today = services.clock.today()
        self._uid: uuid.UUID | None = None
        self._saved: OptOutRecord | None = None
        self._touched = False
        self.setObjectName("optOutDialog")
        self.setWindowTitle(self.tr("Log an opt-out request"))
        self.resize(900, 700)

        self.banner = self.make_outcome_label("optOutBanner", self.tr("Message"))
        self.banner.setStyleSheet(BANNER_ERROR)
        self.banner.hide()

        request_box = self._build_request_box()
        self.scope_box = OptOutScopeBox(self)
        # The scope's inputs, named on the dialog like the others it reads and orders.
        self.preset_promotional = self.scope_box.preset_promotional
        self.preset_everything = self.scope_box.preset_everything
        self.preset_custom = self.scope_box.preset_custom
        self.purpose_boxes = self.scope_box.purpose_boxes
        self.parent_company = self.scope_box.parent_company
        self.channel_boxes = self.scope_box.channel_boxes
        client_box = QGroupBox(self.tr("Client file"), self)
        self.picker = ClientSearch(services, actor, runner, client_box, picking=True, client=client)
        self.client_error = error_label(client_box, "clientError", self.tr("Problem with the client file"))
        client_layout = QVBoxLayout(client_box)
        client_layout.addWidget(self.picker)
        client_layout.addWidget(self.client_error)

        self.effect = QLabel(self)
        self.effect.setObjectName("optOutEffect")
        self.effect.setWordWrap(True)
        self.effect.setTextFormat(Qt.TextFormat.PlainText)
        self.effect.setAccessibleName(self.tr("What saving will do"))

        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setObjectName("optOutSave")
        self.save_button.setToolTip(self.tr("Ctrl+Enter"))
        self.save_button.setAccessibleName(self.tr("Save the opt-out request"))
        self.close_button = QPushButton(self.tr("Cancel"), self)
        self.close_button.setObjectName("optOutClose")
        self.close_button.setAccessibleName(self.tr("Close without saving"))
        for button in (self.save_button, self.close_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)

        columns = QGridLayout()
        columns.addWidget(request_box, 0, 0)
        columns.addWidget(client_box, 0, 1)
        columns.addWidget(self.scope_box, 1, 0, 1, 2)
        columns.setColumnStretch(0, 1)
        columns.setColumnStretch(1, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(columns, 1)
        layout.addWidget(self.effect)
        layout.addLayout(buttons)

        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.activated.connect(self.save)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        self.picker.picked.connect(lambda _client: self._changed())
        self.jobs.running_changed.connect(lambda _running: self._follow_save())
        self.scope_box.changed.connect(self._changed)
        self._set_tab_order()
        self._changed(touched=False)
        self.via_phone.setFocus()

    # ---------------------------------------------------------------- building

    def _build_request_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Request as received"), self)
        self.via_phone = QRadioButton(self.tr("By &phone"), box)
        self.via_clinic = QRadioButton(self.tr("&In clinic"), box)
        self.via_email = QRadioButton(self.tr("By &email"), box)
        self.via_post = QRadioButton(self.tr("By p&ost"), box)
        self._via_group = QButtonGroup(self)
        self._vias = {
            self.via_phone: OptOutVia.PHONE,
            self.via_clinic: OptOutVia.IN_CLINIC,
            self.via_email: OptOutVia.EMAIL,
            self.via_post: OptOutVia.POST,
        }
        for button, via in self._vias.items():
            button.setObjectName(f"via_{via.value}")
            button.setAccessibleName(self.tr("Received: {how}").format(how=button.text().replace("&", "")))
            self._via_group.addButton(button)
        via_row = QGridLayout()
        via_row.addWidget(self.via_phone, 0, 0)
        via_row.addWidget(self.via_clinic, 0, 1)
        via_row.addWidget(self.via_email, 1, 0)
        via_row.addWidget(self.via_post, 1, 1)
        self.via_error = error_label(box, "viaError", self.tr("Problem with how the request was received"))

        self.received_on = QDateEdit(box)
        self.received_on.setObjectName("receivedOn")
        self.received_on.setCalendarPopup(True)
        self.received_on.setDisplayFormat("yyyy-MM-dd")
        self.received_on.setDate(QDate(self._today.year, self._today.month, self._today.day))
        self.received_on.setAccessibleName(self.tr("Date received"))
        self.received_label = QLabel(self.tr("&Date received:"), box)
        self.received_label.setBuddy(self.received_on)
        self.received_error = error_label(box, "receivedOnError", self.tr("Problem with the date received"))

        self.requester_name = self._line_edit(box, "requesterName", self.tr("Requester's name, as given"))
        self.requester_phone = self._line_edit(box, "requesterPhone", self.tr("Requester's phone, as given"))
        self.requester_email = self._line_edit(box, "requesterEmail", self.tr("Requester's email, as given"))
        self.note = self._line_edit(box, "optOutNote", self.tr("Note (optional)"))
        self.name_error = error_label(box, "requesterNameError", self.tr("Problem with the requester's name"))
        self.phone_error = error_label(box, "requesterPhoneError", self.tr("Problem with the phone"))
        self.email_error = error_label(box, "requesterEmailError", self.tr("Problem with the email"))
        self.note_error = error_label(box, "noteError", self.tr("Problem with the note"))

        form = QFormLayout(box)
        form.addRow(self.tr("Received:"), via_row)
        form.addRow("", self.via_error)
        form.addRow(self.received_label, self.received_on)
        form.addRow("", self.received_error)
        for label, edit, error in (
            (self.tr("Requester's &name:"), self.requester_name, self.name_error),
            (self.tr("P&hone:"), self.requester_phone, self.phone_error),
            (self.tr("E&mail:"), self.requester_email, self.email_error),
            (self.tr("No&te:"), self.note, self.note_error),
        ):
            buddy = QLabel(label, box)
            buddy.setBuddy(edit)
            form.addRow(buddy, edit)
            form.addRow("", error)
        hint = QLabel(self.tr("Type the name, phone and email exactly as the requester gave them."), box)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555555;")
        form.addRow("", hint)

        self._via_group.buttonToggled.connect(lambda *_: self._changed())
        self.received_on.dateChanged.connect(lambda *_: self._changed())
        for edit in (self.requester_name, self.requester_phone, self.requester_email, self.note):
            edit.textEdited.connect(lambda *_: self._changed())
        return box

    def _line_edit(self, parent: QWidget, name: str, accessible: str) -> QLineEdit:
        edit = QLineEdit(parent)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setPlaceholderText(accessible)
        return edit

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.via_phone,
            self.received_on,
            self.requester_name,
            self.requester_phone,
            self.requester_email,
            self.note,
            self.picker.field,
            self.picker.table,
            self.picker.clear_button,
            *self.scope_box.inputs(),
            self.close_button,
            self.save_button,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # ------------------------------------------------------------------ reading

    def received_via(self) -> OptOutVia | None:
        return next((via for button, via in self._vias.items() if button.isChecked()), None)

    def received_date(self) -> date:
        day = self.received_on.date()
        return date(day.year(), day.month(), day.day())

    def purposes(self) -> frozenset[Purpose]:
        return self.scope_box.purposes()

    def channels(self) -> frozenset[Channel]:
        return self.scope_box.channels()

    def matched_client(self) -> ClientSummary | None:
        return self.picker.selected_client()

    def due_date(self) -> date | None:
        via = self.received_via()
        if via is None or via.takes_effect_at_once:
            return None
        return opt_out_due_date(self.received_date())

    # -------------------------------------------------------------- reacting

    def _changed(self, *, touched: bool = True) -> None:
        self._touched = self._touched or touched
        if self._saved is not None:
            return
        via = self.received_via()
        arrived: dict[OptOutVia | None, str] = {
            OptOutVia.POST: self.tr("&Date the letter arrived:"),
            OptOutVia.EMAIL: self.tr("&Date the email arrived:"),
        }
        self.received_label.setText(arrived.get(via, self.tr("&Date received:")))
        scope = scope_summary(self.purposes(), self.channels())
        if via is None:
            self.effect.setText(self.tr("Choose how the request was received."))
            self.effect.setStyleSheet(_EFFECT_QUEUE)
        elif via.takes_effect_at_once:
            client = self.matched_client()
            text = self.tr(
                "Takes effect immediately: when you save, consent is withdrawn for {what}."
            ).format(what=scope)
            if client is None:
                text += " " + self.tr("Match the request to a client file first.")
            else:
                text += " " + self.tr("Client: {client}.").format(client=client_line(client))
            self.effect.setText(text)
            self.effect.setStyleSheet(_EFFECT_NOW)
        else:
            due = opt_out_due_date(self.received_date())
            text = self.tr(
                "Goes to the opt-out queue. Due by {due}: {days} Quebec business days after it was received "
                "({received}). Covers: {what}."
            ).format(
                due=due.isoformat(),
                days=OPT_OUT_DEADLINE_BUSINESS_DAYS,
                received=self.received_date().isoformat(),
                what=scope,
            )
            if due < self._today:
                text += " " + self.tr("It is already OVERDUE.")
            self.effect.setText(text)
            self.effect.setStyleSheet(_EFFECT_QUEUE)

    # ------------------------------------------------------------------ saving

    def save(self) -> None:
        if self.is_running or self._saved is not None:
            return
        self._clear_errors()
        via = self.received_via()
        if via is None:
            self._show_field_error("received_via", self.tr("Choose how the request was received."))
            self._show_banner(self.tr("The request was not saved."))
            self.via_phone.setFocus()
            return
        if self._uid is None:
            self._uid = uuid.uuid4()
        client = self.matched_client()
        draft = OptOutDraft(
            received_via=via,
            received_on=self.received_date(),
            requester_name=self.requester_name.text(),
            requester_phone=self.requester_phone.text(),
            requester_email=self.requester_email.text(),
            purposes=self.purposes(),
            channels=self.channels(),
            client_id=client.id if client is not None else None,
            note=self.note.text(),
            uid=self._uid,
        )
        services, actor = self._services, self._actor
        # A save is seen through: the dialog stays open meanwhile and its answer is kept after closing.
        self.jobs.start(
            lambda: services.optouts.log(actor, draft),
            on_success=self._saved_ok,
            on_failure=self._save_failed,
            busy_message=self.tr("Saving the opt-out request…"),
            holds_close=True,
            keep_on_close=True,
        )

    def _follow_save(self) -> None:
        """The inputs are locked while the save runs and once it has succeeded."""
        enabled = not self.is_running and self._saved is None
        self._set_inputs_enabled(enabled)
        self.save_button.setEnabled(enabled)

    def _set_inputs_enabled(self, enabled: bool) -> None:
        widgets: list[QWidget] = [
            *self._vias,
            self.received_on,
            self.requester_name,
            self.requester_phone,
            self.requester_email,
            self.note,
            self.picker,
        ]
        for widget in widgets:
            widget.setEnabled(enabled)
        self.scope_box.set_inputs_enabled(enabled)

    def _saved_ok(self, record: OptOutRecord) -> None:
        self._saved = record
        self._follow_save()
        scope = scope_summary(record.purposes, record.channels)
        if record.processed_at is not None:
            client = self.matched_client()
            who = client_line(client) if client is not None else ""
            self.effect.setText(
                self.tr("Withdrawn now: {what}. Client: {client}.").format(what=scope, client=who)
            )
        else:
            self.effect.setText(
                self.tr("Logged and added to the opt-out queue. Due by {due}. Covers: {what}.").format(
                    due=record.due_on.isoformat(), what=scope
                )
            )
        self.effect.setStyleSheet(_DONE)
        self.save_button.hide()
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.setFocus()
        self.jobs.runner.changes.publish(opt_out_change(record), self)
        self.logged.emit(record)

    def _save_failed(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            for problem in error.errors:
                self._show_field_error(problem.field, problem.message(current_language()))
            detail = self.tr("Correct what is shown in red.")
        else:
            detail = error_text(error, current_language())
        self._show_banner(
            self.tr("The request was not saved. {detail} Nothing you typed was lost.").format(detail=detail)
        )

    def _show_field_error(self, field: str, text: str) -> None:
        label = {
            "received_via": self.via_error,
            "received_on": self.received_error,
            "requester_name": self.name_error,
            "requester_phone": self.phone_error,
            "requester_email": self.email_error,
            "note": self.note_error,
            "scope": self.scope_box.scope_error,
            "client_id": self.client_error,
        }.get(field)
        if label is not None:
            label.setText(text)
            label.show()

    def _clear_errors(self) -> None:
        self.banner.hide()
        for label in (
            self.via_error,
            self.received_error,
            self.name_error,
            self.phone_error,
            self.email_error,
            self.note_error,
            self.scope_box.scope_error,
            self.client_error,
        ):
            label.clear()
            label.hide()

    def _show_banner(self, text: str) -> None:
        self.banner.show()
        self.show_outcome(text)

    def banner_text(self) -> str:
        return self.banner.text() if self.banner.isVisible() else ""

    def saved_record(self) -> OptOutRecord | None:
        return self._saved

    # --------------------------------------------------------------- closing

    def reject(self) -> None:
        # While saving, the base refuses to close.
        if not self.jobs.holds_close and self._touched and self._saved is None:
            answer = QMessageBox.question(
                self,
                self.tr("Close without saving?"),
                self.tr("The opt-out request has not been saved. Close anyway?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()

    def done(self, result: int) -> None:
        self.picker.cancel_work()
        super().done(result)
