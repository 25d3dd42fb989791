"""The schedule's table: arrows move from slot to slot, Enter acts on the slot chosen."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.schedule.grid_model import Cell, ScheduleGridModel

__all__ = ["ScheduleGrid"]

SLOT_HEIGHT = 24
MIN_COLUMN_WIDTH = 140


class ScheduleGrid(QTableView):
    """One slot selected at a time; ``chosen`` carries the slot when Enter is pressed or it is
    double-clicked, ``escaped`` tells the window that Escape was pressed."""

    chosen = Signal(object)
    escaped = Signal()

    def __init__(self, model: ScheduleGridModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scheduleGrid")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        vertical = self.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(SLOT_HEIGHT)
        horizontal = self.horizontalHeader()
        horizontal.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        horizontal.setMinimumSectionSize(MIN_COLUMN_WIDTH)
        horizontal.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.doubleClicked.connect(self._double_clicked)

    def schedule_model(self) -> ScheduleGridModel:
        model = self.model()
        assert isinstance(model, ScheduleGridModel)
        return model

    def current_cell(self) -> Cell | None:
        index = self.currentIndex()
        return self.schedule_model().cell(index.row(), index.column()) if index.isValid() else None

    def select(self, row: int, column: int) -> None:
        index = self.schedule_model().index(row, column)
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            cell = self.current_cell()
            if cell is not None:
                self.chosen.emit(cell)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def _double_clicked(self, index: QModelIndex) -> None:
        cell = self.schedule_model().cell(index.row(), index.column())
        if cell is not None:
            self.chosen.emit(cell)
