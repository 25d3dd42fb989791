"""The retention review, for the privacy officer: the files past the clinic's retention rule, the legal
holds standing and the anonymisations recorded.

A file past the rule is anonymised from here once its file number is typed (nothing brings the identity
back), or kept out of the review by a legal hold placed with its reason. Everything is read and saved
through the task runner; each save publishes one change (RETENTION, and CLIENT for an anonymised file).
The window reloads when anything the review derives from changes anywhere in this program.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.records import Actor, ClientSummary
from desktop.domain.retention import (
    AnonymisationRecord,
    LegalHoldRecord,
    RetentionCandidate,
    RetentionReview,
)
from desktop.services import Services
from ui.kit.client_search import ClientPickerDialog, client_line
from ui.kit.errors import error_words
from ui.kit.forms import em
from ui.kit.i18n import format_datetime
from ui.kit.models import RecordTableModel
from ui.kit.retranslate import follow_language
from ui.kit.tables import record_table
from ui.kit.worker import TaskHandle, TaskRunner
from ui.registers.anonymisations_tab import AnonymisationsTab
from ui.registers.retention_dialogs import AnonymiseDialog, HoldDialog
from ui.registers.retention_tables import candidate_columns, hold_columns, rule_text

__all__ = ["REVIEW_SUBJECTS", "RetentionReviewWindow"]

T = TypeVar("T")
#: What the review derives from: the rule (the clinic's), the holds and anonymisations, and each file's
#: last contact and what keeps it out (appointments, consent, opt-outs, access requests).
REVIEW_SUBJECTS = (
    ChangeSubject.RETENTION,
    ChangeSubject.CLINIC,
    ChangeSubject.APPOINTMENTS,
    ChangeSubject.CONSENT,
    ChangeSubject.OPT_OUTS,
    ChangeSubject.ACCESS_REQUESTS,
)
_STATUS_OK = "color: #1b5e20; font-weight: bold;"
_STATUS_ERROR = "color: #8a1c1c; font-weight: bold;"


class RetentionReviewWindow(QWidget):
    """The files past the retention rule, the legal holds and the anonymisations."""

    def __init__(
        self, services: Services, actor: Actor, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._services = services
        self._actor = actor
        self._runner = runner
        self._key = ("retention-review", id(self))
        self.review: RetentionReview | None = None
        self.dialog: QDialog | None = None
        self._status: tuple[Callable[[], str], bool] | None = None
        self._stale = False
        self._reading: TaskHandle | None = None
        self.setObjectName("retentionReview")

        self.headline = QLabel(self)
        self.headline.setObjectName("retentionHeadline")
        self.headline.setStyleSheet("font-size: 130%; font-weight: bold;")
        self.rule_line = QLabel(self)
        self.rule_line.setObjectName("retentionRule")
        self.rule_line.setWordWrap(True)
        self.rule_line.setTextFormat(Qt.TextFormat.PlainText)
        self.refresh_button = QPushButton(self)
        self.refresh_button.setAutoDefault(False)

        # Files past the rule.
        self.candidates: RecordTableModel[RetentionCandidate] = RecordTableModel(candidate_columns(), self)
        self.candidate_table = self._table(self.candidates, "retentionCandidates", stretch=1)
        self.shown_note = QLabel(self)
        self.shown_note.setObjectName("smallPrint")
        self.anonymise_button = QPushButton(self)
        self.anonymise_button.setObjectName("anonymiseButton")
        self.hold_button = QPushButton(self)
        self.hold_button.setObjectName("placeHoldButton")
        review_page = self._page(
            self.candidate_table, self.shown_note, self.anonymise_button, self.hold_button
        )

        # Legal holds standing.
        self.holds: RecordTableModel[LegalHoldRecord] = RecordTableModel(hold_columns(), self)
        self.hold_table = self._table(self.holds, "legalHolds", stretch=3)
        self.holds_note = QLabel(self)
        self.holds_note.setObjectName("smallPrint")
        self.holds_note.setWordWrap(True)
        self.lift_button = QPushButton(self)
        self.lift_button.setObjectName("liftHoldButton")
        self.hold_other_button = QPushButton(self)
        self.hold_other_button.setObjectName("holdOtherButton")
        holds_page = self._page(self.hold_table, self.holds_note, self.lift_button, self.hold_other_button)

        # Anonymisations recorded in a period.
        self.anonymised_tab = AnonymisationsTab(services, actor, runner, self)
        self.anonymisations = self.anonymised_tab.model
        self._anonymisations_read = False
        self.anonymised_tab.loaded.connect(self._anonymisations_loaded)
        self.anonymised_tab.failed.connect(self._failed)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("retentionTabs")
        self.tabs.setDocumentMode(True)
        for page in (review_page, holds_page, self.anonymised_tab):
            self.tabs.addTab(page, "")
        # A list laid out while hidden measured no rows: fitted again once shown.
        self.tabs.currentChanged.connect(lambda _index: self._fit_columns())

        self.status = QLabel(self)
        self.status.setObjectName("retentionStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        top = QHBoxLayout()
        top.addWidget(self.headline, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.rule_line)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)

        QShortcut(QKeySequence("F5"), self, self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self.anonymise_button.clicked.connect(self.anonymise_selected)
        self.hold_button.clicked.connect(self.hold_selected)
        self.lift_button.clicked.connect(self.lift_selected)
        self.hold_other_button.clicked.connect(self.hold_another_file)
        for table in (self.candidate_table, self.hold_table):
            table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        runner.changes.changed.connect(self._data_changed)
        follow_language(self, self.retranslate)
        self.resize(em(self, 92), em(self, 50))
        self.refresh()

    # ------------------------------------------------------------------ building

    def _table(self, model: RecordTableModel[T], name: str, *, stretch: int) -> QTableView:
        table = record_table(model, self, name)
        table.horizontalHeader().setStretchLastSection(False)
        table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        return table

    def _page(self, table: QTableView, note: QLabel, *buttons: QPushButton) -> QWidget:
        page = QWidget(self)
        row = QHBoxLayout()
        row.addWidget(note, 1)
        for button in buttons:
            button.setAutoDefault(False)
            row.addWidget(button)
        layout = QVBoxLayout(page)
        layout.addWidget(table, 1)
        layout.addLayout(row)
        return page

    def retranslate(self) -> None:
        """Every word in the staff language; the lists, the selection and the last message stay."""
        self.setWindowTitle(self.tr("Retention review"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.refresh_button.setToolTip(self.tr("F5"))
        self.refresh_button.setAccessibleName(self.tr("Refresh the lists"))
        self.candidate_table.setAccessibleName(self.tr("Files past the retention rule"))
        self.hold_table.setAccessibleName(self.tr("Legal holds standing"))
        self.anonymise_button.setText(self.tr("&Anonymise…"))
        self.anonymise_button.setAccessibleName(self.tr("Anonymise the selected file"))
        self.hold_button.setText(self.tr("Place a legal &hold…"))
        self.hold_button.setAccessibleName(self.tr("Place a legal hold on the selected file"))
        self.lift_button.setText(self.tr("&Lift the hold…"))
        self.lift_button.setAccessibleName(self.tr("Lift the selected legal hold"))
        self.hold_other_button.setText(self.tr("Place a hold on &another file…"))
        self.hold_other_button.setAccessibleName(self.tr("Place a legal hold on a file chosen by search"))
        self.holds_note.setText(
            self.tr("A file under a legal hold stays out of the review until the hold is lifted.")
        )
        self.status.setAccessibleName(self.tr("Result of the last action"))
        self.candidates.retranslate(candidate_columns())
        self.holds.retranslate(hold_columns())
        self._show_review()
        self._show_tab_titles()
        self._fit_columns()
        self._update_buttons()
        self._show_status()

    def _show_tab_titles(self) -> None:
        counts = (
            self.review.total if self.review is not None else -1,
            self.holds.rowCount() if self.review is not None else -1,
            self.anonymisations.rowCount() if self._anonymisations_read else -1,
        )
        titles = (self.tr("Past the rule"), self.tr("Legal holds"), self.tr("Anonymised files"))
        for index, (title, count) in enumerate(zip(titles, counts, strict=True)):
            self.tabs.setTabText(index, f"{title} ({count})" if count >= 0 else title)

    def _show_review(self) -> None:
        review = self.review
        if review is None:
            self.headline.setText(self.tr("Loading…"))
            self.rule_line.setText("")
            self.shown_note.setText("")
            return
        self.headline.setText(
            self.tr("No file is past the retention rule")
            if review.total == 0
            else self.tr("1 file past the retention rule")
            if review.total == 1
            else self.tr("{count} files past the retention rule").format(count=review.total)
        )
        rule = self.tr("Rule: a file is reviewed {rule} (set in the clinic settings).").format(
            rule=rule_text(review.retention_years)
        )
        left_out = self.tr(
            "Left out of the review: {held} under a legal hold, {opt_out} with an opt-out request not yet "
            "processed, {access} with an access request not yet answered."
        ).format(held=review.held, opt_out=review.pending_opt_out, access=review.open_access_request)
        self.rule_line.setText(f"{rule}\n{left_out}")
        shown = len(review.candidates)
        self.shown_note.setText(
            self.tr("The oldest {shown} of {total} are listed; anonymise them to see the next.").format(
                shown=shown, total=review.total
            )
            if shown < review.total
            else self.tr("Oldest last contact first.")
        )

    def _fit_columns(self) -> None:
        # Dates and file numbers are never cut; the name and the reason take what is left.
        for table, stretch in ((self.candidate_table, 1), (self.hold_table, 3)):
            for column in range(table.model().columnCount()):
                if column != stretch:
                    table.resizeColumnToContents(column)
        self.anonymised_tab.fit_columns()

    # ------------------------------------------------------------------ loading

    def refresh(self) -> None:
        self._stale = False
        services, actor = self._services, self._actor

        def work() -> tuple[RetentionReview, list[LegalHoldRecord]]:
            return services.retention.review(actor), services.retention.holds(actor)

        self._reading = self._runner.submit(
            work,
            on_success=lambda loaded: self._loaded(*loaded),
            on_failure=self._failed,
            key=(*self._key, "review"),
            busy_message=self.tr("Reading the files past the retention rule…"),
        )
        self.anonymised_tab.load()

    def _loaded(self, review: RetentionReview, holds: list[LegalHoldRecord]) -> None:
        kept = self.selected_candidate()
        self.review = review
        self.candidates.set_records(review.candidates)
        self.holds.set_records(holds)
        self._reselect(self.candidate_table, self.candidates.records(), kept)
        self._show_review()
        self._show_tab_titles()
        self._fit_columns()
        self._update_buttons()

    def _reselect(
        self, table: QTableView, records: list[RetentionCandidate], kept: RetentionCandidate | None
    ) -> None:
        ids = [record.client_id for record in records]
        if kept is not None and kept.client_id in ids:
            table.selectRow(ids.index(kept.client_id))
        elif records:
            table.selectRow(0)

    def _anonymisations_loaded(self, _count: int) -> None:
        self._anonymisations_read = True
        self._show_tab_titles()

    def _data_changed(self, change: DataChange, source: QObject | None) -> None:
        # What this window saved it has already reloaded.
        if source is not self and change.touches(*REVIEW_SUBJECTS):
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Only reading is dropped (the window may be deleted once closed); a save already sent completes.
        if self._reading is not None:
            self._reading.cancel()
        self.anonymised_tab.cancel_loading()
        super().closeEvent(event)

    # ---------------------------------------------------------------- selection

    def selected_candidate(self) -> RetentionCandidate | None:
        return self._selected(self.candidate_table, self.candidates)

    def selected_hold(self) -> LegalHoldRecord | None:
        return self._selected(self.hold_table, self.holds)

    @staticmethod
    def _selected(table: QTableView, model: RecordTableModel[T]) -> T | None:
        rows = table.selectionModel().selectedRows()
        return model.record(rows[0].row()) if rows else None

    def select_file(self, file_number: str) -> bool:
        """Select the file past the rule with ``file_number`` (False when it is not listed)."""
        for row, record in enumerate(self.candidates.records()):
            if record.file_number == file_number:
                self.tabs.setCurrentIndex(0)
                self.candidate_table.selectRow(row)
                return True
        return False

    def _update_buttons(self) -> None:
        candidate = self.selected_candidate() is not None
        self.anonymise_button.setEnabled(candidate)
        self.hold_button.setEnabled(candidate)
        self.lift_button.setEnabled(self.selected_hold() is not None)

    # ------------------------------------------------------------------ actions

    def anonymise_selected(self) -> AnonymiseDialog | None:
        candidate, review = self.selected_candidate(), self.review
        if candidate is None or review is None:
            return None
        dialog = AnonymiseDialog(
            self._services, self._actor, self._runner, candidate, review.retention_years, self
        )
        dialog.anonymised.connect(lambda record: self._anonymised(record, candidate))
        self._open(dialog)
        return dialog

    def _anonymised(self, record: AnonymisationRecord, candidate: RetentionCandidate) -> None:
        self._say(
            lambda: self.tr(
                "File {file} anonymised: {rows} rows erased, {documents} documents removed."
            ).format(file=record.file_number, rows=record.erased_rows, documents=record.documents_removed)
        )
        change = DataChange.of(ChangeSubject.RETENTION, ChangeSubject.CLIENT, client_id=candidate.client_id)
        self._runner.changes.publish(change, self)
        self.refresh()

    def hold_selected(self) -> HoldDialog | None:
        candidate = self.selected_candidate()
        if candidate is None:
            return None
        who = self.tr("{name} — file {file}").format(name=candidate.name, file=candidate.file_number)
        return self._hold(candidate.client_id, who, placing=True)

    def lift_selected(self) -> HoldDialog | None:
        hold = self.selected_hold()
        if hold is None:
            return None
        who = self.tr("File {file} — held since {when} by {who}: {reason}").format(
            file=hold.file_number, when=format_datetime(hold.at), who=hold.by_name, reason=hold.reason
        )
        return self._hold(hold.client_id, who, placing=False)

    def hold_another_file(self) -> ClientPickerDialog:
        """Choose any file by search, then place a hold on it (a file need not be past the rule)."""
        dialog = ClientPickerDialog(
            self._services,
            self._actor,
            self._runner,
            lambda: self.tr("Choose the file to place under a legal hold."),
            self,
        )
        dialog.setObjectName("holdClientPicker")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._hold_chosen(dialog.chosen()))
        dialog.open()
        return dialog

    def _hold_chosen(self, client: ClientSummary | None) -> None:
        if client is not None:
            self._hold(client.id, client_line(client), placing=True)

    def _hold(self, client_id: int, who: str, *, placing: bool) -> HoldDialog:
        dialog = HoldDialog(
            self._services, self._actor, self._runner, client_id, who, placing=placing, parent=self
        )
        dialog.saved.connect(self._hold_saved)
        self._open(dialog)
        return dialog

    def _hold_saved(self, record: LegalHoldRecord) -> None:
        self._say(
            (lambda: self.tr("Legal hold placed on file {file}.").format(file=record.file_number))
            if record.placed
            else (lambda: self.tr("Legal hold lifted from file {file}.").format(file=record.file_number))
        )
        change = DataChange.of(ChangeSubject.RETENTION, client_id=record.client_id)
        self._runner.changes.publish(change, self)
        self.refresh()

    def _open(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _obj=None: self._dialog_gone(dialog))
        self.dialog = dialog
        dialog.open()

    def _dialog_gone(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _failed(self, error: BaseException) -> None:
        self._say(error_words(error), error=True)

    def _say(self, text: Callable[[], str], *, error: bool = False) -> None:
        """Say ``text()`` on the status line, and again in the staff language whenever it changes."""
        self._status = (text, error)
        self._show_status()

    def _show_status(self) -> None:
        if self._status is None:
            return
        text, error = self._status
        self.status.setText(text())
        self.status.setStyleSheet(_STATUS_ERROR if error else _STATUS_OK)
