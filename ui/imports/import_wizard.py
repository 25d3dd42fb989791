"""The client-list import wizard: choose the file, match its columns, preview, check every row, decide
the possible duplicates, then create the files in one final step.

Every service call runs on the task runner (the one job life cycle of :mod:`ui.kit.job_dialog`). Rows are
checked and set aside by the service outside the client files; the client files are created only by
the final step, so Cancel, or closing the wizard before that step, leaves nothing imported. A failure
is said on the outcome line in the staff language; what was chosen stays.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.import_messages import FIELD_LABELS
from desktop.domain.import_records import ImportResult, ImportRow, StagedImport
from desktop.domain.records import Actor
from desktop.services import Services
from ui.imports.file_page import FilePage
from ui.imports.lookups import load_duplicates
from ui.imports.mapping_page import MappingPage
from ui.imports.preview_page import PreviewPage
from ui.imports.reading import FileReading, analyse, read_again
from ui.imports.results_page import DuplicateRow, ResultsPage
from ui.imports.staging_page import ProgressRelay, StagingPage
from ui.kit.forms import em
from ui.kit.i18n import current_language
from ui.kit.job_dialog import MAIN_JOB, JobDialog
from ui.kit.retranslate import follow_language
from ui.kit.worker import TaskRunner

__all__ = ["ImportWizard"]

PAGE_FILE, PAGE_MAPPING, PAGE_PREVIEW, PAGE_STAGING, PAGE_RESULTS = range(5)
PREVIEW_ROWS = 20


class ImportWizard(JobDialog):
    committed = Signal(object)
    """The ImportResult of the final step."""

    def __init__(
        self, services: Services, actor: Actor, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(runner, "client-import", parent)
        self.setObjectName("importWizard")
        self.setModal(False)
        self._services = services
        self._actor = actor
        self.staged: StagedImport | None = None
        # Shadows QDialog.result() on purpose, as the export dialog does: the finished import.
        self.result: ImportResult | None = None  # type: ignore[assignment]
        self._relay: ProgressRelay | None = None
        self._closing = False

        self.step = QLabel(self)
        self.step.setObjectName("importStep")
        self.step.setStyleSheet("font-weight: bold;")
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.staging_page = StagingPage(self)
        self.results_page = ResultsPage(self)
        self.pages = QStackedWidget(self)
        for page in (
            self.file_page,
            self.mapping_page,
            self.preview_page,
            self.staging_page,
            self.results_page,
        ):
            self.pages.addWidget(page)
        self.progress = self.make_progress_bar(lambda: self.tr("Working on the import"))
        self.outcome = self.make_outcome_label("importOutcome", lambda: self.tr("Import messages"))
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # Back before Next whatever the platform's button order; the error report apart on the left.
        self.report_button = QPushButton(self)
        self.report_button.setObjectName("importErrorReport")
        self.back_button = QPushButton(self)
        self.back_button.setObjectName("importBack")
        self.next_button = QPushButton(self)
        self.next_button.setObjectName("importNext")
        self.next_button.setDefault(True)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("importClose")
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.report_button)
        self.buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.close_button):
            self.buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.step)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.outcome)
        layout.addLayout(self.buttons)

        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.close_button.clicked.connect(self.reject)
        self.report_button.clicked.connect(self.save_error_report)
        self.file_page.path_chosen.connect(self.analyse_file)
        self.file_page.options_changed.connect(self.read_with_options)
        self.file_page.path.textEdited.connect(lambda _text: self._forget_file())
        self.staging_page.cancel_requested.connect(self.cancel_staging)
        self.results_page.decisions_changed.connect(self._update_buttons)
        self.jobs.disable_while_running(self.pages)
        self.jobs.running_changed.connect(lambda _running: self._update_buttons())

        follow_language(self, self.retranslate)
        self.resize(em(self, 84), em(self, 46))
        self._show_page(PAGE_FILE)
        self.file_page.path.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import a client list"))
        self.report_button.setText(self.tr("Save the &error report…"))
        self.back_button.setText(self.tr("< &Back"))
        self.close_button.setText(self.tr("Close") if self.result is not None else self.tr("Cancel"))
        self._describe_step()
        self._update_buttons()

    # ------------------------------------------------------------ navigation

    def current_page(self) -> int:
        return self.pages.currentIndex()

    def _show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        self._describe_step()
        self._update_buttons()

    def _describe_step(self) -> None:
        titles = (
            self.tr("Choose the file"),
            self.tr("Match the columns"),
            self.tr("Preview"),
            self.tr("Check every row"),
            self.tr("Decide and import") if self.result is None else self.tr("Import done"),
        )
        page = self.current_page()
        self.step.setText(
            self.tr("Step {number} of {count}: {title}").format(
                number=page + 1, count=len(titles), title=titles[page]
            )
        )

    def _update_buttons(self) -> None:
        page, running = self.current_page(), self.jobs.is_running
        staging = self.jobs.is_job_running("stage")
        self.back_button.setVisible(page in (PAGE_MAPPING, PAGE_PREVIEW))
        self.back_button.setEnabled(not running)
        self.next_button.setVisible(page != PAGE_STAGING and self.result is None)
        self.next_button.setEnabled(not running and not staging)
        texts = {
            PAGE_FILE: self.tr("&Next >"),
            PAGE_MAPPING: self.tr("&Preview >"),
            PAGE_PREVIEW: self.tr("&Check every row >"),
            PAGE_RESULTS: self.tr("&Import %n client(s)", "", self.results_page.to_create()),
        }
        self.next_button.setText(texts.get(page, ""))
        self.report_button.setVisible(self.staged is not None and self.staged.errors > 0)
        self.report_button.setEnabled(not running)
        self.close_button.setVisible(not staging)

    def go_back(self) -> None:
        if self.current_page() in (PAGE_MAPPING, PAGE_PREVIEW) and not self.is_running:
            self.show_outcome("")
            self._show_page(self.current_page() - 1)

    def go_next(self) -> None:
        if self.is_running:
            return
        page = self.current_page()
        if page == PAGE_FILE:
            self.analyse_file(then_next=True)
        elif page == PAGE_MAPPING:
            self.show_preview()
        elif page == PAGE_PREVIEW:
            self.stage()
        elif page == PAGE_RESULTS and self.result is None:
            self.commit()

    # ------------------------------------------------------------ step 1: the file

    def _forget_file(self) -> None:
        if self.file_page.reading is not None:
            self.file_page.show_reading(None)

    def analyse_file(self, then_next: bool = False) -> None:
        reading = self.file_page.reading
        path = self.file_page.chosen_path()
        if path is None:
            self.show_outcome(lambda: self.tr("Choose the file to import."))
            self.file_page.path.setFocus()
            return
        if reading is not None and reading.path == path:
            if then_next:
                self.show_outcome("")
                self._show_page(PAGE_MAPPING)
            return
        if not path.is_file():
            self.show_outcome(lambda: self.tr("There is no file at {path}.").format(path=str(path)))
            self.file_page.path.setFocus()
            return
        services, actor = self._services, self._actor
        self.jobs.start(
            lambda: analyse(services, actor, path),
            on_success=self._analysed,
            on_failure=self._reading_failed,
            busy_message=self.tr("Reading the client list…"),
            job="read",
            supersede=True,
        )
        self.show_outcome(lambda: self.tr("Reading the file…"))

    def read_with_options(self) -> None:
        reading = self.file_page.reading
        if reading is None:
            return
        options = self.file_page.options()
        self.jobs.start(
            lambda: read_again(reading, options),
            on_success=self._analysed,
            on_failure=self._reading_failed,
            busy_message=self.tr("Reading the client list…"),
            job="read",
            supersede=True,
        )

    def _analysed(self, reading: FileReading) -> None:
        """The file read: the page shows how, so the manager checks it before Next leads on."""
        self.file_page.show_reading(reading)
        self.mapping_page.show_columns(reading)
        self.show_outcome(lambda: self.tr("Check how the file is read, then continue with Next."))

    def _reading_failed(self, error: BaseException) -> None:
        self.show_failure(error)
        self.file_page.path.setFocus()

    # ------------------------------------------------------------ step 2 and 3: mapping, preview

    def show_preview(self) -> None:
        reading = self.file_page.reading
        if reading is None:
            self._show_page(PAGE_FILE)
            return
        missing = self.mapping_page.missing()
        if missing:
            names = lambda: ", ".join(FIELD_LABELS[f].get(current_language()) for f in missing)  # noqa: E731
            self.show_outcome(lambda: self.tr("Choose the column for: {fields}.").format(fields=names()))
            self.mapping_page.focus_field(missing[0])
            return
        services, actor = self._services, self._actor
        path, options, mapping = reading.path, self.file_page.options(), self.mapping_page.mapping()
        self.run_job(
            lambda: services.client_import.preview(actor, path, options, mapping, rows=PREVIEW_ROWS),
            lambda rows: self._previewed(rows, reading.row_count),
            busy_message=self.tr("Reading the first rows…"),
            running_text=lambda: self.tr("Reading the first rows…"),
            job="preview",
        )

    def _previewed(self, rows: list[ImportRow], total: int) -> None:
        self.preview_page.show_rows(rows, self.mapping_page.mapping(), total)
        self.show_outcome("")
        self._show_page(PAGE_PREVIEW)

    # ------------------------------------------------------------ step 4: every row checked

    def stage(self) -> None:
        reading = self.file_page.reading
        if reading is None:
            return
        services, actor = self._services, self._actor
        path, options, mapping = reading.path, self.file_page.options(), self.mapping_page.mapping()
        relay = self._relay = ProgressRelay(self)
        relay.progressed.connect(self.staging_page.show_progress, Qt.ConnectionType.QueuedConnection)

        def work() -> tuple[StagedImport, list[DuplicateRow]]:
            staged = services.client_import.stage(
                actor, path, options, mapping, progress=relay.report, cancelled=relay.stop_wanted
            )
            if staged.cancelled:
                return staged, []
            return staged, load_duplicates(services, actor, staged.import_id)

        self.staging_page.start(reading.row_count)
        self.show_outcome("")
        self._show_page(PAGE_STAGING)
        self.jobs.start(
            work,
            on_success=self._staged,
            on_failure=self._staging_failed,
            busy_message=self.tr("Checking every row…"),
            job="stage",
            makes_busy=False,
            holds_close=True,
        )
        self._update_buttons()

    def _forget_relay(self) -> None:
        if self._relay is not None:
            self._relay.deleteLater()
            self._relay = None

    def cancel_staging(self) -> None:
        if self._relay is not None:
            self._relay.stop()

    def close_refused(self) -> None:
        """Closing while rows are being checked: the check stops, then the wizard closes."""
        self._closing = True
        self.staging_page.cancel_button.click()

    def _staged(self, found: tuple[StagedImport, list[DuplicateRow]]) -> None:
        staged, duplicates = found
        self._forget_relay()
        if staged.cancelled:
            self.show_outcome(lambda: self.tr("Import cancelled: nothing was imported."), announce=True)
            self._show_page(PAGE_PREVIEW)
            if self._closing:
                self.reject()
            return
        self.staged = staged
        self.results_page.show_staged(staged, duplicates)
        self._show_page(PAGE_RESULTS)
        if self._closing:
            self.reject()

    def _staging_failed(self, error: BaseException) -> None:
        self._forget_relay()
        self.show_failure(error)
        self._show_page(PAGE_PREVIEW)
        if self._closing:
            self.reject()

    # ------------------------------------------------------------ step 5: decisions and the final step

    def commit(self) -> None:
        staged = self.staged
        if staged is None:
            return
        services, actor = self._services, self._actor
        decisions = self.results_page.decisions()
        consent = self.results_page.consent_confirmed()

        def work() -> ImportResult:
            for row_number, same_person in decisions.items():
                services.client_import.decide(actor, staged.import_id, row_number, same_person)
            return services.client_import.commit(actor, staged.import_id, consent_is_clinic_evidence=consent)

        self.jobs.start(
            work,
            on_success=self._committed,
            on_failure=self.show_failure,
            busy_message=self.tr("Creating the client files…"),
            holds_close=True,
            keep_on_close=True,
        )
        self.show_outcome(lambda: self.tr("Creating the client files…"))

    def _committed(self, result: ImportResult) -> None:
        self.result = result
        self.results_page.show_result(result)
        self.retranslate()
        self.show_outcome(
            lambda: self.tr("%n client file(s) created from {file}.", "", result.created).format(
                file=self.staged.file_name if self.staged else ""
            ),
            announce=True,
        )
        self.jobs.runner.changes.publish(DataChange.of(ChangeSubject.CLIENT, ChangeSubject.CONSENT), self)
        self.committed.emit(result)

    def save_error_report(self) -> None:
        staged = self.staged
        if staged is None or self.is_running:
            return
        suggested = str(
            Path(self.file_page.path.text()).with_name(Path(staged.file_name).stem + "_errors.csv")
        )
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the error report"), suggested, self.tr("CSV files (*.csv)")
        )
        if not chosen:
            return
        target = Path(chosen)
        if not target.parent.is_dir():
            self.show_outcome(
                lambda: self.tr("The folder {folder} does not exist.").format(folder=str(target.parent))
            )
            return
        services, actor = self._services, self._actor
        self.run_job(
            lambda: services.client_import.write_error_report(actor, staged.import_id, target),
            lambda count: self.show_outcome(
                lambda: self.tr("%n row(s) in error written to {path}.", "", count).format(path=str(target)),
                announce=True,
            ),
            busy_message=self.tr("Writing the error report…"),
            job="report",
        )

    # ------------------------------------------------------------ closing

    def done(self, result: int) -> None:
        """Rows set aside but not imported are removed: closing before the final step imports nothing."""
        if self._relay is not None:
            self._relay.stop()
        staged = self.staged
        if staged is not None and self.result is None and not self.jobs.is_job_running(MAIN_JOB):
            services, actor = self._services, self._actor
            self.jobs.start(
                lambda: services.client_import.cancel(actor, staged.import_id),
                on_success=lambda _none: None,
                on_failure=lambda _error: None,
                busy_message=self.tr("Cancelling the import…"),
                job="abandon",
                makes_busy=False,
                keep_on_close=True,
            )
            self.staged = None
        super().done(result)
