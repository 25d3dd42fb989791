"""Signing in at start-up, and creating the first manager account on a brand-new database.

The username and password are checked by :class:`ui.shell.sign_in_form.SignInForm`, the same form as
the lock screen's; the first manager's account is created off the GUI thread like every service call.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.demo_accounts import DemoAccount
from desktop.domain.errors import ValidationError
from ui.kit.errors import error_text, field_messages
from ui.kit.forms import InlineErrors, em, make_error_label
from ui.kit.i18n import current_language, role_label
from ui.kit.retranslate import follow_language
from ui.kit.worker import TaskRunner
from ui.shell.sign_in_form import SignInForm

if TYPE_CHECKING:
    from desktop.domain.records import Actor, StaffRecord
    from desktop.services import Services

__all__ = ["FirstManagerDialog", "LoginDialog"]


def _password_field(parent: QWidget) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(1024)
    return field


def _field_with_error(parent: QWidget, editor: QWidget) -> tuple[QWidget, QLabel]:
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    error = make_error_label(box)
    layout.addWidget(editor)
    layout.addWidget(error)
    return box, error


class LoginDialog(QDialog):
    """Username and password. ``actor`` holds the signed-in staff member once accepted.

    Without services it is shown at once, while the database opens: the person may type, and signs in
    once :meth:`attach` has given the services."""

    signed_in = Signal(object)

    def __init__(
        self,
        services: Services | None,
        runner: TaskRunner,
        workstation: str,
        parent: QWidget | None = None,
        *,
        username: str = "",
        demo_accounts: Sequence[DemoAccount] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self._runner = runner
        self._database_label = services.database_label if services is not None else None
        self._workstation = workstation
        self.actor: Actor | None = None

        self.title = QLabel(self)
        self.title.setObjectName("dialogTitle")
        self.form = SignInForm(services, runner, workstation, self)
        self.form.username.setText(username)
        self.form.signed_in.connect(self._signed_in)
        self.username, self.password, self.error = self.form.username, self.form.password, self.form.error

        self.buttons = QDialogButtonBox(self)
        self.sign_in_button = self.form.button
        self.buttons.addButton(self.sign_in_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.setDefault(True)
        self.quit_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.quit_button.clicked.connect(self.reject)

        self.where = QLabel(self)
        self.where.setObjectName("smallPrint")
        self.where.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self._demo_accounts = tuple(demo_accounts)
        self.demo_box: QGroupBox | None = None
        self.demo_buttons: list[QPushButton] = []
        if demo_accounts:
            self.demo_box = self._demo_box(demo_accounts)
            layout.addWidget(self.demo_box)
        layout.addWidget(self.where)
        follow_language(self, self.retranslate)

        (self.password if username else self.username).setFocus()
        self.resize(em(self, 42), self.sizeHint().height())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("FrontDesk — Sign in"))
        self.title.setText(self.tr("Sign in to FrontDesk"))
        self.form.set_texts(
            button_text=self.tr("&Sign in"),
            busy_text=self.tr("Signing in…"),
            busy_message=self.tr("Signing in…"),
        )
        self.sign_in_button.setAccessibleName(self.tr("Sign in"))
        self.quit_button.setText(self.tr("&Quit"))
        if self._database_label is None:
            self.where.setText(self.tr("Opening the database…"))
        else:
            self.where.setText(
                self.tr("Database: {where} · Workstation: {workstation}").format(
                    where=self._database_label, workstation=self._workstation
                )
            )
        if self.demo_box is not None:
            self.demo_box.setTitle(self.tr("Demo accounts (click to fill in)"))
        for account, button in zip(self._demo_accounts, self.demo_buttons, strict=True):
            button.setText(
                self.tr("{name} — {role}: {username} / {password}").format(
                    name=account.full_name,
                    role=role_label(account.role),
                    username=account.username,
                    password=account.password,
                )
            )
            button.setAccessibleName(
                self.tr("Fill in the demo account {username}").format(username=account.username)
            )

    def attach(self, services: Services) -> None:
        """The database is open: signing in is possible from now on."""
        self._database_label = services.database_label
        self.form.attach(services)
        self.retranslate()

    def _demo_box(self, accounts: Sequence[DemoAccount]) -> QGroupBox:
        box = QGroupBox(self)
        box.setObjectName("demoAccounts")
        layout = QVBoxLayout(box)
        for account in accounts:
            button = QPushButton(box)
            button.setObjectName("demoAccountButton")
            button.clicked.connect(lambda _checked=False, account=account: self.fill_in(account))
            layout.addWidget(button)
            self.demo_buttons.append(button)
        return box

    def fill_in(self, account: DemoAccount) -> None:
        self.username.setText(account.username)
        self.password.setText(account.password)
        self.sign_in_button.setFocus()

    def _signed_in(self, actor: Actor) -> None:
        self.actor = actor
        self.signed_in.emit(actor)
        self.accept()


class FirstManagerDialog(QDialog):
    """The very first run: create the manager account that will create everyone else's."""

    def __init__(
        self, services: Services, runner: TaskRunner, workstation: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("firstManagerDialog")
        self._services = services
        self._runner = runner
        self._workstation = workstation
        self._busy = False
        self.record: StaffRecord | None = None
        # The problem on show, worded again in the staff language when it changes.
        self._problem: BaseException | None = None
        self._passwords_differ = False

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.username = QLineEdit(self)
        self.username.setMaxLength(64)
        self.full_name = QLineEdit(self)
        self.full_name.setMaxLength(100)
        self.password = _password_field(self)
        self.password_again = _password_field(self)
        self.errors = InlineErrors()

        form = QFormLayout()
        self.field_labels: dict[str, QLabel] = {}
        for name, editor in (
            ("username", self.username),
            ("full_name", self.full_name),
            ("password", self.password),
            ("password_again", self.password_again),
        ):
            editor.setObjectName(f"field_{name}")
            box, error = _field_with_error(self, editor)
            label = QLabel(self)
            label.setBuddy(editor)
            form.addRow(label, box)
            self.field_labels[name] = label
            self.errors.add(name, editor, error)
        self.hint = QLabel(self)
        self.hint.setObjectName("smallPrint")
        self.hint.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setObjectName("formMessage")

        buttons = QDialogButtonBox(self)
        self.create_button = buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setDefault(True)
        self.quit_button = buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.create_button.clicked.connect(self.create_account)
        self.quit_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        follow_language(self, self.retranslate)
        self.username.setFocus()
        self.resize(em(self, 42), self.sizeHint().height())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("FrontDesk — First start"))
        self.intro.setText(
            self.tr(
                "This database has no account yet. Create the manager account first; the manager then "
                "creates the other accounts."
            )
        )
        self.username.setPlaceholderText(self.tr("e.g. marie.tremblay"))
        rows = (
            ("username", self.tr("&Username"), self.tr("Username")),
            ("full_name", self.tr("&Full name"), self.tr("Full name")),
            ("password", self.tr("&Password"), self.tr("Password")),
            ("password_again", self.tr("Password &again"), self.tr("Password again")),
        )
        for name, label_text, accessible in rows:
            self.field_labels[name].setText(label_text)
            self.errors.editor(name).setAccessibleName(accessible)
        self.hint.setText(
            self.tr("Password: at least {min} characters, with letters and digits.").format(
                min=self._services.staff.policy.min_password_length
            )
        )
        self.create_button.setText(self.tr("&Create account"))
        self.create_button.setAccessibleName(self.tr("Create account"))
        self.quit_button.setText(self.tr("&Quit"))
        self._show_problem()

    def create_account(self) -> None:
        if self._busy:
            return
        if self.password.text() != self.password_again.text():
            self._problem, self._passwords_differ = None, True
            self._show_problem()
            self.password_again.clear()
            self.password_again.setFocus()
            return
        services, workstation = self._services, self._workstation
        username, full_name, password = self.username.text(), self.full_name.text(), self.password.text()
        self._busy = True
        self.create_button.setEnabled(False)
        self._runner.submit(
            lambda: services.staff.create_first_manager(workstation, username, full_name, password),
            on_success=self._created,
            on_failure=self._failed,
            key="first-manager",
            busy_message=self.tr("Creating the account…"),
        )

    def _created(self, record: StaffRecord) -> None:
        self._busy = False
        self.record = record
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self.create_button.setEnabled(True)
        self._problem, self._passwords_differ = error, False
        first = self._show_problem()
        if isinstance(error, ValidationError):
            if "password" in field_messages(error, current_language()):
                self.password.clear()
                self.password_again.clear()
            if first is not None:
                first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_problem(self) -> QWidget | None:
        """Word the problem on show (if any) in the staff language; the first field to correct."""
        error = self._problem
        if self._passwords_differ:
            return self.errors.show({"password_again": self.tr("The two passwords are different.")})
        if isinstance(error, ValidationError):
            messages = field_messages(error, current_language())
            first = self.errors.show(messages)
            self.message.setText(" ".join(self.errors.unplaced(messages).values()))
            return first
        if error is not None:
            self.errors.clear()
            self.message.setText(error_text(error))
        return None
