"""The receptionist's window: search on the left, the open client file on the right.

Built for a person with a caller on the line: the search field has the focus, results follow the
typing, the arrow keys choose and Enter opens; every action has a shortcut listed under Help.

The window holds the chrome — menus, actions, status bar, banners — and opens the other windows. It
refreshes none of them: each view follows the change bus (``runner.changes``) by itself. Locking is
:class:`~ui.shell.session_lock.SessionLock`'s.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QSplitter, QVBoxLayout, QWidget

from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.enums import Language
from desktop.domain.errors import DatabaseBusyError
from desktop.domain.records import Actor, ClientRecord
from desktop.services import Services
from ui.client_file import ClientFileWidget
from ui.documents.acknowledgment_actions import AcknowledgmentDocuments
from ui.kit.busy import BusyIndicator
from ui.kit.client_search import ClientSearch
from ui.kit.errors import error_text
from ui.kit.i18n import role_label
from ui.kit.retranslate import follow_language
from ui.kit.settings import AppSettings
from ui.kit.worker import TaskRunner
from ui.shell.connection import ConnectionBanner, connection_monitor
from ui.shell.language_menu import LanguageMenu
from ui.shell.manage_menu import ManageMenu
from ui.shell.opt_out_counts import OptOutCountsButton
from ui.shell.schedule_entry import ScheduleEntry
from ui.shell.session_lock import SessionLock
from ui.shell.session_windows import SessionWindows
from ui.shell.shortcuts_dialog import ShortcutsDialog
from ui.shell.window_layout import restore_size, restore_splitter

__all__ = ["MainWindow", "SessionHost"]

STATUS_TIMEOUT_MS = 8000


class SessionHost(Protocol):
    """What a window asks of the workstation's session manager (``ui.shell.sessions``)."""

    def sign_in_on(self, window: MainWindow, actor: Actor) -> None: ...

    def confirm_quit(self, closing: MainWindow) -> bool: ...

    def others_parked(self, window: MainWindow) -> list[str]: ...


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
        self.windows = SessionWindows(services, actor, runner, self)
        self.windows.status_message.connect(self.show_message)
        self._dialogs = self.windows.opened

        self.search_panel = ClientSearch(services, actor, runner, self)
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
        self.demo_banner = QLabel(central)
        self.demo_banner.setObjectName("demoBanner")
        self.demo_banner.setWordWrap(True)
        self.demo_banner.setVisible(demo)
        layout.addWidget(self.demo_banner)
        self.connection = connection_monitor(runner, lambda: services.ping())
        self.connection_banner = ConnectionBanner(self.connection, central)
        layout.addWidget(self.connection_banner)
        self.work_page = QWidget(central)
        self.work_page.setObjectName("workPage")
        work_layout = QVBoxLayout(self.work_page)
        work_layout.setContentsMargins(0, 0, 0, 0)
        work_layout.addWidget(self.splitter, 1)
        self._build_actions()
        self.session_lock = SessionLock(
            self,
            actor,
            services,
            runner,
            work_page=self.work_page,
            lock_key=self.lock_action.shortcut(),
            idle_minutes=idle_minutes,
            others_parked=self._others_parked,
            unsaved_work=self.has_unsaved_work,
        )
        self.lock_screen = self.session_lock.screen
        self.idle_watcher = self.session_lock.idle_watcher
        self.pages = self.session_lock.pages
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self._build_menus()
        self._build_status_bar()
        self.documents = AcknowledgmentDocuments(services, actor, runner, self)
        self.documents.status_message.connect(self.show_message)
        self.documents.preview_opened.connect(lambda preview: self.windows.keep("document", preview))
        self.connection.busy.connect(self._database_busy)
        self.connection.restored.connect(self._database_back)
        self.session_lock.other_signed_in.connect(self._other_signed_in)
        self.session_lock.locked.connect(self.counts_button.pause)
        self.session_lock.unlocked.connect(self.counts_button.resume)
        self.session_lock.locked.connect(self.locked)
        self.session_lock.unlocked.connect(self.unlocked)
        self.session_lock.quit_agreed.connect(self.close_without_asking)

        self.search_panel.open_requested.connect(self.open_client)
        self.search_panel.status_message.connect(self.show_message)
        self.client_file.status_message.connect(self.show_message)
        self.client_file.evidence.preview_opened.connect(
            lambda preview: self.windows.keep("evidence", preview)
        )
        self.client_file.opened.connect(self._client_opened)
        self.client_file.book_requested.connect(self.book)
        self.client_file.desk_actions.dialog_opened.connect(self.windows.keep)
        self.client_file.document_requested.connect(self.documents.run)
        self.runner.failed.connect(self.show_message)
        self._update_client_actions()
        follow_language(self, self.retranslate)
        restore_size(self.settings, self)

    # ------------------------------------------------------------ building

    def retranslate(self) -> None:
        """Every word of the chrome in the staff language; the views inside follow by themselves."""
        self.session_lock.retranslate(self._title())
        self.demo_banner.setText(
            self.tr("DEMO — made-up clients in a throwaway database, deleted when FrontDesk closes.")
        )
        for action, text in (
            (self.find_action, self.tr("&Find a client")),
            (self.new_client_action, self.tr("&New client file…")),
            (self.book_action, self.tr("&Book an appointment…")),
            (self.opt_out_action, self.tr("Log an &opt-out request…")),
            (self.queue_action, self.tr("Opt-out &queue…")),
            (self.refresh_action, self.tr("&Refresh")),
            (self.close_file_action, self.tr("&Close the file")),
            (self.lock_action, self.tr("&Lock screen / switch user")),
            (self.change_password_action, self.tr("Change my &password…")),
            (self.reports_action, self.tr("&Reports…")),
            (self.export_action, self.tr("&Export a contact list…")),
            (self.staff_action, self.tr("&Staff accounts…")),
            (self.quit_action, self.tr("&Quit")),
            (self.shortcuts_action, self.tr("&Keyboard shortcuts")),
            (self.about_action, self.tr("&About FrontDesk")),
            (self.file_menu.menuAction(), self.tr("&File")),
            (self.client_menu.menuAction(), self.tr("&Client")),
            (self.manage_menu.menuAction(), self.tr("&Manage")),
            (self.view_menu.menuAction(), self.tr("&View")),
            (self.help_menu.menuAction(), self.tr("&Help")),
        ):
            action.setText(text)
        self.user_label.setText(
            self.tr("{name} · {role}").format(name=self.actor.full_name, role=role_label(self.actor.role))
        )

    def _title(self) -> str:
        title = self.tr("FrontDesk — {name} ({role}) on {workstation}").format(
            name=self.actor.full_name, role=role_label(self.actor.role), workstation=self.actor.workstation
        )
        return self.tr("DEMO — {title}").format(title=title) if self.demo else title

    def _action(self, shortcut: QKeySequence | str | None, slot: Callable[[], object], name: str) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        # Their words are set by retranslate.
        self.find_action = self._action("Ctrl+F", self.search_panel.focus_search, "find")
        self.new_client_action = self._action("Ctrl+N", self.new_client, "newClient")
        self.book_action = self._action("Ctrl+B", self.book, "book")
        self.opt_out_action = self._action("Ctrl+O", self.log_opt_out, "optOut")
        self.queue_action = self._action("Ctrl+Shift+O", self.open_opt_out_queue, "optOutQueue")
        self.refresh_action = self._action("F5", self.refresh, "refresh")
        self.close_file_action = self._action("Ctrl+W", self.close_client, "closeFile")
        # Switching user is locking, then someone else signing in on the lock screen.
        self.lock_action = self._action("Ctrl+L", self.lock, "lockScreen")
        self.switch_user_action = self.lock_action
        self.change_password_action = self._action(None, self.change_password, "changePassword")
        self.reports_action = self._action("Ctrl+Shift+R", self.open_reports, "reports")
        self.export_action = self._action("Ctrl+Shift+E", self.open_export, "exportContacts")
        self.staff_action = self._action(None, self.open_staff_accounts, "staffAccounts")
        self.quit_action = self._action("Ctrl+Q", self.close, "quit")
        self.shortcuts_action = self._action("F1", self.show_shortcuts, "shortcuts")
        self.about_action = self._action(None, self.show_about, "about")

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = file_menu = bar.addMenu("")
        file_menu.addAction(self.new_client_action)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.change_password_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.client_menu = client_menu = bar.addMenu("")
        for action in (self.find_action, self.book_action, self.opt_out_action, self.queue_action):
            client_menu.addAction(action)
        client_menu.addSeparator()
        # The open file's consent and signature outside a booking (listed under Help with the others).
        client_menu.addActions(self.client_file.desk_actions.actions())
        self.addActions(self.client_file.desk_actions.actions())
        client_menu.addSeparator()
        client_menu.addAction(self.refresh_action)
        client_menu.addAction(self.close_file_action)
        # Only the roles allowed to use them see these; the services check the role again anyway.
        self.manage_menu = bar.addMenu("")
        self.manage_menu.setObjectName("manageMenu")
        actions = (self.reports_action, self.export_action, self.staff_action)
        self.manage = ManageMenu(self, self.windows, self.actor, self.manage_menu, actions)
        self.schedule = ScheduleEntry(self, self.windows, self.actor, (client_menu, self.manage_menu))
        self.view_menu = view_menu = bar.addMenu("")
        self.language_menu = LanguageMenu(self.settings, view_menu)
        self.language_menu.status_message.connect(self.show_message)
        self.language_menu.chosen.connect(self.keep_language)
        view_menu.addMenu(self.language_menu)
        self.help_menu = help_menu = bar.addMenu("")
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.about_action)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setObjectName("statusBar")
        self.busy_indicator = BusyIndicator(bar)
        self.busy_indicator.connect_runner(self.runner)
        self.counts_button = OptOutCountsButton(self.services, self.actor, self.runner, bar)
        self.counts_button.clicked.connect(self.open_opt_out_queue)
        self.user_label = QLabel(bar)
        self.user_label.setObjectName("userLabel")
        self.user_label.setTextFormat(Qt.TextFormat.PlainText)
        for widget in (self.busy_indicator, self.counts_button, self.user_label):
            bar.addPermanentWidget(widget)

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
            restore_splitter(self.settings, self, self.splitter, self.work_page)
            self.search_panel.focus_search()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._leaving_confirmed:
            if self.session_lock.handles_quit() or not self._confirm_leaving_file(self.tr("close FrontDesk")):
                event.ignore()
                return
            if self.session_host is not None and not self.session_host.confirm_quit(self):
                event.ignore()
                return
        self.counts_button.pause()
        self.session_lock.release()
        if not self.is_parked:
            self.save_layout()
        # Once dropping the work was agreed, no form asks a second question about its own.
        self.windows.close_all(self.session_lock.take_hidden_windows(), dropping_work=self._leaving_confirmed)
        super().closeEvent(event)
        self.closed.emit()

    def close_without_asking(self) -> None:
        """Close even with unsaved work (the person quitting has agreed to drop it)."""
        self._leaving_confirmed = True
        self.close()

    def keep_language(self, language: Language) -> None:
        """The language this person chose, kept on their account for their next sign-in anywhere."""
        self.runner.submit(
            lambda: self.services.staff.set_own_language(self.actor, language), key=("keep-language", self)
        )

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
        """F5: anything may have changed elsewhere. Every view reloads what it shows."""
        self.runner.changes.publish(DataChange.of(*ChangeSubject), self)

    def new_client(self) -> None:
        dialog = self.windows.new_client()
        dialog.created.connect(self._client_created)
        dialog.open_existing.connect(self.open_client)

    def _client_created(self, record: ClientRecord) -> None:
        self.show_message(
            self.tr("File {file} created for {name}.").format(file=record.file_number, name=record.full_name)
        )
        self.search_panel.search(record.file_number)
        self.open_client(record.id)

    # ------------------------------------------------------------ the other windows

    def book(self) -> None:
        client = self.client_file.client
        if client is None:
            self.show_message(self.tr("Open a client file first (Ctrl+F to search)."))
            return
        self.windows.book(client)

    def log_opt_out(self) -> None:
        self.windows.log_opt_out(self.client_file.client)

    def open_opt_out_queue(self) -> QWidget:
        return self.windows.opt_out_queue()

    def open_reports(self) -> QWidget:
        return self.windows.reports(self.client_file.client)

    def open_export(self) -> QWidget:
        return self.windows.export()

    def open_staff_accounts(self) -> QWidget:
        return self.windows.staff_accounts()

    def change_password(self) -> QWidget:
        return self.windows.change_password()

    # ------------------------------------------------------------ database connection

    def _database_busy(self) -> None:
        if not self.is_parked:
            self.show_message(error_text(DatabaseBusyError()))

    def _database_back(self) -> None:
        if not self.is_parked:
            self.show_message(
                self.tr("Connection to the database is back. Save again anything that did not save.")
            )

    # ------------------------------------------------------------ locking and sessions

    @property
    def is_locked(self) -> bool:
        return self.session_lock.is_locked

    @property
    def is_parked(self) -> bool:
        """Locked and set aside, hidden, while someone else works (see ui.shell.sessions)."""
        return self.session_lock.is_parked

    def has_unsaved_work(self) -> bool:
        """Details typed but not saved, or a form still open (booking, new file, opt-out, consent, signature)."""
        hidden = self.session_lock.hidden_windows
        return self.client_file.has_unsaved_changes() or self.windows.has_open_form(hidden)

    def lock(self) -> None:
        """Hide everything behind the lock screen; nothing is closed and nothing is lost."""
        self.session_lock.lock()

    def unlock(self) -> None:
        """The same person signed in again: everything comes back as it was."""
        self.session_lock.unlock()

    def switch_user(self) -> None:
        self.lock()  # the next person signs in on the lock screen

    def park(self) -> None:
        """Locked and hidden while another person works at this workstation."""
        self.session_lock.park()
        self.save_layout()
        self.hide()

    def resume(self) -> None:
        """Back on screen after a park, unlocked for its owner."""
        self.unlock()

    def _others_parked(self) -> list[str]:
        return self.session_host.others_parked(self) if self.session_host is not None else []

    def _other_signed_in(self, actor: Actor) -> None:
        if self.session_host is not None:
            self.session_host.sign_in_on(self, actor)
        else:
            self.lock_screen.show_error(
                lambda: self.tr("Only {name} can unlock this window.").format(name=self.actor.full_name)
            )

    # ------------------------------------------------------------ view and help

    def show_shortcuts(self) -> None:
        # The window's actions in the order they were made: the list follows the menus.
        dialog = ShortcutsDialog(self.actions(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.windows.keep("shortcuts", dialog)
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

    def open_first_result(self, text: str) -> None:
        """Search for ``text`` and open the first file found (screenshots)."""
        self.search_panel.search(text, open_first=True)
