"""The clinic's privacy policy: the day it came (or comes) into force and four UTF-8 text files, the full
texts and the desk summaries in French and in English.

A file that cannot be used is named with the reason in the person's language; what was chosen before
stays chosen. Files are read off the GUI thread (a network folder may be slow).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from desktop.domain.errors import FieldError, FrontDeskError, ValidationError
from desktop.domain.records import PolicyDraft
from ui.kit.errors import error_words
from ui.kit.forms import InlineErrors, make_error_label
from ui.kit.i18n import current_language
from ui.kit.retranslate import follow_language
from ui.kit.worker import TaskRunner

__all__ = ["POLICY_FIELDS", "LoadedFile", "PolicyPage", "read_policy_file"]

POLICY_FIELDS = ("text_fr", "text_en", "summary_fr", "summary_en")


@dataclass(frozen=True)
class LoadedFile:
    path: Path
    text: str

    @property
    def first_line(self) -> str:
        return next((line.strip() for line in self.text.splitlines() if line.strip()), "")


def read_policy_file(path: Path) -> LoadedFile:
    """The file's text (a byte-order mark dropped); FrontDeskError naming the file when it is missing,
    unreadable, not UTF-8 or empty."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise FrontDeskError("file_unreadable", path=path.name) from error
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FrontDeskError("file_not_utf8", path=path.name, position=error.start) from error
    if not text.strip():
        raise FrontDeskError("file_empty", path=path.name)
    return LoadedFile(path, text)


class PolicyPage(QWizardPage):
    def __init__(self, runner: TaskRunner) -> None:
        super().__init__()
        self.setObjectName("policyPage")
        self._runner = runner
        self.files: dict[str, LoadedFile] = {}
        self._reading: set[str] = set()
        # A file that could not be used, said again in the staff language while it stays on screen.
        self._problems: dict[str, Callable[[], str]] = {}
        self.effective = QDateEdit(self)
        self.effective.setObjectName("field_effective_date")
        self.effective.setCalendarPopup(True)
        self.effective.setDisplayFormat("yyyy-MM-dd")
        self.effective.setDate(QDate.currentDate())
        self.effective_label = QLabel(self)
        self.effective_label.setBuddy(self.effective)
        self.effective_error = make_error_label(self)
        self.errors = InlineErrors()
        self.errors.add("effective_date", self.effective, self.effective_error)

        dates = QFormLayout()
        dates.addRow(self.effective_label, self.effective)
        dates.addRow("", self.effective_error)
        grid = QGridLayout()
        grid.setColumnStretch(2, 1)
        self.titles: dict[str, QLabel] = {}
        self.buttons: dict[str, QPushButton] = {}
        self.shown: dict[str, QLabel] = {}
        for row, name in enumerate(POLICY_FIELDS):
            title = QLabel(self)
            button = QPushButton(self)
            button.setObjectName(f"choose_{name}")
            button.clicked.connect(lambda _checked=False, name=name: self.choose(name))
            shown = QLabel(self)
            shown.setObjectName("smallPrint")
            shown.setWordWrap(True)
            error = make_error_label(self)
            self.errors.add(name, button, error)
            grid.addWidget(title, 2 * row, 0)
            grid.addWidget(button, 2 * row, 1)
            grid.addWidget(shown, 2 * row, 2)
            grid.addWidget(error, 2 * row + 1, 1, 1, 2)
            self.titles[name], self.buttons[name], self.shown[name] = title, button, shown
        self.note = QLabel(self)
        self.note.setObjectName("smallPrint")
        self.note.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(dates)
        layout.addLayout(grid)
        layout.addWidget(self.note)
        layout.addStretch(1)
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        self.setTitle(self.tr("The privacy policy"))
        self.setSubTitle(
            self.tr("The clinic's own texts, as clients read them; they are kept unchanged once saved.")
        )
        self.effective_label.setText(self.tr("In force &from"))
        self.effective.setAccessibleName(self.tr("Effective date"))
        titles = {
            "text_fr": self.tr("Full text in French"),
            "text_en": self.tr("Full text in English"),
            "summary_fr": self.tr("Desk summary in French"),
            "summary_en": self.tr("Desk summary in English"),
        }
        for name in POLICY_FIELDS:
            self.titles[name].setText(titles[name])
            self.buttons[name].setText(self.tr("Choose a file…"))
            self.buttons[name].setAccessibleName(self.tr("Choose the file: {what}").format(what=titles[name]))
            self._show_file(name)
        self.note.setText(
            self.tr(
                "Plain text files saved as UTF-8. The summary is what the desk reads to a client before "
                "asking for consent."
            )
        )
        self._show_problems()

    # ------------------------------------------------------------ the files

    def choose(self, name: str) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.titles[name].text(), "", self.tr("Text files (*.txt);;All files (*)")
        )
        if path:
            self.load(name, Path(path))

    def load(self, name: str, path: Path) -> None:
        """Read ``path`` for the slot ``name`` off the GUI thread; the slot keeps its file if this one fails."""
        self._reading.add(name)
        self.buttons[name].setEnabled(False)
        self.completeChanged.emit()
        self._runner.submit(
            lambda: read_policy_file(path),
            on_success=lambda loaded: self._loaded(name, loaded, None),
            on_failure=lambda error: self._loaded(name, None, error),
            key=("setup-policy-file", name),
            busy_message=self.tr("Reading the file…"),
        )

    def _loaded(self, name: str, loaded: LoadedFile | None, error: BaseException | None) -> None:
        self._reading.discard(name)
        self.buttons[name].setEnabled(True)
        if loaded is not None:
            self.files[name] = loaded
            self._problems.pop(name, None)
        elif error is not None:
            self._problems[name] = error_words(error)
        self._show_file(name)
        self._show_problems()
        self.completeChanged.emit()

    def _show_file(self, name: str) -> None:
        loaded = self.files.get(name)
        if loaded is None:
            self.shown[name].setText(self.tr("No file chosen"))
            return
        self.shown[name].setText(
            self.tr("{file} — {count} characters — “{line}”").format(
                file=loaded.path.name, count=len(loaded.text), line=loaded.first_line[:80]
            )
        )
        self.shown[name].setToolTip(str(loaded.path))

    def _show_problems(self) -> None:
        self.errors.show(dict(self._problems))

    @property
    def is_reading(self) -> bool:
        return bool(self._reading)

    # ------------------------------------------------------------ values and problems

    @property
    def effective_date(self) -> date:
        day = self.effective.date().toPython()
        assert isinstance(day, date)
        return day

    def draft(self) -> PolicyDraft:
        def text(name: str) -> str:
            loaded = self.files.get(name)
            return loaded.text if loaded is not None else ""

        return PolicyDraft(
            self.effective_date, text("text_fr"), text("text_en"), text("summary_fr"), text("summary_en")
        )

    def show_error(self, error: ValidationError | None) -> None:
        """The core's problems with the texts or the date, each said until that file is chosen again."""
        self._problems = {}
        if error is not None:
            for problem in error.errors:
                self._problems.setdefault(problem.field, _words_of(problem))
        self._show_problems()

    def isComplete(self) -> bool:
        return not self._reading

    def validatePage(self) -> bool:
        missing = [name for name in POLICY_FIELDS if name not in self.files]
        for name in missing:
            # A file that failed keeps its own reason; an untouched slot is simply required.
            self._problems.setdefault(name, _words_of(FieldError(name, "required")))
        self._show_problems()
        if missing:
            self.buttons[missing[0]].setFocus()
        return not missing


def _words_of(problem: FieldError) -> Callable[[], str]:
    return lambda: problem.message(current_language())
