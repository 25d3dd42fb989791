"""The staff account forms: a new account, a password reset by the manager, and everyone's "Change my
password".

The services check the role (``MANAGE_STAFF``) and the password policy and record every change in the
audit trail; the forms show the policy before anyone types and the core's message under the field it
concerns afterwards. Passwords are cleared from the form as soon as they have been sent. Each form
publishes a STAFF change once its save succeeded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.enums import Role
from desktop.domain.errors import ValidationError
from desktop.domain.records import Actor, StaffRecord
from desktop.domain.staff_roles import roles_assignable_by
from desktop.services import Services
from ui.kit.errors import error_text, field_messages
from ui.kit.forms import InlineErrors, em, fit_height, make_error_label
from ui.kit.i18n import current_language, role_label
from ui.kit.job_dialog import JobDialog
from ui.kit.retranslate import follow_language
from ui.kit.worker import TaskRunner

__all__ = ["ChangePasswordDialog", "NewAccountDialog", "ResetPasswordDialog", "policy_text"]

T = TypeVar("T")


def _password_field(parent: QWidget) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(1024)
    return field


def policy_text(services: Services) -> str:
    return QCoreApplication.translate(
        "Staff",
        "Password: at least {min} characters, with letters and digits, different from the username.",
    ).format(min=services.staff.policy.min_password_length)


class _AccountForm(JobDialog):
    """A form of labelled fields, each with its own error line, a message line and two buttons."""

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None) -> None:
        super().__init__(runner, "staff-form", parent)
        self._services = services
        # The whole form waits while its save runs.
        self.jobs.disable_while_running(self)
        self.errors = InlineErrors()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.hint = QLabel(self)
        self.hint.setObjectName("smallPrint")
        self.hint.setWordWrap(True)
        self.message = self.make_outcome_label("formMessage")
        self.buttons = QDialogButtonBox(self)
        self._editors: list[QWidget] = []
        self._labels: dict[str, QLabel] = {}
        # The problem of the last try, kept to be said again in the staff language: the core's error,
        # or the field whose two passwords differ.
        self._failure: BaseException | None = None
        self._mismatch: str | None = None

    def add_field(self, name: str, editor: QWidget) -> None:
        """A labelled field with its error line; its words are set by :meth:`set_field_texts`."""
        editor.setObjectName(f"field_{name}")
        box = QWidget(self)
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.setSpacing(2)
        error = make_error_label(box)
        box_layout.addWidget(editor)
        box_layout.addWidget(error)
        label = QLabel(self)
        label.setBuddy(editor)
        self._labels[name] = label
        self.form.addRow(label, box)
        self.errors.add(name, editor, error)
        if self._editors:
            QWidget.setTabOrder(self._editors[-1], editor)
        self._editors.append(editor)

    def set_field_texts(self, name: str, label_text: str, accessible: str) -> None:
        self._labels[name].setText(label_text)
        self.errors.editor(name).setAccessibleName(accessible)

    def retranslate(self) -> None:
        """The words every form shares; each form adds its own, then calls this."""
        self.hint.setText(policy_text(self._services))
        self._show_problem()

    def finish_layout(self, intro: QLabel | None, accept: QPushButton) -> None:
        follow_language(self, self.retranslate)
        layout = QVBoxLayout(self)
        if intro is not None:
            layout.addWidget(intro)
        layout.addLayout(self.form)
        layout.addWidget(self.hint)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        accept.setDefault(True)
        if self._editors:
            QWidget.setTabOrder(self._editors[-1], accept)
            self._editors[0].setFocus()
        self.resize(em(self, 40), self.sizeHint().height())
        fit_height(self)

    def save(self, work: Callable[[], T], on_success: Callable[[T], object], busy_message: str) -> None:
        """Run the form's service call; once it succeeded, publish the STAFF change, then ``on_success``."""

        self._failure, self._mismatch = None, None

        def succeeded(value: T) -> None:
            self.message.clear()
            self._runner.changes.publish(DataChange.of(ChangeSubject.STAFF), self)
            on_success(value)

        self.run_job(work, succeeded, busy_message=busy_message, running_text=busy_message)

    def password_fields(self) -> list[QLineEdit]:
        return []

    def show_failure(self, error: BaseException) -> None:
        self._failure, self._mismatch = error, None
        first = self._show_problem()
        if isinstance(error, ValidationError):
            if any(error.for_field(name) is not None for name in ("password", "current_password")):
                for field in self.password_fields():
                    field.clear()
            if first is not None:
                first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_problem(self) -> QWidget | None:
        """Show the last problem (if any) in the staff language; return the first field concerned."""
        first: QWidget | None = None
        error = self._failure
        if self._mismatch is not None:
            first = self.errors.show({self._mismatch: self.tr("The two passwords are different.")})
        elif isinstance(error, ValidationError):
            messages = field_messages(error, current_language())
            first = self.errors.show(messages)
            leftover = self.errors.unplaced(messages)
            self.message.setText(" ".join(leftover.values()))
        elif error is not None:
            self.errors.clear()
            self.message.setText(error_text(error))
        else:
            return None
        fit_height(self)
        return first

    def passwords_match(self, first: QLineEdit, again: QLineEdit, field: str) -> bool:
        if first.text() == again.text():
            return True
        self._failure, self._mismatch = None, field
        self._show_problem()
        again.clear()
        again.setFocus()
        return False

    def done(self, result: int) -> None:
        for field in self.password_fields():
            field.clear()
        super().done(result)


class NewAccountDialog(_AccountForm):
    """A new staff account: username, full name, role, password twice."""

    created = Signal(object)

    def __init__(
        self, services: Services, actor: Actor, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(services, runner, parent)
        self.setObjectName("newAccountDialog")
        self._actor = actor
        self.record: StaffRecord | None = None
        self.username = QLineEdit(self)
        self.username.setMaxLength(64)
        self.full_name = QLineEdit(self)
        self.full_name.setMaxLength(100)
        self.role = QComboBox(self)
        # A privacy officer's account is made by a privacy officer only: a manager is not offered it.
        for role in roles_assignable_by(actor.role):
            self.role.addItem(role_label(role), role.value)
        self.password = _password_field(self)
        self.password_again = _password_field(self)
        self.add_field("username", self.username)
        self.add_field("full_name", self.full_name)
        self.add_field("role", self.role)
        self.add_field("password", self.password)
        self.add_field("password_again", self.password_again)
        self.create_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.create_button.clicked.connect(self.create_account)
        cancel.clicked.connect(self.reject)
        self.finish_layout(None, self.create_button)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New staff account"))
        self.username.setPlaceholderText(self.tr("e.g. marie.tremblay"))
        for index in range(self.role.count()):
            self.role.setItemText(index, role_label(Role(self.role.itemData(index))))
        self.set_field_texts("username", self.tr("&Username"), self.tr("Username"))
        self.set_field_texts("full_name", self.tr("&Full name"), self.tr("Full name"))
        self.set_field_texts("role", self.tr("&Role"), self.tr("Role"))
        self.set_field_texts("password", self.tr("&Password"), self.tr("Password"))
        self.set_field_texts("password_again", self.tr("Password &again"), self.tr("Password again"))
        self.create_button.setText(self.tr("&Create the account"))
        self.create_button.setAccessibleName(self.tr("Create the account"))
        super().retranslate()

    def password_fields(self) -> list[QLineEdit]:
        return [self.password, self.password_again]

    def create_account(self) -> None:
        if not self.passwords_match(self.password, self.password_again, "password_again"):
            return
        self.errors.clear()
        services, actor = self._services, self._actor
        username, full_name = self.username.text(), self.full_name.text()
        role, password = Role(self.role.currentData()), self.password.text()
        self.save(
            lambda: services.staff.create(actor, username, full_name, role, password),
            self._created,
            self.tr("Creating the account…"),
        )

    def _created(self, record: StaffRecord) -> None:
        self.record = record
        self.created.emit(record)
        self.accept()


class ResetPasswordDialog(_AccountForm):
    """A manager gives a colleague a new password (this also lifts a lock-out)."""

    reset = Signal(object)

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        staff: StaffRecord,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, runner, parent)
        self.setObjectName("resetPasswordDialog")
        self._actor = actor
        self.staff = staff
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.password = _password_field(self)
        self.password_again = _password_field(self)
        self.add_field("password", self.password)
        self.add_field("password_again", self.password_again)
        self.reset_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.reset_button.clicked.connect(self.apply)
        cancel.clicked.connect(self.reject)
        self.finish_layout(self.intro, self.reset_button)

    def retranslate(self) -> None:
        staff = self.staff
        self.setWindowTitle(self.tr("Reset the password of {username}").format(username=staff.username))
        self.intro.setText(
            self.tr(
                "New password for {name} ({username}). Give it to them in person; a lock-out after too "
                "many wrong passwords is lifted too."
            ).format(name=staff.full_name, username=staff.username)
        )
        self.set_field_texts("password", self.tr("New &password"), self.tr("New password"))
        self.set_field_texts("password_again", self.tr("Password &again"), self.tr("New password again"))
        self.reset_button.setText(self.tr("&Set the password"))
        self.reset_button.setAccessibleName(self.tr("Set the password"))
        super().retranslate()

    def password_fields(self) -> list[QLineEdit]:
        return [self.password, self.password_again]

    def apply(self) -> None:
        if not self.passwords_match(self.password, self.password_again, "password_again"):
            return
        self.errors.clear()
        services, actor, staff_id, password = self._services, self._actor, self.staff.id, self.password.text()
        self.save(
            lambda: services.staff.reset_password(actor, staff_id, password),
            lambda _none: self._done(),
            self.tr("Setting the password…"),
        )

    def _done(self) -> None:
        self.reset.emit(self.staff)
        self.accept()


class ChangePasswordDialog(_AccountForm):
    """Anyone changes their own password: the current one, then the new one twice."""

    changed = Signal()

    def __init__(
        self, services: Services, actor: Actor, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(services, runner, parent)
        self.setObjectName("changePasswordDialog")
        self._actor = actor
        self.intro = QLabel(self)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.current = _password_field(self)
        self.password = _password_field(self)
        self.password_again = _password_field(self)
        self.add_field("current_password", self.current)
        self.add_field("password", self.password)
        self.add_field("password_again", self.password_again)
        self.change_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.change_button.clicked.connect(self.apply)
        cancel.clicked.connect(self.reject)
        self.finish_layout(self.intro, self.change_button)

    def retranslate(self) -> None:
        actor = self._actor
        self.setWindowTitle(self.tr("Change my password"))
        self.intro.setText(
            self.tr("Password of {name} ({username}).").format(name=actor.full_name, username=actor.username)
        )
        self.set_field_texts("current_password", self.tr("&Current password"), self.tr("Current password"))
        self.set_field_texts("password", self.tr("&New password"), self.tr("New password"))
        self.set_field_texts("password_again", self.tr("New password &again"), self.tr("New password again"))
        self.change_button.setText(self.tr("C&hange the password"))
        self.change_button.setAccessibleName(self.tr("Change the password"))
        super().retranslate()

    def password_fields(self) -> list[QLineEdit]:
        return [self.current, self.password, self.password_again]

    def show_failure(self, error: BaseException) -> None:
        super().show_failure(error)
        if isinstance(error, ValidationError) and error.for_field("current_password") is not None:
            self.current.setFocus()

    def apply(self) -> None:
        if not self.passwords_match(self.password, self.password_again, "password_again"):
            return
        self.errors.clear()
        services, actor = self._services, self._actor
        current, new = self.current.text(), self.password.text()
        self.save(
            lambda: services.staff.change_own_password(actor, current, new),
            lambda _none: self._done(),
            self.tr("Changing the password…"),
        )

    def _done(self) -> None:
        self.changed.emit()
        self.accept()
