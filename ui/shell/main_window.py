"""The receptionist's window: search on the left, the open client file on the right.

Built for a person with a caller on the line: the search field has the focus, results follow the
typing, the arrow keys choose and Enter opens; every action has a shortcut listed under Help.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QKeyEvent,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import Language
from desktop.domain.errors import DatabaseBusyError
from desktop.domain.records import AcknowledgmentRecord, Actor, ClientRecord, ClientSummary
from desktop.services import Services
from desktop.services.permissions import Permission, role_allows
from ui.admin.export_dialog import ExportDialog
from ui.admin.reports_window import ReportsWindow
from ui.admin.staff_dialog import ChangePasswordDialog, StaffDialog
from ui.client_file import ClientFileWidget
from ui.client_file.new_client_dialog import NewClientDialog
from ui.documents.pdf_preview import PdfPreviewDialog
from ui.kit.busy import BusyIndicator
from ui.kit.errors import error_text
from ui.kit.forms import em
from ui.kit.i18n import current_language, has_translation, language_name, role_label
from ui.kit.models import PagedTableModel, client_search_columns
from ui.kit.settings import AppSettings
from ui.kit.worker import TaskRunner
from ui.shell.connection import ConnectionBanner, connection_monitor
from ui.shell.idle_lock import IdleWatcher, LockScreen, idle_lock_minutes

__all__ = ["MainWindow", "SearchPanel"]

log = logging.getLogger(__name__)

SEARCH_DEBOUNCE_MS = 150
SEARCH_PAGE = 50
COUNTS_REFRESH_MS = 60_000
STATUS_TIMEOUT_MS = 8000
#: What the audit trail records for each way of getting an acknowledgment's PDF.
DOCUMENT_AUDIT = {"open": "view", "print": "print", "save": "export"}


class SessionHost(Protocol):
    """What a window asks of the workstation's session manager (``ui.shell.sessions``)."""

    def sign_in_on(self, window: MainWindow, actor: Actor) -> None: ...

    def confirm_quit(self, closing: MainWindow) -> bool: ...

    def others_parked(self, window: MainWindow) -> list[str]: ...


class SearchPanel(QWidget):
    """The search field and its results. Enter opens the chosen file."""

    open_requested = Signal(int)
    status_message = Signal(str)

    def __init__(
        self, services: Services, actor: Actor, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self._services = services
        self._actor = actor
        self._open_when_loaded = False
        self._open_first_when_loaded = False

        self.field = QLineEdit(self)
        self.field.setObjectName("searchField")
        self.field.setClearButtonEnabled(True)
        font = self.field.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.field.setFont(font)
        self.field.setPlaceholderText(self.tr("Name, phone, date of birth or file number"))
        self.field.setAccessibleName(self.tr("Search for a client"))
        self.field.setAccessibleDescription(
            self.tr("Results follow the typing. Up and Down choose a result, Enter opens it.")
        )
        label = QLabel(self.tr("&Search for a client (Ctrl+F)"), self)
        label.setObjectName("sectionHeading")
        label.setBuddy(self.field)

        self.model: PagedTableModel[ClientSummary] = PagedTableModel(
            client_search_columns(services.clock.today),
            runner,
            key="search",
            page_size=SEARCH_PAGE,
            busy_message=self.tr("Searching…"),
            parent=self,
        )
        self.model.page_loaded.connect(self._page_loaded)
        self.model.load_failed.connect(self._search_failed)

        self.table = QTableView(self)
        self.table.setObjectName("searchResults")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Search results"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))

        self.state = QLabel(self)
        self.state.setObjectName("searchState")
        self.state.setTextFormat(Qt.TextFormat.PlainText)  # it repeats what was typed
        self.state.setWordWrap(True)
        self.state.setAccessibleName(self.tr("Search result count"))

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._search_now)
        self.field.textChanged.connect(lambda _text: self._debounce.start())
        self.field.installEventFilter(self)
        self.table.installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.field)
        layout.addWidget(self.state)
        layout.addWidget(self.table, 1)
        QWidget.setTabOrder(self.field, self.table)
        self._show_state()

    # ------------------------------------------------------------ searching

    def focus_search(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def search(self, text: str, *, open_first: bool = False) -> None:
        """Search for ``text`` at once (no debounce); optionally open the first result."""
        self._debounce.stop()
        self.field.blockSignals(True)
        self.field.setText(text)
        self.field.blockSignals(False)
        self._open_first_when_loaded = open_first
        self._search_now()

    def refresh(self) -> None:
        if self.field.text().strip():
            self._search_now()

    def is_settled(self) -> bool:
        """No typing waiting for the debounce and no page on its way."""
        return not self._debounce.isActive() and not self.model.is_loading

    def _search_now(self) -> None:
        self._debounce.stop()
        text = self.field.text().strip()
        services, actor = self._services, self._actor
        if not text:
            self.model.reload(None)
            return
        self.state.setText(self.tr("Searching…"))
        self.model.reload(
            lambda offset, limit: services.clients.search(actor, text, offset=offset, limit=limit)
        )

    def _page_loaded(self) -> None:
        rows = self.model.rowCount()
        if rows and rows <= self.model.page_size:
            self.table.resizeColumnsToContents()
        if rows == 1 and self.table.currentIndex().row() < 0:
            self.table.selectRow(0)
        self._show_state()
        if self._open_first_when_loaded and self.model.loaded_once:
            self._open_first_when_loaded = False
            if rows:
                self.table.selectRow(0)
                self._open_row(0)
        if self._open_when_loaded and self.model.loaded_once:
            self._open_when_loaded = False
            self.open_selected_or_only()

    def _search_failed(self, error: BaseException) -> None:
        message = error_text(error)
        self.state.setText(message)
        self.status_message.emit(message)

    def _show_state(self) -> None:
        text = self.field.text().strip()
        rows = self.model.rowCount()
        if not text:
            message = self.tr(
                "Type a name (any order, accents optional), a phone number, a date of birth (YYYY-MM-DD) or a file number."
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
            message = self.tr("1 client found. Press Enter to open the file.")
        else:
            message = self.tr("{count} clients found. Choose with ↑ ↓ and press Enter.").format(count=rows)
        self.state.setText(message)

    # ------------------------------------------------------------ keyboard

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.field and self._field_key(event):
                return True
            if watched is self.table and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_selected_or_only()
                return True
        return super().eventFilter(watched, event)

    def _field_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        steps = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 10, Qt.Key.Key_PageUp: -10}
        if key in steps:
            self.move_selection(steps[key])
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_selected_or_only()
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

    def open_selected_or_only(self) -> None:
        if not self.is_settled():
            # Enter typed before the results caught up: decide when they arrive.
            self._open_when_loaded = True
            return
        row = self.table.currentIndex().row()
        rows = self.model.rowCount()
        if row < 0 and rows == 1:
            row = 0
        if row >= 0:
            self._open_row(row)
        elif rows > 1:
            self.status_message.emit(self.tr("Several clients match: choose one with ↑ ↓, then press Enter."))
        elif self.field.text().strip():
            self.status_message.emit(self.tr("No client to open."))

    def _open_row(self, row: int) -> None:
        record = self.model.record(row)
        if record is not None:
            self.open_requested.emit(record.id)


class ShortcutsDialog(QDialog):
    """Every shortcut of the window, read from the actions themselves so the list is never stale."""

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows: list[tuple[str, str]] = [
            (
                action.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
                action.text().replace("&", ""),
            )
            for action in actions
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
        label = QLabel(f"<table>{table}</table>", self)
        label.setObjectName("shortcutsTable")
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setAccessibleName(self.tr("Keyboard shortcuts"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(buttons)
        self.rows = rows


class MainWindow(QMainWindow):
    """One person's session. Locks itself after the idle delay (or Ctrl+L): a lock screen then covers
    everything and the session's dialogs are hidden until the same person signs in again. With a
    ``session_host`` (:class:`ui.shell.sessions.SessionManager`), another person signing in on the lock
    screen parks this window, hidden, and gets a window of their own."""

    closed = Signal()
    """The window has closed (after any unsaved change was dealt with)."""
    locked = Signal()
    unlocked = Signal()

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        settings: AppSettings | None = None,
        *,
        demo: bool = False,
        idle_minutes: float | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.services = services
        self.actor = actor
        self.runner = runner
        self.settings = settings or AppSettings()
        self.demo = demo
        self.session_host: SessionHost | None = None
        self._leaving_confirmed = False
        self._focused_once = False
        self._dialogs: dict[str, QWidget] = {}
        self._locked = False
        self._parked = False
        self._locked_at: datetime | None = None
        self._hidden_by_lock: list[QWidget] = []
        self._enabled_before_lock: dict[QAction, bool] = {}
        self._focus_before_lock: QWidget | None = None

        self.setWindowTitle(self._title())
        self.search_panel = SearchPanel(services, actor, runner, self)
        self.client_file = ClientFileWidget(services, actor, runner, self.settings, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.search_panel)
        self.splitter.addWidget(self.client_file)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)

        # The work page (search and file) and the lock screen share the central area; the banners
        # above them say things true of both (demo database, lost connection).
        central = QWidget(self)
        layout = QVBoxLayout(central)
        if demo:
            banner = QLabel(
                self.tr("DEMO — made-up clients in a throwaway database, deleted when FrontDesk closes."),
                central,
            )
            banner.setObjectName("demoBanner")
            banner.setWordWrap(True)
            layout.addWidget(banner)
        self.connection = connection_monitor(runner, lambda: services.ping())
        self.connection_banner = ConnectionBanner(self.connection, central)
        layout.addWidget(self.connection_banner)
        self.work_page = QWidget(central)
        self.work_page.setObjectName("workPage")
        work_layout = QVBoxLayout(self.work_page)
        work_layout.setContentsMargins(0, 0, 0, 0)
        work_layout.addWidget(self.splitter, 1)
        self.lock_screen = LockScreen(services, runner, actor.workstation, central)
        self.lock_screen.signed_in.connect(self._signed_in_on_lock_screen)
        self.lock_screen.quit_requested.connect(self.close)
        self.pages = QStackedWidget(central)
        self.pages.setObjectName("mainPages")
        self.pages.addWidget(self.work_page)
        self.pages.addWidget(self.lock_screen)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self._build_actions()
        self._build_menus()
        self._build_status_bar()
        self.connection.busy.connect(self._database_busy)
        self.connection.restored.connect(self._database_back)

        minutes = idle_lock_minutes() if idle_minutes is None else idle_minutes
        self.idle_watcher = IdleWatcher(
            max(1, int(minutes * 60_000)), self, lock_key=self.lock_action.shortcut(), owns=self._in_session
        )
        self.idle_watcher.idle.connect(self.lock)
        self.idle_watcher.lock_requested.connect(self.lock)
        self.idle_watcher.arm()

        self.search_panel.open_requested.connect(self.open_client)
        self.search_panel.status_message.connect(self.show_message)
        self.client_file.status_message.connect(self.show_message)
        self.client_file.opened.connect(self._client_opened)
        self.client_file.changed.connect(lambda _record: self.search_panel.refresh())
        self.client_file.book_requested.connect(self.book)
        self.client_file.document_requested.connect(self.acknowledgment_document)
        self.runner.failed.connect(self.show_message)
        self._update_client_actions()

        self._counts_timer = QTimer(self)
        self._counts_timer.setInterval(COUNTS_REFRESH_MS)
        self._counts_timer.timeout.connect(self.refresh_opt_out_counts)
        self._counts_timer.start()
        self.refresh_opt_out_counts()
        self._restore_layout()

    # ------------------------------------------------------------ building

    def _title(self) -> str:
        title = self.tr("FrontDesk — {name} ({role}) on {workstation}").format(
            name=self.actor.full_name, role=role_label(self.actor.role), workstation=self.actor.workstation
        )
        return self.tr("DEMO — {title}").format(title=title) if self.demo else title

    def _action(
        self, text: str, shortcut: QKeySequence | str | None, slot: Callable[[], object], name: str
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.find_action = self._action(
            self.tr("&Find a client"), "Ctrl+F", self.search_panel.focus_search, "find"
        )
        self.new_client_action = self._action(
            self.tr("&New client file…"), "Ctrl+N", self.new_client, "newClient"
        )
        self.book_action = self._action(self.tr("&Book an appointment…"), "Ctrl+B", self.book, "book")
        self.opt_out_action = self._action(
            self.tr("Log an &opt-out request…"), "Ctrl+O", self.log_opt_out, "optOut"
        )
        self.queue_action = self._action(
            self.tr("Opt-out &queue…"), "Ctrl+Shift+O", self.open_opt_out_queue, "optOutQueue"
        )
        self.refresh_action = self._action(self.tr("&Refresh"), "F5", self.refresh, "refresh")
        self.close_file_action = self._action(
            self.tr("&Close the file"), "Ctrl+W", self.close_client, "closeFile"
        )
        # Switching user is locking, then someone else signing in on the lock screen.
        self.lock_action = self._action(
            self.tr("&Lock screen / switch user"), "Ctrl+L", self.lock, "lockScreen"
        )
        self.switch_user_action = self.lock_action
        self.change_password_action = self._action(
            self.tr("Change my &password…"), None, self.change_password, "changePassword"
        )
        self.reports_action = self._action(self.tr("&Reports…"), "Ctrl+Shift+R", self.open_reports, "reports")
        self.export_action = self._action(
            self.tr("&Export a contact list…"), "Ctrl+Shift+E", self.open_export, "exportContacts"
        )
        self.staff_action = self._action(
            self.tr("&Staff accounts…"), None, self.open_staff_accounts, "staffAccounts"
        )
        self.quit_action = self._action(self.tr("&Quit"), "Ctrl+Q", self.close, "quit")
        self.shortcuts_action = self._action(
            self.tr("&Keyboard shortcuts"), "F1", self.show_shortcuts, "shortcuts"
        )
        self.about_action = self._action(self.tr("&About FrontDesk"), None, self.show_about, "about")

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_client_action)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.change_password_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        client_menu = bar.addMenu(self.tr("&Client"))
        for action in (self.find_action, self.book_action, self.opt_out_action, self.queue_action):
            client_menu.addAction(action)
        client_menu.addSeparator()
        client_menu.addAction(self.refresh_action)
        client_menu.addAction(self.close_file_action)
        # Only the roles allowed to use them see these; the services check the role again anyway.
        self.manage_menu = bar.addMenu(self.tr("&Manage"))
        self.manage_menu.setObjectName("manageMenu")
        for action, permission in (
            (self.reports_action, Permission.RUN_REPORTS),
            (self.export_action, Permission.EXPORT_CONTACTS),
            (self.staff_action, Permission.MANAGE_STAFF),
        ):
            allowed = role_allows(self.actor.role, permission)
            action.setEnabled(allowed)
            action.setVisible(allowed)
            self.manage_menu.addAction(action)
        self.manage_menu.menuAction().setVisible(any(a.isVisible() for a in self.manage_menu.actions()))
        view_menu = bar.addMenu(self.tr("&View"))
        language_menu = view_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for language in (Language.FR, Language.EN):
            action = QAction(language_name(language), self)
            action.setCheckable(True)
            action.setChecked(language == current_language())
            action.triggered.connect(lambda _checked=False, language=language: self.choose_language(language))
            group.addAction(action)
            language_menu.addAction(action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.about_action)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setObjectName("statusBar")
        self.busy_indicator = BusyIndicator(bar)
        self.busy_indicator.connect_runner(self.runner)
        self.counts_button = QToolButton(bar)
        self.counts_button.setObjectName("optOutCounts")
        self.counts_button.setAutoRaise(True)
        self.counts_button.setAccessibleName(self.tr("Opt-out requests waiting"))
        self.counts_button.setToolTip(self.tr("Open the opt-out queue (Ctrl+Shift+O)"))
        self.counts_button.clicked.connect(self.open_opt_out_queue)
        self.counts_button.setText(self.tr("Opt-outs: …"))
        self.user_label = QLabel(
            self.tr("{name} · {role}").format(name=self.actor.full_name, role=role_label(self.actor.role)),
            bar,
        )
        self.user_label.setObjectName("userLabel")
        self.user_label.setTextFormat(Qt.TextFormat.PlainText)
        bar.addPermanentWidget(self.busy_indicator)
        bar.addPermanentWidget(self.counts_button)
        bar.addPermanentWidget(self.user_label)

    def _restore_layout(self) -> None:
        if not self.settings.restore_geometry("main", self):
            width = em(self, 110)
            self.resize(width, int(width * 0.62))

    def _restore_splitter(self) -> None:
        # Only once the window has its final size: a splitter spreads any later resize over its panes.
        self.layout().activate()
        self.centralWidget().layout().activate()
        self.work_page.layout().activate()
        if not self.settings.restore_splitter("main", self.splitter):
            total = sum(self.splitter.sizes()) or self.width()
            self.splitter.setSizes([int(total * 0.38), int(total * 0.62)])

    def save_layout(self) -> None:
        self.settings.save_geometry("main", self)
        self.settings.save_splitter("main", self.splitter)
        self.client_file.save_state()
        self.settings.sync()

    # ------------------------------------------------------------ window events

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._focused_once:
            self._focused_once = True
            self._restore_splitter()
            self.search_panel.focus_search()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._leaving_confirmed:
            if not self._confirm_leaving_file(self.tr("close FrontDesk")):
                event.ignore()
                return
            if self.session_host is not None and not self.session_host.confirm_quit(self):
                event.ignore()
                return
        self._counts_timer.stop()
        self.idle_watcher.release()
        if not self._parked:
            self.save_layout()
        windows = list(dict.fromkeys([*self._hidden_by_lock, *self._dialogs.values()]))
        self._hidden_by_lock = []
        for window in windows:
            if self._leaving_confirmed and isinstance(window, QDialog):
                # Dropping their work was agreed already: no second question about each dialog.
                window.done(QDialog.DialogCode.Rejected)
            else:
                window.close()
        super().closeEvent(event)
        self.closed.emit()

    def close_without_asking(self) -> None:
        """Close even with unsaved work (the person quitting has agreed to drop it)."""
        self._leaving_confirmed = True
        self.close()

    def show_message(self, message: str) -> None:
        self.statusBar().showMessage(message, STATUS_TIMEOUT_MS)

    # ------------------------------------------------------------ client file

    def open_client(self, client_id: int) -> None:
        current = self.client_file.client
        if current is not None and current.id == client_id:
            return
        if not self._confirm_leaving_file(self.tr("open another file")):
            return
        self.client_file.open_client(client_id)
        self._update_client_actions()

    def close_client(self) -> None:
        if self._confirm_leaving_file(self.tr("close the file")):
            self.client_file.close_client()
            self._update_client_actions()
            self.search_panel.focus_search()

    def _client_opened(self, record: ClientRecord) -> None:
        self._update_client_actions()
        self.show_message(
            self.tr("File {file} opened: {name}.").format(file=record.file_number, name=record.full_name)
        )

    def _update_client_actions(self) -> None:
        has_client = self.client_file.client is not None
        self.book_action.setEnabled(has_client)
        self.close_file_action.setEnabled(has_client)
        self.client_file.appointments_tab.book_button.setEnabled(has_client)

    def _confirm_leaving_file(self, doing: str) -> bool:
        """True if nothing unsaved would be lost, or the person agrees to drop it."""
        if not self.client_file.has_unsaved_changes():
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("The client's details have unsaved changes. Drop them and {doing}?").format(doing=doing),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def refresh(self) -> None:
        self.client_file.refresh()
        self.search_panel.refresh()
        self.refresh_opt_out_counts()

    def new_client(self) -> None:
        dialog = NewClientDialog(self.services, self.actor, self.runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.created.connect(self._client_created)
        dialog.open_existing.connect(self.open_client)
        self._keep("new-client", dialog)
        dialog.open()

    def _client_created(self, record: ClientRecord) -> None:
        self.show_message(
            self.tr("File {file} created for {name}.").format(file=record.file_number, name=record.full_name)
        )
        self.search_panel.search(record.file_number)
        self.open_client(record.id)

    # ------------------------------------------------------------ other people's windows

    def _keep(self, name: str, widget: QWidget) -> None:
        self._dialogs[name] = widget
        widget.destroyed.connect(lambda _obj=None, name=name: self._dialogs.pop(name, None))

    def _load(self, module: str, name: str) -> Any | None:
        """A window class from a module that may not be installed in this version."""
        try:
            return getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError):
            log.warning("%s.%s is not available", module, name, exc_info=True)
            self.show_message(self.tr("This feature is not available in this version of FrontDesk."))
            return None

    @staticmethod
    def _present(widget: QWidget) -> None:
        if isinstance(widget, QDialog):
            widget.open()
        else:
            widget.show()
        widget.raise_()
        widget.activateWindow()

    def book(self) -> None:
        client = self.client_file.client
        if client is None:
            self.show_message(self.tr("Open a client file first (Ctrl+F to search)."))
            return
        dialog_class = self._load("ui.booking.booking_dialog", "BookingDialog")
        if dialog_class is None:
            return
        dialog = dialog_class(self.services, self.actor, self.runner, client, self)
        dialog.booked.connect(lambda result: self._booked(client, result))
        self._keep("booking", dialog)
        self._present(dialog)

    def _booked(self, client: ClientRecord, _result: object) -> None:
        self.show_message(self.tr("Appointment booked for {name}.").format(name=client.full_name))
        self.client_file.refresh()

    def log_opt_out(self) -> None:
        dialog_class = self._load("ui.optouts.optout_dialog", "OptOutDialog")
        if dialog_class is None:
            return
        dialog = dialog_class(self.services, self.actor, self.runner, self.client_file.client, self)
        dialog.logged.connect(self._opt_out_logged)
        self._keep("opt-out", dialog)
        self._present(dialog)

    def _opt_out_logged(self, _record: object) -> None:
        self.show_message(self.tr("Opt-out request logged."))
        self.client_file.refresh()
        self.refresh_opt_out_counts()

    def open_opt_out_queue(self) -> None:
        existing = self._dialogs.get("queue")
        if existing is not None:
            self._present(existing)
            return
        window_class = self._load("ui.optouts.optout_queue", "OptOutQueueWindow")
        if window_class is None:
            return
        window = window_class(self.services, self.actor, self.runner, self)
        processed = getattr(window, "processed", None)
        if processed is not None:
            processed.connect(self._opt_out_processed)
        window.installEventFilter(self)
        self._keep("queue", window)
        self._present(window)

    def _opt_out_processed(self, _record: object) -> None:
        # Processing withdraws consent: the counts change, and so may the open file's badges.
        self.refresh_opt_out_counts()
        self.client_file.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._locked and event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            if watched.isWindow() and watched is not self and self._owns(watched):
                QTimer.singleShot(0, self, lambda: self._hide_while_locked(watched))
        if watched is self._dialogs.get("queue") and event.type() in (QEvent.Type.Close, QEvent.Type.Hide):
            # Requests may have been processed there: counts and the open file's consents change.
            self.refresh_opt_out_counts()
            self.client_file.refresh()
        return super().eventFilter(watched, event)

    def acknowledgment_document(self, action: str, record: AcknowledgmentRecord) -> None:
        """Show, print or save the PDF stored when the acknowledgment was recorded (byte for byte).

        Open and Print show it in the preview (audited as "view"; printing from there is audited as
        "print", saving as "export"); Save writes it straight to the file the person chooses."""
        fetch = getattr(getattr(self.services, "documents", None), "acknowledgment_pdf", None)
        if fetch is None:
            self.show_message(self.tr("PDF available in a later version"))
            return
        name = f"acknowledgment-{record.client_id:06d}-{record.signed_at:%Y%m%d-%H%M}.pdf"
        actor, ack_id = self.actor, record.id
        if action == "save":
            chosen, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save the acknowledgment"), name, self.tr("PDF documents (*.pdf)")
            )
            if not chosen:
                return
            path = Path(chosen)
            if not path.suffix:
                path = path.with_suffix(".pdf")

            def save() -> Path:
                path.write_bytes(fetch(actor, ack_id, DOCUMENT_AUDIT["save"]))
                return path

            self.runner.submit(
                save,
                on_success=lambda written: self.show_message(
                    self.tr("Saved to {path}.").format(path=str(written))
                ),
                on_failure=lambda error: self.show_message(error_text(error)),
                busy_message=self.tr("Saving the PDF…"),
            )
            return
        self.runner.submit(
            lambda: fetch(actor, ack_id, DOCUMENT_AUDIT["open"]),
            on_success=lambda data: self._show_document(data, name, ack_id, print_it=action == "print"),
            on_failure=lambda error: self.show_message(error_text(error)),
            key="acknowledgment-document",
            busy_message=self.tr("Getting the PDF…"),
        )

    def _show_document(self, data: bytes, name: str, ack_id: int, *, print_it: bool) -> None:
        fetch, actor = self.services.documents.acknowledgment_pdf, self.actor
        previous = self._dialogs.get("document")
        if previous is not None:
            previous.close()
        preview = PdfPreviewDialog(
            self.runner,
            data,
            title=self.tr("Privacy policy acknowledgment"),
            file_name=name,
            fetch_for=lambda action: fetch(actor, ack_id, action),
            parent=self,
        )
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.status_message.connect(self.show_message)
        self._keep("document", preview)
        self._show_beside(preview)
        if print_it:
            preview.print_when_loaded()

    # ------------------------------------------------------------ opt-out counts

    def refresh_opt_out_counts(self) -> None:
        services, actor = self.services, self.actor
        self.runner.submit(
            lambda: services.optouts.pending_count(actor),
            on_success=self._show_counts,
            on_failure=lambda error: self.counts_button.setText(self.tr("Opt-outs: ?")),
            key="opt-out-counts",
        )

    def _show_counts(self, counts: tuple[int, int]) -> None:
        pending, overdue = counts
        if overdue:
            text = self.tr("Opt-outs: {pending} pending · ⚠ {overdue} OVERDUE").format(
                pending=pending, overdue=overdue
            )
            tone = "danger"
        elif pending:
            text = self.tr("Opt-outs: {pending} pending").format(pending=pending)
            tone = "warning"
        else:
            text = self.tr("Opt-outs: none pending")
            tone = "ok"
        self.counts_button.setText(text)
        self.counts_button.setAccessibleDescription(text)
        self.counts_button.setProperty("tone", tone)
        self.counts_button.style().unpolish(self.counts_button)
        self.counts_button.style().polish(self.counts_button)

    # ------------------------------------------------------------ session and help

    # ------------------------------------------------------------ manager's windows

    def _open_single(self, name: str, make: Callable[[], QWidget], *, modal: bool = False) -> QWidget:
        """One window of each kind; non-modal ones leave the main window usable beside them."""
        existing = self._dialogs.get(name)
        if existing is not None:
            self._show_beside(existing)
            return existing
        window = make()
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        status = getattr(window, "status_message", None)
        if status is not None:
            status.connect(self.show_message)
        self._keep(name, window)
        if modal:
            self._present(window)
        else:
            self._show_beside(window)
        return window

    @staticmethod
    def _show_beside(window: QWidget) -> None:
        window.show()
        window.raise_()
        window.activateWindow()

    def open_reports(self) -> QWidget:
        window = self._open_single(
            "reports", lambda: ReportsWindow(self.services, self.actor, self.runner, self)
        )
        client = self.client_file.client
        if isinstance(window, ReportsWindow) and client is not None and not window.file_number.text():
            window.file_number.setText(client.file_number)  # the access log is usually for this file
        return window

    def open_export(self) -> QWidget:
        return self._open_single("export", lambda: ExportDialog(self.services, self.actor, self.runner, self))

    def open_staff_accounts(self) -> QWidget:
        return self._open_single("staff", lambda: StaffDialog(self.services, self.actor, self.runner, self))

    def change_password(self) -> QWidget:
        def make() -> ChangePasswordDialog:
            dialog = ChangePasswordDialog(self.services, self.actor, self.runner, self)
            dialog.changed.connect(lambda: self.show_message(self.tr("Your password has been changed.")))
            return dialog

        return self._open_single("password", make, modal=True)

    # ------------------------------------------------------------ database connection

    def _database_busy(self) -> None:
        if not self._parked:
            self.show_message(error_text(DatabaseBusyError()))

    def _database_back(self) -> None:
        if not self._parked:
            self.show_message(
                self.tr("Connection to the database is back. Save again anything that did not save.")
            )

    # ------------------------------------------------------------ locking

    @property
    def is_locked(self) -> bool:
        return self._locked

    @property
    def is_parked(self) -> bool:
        """Locked and set aside, hidden, while someone else works (see ui.shell.sessions)."""
        return self._parked

    def has_unsaved_work(self) -> bool:
        """Details typed but not saved, or a form still open (booking, new file, opt-out)."""
        if self.client_file.has_unsaved_changes():
            return True
        for name in ("booking", "new-client", "opt-out"):
            dialog = self._dialogs.get(name)
            if dialog is not None and (dialog.isVisible() or dialog in self._hidden_by_lock):
                return True
        return False

    def _in_session(self, window: QWidget) -> bool:
        return window is self or self._owns(window)

    def _owns(self, widget: QWidget) -> bool:
        parent = widget.parentWidget()
        while parent is not None and parent is not self:
            parent = parent.parentWidget()
        return parent is self

    def _session_windows(self) -> list[QWidget]:
        """The visible windows that belong to this session: dialogs, pop-ups, menus."""
        return [
            widget
            for widget in QApplication.topLevelWidgets()
            if widget is not self and widget.isVisible() and self._owns(widget)
        ]

    def _hide_while_locked(self, window: QWidget) -> None:
        if not self._locked or not shiboken6.isValid(window) or not window.isVisible():
            return
        window.hide()
        if window not in self._hidden_by_lock:
            self._hidden_by_lock.append(window)

    def lock(self) -> None:
        """Hide everything behind the lock screen; nothing is closed and nothing is lost."""
        if self._locked:
            return
        self._locked = True
        self._locked_at = datetime.now()
        self.idle_watcher.disarm()
        QToolTip.hideText()
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.hide()
        focus = QApplication.focusWidget()
        self._focus_before_lock = focus if focus is not None and focus.window() is self else None
        self._hidden_by_lock = self._session_windows()
        for window in self._hidden_by_lock:
            window.hide()
        # A window of this session opening while locked (a report finishing) is hidden at once too.
        QApplication.instance().installEventFilter(self)
        self._enabled_before_lock = {action: action.isEnabled() for action in self.actions()}
        for action in self._enabled_before_lock:
            action.setEnabled(False)
        self.menuBar().setEnabled(False)
        self.statusBar().clearMessage()
        self.statusBar().hide()
        self._counts_timer.stop()
        others = self.session_host.others_parked(self) if self.session_host is not None else []
        self.lock_screen.prepare(self.actor, self._locked_at, others)
        self.pages.setCurrentWidget(self.lock_screen)
        self.setWindowTitle(self.tr("FrontDesk — Locked"))
        if self.isVisible():
            self.raise_()
            self.activateWindow()
        self.lock_screen.focus_password()
        # Once the window is active again (the hidden dialog had the focus), the password gets it.
        QTimer.singleShot(0, self, lambda: self._locked and self.lock_screen.focus_password())
        self.locked.emit()

    def unlock(self) -> None:
        """The same person signed in again: everything comes back as it was."""
        if not self._locked:
            return
        self._locked = False
        self._parked = False
        QApplication.instance().removeEventFilter(self)
        self.pages.setCurrentWidget(self.work_page)
        self.setWindowTitle(self._title())
        self.menuBar().setEnabled(True)
        for action, enabled in self._enabled_before_lock.items():
            action.setEnabled(enabled)
        self._enabled_before_lock = {}
        self.statusBar().show()
        self._counts_timer.start()
        self.refresh_opt_out_counts()
        self.activateWindow()
        focus = self._focus_before_lock
        self._focus_before_lock = None
        hidden, self._hidden_by_lock = self._hidden_by_lock, []
        for window in hidden:
            window.show()
        if hidden:
            hidden[-1].raise_()
            hidden[-1].activateWindow()
        elif focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self.idle_watcher.arm()
        self.unlocked.emit()

    def park(self) -> None:
        """Locked and hidden while another person works at this workstation."""
        self.lock()
        self._parked = True
        self.save_layout()
        self.hide()

    def resume(self) -> None:
        """Back on screen after a park, unlocked for its owner."""
        self.unlock()

    def _signed_in_on_lock_screen(self, actor: Actor) -> None:
        if actor.staff_id == self.actor.staff_id:
            self.unlock()
        elif self.session_host is not None:
            self.session_host.sign_in_on(self, actor)
        else:
            self.lock_screen.show_error(
                self.tr("Only {name} can unlock this window.").format(name=self.actor.full_name)
            )

    def switch_user(self) -> None:
        """Switching user is locking: the next person signs in on the lock screen."""
        self.lock()

    def choose_language(self, language: Language) -> None:
        self.settings.language = language.value
        self.settings.sync()
        if not has_translation(language):
            self.show_message(
                self.tr(
                    "The {language} translation is not installed yet; the interface stays in English."
                ).format(language=language_name(language))
            )
        elif language != current_language():
            self.show_message(
                self.tr("FrontDesk will use {language} the next time it starts.").format(
                    language=language_name(language)
                )
            )

    def show_shortcuts(self) -> None:
        actions = [
            self.find_action,
            self.new_client_action,
            self.book_action,
            self.opt_out_action,
            self.queue_action,
            self.refresh_action,
            self.close_file_action,
            self.lock_action,
            self.reports_action,
            self.export_action,
            self.quit_action,
            self.shortcuts_action,
        ]
        dialog = ShortcutsDialog(actions, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._keep("shortcuts", dialog)
        dialog.open()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About FrontDesk"),
            self.tr(
                "<b>FrontDesk</b><br>Client files, privacy consent and opt-out requests for the front desk "
                "of Quebec medical clinics.<br><br>Database: {database}<br>Workstation: {workstation}"
            ).format(database=self.services.database_label, workstation=self.actor.workstation),
        )

    # ------------------------------------------------------------ screenshots and tests

    def open_first_result(self, text: str) -> None:
        """Search for ``text`` and open the first file found (used by --screenshot)."""
        self.search_panel.search(text, open_first=True)
