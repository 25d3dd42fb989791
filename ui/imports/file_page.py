"""Step 1 of the import: the file, and how it is read (encoding, separator, date order).

What was detected is chosen in each list and said so; the manager may change any of them and the
wizard reads the file again with the new choice (off the GUI thread, by the wizard).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.import_messages import ImportWords
from desktop.domain.import_records import ENCODINGS, SEPARATORS, DateOrder, FileOptions
from ui.imports.reading import FileReading
from ui.kit.i18n import current_language, format_number
from ui.kit.retranslate import follow_language

__all__ = ["FilePage"]

_ORDER_WORDS = {
    DateOrder.YMD: ImportWords.order_ymd,
    DateOrder.DMY: ImportWords.order_dmy,
    DateOrder.MDY: ImportWords.order_mdy,
}


class FilePage(QWidget):
    path_chosen = Signal()
    """The manager chose a file with Browse: the wizard reads it."""
    options_changed = Signal()
    """The encoding or the separator changed: the wizard reads the headers again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importFilePage")
        self._reading: FileReading | None = None

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.path = QLineEdit(self)
        self.path.setObjectName("importPath")
        self.browse_button = QPushButton(self)
        self.browse_button.setObjectName("importBrowse")
        self.browse_button.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.browse_button)

        self.encoding = QComboBox(self)
        self.encoding.setObjectName("importEncoding")
        for encoding in ENCODINGS:
            self.encoding.addItem("", encoding)
        self.separator = QComboBox(self)
        self.separator.setObjectName("importSeparator")
        for separator in SEPARATORS:
            self.separator.addItem("", separator)
        self.date_order = QComboBox(self)
        self.date_order.setObjectName("importDateOrder")
        for order in DateOrder:
            self.date_order.addItem("", order.value)
        for combo in (self.encoding, self.separator):
            combo.activated.connect(lambda _index: self.options_changed.emit())
        for combo in (self.encoding, self.separator, self.date_order):
            combo.setEnabled(False)

        self.summary = QLabel(self)
        self.summary.setObjectName("importFileSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._labels: list[QLabel] = []
        for editor, buddy in (
            (path_row, self.path),
            (self.encoding, self.encoding),
            (self.separator, self.separator),
            (self.date_order, self.date_order),
        ):
            label = QLabel(self)
            label.setBuddy(buddy)
            self._labels.append(label)
            form.addRow(label, editor)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "Choose the client list to bring in: a CSV file saved from a spreadsheet or exported by "
                "the clinic's former system. FrontDesk reads how it is written; check each choice below "
                "and change it if the names in the next steps look wrong."
            )
        )
        for label, text in zip(
            self._labels,
            (self.tr("&File"), self.tr("&Encoding"), self.tr("&Separator"), self.tr("&Date order")),
            strict=True,
        ):
            label.setText(text)
        self.path.setAccessibleName(self.tr("File to import"))
        self.path.setPlaceholderText(self.tr("The client list (.csv, .txt)"))
        self.browse_button.setText(self.tr("&Browse…"))
        self.browse_button.setAccessibleName(self.tr("Choose the file to import"))
        self.encoding.setAccessibleName(self.tr("Encoding of the file"))
        self.separator.setAccessibleName(self.tr("Column separator"))
        self.date_order.setAccessibleName(self.tr("Order of the dates in the file"))
        self._name_choices()
        self._describe()

    def _name_choices(self) -> None:
        detected = self._reading.analysis.detected if self._reading is not None else None
        encodings = {
            "utf-8-sig": self.tr("UTF-8 with byte-order mark"),
            "utf-8": self.tr("UTF-8"),
            "cp1252": self.tr("Windows-1252 (Excel on Windows, older systems)"),
        }
        separators = {",": self.tr("Comma ( , )"), ";": self.tr("Semicolon ( ; )"), "\t": self.tr("Tab")}
        language = current_language()
        for combo, words, found in (
            (self.encoding, encodings, detected.encoding if detected else None),
            (self.separator, separators, detected.separator if detected else None),
            (
                self.date_order,
                {order.value: text.get(language) for order, text in _ORDER_WORDS.items()},
                detected.date_order.value if detected else None,
            ),
        ):
            for index in range(combo.count()):
                value = combo.itemData(index)
                text = words[value]
                if value == found:
                    text = self.tr("{choice} — detected").format(choice=text)
                combo.setItemText(index, text)

    def _describe(self) -> None:
        reading = self._reading
        if reading is None:
            self.summary.setText("")
            return
        self.summary.setText(
            "\n".join(
                (
                    self.tr("{file}: %n client row(s).", "", reading.row_count).format(
                        file=reading.analysis.file_name
                    ),
                    self.tr("Columns ({count}): {headers}").format(
                        count=format_number(len(reading.headers)), headers=" · ".join(reading.headers)
                    ),
                    self.tr("SHA-256 of the file: {sha256}").format(sha256=reading.analysis.sha256),
                )
            )
        )

    # ------------------------------------------------------------ the file and its reading

    def chosen_path(self) -> Path | None:
        text = self.path.text().strip()
        return Path(text).expanduser() if text else None

    def browse(self) -> None:
        start = self.path.text().strip() or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the client list to import"),
            start,
            self.tr("Client lists (*.csv *.txt *.tsv);;All files (*)"),
        )
        if chosen:
            self.path.setText(chosen)
            self.path_chosen.emit()

    def options(self) -> FileOptions:
        return FileOptions(
            encoding=str(self.encoding.currentData()),
            separator=str(self.separator.currentData()),
            date_order=DateOrder(self.date_order.currentData()),
        )

    def set_options(self, options: FileOptions) -> None:
        self.encoding.setCurrentIndex(self.encoding.findData(options.encoding))
        self.separator.setCurrentIndex(self.separator.findData(options.separator))
        self.date_order.setCurrentIndex(self.date_order.findData(options.date_order.value))

    @property
    def reading(self) -> FileReading | None:
        return self._reading

    def show_reading(self, reading: FileReading | None) -> None:
        """The file as read with the options chosen; None forgets it (another file is being chosen)."""
        first = reading is not None and (
            self._reading is None or self._reading.analysis.sha256 != reading.analysis.sha256
        )
        self._reading = reading
        for combo in (self.encoding, self.separator, self.date_order):
            combo.setEnabled(reading is not None)
        if reading is not None and first:
            self.set_options(reading.options)
        self._name_choices()
        self._describe()
