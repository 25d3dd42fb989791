"""Logging a request to stop communications (an opt-out), exactly as it was received.

The requester's name, phone and email are kept as given, character for character: they are what the
person wrote or said, which is the evidence, even when they differ from the client file. Phone and
in-clinic requests take effect when saved (the consent is withdrawn at once, so a client file must be
matched); email and post requests go to the queue with their due date (the clinic's delay in Quebec
business days, counted with the Easter holiday it observes). Once saved, the dialog publishes one change for the matched client (or for
no client in particular when the request is not matched yet).
"""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.business_days import OptOutCalendar
from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.enums import Channel, OptOutVia, Purpose
from desktop.domain.errors import ValidationError
from desktop.domain.records import Actor, ClientRecord, ClientSummary, OptOutDraft, OptOutRecord
from desktop.services import Services
from ui.booking.feedback import BANNER_ERROR, error_label
from ui.kit.client_search import ClientSearch, client_line
from ui.kit.clinic_context import ClinicFacts, clinic_context
from ui.kit.errors import error_text
from ui.kit.i18n import current_language
from ui.kit.job_dialog import JobDialog
from ui.kit.retranslate import follow_language
from ui.kit.worker import TaskRunner
from ui.optouts.request_box import OptOutRequestBox
from ui.optouts.scope import EVERYTHING, scope_summary
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
        # The problem shown after the last save, kept to be told again in the staff language.
        self._via_missing = False
        self._error: BaseException | None = None
        # The clinic's calendar and purposes: the due date and what "everything" covers follow them.
        self._calendar: OptOutCalendar | None = None
        self._offered: frozenset[Purpose] = EVERYTHING
        self.setObjectName("optOutDialog")
        self.resize(900, 700)

        self.banner = self.make_outcome_label("optOutBanner")
        self.banner.setStyleSheet(BANNER_ERROR)
        self.banner.hide()

        request_box = self.request_box = OptOutRequestBox(self._today, self)
        # The request's inputs, named on the dialog like the scope's below.
        self.via_phone = request_box.via_phone
        self.via_clinic = request_box.via_clinic
        self.via_email = request_box.via_email
        self.via_post = request_box.via_post
        self.received_on = request_box.received_on
        self.received_label = request_box.received_label
        self.requester_name = request_box.requester_name
        self.requester_phone = request_box.requester_phone
        self.requester_email = request_box.requester_email
        self.note = request_box.note
        self.via_error = request_box.via_error
        self.received_error = request_box.received_error
        self.name_error = request_box.name_error
        self.phone_error = request_box.phone_error
        self.email_error = request_box.email_error
        self.note_error = request_box.note_error
        self.scope_box = OptOutScopeBox(self)
        # The scope's inputs, named on the dialog like the others it reads and orders.
        self.preset_promotional = self.scope_box.preset_promotional
        self.preset_everything = self.scope_box.preset_everything
        self.preset_custom = self.scope_box.preset_custom
        self.purpose_boxes = self.scope_box.purpose_boxes
        self.parent_company = self.scope_box.parent_company
        self.channel_boxes = self.scope_box.channel_boxes
        client_box = self._client_box = QGroupBox(self)
        self.picker = ClientSearch(services, actor, runner, client_box, picking=True, client=client)
        self.client_error = error_label(client_box, "clientError", "")
        client_layout = QVBoxLayout(client_box)
        client_layout.addWidget(self.picker)
        client_layout.addWidget(self.client_error)

        self.effect = QLabel(self)
        self.effect.setObjectName("optOutEffect")
        self.effect.setWordWrap(True)
        self.effect.setTextFormat(Qt.TextFormat.PlainText)

        self.save_button = QPushButton(self)
        self.save_button.setObjectName("optOutSave")
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("optOutClose")
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
        self.request_box.changed.connect(self._changed)
        self._set_tab_order()
        follow_language(self, self.retranslate)
        clinic_context(services, actor, runner).follow(self._clinic_loaded)
        self.via_phone.setFocus()

    def _clinic_loaded(self, facts: ClinicFacts) -> None:
        self._calendar = facts.calendar
        self._offered = frozenset(facts.names.offered_purposes())
        self.scope_box.set_parent_name(facts.organisation.parent_name)
        if self._saved is None:
            self._changed(touched=False)
        else:
            self._show_saved(self._saved)

    def retranslate(self) -> None:
        """Every word in the staff language, made again from what is typed, chosen and saved."""
        self.setWindowTitle(self.tr("Log an opt-out request"))
        self.banner.setAccessibleName(self.tr("Message"))
        self._client_box.setTitle(self.tr("Client file"))
        self.client_error.setAccessibleName(self.tr("Problem with the client file"))
        self.effect.setAccessibleName(self.tr("What saving will do"))
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setToolTip(self.tr("Ctrl+Enter"))
        self.save_button.setAccessibleName(self.tr("Save the opt-out request"))
        if self._saved is None:
            self.close_button.setText(self.tr("Cancel"))
            self.close_button.setAccessibleName(self.tr("Close without saving"))
        else:
            self.close_button.setText(self.tr("Close"))
            self.close_button.setAccessibleName(self.tr("Close"))
        if self._saved is None:
            self._changed(touched=False)
        else:
            self._show_saved(self._saved)
        self._show_problem()

    # ---------------------------------------------------------------- building

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
        return self.request_box.received_via()

    def received_date(self) -> date:
        return self.request_box.received_date()

    def purposes(self) -> frozenset[Purpose]:
        return self.scope_box.purposes()

    def channels(self) -> frozenset[Channel]:
        return self.scope_box.channels()

    def matched_client(self) -> ClientSummary | None:
        return self.picker.selected_client()

    def due_date(self) -> date | None:
        via = self.received_via()
        if via is None or via.takes_effect_at_once or self._calendar is None:
            return None
        return self._calendar.due_date(self.received_date())

    # -------------------------------------------------------------- reacting

    def _changed(self, *, touched: bool = True) -> None:
        self._touched = self._touched or touched
        if self._saved is not None:
            return
        via = self.received_via()
        scope = scope_summary(self.purposes(), self.channels(), self._offered)
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
        elif self._calendar is None:
            self.effect.setText(self.tr("Goes to the opt-out queue. Covers: {what}.").format(what=scope))
            self.effect.setStyleSheet(_EFFECT_QUEUE)
        else:
            due = self._calendar.due_date(self.received_date())
            text = self.tr(
                "Goes to the opt-out queue. Due by {due}: {days} Quebec business days after it was received "
                "({received}). Covers: {what}."
            ).format(
                due=due.isoformat(),
                days=self._calendar.delay_days,
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
        via = self.received_via()
        self._via_missing, self._error = via is None, None
        self._show_problem()
        if via is None:
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
        self.request_box.set_inputs_enabled(enabled)
        self.picker.setEnabled(enabled)
        self.scope_box.set_inputs_enabled(enabled)

    def _saved_ok(self, record: OptOutRecord) -> None:
        self._saved = record
        self._follow_save()
        self._show_saved(record)
        self.save_button.hide()
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.setFocus()
        self.jobs.runner.changes.publish(opt_out_change(record), self)
        self.logged.emit(record)

    def _show_saved(self, record: OptOutRecord) -> None:
        scope = scope_summary(record.purposes, record.channels, self._offered)
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

    def _save_failed(self, error: BaseException) -> None:
        self._error = error
        self._show_problem()

    def _show_problem(self) -> None:
        """The problem of the last save (if any), under its fields and in the banner."""
        self._clear_errors()
        error = self._error
        if self._via_missing:
            self._show_field_error("received_via", self.tr("Choose how the request was received."))
            self._show_banner(self.tr("The request was not saved."))
            return
        if error is None:
            return
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
        box = self.request_box
        label = {
            "received_via": box.via_error,
            "received_on": box.received_error,
            "requester_name": box.name_error,
            "requester_phone": box.phone_error,
            "requester_email": box.email_error,
            "note": box.note_error,
            "scope": self.scope_box.scope_error,
            "client_id": self.client_error,
        }.get(field)
        if label is not None:
            label.setText(text)
            label.show()

    def _clear_errors(self) -> None:
        self.banner.hide()
        box = self.request_box
        for label in (
            box.via_error,
            box.received_error,
            box.name_error,
            box.phone_error,
            box.email_error,
            box.note_error,
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
