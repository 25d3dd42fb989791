"""Someone else saved the same client file while this person was editing it.

Both versions are shown side by side, differences marked in words (not only in colour). The person
keeps theirs (saved over the newer version) or takes the stored one; until they choose, everything
they typed stays in the form.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.records import ClientDraft, ClientRecord
from ui.kit.client_form import CLIENT_FIELDS, client_field_titles, client_field_values
from ui.kit.i18n import format_datetime
from ui.kit.retranslate import follow_language

__all__ = ["ConflictChoice", "ConflictDialog"]


class ConflictChoice(Enum):
    KEEP_MINE = "keep_mine"
    TAKE_STORED = "take_stored"
    KEEP_EDITING = "keep_editing"


class _Row:
    """One field of the comparison: the ≠ marker, the field's title and both versions."""

    def __init__(self, parent: QWidget) -> None:
        self.marker = QLabel(parent)
        self.title = QLabel(parent)
        self.mine = QLabel(parent)
        self.stored = QLabel(parent)
        for label in (self.mine, self.stored):
            label.setTextFormat(Qt.TextFormat.PlainText)  # what people typed is never markup
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)


class ConflictDialog(QDialog):
    """Shown with ``open()`` (never blocks); read :attr:`choice` when ``finished`` is emitted.

    ``message`` says what happened: a sentence, or how to make it in the staff language of the moment
    (then it follows a change of language like the rest of the dialog).
    """

    def __init__(
        self,
        mine: ClientDraft,
        stored: ClientRecord,
        message: str | Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setModal(True)
        self.choice = ConflictChoice.KEEP_EDITING
        self.mine = mine
        self.stored = stored
        self._message = message

        self.intro = QLabel(self)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setObjectName("conflictMessage")
        self.intro.setWordWrap(True)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)

        self.differences = self._comparison_grid(mine, stored)

        buttons = QDialogButtonBox(self)
        self.keep_mine_button = QPushButton(self)
        self.take_stored_button = QPushButton(self)
        self.keep_editing_button = QPushButton(self)
        buttons.addButton(self.keep_mine_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.take_stored_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.keep_editing_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.keep_mine_button.clicked.connect(lambda: self._choose(ConflictChoice.KEEP_MINE))
        self.take_stored_button.clicked.connect(lambda: self._choose(ConflictChoice.TAKE_STORED))
        self.keep_editing_button.clicked.connect(lambda: self._choose(ConflictChoice.KEEP_EDITING))
        self.keep_editing_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.explanation)
        layout.addWidget(self._grid_widget)
        layout.addWidget(buttons)
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        """Every word of the dialog, and both versions as the staff language writes them."""
        self.setWindowTitle(self.tr("This file was changed by someone else"))
        message = self._message
        self.intro.setText(message() if callable(message) else message)
        self.explanation.setText(
            self.tr(
                "Compare both versions. Fields marked ≠ differ. Keep yours to save it over the stored "
                "version, or take the stored version and drop your changes."
            )
        )
        self.keep_mine_button.setText(self.tr("&Keep my version and save"))
        self.take_stored_button.setText(self.tr("&Use the stored version"))
        self.keep_editing_button.setText(self.tr("Cancel and keep &editing"))
        for button in (self.keep_mine_button, self.take_stored_button, self.keep_editing_button):
            button.setAccessibleName(button.text().replace("&", ""))
        stored = self.stored
        self._yours_heading.setText(self.tr("Your version"))
        self._stored_heading.setText(
            self.tr("Stored version\n(by {who}, {when})").format(
                who=stored.updated_by, when=format_datetime(stored.updated_at)
            )
        )
        yours = client_field_values(self.mine)
        theirs = client_field_values(stored.as_draft())
        titles = dict(client_field_titles())
        for field, row in self._rows.items():
            differs = field in self.differences
            row.marker.setAccessibleName(self.tr("differs") if differs else "")
            row.title.setText(titles[field])
            row.mine.setText(yours[field] or self.tr("(empty)"))
            row.stored.setText(theirs[field] or self.tr("(empty)"))

    def _comparison_grid(self, mine: ClientDraft, stored: ClientRecord) -> list[str]:
        self._grid_widget = QWidget(self)
        self._grid_widget.setObjectName("conflictGrid")
        grid = QGridLayout(self._grid_widget)
        grid.setHorizontalSpacing(18)
        # Columns: difference marker, field, your version, stored version.
        self._yours_heading = QLabel(self._grid_widget)
        self._stored_heading = QLabel(self._grid_widget)
        for column, label in ((2, self._yours_heading), (3, self._stored_heading)):
            label.setObjectName("conflictHeading")
            grid.addWidget(label, 0, column)
        yours = client_field_values(mine)
        theirs = client_field_values(stored.as_draft())
        differing: list[str] = []
        self._rows: dict[str, _Row] = {}
        for row_number, field in enumerate(CLIENT_FIELDS, start=1):
            differs = yours[field].strip() != theirs[field].strip()
            row = _Row(self._grid_widget)
            row.marker.setText("≠" if differs else "")
            for label in (row.mine, row.stored):
                label.setProperty("differs", differs)
            if differs:
                differing.append(field)
            grid.addWidget(row.marker, row_number, 0)
            grid.addWidget(row.title, row_number, 1)
            grid.addWidget(row.mine, row_number, 2)
            grid.addWidget(row.stored, row_number, 3)
            self._rows[field] = row
        grid.setColumnStretch(2, 1)
        grid.setColumnStretch(3, 1)
        return differing

    def _choose(self, choice: ConflictChoice) -> None:
        self.choice = choice
        if choice == ConflictChoice.KEEP_EDITING:
            self.reject()
        else:
            self.accept()
