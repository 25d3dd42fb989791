"""The disclosure register of a period, for a manager or the privacy officer: every disclosure of personal
information outside the clinic (the policy's §4), corrected entries kept and marked. From here a disclosure
is recorded, or the selected entry corrected by a new one; the register reloads itself when disclosures
change anywhere in this program.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QObject, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.disclosures import DisclosureRecord
from desktop.domain.records import Actor
from desktop.services import Services
from ui.admin.reports_window import this_month
from ui.kit.date_edits import DayEdit
from ui.kit.errors import error_text
from ui.kit.i18n import current_language, format_datetime
from ui.kit.models import RecordTableModel
from ui.kit.retranslate import follow_language
from ui.kit.tables import record_table
from ui.kit.worker import TaskHandle, TaskRunner
from ui.registers.disclosure_dialog import DisclosureDialog
from ui.registers.disclosure_names import disclosure_columns, entry_recipient, entry_standing, means_name

__all__ = ["DisclosureRegisterWindow"]

_STATUS_OK = "color: #1b5e20; font-weight: bold;"
_STATUS_ERROR = "color: #8a1c1c; font-weight: bold;"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class DisclosureRegisterWindow(QWidget):
    """The disclosures of the period chosen, and the buttons that record or correct one."""

    def __init__(
        self, services: Services, actor: Actor, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._services = services
        self._actor = actor
        self._runner = runner
        self._key = ("disclosure-register", id(self))
        self._loading: TaskHandle | None = None
        self._loaded = False
        self._status: tuple[Callable[[], str], bool] | None = None
        self._dialog: DisclosureDialog | None = None
        self.setObjectName("disclosureRegister")
        self.resize(1150, 660)

        first, last = this_month(services.clock.today())
        self.start = self._day("disclosuresFrom", first)
        self.end = self._day("disclosuresTo", last)
        self._from_label, self._to_label = QLabel(self), QLabel(self)
        self._from_label.setBuddy(self.start)
        self._to_label.setBuddy(self.end)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("disclosureCount")
        self.record_button = QPushButton(self)
        self.record_button.setObjectName("recordDisclosure")
        self.correct_button = QPushButton(self)
        self.correct_button.setObjectName("correctDisclosure")
        for push in (self.record_button, self.correct_button):
            push.setAutoDefault(False)

        self.model: RecordTableModel[DisclosureRecord] = RecordTableModel(
            disclosure_columns(with_files=True), self
        )
        self.table = record_table(self.model, self, "disclosureTable")
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.details = QLabel(self)
        self.details.setObjectName("disclosureDetails")
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel(self)
        self.status.setObjectName("disclosureStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        period = QHBoxLayout()
        for widget in (self._from_label, self.start, self._to_label, self.end):
            period.addWidget(widget)
        period.addWidget(self.count_label, 1)
        period.addWidget(self.correct_button)
        period.addWidget(self.record_button)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        details_area = QScrollArea(self)
        details_area.setWidget(self.details)
        details_area.setWidgetResizable(True)
        details_area.setFrameShape(QFrame.Shape.NoFrame)
        splitter.addWidget(details_area)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([380, 200])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(period)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

        QShortcut(QKeySequence("F5"), self, self.refresh)
        self.record_button.clicked.connect(lambda: self.open_dialog())
        self.correct_button.clicked.connect(self.correct_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        runner.changes.changed.connect(self._data_changed)
        follow_language(self, self.retranslate)
        self.refresh()

    def _day(self, name: str, day: date) -> DayEdit:
        edit = DayEdit(self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setDate(_qdate(day))
        edit.dateChanged.connect(lambda *_: self.refresh())
        return edit

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Disclosure register"))
        self._from_label.setText(self.tr("&From:"))
        self._to_label.setText(self.tr("&To:"))
        self.start.setAccessibleName(self.tr("First day of the period"))
        self.end.setAccessibleName(self.tr("Last day of the period"))
        self.record_button.setText(self.tr("Record a disclosure…"))
        self.correct_button.setText(self.tr("Correct the selected entry…"))
        self.correct_button.setToolTip(
            self.tr("An entry is never changed: the correction is a new entry that names it.")
        )
        self.table.setAccessibleName(self.tr("Disclosures of the period"))
        self.details.setAccessibleName(self.tr("Details of the selected disclosure"))
        self.status.setAccessibleName(self.tr("Result of the last action"))
        self.model.retranslate(disclosure_columns(with_files=True))
        self._show_count()
        self._selection_changed()
        self._show_status()

    # ------------------------------------------------------------------ loading

    def period(self) -> tuple[date, date]:
        return self.start.date().toPython(), self.end.date().toPython()  # type: ignore[return-value]

    def refresh(self) -> None:
        if self._loading is not None:
            self._loading.cancel()
        selected = self.selected_record()
        keep = selected.id if selected is not None else None
        services, actor, (start, end) = self._services, self._actor, self.period()
        self._loading = self._runner.submit(
            lambda: services.disclosures.register(actor, start, end),
            on_success=lambda records: self._loaded_records(records, keep),
            on_failure=self._load_failed,
            key=self._key,
            busy_message=self.tr("Loading the disclosure register…"),
        )

    def _loaded_records(self, records: list[DisclosureRecord], keep: int | None) -> None:
        self._loading = None
        self._loaded = True
        self.model.set_records(records)
        self.table.resizeColumnsToContents()
        ids = [r.id for r in records]
        if keep in ids:
            self.table.selectRow(ids.index(keep))
        elif records:
            self.table.selectRow(len(records) - 1)
        self._show_count()
        self._selection_changed()

    def _load_failed(self, error: BaseException) -> None:
        self._loading = None
        self._say(
            lambda: self.tr("The register could not be loaded: {detail}").format(
                detail=error_text(error, current_language())
            ),
            error=True,
        )

    def _data_changed(self, change: DataChange, source: QObject | None) -> None:
        if change.touches(ChangeSubject.DISCLOSURES):
            self.refresh()

    def _show_count(self) -> None:
        if not self._loaded:
            self.count_label.setText(self.tr("Loading…"))
            return
        records = self.model.records()
        standing = sum(1 for r in records if r.stands)
        self.count_label.setText(
            self.tr("Entries in the period: {count} ({standing} standing)").format(
                count=len(records), standing=standing
            )
            if records
            else self.tr("No disclosure in the period.")
        )

    # ---------------------------------------------------------------- selection

    def selected_record(self) -> DisclosureRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _selection_changed(self) -> None:
        record = self.selected_record()
        self.correct_button.setEnabled(record is not None and record.stands)
        self.details.setText(
            self._describe(record) if record is not None else self.tr("Select an entry to see it whole here.")
        )

    def _describe(self, entry: DisclosureRecord) -> str:
        lines = [
            self.tr("Disclosure no. {id} of {on} ({status})").format(
                id=entry.id, on=entry.disclosed_on.isoformat(), status=entry_standing(entry)
            ),
            self.tr("Recipient: {recipient}").format(recipient=entry_recipient(entry)),
            self.tr("Legal basis: {basis}").format(basis=entry.legal_basis),
            self.tr("Information disclosed: {information}").format(information=entry.information),
            self.tr("Files: {files}").format(files=", ".join(entry.file_numbers)),
            self.tr("Authorised by {who}; sent: {means}.").format(
                who=entry.authorised_by, means=means_name(entry.means)
            ),
        ]
        if entry.note:
            lines.append(self.tr("Note: {note}").format(note=entry.note))
        lines.append(
            self.tr("Recorded by {who} on {when}.").format(
                who=entry.recorded_by, when=format_datetime(entry.recorded_at)
            )
        )
        return "\n".join(lines)

    # ------------------------------------------------------------------ actions

    def open_dialog(self, corrects: DisclosureRecord | None = None) -> DisclosureDialog:
        dialog = DisclosureDialog(self._services, self._actor, self._runner, self, corrects=corrects)
        dialog.recorded.connect(self._recorded)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialog = dialog
        dialog.show()
        return dialog

    def correct_selected(self) -> None:
        record = self.selected_record()
        if record is not None and record.stands:
            self.open_dialog(record)

    def _recorded(self, record: DisclosureRecord) -> None:
        self._say(lambda: self.tr("Disclosure no. {id} recorded.").format(id=record.id))
        start, end = self.period()
        if not start <= record.disclosed_on <= end:
            self._say(
                lambda: self.tr(
                    "Disclosure no. {id} recorded (dated {on}, outside the period shown)."
                ).format(id=record.id, on=record.disclosed_on.isoformat())
            )

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
