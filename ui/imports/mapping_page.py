"""Step 2 of the import: which column of the file holds each FrontDesk field.

Each field offers the file's headers; the choice starts from the mapping used last time for a file with
the same headers (the service remembers it), else from the headers' names. A field left at "not
imported" stays empty in the files created; the three the service requires are marked.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.domain.import_messages import FIELD_LABELS
from desktop.domain.import_records import REQUIRED_FIELDS, ColumnMapping, ImportField
from ui.imports.reading import FileReading
from ui.kit.i18n import current_language
from ui.kit.retranslate import follow_language

__all__ = ["MappingPage"]


class MappingPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importMappingPage")
        self._remembered = False
        self._headers: tuple[str, ...] = ()
        self._sha256 = ""

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.source = QLabel(self)
        self.source.setObjectName("importMappingSource")
        self.source.setWordWrap(True)

        self.combos: dict[ImportField, QComboBox] = {}
        self._labels: dict[ImportField, QLabel] = {}
        fields = QWidget(self)
        form = QFormLayout(fields)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in ImportField:
            combo = QComboBox(fields)
            combo.setObjectName(f"importColumn_{field.value}")
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(18)
            label = QLabel(fields)
            label.setBuddy(combo)
            self.combos[field] = combo
            self._labels[field] = label
            form.addRow(label, combo)
        scroll = QScrollArea(self)
        scroll.setWidget(fields)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.source)
        layout.addWidget(scroll, 1)
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "For each field of the client file, choose the column of your file that holds it. Fields "
                "marked * are needed. The consent fields are imported only with a date, a method and the "
                "channels, and only if you confirm at the end that this evidence is the clinic's own."
            )
        )
        self._say_source()
        language = current_language()
        for field, label in self._labels.items():
            name = FIELD_LABELS[field].get(language)
            label.setText(f"{name} *" if field in REQUIRED_FIELDS else name)
            combo = self.combos[field]
            combo.setAccessibleName(self.tr("Column for {field}").format(field=name))
            combo.setItemText(0, self.tr("— not imported —"))

    def _say_source(self) -> None:
        if not self._headers:
            self.source.setText("")
        elif self._remembered:
            self.source.setText(self.tr("The columns chosen at the last import of a file like this one."))
        else:
            self.source.setText(self.tr("The columns were matched from their names: check each one."))

    def show_columns(self, reading: FileReading) -> None:
        """The file's headers in every list, each field set to what was remembered or guessed. A choice
        the manager made stays while the file still has that column."""
        # The same file read with other options keeps what was chosen; another file starts afresh.
        same_file = reading.analysis.sha256 == self._sha256
        kept = self.mapping().columns if self._headers and same_file else {}
        self._sha256 = reading.analysis.sha256
        start = reading.remembered if reading.remembered is not None else reading.guessed
        self._remembered = reading.remembered is not None and not kept
        self._headers = reading.headers
        for field, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("— not imported —"), None)
            for header in reading.headers:
                if header:
                    combo.addItem(header, header)
            wanted = kept.get(field) if kept else start.header_for(field)
            index = combo.findData(wanted) if wanted else 0
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)
        self._say_source()

    def mapping(self) -> ColumnMapping:
        columns = {
            field: str(combo.currentData()) for field, combo in self.combos.items() if combo.currentData()
        }
        return ColumnMapping(columns)

    def choose(self, field: ImportField, header: str | None) -> None:
        combo = self.combos[field]
        combo.setCurrentIndex(max(combo.findData(header), 0) if header else 0)

    def missing(self) -> list[ImportField]:
        """The required fields no column was chosen for."""
        mapping = self.mapping()
        return [field for field in REQUIRED_FIELDS if mapping.header_for(field) is None]

    def focus_field(self, field: ImportField) -> None:
        self.combos[field].setFocus(Qt.FocusReason.OtherFocusReason)
