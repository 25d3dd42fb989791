"""Find a client file by name, phone, date of birth or file number, and pick it.

Searching goes through ``services.clients.search`` on the task runner, debounced so a fast typist
does not start a query per keystroke; each picker has its own runner key, so only its newest search
is ever shown.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.records import Actor, ClientRecord, ClientSummary
from desktop.domain.validation import display_phone
from desktop.services import Services
from ui.kit.errors import error_text
from ui.kit.worker import TaskHandle, TaskRunner

__all__ = ["ClientPicker", "ClientPickerDialog", "as_summary", "client_line"]

DEBOUNCE_MS = 150
MIN_QUERY_LENGTH = 2
RESULT_LIMIT = 30


def as_summary(client: ClientRecord | ClientSummary) -> ClientSummary:
    if isinstance(client, ClientSummary):
        return client
    return ClientSummary(
        id=client.id,
        file_number=client.file_number,
        last_name=client.last_name,
        first_name=client.first_name,
        date_of_birth=client.date_of_birth,
        phone=client.phone,
        preferred_language=client.preferred_language,
    )


def client_line(client: ClientSummary) -> str:
    """'Côté, Zoé · born 1980-04-12 · file 000123 · (418) 555-0123' (staff-facing)."""
    parts = [
        f"{client.last_name}, {client.first_name}",
        QCoreApplication.translate("ClientPicker", "born {date}").format(
            date=client.date_of_birth.isoformat()
        ),
        QCoreApplication.translate("ClientPicker", "file {number}").format(number=client.file_number),
    ]
    if client.phone:
        parts.append(display_phone(client.phone))
    return " · ".join(parts)


class ClientPicker(QWidget):
    """A search box, its results and the client currently picked.

    ``picked`` is emitted with a :class:`ClientSummary`, or ``None`` when the choice is cleared.
    """

    picked = Signal(object)

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        client: ClientRecord | ClientSummary | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._runner = runner
        self._search_key = ("client-picker", id(self))
        self._search_task: TaskHandle | None = None
        self._results: list[ClientSummary] = []
        self._client: ClientSummary | None = None

        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("clientSearch")
        self.search_edit.setPlaceholderText(self.tr("Name, phone, date of birth or file number"))
        self.search_edit.setAccessibleName(self.tr("Search for a client"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.installEventFilter(self)

        self.results_list = QListWidget(self)
        self.results_list.setObjectName("clientResults")
        self.results_list.setAccessibleName(self.tr("Matching clients"))
        self.results_list.setMinimumHeight(90)

        self.status_label = QLabel(self)
        self.status_label.setObjectName("clientSearchStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("Search status"))
        self.status_label.setText(
            self.tr("Type at least two characters of a name, a phone or a file number.")
        )

        self.picked_label = QLabel(self)
        self.picked_label.setObjectName("pickedClient")
        self.picked_label.setWordWrap(True)
        self.picked_label.setTextFormat(Qt.TextFormat.PlainText)
        self.picked_label.setAccessibleName(self.tr("Client picked"))

        self.clear_button = QPushButton(self.tr("Clear"), self)
        self.clear_button.setObjectName("clearPickedClient")
        self.clear_button.setAccessibleName(self.tr("Clear the client picked"))
        self.clear_button.setAutoDefault(False)

        picked_row = QHBoxLayout()
        picked_row.addWidget(self.picked_label, 1)
        picked_row.addWidget(self.clear_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.results_list, 1)
        layout.addWidget(self.status_label)
        layout.addLayout(picked_row)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._search_now)
        self.search_edit.textEdited.connect(lambda _text: self._debounce.start())
        self.results_list.itemActivated.connect(self._pick_item)
        self.results_list.itemDoubleClicked.connect(self._pick_item)
        self.clear_button.clicked.connect(lambda: self.set_client(None))
        self.setFocusProxy(self.search_edit)
        self.set_client(client, notify=False)

    # ------------------------------------------------------------------ API

    def selected_client(self) -> ClientSummary | None:
        return self._client

    def set_client(self, client: ClientRecord | ClientSummary | None, *, notify: bool = True) -> None:
        self._client = as_summary(client) if client is not None else None
        if self._client is None:
            self.picked_label.setText(self.tr("No client picked."))
        else:
            self.picked_label.setText(self.tr("Picked: {client}").format(client=client_line(self._client)))
        self.clear_button.setEnabled(self._client is not None)
        if notify:
            self.picked.emit(self._client)

    def results(self) -> list[ClientSummary]:
        return list(self._results)

    def search(self, text: str) -> None:
        """Put ``text`` in the search box and search it now (a caller that knows what to look for)."""
        self.search_edit.setText(text)
        self._debounce.stop()
        self._search_now()

    def cancel_work(self) -> None:
        """Drop a search still running (the owner is closing)."""
        self._debounce.stop()
        if self._search_task is not None:
            self._search_task.cancel()
            self._search_task = None

    # ------------------------------------------------------------ searching

    def _search_now(self) -> None:
        text = self.search_edit.text().strip()
        if len(text) < MIN_QUERY_LENGTH:
            if self._search_task is not None:
                self._search_task.cancel()
            self._show_results([], searched=False)
            return
        services, actor = self._services, self._actor
        self.status_label.setText(self.tr("Searching…"))
        self._search_task = self._runner.submit(
            lambda: services.clients.search(actor, text, limit=RESULT_LIMIT),
            on_success=self._show_results,
            on_failure=self._search_failed,
            key=self._search_key,
            busy_message=self.tr("Searching for clients…"),
        )

    def _show_results(self, results: list[ClientSummary], searched: bool = True) -> None:
        self._search_task = None
        self._results = list(results)
        self.results_list.clear()
        for summary in self._results:
            item = QListWidgetItem(client_line(summary))
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
            self.results_list.addItem(item)
        if self._results:
            self.results_list.setCurrentRow(0)
            self.status_label.setText(
                self.tr("{count} found. Enter or double-click picks one.").format(count=len(self._results))
            )
        elif searched:
            self.status_label.setText(self.tr("No client found."))
        else:
            self.status_label.setText(
                self.tr("Type at least two characters of a name, a phone or a file number.")
            )

    def _search_failed(self, error: BaseException) -> None:
        self._search_task = None
        self.status_label.setText(self.tr("The search failed: {detail}").format(detail=error_text(error)))

    def _pick_item(self, item: QListWidgetItem) -> None:
        client_id = item.data(Qt.ItemDataRole.UserRole)
        chosen = next((c for c in self._results if c.id == client_id), None)
        if chosen is not None:
            self.set_client(chosen)

    # ------------------------------------------------------------- keyboard

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # From the search box, Down goes to the results and Enter picks the highlighted one, so the
        # whole search-and-pick needs no mouse.
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress:
            key = event.key() if isinstance(event, QKeyEvent) else None
            if key == Qt.Key.Key_Down and self.results_list.count():
                self.results_list.setFocus()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._debounce.isActive():
                    self._debounce.stop()
                    self._search_now()
                    return True
                item = self.results_list.currentItem()
                if item is not None:
                    self._pick_item(item)
                    return True
        return super().eventFilter(watched, event)


class ClientPickerDialog(QDialog):
    """A picker in a small dialog, for matching a record (an opt-out request) to a client file."""

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        hint: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Match to a client file"))
        self.resize(560, 380)
        self.picker = ClientPicker(services, actor, runner, parent=self)
        intro = QLabel(hint, self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setVisible(bool(hint))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Match"))
        ok.setEnabled(False)
        ok.setAutoDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.picker.picked.connect(lambda client: ok.setEnabled(client is not None))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.picker, 1)
        layout.addWidget(self.buttons)
        self.picker.setFocus()

    def chosen(self) -> ClientSummary | None:
        return self.picker.selected_client()

    def done(self, result: int) -> None:
        self.picker.cancel_work()
        super().done(result)
