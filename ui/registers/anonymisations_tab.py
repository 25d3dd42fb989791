"""The retention review's third tab: the anonymisations recorded in a period (the past year at first),
with who made each one, when, under which rule, and what it erased. No identity: the file numbers only."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.domain.records import Actor
from desktop.domain.retention import AnonymisationRecord, years_before
from desktop.services import Services
from ui.kit.date_edits import DayEdit
from ui.kit.forms import em
from ui.kit.models import RecordTableModel
from ui.kit.retranslate import follow_language
from ui.kit.tables import record_table
from ui.kit.worker import TaskHandle, TaskRunner
from ui.registers.retention_tables import anonymisation_columns

__all__ = ["AnonymisationsTab"]

#: The rule's column, which takes the width the others leave.
_RULE_COLUMN = 3


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class AnonymisationsTab(QWidget):
    """``loaded`` carries the number of anonymisations listed; ``failed`` the error of a reading."""

    loaded = Signal(int)
    failed = Signal(object)

    def __init__(
        self, services: Services, actor: Actor, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._runner = runner
        self._key = ("retention-anonymisations", id(self))
        self._loading: TaskHandle | None = None

        self.model: RecordTableModel[AnonymisationRecord] = RecordTableModel(anonymisation_columns(), self)
        self.table = record_table(self.model, self, "anonymisations")
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(_RULE_COLUMN, QHeaderView.ResizeMode.Stretch)
        today = services.clock.today()
        self.start = self._date_edit(years_before(today, 1))
        self.end = self._date_edit(today)
        self._from_label = QLabel(self)
        self._from_label.setBuddy(self.start)
        self._to_label = QLabel(self)
        self._to_label.setBuddy(self.end)
        self.show_button = QPushButton(self)
        self.show_button.setObjectName("showAnonymisations")
        self.show_button.setAutoDefault(False)
        self.show_button.clicked.connect(self.load)

        period = QHBoxLayout()
        for widget in (self._from_label, self.start, self._to_label, self.end, self.show_button):
            period.addWidget(widget)
        period.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(period)
        layout.addWidget(self.table, 1)
        follow_language(self, self.retranslate)

    def _date_edit(self, day: date) -> DayEdit:
        edit = DayEdit(self)
        edit.setDate(_qdate(day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumWidth(em(edit, 9))
        return edit

    def retranslate(self) -> None:
        self.table.setAccessibleName(self.tr("Anonymisations recorded"))
        self._from_label.setText(self.tr("Recorded &from"))
        self._to_label.setText(self.tr("&to"))
        self.start.setAccessibleName(self.tr("Recorded from"))
        self.end.setAccessibleName(self.tr("Recorded to"))
        self.show_button.setText(self.tr("&Show"))
        self.show_button.setAccessibleName(self.tr("Show the anonymisations of the period"))
        self.model.retranslate(anonymisation_columns())
        self.fit_columns()

    def load(self) -> None:
        services, actor = self._services, self._actor
        start, end = _day(self.start.date()), _day(self.end.date())
        self._loading = self._runner.submit(
            lambda: services.retention.anonymisations(actor, start, end),
            on_success=self._loaded,
            on_failure=self.failed.emit,
            key=(*self._key, "load"),
            busy_message=self.tr("Reading the anonymisations…"),
        )

    def cancel_loading(self) -> None:
        if self._loading is not None:
            self._loading.cancel()

    def _loaded(self, records: list[AnonymisationRecord]) -> None:
        self.model.set_records(records)
        self.fit_columns()
        self.loaded.emit(len(records))

    def fit_columns(self) -> None:
        for column in range(self.model.columnCount()):
            if column != _RULE_COLUMN:
                self.table.resizeColumnToContents(column)
