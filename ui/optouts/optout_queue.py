"""The queue of opt-out requests still to process (email and post), the most urgent first.

Rows are fetched a page at a time as the list is scrolled. A request is overdue once its due date (10
Quebec business days after receipt) has passed; overdue rows say "OVERDUE" and are tinted red, so the
flag is never carried by colour alone. From here a request is matched to a client file and processed,
which withdraws the consent it covers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QCloseEvent, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.business_days import is_business_day
from desktop.domain.records import Actor, ClientSummary, OptOutRecord
from desktop.domain.wording import via_label
from desktop.services import Services
from ui.kit.client_search import ClientPickerDialog, client_line
from ui.kit.errors import error_text
from ui.kit.i18n import current_language
from ui.kit.worker import TaskHandle, TaskRunner
from ui.optouts.optout_dialog import channel_names, purpose_names, scope_summary

__all__ = ["OptOutQueueWindow", "PendingOptOutModel", "QueueRow", "business_days_left"]

PAGE_SIZE = 50
#: A request due within this many business days is marked "due soon".
DUE_SOON = 2
_OVERDUE_BACKGROUND = QColor("#f8d7da")
_OVERDUE_TEXT = QColor("#7a1020")
_DUE_SOON_BACKGROUND = QColor("#fff3cd")
_STATUS_OK = "color: #1b5e20; font-weight: bold;"
_STATUS_ERROR = "color: #8a1c1c; font-weight: bold;"


def business_days_left(today: date, due: date) -> int:
    """Quebec business days from today to the due date: 0 when due today, negative once late."""
    step = 1 if due >= today else -1
    count = 0
    day = today
    while day != due:
        day += timedelta(days=step)
        # Late days are counted from the day after the due date up to today.
        counted = day if step > 0 else day + timedelta(days=1)
        if is_business_day(counted):
            count += step
    return count


def file_number_of(client_id: int) -> str:
    # Client files are numbered from their id, six digits; used only to find the name to show.
    return f"{client_id:06d}"


@dataclass(frozen=True)
class QueueRow:
    record: OptOutRecord
    #: The matched client file, or None when the request is not matched yet.
    client: ClientSummary | None


def load_page(services: Services, actor: Actor, offset: int, limit: int) -> list[QueueRow]:
    """Runs on a worker thread: a page of pending requests with the name of each matched client."""
    records = services.optouts.pending(actor, offset=offset, limit=limit)
    clients: dict[int, ClientSummary] = {}
    for client_id in {r.client_id for r in records if r.client_id is not None}:
        found = services.clients.search(actor, file_number_of(client_id), limit=5)
        match = next((c for c in found if c.id == client_id), None)
        if match is not None:
            clients[client_id] = match
    return [QueueRow(r, clients.get(r.client_id) if r.client_id is not None else None) for r in records]


class PendingOptOutModel(QAbstractTableModel):
    """Pending requests, fetched lazily a page at a time through the task runner."""

    VIA, RECEIVED, DUE, DAYS_LEFT, REQUESTER, CLIENT, SCOPE = range(7)

    page_loaded = Signal()
    load_failed = Signal(str)

    def __init__(
        self, services: Services, actor: Actor, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._runner = runner
        self._key = ("opt-out-queue-page", id(self))
        self._rows: list[QueueRow] = []
        self._exhausted = False
        self._fetching: TaskHandle | None = None
        self._today = services.clock.today()
        self._headers = [
            self.tr("Received via"),
            self.tr("Received on"),
            self.tr("Due date"),
            self.tr("Business days left"),
            self.tr("Requester (as given)"),
            self.tr("Matched client"),
            self.tr("What to stop"),
        ]

    # ------------------------------------------------------------------ loading

    @property
    def today(self) -> date:
        return self._today

    @property
    def is_loading(self) -> bool:
        return self._fetching is not None

    def refresh(self) -> None:
        """Start again from the first page (what is shown is dropped: it may have changed)."""
        self.cancel_loading()
        self.beginResetModel()
        self._rows = []
        self._exhausted = False
        self._today = self._services.clock.today()
        self.endResetModel()
        self._fetch()

    def cancel_loading(self) -> None:
        if self._fetching is not None:
            self._fetching.cancel()
            self._fetching = None

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and self._fetching is None

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._fetch()

    def _fetch(self) -> None:
        services, actor, offset = self._services, self._actor, len(self._rows)
        self._fetching = self._runner.submit(
            lambda: load_page(services, actor, offset, PAGE_SIZE),
            on_success=lambda rows: self._page_arrived(offset, rows),
            on_failure=self._page_failed,
            key=self._key,
            busy_message=self.tr("Loading opt-out requests…"),
        )

    def _page_arrived(self, offset: int, rows: list[QueueRow]) -> None:
        self._fetching = None
        if offset != len(self._rows):
            return  # a page for a list that has since been reset
        if rows:
            self.beginInsertRows(QModelIndex(), offset, offset + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self._exhausted = len(rows) < PAGE_SIZE
        self.page_loaded.emit()

    def _page_failed(self, error: BaseException) -> None:
        self._fetching = None
        self.load_failed.emit(error_text(error, current_language()))

    # ------------------------------------------------------------------- access

    def row_of(self, index: int) -> QueueRow:
        return self._rows[index]

    def row_for_request(self, request_id: int) -> int | None:
        return next((i for i, row in enumerate(self._rows) if row.record.id == request_id), None)

    def is_overdue(self, row: int) -> bool:
        return self._rows[row].record.overdue_on(self._today)

    # -------------------------------------------------------------------- model

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            if section == self.DAYS_LEFT:
                return self.tr("Quebec business days: weekends and Quebec statutory holidays do not count.")
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        record = row.record
        overdue = record.overdue_on(self._today)
        left = business_days_left(self._today, record.due_on)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(index.column(), row, left)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(index.column(), row)
        if role == Qt.ItemDataRole.BackgroundRole:
            if overdue:
                return QBrush(_OVERDUE_BACKGROUND)
            if left <= DUE_SOON:
                return QBrush(_DUE_SOON_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and overdue:
            return QBrush(_OVERDUE_TEXT)
        if role == Qt.ItemDataRole.FontRole and (overdue or index.column() == self.DAYS_LEFT):
            font = QFont()
            font.setBold(overdue or left <= DUE_SOON)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(index.column(), row, left)
        return None

    def _display(self, column: int, row: QueueRow, left: int) -> str:
        record = row.record
        if column == self.VIA:
            return via_label(record.received_via, current_language())
        if column == self.RECEIVED:
            return record.received_on.isoformat()
        if column == self.DUE:
            return record.due_on.isoformat()
        if column == self.DAYS_LEFT:
            if left < 0:
                return self.tr("OVERDUE · {n} late").format(n=-left)
            if left == 0:
                return self.tr("Due today")
            if left <= DUE_SOON:
                return self.tr("{n} (due soon)").format(n=left)
            return str(left)
        if column == self.REQUESTER:
            contact = record.requester_phone or record.requester_email
            return f"{record.requester_name} · {contact}" if contact else record.requester_name
        if column == self.CLIENT:
            if record.client_id is None:
                return self.tr("Not matched")
            if row.client is None:
                return self.tr("File of client {id}").format(id=record.client_id)
            return f"{row.client.last_name}, {row.client.first_name} ({row.client.file_number})"
        if column == self.SCOPE:
            return scope_summary(record.purposes, record.channels)
        return ""

    def _tooltip(self, column: int, row: QueueRow) -> str | None:
        record = row.record
        if column == self.REQUESTER:
            return "\n".join(
                part
                for part in (record.requester_name, record.requester_phone, record.requester_email)
                if part
            )
        if column == self.SCOPE:
            return f"{purpose_names(record.purposes)}\n{channel_names(record.channels)}"
        return None


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
        self.setObjectName("optOutQueue")
        self.resize(1100, 640)

        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("queueCounts")
        self.counts_label.setStyleSheet("font-size: 115%; font-weight: bold;")
        explanation = QLabel(
            self.tr(
                "Email and post requests must be processed within 10 Quebec business days of receipt "
                "(weekends and Quebec holidays do not count). Overdue requests are marked OVERDUE in red."
            ),
            self,
        )
        explanation.setWordWrap(True)

        self.model = PendingOptOutModel(services, actor, runner, self)
        self.table = QTableView(self)
        self.table.setObjectName("queueTable")
        self.table.setAccessibleName(self.tr("Pending opt-out requests"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(60)
        header.setSectionResizeMode(PendingOptOutModel.REQUESTER, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PendingOptOutModel.SCOPE, QHeaderView.ResizeMode.Stretch)

        self.details = QLabel(self)
        self.details.setObjectName("queueDetails")
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setAccessibleName(self.tr("Details of the selected request"))
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.match_button = QPushButton(self.tr("&Match to client…"), self)
        self.match_button.setAccessibleName(self.tr("Match the selected request to a client file"))
        self.confirmation_sent = QCheckBox(self.tr("&Confirmation sent to the requester"), self)
        self.confirmation_sent.setAccessibleName(self.tr("Confirmation sent to the requester"))
        self.process_button = QPushButton(self.tr("&Process…"), self)
        self.process_button.setAccessibleName(self.tr("Process the selected request: withdraw its consent"))
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.setToolTip(self.tr("F5"))
        self.refresh_button.setAccessibleName(self.tr("Refresh the list"))
        for button in (self.match_button, self.process_button, self.refresh_button):
            button.setAutoDefault(False)

        self.status = QLabel(self)
        self.status.setObjectName("queueStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName(self.tr("Result of the last action"))

        # The list takes the whole width (requesters and scopes need it); the selected request's
        # details and the actions sit underneath.
        buttons = QVBoxLayout()
        buttons.addWidget(self.match_button)
        buttons.addWidget(self.confirmation_sent)
        buttons.addWidget(self.process_button)
        buttons.addStretch(1)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(self.details, 1)
        bottom.addLayout(buttons)
        side = QWidget(self)
        side.setLayout(bottom)
        side.setMinimumHeight(150)
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
        self._show_counts()
        self._selection_changed()
        self.refresh()

    # ------------------------------------------------------------------ loading

    def refresh(self) -> None:
        selected = self.selected_row()
        self._keep_selected = selected.record.id if selected is not None else None
        self.model.refresh()
        self._load_counts()

    def _load_failed(self, detail: str) -> None:
        self._say(self.tr("The list could not be loaded: {detail}").format(detail=detail), error=True)

    def _load_counts(self) -> None:
        services, actor = self._services, self._actor
        self._tasks["counts"] = self._runner.submit(
            lambda: services.optouts.pending_count(actor),
            on_success=self._counts_loaded,
            on_failure=lambda error: self._say(error_text(error, current_language()), error=True),
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

    def _page_loaded(self) -> None:
        # Dates and counts must never be cut: size those columns to what they now hold.
        for column in range(self.model.columnCount()):
            if column not in (PendingOptOutModel.REQUESTER, PendingOptOutModel.SCOPE):
                self.table.resizeColumnToContents(column)
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
        lines += [f"  {part}" for part in (record.requester_phone, record.requester_email) if part]
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
                who=record.logged_by, when=record.logged_at.astimezone().strftime("%Y-%m-%d %H:%M")
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
        contact = " · ".join(p for p in (record.requester_phone, record.requester_email) if p)
        hint = self.tr("Requester as given: {name}{contact}").format(
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
            on_success=lambda _record: self._done(
                self.tr("Matched to {client}.").format(client=client_line(client)), record.id
            ),
            on_failure=self._failed,
            key=(*self._key, "match"),
            busy_message=self.tr("Matching the request…"),
        )

    def process_selected(self) -> None:
        row = self.selected_row()
        if row is None or row.record.client_id is None:
            self._say(self.tr("Match the request to a client file first."), error=True)
            return
        record = row.record
        client = client_line(row.client) if row.client is not None else str(record.client_id)
        answer = QMessageBox.question(
            self,
            self.tr("Process this request?"),
            self.tr(
                "Consent will be withdrawn now for {client}:\n{scope}\n\nThis is recorded for good and cannot "
                "be undone."
            ).format(client=client, scope=scope_summary(record.purposes, record.channels)),
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
            self.tr("Processed: consent withdrawn for {client} — {scope}.").format(
                client=client, scope=scope_summary(record.purposes, record.channels)
            ),
            None,
        )
        self.processed.emit(record)

    def _done(self, message: str, keep_selected: int | None) -> None:
        self._say(message)
        self.model.refresh()
        self._keep_selected = keep_selected
        self._load_counts()

    def _failed(self, error: BaseException) -> None:
        self._say(error_text(error, current_language()), error=True)
        self._selection_changed()
        self.refresh()

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(_STATUS_ERROR if error else _STATUS_OK)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Only reading is dropped; a match or a processing already sent still completes.
        self.model.cancel_loading()
        if "counts" in self._tasks:
            self._tasks["counts"].cancel()
        super().closeEvent(event)
