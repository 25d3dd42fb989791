"""Update consent…: a client tells the desk, outside any booking, what they now agree to.

The receptionist first says how the client is telling us (a phone call, at the desk, a letter, an
email): the service derives the recorded method from that, never from a choice of method. A
telemedicine answer is not offered here: the service records one only with the telemedicine
appointment it was given at, which is the booking's business.

Then the booking's consent step shows the client's current answers, each sentence in the client's
language exactly as the service stores it, so only what the client says is changed. For a client under
14 the parent or tutor who answers is named. The answers are recorded by one call to
``services.consent.record`` on the worker; a refusal is said in the staff language and everything typed
stays. Once recorded, the dialog publishes a consent change for the client: the open file's consents
tab and header follow it by themselves.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.age import age_on, consents_for_themselves
from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.enums import Interaction
from desktop.domain.errors import ValidationError
from desktop.domain.records import Actor, ClientRecord, ConsentEventRecord, ConsentGrid
from desktop.domain.wording import WordingNames
from desktop.services import Services
from ui.booking.booking_request import SaveIds, consent_capture
from ui.booking.consent_step import ConsentStep
from ui.booking.feedback import BANNER_ERROR, BANNER_INFO
from ui.booking.representative import RepresentativeFields
from ui.kit.errors import error_words
from ui.kit.forms import chain_tab_order
from ui.kit.i18n import language_name
from ui.kit.job_dialog import JobDialog
from ui.kit.retranslate import follow_language
from ui.kit.worker import TaskRunner

__all__ = ["INTERACTIONS", "ConsentUpdateDialog"]

#: How a client may tell the desk outside a booking, in the order offered.
INTERACTIONS = (Interaction.PHONE, Interaction.DESK, Interaction.LETTER, Interaction.EMAIL)


class ConsentUpdateDialog(JobDialog):
    """Record what ``client`` says about being contacted, told by phone, at the desk, by letter or email."""

    recorded = Signal(object)
    """The list of ConsentEventRecord the service added."""

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        client: ClientRecord,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, "consent-update", parent)
        self._services = services
        self._actor = actor
        self._client = client
        self._language = client.preferred_language
        self._ids: SaveIds | None = None
        self._saved = False
        self._touched = False
        # What the banner says, as a function making it (said again when the staff language changes).
        self._banner_message: Callable[[], str] | None = None
        today = services.clock.today()
        self._age = age_on(client.date_of_birth, today)
        self._minor = not consents_for_themselves(client.date_of_birth, today)

        self.setObjectName("consentUpdateDialog")
        self.resize(900, 720)

        self.header = QLabel(self)
        self.header.setObjectName("consentUpdateClient")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)
        self.header.setStyleSheet("font-size: 115%; font-weight: bold;")

        self.interaction_label = QLabel(self)
        self.interaction_label.setObjectName("interactionQuestion")
        self.interaction_label.setStyleSheet("font-weight: bold;")
        self.interaction_group = QButtonGroup(self)
        self.interaction_buttons: dict[Interaction, QRadioButton] = {}
        interaction_row = QHBoxLayout()
        for interaction in INTERACTIONS:
            button = QRadioButton(self)
            button.setObjectName(f"interaction_{interaction.value}")
            self.interaction_group.addButton(button)
            self.interaction_buttons[interaction] = button
            interaction_row.addWidget(button)
            button.toggled.connect(lambda _on: self._interaction_changed())
        interaction_row.addStretch(1)
        self.method_note = QLabel(self)
        self.method_note.setObjectName("consentMethodNote")
        self.method_note.setWordWrap(True)

        self.representative = RepresentativeFields(self)
        self.representative.setVisible(self._minor)
        self.step = ConsentStep(self._language, self)
        self.banner = self.make_outcome_label("consentUpdateBanner")
        self.banner.hide()

        self.buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("recordConsent")
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setAutoDefault(False)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.interaction_label)
        layout.addLayout(interaction_row)
        layout.addWidget(self.method_note)
        layout.addWidget(self.representative)
        layout.addWidget(self.step, 1)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)

        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(self.save)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.step.changed.connect(self._inputs_changed)
        self.step.retry_requested.connect(self._load_grid)
        self.representative.name.textEdited.connect(lambda _text: self._inputs_changed())
        self.jobs.running_changed.connect(lambda _running: self._follow_save())

        chain_tab_order(
            *self.interaction_buttons.values(),
            self.representative.name,
            self.representative.capacity,
            *self.step.focus_chain(),
            self.save_button,
            self.cancel_button,
        )
        follow_language(self, self.retranslate)
        self._update_buttons()
        self._load_grid()

    def retranslate(self) -> None:
        """The staff's words follow the staff language; the sentences stay in the client's."""
        client = self._client
        self.setWindowTitle(self.tr("Update consent — {client}").format(client=client.full_name))
        self.header.setText(
            self.tr("{client} · file {file} · born {born} ({age} years old) · speaks {language}").format(
                client=client.full_name,
                file=client.file_number,
                born=client.date_of_birth.isoformat(),
                age=self._age,
                language=language_name(self._language),
            )
        )
        self.interaction_label.setText(self.tr("How is the client telling us?"))
        labels = {
            Interaction.PHONE: self.tr("By &phone"),
            Interaction.DESK: self.tr("At the &desk"),
            Interaction.LETTER: self.tr("By le&tter"),
            Interaction.EMAIL: self.tr("By &email"),
        }
        for interaction, button in self.interaction_buttons.items():
            button.setText(labels[interaction])
            button.setAccessibleName(labels[interaction].replace("&", ""))
        self.method_note.setText(self._method_text())
        self.save_button.setText(self.tr("&Record the answers"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.banner.setAccessibleName(self.tr("Message"))
        if self._banner_message is not None:
            self.banner.setText(self._banner_message())

    # ------------------------------------------------------------------ state

    @property
    def client_id(self) -> int:
        return self._client.id

    def interaction(self) -> Interaction | None:
        for interaction, button in self.interaction_buttons.items():
            if button.isChecked():
                return interaction
        return None

    def choose(self, interaction: Interaction) -> None:
        self.interaction_buttons[interaction].setChecked(True)

    def banner_text(self) -> str:
        return self.banner.text() if self.banner.isVisible() else ""

    def _method_text(self) -> str:
        notes = {
            None: self.tr("Choose first how the client is telling us: the answers are recorded with it."),
            Interaction.PHONE: self.tr(
                "By phone: read each sentence to the client as written. The answers are recorded as given "
                "verbally on the phone."
            ),
            Interaction.DESK: self.tr(
                "At the desk: the client reads and answers each sentence. The answers are recorded as given "
                "in person."
            ),
            Interaction.LETTER: self.tr(
                "By letter: answer each sentence as the client's letter does, and keep the letter. The "
                "answers are recorded as received by post."
            ),
            Interaction.EMAIL: self.tr(
                "By email: answer each sentence as the client's email does, and keep the email. The answers "
                "are recorded as received by email."
            ),
        }
        return notes[self.interaction()]

    def _interaction_changed(self) -> None:
        self.method_note.setText(self._method_text())
        self._inputs_changed()

    def _inputs_changed(self) -> None:
        self._touched = True
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(not self.is_running and not self._saved and self.step.is_loaded)

    def _follow_save(self) -> None:
        """The inputs are locked while the answers are being recorded and once they are."""
        enabled = not self.is_running and not self._saved
        self.step.set_answers_enabled(enabled)
        self.representative.set_inputs_enabled(enabled)
        for button in self.interaction_buttons.values():
            button.setEnabled(enabled)
        self._update_buttons()

    # ---------------------------------------------------------------- loading

    def _load_grid(self) -> None:
        services, actor, client_id = self._services, self._actor, self._client.id
        self.step.set_loading()
        self._update_buttons()
        self.jobs.start(
            lambda: (services.consent.grid(actor, client_id), services.consent.names(actor)),
            on_success=self._grid_loaded,
            on_failure=lambda error: self.step.set_load_failed(error_words(error)),
            busy_message=self.tr("Loading the client's consent…"),
            job="grid",
            makes_busy=False,
            supersede=True,
        )

    def _grid_loaded(self, loaded: tuple[ConsentGrid, WordingNames]) -> None:
        self.step.set_grid(*loaded)
        self._update_buttons()
        if self.interaction() is None:
            self.interaction_buttons[INTERACTIONS[0]].setFocus()

    # ------------------------------------------------------------------- save

    def save(self) -> None:
        if self.is_running or self._saved or not self.step.is_loaded:
            return
        interaction = self.interaction()
        if interaction is None:
            self._show_banner(
                lambda: self.tr(
                    "Say first how the client is telling us: by phone, at the desk, by letter or by email."
                )
            )
            self.interaction_buttons[INTERACTIONS[0]].setFocus()
            return
        changes, declines = self.step.changes(), self.step.declines()
        if not changes and not declines:
            self._show_banner(
                lambda: self.tr("Nothing to record: every answer is the one already in the client's file."),
                error=False,
            )
            return
        if self._ids is None:
            # Made once: a retry after a lost answer is recognised by the service, never doubled.
            self._ids = SaveIds()
        representative = self.representative.representative() if self._minor else None
        capture = consent_capture(self._ids, changes, interaction, self._language, declines, representative)
        services, actor, client_id = self._services, self._actor, self._client.id
        self._show_banner(lambda: self.tr("Recording…"), error=False)
        self.jobs.start(
            lambda: services.consent.record(actor, client_id, capture),
            on_success=self._recorded,
            on_failure=self._record_failed,
            busy_message=self.tr("Recording the client's consent…"),
            job="save",
            holds_close=True,
            keep_on_close=True,
        )

    def _recorded(self, events: list[ConsentEventRecord]) -> None:
        self._saved = True
        self._follow_save()
        change = DataChange.of(ChangeSubject.CONSENT, client_id=self._client.id)
        self.jobs.runner.changes.publish(change, self)
        self.recorded.emit(events)
        self.accept()

    def _record_failed(self, error: BaseException) -> None:
        detail = error_words(error)
        if isinstance(error, ValidationError) and any(
            problem.field.startswith("representative") for problem in error.errors
        ):
            self.representative.name.setFocus()
        self._show_banner(
            lambda: self.tr("The consent was not recorded. {detail} Nothing you entered was lost.").format(
                detail=detail()
            )
        )

    def _show_banner(self, message: Callable[[], str], *, error: bool = True) -> None:
        """Say ``message`` above the buttons; it is made again when the staff language changes."""
        self._banner_message = message
        self.banner.setStyleSheet(BANNER_ERROR if error else BANNER_INFO)
        self.banner.show()
        self.show_outcome(message())

    # ---------------------------------------------------------------- closing

    def close_refused(self) -> None:
        self._show_banner(lambda: self.tr("Recording… please wait a moment."), error=False)

    def reject(self) -> None:
        # While recording, the base refuses to close (and says so through close_refused).
        if not self.jobs.holds_close and self._touched and not self._saved:
            answer = QMessageBox.question(
                self,
                self.tr("Cancel the update?"),
                self.tr("Close without recording? The answers given will be lost."),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()
