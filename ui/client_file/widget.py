"""The client file: header with badges, then one tab per kind of record.

Opening a file is audited by the core (``clients.open``). While another file is being opened the old
one is hidden at once, so the person never reads one client's details under another's name.

The open file keeps itself current: it listens to the application's change signal and reloads only
the parts a change about its client touches (a booking's appointment, a consent, an opt-out…), and
reloads everything every :data:`PERIODIC_REFRESH_MS` for changes saved on other workstations.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.records import Actor, ClientRecord, ClientStatus
from desktop.services import Services
from ui.client_file.access_requests_tab import attach_access_requests_tab
from ui.client_file.anonymised import is_anonymised
from ui.client_file.consents_tab import ConsentsTab
from ui.client_file.desk_actions import ClientDeskActions
from ui.client_file.details_tab import DetailsTab
from ui.client_file.disclosures_tab import attach_disclosures_tab
from ui.client_file.evidence_action import EvidencePackAction
from ui.client_file.header import ClientHeader
from ui.client_file.record_tabs import AcknowledgmentsTab, AppointmentsTab, OptOutsTab
from ui.kit.errors import error_text, error_words
from ui.kit.retranslate import follow_language
from ui.kit.settings import AppSettings
from ui.kit.worker import TaskRunner

__all__ = ["FILE_SUBJECTS", "PERIODIC_REFRESH_MS", "ClientFileWidget"]

# What a client file shows; a change about its client and one of these reloads the part showing it.
FILE_SUBJECTS = (
    ChangeSubject.CLIENT,
    ChangeSubject.CONSENT,
    ChangeSubject.APPOINTMENTS,
    ChangeSubject.OPT_OUTS,
    ChangeSubject.ACKNOWLEDGMENTS,
)
# Changes saved on other workstations reach the open file at this pace.
PERIODIC_REFRESH_MS = 60_000
# The header's badges derive from these (the preferred language chooses the policy in force).
_STATUS_SUBJECTS = (
    ChangeSubject.CLIENT,
    ChangeSubject.CONSENT,
    ChangeSubject.OPT_OUTS,
    ChangeSubject.ACKNOWLEDGMENTS,
)


class ClientFileWidget(QWidget):
    opened = Signal(object)
    """The ClientRecord just opened."""
    book_requested = Signal()
    document_requested = Signal(str, object)
    status_message = Signal(str)

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        settings: AppSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("clientFile")
        self._services = services
        self._actor = actor
        self._runner = runner
        self._settings = settings
        self._client: ClientRecord | None = None
        self._status: ClientStatus | None = None
        self._opening_id: int | None = None

        self.placeholder = QLabel(self)
        self.placeholder.setObjectName("clientFilePlaceholder")
        self.placeholder.setWordWrap(True)
        # What the placeholder says, made again when the staff language changes.
        self._placeholder_text: Callable[[], str] = self._welcome_text

        self.header = ClientHeader(self)
        self.evidence = EvidencePackAction(services, actor, runner, self)
        self.evidence.status_message.connect(self.status_message)
        # Consent and signature outside a booking, for the file on screen.
        self.desk_actions = ClientDeskActions(services, actor, runner, self)
        self.desk_actions.status_message.connect(self.status_message)
        self.desk_actions.document_requested.connect(self.document_requested)
        clock = services.clock
        self.details_tab = DetailsTab(services, actor, runner, self)
        self.consents_tab = ConsentsTab(services, actor, runner, self)
        self.appointments_tab = AppointmentsTab(services, actor, runner, clock.now, self)
        self.acknowledgments_tab = AcknowledgmentsTab(services, actor, runner, self)
        self.optouts_tab = OptOutsTab(services, actor, runner, clock.today, self)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("clientTabs")
        self.tabs.setDocumentMode(True)
        tabs: tuple[QWidget, ...] = (
            self.details_tab,
            self.consents_tab,
            self.appointments_tab,
            self.acknowledgments_tab,
            self.optouts_tab,
        )
        # How many records each list tab shows (-1: loading or no file), repeated in its title.
        self._counts: dict[QWidget, int] = {}
        for tab in tabs:
            self.tabs.addTab(tab, "")
        for tab in (self.appointments_tab, self.acknowledgments_tab, self.optouts_tab):
            tab.count_changed.connect(lambda count, tab=tab: self._show_count(tab, count))
        self.disclosures_tab = attach_disclosures_tab(self.tabs, self.opened, services, actor, runner)
        self.access_requests_tab = attach_access_requests_tab(self.tabs, self.opened, services, actor, runner)

        self.details_tab.saved.connect(self._record_saved)
        self.details_tab.status_message.connect(self.status_message)
        self.appointments_tab.book_requested.connect(self.book_requested)
        self.acknowledgments_tab.document_requested.connect(self.document_requested)

        file_page = QWidget(self)
        file_layout = QVBoxLayout(file_page)
        file_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        # The file's actions in one column beside the header, which keeps its width for the badges.
        file_actions = QVBoxLayout()
        for button in (self.desk_actions.update_consent_button, self.desk_actions.sign_policy_button):
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            file_actions.addWidget(button)
        file_actions.addWidget(self.evidence.button)
        file_actions.addStretch(1)
        top.addLayout(file_actions)
        file_layout.addLayout(top)
        file_layout.addWidget(self.tabs, 1)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.placeholder)
        self.pages.addWidget(file_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        if settings is not None:
            settings.restore_splitter("consents", self.consents_tab.splitter)

        runner.changes.changed.connect(self._data_changed)
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(PERIODIC_REFRESH_MS)
        self.refresh_timer.timeout.connect(self._periodic_refresh)
        self.refresh_timer.start()
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        """Tab titles (with their counts) and the placeholder, in the staff language."""
        self.placeholder.setText(self._placeholder_text())
        for tab in self._tab_titles():
            self._show_count(tab, self._counts.get(tab, -1))

    def _tab_titles(self) -> dict[QWidget, str]:
        return {
            self.details_tab: self.tr("&Details"),
            self.consents_tab: self.tr("Co&nsents"),
            self.appointments_tab: self.tr("&Appointments"),
            self.acknowledgments_tab: self.tr("Ac&knowledgments"),
            self.optouts_tab: self.tr("Opt-o&uts"),
        }

    def _welcome_text(self) -> str:
        return self.tr(
            "No client file is open.\n\nType a name, phone number, date of birth or file number in the "
            "search field (Ctrl+F), choose with ↑ and ↓, then press Enter.\nCtrl+N creates a new file."
        )

    # ------------------------------------------------------------ state

    @property
    def client(self) -> ClientRecord | None:
        """The file on screen (None while another is being opened)."""
        return self._client

    @property
    def status(self) -> ClientStatus | None:
        return self._status

    def has_unsaved_changes(self) -> bool:
        return self._client is not None and self.details_tab.has_unsaved_changes()

    def save_state(self) -> None:
        if self._settings is not None:
            self._settings.save_splitter("consents", self.consents_tab.splitter)

    # ------------------------------------------------------------ opening

    def open_client(self, client_id: int) -> None:
        services, actor = self._services, self._actor
        self._opening_id = client_id
        self._show_nothing(lambda: self.tr("Opening the file…"))

        def work() -> tuple[ClientRecord, ClientStatus]:
            return services.clients.open(actor, client_id), services.clients.status(actor, client_id)

        self._runner.submit(
            work,
            on_success=lambda result: self._opened(*result),
            on_failure=self._open_failed,
            # Keys name this file: a task of another open file never supersedes one of this file.
            key=("client-file", id(self), "open"),
            busy_message=self.tr("Opening the client file…"),
        )

    def close_client(self) -> None:
        self._opening_id = None
        self._show_nothing(self._welcome_text)

    def _show_nothing(self, text: Callable[[], str]) -> None:
        self._client = None
        self._status = None
        self.evidence.set_client(None)
        self.desk_actions.set_client(None)
        self._placeholder_text = text
        self.placeholder.setText(text())
        self.pages.setCurrentWidget(self.placeholder)
        self.details_tab.show_record(None)
        for tab in (self.consents_tab, self.appointments_tab, self.acknowledgments_tab, self.optouts_tab):
            tab.clear()

    def _opened(self, record: ClientRecord, status: ClientStatus) -> None:
        if record.id != self._opening_id:
            return
        self._client = record
        self._status = status
        self.evidence.set_client(record)
        self.desk_actions.set_client(record)
        today = self._services.clock.today()
        self.header.show_client(record, today)
        self.header.show_status(status)
        self.details_tab.show_record(record)
        self._follow_anonymisation(record)
        self.pages.setCurrentIndex(1)
        self._load_tabs(record)
        self.opened.emit(record)

    def _open_failed(self, error: BaseException) -> None:
        words = error_words(error)
        self._show_nothing(
            lambda: self.tr("The file could not be opened.\n{message}").format(message=words())
        )
        self.status_message.emit(words())

    def _load_tabs(self, record: ClientRecord) -> None:
        self.consents_tab.load(record)
        self.appointments_tab.load(record)
        self.acknowledgments_tab.load(record)
        self.optouts_tab.load(record)

    # ------------------------------------------------------------ keeping current

    def refresh(self) -> None:
        """Reload the open file (the person asked, or changes from other workstations are due).

        Lists keep showing their rows until the new ones arrive; the details form is replaced only
        when nothing is being typed in it."""
        if self._client is None:
            return
        self._reload_record()
        self._reload_status()
        self.consents_tab.reload()
        self.appointments_tab.reload()
        self.acknowledgments_tab.reload()
        self.optouts_tab.reload()

    def _periodic_refresh(self) -> None:
        # A hidden file (the screen is locked, the window parked) asks for nothing.
        if self.isVisible():
            self.refresh()

    def _data_changed(self, change: DataChange, source: object) -> None:
        client = self._client
        if client is None or not change.concerns(client.id, *FILE_SUBJECTS):
            return
        if self._made_here(source):
            return  # the part that saved it already shows the result
        if change.touches(ChangeSubject.CLIENT):
            self._reload_record()
        if change.touches(*_STATUS_SUBJECTS):
            self._reload_status()
        # Processing an opt-out withdraws consents; the grid reads in the client's language.
        if change.touches(ChangeSubject.CONSENT, ChangeSubject.OPT_OUTS, ChangeSubject.CLIENT):
            self.consents_tab.reload()
        if change.touches(ChangeSubject.APPOINTMENTS):
            self.appointments_tab.reload()
        if change.touches(ChangeSubject.ACKNOWLEDGMENTS):
            self.acknowledgments_tab.reload()
        if change.touches(ChangeSubject.OPT_OUTS):
            self.optouts_tab.reload()

    def _made_here(self, source: object) -> bool:
        return source is self or (isinstance(source, QWidget) and self.isAncestorOf(source))

    def _reload_record(self) -> None:
        client = self._client
        if client is None:
            return
        services, actor, client_id = self._services, self._actor, client.id
        self._runner.submit(
            lambda: services.clients.get(actor, client_id),
            on_success=self._record_arrived,
            on_failure=lambda error: self.status_message.emit(error_text(error)),
            key=("client-file", id(self), "record"),
        )

    def _record_arrived(self, record: ClientRecord) -> None:
        current = self._client
        if current is None or record.id != current.id or record.version <= current.version:
            return
        self._client = record
        self.desk_actions.set_client(record)  # a new preferred language: the dialogs read in it
        self.header.show_client(record, self._services.clock.today())
        self.header.show_status(self._status)
        if not self.details_tab.has_unsaved_changes() or is_anonymised(record):
            # Something being typed stays; saving it later meets the version check.
            self.details_tab.show_record(record)
        self._follow_anonymisation(record)

    def _follow_anonymisation(self, record: ClientRecord) -> None:
        # An anonymised file's identity is a placeholder: its form is not shown, its evidence is.
        self.tabs.setTabVisible(self.tabs.indexOf(self.details_tab), not is_anonymised(record))

    def _reload_status(self) -> None:
        client = self._client
        if client is None:
            return
        services, actor, client_id = self._services, self._actor, client.id
        self._runner.submit(
            lambda: services.clients.status(actor, client_id),
            on_success=self._status_arrived,
            on_failure=lambda error: self.status_message.emit(error_text(error)),
            key=("client-file", id(self), "status"),
        )

    def _status_arrived(self, status: ClientStatus) -> None:
        if self._client is None or status.client_id != self._client.id:
            return
        self._status = status
        self.header.show_status(status)

    def _record_saved(self, record: ClientRecord) -> None:
        if self._client is None or record.id != self._client.id:
            return
        self._client = record
        self.desk_actions.set_client(record)
        self.header.show_client(record, self._services.clock.today())
        self.header.show_status(self._status)
        # The preferred language decides which policy applies and how the grid reads.
        self._reload_status()
        self.consents_tab.reload()

    def _show_count(self, tab: QWidget, count: int) -> None:
        self._counts[tab] = count
        title = self._tab_titles()[tab]
        self.tabs.setTabText(self.tabs.indexOf(tab), f"{title} ({count})" if count >= 0 else title)

    def select_tab(self, name: str) -> None:
        tab = {
            "details": self.details_tab,
            "consents": self.consents_tab,
            "appointments": self.appointments_tab,
            "acknowledgments": self.acknowledgments_tab,
            "optouts": self.optouts_tab,
        }[name]
        self.tabs.setCurrentWidget(tab)
