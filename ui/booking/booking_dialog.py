"""Booking an appointment, with the client's consent answers and, at the desk, the signed policy.

Page 1 is the appointment, page 2 the consent step in the client's language, page 3 (at the desk
only, unless the client already acknowledged the policy version in force on the appointment's day)
the policy summary and the signature. Everything is saved by one call to
``services.appointments.book``, so the appointment, the consent events and the acknowledgment exist
together or not at all; once saved, the dialog publishes one change naming what the booking recorded.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from desktop.domain.age import age_on, consents_for_themselves
from desktop.domain.client_texts import SigningText
from desktop.domain.enums import BookedVia
from desktop.domain.errors import ValidationError
from desktop.domain.records import (
    Actor,
    AppointmentDraft,
    BookingPolicy,
    BookingResult,
    ClientRecord,
    ConsentCapture,
    ConsentGrid,
    PolicyVersionRecord,
    SignatureCapture,
)
from desktop.domain.wording import WordingNames
from desktop.services import Services
from ui.booking.appointment_page import AppointmentPage, next_quarter_hour
from ui.booking.booking_buttons import BookingButtons
from ui.booking.booking_request import SaveIds, booking_change, booking_interaction, consent_capture
from ui.booking.conflicts import confirmed_by_manager
from ui.booking.consent_page import ConsentPage
from ui.booking.feedback import BANNER_ERROR, BANNER_INFO, field_message
from ui.booking.policy_text import PolicyTextDialog
from ui.booking.signature_step import SignatureStep
from ui.booking.slot import BookingSlot
from ui.booking.steps import FIELD_PAGES, PAGE_APPOINTMENT, PAGE_CONSENT, PAGE_SIGNATURE
from ui.kit.errors import error_text
from ui.kit.forms import chain_tab_order
from ui.kit.i18n import current_language, language_name
from ui.kit.job_dialog import JobDialog
from ui.kit.retranslate import follow_language
from ui.kit.worker import TaskRunner

__all__ = ["PAGE_APPOINTMENT", "PAGE_CONSENT", "PAGE_SIGNATURE", "BookingDialog"]


class BookingDialog(JobDialog):
    """Book an appointment for ``client`` (at ``slot``, from the schedule) with the consent answers."""

    booked = Signal(object)

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        client: ClientRecord,
        parent: QWidget | None = None,
        slot: BookingSlot | None = None,
    ) -> None:
        super().__init__(runner, "booking", parent)
        self._confirm_conflicts = False  # a manager confirmed a slot the schedule's rules refused
        self._services = services
        self._actor = actor
        self._client = client
        self._language = client.preferred_language
        self._ids: SaveIds | None = None
        self._saved = False
        self._touched = False
        self._policy: PolicyVersionRecord | None = None
        # The appointment day whose policy version is shown (or being loaded).
        self._policy_day: date | None = None
        self._show_policy_when_loaded = False
        self._policy_error: BaseException | None = None
        # What the banner says, as a function making it (said again when the staff language changes).
        self._banner_message: Callable[[], str] | None = None
        today = services.clock.today()
        self._age = age_on(client.date_of_birth, today)
        # The service refuses a booking that breaks the rule; the dialog only says so before anyone tries.
        self._minor = not consents_for_themselves(client.date_of_birth, today)

        self.setObjectName("bookingDialog")
        self.resize(900, 700)

        self.header = QLabel(self)
        self.header.setObjectName("bookingClient")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)
        self.header.setStyleSheet("font-size: 115%; font-weight: bold;")
        self.step_label = QLabel(self)
        self.step_label.setObjectName("bookingStep")
        self.banner = self.make_outcome_label("bookingBanner")
        self.banner.hide()

        self.appointment_page = AppointmentPage(next_quarter_hour(services.clock.now()), self, slot)
        self.consent_page = ConsentPage(self._language, self)
        self.consent_page.set_minor(self._minor)
        self.consent_step = self.consent_page.step
        self.method_note = self.consent_page.method_note
        self.signature_step = SignatureStep(self._language, client.full_name, self._age, self._minor, self)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.appointment_page)
        self.pages.addWidget(self.consent_page)
        self.pages.addWidget(self.signature_step)

        self.buttons = BookingButtons(self)
        self.back_button, self.next_button = self.buttons.back, self.buttons.next
        self.save_button, self.cancel_button = self.buttons.save, self.buttons.cancel

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.step_label)
        layout.addWidget(self.banner)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)

        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(self._save_or_next)

        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.appointment_page.changed.connect(self._inputs_changed)
        self.appointment_page.changed.connect(self._appointment_changed)
        self.consent_step.changed.connect(self._inputs_changed)
        self.consent_step.retry_requested.connect(self._load_grid)
        self.signature_step.changed.connect(self._inputs_changed)
        self.signature_step.full_policy_requested.connect(self._show_full_policy)
        self.jobs.running_changed.connect(lambda _running: self._follow_save())

        self._set_tab_order()
        self._show_page(PAGE_APPOINTMENT)
        follow_language(self, self.retranslate)
        self._load_grid()
        self._load_policy()

    def retranslate(self) -> None:
        """The staff's words follow the staff language; the steps keep what the client reads in theirs."""
        client = self._client
        self.setWindowTitle(self.tr("Book an appointment — {client}").format(client=client.full_name))
        self.header.setText(
            self.tr("{client} · file {file} · born {born} ({age} years old) · speaks {language}").format(
                client=client.full_name,
                file=client.file_number,
                born=client.date_of_birth.isoformat(),
                age=self._age,
                language=language_name(self._language),
            )
        )
        self.banner.setAccessibleName(self.tr("Message"))
        self._describe_step()
        if self._banner_message is not None:
            self.banner.setText(self._banner_message())
        if self._policy_error is not None:
            self._show_policy_failure()

    # ------------------------------------------------------------ navigation

    def booked_via(self) -> BookedVia | None:
        return self.appointment_page.booked_via()

    def page_order(self) -> list[int]:
        if self.consent_page.signature_asked:
            return [PAGE_APPOINTMENT, PAGE_CONSENT, PAGE_SIGNATURE]
        return [PAGE_APPOINTMENT, PAGE_CONSENT]

    def _appointment_changed(self) -> None:
        self.consent_page.set_via(self.booked_via())
        if self.appointment_page.starts_at().astimezone().date() != self._policy_day:
            self._load_policy()
        self._follow_page_order()

    def _follow_page_order(self) -> None:
        """The signature page comes and goes with how the booking is made and the client's
        acknowledgment; the page shown stays one of the steps."""
        if self.current_page() not in self.page_order():
            self._show_page(self.page_order()[-1])
        else:
            self._describe_step()
            self._update_buttons()

    @property
    def policy_settled(self) -> bool:
        """The version in force on the appointment's day has loaded (or failed to): the steps are known."""
        return self._policy is not None or self._policy_error is not None

    def current_page(self) -> int:
        return self.pages.currentIndex()

    def go_next(self) -> None:
        if self.is_running:
            return
        order = self.page_order()
        index = order.index(self.current_page())
        if self.current_page() == PAGE_APPOINTMENT and self.booked_via() is None:
            self.appointment_page.show_error(
                "booked_via", lambda: self.tr("Say how the booking is made: by phone or at the desk.")
            )
            self.appointment_page.via_phone.setFocus()
            return
        if index + 1 < len(order):
            self._show_page(order[index + 1])

    def go_back(self) -> None:
        if self.is_running:
            return
        order = self.page_order()
        index = order.index(self.current_page()) if self.current_page() in order else len(order)
        if index > 0:
            self._show_page(order[index - 1])

    def _save_or_next(self) -> None:
        if self.current_page() == self.page_order()[-1]:
            self.save()
        else:
            self.go_next()

    def _show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        self._describe_step()
        self._update_buttons()
        focus = {
            PAGE_APPOINTMENT: self.appointment_page.when,
            PAGE_CONSENT: self.consent_step.first_box(),
            PAGE_SIGNATURE: self.signature_step.representative_name
            if self._minor
            else self.signature_step.pad,
        }[page]
        focus.setFocus()

    def _describe_step(self) -> None:
        """Which step this is, and on the consent step how the answers are being given."""
        page = self.current_page()
        order = self.page_order()
        titles = {
            PAGE_APPOINTMENT: self.tr("Appointment"),
            PAGE_CONSENT: self.tr("Consent to communications"),
            PAGE_SIGNATURE: self.tr("Privacy policy and signature"),
        }
        position = order.index(page) + 1 if page in order else len(order)
        self.step_label.setText(
            self.tr("Step {n} of {total}: {title}").format(n=position, total=len(order), title=titles[page])
        )

    def _update_buttons(self) -> None:
        order = self.page_order()
        page = self.current_page()
        last = page == order[-1]
        busy = self.is_running or self._saved
        self.back_button.setEnabled(not busy and page != order[0])
        self.next_button.setEnabled(not busy and not last)
        self.save_button.setEnabled(not busy and last and self.consent_step.is_loaded)

    def _set_tab_order(self) -> None:
        chain_tab_order(
            *self.appointment_page.focus_chain(),
            self.consent_page.representative_name,
            self.consent_page.representative_capacity,
            *self.consent_step.focus_chain(),
            *self.signature_step.focus_chain(),
            *(self.back_button, self.next_button, self.save_button, self.cancel_button),
        )

    # --------------------------------------------------------------- loading

    def _load_grid(self) -> None:
        services, actor, client_id = self._services, self._actor, self._client.id
        self.consent_step.set_loading()
        self._update_buttons()
        self.jobs.start(
            lambda: (services.consent.grid(actor, client_id), services.consent.names(actor)),
            on_success=self._grid_loaded,
            on_failure=lambda exc: self.consent_step.set_load_failed(lambda: self._error_text(exc)),
            busy_message=self.tr("Loading the client's consent…"),
            job="grid",
            makes_busy=False,
            supersede=True,
        )

    def _grid_loaded(self, loaded: tuple[ConsentGrid, WordingNames]) -> None:
        self.consent_step.set_grid(*loaded)
        self._update_buttons()

    def _load_policy(self) -> None:
        """The version in force on the appointment's day, and whether the client already acknowledged it."""
        services, actor, client_id = self._services, self._actor, self._client.id
        day = self._policy_day = self.appointment_page.starts_at().astimezone().date()
        self._policy = None
        self._policy_error = None
        self.consent_page.set_policy_loading(day)
        self.signature_step.set_summary(SigningText.summary_loading.get(self._language))
        self.jobs.start(
            lambda: services.acknowledgments.for_booking(actor, client_id, day),
            on_success=self._policy_loaded,
            on_failure=self._policy_failed,
            busy_message=self.tr("Loading the privacy policy…"),
            job="policy",
            makes_busy=False,
            supersede=True,
        )

    def _policy_failed(self, error: BaseException) -> None:
        self._policy_error = error
        self._show_policy_failure()
        self.consent_page.set_policy_failed(lambda: self._error_text(error))
        self._follow_page_order()

    def _show_policy_failure(self) -> None:
        assert self._policy_error is not None
        self.signature_step.set_summary(
            self.tr("The policy could not be loaded: {detail}").format(
                detail=self._error_text(self._policy_error)
            )
        )

    def _policy_loaded(self, loaded: BookingPolicy) -> None:
        # The summary stored with the version in force that day, the one the acknowledgment records.
        self._policy = loaded.policy
        self._policy_error = None
        self.signature_step.set_summary(loaded.policy.desk_text)
        self.consent_page.set_policy(loaded)
        self._follow_page_order()
        if self._show_policy_when_loaded:
            self._show_full_policy()

    def _show_full_policy(self) -> None:
        if self._policy is None:
            self._show_policy_when_loaded = True
            return
        self._show_policy_when_loaded = False
        dialog = PolicyTextDialog(self._policy, self._language, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # ------------------------------------------------------------------ save

    def save(self) -> None:
        if self.is_running or self._saved:
            return
        self._clear_errors()
        via = self.booked_via()
        if via is None:
            self._show_page(PAGE_APPOINTMENT)
            self.go_next()
            return
        if not self.consent_step.is_loaded:
            self._show_banner(lambda: self.tr("Wait for the client's current consent to load before saving."))
            return
        if via == BookedVia.AT_DESK and not self.policy_settled:
            # Whether a signature is asked depends on it.
            self._show_banner(lambda: self.tr("Wait for the privacy policy to load before saving."))
            return
        if self.current_page() != self.page_order()[-1]:
            # Every step must have been shown to the client before anything is recorded.
            self._show_page(self.page_order()[self.page_order().index(self.current_page()) + 1])
            return
        if self.consent_page.signature_asked:
            problems = self.signature_step.local_problem_makers()
            if problems:
                for name, make in problems.items():
                    self.signature_step.show_error(name, make)
                self.signature_step.focus_field(next(iter(problems)))
                self._show_banner(lambda: self.tr("The booking was not saved: check the signature step."))
                return
        draft, capture, signature = self._prepare(via)
        services, actor, client_id = self._services, self._actor, self._client.id
        confirm = self._confirm_conflicts
        self._show_banner(lambda: self.tr("Saving…"), error=False)
        # A save is seen through: the dialog stays open meanwhile and its answer is kept after closing.
        self.jobs.start(
            lambda: services.appointments.book(
                actor, client_id, draft, capture, signature, confirm_conflicts=confirm
            ),
            on_success=self._saved_ok,
            on_failure=self._save_failed,
            busy_message=self.tr("Saving the booking…"),
            job="save",
            holds_close=True,
            keep_on_close=True,
        )

    def _prepare(self, via: BookedVia) -> tuple[AppointmentDraft, ConsentCapture, SignatureCapture | None]:
        if self._ids is None:
            self._ids = SaveIds()
        ids = self._ids
        draft = self.appointment_page.draft(ids.appointment, via)
        signature = self.signature_step.capture(ids.signature) if self.consent_page.signature_asked else None
        step, representative = self.consent_step, self.consent_page.representative()
        capture = consent_capture(
            ids, step.changes(), booking_interaction(via), self._language, step.declines(), representative
        )
        return draft, capture, signature

    def _follow_save(self) -> None:
        """The inputs are locked while the save runs and once it has succeeded."""
        enabled = not self.is_running and not self._saved
        self.appointment_page.set_inputs_enabled(enabled)
        self.consent_step.set_answers_enabled(enabled)
        self.signature_step.set_inputs_enabled(enabled)
        self._update_buttons()

    def _saved_ok(self, result: BookingResult) -> None:
        self._saved = True
        self._follow_save()
        self.jobs.runner.changes.publish(booking_change(self._client.id, result), self)
        self.booked.emit(result)
        self.accept()

    def _save_failed(self, error: BaseException) -> None:
        if confirmed_by_manager(self, error):
            self._confirm_conflicts = True
            self.save()
            return
        detail: Callable[[], str] = lambda: self._error_text(error)  # noqa: E731
        if isinstance(error, ValidationError):
            pages = []
            elsewhere: list[Callable[[], str]] = []
            for problem in error.errors:
                text = field_message(problem)
                page = FIELD_PAGES.get(problem.field)
                if page == PAGE_APPOINTMENT:
                    self.appointment_page.show_error(problem.field, text)
                elif page == PAGE_SIGNATURE and self.signature_step.show_error(problem.field, text):
                    pass
                else:
                    elsewhere.append(text)
                if page is not None:
                    pages.append(page)
            if pages and min(pages) in self.page_order():
                self._show_page(min(pages))
            # Problems shown beside their input are not repeated; the others are said here.
            detail = lambda: " ".join(  # noqa: E731
                [self.tr("Correct what is shown in red."), *(make() for make in elsewhere)]
            )
        self._show_banner(
            lambda: self.tr("The booking was not saved. {detail} Nothing you entered was lost.").format(
                detail=detail()
            )
        )

    # ------------------------------------------------------------- messages

    def _error_text(self, error: BaseException) -> str:
        return error_text(error, current_language())

    def _show_banner(self, message: Callable[[], str], *, error: bool = True) -> None:
        """Say ``message`` above the steps; it is made again when the staff language changes."""
        self._banner_message = message
        self.banner.setStyleSheet(BANNER_ERROR if error else BANNER_INFO)
        self.banner.show()
        self.show_outcome(message())

    def banner_text(self) -> str:
        return self.banner.text() if self.banner.isVisible() else ""

    def _clear_errors(self) -> None:
        self._banner_message = None
        self.banner.hide()
        self.appointment_page.clear_errors()
        self.signature_step.clear_errors()

    def _inputs_changed(self) -> None:
        self._touched = True
        if self.current_page() == PAGE_APPOINTMENT:
            self._update_buttons()

    # --------------------------------------------------------------- closing

    def close_refused(self) -> None:
        self._show_banner(lambda: self.tr("Saving… please wait a moment."), error=False)

    def reject(self) -> None:
        # While saving, the base refuses to close (and says so through close_refused).
        if not self.jobs.holds_close and self._touched and not self._saved:
            answer = QMessageBox.question(
                self,
                self.tr("Cancel the booking?"),
                self.tr(
                    "Close without saving? The booking, the consent answers and the signature will be lost."
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()
