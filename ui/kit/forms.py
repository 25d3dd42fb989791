"""Forms with their problems written right under the field concerned.

Validation belongs to the core (it raises ``ValidationError`` with one ``FieldError`` per field); the
window only shows those messages next to the right field, keeps everything that was typed, and puts
the cursor on the first field to correct. The client form itself is :mod:`ui.kit.client_form`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from desktop.domain.enums import Language
from desktop.domain.errors import ValidationError
from ui.kit.errors import field_messages
from ui.kit.i18n import current_language
from ui.kit.retranslate import follow_language

__all__ = [
    "PROVINCES",
    "InlineErrors",
    "chain_tab_order",
    "em",
    "error_messages",
    "fit_height",
    "make_error_label",
    "set_invalid",
]

PROVINCES = ("QC", "ON", "NB", "NS", "PE", "NL", "MB", "SK", "AB", "BC", "YT", "NT", "NU")


def em(widget: QWidget, count: float) -> int:
    """``count`` times the width of "M" in the widget's font: sizes that follow the font and scaling."""
    return int(widget.fontMetrics().horizontalAdvance("M") * count)


def fit_height(window: QWidget) -> None:
    """Grow ``window`` to the height its wrapped sentences need at its current width (never shrink it).

    A window sized once at start-up otherwise squeezes a message that appears later into one line."""
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    width = window.width()
    needed = (
        layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
    )
    if needed > window.height():
        window.resize(width, needed)


def chain_tab_order(*widgets: QWidget) -> None:
    """Tab moves through ``widgets`` in the order given."""
    for before, after in zip(widgets, widgets[1:], strict=False):
        QWidget.setTabOrder(before, after)


def make_error_label(parent: QWidget | None = None) -> QLabel:
    """An empty, hidden label that shows one field's problem in words."""
    label = QLabel(parent)
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    label.hide()
    return label


def set_invalid(editor: QWidget, invalid: bool) -> None:
    """Mark an editor for the style sheet (red border) without touching what it contains."""
    if bool(editor.property("invalid")) == invalid:
        return
    editor.setProperty("invalid", invalid)
    editor.style().unpolish(editor)
    editor.style().polish(editor)


# A message shown under a field: a sentence, or how to make it again in the staff language.
Message = str | Callable[[], str]


class InlineErrors:
    """Field names mapped to their editor and error label, in the order the person reads them.

    Messages given as a :class:`ValidationError` (:meth:`show_error`) or as callables are made again in
    the new language when the staff language changes; plain strings stay as given.
    """

    def __init__(self) -> None:
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        self._shown: Mapping[str, Message] = {}

    def add(self, name: str, editor: QWidget, label: QLabel) -> None:
        if not self._fields:
            # Every widget receives the language change; the first error label carries it to the messages.
            follow_language(label, self.retranslate, now=False)
        self._fields[name] = (editor, label)

    def editor(self, name: str) -> QWidget:
        return self._fields[name][0]

    def message(self, name: str) -> str:
        label = self._fields[name][1]
        return label.text() if not label.isHidden() else ""

    def clear(self) -> None:
        self.show({})

    def show(self, messages: Mapping[str, Message]) -> QWidget | None:
        """Show these messages (hide the others); return the first editor with a problem."""
        self._shown = dict(messages)
        first: QWidget | None = None
        for name, (editor, label) in self._fields.items():
            message = messages.get(name, "")
            text = message() if callable(message) else message
            label.setText(text)
            label.setVisible(bool(text))
            set_invalid(editor, bool(text))
            editor.setAccessibleDescription(text)
            if text and first is None:
                first = editor
        return first

    def show_error(self, error: ValidationError | None) -> QWidget | None:
        """Show the core's messages for ``error`` (None: no problem), kept in the staff language."""
        return self.show(error_messages(error) if error is not None else {})

    def retranslate(self) -> None:
        """Make the messages shown again in the staff language (what is typed is not touched)."""
        if self._shown:
            self.show(self._shown)

    def unplaced(self, messages: Mapping[str, Message]) -> dict[str, str]:
        """Messages for fields this form does not have (shown elsewhere, never dropped)."""
        return {
            name: text() if callable(text) else text
            for name, text in messages.items()
            if name not in self._fields
        }


def error_messages(error: ValidationError) -> dict[str, Callable[[], str]]:
    """One message per field, each made in the staff language of the moment it is shown."""

    def message_of(name: str) -> Callable[[], str]:
        return lambda: field_messages(error, current_language())[name]

    return {name: message_of(name) for name in dict.fromkeys(problem.field for problem in error.errors)}


def place_errors(labels: Mapping[str, QLabel], error: ValidationError, language: Language) -> list[str]:
    """Each problem under its field's label; the messages of fields with no label, to be shown
    elsewhere (never dropped)."""
    unplaced: list[str] = []
    for problem in error.errors:
        text = problem.message(language)
        label = labels.get(problem.field)
        if label is None:
            unplaced.append(text)
            continue
        label.setText(text)
        label.show()
    return unplaced
