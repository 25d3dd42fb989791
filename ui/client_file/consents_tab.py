"""The Consents tab: what the client agreed to, per purpose and channel, and how it came to be."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import ConsentAction
from desktop.domain.records import Actor, ClientRecord, ConsentEventRecord, ConsentGrid
from desktop.domain.wording import channel_label, purpose_label
from desktop.services import Services
from ui.kit.clinic_context import clinic_context
from ui.kit.errors import error_words
from ui.kit.i18n import (
    consent_action_label,
    consent_method_label,
    current_language,
    format_datetime,
    language_label,
)
from ui.kit.models import Column, ConsentGridModel, PagedTableModel
from ui.kit.retranslate import follow_language
from ui.kit.worker import TaskRunner

__all__ = ["ConsentsTab", "history_columns"]

HISTORY_PAGE = 100


def history_columns() -> list[Column[ConsentEventRecord]]:
    return [
        Column(
            QCoreApplication.translate("ConsentHistory", "Date"), lambda e: format_datetime(e.recorded_at)
        ),
        Column(
            QCoreApplication.translate("ConsentHistory", "Purpose"),
            lambda e: purpose_label(e.purpose, current_language()),
        ),
        Column(
            QCoreApplication.translate("ConsentHistory", "Channel"),
            lambda e: channel_label(e.channel, current_language()),
        ),
        Column(
            QCoreApplication.translate("ConsentHistory", "Action"),
            lambda e: consent_action_label(e.action),
            tone=lambda e: "ok" if e.action == ConsentAction.GRANTED else "danger",
        ),
        Column(
            QCoreApplication.translate("ConsentHistory", "Method"), lambda e: consent_method_label(e.method)
        ),
        Column(QCoreApplication.translate("ConsentHistory", "Recorded by"), lambda e: e.recorded_by),
        Column(
            QCoreApplication.translate("ConsentHistory", "Policy"),
            lambda e: f"{e.policy_version} ({e.policy_language.value.upper()})",
            tooltip=lambda e: QCoreApplication.translate(
                "ConsentHistory", "Policy {version}, {language}"
            ).format(version=e.policy_version, language=language_label(e.policy_language)),
        ),
        Column(
            QCoreApplication.translate("ConsentHistory", "Wording"),
            lambda e: e.wording,
            tooltip=lambda e: e.wording,
        ),
    ]


class ConsentsTab(QWidget):
    def __init__(
        self, services: Services, actor: Actor, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("consentsTab")
        self._services = services
        self._actor = actor
        self._runner = runner
        self._client: ClientRecord | None = None

        self.grid_model = ConsentGridModel(clinic_context(services, actor, runner), self)
        self.grid_view = QTableView(self)
        self.grid_view.setObjectName("consentGrid")
        self.grid_view.setModel(self.grid_model)
        self.grid_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid_view.setWordWrap(True)
        self.grid_view.verticalHeader().hide()
        header = self.grid_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(0, self.fontMetrics().averageCharWidth() * 30)
        self.grid_view.selectionModel().currentChanged.connect(
            lambda current, _previous: self._describe(current)
        )

        # The selected cell in full: when, how, by whom, the exact wording (tooltips need a mouse).
        self.cell_detail = QLabel(self)
        self.cell_detail.setObjectName("cellDetail")
        self.cell_detail.setTextFormat(Qt.TextFormat.PlainText)
        self.cell_detail.setWordWrap(True)
        self.cell_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.grid_state = QLabel(self)
        self.grid_state.setObjectName("tabState")
        self.grid_state.setWordWrap(True)
        # What the two state lines say, made again when the staff language changes.
        self._grid_state: Callable[[], str] | None = None
        self._history_state: Callable[[], str] | None = None

        self.history_state = QLabel(self)
        self.history_state.setObjectName("tabState")
        self.history_model: PagedTableModel[ConsentEventRecord] = PagedTableModel(
            history_columns(),
            runner,
            key=("client-file", id(self), "consent-history"),
            page_size=HISTORY_PAGE,
            parent=self,
        )
        self.history_model.load_failed.connect(lambda error: self._show_history_state(error_words(error)))
        self.history_model.page_loaded.connect(self._history_loaded)
        self.history_view = QTableView(self)
        self.history_view.setObjectName("consentHistory")
        self.history_view.setModel(self.history_model)
        self.history_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_view.setAlternatingRowColors(True)
        self.history_view.verticalHeader().hide()
        self.history_view.horizontalHeader().setStretchLastSection(True)
        self.history_view.setWordWrap(False)
        self.history_view.setTextElideMode(Qt.TextElideMode.ElideRight)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        self.grid_heading = self._heading(top)
        top_layout.addWidget(self.grid_heading)
        top_layout.addWidget(self.grid_view, 1)
        top_layout.addWidget(self.cell_detail)
        top_layout.addWidget(self.grid_state)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        self.history_heading = self._heading(bottom)
        self.history_heading.setBuddy(self.history_view)
        bottom_layout.addWidget(self.history_heading)
        bottom_layout.addWidget(self.history_view, 1)
        bottom_layout.addWidget(self.history_state)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("consentSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        """Headings, names, both tables and the state lines, in the staff language (the grid's own
        wording for the client stays in the client's language)."""
        self.grid_heading.setText(self.tr("Current consent"))
        self.history_heading.setText(self.tr("&History (newest first)"))
        self.grid_view.setAccessibleName(self.tr("Consent by purpose and channel"))
        self.cell_detail.setAccessibleName(self.tr("Selected consent in detail"))
        self.history_view.setAccessibleName(self.tr("Consent history, newest first"))
        self.grid_model.retranslate()
        if self.grid_model.rowCount():
            self.grid_view.resizeRowsToContents()
        self.history_model.retranslate(
            history_columns(), busy_message=self.tr("Loading the consent history…")
        )
        if self.grid_view.currentIndex().isValid():
            self._describe(self.grid_view.currentIndex())
        self._show_grid_state(self._grid_state)
        self._show_history_state(self._history_state)
        if self.history_model.rowCount():
            self._fit_history_columns()

    def _show_grid_state(self, state: Callable[[], str] | None) -> None:
        self._grid_state = state
        self.grid_state.setText(state() if state is not None else "")

    def _show_history_state(self, state: Callable[[], str] | None) -> None:
        self._history_state = state
        self.history_state.setText(state() if state is not None else "")

    @staticmethod
    def _heading(parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setObjectName("sectionHeading")
        return label

    def clear(self) -> None:
        self._client = None
        self.grid_model.set_grid(None)
        self.history_model.reload(None)
        self.cell_detail.clear()
        self._show_grid_state(None)
        self._show_history_state(None)

    def load(self, client: ClientRecord) -> None:
        self._client = client
        self.grid_model.set_grid(None)
        self._show_grid_state(lambda: self.tr("Loading…"))
        self._show_history_state(lambda: self.tr("Loading…"))
        self._fetch(client, keep_rows=False)

    def reload(self) -> None:
        """Fetch the grid and history again; what is shown stays until the new data arrives."""
        if self._client is not None:
            self._fetch(self._client, keep_rows=True)

    def _fetch(self, client: ClientRecord, *, keep_rows: bool) -> None:
        services, actor, client_id = self._services, self._actor, client.id
        self._runner.submit(
            lambda: services.consent.grid(actor, client_id),
            on_success=self._show_grid,
            on_failure=lambda error: self._show_grid_state(error_words(error)),
            key=("client-file", id(self), "consent-grid"),
            busy_message=self.tr("Loading consents…"),
        )
        self.history_model.reload(
            lambda offset, limit: services.consent.history(actor, client_id, offset=offset, limit=limit),
            keep_rows=keep_rows,
        )

    def _show_grid(self, grid: ConsentGrid) -> None:
        if self._client is None or grid.client_id != self._client.id:
            return
        current = self.grid_view.currentIndex()
        reading = (current.row(), current.column()) if current.isValid() else None
        self.grid_model.set_grid(grid, self._client.preferred_language)
        self.grid_view.resizeRowsToContents()
        self.cell_detail.clear()
        if reading is not None:
            # A reload keeps the cell the person was reading.
            self.grid_view.setCurrentIndex(self.grid_model.index(*reading))
        granted, total = sum(1 for cell in grid.cells.values() if cell.granted), len(grid.cells)
        self._show_grid_state(
            lambda: self.tr(
                "{granted} of {total} granted. Select a cell for when, how and by whom it was set."
            ).format(granted=granted, total=total)
        )

    def _describe(self, index: QModelIndex) -> None:
        self.cell_detail.setText(self.grid_model.describe(index))

    def _history_loaded(self) -> None:
        count, more = self.history_model.rowCount(), self.history_model.has_more

        def state() -> str:
            if count == 0:
                return self.tr("No consent recorded yet.")
            if more:
                return self.tr("{count} events shown; scroll down for older ones.").format(count=count)
            return self.tr("{count} events.").format(count=count)

        self._show_history_state(state)
        self._fit_history_columns()

    def _fit_history_columns(self) -> None:
        self.history_view.resizeColumnsToContents()
        # The wording column would push everything else off screen; it has its tooltip.
        wording = self.history_model.columnCount() - 1
        self.history_view.setColumnWidth(wording, min(self.history_view.columnWidth(wording), 400))
