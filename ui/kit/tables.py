"""The one way a list of records is shown: whole rows picked one at a time, read-only, one line each."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

__all__ = ["record_table"]


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
