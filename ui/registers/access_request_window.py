"""The privacy officer's queue of access and rectification requests still open, the most urgent first.

Quebec's private-sector act (s. 32) gives 30 calendar days to answer in writing; no answer is deemed
a refusal. Overdue requests are flagged as in the opt-out queue. From here a request is matched to the
client file it concerns, the requester's identity recorded as verified, and the request answered
(what was sent: the client's evidence pack, saved here as a PDF and its fingerprint recorded, or a copy
of the file) or refused with a reason. Each saved action publishes one change; the queue reloads itself
when access requests change anywhere in this program, and every minute while shown.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
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

from desktop.domain.access_requests import AccessRequestRecord
from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.errors import FieldError, NotFoundError, ValidationError
from desktop.domain.file_numbers import format_file_number
from desktop.domain.messages import Subjects, message
from desktop.domain.records import Actor
from desktop.domain.register_enums import AccessAnswerItem, AccessRequestKind
from desktop.paths import write_owner_only
from desktop.services import Services
from ui.kit.errors import error_text
from ui.kit.i18n import current_language, format_datetime
from ui.kit.retranslate import follow_language
from ui.kit.tables import record_table
from ui.kit.worker import TaskHandle, TaskRunner
from ui.registers.access_request_actions import AccessRequestActions
from ui.registers.access_request_model import AccessRequestModel, answer_item_name, channel_name, kind_name

__all__ = ["REFRESH_MS", "AccessRequestWindow"]

REFRESH_MS = 60_000
_STATUS_OK = "color: #1b5e20; font-weight: bold;"
_STATUS_ERROR = "color: #8a1c1c; font-weight: bold;"


class AccessRequestWindow(QWidget):
    """The open access and rectification requests, and what the privacy officer does with them."""

    def __init__(
        self, services: Services, actor: Actor, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._services = services
        self._actor = actor
        self._runner = runner
        self._key = ("access-request-queue", id(self))
        self._loading: TaskHandle | None = None
        self._loaded = False
        self._busy = False
        self._keep_selected: int | None = None
        self._status: tuple[Callable[[], str], bool] | None = None
        self._stale = False
        self.setObjectName("accessRequestQueue")
        self.resize(1100, 680)

        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("accessRequestCounts")
        self._explanation = QLabel(self)
        self._explanation.setWordWrap(True)
        self.refresh_button = QPushButton(self)
        self.refresh_button.setAutoDefault(False)

        self.model = AccessRequestModel(services.clock.today(), self)
        self.table = record_table(self.model, self, "accessRequestTable")
        self.table.setAlternatingRowColors(False)  # overdue rows are coloured
        self.table.horizontalHeader().setSectionResizeMode(
            AccessRequestModel.REQUESTER, QHeaderView.ResizeMode.Stretch
        )
        self.details = QLabel(self)
        self.details.setObjectName("accessRequestDetails")
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        details_area = QScrollArea(self)
        details_area.setWidget(self.details)
        details_area.setWidgetResizable(True)
        details_area.setFrameShape(QFrame.Shape.NoFrame)
        self.action_box = AccessRequestActions(self)

        self.status = QLabel(self)
        self.status.setObjectName("accessRequestStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(details_area, 1)
        bottom.addWidget(self.action_box, 1)
        side = QWidget(self)
        side.setLayout(bottom)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        top = QHBoxLayout()
        top.addWidget(self.counts_label, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self._explanation)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

        QShortcut(QKeySequence("F5"), self, self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self.action_box.match_button.clicked.connect(self.match_selected)
        self.action_box.verify_button.clicked.connect(self.verify_selected)
        self.action_box.answer_button.clicked.connect(self.answer_selected)
        self.action_box.refuse_button.clicked.connect(self.refuse_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        runner.changes.changed.connect(self._data_changed)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._refresh_if_shown)
        self._timer.start()
        follow_language(self, self.retranslate)
        self.refresh()

    def retranslate(self) -> None:
        self._explanation.setText(
            self.tr(
                "An access or rectification request must be answered in writing within 30 calendar days of "
                "its receipt; no answer is deemed a refusal. Overdue requests are marked OVERDUE in red."
            )
        )
        self.refresh_button.setText(self.tr("&Refresh"))
        self.refresh_button.setToolTip(self.tr("F5"))
        self.table.setAccessibleName(self.tr("Open access and rectification requests"))
        self.details.setAccessibleName(self.tr("Details of the selected request"))
        self.status.setAccessibleName(self.tr("Result of the last action"))
        self.model.retranslate()
        self._fit_columns()
        self._show_counts()
        self._selection_changed()
        self._show_status()

    # ------------------------------------------------------------------ loading

    def refresh(self) -> None:
        self._stale = False
        selected = self.selected_record()
        if selected is not None:
            self._keep_selected = selected.id
        if self._loading is not None:
            self._loading.cancel()
        services, actor = self._services, self._actor

        def load() -> tuple[list[AccessRequestRecord], date]:
            return services.access_requests.open_requests(actor), services.clock.today()

        self._loading = self._runner.submit(
            load,
            on_success=self._loaded_records,
            on_failure=self._load_failed,
            key=self._key,
            busy_message=self.tr("Loading access requests…"),
        )

    def _loaded_records(self, loaded: tuple[list[AccessRequestRecord], date]) -> None:
        self._loading = None
        self._loaded = True
        records, today = loaded
        self.model.set_records(records, today)
        self._fit_columns()
        self._show_counts()
        row = self.model.row_for_request(self._keep_selected) if self._keep_selected is not None else None
        self._keep_selected = None
        if row is None and self.model.rowCount():
            row = 0
        if row is not None:
            self.table.selectRow(row)
        self._selection_changed()

    def _load_failed(self, error: BaseException) -> None:
        self._loading = None
        self._say(
            lambda: self.tr("The list could not be loaded: {detail}").format(
                detail=error_text(error, current_language())
            ),
            error=True,
        )

    def _data_changed(self, change: DataChange, source: QObject | None) -> None:
        if source is not self and change.touches(ChangeSubject.ACCESS_REQUESTS):
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

    def _show_counts(self) -> None:
        if not self._loaded:
            self.counts_label.setText(self.tr("Loading…"))
            self.setWindowTitle(self.tr("Access and rectification requests"))
            return
        total = self.model.rowCount()
        overdue = sum(1 for row in range(total) if self.model.is_overdue(row))
        self.setWindowTitle(
            self.tr("Access and rectification requests — {open} open, {overdue} overdue").format(
                open=total, overdue=overdue
            )
        )
        self.counts_label.setText(
            self.tr("{open} open · {overdue} OVERDUE").format(open=total, overdue=overdue)
            if overdue
            else self.tr("{open} open · none overdue").format(open=total)
        )
        self.counts_label.setStyleSheet(
            "font-size: 115%; font-weight: bold;" + (" color: #7a1020;" if overdue else "")
        )

    def _fit_columns(self) -> None:
        for column in range(self.model.columnCount()):
            if column != AccessRequestModel.REQUESTER:
                self.table.resizeColumnToContents(column)

    # ---------------------------------------------------------------- selection

    def selected_record(self) -> AccessRequestRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def select_request(self, request_id: int) -> bool:
        row = self.model.row_for_request(request_id)
        if row is not None:
            self.table.selectRow(row)
        return row is not None

    def _selection_changed(self) -> None:
        record = self.selected_record()
        self.action_box.set_request_open(record is not None, busy=self._busy)
        self.details.setText(
            self._describe(record) if record is not None else self.tr("Select a request to see it here.")
        )

    def _describe(self, record: AccessRequestRecord) -> str:
        lines = [
            self.tr("Kind: {kind}. Received by: {channel}, on {received}. Due: {due}.").format(
                kind=kind_name(record.kind),
                channel=channel_name(record.channel),
                received=record.received_on.isoformat(),
                due=record.due_on.isoformat(),
            ),
            self.tr("Requester, as given: {name}").format(name=record.requester_name),
        ]
        if record.requester_contact:
            lines.append(self.tr("To reach them: {contact}").format(contact=record.requester_contact))
        lines.append(
            self.tr("Client file: {number}").format(number=record.file_number)
            if record.file_number
            else self.tr("Client file: not matched")
        )
        if record.identity_verified_at is not None:
            lines.append(
                self.tr("Identity verified on {when}: {how}").format(
                    when=format_datetime(record.identity_verified_at), how=record.identity_how
                )
            )
        else:
            lines.append(self.tr("Identity not verified yet."))
        if record.note:
            lines.append(self.tr("Note: {note}").format(note=record.note))
        lines.append(
            self.tr("Logged by {who} on {when}.").format(
                who=record.logged_by, when=format_datetime(record.logged_at)
            )
        )
        if record.overdue_on(self.model.today):
            lines.insert(0, self.tr("OVERDUE since {due}").format(due=record.due_on.isoformat()))
        return "\n".join(lines)

    # ------------------------------------------------------------------ actions

    def match_selected(self) -> None:
        record = self.selected_record()
        wanted = self.action_box.file_number.text().strip()
        if record is None:
            return
        if not wanted:
            missing = ValidationError([FieldError("client_id", "required")])
            self._say(lambda: missing.message(current_language()), error=True)
            return
        services, actor = self._services, self._actor

        def match() -> AccessRequestRecord:
            # As typed, or as the number it stands for ("123" is file 000123).
            padded = format_file_number(int(wanted)) if wanted.isascii() and wanted.isdigit() else wanted
            found = services.clients.summaries_by_file_number(actor, [wanted, padded])
            client = found.get(wanted) or found.get(padded)
            if client is None:
                raise NotFoundError(what=Subjects.file.filled(number=wanted))
            return services.access_requests.match(actor, record.id, client.id)

        self._run(
            "match",
            match,
            lambda done: self.tr("Matched to file {number}.").format(number=done.file_number),
        )

    def verify_selected(self) -> None:
        record = self.selected_record()
        if record is None:
            return
        services, actor, how = self._services, self._actor, self.action_box.identity_how.text()
        self._run(
            "verify",
            lambda: services.access_requests.verify_identity(actor, record.id, how),
            lambda _done: self.tr("Identity recorded as verified."),
        )

    def answer_selected(self) -> None:
        record = self.selected_record()
        if record is None:
            return
        # Said before anything is produced: the pack is not made for a request that cannot be answered.
        items = self.action_box.chosen_items()
        refusal = (
            "access_request_identity_unverified"
            if record.identity_verified_at is None
            else "access_request_not_matched"
            if record.file_number is None
            else "access_request_rectified_without_request"
            if AccessAnswerItem.RECTIFIED_FILE in items and record.kind != AccessRequestKind.RECTIFICATION
            else ""
        )
        if refusal:
            self._say(lambda: message(refusal, current_language()), error=True)
            return
        pack = AccessAnswerItem.EVIDENCE_PACK in items
        target: Path | None = None
        if pack and self.action_box.save_pdf.isChecked():
            chosen, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("Save the evidence pack"),
                f"evidence-{record.file_number}.pdf",
                self.tr("PDF documents (*.pdf)"),
            )
            if not chosen:
                return
            target = Path(chosen) if Path(chosen).suffix else Path(chosen).with_suffix(".pdf")
        services, actor, number = self._services, self._actor, record.file_number or ""

        def answer() -> AccessRequestRecord:
            # The fingerprint recorded is that of the PDF saved here, written before the answer is recorded.
            # A pack not saved is not made: one rendered only to be hashed would be a document nobody has
            # (each pack is dated when produced) and an export of the file that never left the clinic.
            document = None
            if target is not None:
                document = services.evidence.render(actor, number).data
                write_owner_only(target, document)
            return services.access_requests.answer(actor, record.id, items, document)

        def said(done: AccessRequestRecord) -> str:
            sent = ", ".join(answer_item_name(item) for item in sorted(done.answer_items))
            text = self.tr("Answer recorded: {sent}.").format(sent=sent)
            if target is not None:
                text += " " + self.tr("Saved to {path}.").format(path=str(target))
            return text

        self._run("answer", answer, said)

    def refuse_selected(self) -> None:
        record = self.selected_record()
        if record is None:
            return
        reason = self.action_box.reason.text()
        if reason.strip():
            confirmed = QMessageBox.question(
                self,
                self.tr("Refuse this request?"),
                self.tr("The refusal is recorded for good with its reason:\n{reason}").format(reason=reason),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if confirmed != QMessageBox.StandardButton.Yes:
                return
        services, actor = self._services, self._actor
        self._run(
            "refuse",
            lambda: services.access_requests.refuse(actor, record.id, reason),
            lambda _done: self.tr("Refusal recorded."),
        )

    def _run(
        self,
        name: str,
        work: Callable[[], AccessRequestRecord],
        said: Callable[[AccessRequestRecord], str],
    ) -> None:
        acted_on = self.selected_record()
        before = acted_on.client_id if acted_on is not None else None
        self._busy = True
        self._selection_changed()
        self._runner.submit(
            work,
            on_success=lambda done: self._done(done, said, before),
            on_failure=self._failed,
            key=(*self._key, name),
            busy_message=self.tr("Saving…"),
        )

    def _done(
        self, record: AccessRequestRecord, said: Callable[[AccessRequestRecord], str], before: int | None
    ) -> None:
        self._busy = False
        self.action_box.clear()
        self._say(lambda: said(record))
        self._keep_selected = record.id
        # Matched away from a file: that file's list loses the request too, so the change names no one file.
        only = record.client_id if before in (None, record.client_id) else None
        self._runner.changes.publish(DataChange.of(ChangeSubject.ACCESS_REQUESTS, client_id=only), self)
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        # What was typed and ticked stays for the person to correct.
        self._busy = False
        self._say(lambda: error_text(error, current_language()), error=True)
        self._selection_changed()

    def _say(self, text: Callable[[], str], *, error: bool = False) -> None:
        self._status = (text, error)
        self._show_status()

    def _show_status(self) -> None:
        if self._status is None:
            return
        text, error = self._status
        self.status.setText(text())
        self.status.setStyleSheet(_STATUS_ERROR if error else _STATUS_OK)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._loading is not None:
            self._loading.cancel()
        super().closeEvent(event)
