"""The base of the list tabs of a client file: a state line, a table of records and a row of buttons.

The records are fetched through the task runner when a file opens; the words (headers, cells, the
state line) are made again when the staff language changes, the rows staying as they are.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.records import Actor, ClientRecord
from desktop.services import Services
from ui.kit.errors import error_words
from ui.kit.models import Column, RecordTableModel
from ui.kit.tables import record_table
from ui.kit.worker import TaskRunner

__all__ = ["RecordListTab"]


class RecordListTab(QWidget):
    """A heading line, a table and an optional row of buttons.

    A subclass gives its columns (:meth:`columns`) and the table's name (:meth:`accessible_name`), both
    asked again when the staff language changes, and calls ``follow_language(self, self.retranslate)``
    once its own widgets exist.
    """

    count_changed = Signal(int)
    """How many records the tab shows (-1 while loading)."""

    key = "records"

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._runner = runner
        self._client: ClientRecord | None = None
        # What the state line says, made again when the staff language changes.
        self._state: Callable[[], str] | None = None
        self.model: RecordTableModel[Any] = self._make_model(self.columns())
        self.view = record_table(self.model, self)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("tabState")
        self.state_label.setTextFormat(Qt.TextFormat.PlainText)
        self.state_label.setWordWrap(True)
        self.buttons = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.state_label)
        layout.addWidget(self.view, 1)
        layout.addLayout(self.buttons)

    def _make_model(self, columns: list[Column[Any]]) -> RecordTableModel[Any]:
        return RecordTableModel(columns, self)

    def columns(self) -> list[Column[Any]]:
        raise NotImplementedError

    def accessible_name(self) -> str:
        raise NotImplementedError

    def retranslate(self) -> None:
        """Headers, cells, the table's name and the state line, in the staff language."""
        self.view.setAccessibleName(self.accessible_name())
        self.model.retranslate(self.columns())
        self.show_state(self._state)
        if self.model.rowCount():
            self.view.resizeColumnsToContents()

    def show_state(self, state: Callable[[], str] | None) -> None:
        self._state = state
        self.state_label.setText(state() if state is not None else "")

    # ------------------------------------------------------------ loading

    def fetch(self, services: Services, actor: Actor, client_id: int) -> Callable[[], list[Any]]:
        raise NotImplementedError

    def clear(self) -> None:
        self._client = None
        self.model.clear()
        self.show_state(None)
        self.count_changed.emit(-1)

    def load(self, client: ClientRecord) -> None:
        self._client = client
        self.model.clear()
        self.show_state(lambda: self.tr("Loading…"))
        self.count_changed.emit(-1)
        self._fetch_records(client.id)

    def reload(self) -> None:
        """Fetch the records again; the rows shown stay until the new ones arrive."""
        if self._client is not None:
            self._fetch_records(self._client.id)

    def _fetch_records(self, client_id: int) -> None:
        self._runner.submit(
            self.fetch(self._services, self._actor, client_id),
            on_success=lambda records: self._show(client_id, records),
            on_failure=lambda error: self.show_state(error_words(error)),
            key=("client-file", id(self), self.key),
        )

    def _show(self, client_id: int, records: list[Any]) -> None:
        if self._client is None or self._client.id != client_id:
            return
        selected = self.selected()
        self.model.set_records(records)
        self.view.resizeColumnsToContents()
        if selected is not None and selected in records:
            # A reload keeps the row the person had chosen.
            self.view.selectRow(records.index(selected))
        self.show_state(lambda: self.summary(records))
        self.count_changed.emit(len(records))
        self.records_shown(records)

    def summary(self, records: list[Any]) -> str:
        return ""

    def records_shown(self, records: list[Any]) -> None:
        """Hook for tabs whose buttons depend on the records."""

    def selected(self) -> Any | None:
        index = self.view.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None
