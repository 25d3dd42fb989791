"""The one client search of the GUI: a field, its results and the keys that choose among them.

Used as the main window's search panel (results in a table, Enter opens the file) and for picking a
client in a form (Enter picks the client, shown under the results with a button to clear it). Either
way the search goes through ``services.clients.search_page`` a page at a time (each after the last
one's end) on the task runner, as the keys are typed (a search's first page costs about a millisecond
whatever the number of files), under a runner key of its own so only the newest search is ever shown. Saved client changes (``ChangeSubject.CLIENT``) run the search again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.dates import date_in_words, read_date
from desktop.domain.nam import mask_nam
from desktop.domain.records import Actor, ClientRecord, ClientSummary
from desktop.domain.search_pages import SearchCursor
from desktop.services import Services
from desktop.services.interruption import Interruption
from ui.kit.errors import error_words
from ui.kit.i18n import current_language, format_phone
from ui.kit.models import PagedTableModel, client_search_columns
from ui.kit.retranslate import follow_language
from ui.kit.tables import LeadColumnFit, record_table
from ui.kit.worker import TaskRunner

__all__ = ["SEARCH_DEBOUNCE_MS", "SEARCH_PAGE", "ClientPickerDialog", "ClientSearch", "client_line"]

#: Keystrokes that arrive together (a paste, a burst) make one search; otherwise every keystroke searches
#: at once, on the task runner, where a newer search drops the older one's result.
SEARCH_DEBOUNCE_MS = 0
SEARCH_PAGE = 50
#: Pixels under which the name column never narrows (about seventeen characters).
NAME_COLUMN_MINIMUM = 140
# Keys that move the highlighted result while the focus stays in the field, and by how many rows.
SELECTION_STEPS = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 10, Qt.Key.Key_PageUp: -10}
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def client_line(client: ClientSummary) -> str:
    """'Côté, Zoé · born 1980-04-12 · file 000123 · (418) 555-0123' (staff-facing, phone as the staff
    language writes it: 418 555-0123 in French)."""
    parts = [
        f"{client.last_name}, {client.first_name}",
        QCoreApplication.translate("ClientSearch", "born {date}").format(
            date=client.date_of_birth.isoformat()
        ),
        QCoreApplication.translate("ClientSearch", "file {number}").format(number=client.file_number),
    ]
    if client.phone:
        parts.append(format_phone(client.phone))
    if client.masked_health_number:
        parts.append(client.masked_health_number)
    return " · ".join(parts)


def _summary_of(client: ClientRecord | ClientSummary) -> ClientSummary:
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
        masked_health_number=mask_nam(client.health_number),
    )


class ClientSearch(QWidget):
    """A search field and its results; Enter (or a double click) chooses the highlighted result.

    ``picking=False`` (the main window): choosing emits :attr:`open_requested` with the client's id.
    ``picking=True`` (a form): choosing makes it the client picked, emitted by :attr:`picked` (a
    :class:`ClientSummary`, or None once cleared) and shown under the results.
    """

    open_requested = Signal(int)
    picked = Signal(object)
    status_message = Signal(str)
    """A sentence for the window's status bar (a failed search, an Enter that chose nothing)."""

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        picking: bool = False,
        client: ClientRecord | ClientSummary | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("clientPicker" if picking else "searchPanel")
        self._services = services
        self._actor = actor
        self._picking = picking
        self._client: ClientSummary | None = None
        self._choose_when_loaded = False
        self._open_first_when_loaded = False
        self._today = services.clock.today
        # The failure of the last search while it is shown (its message follows the staff language).
        self._failure: Callable[[], str] | None = None
        # The running search's stop: pressed when a newer text (or closing) makes its answer useless.
        self._interruption = Interruption()

        self.field = QLineEdit(self)
        self.field.setObjectName("searchField")
        self.field.setClearButtonEnabled(True)

        self.model: PagedTableModel[ClientSummary] = PagedTableModel(
            client_search_columns(services.clock.today),
            runner,
            key=("client-search", id(self)),
            page_size=SEARCH_PAGE,
            parent=self,
        )
        self.model.page_loaded.connect(self._page_loaded)
        self.model.load_failed.connect(self._search_failed)

        self.table = record_table(self.model, self, "searchResults")
        # The name stays readable: the masked NAM (last) goes behind the scroll bar before it gives way.
        self._name_fit = LeadColumnFit(self.table, NAME_COLUMN_MINIMUM)
        self.table.doubleClicked.connect(lambda index: self._choose_row(index.row()))

        self.state = QLabel(self)
        self.state.setObjectName("searchState")
        self.state.setTextFormat(Qt.TextFormat.PlainText)  # it repeats what was typed
        self.state.setWordWrap(True)
        self.heading: QLabel | None = None

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._search_now)
        self.field.textChanged.connect(lambda _text: self._debounce.start())
        self.field.installEventFilter(self)
        self.table.installEventFilter(self)
        runner.changes.changed.connect(self._data_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if picking:
            self.table.setMinimumHeight(90)
            layout.addWidget(self.field)
            layout.addWidget(self.table, 1)
            layout.addWidget(self.state)
            layout.addLayout(self._build_picked_row())
        else:
            font = self.field.font()
            font.setPointSizeF(font.pointSizeF() * 1.25)
            self.field.setFont(font)
            self.heading = QLabel(self)
            self.heading.setObjectName("sectionHeading")
            self.heading.setBuddy(self.field)
            layout.addWidget(self.heading)
            layout.addWidget(self.field)
            layout.addWidget(self.state)
            layout.addWidget(self.table, 1)
        QWidget.setTabOrder(self.field, self.table)
        self.setFocusProxy(self.field)
        if picking:
            self.set_client(client, notify=False)
        follow_language(self, self.retranslate)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._name_fit.fit()

    def retranslate(self) -> None:
        """Every word in the staff language: the hints, the headers and rows, the state line and the
        client picked; what is typed, the results and the highlighted row stay."""
        self.field.setPlaceholderText(self.tr("Name, phone, date of birth, NAM or file number"))
        self.field.setAccessibleName(self.tr("Search for a client"))
        self.field.setAccessibleDescription(
            self.tr("Results follow the typing. Up and Down choose a result, Enter opens it.")
            if not self._picking
            else self.tr("Results follow the typing. Up and Down choose a result, Enter picks it.")
        )
        self.model.retranslate(client_search_columns(self._today), busy_message=self.tr("Searching…"))
        self._name_fit.fit_rows()
        self.table.setAccessibleName(self.tr("Search results"))
        self.state.setAccessibleName(self.tr("Search result count"))
        if self.heading is not None:
            self.heading.setText(self.tr("&Search for a client (Ctrl+F)"))
        if self._failure is not None:
            self.state.setText(self._failure())
        else:
            self._show_state()
        if self._picking:
            self.clear_button.setText(self.tr("Clear"))
            self.clear_button.setAccessibleName(self.tr("Clear the client picked"))
            self.picked_label.setAccessibleName(self.tr("Client picked"))
            self._show_picked()

    def _build_picked_row(self) -> QHBoxLayout:
        self.picked_label = QLabel(self)
        self.picked_label.setObjectName("pickedClient")
        self.picked_label.setWordWrap(True)
        self.picked_label.setTextFormat(Qt.TextFormat.PlainText)
        self.clear_button = QPushButton(self)
        self.clear_button.setObjectName("clearPickedClient")
        self.clear_button.setAutoDefault(False)
        self.clear_button.clicked.connect(lambda: self.set_client(None))
        row = QHBoxLayout()
        row.addWidget(self.picked_label, 1)
        row.addWidget(self.clear_button)
        return row

    # ------------------------------------------------------------ what is shown and picked

    def results(self) -> list[ClientSummary]:
        return self.model.records()

    def selected_client(self) -> ClientSummary | None:
        """The client picked (picking mode)."""
        return self._client

    def set_client(self, client: ClientRecord | ClientSummary | None, *, notify: bool = True) -> None:
        """Make ``client`` the client picked (picking mode), or clear the choice with None."""
        self._client = _summary_of(client) if client is not None else None
        self._show_picked()
        self.clear_button.setEnabled(self._client is not None)
        if notify:
            self.picked.emit(self._client)

    def _show_picked(self) -> None:
        if self._client is None:
            self.picked_label.setText(self.tr("No client picked."))
        else:
            self.picked_label.setText(self.tr("Picked: {client}").format(client=client_line(self._client)))

    def focus_search(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def is_settled(self) -> bool:
        """No typing waiting for the debounce and no page on its way."""
        return not self._debounce.isActive() and not self.model.is_loading

    def cancel_work(self) -> None:
        """Drop a search still running (the owner is closing)."""
        self._debounce.stop()
        self._interruption.cancel()
        self.model.reload(None)

    # ------------------------------------------------------------ searching

    def search(self, text: str, *, open_first: bool = False) -> None:
        """Search for ``text`` at once (no debounce); optionally choose the first result."""
        self._debounce.stop()
        self.field.blockSignals(True)
        self.field.setText(text)
        self.field.blockSignals(False)
        self._open_first_when_loaded = open_first
        self._search_now()

    def _data_changed(self, change: DataChange, _source: object) -> None:
        # A saved client may now match the text, or read differently in the results.
        if change.touches(ChangeSubject.CLIENT) and self.field.text().strip():
            self._search_now()

    def _search_now(self) -> None:
        self._debounce.stop()
        text = self.field.text().strip()
        services, actor = self._services, self._actor
        self._failure = None
        self._interruption.cancel()
        interruption = self._interruption = Interruption()
        if not text:
            self.model.reload(None)
            return
        self.state.setText(self.tr("Searching…"))
        # Keyset paging: each page starts where the one before ended (the model asks by row count).
        cursors: dict[int, SearchCursor | None] = {0: None}

        def fetch(offset: int, limit: int) -> list[ClientSummary]:
            if offset not in cursors:
                return []
            page = services.clients.search_page(
                actor, text, after=cursors[offset], limit=limit, interruption=interruption
            )
            if page.next is not None:
                cursors[offset + len(page.records)] = page.next
            return page.records

        # The results shown stay until the new ones replace them: no blank list at every keystroke.
        self.model.reload(fetch, keep_rows=True)

    def _page_loaded(self) -> None:
        rows = self.model.rowCount()
        if rows and rows <= self.model.page_size:
            self._name_fit.fit_rows()
        if rows == 1 and self.table.currentIndex().row() < 0:
            self.table.selectRow(0)
        self._show_state()
        if self._open_first_when_loaded and self.model.loaded_once:
            self._open_first_when_loaded = False
            if rows:
                self.table.selectRow(0)
                self._choose_row(0)
        if self._choose_when_loaded and self.model.loaded_once:
            self._choose_when_loaded = False
            self.choose_selected_or_only()

    def _search_failed(self, error: BaseException) -> None:
        words = error_words(error)
        self._failure = lambda: self.tr("The search failed: {detail}").format(detail=words())
        message = self._failure()
        self.state.setText(message)
        self.status_message.emit(message)

    def _show_state(self) -> None:
        text = self.field.text().strip()
        rows = self.model.rowCount()
        if not text:
            message = self.tr(
                "Type a name (any order, accents optional), a phone number, a date of birth (YYYY-MM-DD or "
                "DD/MM/YYYY) or a file number (leading zeros optional)."
            )
        elif not self.model.loaded_once:
            message = self.tr("Searching…")
        elif rows == 0:
            message = self.tr(
                "No client found for “{text}”. Check the spelling, or create a file with Ctrl+N."
            ).format(text=text)
        elif self.model.has_more:
            message = self.tr(
                "More than {count} clients found: scroll down for more, or type more to narrow."
            ).format(count=rows)
        elif rows == 1:
            message = (
                self.tr("1 client found. Press Enter to pick it.")
                if self._picking
                else self.tr("1 client found. Press Enter to open the file.")
            )
        else:
            message = self.tr("{count} clients found. Choose with ↑ ↓ and press Enter.").format(count=rows)
        born = read_date(text) if text and self.model.loaded_once else None
        if born is not None:
            # The day understood, in words: 05/06/1994 is the 5th of June, and says so.
            message = self.tr("Date of birth read: {date}. {found}").format(
                date=date_in_words(born, current_language()), found=message
            )
        self.state.setText(message)

    # ------------------------------------------------------------ keyboard

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.field and self._field_key(event):
                return True
            if watched is self.table and event.key() in ENTER_KEYS:
                self.choose_selected_or_only()
                return True
        return super().eventFilter(watched, event)

    def _field_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in SELECTION_STEPS:
            self.move_selection(SELECTION_STEPS[Qt.Key(key)])
            return True
        if key in ENTER_KEYS:
            self.choose_selected_or_only()
            return True
        if key == Qt.Key.Key_Escape and self.field.text():
            self.field.clear()
            return True
        return False

    def move_selection(self, step: int) -> None:
        rows = self.model.rowCount()
        if rows == 0:
            return
        current = self.table.currentIndex().row()
        target = 0 if current < 0 and step > 0 else max(0, min(rows - 1, current + step))
        if target >= rows - 1 and self.model.canFetchMore(self.table.rootIndex()):
            self.model.fetchMore(self.table.rootIndex())
        self.table.selectRow(target)
        self.table.scrollTo(self.model.index(target, 0))

    def choose_selected_or_only(self) -> None:
        if not self.is_settled():
            # Enter typed before the results caught up: decide when they arrive.
            self._choose_when_loaded = True
            if self._debounce.isActive():
                self._search_now()
            return
        row = self.table.currentIndex().row()
        rows = self.model.rowCount()
        if row < 0 and rows == 1:
            row = 0
        if row >= 0:
            self._choose_row(row)
        elif rows > 1:
            self.status_message.emit(self.tr("Several clients match: choose one with ↑ ↓, then press Enter."))
        elif self.field.text().strip():
            self.status_message.emit(self.tr("No client to open."))

    def _choose_row(self, row: int) -> None:
        record = self.model.record(row)
        if record is None:
            return
        if self._picking:
            self.set_client(record)
        else:
            self.open_requested.emit(record.id)


class ClientPickerDialog(QDialog):
    """A client search in a small dialog, for matching a record (an opt-out request) to a client file.

    ``hint`` says what is being matched: a sentence, or how to make it in the staff language of the
    moment (then it follows a change of language like the rest of the dialog).
    """

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        hint: str | Callable[[], str] = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._hint = hint
        self.resize(640, 420)
        self.picker = ClientSearch(services, actor, runner, self, picking=True)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        ok.setAutoDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.picker.picked.connect(lambda client: ok.setEnabled(client is not None))
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.picker, 1)
        layout.addWidget(self.buttons)
        self.picker.setFocus()
        follow_language(self, self.retranslate)
        # The button box puts Qt's own words back on its standard buttons when the language changes,
        # after the dialog's turn: the Ok button follows the language itself to keep saying Match.
        follow_language(ok, self._retranslate_ok)

    def _retranslate_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Match"))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Match to a client file"))
        hint = self._hint() if callable(self._hint) else self._hint
        self.intro.setText(hint)
        self.intro.setVisible(bool(hint))

    def chosen(self) -> ClientSummary | None:
        return self.picker.selected_client()

    def done(self, result: int) -> None:
        self.picker.cancel_work()
        super().done(result)
