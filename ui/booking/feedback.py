"""How the booking and opt-out forms say something went wrong: a red line beside the input concerned,
and a banner above the form for what belongs to no single input."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

__all__ = ["ALERT_COLOUR", "BANNER_ERROR", "BANNER_INFO", "error_label"]

#: Readable on the default light palette; the words always say the same as the colour.
ALERT_COLOUR = "#b71c1c"
BANNER_ERROR = "background: #fdecea; color: #8a1c1c; border: 1px solid #e0a8a8; padding: 6px;"
BANNER_INFO = "background: #e8f0fe; color: #1a3d7c; border: 1px solid #a8bfe0; padding: 6px;"


def error_label(parent: QWidget, name: str, accessible: str) -> QLabel:
    """A red message shown beside an input, hidden until there is something to say."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAccessibleName(accessible)
    label.setStyleSheet(f"color: {ALERT_COLOUR}; font-weight: bold;")
    label.hide()
    return label
