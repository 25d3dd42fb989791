"""Step 5 of the import: what the check found, the manager's word on each possible duplicate, the
consent confirmation, then (after the final step) what was created.

A possible duplicate is shown beside the person on file it may be; "Same person" skips the row,
"Different person" creates it, and a row left undecided is not created. A consent column is imported
only when the manager ticks the box saying the evidence is the clinic's own (never ticked for them).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.import_records import ImportResult, ImportRow, StagedImport
from ui.imports.row_words import identity_text
from ui.kit.i18n import format_number
from ui.kit.retranslate import follow_language

__all__ = ["DuplicateRow", "ResultsPage"]

# The decision list's items, by their data.
_UNDECIDED, _SAME, _DIFFERENT = "undecided", "same", "different"


@dataclass(frozen=True)
class DuplicateRow:
    """A possible duplicate and who it may be: the people on file ("000123 · Tremblay, Marie ·
    1980-05-17") or an earlier row of the file."""

    row: ImportRow
    on_file: tuple[str, ...]


class ResultsPage(QWidget):
    decisions_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importResultsPage")
        self._staged: StagedImport | None = None
        self._result: ImportResult | None = None
        self._duplicates: list[DuplicateRow] = []
        self._decisions: dict[int, QComboBox] = {}

        self.counts = QLabel(self)
        self.counts.setObjectName("importCounts")
        self.counts.setWordWrap(True)
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        self.counts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.duplicates_intro = QLabel(self)
        self.duplicates_intro.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("importDuplicates")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        # Rows as tall as their wrapped text at the widths the columns end up with (not at the first layout's).
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The decision lists take the keyboard focus themselves; the table's cells have nothing to do.
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.consent = QCheckBox(self)
        self.consent.setObjectName("importConsentIsOwn")
        self.consent.setChecked(False)
        self.consent_note = QLabel(self)
        self.consent_note.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.duplicates_intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.consent)
        layout.addWidget(self.consent_note)
        self._show_parts()
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("In your file"), self.tr("Already on file"), self.tr("Decision")]
        )
        self.table.setAccessibleName(self.tr("Possible duplicates to decide"))
        self.duplicates_intro.setText(
            self.tr(
                "These rows may be clients already on file (same name and date of birth, or same NAM). "
                "Say for each one whether it is the same person (the row is skipped) or a different "
                "person (a new file is created). A row left undecided is not created."
            )
        )
        self.consent.setText(self.tr("This consent evidence is the clinic's own"))
        self.consent.setAccessibleName(self.consent.text())
        self.consent_note.setText(
            self.tr(
                "%n row(s) of the file state a consent to appointment reminders. Tick only if these consents "
                "were collected by this clinic and it can show how. Left unticked, the clients are created "
                "without consent, to be asked at their next visit.",
                "",
                self._staged.with_consent if self._staged is not None else 0,
            )
        )
        for combo in self._decisions.values():
            for index, text in enumerate(
                (
                    self.tr("Not decided (not created)"),
                    self.tr("Same person (skip the row)"),
                    self.tr("Different person (create a file)"),
                )
            ):
                combo.setItemText(index, text)
            combo.setAccessibleName(self.tr("Decision"))
        self._say_counts()

    # ------------------------------------------------------------ what the check found

    def show_staged(self, staged: StagedImport, duplicates: Sequence[DuplicateRow]) -> None:
        """The staged import, its possible duplicates to decide, and the consent box when rows of the
        file state a consent."""
        consent = staged.with_consent > 0
        self._staged, self._result = staged, None
        self._duplicates = list(duplicates)
        self._decisions = {}
        self.table.setRowCount(len(self._duplicates))
        for index, duplicate in enumerate(self._duplicates):
            number = duplicate.row.row_number
            self.table.setItem(index, 0, QTableWidgetItem(str(number)))
            self.table.setItem(index, 1, QTableWidgetItem(identity_text(duplicate.row)))
            self.table.setItem(index, 2, QTableWidgetItem("\n".join(duplicate.on_file)))
            combo = QComboBox(self.table)
            combo.setObjectName(f"importDecision_{number}")
            for data in (_UNDECIDED, _SAME, _DIFFERENT):
                combo.addItem("", data)
            if duplicate.row.same_person is not None:
                combo.setCurrentIndex(1 if duplicate.row.same_person else 2)
            combo.currentIndexChanged.connect(lambda _index: self.decisions_changed.emit())
            self.table.setCellWidget(index, 3, combo)
            self._decisions[number] = combo
        self.consent.setChecked(False)
        self.consent.setEnabled(True)
        self.consent.setVisible(consent)
        self.consent_note.setVisible(consent)
        self.retranslate()
        self._show_parts()

    def show_result(self, result: ImportResult) -> None:
        """The final step is done: the counts of what was created; nothing is decided any more."""
        self._result = result
        for combo in self._decisions.values():
            combo.setEnabled(False)
        self.consent.setEnabled(False)
        # What was asked before the final step no longer applies; the choices stay in view, greyed.
        self.duplicates_intro.hide()
        self.consent_note.hide()
        self._say_counts()

    def _show_parts(self) -> None:
        any_duplicate = bool(self._duplicates)
        self.duplicates_intro.setVisible(any_duplicate and self._result is None)
        self.table.setVisible(any_duplicate)

    def decide(self, row_number: int, same_person: bool | None) -> None:
        combo = self._decisions[row_number]
        combo.setCurrentIndex(0 if same_person is None else 1 if same_person else 2)

    def decisions(self) -> dict[int, bool]:
        """The rows decided: row number → same person."""
        chosen = {number: combo.currentData() for number, combo in self._decisions.items()}
        return {number: data == _SAME for number, data in chosen.items() if data != _UNDECIDED}

    def consent_confirmed(self) -> bool:
        return self.consent.isVisible() and self.consent.isChecked()

    def to_create(self) -> int:
        """The files the final step will create with the decisions as they stand."""
        if self._staged is None:
            return 0
        return self._staged.ok + sum(1 for same in self.decisions().values() if not same)

    def _say_counts(self) -> None:
        result, staged = self._result, self._staged
        n = format_number
        if result is not None:
            lines = [
                self.tr("%n client file(s) created.", "", result.created),
                self.tr(
                    "Skipped: {same} same person, {undecided} not decided, {already} already imported."
                ).format(
                    same=n(result.skipped_same_person),
                    undecided=n(result.undecided),
                    already=n(result.already_imported),
                ),
                self.tr("%n row(s) in error, not imported.", "", result.errors),
            ]
            if result.consents_recorded:
                lines.append(self.tr("%n consent(s) recorded as imported.", "", result.consents_recorded))
            if result.first_file_number:
                lines.append(
                    self.tr("File numbers {first} to {last}.").format(
                        first=result.first_file_number, last=result.last_file_number
                    )
                )
            self.counts.setText("\n".join(lines))
        elif staged is not None:
            lines = [
                self.tr("{rows} rows checked in {file}.").format(rows=n(staged.rows), file=staged.file_name),
                self.tr("%n row(s) ready to create.", "", staged.ok),
                self.tr("%n possible duplicate(s) to decide.", "", staged.possible_duplicates),
                self.tr(
                    "%n row(s) in error, not imported: save the error report to correct them.",
                    "",
                    staged.errors,
                ),
            ]
            if staged.already_imported:
                lines.append(
                    self.tr("%n row(s) already imported before, skipped.", "", staged.already_imported)
                )
            self.counts.setText("\n".join(lines))
        else:
            self.counts.setText("")
