"""Go to a date: typed as the desk writes dates (the one date reader), the day understood shown back."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.domain.dates import DATE_FORMS, UnreadableDateError, date_in_words, parse_date
from ui.kit.errors import error_text
from ui.kit.i18n import current_language, format_date
from ui.kit.retranslate import follow_language

__all__ = ["GoToDateDialog"]


class GoToDateDialog(QDialog):
    """``chosen()`` is the date typed, once accepted."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("goToDateDialog")
        self._chosen: date | None = None
        self.prompt = QLabel(self)
        self.field = QLineEdit(self)
        self.field.setObjectName("goToDate")
        self.field.setText(format_date(today))
        self.field.selectAll()
        self.prompt.setBuddy(self.field)
        self.understood = QLabel(self)
        self.understood.setObjectName("goToDateUnderstood")
        self.understood.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.field)
        layout.addWidget(self.understood)
        layout.addWidget(self.buttons)
        self.field.textChanged.connect(lambda _text: self._read())
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Go to a date"))
        self.prompt.setText(self.tr("&Date ({forms}):").format(forms=DATE_FORMS.get(current_language())))
        self._read()

    def _read(self) -> date | None:
        """Say back the day understood, or why the text is not a date."""
        try:
            day = parse_date(self.field.text())
        except UnreadableDateError as error:
            self.understood.setText(error_text(error) if self.field.text().strip() else "")
            return None
        self.understood.setText(date_in_words(day, current_language()))
        return day

    def chosen(self) -> date | None:
        return self._chosen

    def accept(self) -> None:
        day = self._read()
        if day is None:
            self.field.setFocus()
            return
        self._chosen = day
        super().accept()
