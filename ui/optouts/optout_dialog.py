"""Logging a request to stop communications (an opt-out), exactly as it was received.

The requester's name, phone and email are kept as given, character for character: they are what the
person wrote or said, which is the evidence, even when they differ from the client file. Phone and
in-clinic requests take effect when saved (the consent is withdrawn at once, so a client file must be
matched); email and post requests go to the queue with their due date (10 Quebec business days).
"""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QDialog,
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
from desktop.domain.enums import PROMOTIONAL_PURPOSES, Channel, OptOutVia, Purpose
from desktop.domain.errors import ValidationError
from desktop.domain.records import Actor, ClientRecord, ClientSummary, OptOutDraft, OptOutRecord
from desktop.domain.wording import channel_label, purpose_label
from desktop.services import Services
from ui.booking.consent_step import error_label
from ui.kit.client_search import ClientSearch, client_line
from ui.kit.errors import error_text
from ui.kit.i18n import current_language
from ui.kit.worker import TaskHandle, TaskRunner

__all__ = ["EVERYTHING", "OptOutDialog", "ScopePreset", "scope_summary"]

EVERYTHING: frozenset[Purpose] = frozenset(Purpose)
#: The purposes chosen one by one under "custom"; the parent company has its own box in every preset.
_OWN_PURPOSES = [p for p in Purpose if p != Purpose.PARENT_COMPANY_PROMOTIONS]
_BANNER_ERROR = "background: #fdecea; color: #8a1c1c; border: 1px solid #e0a8a8; padding: 6px;"
_EFFECT_NOW = (
    "background: #fff4e5; color: #6b3d00; border: 1px solid #f0c27a; padding: 6px; font-weight: bold;"
)
_EFFECT_QUEUE = (
    "background: #e8f0fe; color: #1a3d7c; border: 1px solid #a8bfe0; padding: 6px; font-weight: bold;"
)
_DONE = "background: #e6f4ea; color: #1b5e20; border: 1px solid #9fd3ad; padding: 6px; font-weight: bold;"


class ScopePreset:
    PROMOTIONAL = "promotional"
    EVERYTHING = "everything"
    CUSTOM = "custom"


def purpose_names(purposes: frozenset[Purpose]) -> str:
    language = current_language()
    return ", ".join(purpose_label(p, language) for p in Purpose if p in purposes)


def channel_names(channels: frozenset[Channel]) -> str:
    if channels == frozenset(Channel):
        return QCoreApplication.translate("OptOutScope", "every channel")
    language = current_language()
    return ", ".join(channel_label(c, language) for c in Channel if c in channels)


def scope_summary(purposes: frozenset[Purpose], channels: frozenset[Channel]) -> str:
    """A short, staff-facing description of what a request covers."""
    if purposes == EVERYTHING:
        what = QCoreApplication.translate("OptOutScope", "Everything, including appointment reminders")
    elif purposes == PROMOTIONAL_PURPOSES:
        what = QCoreApplication.translate("OptOutScope", "All promotional (reminders kept)")
    elif purposes == PROMOTIONAL_PURPOSES - {Purpose.PARENT_COMPANY_PROMOTIONS}:
        what = QCoreApplication.translate(
            "OptOutScope", "All promotional except the parent company (reminders kept)"
        )
    else:
        what = purpose_names(purposes)
    return f"{what} — {channel_names(channels)}"


class OptOutDialog(QDialog):
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
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._runner = runner
        self._today = services.clock.today()
        self._uid: uuid.UUID | None = None
        self._task: TaskHandle | None = None
        self._saving = False
        self._saved: OptOutRecord | None = None
        self._touched = False
        self.setObjectName("optOutDialog")
        self.setWindowTitle(self.tr("Log an opt-out request"))
        self.resize(900, 700)

        self.banner = QLabel(self)
        self.banner.setObjectName("optOutBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setStyleSheet(_BANNER_ERROR)
        self.banner.setAccessibleName(self.tr("Message"))
        self.banner.hide()

        request_box = self._build_request_box()
        scope_box = self._build_scope_box()
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
        columns.addWidget(scope_box, 1, 0, 1, 2)
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
        self._set_tab_order()
        self._apply_preset()
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

    def _build_scope_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("What to stop"), self)
        self.preset_promotional = QRadioButton(
            self.tr("&All promotional communications (keeps appointment reminders)"), box
        )
        self.preset_everything = QRadioButton(self.tr("E&verything, including appointment reminders"), box)
        self.preset_custom = QRadioButton(self.tr("C&hoose the purposes"), box)
        self._preset_group = QButtonGroup(self)
        self._presets = {
            self.preset_promotional: ScopePreset.PROMOTIONAL,
            self.preset_everything: ScopePreset.EVERYTHING,
            self.preset_custom: ScopePreset.CUSTOM,
        }
        for button, preset in self._presets.items():
            button.setObjectName(f"preset_{preset}")
            button.setAccessibleName(button.text().replace("&", ""))
            self._preset_group.addButton(button)
        self.preset_promotional.setChecked(True)

        language = current_language()
        self.purpose_boxes: dict[Purpose, QCheckBox] = {}
        purposes_row = QGridLayout()
        purposes_row.setContentsMargins(24, 0, 0, 0)
        for index, purpose in enumerate(_OWN_PURPOSES):
            check = QCheckBox(purpose_label(purpose, language), box)
            check.setObjectName(f"purpose_{purpose.value}")
            check.setAccessibleName(purpose_label(purpose, language))
            self.purpose_boxes[purpose] = check
            purposes_row.addWidget(check, index // 2, index % 2)
            check.toggled.connect(lambda *_: self._changed())
        self.parent_company = QCheckBox(
            self.tr("including the parent &company (Groupe Médical Lacroix)"), box
        )
        self.parent_company.setObjectName("includeParentCompany")
        self.parent_company.setAccessibleName(self.tr("Including the parent company, Groupe Médical Lacroix"))
        self.parent_company.setChecked(True)

        self.channel_boxes: dict[Channel, QCheckBox] = {}
        channels_row = QHBoxLayout()
        channels_row.addWidget(QLabel(self.tr("Channels:"), box))
        for channel in Channel:
            check = QCheckBox(channel_label(channel, language), box)
            check.setObjectName(f"channel_{channel.value}")
            check.setAccessibleName(self.tr("Channel: {name}").format(name=channel_label(channel, language)))
            check.setChecked(True)
            self.channel_boxes[channel] = check
            channels_row.addWidget(check)
            check.toggled.connect(lambda *_: self._changed())
        channels_row.addStretch(1)
        self.scope_error = error_label(box, "scopeError", self.tr("Problem with what to stop"))

        layout = QVBoxLayout(box)
        presets_row = QHBoxLayout()
        presets_row.addWidget(self.preset_promotional)
        presets_row.addWidget(self.preset_everything)
        presets_row.addWidget(self.preset_custom)
        presets_row.addStretch(1)
        layout.addLayout(presets_row)
        layout.addLayout(purposes_row)
        layout.addWidget(self.parent_company)
        layout.addLayout(channels_row)
        layout.addWidget(self.scope_error)
        self._preset_group.buttonToggled.connect(lambda *_: self._apply_preset())
        self.parent_company.toggled.connect(lambda *_: self._changed())
        return box

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
            self.preset_promotional,
            *self.purpose_boxes.values(),
            self.parent_company,
            *self.channel_boxes.values(),
            self.close_button,
            self.save_button,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # ------------------------------------------------------------------ reading

    def received_via(self) -> OptOutVia | None:
        return next((via for button, via in self._vias.items() if button.isChecked()), None)

    def received_date(self) -> date:
        return self.received_on.date().toPython()

    def preset(self) -> str:
        return next(p for button, p in self._presets.items() if button.isChecked())

    def purposes(self) -> frozenset[Purpose]:
        chosen = {p for p, check in self.purpose_boxes.items() if check.isChecked()}
        if self.parent_company.isChecked():
            chosen.add(Purpose.PARENT_COMPANY_PROMOTIONS)
        return frozenset(chosen)

    def channels(self) -> frozenset[Channel]:
        return frozenset(c for c, check in self.channel_boxes.items() if check.isChecked())

    def matched_client(self) -> ClientSummary | None:
        return self.picker.selected_client()

    def due_date(self) -> date | None:
        via = self.received_via()
        if via is None or via.takes_effect_at_once:
            return None
        return opt_out_due_date(self.received_date())

    # -------------------------------------------------------------- reacting

    def _apply_preset(self) -> None:
        # Presets tick the purposes they stand for, so what will stop is always visible.
        preset = self.preset()
        for purpose, check in self.purpose_boxes.items():
            if preset != ScopePreset.CUSTOM:
                check.blockSignals(True)
                check.setChecked(preset == ScopePreset.EVERYTHING or purpose != Purpose.APPOINTMENT_REMINDERS)
                check.blockSignals(False)
            check.setEnabled(preset == ScopePreset.CUSTOM and self._saved is None)
        self._changed()

    def _changed(self, *, touched: bool = True) -> None:
        self._touched = self._touched or touched
        if self._saved is not None:
            return
        via = self.received_via()
        self.received_label.setText(
            {
                OptOutVia.POST: self.tr("&Date the letter arrived:"),
                OptOutVia.EMAIL: self.tr("&Date the email arrived:"),
            }.get(via, self.tr("&Date received:"))
        )
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
        if self._saving or self._saved is not None:
            return
        self._clear_errors()
        via = self.received_via()
        if via is None:
            self._show_field_error("received_via", self.tr("Choose how the request was received."))
            self.banner.setText(self.tr("The request was not saved."))
            self.banner.show()
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
        self._set_saving(True)
        self._task = self._runner.submit(
            lambda: services.optouts.log(actor, draft),
            on_success=self._saved_ok,
            on_failure=self._save_failed,
            key=("opt-out-log", id(self)),
            busy_message=self.tr("Saving the opt-out request…"),
        )

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self._set_inputs_enabled(not saving and self._saved is None)
        self.save_button.setEnabled(not saving and self._saved is None)

    def _set_inputs_enabled(self, enabled: bool) -> None:
        widgets: list[QWidget] = [
            *self._vias,
            self.received_on,
            self.requester_name,
            self.requester_phone,
            self.requester_email,
            self.note,
            self.picker,
            *self._presets,
            self.parent_company,
            *self.channel_boxes.values(),
        ]
        for widget in widgets:
            widget.setEnabled(enabled)
        for check in self.purpose_boxes.values():
            check.setEnabled(enabled and self.preset() == ScopePreset.CUSTOM)

    def _saved_ok(self, record: OptOutRecord) -> None:
        self._saved = record
        self._set_saving(False)
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
        self.logged.emit(record)

    def _save_failed(self, error: BaseException) -> None:
        self._set_saving(False)
        if isinstance(error, ValidationError):
            for problem in error.errors:
                self._show_field_error(problem.field, problem.message(current_language()))
            detail = self.tr("Correct what is shown in red.")
        else:
            detail = error_text(error, current_language())
        self.banner.setText(
            self.tr("The request was not saved. {detail} Nothing you typed was lost.").format(detail=detail)
        )
        self.banner.show()

    def _show_field_error(self, field: str, text: str) -> None:
        label = {
            "received_via": self.via_error,
            "received_on": self.received_error,
            "requester_name": self.name_error,
            "requester_phone": self.phone_error,
            "requester_email": self.email_error,
            "note": self.note_error,
            "scope": self.scope_error,
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
            self.scope_error,
            self.client_error,
        ):
            label.clear()
            label.hide()

    def banner_text(self) -> str:
        return self.banner.text() if self.banner.isVisible() else ""

    def saved_record(self) -> OptOutRecord | None:
        return self._saved

    # --------------------------------------------------------------- closing

    def reject(self) -> None:
        if self._saving:
            return
        if self._touched and self._saved is None:
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
