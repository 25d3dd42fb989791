"""Signing in at start-up, and creating the first manager account on a brand-new database.

The username and password are checked by :class:`ui.shell.sign_in_form.SignInForm`, the same form as
the lock screen's; the first manager's account is created off the GUI thread like every service call.
"""

from __future__ import annotations

from collections.abc import Sequence

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
from desktop.domain.records import Actor, StaffRecord
from desktop.services import Services
from ui.kit.errors import error_text, field_messages
from ui.kit.forms import InlineErrors, em, make_error_label
from ui.kit.i18n import current_language, role_label
from ui.kit.worker import TaskRunner
from ui.shell.sign_in_form import SignInForm

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
    """Username and password. ``actor`` holds the signed-in staff member once accepted."""

    signed_in = Signal(object)

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        workstation: str,
        parent: QWidget | None = None,
        *,
        username: str = "",
        demo_accounts: Sequence[DemoAccount] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("FrontDesk — Sign in"))
        self._runner = runner
        self.actor: Actor | None = None

        title = QLabel(self.tr("Sign in to FrontDesk"), self)
        title.setObjectName("dialogTitle")
        self.form = SignInForm(
            services,
            runner,
            workstation,
            self,
            button_text=self.tr("&Sign in"),
            busy_text=self.tr("Signing in…"),
            busy_message=self.tr("Signing in…"),
        )
        self.form.username.setText(username)
        self.form.signed_in.connect(self._signed_in)
        self.username, self.password, self.error = self.form.username, self.form.password, self.form.error

        self.buttons = QDialogButtonBox(self)
        self.sign_in_button = self.form.button
        self.buttons.addButton(self.sign_in_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.setAccessibleName(self.tr("Sign in"))
        self.sign_in_button.setDefault(True)
        self.quit_button = self.buttons.addButton(self.tr("&Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.quit_button.clicked.connect(self.reject)

        where = QLabel(
            self.tr("Database: {where} · Workstation: {workstation}").format(
                where=services.database_label, workstation=workstation
            ),
            self,
        )
        where.setObjectName("smallPrint")
        where.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.demo_buttons: list[QPushButton] = []
        if demo_accounts:
            layout.addWidget(self._demo_box(demo_accounts))
        layout.addWidget(where)

        (self.password if username else self.username).setFocus()
        self.resize(em(self, 42), self.sizeHint().height())

    def _demo_box(self, accounts: Sequence[DemoAccount]) -> QGroupBox:
        box = QGroupBox(self.tr("Demo accounts (click to fill in)"), self)
        box.setObjectName("demoAccounts")
        layout = QVBoxLayout(box)
        for account in accounts:
            button = QPushButton(
                self.tr("{name} — {role}: {username} / {password}").format(
                    name=account.full_name,
                    role=role_label(account.role),
                    username=account.username,
                    password=account.password,
                ),
                box,
            )
            button.setObjectName("demoAccountButton")
            button.setAccessibleName(
                self.tr("Fill in the demo account {username}").format(username=account.username)
            )
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
        self.setWindowTitle(self.tr("FrontDesk — First start"))
        self._services = services
        self._runner = runner
        self._workstation = workstation
        self._busy = False
        self.record: StaffRecord | None = None

        intro = QLabel(
            self.tr(
                "This database has no account yet. Create the manager account first; the manager then "
                "creates the other accounts."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.username = QLineEdit(self)
        self.username.setMaxLength(64)
        self.username.setPlaceholderText(self.tr("e.g. marie.tremblay"))
        self.full_name = QLineEdit(self)
        self.full_name.setMaxLength(100)
        self.password = _password_field(self)
        self.password_again = _password_field(self)
        self.errors = InlineErrors()

        form = QFormLayout()
        rows = (
            ("username", self.tr("&Username"), self.tr("Username"), self.username),
            ("full_name", self.tr("&Full name"), self.tr("Full name"), self.full_name),
            ("password", self.tr("&Password"), self.tr("Password"), self.password),
            ("password_again", self.tr("Password &again"), self.tr("Password again"), self.password_again),
        )
        for name, label_text, accessible, editor in rows:
            editor.setAccessibleName(accessible)
            editor.setObjectName(f"field_{name}")
            box, error = _field_with_error(self, editor)
            label = QLabel(label_text, self)
            label.setBuddy(editor)
            form.addRow(label, box)
            self.errors.add(name, editor, error)
        hint = QLabel(
            self.tr("Password: at least {min} characters, with letters and digits.").format(
                min=services.staff.policy.min_password_length
            ),
            self,
        )
        hint.setObjectName("smallPrint")
        hint.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setObjectName("formMessage")

        buttons = QDialogButtonBox(self)
        self.create_button = buttons.addButton(
            self.tr("&Create account"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create_button.setDefault(True)
        self.create_button.setAccessibleName(self.tr("Create account"))
        quit_button = buttons.addButton(self.tr("&Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.create_button.clicked.connect(self.create_account)
        quit_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.username.setFocus()
        self.resize(em(self, 42), self.sizeHint().height())

    def create_account(self) -> None:
        if self._busy:
            return
        if self.password.text() != self.password_again.text():
            self.errors.show({"password_again": self.tr("The two passwords are different.")})
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
        if isinstance(error, ValidationError):
            messages = field_messages(error, current_language())
            first = self.errors.show(messages)
            if "password" in messages:
                self.password.clear()
                self.password_again.clear()
            leftover = self.errors.unplaced(messages)
            self.message.setText(" ".join(leftover.values()))
            if first is not None:
                first.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.errors.clear()
        self.message.setText(error_text(error))
