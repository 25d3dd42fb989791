"""How the booking and opt-out forms say something went wrong: a red line beside the input concerned,
and a banner above the form for what belongs to no single input."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeAlias

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from desktop.domain.errors import FieldError
from ui.kit.i18n import current_language

__all__ = [
    "ALERT_COLOUR",
    "BANNER_ERROR",
    "BANNER_INFO",
    "Message",
    "as_maker",
    "error_label",
    "field_message",
]

# Readable on the default light palette; the words always say the same as the colour.
ALERT_COLOUR = "#b71c1c"
BANNER_ERROR = "background: #fdecea; color: #8a1c1c; border: 1px solid #e0a8a8; padding: 6px;"
BANNER_INFO = "background: #e8f0fe; color: #1a3d7c; border: 1px solid #a8bfe0; padding: 6px;"

# A message shown to the staff: a function making it in the staff language of the moment (so it is said
# again when the language changes), or a fixed text.
Message: TypeAlias = Callable[[], str] | str


def as_maker(message: Message) -> Callable[[], str]:
    """``message`` as a function making its text."""
    if isinstance(message, str):
        return lambda: message
    return message


def field_message(problem: FieldError) -> Callable[[], str]:
    """A problem the service found with one field, said in the staff language of the moment."""
    return lambda: problem.message(current_language())


def error_label(parent: QWidget, name: str, accessible: str = "") -> QLabel:
    """A red message shown beside an input, hidden until there is something to say."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if accessible:
        label.setAccessibleName(accessible)
    label.setStyleSheet(f"color: {ALERT_COLOUR}; font-weight: bold;")
    label.hide()
    return label
