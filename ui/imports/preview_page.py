"""Step 3 of the import: the first rows as they will be saved, each with its state and its problems.

The values are the cleaned ones (as a typed entry would be saved); a value where the encoding lost a
letter is marked. Nothing is written yet: the service only reads the file and the clients on record.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from desktop.domain.import_messages import FIELD_LABELS
from desktop.domain.import_records import ColumnMapping, ImportField, ImportRow, RowStatus
from ui.imports.row_words import problems_text, status_text, status_tone
from ui.kit.forms import em
from ui.kit.i18n import current_language
from ui.kit.models import Column, RecordTableModel
from ui.kit.retranslate import follow_language
from ui.kit.tables import record_table

__all__ = ["PreviewPage"]

_PROBLEMS = 2


class PreviewPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPreviewPage")
        self._rows: list[ImportRow] = []
        self._fields: list[ImportField] = []
        self._total = 0

        self.intro = QLabel(self)
        self.intro.setObjectName("importPreviewIntro")
        self.intro.setWordWrap(True)
        self.model: RecordTableModel[ImportRow] = RecordTableModel(self._columns(), self)
        self.table = record_table(self.model, self, "importPreview")
        self.table.setWordWrap(True)
        self._size_columns()
        self.tally = QLabel(self)
        self.tally.setObjectName("importPreviewTally")
        self.tally.setWordWrap(True)
        self.tally.setTextFormat(Qt.TextFormat.PlainText)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.tally)
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        self.table.setAccessibleName(self.tr("The first rows as they will be saved"))
        self._say()
        self.model.retranslate(self._columns())

    def _columns(self) -> list[Column[ImportRow]]:
        language = current_language()

        def value(field: ImportField) -> Column[ImportRow]:
            def flagged_tone(row: ImportRow) -> str | None:
                return "warning" if field in row.flagged else None

            return Column(
                FIELD_LABELS[field].get(language),
                lambda row: row.values.get(field, ""),
                tooltip=lambda row: (
                    self.tr("A letter may be lost here: check the encoding.") if field in row.flagged else ""
                ),
                tone=flagged_tone,
            )

        return [
            Column(self.tr("Row"), lambda row: str(row.row_number)),
            Column(
                self.tr("State"),
                lambda row: status_text(row.status),
                tone=lambda row: status_tone(row.status),
                bold=lambda row: row.status == RowStatus.ERROR,
            ),
            Column(self.tr("Problems"), problems_text, tooltip=problems_text),
            *(value(field) for field in self._fields),
        ]

    def _say(self) -> None:
        self.intro.setText(
            self.tr(
                "The first %n row(s) of the file, as they will be saved. Nothing is written yet: the next "
                "step checks every row.",
                "",
                len(self._rows),
            )
        )
        errors = sum(1 for row in self._rows if row.status == RowStatus.ERROR)
        duplicates = sum(1 for row in self._rows if row.status == RowStatus.POSSIBLE_DUPLICATE)
        lines = [self.tr("The file holds %n client row(s) in all.", "", self._total)]
        if errors:
            lines.append(
                self.tr("%n of the rows shown will not be imported: see their problems.", "", errors)
            )
        if duplicates:
            lines.append(
                self.tr(
                    "%n of the rows shown may be clients already on file: you decide at the end.",
                    "",
                    duplicates,
                )
            )
        self.tally.setText("\n".join(lines))

    def show_rows(self, rows: Sequence[ImportRow], mapping: ColumnMapping, total: int) -> None:
        self._rows = list(rows)
        self._total = total
        self._fields = [field for field in ImportField if mapping.header_for(field)]
        self.model = RecordTableModel(self._columns(), self)
        self.model.set_records(self._rows)
        old = self.table.model()
        self.table.setModel(self.model)
        if old is not None and old is not self.model:
            old.deleteLater()
        self._size_columns()
        self.table.resizeRowsToContents()
        self._say()

    def _size_columns(self) -> None:
        """The values as wide as they are; the problems (third column) wrapped in a column of their own."""
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if self.model.columnCount() > _PROBLEMS:
            header.setSectionResizeMode(_PROBLEMS, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(_PROBLEMS, em(self, 28))

    def rows(self) -> list[ImportRow]:
        return list(self._rows)
