"""The queue of opt-out requests still to process (email and post), the most urgent first.

From here a request is matched to a client file and processed, which withdraws the consent it covers;
each saved action publishes one change for that client. The queue reloads itself when opt-out
requests change anywhere in this program, and every minute while shown for those logged on other
workstations.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.records import Actor, ClientSummary, OptOutRecord
from desktop.domain.wording import via_label
from desktop.services import Services
from ui.kit.client_search import ClientPickerDialog, client_line
from ui.kit.clinic_context import ClinicFacts, clinic_context
from ui.kit.errors import error_text
from ui.kit.i18n import current_language, format_datetime, format_phone
from ui.kit.retranslate import follow_language
from ui.kit.tables import record_table
from ui.kit.worker import TaskHandle, TaskRunner
from ui.optouts.queue_model import PendingOptOutModel, QueueRow
from ui.optouts.scope import channel_names, purpose_names, scope_summary

__all__ = ["REFRESH_MS", "OptOutQueueWindow"]

# How often a shown queue reloads, for requests logged or processed on other workstations.
REFRESH_MS = 60_000
_STATUS_OK = "color: #1b5e20; font-weight: bold;"
_STATUS_ERROR = "color: #8a1c1c; font-weight: bold;"


class OptOutQueueWindow(QWidget):
    """The pending opt-out requests; ``processed`` carries each request processed from here."""

    processed = Signal(object)

    def __init__(
        self, services: Services, actor: Actor, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._services = services
        self._actor = actor
        self._runner = runner
        self._key = ("opt-out-queue", id(self))
        self._tasks: dict[str, TaskHandle] = {}
        self._counts: tuple[int, int] | None = None
        self._keep_selected: int | None = None
        # The last thing said on the status line, made again in the staff language when it changes.
        self._status: tuple[Callable[[], str], bool] | None = None
        # A change or a periodic reload that arrives while the window is hidden waits for it to show.
        self._stale = False
        self.setObjectName("optOutQueue")
        self.resize(1100, 640)

        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("queueCounts")
        self.counts_label.setStyleSheet("font-size: 115%; font-weight: bold;")
        explanation = self._explanation = QLabel(self)
        explanation.setWordWrap(True)

        self.model = PendingOptOutModel(services, actor, runner, self)
        self.table = record_table(self.model, self, "queueTable")
        self.table.setAlternatingRowColors(False)  # overdue rows are coloured
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(60)
        header.setSectionResizeMode(PendingOptOutModel.REQUESTER, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PendingOptOutModel.SCOPE, QHeaderView.ResizeMode.Stretch)

        self.details = QLabel(self)
        self.details.setObjectName("queueDetails")
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.match_button = QPushButton(self)
        self.confirmation_sent = QCheckBox(self)
        self.process_button = QPushButton(self)
        self.refresh_button = QPushButton(self)
        for button in (self.match_button, self.process_button, self.refresh_button):
            button.setAutoDefault(False)

        self.status = QLabel(self)
        self.status.setObjectName("queueStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        # The list takes the whole width (requesters and scopes need it); the selected request's
        # details and the actions sit underneath.
        buttons = QVBoxLayout()
        buttons.addWidget(self.match_button)
        buttons.addWidget(self.confirmation_sent)
        buttons.addWidget(self.process_button)
        buttons.addStretch(1)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        # In French the details take more lines than the pane's share: they scroll, never cut.
        self.details_area = QScrollArea(self)
        self.details_area.setObjectName("queueDetailsArea")
        self.details_area.setWidget(self.details)
        self.details_area.setWidgetResizable(True)
        self.details_area.setFrameShape(QFrame.Shape.NoFrame)
        bottom.addWidget(self.details_area, 1)
        bottom.addLayout(buttons)
        side = QWidget(self)
        side.setLayout(bottom)
        # Room for the longest details (a matched request, in French: twelve lines) without scrolling.
        side.setMinimumHeight(self.fontMetrics().lineSpacing() * 12 + 8)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        top = QHBoxLayout()
        top.addWidget(self.counts_label, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(explanation)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

        QShortcut(QKeySequence("F5"), self, self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self.match_button.clicked.connect(self.match_selected)
        self.process_button.clicked.connect(self.process_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.model.page_loaded.connect(self._page_loaded)
        self.model.load_failed.connect(self._load_failed)
        runner.changes.changed.connect(self._data_changed)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self._refresh_if_shown)
        self._refresh_timer.start()
        self._clinic: ClinicFacts | None = None
        follow_language(self, self.retranslate)
        clinic_context(services, actor, runner).follow(self._clinic_loaded)
        self.refresh()

    def _clinic_loaded(self, facts: ClinicFacts) -> None:
        self._clinic = facts
        self._explain()
        self._selection_changed()

    def _explain(self) -> None:
        """The clinic's rule (its delay, the Easter holiday it observes), then how overdue rows look."""
        rule = self._clinic.calendar.deadline_sentence(current_language()) if self._clinic else ""
        overdue = self.tr("Overdue requests are marked OVERDUE in red.")
        self._explanation.setText(f"{rule} {overdue}" if rule else overdue)

    def retranslate(self) -> None:
        """Every word in the staff language, made again from the rows, counts and status it keeps."""
        self._explain()
        self.table.setAccessibleName(self.tr("Pending opt-out requests"))
        self.details.setAccessibleName(self.tr("Details of the selected request"))
        self.match_button.setText(self.tr("&Match to client…"))
        self.match_button.setAccessibleName(self.tr("Match the selected request to a client file"))
        self.confirmation_sent.setText(self.tr("&Confirmation sent to the requester"))
        self.confirmation_sent.setAccessibleName(self.tr("Confirmation sent to the requester"))
        self.process_button.setText(self.tr("&Process…"))
        self.process_button.setAccessibleName(self.tr("Process the selected request: withdraw its consent"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.refresh_button.setToolTip(self.tr("F5"))
        self.refresh_button.setAccessibleName(self.tr("Refresh the list"))
        self.status.setAccessibleName(self.tr("Result of the last action"))
        self.model.retranslate()
        self._fit_columns()
        self._show_counts()
        self._selection_changed()
        self._show_status()

    # ------------------------------------------------------------------ loading

    def refresh(self) -> None:
        self._stale = False
        selected = self.selected_row()
        self._keep_selected = selected.record.id if selected is not None else None
        self.model.refresh()
        self._load_counts()

    def _data_changed(self, change: DataChange, source: QObject | None) -> None:
        # What this window saved it has already reloaded.
        if source is not self and change.touches(ChangeSubject.OPT_OUTS):
            self._refresh_if_shown()

    def _refresh_if_shown(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _load_failed(self, error: BaseException) -> None:
        self._say(
            lambda: self.tr("The list could not be loaded: {detail}").format(
                detail=error_text(error, current_language())
            ),
            error=True,
        )

    def _load_counts(self) -> None:
        services, actor = self._services, self._actor
        self._tasks["counts"] = self._runner.submit(
            lambda: services.optouts.pending_count(actor),
            on_success=self._counts_loaded,
            on_failure=lambda error: self._say(lambda: error_text(error, current_language()), error=True),
            key=(*self._key, "counts"),
            busy_message=self.tr("Counting opt-out requests…"),
        )

    def _counts_loaded(self, counts: tuple[int, int]) -> None:
        self._counts = counts
        self._show_counts()

    def _show_counts(self) -> None:
        if self._counts is None:
            text = self.tr("Opt-out requests")
            self.counts_label.setText(self.tr("Loading…"))
        else:
            pending, overdue = self._counts
            text = self.tr("Opt-out requests — {pending} pending, {overdue} overdue").format(
                pending=pending, overdue=overdue
            )
            self.counts_label.setText(
                self.tr("{pending} pending · {overdue} OVERDUE").format(pending=pending, overdue=overdue)
                if overdue
                else self.tr("{pending} pending · none overdue").format(pending=pending)
            )
            self.counts_label.setStyleSheet(
                "font-size: 115%; font-weight: bold;" + (" color: #7a1020;" if overdue else "")
            )
        self.setWindowTitle(text)

    def _fit_columns(self) -> None:
        # Dates and counts must never be cut: size those columns to what they now hold.
        for column in range(self.model.columnCount()):
            if column not in (PendingOptOutModel.REQUESTER, PendingOptOutModel.SCOPE):
                self.table.resizeColumnToContents(column)

    def _page_loaded(self) -> None:
        self._fit_columns()
        if self._keep_selected is not None:
            row = self.model.row_for_request(self._keep_selected)
            if row is not None:
                self.table.selectRow(row)
                self._keep_selected = None
        if self.selected_row() is None and self.model.rowCount():
            self.table.selectRow(0)
        self._selection_changed()

    # ---------------------------------------------------------------- selection

    def selected_row(self) -> QueueRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_of(rows[0].row()) if rows else None

    def select_request(self, request_id: int) -> bool:
        row = self.model.row_for_request(request_id)
        if row is None:
            return False
        self.table.selectRow(row)
        return True

    def _selection_changed(self) -> None:
        row = self.selected_row()
        self.match_button.setEnabled(row is not None)
        self.process_button.setEnabled(row is not None and row.record.client_id is not None)
        self.confirmation_sent.setEnabled(row is not None)
        if row is None:
            self.details.setText(self.tr("Select a request to see it here."))
            self.process_button.setToolTip("")
            return
        self.process_button.setToolTip(
            "" if row.record.client_id is not None else self.tr("Match the request to a client file first.")
        )
        self.details.setText(self._describe(row))

    def _describe(self, row: QueueRow) -> str:
        record = row.record
        lines = [
            self.tr("Requester, as given:"),
            f"  {record.requester_name}",
        ]
        lines += [
            f"  {part}" for part in (format_phone(record.requester_phone), record.requester_email) if part
        ]
        lines += [
            self.tr("Received by {via} on {date}; due {due}.").format(
                via=via_label(record.received_via, current_language()),
                date=record.received_on.isoformat(),
                due=record.due_on.isoformat(),
            ),
            self.tr("Stop: {purposes}").format(purposes=purpose_names(record.purposes)),
            self.tr("Channels: {channels}").format(channels=channel_names(record.channels)),
            self.tr("Client: {client}").format(
                client=client_line(row.client)
                if row.client is not None
                else (self.tr("not matched") if record.client_id is None else str(record.client_id))
            ),
            self.tr("Logged by {who} on {when}.").format(
                who=record.logged_by, when=format_datetime(record.logged_at)
            ),
        ]
        if record.note:
            lines.append(self.tr("Note: {note}").format(note=record.note))
        if record.overdue_on(self.model.today):
            lines.insert(0, self.tr("OVERDUE since {due}").format(due=record.due_on.isoformat()))
        return "\n".join(lines)

    # ------------------------------------------------------------------ actions

    def match_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        record = row.record
        contact = " · ".join(p for p in (format_phone(record.requester_phone), record.requester_email) if p)

        def hint() -> str:
            return self.tr("Requester as given: {name}{contact}").format(
                name=record.requester_name, contact=f" · {contact}" if contact else ""
            )

        dialog = ClientPickerDialog(self._services, self._actor, self._runner, hint, self)
        dialog.setObjectName("matchClientDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._match(record, dialog.chosen()))
        dialog.open()
        if record.requester_name.strip():
            dialog.picker.search(record.requester_name.strip())

    def _match(self, record: OptOutRecord, client: ClientSummary | None) -> None:
        if client is None:
            return
        services, actor = self._services, self._actor
        self._tasks["match"] = self._runner.submit(
            lambda: services.optouts.match(actor, record.id, client.id),
            on_success=lambda _record: self._matched(record, client),
            on_failure=self._failed,
            key=(*self._key, "match"),
            busy_message=self.tr("Matching the request…"),
        )

    def _matched(self, record: OptOutRecord, client: ClientSummary) -> None:
        self._done(lambda: self.tr("Matched to {client}.").format(client=client_line(client)), record.id)
        self._runner.changes.publish(DataChange.of(ChangeSubject.OPT_OUTS, client_id=client.id), self)

    def process_selected(self) -> None:
        row = self.selected_row()
        if row is None or row.record.client_id is None:
            self._say(lambda: self.tr("Match the request to a client file first."), error=True)
            return
        record = row.record
        client = client_line(row.client) if row.client is not None else str(record.client_id)
        scope = scope_summary(record.purposes, record.channels, self.model.offered)
        answer = QMessageBox.question(
            self,
            self.tr("Process this request?"),
            self.tr(
                "Consent will be withdrawn now for {client}:\n{scope}\n\nThis is recorded for good and cannot "
                "be undone."
            ).format(client=client, scope=scope),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        services, actor, sent = self._services, self._actor, self.confirmation_sent.isChecked()
        self.process_button.setEnabled(False)
        self._tasks["process"] = self._runner.submit(
            lambda: services.optouts.process(actor, record.id, confirmation_sent=sent),
            on_success=lambda done: self._processed(done, client),
            on_failure=self._failed,
            key=(*self._key, "process", record.id),
            busy_message=self.tr("Processing the request…"),
        )

    def _processed(self, record: OptOutRecord, client: str) -> None:
        self.confirmation_sent.setChecked(False)
        self._done(
            lambda: self.tr("Processed: consent withdrawn for {client} — {scope}.").format(
                client=client, scope=scope_summary(record.purposes, record.channels, self.model.offered)
            ),
            None,
        )
        # Processing withdraws consent at once.
        change = DataChange.of(ChangeSubject.OPT_OUTS, ChangeSubject.CONSENT, client_id=record.client_id)
        self._runner.changes.publish(change, self)
        self.processed.emit(record)

    def _done(self, message: Callable[[], str], keep_selected: int | None) -> None:
        self._say(message)
        self.model.refresh()
        self._keep_selected = keep_selected
        self._load_counts()

    def _failed(self, error: BaseException) -> None:
        self._say(lambda: error_text(error, current_language()), error=True)
        self._selection_changed()
        self.refresh()

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

    def closeEvent(self, event: QCloseEvent) -> None:
        # Only reading is dropped; a match or a processing already sent still completes.
        self.model.cancel_loading()
        if "counts" in self._tasks:
            self._tasks["counts"].cancel()
        super().closeEvent(event)
