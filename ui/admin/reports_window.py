"""Reports for the manager and the privacy officer: choose a report, a period and a format.

The report is computed and rendered on a worker thread (``services.reports.render`` returns the file's
bytes); a PDF opens in the preview (print, save), a CSV is saved where the person says.
The services check the role and record every run in the audit trail; this window only offers what the
person's role allows.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import Language
from desktop.domain.file_numbers import format_file_number
from desktop.domain.records import Actor
from desktop.paths import write_owner_only
from desktop.services import Services
from desktop.services.permissions import Permission, role_allows
from desktop.services.reports import RenderedReport, ReportFormat, ReportKind, report_permission
from ui.documents.pdf_preview import PdfPreviewDialog
from ui.kit.date_edits import DayEdit
from ui.kit.errors import error_words
from ui.kit.forms import chain_tab_order, em, fit_height
from ui.kit.i18n import current_language, language_name
from ui.kit.job_dialog import JobDialog
from ui.kit.retranslate import follow_language
from ui.kit.worker import TaskRunner

__all__ = ["ReportsWindow", "report_file_name", "report_title"]


def report_title(kind: ReportKind) -> str:
    return {
        ReportKind.CONSENT_COVERAGE: QCoreApplication.translate("Reports", "Consent coverage"),
        ReportKind.OPTOUT_REGISTER: QCoreApplication.translate("Reports", "Opt-out register"),
        ReportKind.REACKNOWLEDGMENT: QCoreApplication.translate("Reports", "Re-acknowledgment needed"),
        ReportKind.ACCESS_LOG: QCoreApplication.translate("Reports", "Access log for one client"),
        ReportKind.EXPORTS_LOG: QCoreApplication.translate("Reports", "Exports log"),
        ReportKind.DISCLOSURE_REGISTER: QCoreApplication.translate("Reports", "Disclosure register"),
        ReportKind.INCIDENT_REGISTER: QCoreApplication.translate("Reports", "Incident register"),
        ReportKind.ACCESS_REQUESTS: QCoreApplication.translate("Reports", "Access and rectification requests"),
        ReportKind.RETENTION_REVIEW: QCoreApplication.translate("Reports", "Retention review"),
        ReportKind.ANONYMISATIONS: QCoreApplication.translate("Reports", "Anonymisations register"),
    }[kind]


def report_description(kind: ReportKind) -> str:
    return {
        ReportKind.CONSENT_COVERAGE: QCoreApplication.translate(
            "Reports",
            "How many clients consent to each use, by channel, and how that changed over the period.",
        ),
        ReportKind.OPTOUT_REGISTER: QCoreApplication.translate(
            "Reports",
            "Every opt-out request received in the period, with its deadline and when it was processed.",
        ),
        ReportKind.REACKNOWLEDGMENT: QCoreApplication.translate(
            "Reports", "Clients who must acknowledge the current privacy policy again (or have not yet)."
        ),
        ReportKind.ACCESS_LOG: QCoreApplication.translate(
            "Reports",
            "Who opened, changed, printed or exported one client's file, and when. Privacy officer only.",
        ),
        ReportKind.EXPORTS_LOG: QCoreApplication.translate(
            "Reports",
            "Every contact list exported in the period: purpose, channel, row count and file fingerprint.",
        ),
        ReportKind.DISCLOSURE_REGISTER: QCoreApplication.translate(
            "Reports",
            "Every disclosure of personal information outside the clinic in the period: recipient, legal "
            "basis, information, files, who authorised it and how it was sent, with the corrections.",
        ),
        ReportKind.INCIDENT_REGISTER: QCoreApplication.translate(
            "Reports",
            "Every confidentiality incident the clinic became aware of in the period, as its latest version "
            "describes it: risk of serious injury, notices, measures, and until when it is kept. Privacy "
            "officer only.",
        ),
        ReportKind.ACCESS_REQUESTS: QCoreApplication.translate(
            "Reports",
            "Every access or rectification request received in the period: due date (30 days), identity "
            "check, answer or refusal, and the overdue ones. Privacy officer only.",
        ),
        ReportKind.RETENTION_REVIEW: QCoreApplication.translate(
            "Reports",
            "The files past the retention rule on the period's last day, and how many were left out and "
            "why. Privacy officer only.",
        ),
        ReportKind.ANONYMISATIONS: QCoreApplication.translate(
            "Reports",
            "Every file anonymised in the period: when, by whom, under which rule and what was erased. "
            "Privacy officer only.",
        ),
    }[kind]


def _permission(kind: ReportKind) -> Permission:
    return report_permission(kind)


def this_month(today: date) -> tuple[date, date]:
    last = calendar.monthrange(today.year, today.month)[1]
    return today.replace(day=1), today.replace(day=last)


def _to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def report_file_name(output: RenderedReport) -> str:
    return f"{output.kind.value}_{output.start.isoformat()}_{output.end.isoformat()}.{output.fmt.value}"


_SAVE_JOB = "save"


class ReportsWindow(JobDialog):
    """Choose, produce, then preview (PDF) or save (CSV) a report."""

    produced = Signal(object)
    """The RenderedReport just produced."""

    def __init__(
        self, services: Services, actor: Actor, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(runner, "report", parent)
        self.setObjectName("reportsWindow")
        self.setModal(False)
        self._services = services
        self._actor = actor
        self.preview: PdfPreviewDialog | None = None
        self.last_output: RenderedReport | None = None

        self._intro = intro = QLabel(self)
        intro.setWordWrap(True)

        self.kind = QComboBox(self)
        self.kind.setObjectName("reportKind")
        for kind in ReportKind:
            self.kind.addItem("", kind.value)
            allowed = role_allows(actor.role, _permission(kind))
            model = self.kind.model()
            if isinstance(model, QStandardItemModel) and not allowed:
                model.item(self.kind.count() - 1).setEnabled(False)
        self.description = QLabel(self)
        self.description.setObjectName("smallPrint")
        self.description.setWordWrap(True)

        self.file_number = QLineEdit(self)
        self.file_number.setObjectName("reportFileNumber")
        self.file_number.setMaxLength(16)

        start, end = this_month(services.clock.today())
        self.start = self._date_edit(start)
        self.end = self._date_edit(end)
        period = QHBoxLayout()
        period.addWidget(self.start)
        self._to_label = to_label = QLabel(self)
        to_label.setBuddy(self.end)
        period.addWidget(to_label)
        period.addWidget(self.end)
        period.addStretch(1)

        self.pdf_button = QRadioButton(self)
        self.csv_button = QRadioButton(self)
        self.pdf_button.setChecked(True)
        self.format_group = QButtonGroup(self)
        self.format_group.addButton(self.pdf_button)
        self.format_group.addButton(self.csv_button)
        formats = QHBoxLayout()
        formats.addWidget(self.pdf_button)
        formats.addWidget(self.csv_button)
        formats.addStretch(1)

        self.language = QComboBox(self)
        self.language.setObjectName("reportLanguage")
        for language in (Language.FR, Language.EN):
            self.language.addItem(language_name(language), language.value)
        self.language.setCurrentIndex(self.language.findData(current_language().value))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._kind_label = QLabel(self)
        self._kind_label.setBuddy(self.kind)
        form.addRow(self._kind_label, self.kind)
        form.addRow("", self.description)
        self.file_number_label = QLabel(self)
        self.file_number_label.setBuddy(self.file_number)
        form.addRow(self.file_number_label, self.file_number)
        self._period_label = QLabel(self)
        self._period_label.setBuddy(self.start)
        form.addRow(self._period_label, period)
        self._format_label = QLabel(self)
        form.addRow(self._format_label, formats)
        self._language_label = QLabel(self)
        self._language_label.setBuddy(self.language)
        form.addRow(self._language_label, self.language)

        self.progress = self.make_progress_bar("", "reportProgress")
        self.state = self.make_outcome_label("formMessage")

        self.buttons = QDialogButtonBox(self)
        self.run_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.run_button.setObjectName("runReport")
        self.run_button.setDefault(True)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.run_button.clicked.connect(self.run)
        self.close_button.clicked.connect(self.reject)
        self.jobs.disable_while_running(
            self.run_button,
            self.kind,
            self.start,
            self.end,
            self.pdf_button,
            self.csv_button,
            self.language,
            self.file_number,
        )
        # Once idle again, the file number is enabled only for the report that needs it.
        self.jobs.running_changed.connect(lambda running: None if running else self._kind_changed())

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.state)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        chain_tab_order(
            self.kind,
            self.file_number,
            self.start,
            self.end,
            self.pdf_button,
            self.csv_button,
            self.language,
            self.run_button,
            self.close_button,
        )

        self.kind.currentIndexChanged.connect(lambda _index: self._kind_changed())
        first_allowed = next(
            (i for i, kind in enumerate(ReportKind) if role_allows(actor.role, _permission(kind))), 0
        )
        self.kind.setCurrentIndex(first_allowed)
        follow_language(self, self.retranslate)
        self.resize(em(self, 54), self.sizeHint().height())
        fit_height(self)
        self.kind.setFocus()

    def retranslate(self) -> None:
        """Every word in the staff language; the choices made and the last result stay."""
        self.setWindowTitle(self.tr("Reports"))
        self._intro.setText(
            self.tr(
                "Choose a report and the days it covers. Each report produced is recorded in the audit "
                "trail (which report, the period and the row count)."
            )
        )
        self.kind.setAccessibleName(self.tr("Report"))
        model = self.kind.model()
        for index, kind in enumerate(ReportKind):
            self.kind.setItemText(index, report_title(kind))
            if isinstance(model, QStandardItemModel) and not role_allows(self._actor.role, _permission(kind)):
                model.item(index).setToolTip(self.tr("Your role does not allow this report."))
        self.file_number.setPlaceholderText(
            self.tr("e.g. {file_number}").format(file_number=format_file_number(123))
        )
        self.file_number.setAccessibleName(self.tr("Client file number"))
        self.start.setAccessibleName(self.tr("From"))
        self.end.setAccessibleName(self.tr("To"))
        self._to_label.setText(self.tr("&to"))
        self.pdf_button.setText(self.tr("P&DF (to read, print or file)"))
        self.pdf_button.setAccessibleName(self.tr("PDF format"))
        self.csv_button.setText(self.tr("&CSV (for a spreadsheet)"))
        self.csv_button.setAccessibleName(self.tr("CSV format"))
        self.language.setAccessibleName(self.tr("Language of the report"))
        self._kind_label.setText(self.tr("&Report"))
        self.file_number_label.setText(self.tr("Client &file number"))
        self._period_label.setText(self.tr("&Period from"))
        self._format_label.setText(self.tr("Format"))
        self._language_label.setText(self.tr("&Language"))
        self.progress.setAccessibleName(self.tr("Report in progress"))
        self.state.setAccessibleName(self.tr("Report status"))
        self.run_button.setText(self.tr("&Produce the report"))
        self.run_button.setAccessibleName(self.tr("Produce the report"))
        self.close_button.setAccessibleName(self.tr("Close the reports window"))
        self._kind_changed()

    def _say(self, message: Callable[[], str], *, announce: bool = False) -> None:
        """Say ``message()`` on the state line, and again in the staff language whenever it changes."""
        self.show_outcome(message, announce=announce)

    def _date_edit(self, day: date) -> DayEdit:
        edit = DayEdit(self)
        edit.setDate(_to_qdate(day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumWidth(em(edit, 9))
        return edit

    # ------------------------------------------------------------ choices

    def chosen_kind(self) -> ReportKind:
        return ReportKind(self.kind.currentData())

    def chosen_format(self) -> ReportFormat:
        return ReportFormat.CSV if self.csv_button.isChecked() else ReportFormat.PDF

    def set_choice(
        self,
        kind: ReportKind,
        fmt: ReportFormat = ReportFormat.PDF,
        start: date | None = None,
        end: date | None = None,
        file_number: str = "",
    ) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind.value))
        (self.csv_button if fmt == ReportFormat.CSV else self.pdf_button).setChecked(True)
        if start is not None:
            self.start.setDate(_to_qdate(start))
        if end is not None:
            self.end.setDate(_to_qdate(end))
        self.file_number.setText(file_number)

    def _kind_changed(self) -> None:
        kind = self.chosen_kind()
        self.description.setText(report_description(kind))
        needs_file = kind == ReportKind.ACCESS_LOG
        self.file_number.setEnabled(needs_file)
        self.file_number_label.setEnabled(needs_file)
        self.file_number.setToolTip("" if needs_file else self.tr("Only for the access log."))

    # ------------------------------------------------------------ producing

    def run(self) -> None:
        if self.is_running:
            return
        kind, fmt = self.chosen_kind(), self.chosen_format()
        start, end = _from_qdate(self.start.date()), _from_qdate(self.end.date())
        if kind == ReportKind.ACCESS_LOG and not self.file_number.text().strip():
            self._say(lambda: self.tr("Type the client's file number for the access log."))
            self.file_number.setFocus()
            return
        file_number = self.file_number.text().strip()
        language = Language(self.language.currentData())
        services, actor = self._services, self._actor
        self.run_job(
            lambda: services.reports.render(
                actor, kind, start, end, fmt, language, client_file_number=file_number
            ),
            self._produced,
            busy_message=self.tr("Producing the report…"),
            running_text=lambda: self.tr("Producing “{report}”…").format(report=report_title(kind)),
        )

    def _produced(self, output: RenderedReport) -> None:
        self.last_output = output
        self._say(
            lambda: self.tr("“{report}” produced: {rows}.").format(
                report=report_title(output.kind), rows=self.tr("%n row(s)", "", output.row_count)
            )
        )
        self.produced.emit(output)
        if output.fmt == ReportFormat.PDF:
            self._show_preview(output)
        else:
            self._save_csv(output)

    def _show_preview(self, output: RenderedReport) -> None:
        if self.preview is not None:
            self.preview.close()

        def title() -> str:
            return self.tr("{report} — {start} to {end}").format(
                report=report_title(output.kind), start=output.start.isoformat(), end=output.end.isoformat()
            )

        preview = PdfPreviewDialog(
            self._runner, output.data, title=title, file_name=report_file_name(output), parent=self
        )
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.status_message.connect(self.status_message)
        preview.destroyed.connect(lambda _obj=None: self._preview_gone(preview))
        self.preview = preview
        preview.show()
        preview.raise_()
        preview.activateWindow()

    def _preview_gone(self, preview: PdfPreviewDialog) -> None:
        if self.preview is preview:
            self.preview = None

    def _save_csv(self, output: RenderedReport) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the report"), report_file_name(output), self.tr("CSV files (*.csv)")
        )
        if not chosen:
            self._say(lambda: self.tr("The report was produced but not saved."))
            return
        target = Path(chosen)
        if not target.suffix:
            target = target.with_suffix(".csv")
        data = output.data

        def work() -> str:
            write_owner_only(target, data)
            return str(target)

        self.jobs.start(
            work,
            on_success=self._saved,
            on_failure=lambda error: self._say(error_words(error)),
            busy_message=self.tr("Saving the report…"),
            job=_SAVE_JOB,
            makes_busy=False,
            supersede=True,
        )

    def _saved(self, path: str) -> None:
        self._say(lambda: self.tr("Report saved to {path}.").format(path=path), announce=True)
