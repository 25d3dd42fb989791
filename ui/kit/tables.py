"""The one way a list of records is shown: whole rows picked one at a time, read-only, one line each."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

__all__ = ["LeadColumnFit", "record_table"]


def record_table(model: QAbstractItemModel, parent: QWidget, object_name: str = "") -> QTableView:
    """A table of ``model``'s rows: one row selected at a time, nothing edited in place, alternating
    colours, no row numbers, the last column taking the width left. Callers adjust what differs."""
    table = QTableView(parent)
    if object_name:
        table.setObjectName(object_name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    return table


#: Around a cell's text: the delegate's margins and the grid line, with a little room to spare.
CELL_PADDING = 10


class LeadColumnFit:
    """Sizes a table's columns without Qt measuring every cell. The columns after the first fit the rows
    shown (:meth:`fit_rows`, their display text measured once with the table's font: Qt's own
    ResizeToContents asks the model for every role of every cell at each change, most of a keystroke's
    cost in the search panel). The first column (the name) takes the width they leave; when they leave
    less than ``minimum``, the last column goes out of sight behind the scroll bar instead, and the name
    keeps at least ``minimum``, elided, whole in its tooltip. The owner calls :meth:`fit` when it is
    resized (a plain object, no event filter: nothing of it runs while Qt tears the table down)."""

    def __init__(self, table: QTableView, minimum: int) -> None:
        self._table = table
        self._minimum = minimum
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def fit_rows(self) -> None:
        """The columns after the first as wide as their heading and the text of the rows in sight (the
        rows below, read only when scrolled to, are elided if longer)."""
        model, header = self._table.model(), self._table.horizontalHeader()
        metrics = self._table.fontMetrics()
        last_in_sight = self._table.rowAt(self._table.viewport().height() - 1)
        shown = model.rowCount() if last_in_sight < 0 else last_in_sight + 1
        for column in range(1, header.count()):
            texts = (model.index(row, column).data() for row in range(shown))
            widest = max((metrics.horizontalAdvance(str(text)) for text in texts if text), default=0)
            header.resizeSection(column, max(header.sectionSizeHint(column), widest + CELL_PADDING))
        self.fit()

    def fit(self) -> None:
        header = self._table.horizontalHeader()
        widths = [header.sectionSize(column) for column in range(1, header.count())]
        room = self._table.viewport().width() - sum(widths)
        if room < self._minimum and widths:
            room = self._table.viewport().width() - sum(widths[:-1])
        header.resizeSection(0, max(self._minimum, room))
