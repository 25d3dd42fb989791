"""Where the data lives: this computer's own file, or a PostgreSQL server several workstations share.

A server address is tried (off the GUI thread) before Next leads on; the address holds the server's
password, so it is never logged and the summary shows it without the password.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit, urlunsplit

from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWizardPage,
)

from desktop.connection_config import check_server_url
from desktop.domain.errors import ValidationError
from desktop.paths import default_database_path
from ui.kit.errors import error_words
from ui.kit.forms import InlineErrors, make_error_label
from ui.kit.retranslate import follow_language
from ui.kit.worker import TaskRunner
from ui.setup.fields import line_edit

__all__ = ["LocationPage", "without_password"]


def without_password(url: str) -> str:
    """The address as shown on screen: the password left out."""
    parts = urlsplit(url)
    user_info, at, host = parts.netloc.rpartition("@")
    if not at or ":" not in user_info:
        return url
    return urlunsplit(parts._replace(netloc=f"{user_info.partition(':')[0]}@{host}"))


class LocationPage(QWizardPage):
    def __init__(self, runner: TaskRunner) -> None:
        super().__init__()
        self.setObjectName("locationPage")
        self._runner = runner
        self._testing = False
        # The address a server answered on; Next leads on only while the field still holds it.
        self._accepted_url: str | None = None
        self._failure: ValidationError | None = None
        self._other_failure: Callable[[], str] | None = None

        self.here = QRadioButton(self)
        self.here.setObjectName("thisComputer")
        self.here.setChecked(True)
        self.here_hint = QLabel(self)
        self.here_hint.setObjectName("smallPrint")
        self.here_hint.setWordWrap(True)
        self.server = QRadioButton(self)
        self.server.setObjectName("server")
        choices = QButtonGroup(self)
        choices.addButton(self.here)
        choices.addButton(self.server)
        self.url = line_edit(self, 1000)
        self.url.setObjectName("field_database_url")
        self.url_error = make_error_label(self)
        self.errors = InlineErrors()
        self.errors.add("database_url", self.url, self.url_error)
        self.test_button = QPushButton(self)
        self.test_button.setObjectName("testConnection")
        self.status = QLabel(self)
        self.status.setObjectName("formMessage")
        self.status.setWordWrap(True)

        row = QHBoxLayout()
        row.addWidget(self.url, 1)
        row.addWidget(self.test_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.here)
        layout.addWidget(self.here_hint)
        layout.addSpacing(self.fontMetrics().height())
        layout.addWidget(self.server)
        layout.addLayout(row)
        layout.addWidget(self.url_error)
        layout.addWidget(self.status)
        layout.addStretch(1)

        self.here.toggled.connect(self._choice_changed)
        self.url.textChanged.connect(self._url_changed)
        self.test_button.clicked.connect(self.test)
        follow_language(self, self.retranslate)
        self._choice_changed()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Where the data lives"))
        self.setSubTitle(
            self.tr("One computer keeps its own file; several workstations or clinics share a server.")
        )
        self.here.setText(self.tr("&This computer only"))
        self.here_hint.setText(
            self.tr("The data stays in a file on this computer: {path}").format(path=default_database_path())
        )
        self.server.setText(self.tr("A &PostgreSQL server shared by several workstations"))
        self.url.setPlaceholderText(self.tr("postgresql://user:password@server:5432/frontdesk"))
        self.url.setAccessibleName(self.tr("PostgreSQL server URL"))
        self.test_button.setText(self.tr("T&est the connection"))
        self._show_state()

    # ------------------------------------------------------------ the choice

    @property
    def uses_server(self) -> bool:
        return self.server.isChecked()

    @property
    def server_url(self) -> str | None:
        """The tested server address, or None for this computer."""
        return self._accepted_url if self.uses_server else None

    @property
    def is_testing(self) -> bool:
        return self._testing

    def isComplete(self) -> bool:
        return not self._testing and (not self.uses_server or bool(self.url.text().strip()))

    def validatePage(self) -> bool:
        """Next leads on for this computer, or for a server that answered; otherwise it tries the server."""
        if not self.uses_server or self._accepted_url == self.url.text().strip():
            return True
        self.test(then_next=True)
        return False

    def _choice_changed(self) -> None:
        for widget in (self.url, self.test_button):
            widget.setEnabled(self.uses_server and not self._testing)
        self.completeChanged.emit()

    def _url_changed(self) -> None:
        if self._accepted_url is not None and self._accepted_url != self.url.text().strip():
            self._accepted_url = None
        self._failure, self._other_failure = None, None
        self._show_state()
        self.completeChanged.emit()

    # ------------------------------------------------------------ trying the server

    def test(self, then_next: bool = False) -> None:
        if self._testing or not self.uses_server:
            return
        url = self.url.text().strip()
        self._testing, self._failure, self._other_failure = True, None, None
        self._choice_changed()
        self._show_state()
        self._runner.submit(
            lambda: check_server_url(url),
            on_success=lambda _checked: self._tested(url, None, then_next),
            on_failure=lambda error: self._tested(url, error, False),
            key="setup-server-test",
            busy_message=self.tr("Trying the server…"),
        )

    def _tested(self, url: str, error: BaseException | None, then_next: bool) -> None:
        self._testing = False
        if error is None:
            self._accepted_url = url
        elif isinstance(error, ValidationError):
            self._failure = error
        else:
            self._other_failure = error_words(error)
        self._choice_changed()
        self._show_state()
        if error is not None:
            self.url.setFocus()
        elif then_next and self.url.text().strip() == url and self.wizard() is not None:
            self.wizard().next()

    def _show_state(self) -> None:
        if self._failure is not None:
            self.errors.show_error(self._failure)
            self.status.clear()
            return
        self.errors.clear()
        if self._other_failure is not None:
            self.status.setText(self._other_failure())
        elif self._testing:
            self.status.setText(self.tr("Trying the server…"))
        elif self._accepted_url is not None:
            self.status.setText(self.tr("✔ The server answered."))
        else:
            self.status.clear()
