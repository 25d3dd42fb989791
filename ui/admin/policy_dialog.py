"""Publishing a new version of the clinic's privacy policy, for a manager or the privacy officer.

A version is its effective date (today or later), the full text and the summary read at the desk, in
French and in English, each read from a UTF-8 text file. The files are read and the version published
on the worker; a published version never changes, so the list beside shows each one with the SHA-256
of its texts, and a second version on the same date is refused with the core's message.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.errors import FieldError, PolicyVersionExistsError, ValidationError
from desktop.domain.records import Actor, PolicyDraft, PolicyVersionRecord
from desktop.services import Services
from ui.kit.date_edits import DayEdit
from ui.kit.forms import InlineErrors, chain_tab_order, em, make_error_label
from ui.kit.i18n import language_label
from ui.kit.job_dialog import JobDialog
from ui.kit.models import Column, RecordTableModel
from ui.kit.retranslate import follow_language
from ui.kit.tables import record_table
from ui.kit.worker import TaskRunner

__all__ = ["POLICY_FILES", "PolicyDialog", "read_policy_draft"]

# The four files of a version, by the field name the core's errors give them.
POLICY_FILES = ("text_fr", "text_en", "summary_fr", "summary_en")
_LIST_JOB = "list"


def _read(errors: list[FieldError], field: str, path: str) -> str:
    """A UTF-8 text file's content (a byte-order mark dropped), or a problem for ``field``."""
    if not path.strip():
        errors.append(FieldError(field, "required"))
        return ""
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except OSError:
        errors.append(FieldError(field, "file_unreadable", {"path": path}))
        return ""
    except UnicodeDecodeError as bad:
        errors.append(FieldError(field, "file_not_utf8", {"path": path, "position": bad.start}))
        return ""
    if not text.strip():
        errors.append(FieldError(field, "file_empty", {"path": path}))
    return text


def read_policy_draft(effective: date, paths: dict[str, str]) -> PolicyDraft:
    """Runs on a worker thread: the version from its files, or ValidationError naming each bad file."""
    errors: list[FieldError] = []
    texts = {field: _read(errors, field, paths.get(field, "")) for field in POLICY_FILES}
    if errors:
        raise ValidationError(errors)
    return PolicyDraft(effective, **texts)


def _version_columns() -> list[Column[PolicyVersionRecord]]:
    return [
        Column(
            QCoreApplication.translate("PolicyVersions", "Effective"), lambda v: v.effective_date.isoformat()
        ),
        Column(
            QCoreApplication.translate("PolicyVersions", "Language"), lambda v: language_label(v.language)
        ),
        Column(
            QCoreApplication.translate("PolicyVersions", "Text SHA-256"),
            lambda v: v.sha256,
            tooltip=lambda v: v.sha256,
        ),
        Column(
            QCoreApplication.translate("PolicyVersions", "Summary SHA-256"),
            lambda v: (
                v.summary_sha256
                or QCoreApplication.translate("PolicyVersions", "(none: the desk shows the full text)")
            ),
            tooltip=lambda v: v.summary_sha256 or "",
        ),
    ]


class PolicyDialog(JobDialog):
    """The published versions, and the form to publish the next one."""

    def __init__(
        self, services: Services, actor: Actor, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(runner, "policy-publish", parent)
        self.setObjectName("policyDialog")
        self._services = services
        self._actor = actor
        self._today = services.clock.today()
        self.errors = InlineErrors()

        self._intro = QLabel(self)
        self._intro.setWordWrap(True)
        self.model: RecordTableModel[PolicyVersionRecord] = RecordTableModel(_version_columns(), self)
        self.table = record_table(self.model, self, "policyVersions")
        self.table.setMinimumHeight(em(self.table, 12))

        form = QGridLayout()
        self.effective_label = QLabel(self)
        self.effective = DayEdit(self)
        self.effective.setObjectName("effectiveDate")
        self.effective.setCalendarPopup(True)
        self.effective.setDisplayFormat("yyyy-MM-dd")
        today = QDate(self._today.year, self._today.month, self._today.day)
        self.effective.setMinimumDate(today)
        self.effective.setDate(today)
        self.effective_label.setBuddy(self.effective)
        effective_error = make_error_label(self)
        form.addWidget(self.effective_label, 0, 0)
        form.addWidget(self.effective, 0, 1)
        form.addWidget(effective_error, 1, 1, 1, 2)
        self.errors.add("effective_date", self.effective, effective_error)
        self.labels: dict[str, QLabel] = {}
        self.paths: dict[str, QLineEdit] = {}
        self.choose_buttons: dict[str, QPushButton] = {}
        for index, field in enumerate(POLICY_FILES):
            row = 2 + index * 2
            label, path, choose = QLabel(self), QLineEdit(self), QPushButton(self)
            path.setObjectName(f"{field}Path")
            path.setMinimumWidth(em(path, 28))
            choose.setObjectName(f"{field}Choose")
            choose.setAutoDefault(False)
            choose.clicked.connect(lambda _checked=False, field=field: self.choose_file(field))
            label.setBuddy(path)
            error = make_error_label(self)
            form.addWidget(label, row, 0)
            form.addWidget(path, row, 1)
            form.addWidget(choose, row, 2)
            form.addWidget(error, row + 1, 1, 1, 2)
            self.errors.add(field, path, error)
            self.labels[field], self.paths[field], self.choose_buttons[field] = label, path, choose

        self.publish_button = QPushButton(self)
        self.publish_button.setObjectName("publishPolicy")
        self.publish_button.setAutoDefault(False)
        self.publish_button.clicked.connect(self.publish)
        publish_row = QHBoxLayout()
        publish_row.addStretch(1)
        publish_row.addWidget(self.publish_button)
        self.progress = self.make_progress_bar(lambda: self.tr("Publishing"))
        self.outcome = self.make_outcome_label("policyOutcome", lambda: self.tr("Result of the last action"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self._intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(publish_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.outcome)
        layout.addWidget(buttons)
        self.jobs.disable_while_running(self.publish_button)
        chain_tab_order(
            self.table,
            self.effective,
            *(w for f in POLICY_FILES for w in (self.paths[f], self.choose_buttons[f])),
            self.publish_button,
        )
        follow_language(self, self.retranslate)
        self.resize(em(self, 84), em(self, 52))
        runner.changes.changed.connect(self._data_changed)
        self.reload()

    def retranslate(self) -> None:
        """Every word in the staff language; the paths typed and the date chosen stay."""
        self.setWindowTitle(self.tr("Privacy policy versions"))
        self._intro.setText(
            self.tr(
                "A published version never changes. From its effective date, clients who acknowledged an "
                "older version are asked to acknowledge it. Texts are UTF-8 files."
            )
        )
        self.table.setAccessibleName(self.tr("Published versions"))
        self.model.retranslate(_version_columns())
        self.effective_label.setText(self.tr("&Effective date:"))
        self.effective.setAccessibleName(self.tr("Effective date"))
        for field, words in (
            ("text_fr", self.tr("&French full text:")),
            ("text_en", self.tr("E&nglish full text:")),
            ("summary_fr", self.tr("French desk &summary:")),
            ("summary_en", self.tr("English desk s&ummary:")),
        ):
            self.labels[field].setText(words)
            self.paths[field].setAccessibleName(words.replace("&", "").rstrip(" :\u00a0"))
            self.choose_buttons[field].setText(self.tr("Choose…"))
            self.choose_buttons[field].setAccessibleName(
                self.tr("Choose the file: {what}").format(what=words.replace("&", "").rstrip(" :\u00a0"))
            )
        self.publish_button.setText(self.tr("&Publish this version"))

    # ------------------------------------------------------------ the versions

    def reload(self) -> None:
        services, actor = self._services, self._actor
        self.jobs.start(
            lambda: services.policies.versions(actor),
            on_success=self._versions_loaded,
            on_failure=self.show_failure,
            busy_message=self.tr("Loading the policy versions…"),
            job=_LIST_JOB,
            makes_busy=False,
            supersede=True,
        )

    def _versions_loaded(self, versions: list[PolicyVersionRecord]) -> None:
        self.model.set_records(
            sorted(versions, key=lambda v: (v.effective_date, v.language.value), reverse=True)
        )
        self.table.resizeColumnsToContents()

    def _data_changed(self, change: DataChange, source: object) -> None:
        if source is not self and change.touches(ChangeSubject.POLICIES):
            self.reload()

    # ------------------------------------------------------------ publishing

    def choose_file(self, field: str) -> None:
        start = self.paths[field].text() or next((p.text() for p in self.paths.values() if p.text()), "")
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.labels[field].text().replace("&", ""),
            start,
            self.tr("Text files (*.txt);;All files (*)"),
        )
        if path:
            self.paths[field].setText(path)

    def effective_date(self) -> date:
        chosen = self.effective.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def publish(self) -> None:
        effective = self.effective_date()
        paths = {field: self.paths[field].text() for field in POLICY_FILES}
        services, actor = self._services, self._actor
        self.errors.clear()
        self.run_job(
            lambda: services.policies.publish(actor, read_policy_draft(effective, paths)),
            self._published,
            on_failure=self._refused,
            busy_message=self.tr("Publishing the policy version…"),
            running_text=lambda: self.tr("Publishing…"),
        )

    def _published(self, versions: list[PolicyVersionRecord]) -> None:
        version = versions[0].version if versions else ""
        self.show_outcome(
            lambda: self.tr("Version {version} is published.").format(version=version), announce=True
        )
        for path in self.paths.values():
            path.clear()
        self.jobs.runner.changes.publish(DataChange.of(ChangeSubject.POLICIES), self)
        self.reload()

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            first = self.errors.show_error(error)
            if first is not None:
                first.setFocus()
            self.show_outcome(
                lambda: self.tr("Not published: correct what is shown in red. Nothing typed was lost.")
            )
            return
        if isinstance(error, PolicyVersionExistsError):
            self.effective.setFocus()
        self.show_failure(error)
