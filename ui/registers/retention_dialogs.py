"""The two confirmations of the retention review: anonymising a file (the file number typed to confirm,
because nothing brings the identity back) and placing or lifting a legal hold (a reason required).

Each dialog does its own saving through the task runner and stays open on a refusal, with the core's
message under it; once saved it emits the record and closes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.domain.records import Actor
from desktop.domain.retention import HOLD_REASON_MAX_LENGTH, RetentionCandidate
from desktop.services import Services
from ui.kit.forms import em, fit_height
from ui.kit.i18n import format_date
from ui.kit.job_dialog import JobDialog
from ui.kit.retranslate import follow_language
from ui.kit.worker import TaskRunner
from ui.registers.retention_tables import rule_text

__all__ = ["AnonymiseDialog", "HoldDialog"]

_WARNING = "color: #8a1c1c; font-weight: bold;"


class AnonymiseDialog(JobDialog):
    """Anonymise one file past the rule, once its file number is typed; ``anonymised`` carries the
    AnonymisationRecord."""

    anonymised = Signal(object)

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        candidate: RetentionCandidate,
        years: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, "anonymise", parent)
        self.setObjectName("anonymiseDialog")
        self._services = services
        self._actor = actor
        self.candidate = candidate
        self._years = years

        self._who = QLabel(self)
        self._who.setObjectName("anonymiseWho")
        self._who.setTextFormat(Qt.TextFormat.PlainText)
        self._who.setWordWrap(True)
        self._who.setStyleSheet("font-weight: bold;")
        self._erased = QLabel(self)
        self._kept = QLabel(self)
        self._final = QLabel(self)
        self._final.setObjectName("anonymiseFinal")
        self._final.setStyleSheet(_WARNING)
        for label in (self._erased, self._kept, self._final):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
        self._prompt = QLabel(self)
        self.typed = QLineEdit(self)
        self.typed.setObjectName("typedFileNumber")
        self.typed.setMaxLength(32)
        self._prompt.setBuddy(self.typed)
        self.outcome = self.make_outcome_label("anonymiseOutcome", lambda: self.tr("Anonymisation result"))
        self.progress = self.make_progress_bar(lambda: self.tr("Anonymisation in progress"))

        self.buttons = QDialogButtonBox(self)
        self.confirm_button: QPushButton = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm_button.setObjectName("confirmAnonymise")
        self.confirm_button.setAutoDefault(False)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setDefault(True)
        self.confirm_button.clicked.connect(self.confirm)
        self.cancel_button.clicked.connect(self.reject)
        self.typed.textChanged.connect(lambda _text: self._update_button())
        self.jobs.disable_while_running(self.typed, self.cancel_button)
        self.jobs.running_changed.connect(lambda _running: self._update_button())

        layout = QVBoxLayout(self)
        for widget in (self._who, self._erased, self._kept, self._final, self._prompt, self.typed):
            layout.addWidget(widget)
        layout.addWidget(self.progress)
        layout.addWidget(self.outcome)
        layout.addWidget(self.buttons)
        follow_language(self, self.retranslate)
        self.resize(em(self, 44), self.sizeHint().height())
        fit_height(self)
        self._update_button()
        self.typed.setFocus()

    def retranslate(self) -> None:
        c = self.candidate
        self.setWindowTitle(self.tr("Anonymise file {file}").format(file=c.file_number))
        self._who.setText(
            self.tr(
                "{name} — file {file}, born {born}, last contact {last}, due for review since {due}."
            ).format(
                name=c.name,
                file=c.file_number,
                born=format_date(c.date_of_birth),
                last=format_date(c.last_contact_on),
                due=format_date(c.review_due_on),
            )
        )
        self._erased.setText(
            self.tr(
                "Anonymising replaces this person's identity with a placeholder: the names, the date of "
                "birth (only the year is kept), the address, email, phones and health insurance number. "
                "It also erases the names, contact details and signatures on the acknowledgments, opt-out "
                "requests and access requests, a representative's name and a cancellation's reason. The "
                "stored PDFs are removed; their fingerprint and verification code are kept."
            )
        )
        self._kept.setText(
            self.tr(
                "What is kept: the consent, acknowledgment, opt-out and audit evidence stay countable and "
                "verifiable, so the reports' counts do not change. The anonymisation itself is recorded: "
                "who, when and which rule ({rule})."
            ).format(rule=rule_text(self._years))
        )
        self._final.setText(
            self.tr(
                "This cannot be undone. Backups made before today still hold the identity until backup "
                "retention removes them."
            )
        )
        self._prompt.setText(self.tr("To confirm, type the file number {file}:").format(file=c.file_number))
        self.typed.setAccessibleName(self.tr("File number, typed to confirm"))
        self.confirm_button.setText(self.tr("&Anonymise for good"))
        self.confirm_button.setAccessibleName(self.tr("Anonymise the file for good"))
        self.cancel_button.setAccessibleName(self.tr("Cancel: keep the file as it is"))

    def is_confirmed(self) -> bool:
        return self.typed.text().strip() == self.candidate.file_number

    def _update_button(self) -> None:
        self.confirm_button.setEnabled(self.is_confirmed() and not self.is_running)
        self.confirm_button.setToolTip("" if self.is_confirmed() else self.tr("Type the file number first."))

    def confirm(self) -> None:
        if not self.is_confirmed() or self.is_running:
            return
        services, actor, client_id = self._services, self._actor, self.candidate.client_id
        self.run_job(
            lambda: services.retention.anonymise(actor, client_id),
            self._done,
            busy_message=self.tr("Anonymising the file…"),
            running_text=lambda: self.tr("Anonymising…"),
        )

    def _done(self, record: object) -> None:
        self.anonymised.emit(record)
        self.accept()


class HoldDialog(JobDialog):
    """Place (``placing``) or lift a legal hold on one file, with its reason; ``saved`` carries the
    LegalHoldRecord."""

    saved = Signal(object)

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        client_id: int,
        who: str,
        *,
        placing: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, "legal-hold", parent)
        self.setObjectName("placeHoldDialog" if placing else "liftHoldDialog")
        self._services = services
        self._actor = actor
        self.client_id = client_id
        self._who_text = who
        self.placing = placing

        self._who = QLabel(self)
        self._who.setTextFormat(Qt.TextFormat.PlainText)
        self._who.setWordWrap(True)
        self._who.setStyleSheet("font-weight: bold;")
        self._explanation = QLabel(self)
        self._explanation.setTextFormat(Qt.TextFormat.PlainText)
        self._explanation.setWordWrap(True)
        self._reason_label = QLabel(self)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("holdReason")
        self.reason.setMaxLength(HOLD_REASON_MAX_LENGTH)
        self._reason_label.setBuddy(self.reason)
        self.outcome = self.make_outcome_label("holdOutcome", lambda: self.tr("Legal hold result"))
        self.progress = self.make_progress_bar(lambda: self.tr("Saving the legal hold"))

        self.buttons = QDialogButtonBox(self)
        self.save_button: QPushButton = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("saveHold")
        self.save_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.reason.textChanged.connect(lambda _text: self._update_button())
        self.jobs.disable_while_running(self.reason, self.cancel_button)
        self.jobs.running_changed.connect(lambda _running: self._update_button())

        layout = QVBoxLayout(self)
        for widget in (self._who, self._explanation, self._reason_label, self.reason):
            layout.addWidget(widget)
        layout.addWidget(self.progress)
        layout.addWidget(self.outcome)
        layout.addWidget(self.buttons)
        follow_language(self, self.retranslate)
        self.resize(em(self, 40), self.sizeHint().height())
        fit_height(self)
        self._update_button()
        self.reason.setFocus()

    def retranslate(self) -> None:
        if self.placing:
            self.setWindowTitle(self.tr("Place a legal hold"))
            self._explanation.setText(
                self.tr(
                    "A legal hold keeps this file out of the retention review, so it is not anonymised, "
                    "until the hold is lifted (a lawsuit, an investigation, a request of the Commission)."
                )
            )
            self.save_button.setText(self.tr("&Place the hold"))
            self.save_button.setAccessibleName(self.tr("Place the legal hold"))
        else:
            self.setWindowTitle(self.tr("Lift the legal hold"))
            self._explanation.setText(
                self.tr(
                    "Once the hold is lifted, the file comes back into the retention review if it is past "
                    "the rule."
                )
            )
            self.save_button.setText(self.tr("&Lift the hold"))
            self.save_button.setAccessibleName(self.tr("Lift the legal hold"))
        self._who.setText(self._who_text)
        self._reason_label.setText(self.tr("&Reason (required, kept in the register):"))
        self.reason.setAccessibleName(self.tr("Reason"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))

    def _update_button(self) -> None:
        self.save_button.setEnabled(bool(self.reason.text().strip()) and not self.is_running)

    def save(self) -> None:
        reason = self.reason.text()
        if not reason.strip() or self.is_running:
            return
        services, actor, client_id = self._services, self._actor, self.client_id
        retention = services.retention
        work = (
            (lambda: retention.place_hold(actor, client_id, reason))
            if self.placing
            else (lambda: retention.lift_hold(actor, client_id, reason))
        )
        self.run_job(work, self._done, busy_message=self.tr("Saving the legal hold…"))

    def _done(self, record: object) -> None:
        self.saved.emit(record)
        self.accept()
