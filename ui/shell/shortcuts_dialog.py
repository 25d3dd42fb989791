"""Help → Keyboard shortcuts: every shortcut of the window, read from its actions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ui.kit.retranslate import follow_language

__all__ = ["ShortcutsDialog"]


class ShortcutsDialog(QDialog):
    """Every shortcut of the window, read from the actions themselves so the list is never stale."""

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self._actions = list(actions)
        self.rows: list[tuple[str, str]] = []
        self.table = QLabel(self)
        self.table.setObjectName("shortcutsTable")
        self.table.setTextFormat(Qt.TextFormat.RichText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        # The window's actions are worded again first: it hears of the change before its dialogs.
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows: list[tuple[str, str]] = [
            (
                action.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
                action.text().replace("&", ""),
            )
            for action in self._actions
            if not action.shortcut().isEmpty() and action.isVisible()
        ]
        rows += [
            (self.tr("↑ / ↓"), self.tr("In the search field: choose a result")),
            (self.tr("Page Up / Page Down"), self.tr("In the search field: move ten results")),
            (self.tr("Enter"), self.tr("Open the chosen file (or the only result)")),
            (self.tr("Esc"), self.tr("In the search field: clear it")),
            (
                QKeySequence(QKeySequence.StandardKey.Save).toString(QKeySequence.SequenceFormat.NativeText),
                self.tr("Details tab: save the changes"),
            ),
            (self.tr("Alt + underlined letter"), self.tr("Go to that field or button")),
        ]
        table = "".join(
            f"<tr><td style='padding-right:1.5em'><b>{keys}</b></td><td>{what}</td></tr>"
            for keys, what in rows
        )
        self.table.setText(f"<table>{table}</table>")
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.rows = rows
