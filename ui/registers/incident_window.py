"""The privacy officer's register of confidentiality incidents (Quebec, Regulation respecting
confidentiality incidents, s. 7): the incidents on the left, the most recently discovered first, those
whose notice is still due flagged; on the right the selected incident's editor and its version history.

An incident is updated as the investigation goes: each save is a new version, the earlier ones kept and
shown read-only in the history. A save made from a version another officer has since replaced is refused
(what was typed stays; the history then shows the newer version to read before saving again). All
database work runs on the task runner; each save publishes one change on the bus.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from uuid import uuid4

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.errors import ConflictError, ValidationError
from desktop.domain.incidents import IncidentRecord, IncidentVersionRecord, validate_incident
from desktop.domain.messages import field_name
from desktop.domain.records import Actor
from desktop.services import Services
from ui.kit.errors import error_text
from ui.kit.i18n import current_language, format_date, format_datetime
from ui.kit.retranslate import follow_language
from ui.kit.tables import record_table
from ui.kit.worker import TaskHandle, TaskRunner
from ui.registers.incident_form import IncidentForm
from ui.registers.incident_model import IncidentModel

__all__ = ["IncidentRegisterWindow"]

#: The register is read whole: every incident discovered since this day.
_SINCE = date(2000, 1, 1)
_STATUS_OK = "color: #1b5e20; font-weight: bold;"
_STATUS_ERROR = "color: #8a1c1c; font-weight: bold;"
_FIELDS = (
    "information_concerned",
    "not_describable_reason",
    "circumstances",
    "occurred_from",
    "occurred_to",
    "discovered_on",
    "people_concerned",
    "serious_injury_risk",
    "risk_assessment",
    "commission_notified_on",
    "people_notified_on",
    "measures",
)

Loaded = tuple[IncidentRecord, list[IncidentVersionRecord]]


class IncidentRegisterWindow(QWidget):
    """The incident register and its editor, for the privacy officer."""

    def __init__(
        self, services: Services, actor: Actor, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._services = services
        self._actor = actor
        self._runner = runner
        self._key = ("incident-register", id(self))
        self._loading: TaskHandle | None = None
        self._loaded = False
        self._current: IncidentRecord | None = None
        # One uid per new incident: a save sent again after a failure that had committed opens no second one.
        self._new_uid = uuid4()
        self._versions: list[IncidentVersionRecord] = []
        self._dirty = False
        self._busy = False
        self._reselecting = False
        self._keep_selected: int | None = None
        self._status: tuple[Callable[[], str], bool] | None = None
        self.setObjectName("incidentRegister")
        self.resize(1280, 820)

        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("incidentCounts")
        self._explanation = QLabel(self)
        self._explanation.setWordWrap(True)
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("newIncident")
        self.new_button.setAutoDefault(False)
        self.refresh_button = QPushButton(self)
        self.refresh_button.setAutoDefault(False)

        self.model = IncidentModel(self)
        self.table = record_table(self.model, self, "incidentTable")
        self.table.setAlternatingRowColors(False)  # rows whose notice is due are coloured

        self.heading = QLabel(self)
        self.heading.setObjectName("incidentHeading")
        self.heading.setStyleSheet("font-size: 120%; font-weight: bold;")
        self.heading.setWordWrap(True)
        self.form = IncidentForm(self)
        form_area = QScrollArea(self)
        form_area.setWidget(self.form)
        form_area.setWidgetResizable(True)
        form_area.setFrameShape(QFrame.Shape.NoFrame)
        self.history = QListWidget(self)
        self.history.setObjectName("incidentHistory")
        self.version_view = QPlainTextEdit(self)
        self.version_view.setObjectName("incidentVersionView")
        self.version_view.setReadOnly(True)
        history_page = QWidget(self)
        history_layout = QHBoxLayout(history_page)
        history_layout.addWidget(self.history, 1)
        history_layout.addWidget(self.version_view, 2)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(form_area, "")
        self.tabs.addTab(history_page, "")
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveIncident")
        self.save_button.setDefault(True)
        self.status = QLabel(self)
        self.status.setObjectName("incidentStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        editor = QWidget(self)
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(8, 0, 0, 0)
        editor_layout.addWidget(self.heading)
        editor_layout.addWidget(self.tabs, 1)
        save_row = QHBoxLayout()
        save_row.addWidget(self.status, 1)
        save_row.addWidget(self.save_button)
        editor_layout.addLayout(save_row)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(editor)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([680, 600])  # the list whole, its keep-until day included
        splitter.setChildrenCollapsible(False)
        top = QHBoxLayout()
        top.addWidget(self.counts_label, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self._explanation)
        layout.addWidget(splitter, 1)

        QShortcut(QKeySequence("F5"), self, self.refresh)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_incident)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self.new_button.clicked.connect(self.new_incident)
        self.refresh_button.clicked.connect(self.refresh)
        self.save_button.clicked.connect(self.save)
        self.form.edited.connect(self._edited)
        self.history.currentRowChanged.connect(self._show_version)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        runner.changes.changed.connect(self._data_changed)
        self.form.set_values(None, services.clock.today())
        follow_language(self, self.retranslate)
        self.refresh()

    def retranslate(self) -> None:
        self._explanation.setText(
            self.tr(
                "Every confidentiality incident is recorded here and kept at least five years after the clinic "
                "became aware of it. When there is a risk of serious injury, the Commission d'accès à "
                "l'information and the people concerned must be notified promptly: such incidents are marked "
                "NOTICE DUE until both notices are recorded. Each save is a new version; earlier versions are "
                "kept in the history."
            )
        )
        self.new_button.setText(self.tr("&New incident…"))
        self.new_button.setToolTip(self.tr("Shortcut: Ctrl+N"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.refresh_button.setToolTip(self.tr("F5"))
        self.tabs.setTabText(0, self.tr("Current version"))
        self.table.setAccessibleName(self.tr("Confidentiality incidents"))
        self.history.setAccessibleName(self.tr("Versions of the incident"))
        self.version_view.setAccessibleName(self.tr("The selected version, read-only"))
        self.status.setAccessibleName(self.tr("Result of the last action"))
        self.model.retranslate()
        self._fit_columns()
        self._show_counts()
        self._show_editor_state()
        self._fill_history()
        self._show_status()

    # ------------------------------------------------------------------ loading

    def refresh(self) -> None:
        if self._current is not None and self._keep_selected is None:
            self._keep_selected = self._current.id
        if self._loading is not None:
            self._loading.cancel()
        services, actor = self._services, self._actor

        def load() -> list[IncidentRecord]:
            return services.incidents.register(actor, _SINCE, services.clock.today())

        self._loading = self._runner.submit(
            load,
            on_success=self._loaded_list,
            on_failure=lambda error: self._say(self._failure_words(error), error=True),
            key=self._key,
            busy_message=self.tr("Loading the incident register…"),
        )

    def _loaded_list(self, records: list[IncidentRecord]) -> None:
        self._loading = None
        self._loaded = True
        wanted, self._keep_selected = self._keep_selected, None
        self._reselecting = True
        try:
            self.model.set_records(records)
            row = self.model.row_for(wanted) if wanted is not None else None
            if row is not None:
                self.table.selectRow(row)
        finally:
            self._reselecting = False
        self._fit_columns()
        self._show_counts()
        if wanted is None and self._current is None and not self._dirty and self.model.rowCount():
            self.table.selectRow(0)

    def _load_incident(
        self, incident_id: int, then: Callable[[Loaded], None] | None = None, key: str = "incident"
    ) -> None:
        services, actor = self._services, self._actor

        def load() -> Loaded:
            return services.incidents.get(actor, incident_id), services.incidents.versions(actor, incident_id)

        self._runner.submit(
            load,
            on_success=then or self._loaded_incident,
            on_failure=lambda error: self._say(self._failure_words(error), error=True),
            key=(*self._key, key),
            busy_message=self.tr("Loading the incident…"),
        )

    def _loaded_incident(self, loaded: Loaded) -> None:
        record, versions = loaded
        self._current, self._versions = record, versions
        self.form.set_values(record, self._services.clock.today())
        self._dirty = False
        self._show_editor_state()
        self._fill_history()

    def _data_changed(self, change: DataChange, source: QObject | None) -> None:
        if source is not self and change.touches(ChangeSubject.INCIDENTS):
            self.refresh()

    # ---------------------------------------------------------------- selection

    def selected_record(self) -> IncidentRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _selection_changed(self) -> None:
        if self._reselecting:
            return
        record = self.selected_record()
        if record is None or (self._current is not None and record.id == self._current.id):
            return
        if self._dirty and not self._discard_confirmed():
            self._reselect_current()
            return
        self._status = None
        self._show_status()
        self._load_incident(record.id)

    def _reselect_current(self) -> None:
        self._reselecting = True
        try:
            row = self.model.row_for(self._current.id) if self._current is not None else None
            if row is None:
                self.table.clearSelection()
            else:
                self.table.selectRow(row)
        finally:
            self._reselecting = False

    def _discard_confirmed(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Discard the changes?"),
            self.tr("The changes typed in this incident are not saved. Discard them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def new_incident(self) -> None:
        if self._dirty and not self._discard_confirmed():
            return
        self._current, self._versions = None, []
        self._new_uid = uuid4()
        self._reselecting = True
        try:
            self.table.clearSelection()
        finally:
            self._reselecting = False
        self.form.set_values(None, self._services.clock.today())
        self._dirty = False
        self.tabs.setCurrentIndex(0)
        self._show_editor_state()
        self._fill_history()
        self.form.circumstances.setFocus()

    def _edited(self) -> None:
        self._dirty = True

    # ------------------------------------------------------------------ showing

    def _show_counts(self) -> None:
        if not self._loaded:
            self.counts_label.setText(self.tr("Loading…"))
            self.setWindowTitle(self.tr("Confidentiality-incident register"))
            return
        total, due = self.model.rowCount(), self.model.due_count()
        self.setWindowTitle(
            self.tr("Confidentiality-incident register — {count} incident(s)").format(count=total)
        )
        self.counts_label.setText(
            self.tr("{count} incident(s) · {due} NOTICE DUE").format(count=total, due=due)
            if due
            else self.tr("{count} incident(s) · no notice due").format(count=total)
        )
        self.counts_label.setStyleSheet(
            "font-size: 115%; font-weight: bold;" + (" color: #7a1020;" if due else "")
        )

    def _fit_columns(self) -> None:
        for column in range(self.model.columnCount() - 1):
            self.table.resizeColumnToContents(column)

    def _show_editor_state(self) -> None:
        record = self._current
        if record is None:
            self.heading.setText(self.tr("New incident"))
            self.save_button.setText(self.tr("Record the incid&ent"))
        else:
            self.heading.setText(
                self.tr("Incident {reference} — version {version}, saved by {who} on {when}").format(
                    reference=record.reference,
                    version=record.version,
                    who=record.recorded_by,
                    when=format_datetime(record.recorded_at),
                )
            )
            self.save_button.setText(self.tr("Sa&ve a new version"))
        self.save_button.setEnabled(not self._busy)
        self.tabs.setTabText(1, self.tr("Version history ({count})").format(count=len(self._versions)))
        self.tabs.setTabEnabled(1, bool(self._versions))

    def _fill_history(self) -> None:
        selected = self.history.currentRow()
        self.history.blockSignals(True)
        self.history.clear()
        for version in reversed(self._versions):
            self.history.addItem(
                self.tr("Version {number}, saved by {who} on {when}").format(
                    number=version.version, who=version.recorded_by, when=format_datetime(version.recorded_at)
                )
            )
        self.history.blockSignals(False)
        if self._versions:
            self.history.setCurrentRow(selected if 0 <= selected < len(self._versions) else 0)
            self._show_version(self.history.currentRow())
        else:
            self.version_view.clear()

    def _show_version(self, row: int) -> None:
        if not 0 <= row < len(self._versions):
            self.version_view.clear()
            return
        version = self._versions[len(self._versions) - 1 - row]
        language = current_language()
        lines = []
        for name in _FIELDS:
            value = getattr(version, name)
            if isinstance(value, bool):
                shown = self.tr("Yes") if value else self.tr("No")
            elif isinstance(value, date):
                shown = format_date(value)
            elif value is None:
                shown = self.tr("not known")
            else:
                shown = str(value) or "—"
            lines.append(f"{field_name(name, language)}\n    {shown}")
        self.version_view.setPlainText("\n".join(lines))

    # ------------------------------------------------------------------ saving

    def save(self) -> None:
        if self._busy:
            return
        draft = replace(self.form.draft(), uid=self._new_uid)  # an update ignores the uid
        unreadable = self.form.unreadable()
        if unreadable:
            # Said with the other problems the core finds, before anything is sent.
            others: ValidationError | None = None
            try:
                validate_incident(draft, self._services.clock.today())
            except ValidationError as error:
                others = error
            self.form.show_problems(others)
            self._say(lambda: ValidationError(unreadable).message(current_language()), error=True)
            return
        current, services, actor = self._current, self._services, self._actor

        def work() -> IncidentRecord:
            if current is None:
                return services.incidents.open(actor, draft)
            return services.incidents.update(actor, current.id, current.version, draft)

        self._busy = True
        self._show_editor_state()
        self._runner.submit(
            work,
            on_success=self._saved,
            on_failure=self._save_failed,
            key=(*self._key, "save"),
            busy_message=self.tr("Saving…"),
        )

    def _saved(self, record: IncidentRecord) -> None:
        self._busy = False
        self._dirty = False
        self._current = record
        self.form.show_problems(None)
        self._say(
            lambda: self.tr("Incident {reference} recorded: version {version}.").format(
                reference=record.reference, version=record.version
            )
        )
        self._runner.changes.publish(DataChange.of(ChangeSubject.INCIDENTS), self)
        self._keep_selected = record.id
        self._load_incident(record.id)
        self.refresh()

    def _save_failed(self, error: BaseException) -> None:
        # What was typed stays for the person to correct.
        self._busy = False
        self._show_editor_state()
        self.form.show_problems(error if isinstance(error, ValidationError) else None)
        self._say(self._failure_words(error), error=True)
        if isinstance(error, ConflictError) and self._current is not None:
            # The newer version is read into the history; the next save is made from it.
            self._reload_history(self._current.id)

    def _reload_history(self, incident_id: int) -> None:
        def show(loaded: Loaded) -> None:
            self._current, self._versions = loaded
            self._show_editor_state()
            self._fill_history()

        self._load_incident(incident_id, show, "history")

    def _failure_words(self, error: BaseException) -> Callable[[], str]:
        return lambda: error_text(error, current_language())

    def _say(self, text: Callable[[], str], *, error: bool = False) -> None:
        self._status = (text, error)
        self._show_status()

    def _show_status(self) -> None:
        if self._status is None:
            self.status.clear()
            return
        text, error = self._status
        self.status.setText(text())
        self.status.setStyleSheet(_STATUS_ERROR if error else _STATUS_OK)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._dirty and not self._discard_confirmed():
            event.ignore()
            return
        if self._loading is not None:
            self._loading.cancel()
        super().closeEvent(event)
