"""The one sign-in form: username, password, what went wrong, and the check itself.

Used by the sign-in dialog at start-up and by the lock screen. Checking a password takes a noticeable
moment (argon2 is slow on purpose), so ``services.staff.authenticate`` runs through the task runner
like every other service call; wrong passwords count towards the account's lock-out wherever they are
typed. A refused sign-in keeps the username, clears the password and says why in the person's
language. The host places :attr:`SignInForm.button` among its own buttons.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.domain.errors import AccountLockedError
from desktop.settings import load_settings
from ui.kit.errors import error_text
from ui.kit.retranslate import follow_language
from ui.kit.worker import TaskRunner

if TYPE_CHECKING:
    from desktop.domain.records import Actor
    from desktop.services import Services

__all__ = ["SignInForm"]


class SignInForm(QWidget):
    """Emits :attr:`signed_in` with the Actor once a username and its password were right."""

    signed_in = Signal(object)

    def __init__(
        self,
        services: Services | None,
        runner: TaskRunner,
        workstation: str,
        parent: QWidget | None = None,
        *,
        button_text: str = "",
        busy_text: str = "",
        busy_message: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signInForm")
        self._services = services
        self._runner = runner
        self._workstation = workstation
        self._button_text = button_text
        self._busy_text = busy_text
        self._busy_message = busy_message
        self._busy = False
        # What the error line says, re-worded in the staff language whenever it changes.
        self._problem: Callable[[], str] | None = None

        self.username = QLineEdit(self)
        self.username.setObjectName("signInUsername")
        self.username.setMaxLength(64)
        self.password = QLineEdit(self)
        self.password.setObjectName("signInPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(1024)
        self.username_label = QLabel(self)
        self.username_label.setBuddy(self.username)
        self.password_label = QLabel(self)
        self.password_label.setBuddy(self.password)

        self.error = QLabel(self)
        self.error.setObjectName("loginError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.hide()

        self.button = QPushButton(button_text)
        self.button.clicked.connect(self.sign_in)
        self.button.setEnabled(services is not None)

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.username_label, self.username)
        form.addRow(self.password_label, self.password)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.error)
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        self.username.setAccessibleName(self.tr("Username"))
        self.password.setAccessibleName(self.tr("Password"))
        self.username_label.setText(self.tr("&Username"))
        self.password_label.setText(self.tr("&Password"))
        self.error.setAccessibleName(self.tr("Sign-in problem"))
        if self._problem is not None:
            self.error.setText(self._problem())

    def set_texts(self, *, button_text: str, busy_text: str, busy_message: str) -> None:
        """The host's words for the button, in the staff language (the host calls this on a change)."""
        self._button_text = button_text
        self._busy_text = busy_text
        self._busy_message = busy_message
        self.button.setText(self._busy_text if self._busy else self._button_text)

    def attach(self, services: Services) -> None:
        """The services to sign in with, once the database is open (the form is shown before)."""
        self._services = services
        self._set_busy(False)

    @property
    def is_busy(self) -> bool:
        return self._busy

    def reset(self, username: str) -> None:
        """Clear what a previous attempt left, ``username`` filled in."""
        self._set_busy(False)
        self.username.setText(username)
        self.password.clear()
        self.show_error("")

    def sign_in(self) -> None:
        if self._busy or self._services is None:
            return
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self.show_error(lambda: self.tr("Type your username and your password."))
            (self.username if not username else self.password).setFocus()
            return
        services, workstation = self._services, self._workstation
        self._set_busy(True)
        self._runner.submit(
            # The site this workstation is at (settings.toml, written by the set-up) is read each time:
            # the set-up may have just written it.
            lambda: services.staff.authenticate(username, password, workstation, load_settings().site_id),
            on_success=self._accepted,
            on_failure=self._refused,
            key=("sign-in", id(self)),
            busy_message=self._busy_message,
        )

    def show_error(self, message: str | Callable[[], str]) -> None:
        """Show a problem, or none with ``""``. A callable gives the words anew on each language change."""
        if isinstance(message, str):
            fixed = message
            self._problem = lambda: fixed
        else:
            self._problem = message
        text = self._problem()
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.button.setEnabled(not busy)
        self.button.setText(self._busy_text if busy else self._button_text)

    def _accepted(self, actor: Actor) -> None:
        self._set_busy(False)
        self.password.clear()
        self.show_error("")
        self.signed_in.emit(actor)

    def _refused(self, error: BaseException) -> None:
        self._set_busy(False)
        self.show_error(lambda: self._refusal(error))
        self.password.clear()
        self.password.setFocus()

    def _refusal(self, error: BaseException) -> str:
        message = error_text(error)
        if isinstance(error, AccountLockedError):
            message += " " + self.tr("A manager can unlock the account by resetting its password.")
        return message
