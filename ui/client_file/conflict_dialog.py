"""Someone else saved the same client file while this person was editing it.

Both versions are shown side by side, differences marked in words (not only in colour). The person
keeps theirs (saved over the newer version) or takes the stored one; until they choose, everything
they typed stays in the form.
"""

from __future__ import annotations

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
from ui.kit.forms import client_field_titles, client_field_values
from ui.kit.i18n import format_datetime

__all__ = ["ConflictChoice", "ConflictDialog"]


class ConflictChoice(Enum):
    KEEP_MINE = "keep_mine"
    TAKE_STORED = "take_stored"
    KEEP_EDITING = "keep_editing"


class ConflictDialog(QDialog):
    """Shown with ``open()`` (never blocks); read :attr:`choice` when ``finished`` is emitted."""

    def __init__(
        self, mine: ClientDraft, stored: ClientRecord, message: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("This file was changed by someone else"))
        self.setModal(True)
        self.choice = ConflictChoice.KEEP_EDITING
        self.mine = mine
        self.stored = stored

        intro = QLabel(message, self)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setObjectName("conflictMessage")
        intro.setWordWrap(True)
        explanation = QLabel(
            self.tr(
                "Compare both versions. Fields marked ≠ differ. Keep yours to save it over the stored "
                "version, or take the stored version and drop your changes."
            ),
            self,
        )
        explanation.setWordWrap(True)

        self.differences = self._comparison_grid(mine, stored)

        buttons = QDialogButtonBox(self)
        self.keep_mine_button = QPushButton(self.tr("&Keep my version and save"), self)
        self.take_stored_button = QPushButton(self.tr("&Use the stored version"), self)
        self.keep_editing_button = QPushButton(self.tr("Cancel and keep &editing"), self)
        for button in (self.keep_mine_button, self.take_stored_button, self.keep_editing_button):
            button.setAccessibleName(button.text().replace("&", ""))
        buttons.addButton(self.keep_mine_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.take_stored_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.keep_editing_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.keep_mine_button.clicked.connect(lambda: self._choose(ConflictChoice.KEEP_MINE))
        self.take_stored_button.clicked.connect(lambda: self._choose(ConflictChoice.TAKE_STORED))
        self.keep_editing_button.clicked.connect(lambda: self._choose(ConflictChoice.KEEP_EDITING))
        self.keep_editing_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(explanation)
        layout.addWidget(self._grid_widget)
        layout.addWidget(buttons)

    def _comparison_grid(self, mine: ClientDraft, stored: ClientRecord) -> list[str]:
        self._grid_widget = QWidget(self)
        self._grid_widget.setObjectName("conflictGrid")
        grid = QGridLayout(self._grid_widget)
        grid.setHorizontalSpacing(18)
        header_stored = self.tr("Stored version\n(by {who}, {when})").format(
            who=stored.updated_by, when=format_datetime(stored.updated_at)
        )
        # Columns: difference marker, field, your version, stored version.
        for column, title in ((2, self.tr("Your version")), (3, header_stored)):
            label = QLabel(title, self._grid_widget)
            label.setObjectName("conflictHeading")
            grid.addWidget(label, 0, column)
        yours = client_field_values(mine)
        theirs = client_field_values(stored.as_draft())
        differing: list[str] = []
        for row, (field, title) in enumerate(client_field_titles(), start=1):
            differs = yours[field].strip() != theirs[field].strip()
            marker = QLabel("≠" if differs else "", self._grid_widget)
            marker.setAccessibleName(self.tr("differs") if differs else "")
            name = QLabel(title, self._grid_widget)
            mine_label = QLabel(yours[field] or self.tr("(empty)"), self._grid_widget)
            stored_label = QLabel(theirs[field] or self.tr("(empty)"), self._grid_widget)
            for label in (mine_label, stored_label):
                label.setTextFormat(Qt.TextFormat.PlainText)  # what people typed is never markup
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                label.setProperty("differs", differs)
            if differs:
                differing.append(field)
            grid.addWidget(marker, row, 0)
            grid.addWidget(name, row, 1)
            grid.addWidget(mine_label, row, 2)
            grid.addWidget(stored_label, row, 3)
        grid.setColumnStretch(2, 1)
        grid.setColumnStretch(3, 1)
        return differing

    def _choose(self, choice: ConflictChoice) -> None:
        self.choice = choice
        if choice == ConflictChoice.KEEP_EDITING:
            self.reject()
        else:
            self.accept()
