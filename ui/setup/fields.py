"""Labelled fields with their problem written right under each, as every set-up page lays them out."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.domain.errors import ValidationError
from ui.kit.forms import InlineErrors, make_error_label

__all__ = ["LabelledFields", "line_edit"]

W = TypeVar("W", bound=QWidget)


def line_edit(parent: QWidget, max_length: int, *, password: bool = False) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setMaxLength(max_length)
    if password:
        edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class LabelledFields:
    """A form layout of named fields; the core's messages go under the field they name."""

    def __init__(self, owner: QWidget) -> None:
        self._owner = owner
        self.layout = QFormLayout()
        self.layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.errors = InlineErrors()
        self._labels: dict[str, QLabel] = {}
        self._last: QWidget | None = None

    def add(self, name: str, editor: W) -> W:
        editor.setObjectName(f"field_{name}")
        box = QWidget(self._owner)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        error = make_error_label(box)
        column.addWidget(editor)
        column.addWidget(error)
        label = QLabel(self._owner)
        label.setBuddy(editor)
        self._labels[name] = label
        self.layout.addRow(label, box)
        self.errors.add(name, editor, error)
        if self._last is not None:
            QWidget.setTabOrder(self._last, editor)
        self._last = editor
        return editor

    def set_texts(self, name: str, label: str, accessible: str) -> None:
        self._labels[name].setText(label)
        self.errors.editor(name).setAccessibleName(accessible)

    def label(self, name: str) -> QLabel:
        return self._labels[name]

    def message(self, name: str) -> str:
        return self.errors.message(name)

    def show_error(self, error: ValidationError | None) -> QWidget | None:
        """Show the messages (kept in the staff language); focus and return the first field concerned."""
        first = self.errors.show_error(error)
        if first is not None:
            first.setFocus()
        return first
