"""Sign the policy…: the client acknowledges the privacy policy at the desk without an appointment.

The dialog shows the version in force today in the client's language, with the booking's signature
step (the summary to read, who signs, the pad, the refusal). It is recorded by
``services.acknowledgments.record``, which stores the acknowledgment's PDF in the same unit of work,
exactly as after a booking; the receptionist may have a copy printed for the client at once.

A client whose signed acknowledgment already covers the version in force is told so. Signing again
is allowed, after the receptionist confirms: a careful clinic does not collect a second signature
for nothing (every one is kept for good and read in an access request), but a client may have good
reason to sign again (a parent now signing for a child, a refusal they take back), and turning them
away would leave the desk with no way to record it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.age import age_on, consents_for_themselves
from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.errors import ValidationError
from desktop.domain.records import AcknowledgmentRecord, Actor, BookingPolicy, ClientRecord
from desktop.services import Services
from ui.booking.feedback import BANNER_ERROR, BANNER_INFO, field_message
from ui.booking.policy_text import PolicyTextDialog
from ui.booking.signature_step import SignatureStep
from ui.kit.errors import error_words
from ui.kit.forms import chain_tab_order
from ui.kit.i18n import format_date, language_name
from ui.kit.job_dialog import JobDialog
from ui.kit.retranslate import follow_language
from ui.kit.worker import TaskRunner

__all__ = ["PolicySigningDialog"]


class PolicySigningDialog(JobDialog):
    """Record ``client``'s signed acknowledgment (or refusal) of the policy in force today, at the desk."""

    signed = Signal(object, bool)
    """The AcknowledgmentRecord, and whether a copy is to be printed for the client."""

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        client: ClientRecord,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, "policy-signing", parent)
        self._services = services
        self._actor = actor
        self._client = client
        self._language = client.preferred_language
        self._policy: BookingPolicy | None = None
        self._policy_error: Callable[[], str] | None = None
        # Made once: a retry after a lost answer is recognised by the service, never doubled.
        self._uid = uuid.uuid4()
        self._saved = False
        self._touched = False
        self._banner_message: Callable[[], str] | None = None
        today = services.clock.today()
        self._today = today
        self._age = age_on(client.date_of_birth, today)
        self._minor = not consents_for_themselves(client.date_of_birth, today)

        self.setObjectName("policySigningDialog")
        self.resize(960, 680)

        self.header = QLabel(self)
        self.header.setObjectName("policySigningClient")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)
        self.header.setStyleSheet("font-size: 115%; font-weight: bold;")
        self.policy_line = QLabel(self)
        self.policy_line.setObjectName("policySigningLine")
        self.policy_line.setWordWrap(True)
        self.policy_line.setTextFormat(Qt.TextFormat.PlainText)
        self.step = SignatureStep(self._language, client.full_name, self._age, self._minor, self)
        self.print_copy = QCheckBox(self)
        self.print_copy.setObjectName("printCopy")
        self.banner = self.make_outcome_label("policySigningBanner")
        self.banner.hide()

        self.buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("recordSignature")
        self.save_button.setAutoDefault(False)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setAutoDefault(False)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.policy_line)
        layout.addWidget(self.step, 1)
        layout.addWidget(self.print_copy)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)

        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(self.save)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.step.changed.connect(self._inputs_changed)
        self.step.full_policy_requested.connect(self._show_full_policy)
        self.jobs.running_changed.connect(lambda _running: self._follow_save())

        chain_tab_order(*self.step.focus_chain(), self.print_copy, self.save_button, self.cancel_button)
        follow_language(self, self.retranslate)
        # Set after the step's own signals: opening the dialog is not typing.
        self._touched = False
        self._update_buttons()
        (self.step.representative_name if self._minor else self.step.pad).setFocus()
        self._load_policy()

    def retranslate(self) -> None:
        """The staff's words follow the staff language; what the client reads and signs stays in theirs."""
        client = self._client
        self.setWindowTitle(self.tr("Sign the privacy policy — {client}").format(client=client.full_name))
        self.header.setText(
            self.tr("{client} · file {file} · born {born} ({age} years old) · speaks {language}").format(
                client=client.full_name,
                file=client.file_number,
                born=client.date_of_birth.isoformat(),
                age=self._age,
                language=language_name(self._language),
            )
        )
        self.policy_line.setText(self._policy_text())
        self.policy_line.setAccessibleName(self.tr("Privacy policy in force today"))
        self.print_copy.setText(self.tr("&Print a copy for the client once recorded"))
        self.save_button.setText(self.tr("Record the ac&knowledgment"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.banner.setAccessibleName(self.tr("Message"))
        if self._banner_message is not None:
            self.banner.setText(self._banner_message())

    # ------------------------------------------------------------------ state

    @property
    def client_id(self) -> int:
        return self._client.id

    @property
    def policy(self) -> BookingPolicy | None:
        return self._policy

    @property
    def policy_settled(self) -> bool:
        return self._policy is not None or self._policy_error is not None

    def banner_text(self) -> str:
        return self.banner.text() if self.banner.isVisible() else ""

    def _policy_text(self) -> str:
        if self._policy_error is not None:
            return self.tr("The policy could not be loaded: {detail}").format(detail=self._policy_error())
        if self._policy is None:
            return self.tr("Loading the privacy policy in force today…")
        text = self.tr("Privacy policy in force today: version {version}.").format(
            version=self._policy.policy.version
        )
        signed = self._policy.acknowledged
        if signed is not None:
            text += " " + self.tr(
                "Already acknowledged: version {version}, signed on {date}. No new signature is needed."
            ).format(version=signed.policy_version, date=format_date(signed.signed_at.astimezone().date()))
        return text

    def _inputs_changed(self) -> None:
        self._touched = True

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(not self.is_running and not self._saved and self._policy is not None)

    def _follow_save(self) -> None:
        enabled = not self.is_running and not self._saved
        self.step.set_inputs_enabled(enabled)
        self.print_copy.setEnabled(enabled)
        self._update_buttons()

    # ---------------------------------------------------------------- loading

    def _load_policy(self) -> None:
        services, actor, client_id, today = self._services, self._actor, self._client.id, self._today
        self.jobs.start(
            lambda: services.acknowledgments.for_booking(actor, client_id, today),
            on_success=self._policy_loaded,
            on_failure=self._policy_failed,
            busy_message=self.tr("Loading the privacy policy…"),
            job="policy",
            makes_busy=False,
        )

    def _policy_loaded(self, loaded: BookingPolicy) -> None:
        # The summary stored with the version in force today: the one the acknowledgment records.
        self._policy = loaded
        self.step.set_summary(loaded.policy.desk_text)
        self.policy_line.setText(self._policy_text())
        self._update_buttons()

    def _policy_failed(self, error: BaseException) -> None:
        self._policy_error = error_words(error)
        self.policy_line.setText(self._policy_text())
        self.step.set_summary(self._policy_text())

    def _show_full_policy(self) -> None:
        if self._policy is None:
            return
        dialog = PolicyTextDialog(self._policy.policy, self._language, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # ------------------------------------------------------------------- save

    def save(self) -> None:
        if self.is_running or self._saved or self._policy is None:
            return
        self._banner_message = None
        self.banner.hide()
        self.step.clear_errors()
        problems = self.step.local_problem_makers()
        if problems:
            for name, make in problems.items():
                self.step.show_error(name, make)
            self.step.focus_field(next(iter(problems)))
            self._show_banner(lambda: self.tr("Nothing was recorded: check the signature."))
            return
        if self._policy.acknowledged is not None and not self._confirm_again(self._policy.acknowledged):
            return
        capture = self.step.capture(self._uid)
        services, actor, client_id = self._services, self._actor, self._client.id
        self._show_banner(lambda: self.tr("Recording…"), error=False)
        self.jobs.start(
            lambda: services.acknowledgments.record(actor, client_id, capture),
            on_success=self._recorded,
            on_failure=self._record_failed,
            busy_message=self.tr("Recording the acknowledgment…"),
            job="save",
            holds_close=True,
            keep_on_close=True,
        )

    def _confirm_again(self, signed: AcknowledgmentRecord) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Sign again?"),
            self.tr(
                "The client already signed version {version} on {date}, which is the version in force. "
                "Record a new acknowledgment anyway?"
            ).format(version=signed.policy_version, date=format_date(signed.signed_at.astimezone().date())),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _recorded(self, record: AcknowledgmentRecord) -> None:
        self._saved = True
        self._follow_save()
        change = DataChange.of(ChangeSubject.ACKNOWLEDGMENTS, client_id=self._client.id)
        self.jobs.runner.changes.publish(change, self)
        self.signed.emit(record, self.print_copy.isChecked())
        self.accept()

    def _record_failed(self, error: BaseException) -> None:
        detail = error_words(error)
        if isinstance(error, ValidationError):
            elsewhere = [
                field_message(p) for p in error.errors if not self.step.show_error(p.field, field_message(p))
            ]
            detail = lambda: " ".join(  # noqa: E731
                [self.tr("Correct what is shown in red."), *(make() for make in elsewhere)]
            )
        self._show_banner(
            lambda: self.tr(
                "The acknowledgment was not recorded. {detail} Nothing you entered was lost."
            ).format(detail=detail())
        )

    def _show_banner(self, message: Callable[[], str], *, error: bool = True) -> None:
        self._banner_message = message
        self.banner.setStyleSheet(BANNER_ERROR if error else BANNER_INFO)
        self.banner.show()
        self.show_outcome(message())

    # ---------------------------------------------------------------- closing

    def close_refused(self) -> None:
        self._show_banner(lambda: self.tr("Recording… please wait a moment."), error=False)

    def reject(self) -> None:
        if not self.jobs.holds_close and self._touched and not self._saved:
            answer = QMessageBox.question(
                self,
                self.tr("Cancel the signature?"),
                self.tr("Close without recording? The signature drawn will be lost."),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()
