"""Staff accounts: the manager's list (create, reset a password, deactivate, reactivate) and everyone's
"Change my password".

The services check the role (``MANAGE_STAFF``) and the password policy and record every change in the
audit trail; the dialogs show the policy before anyone types and the core's message under the field it
concerns afterwards. Passwords are cleared from the form as soon as they have been sent.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import Role
from desktop.domain.errors import ValidationError
from desktop.domain.records import Actor, StaffRecord
from desktop.services import Services
from ui.kit.errors import error_text, field_messages
from ui.kit.forms import InlineErrors, em, fit_height, make_error_label
from ui.kit.i18n import current_language, role_label
from ui.kit.models import Column, RecordTableModel
from ui.kit.worker import TaskHandle, TaskRunner

__all__ = ["ChangePasswordDialog", "NewAccountDialog", "ResetPasswordDialog", "StaffDialog"]


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


class _AccountForm(QDialog):
    """A form of labelled fields, each with its own error line, a message line and two buttons."""

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self._busy = False
        self._task: TaskHandle | None = None
        self.errors = InlineErrors()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.hint = QLabel(policy_text(services), self)
        self.hint.setObjectName("smallPrint")
        self.hint.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("formMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(self)
        self._editors: list[QWidget] = []

    def add_field(self, name: str, label_text: str, accessible: str, editor: QWidget) -> None:
        editor.setAccessibleName(accessible)
        editor.setObjectName(f"field_{name}")
        box = QWidget(self)
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.setSpacing(2)
        error = make_error_label(box)
        box_layout.addWidget(editor)
        box_layout.addWidget(error)
        label = QLabel(label_text, self)
        label.setBuddy(editor)
        self.form.addRow(label, box)
        self.errors.add(name, editor, error)
        if self._editors:
            QWidget.setTabOrder(self._editors[-1], editor)
        self._editors.append(editor)

    def finish_layout(self, intro: QLabel | None, accept: QPushButton) -> None:
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

    def submit(self, work, on_success, busy_message: str) -> None:  # type: ignore[no-untyped-def]
        if self._busy:
            return
        self._busy = True
        self.setEnabled(False)
        self.message.setText(busy_message)

        def done() -> None:
            self._busy = False
            self._task = None
            self.setEnabled(True)

        def succeeded(value: object) -> None:
            done()
            self.message.clear()
            on_success(value)

        def failed(error: BaseException) -> None:
            done()
            self.show_failure(error)

        self._task = self._runner.submit(
            work,
            on_success=succeeded,
            on_failure=failed,
            key=("staff-form", id(self)),
            busy_message=busy_message,
        )

    def password_fields(self) -> list[QLineEdit]:
        return []

    def show_failure(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            messages = field_messages(error, current_language())
            first = self.errors.show(messages)
            if any(name in messages for name in ("password", "current_password")):
                for field in self.password_fields():
                    field.clear()
            leftover = self.errors.unplaced(messages)
            self.message.setText(" ".join(leftover.values()))
            if first is not None:
                first.setFocus(Qt.FocusReason.OtherFocusReason)
            fit_height(self)
            return
        self.errors.clear()
        self.message.setText(error_text(error))
        fit_height(self)

    def passwords_match(self, first: QLineEdit, again: QLineEdit, field: str) -> bool:
        if first.text() == again.text():
            return True
        self.errors.show({field: self.tr("The two passwords are different.")})
        fit_height(self)
        again.clear()
        again.setFocus()
        return False

    def done(self, result: int) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None
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
        self.setWindowTitle(self.tr("New staff account"))
        self._actor = actor
        self.record: StaffRecord | None = None
        self.username = QLineEdit(self)
        self.username.setMaxLength(64)
        self.username.setPlaceholderText(self.tr("e.g. marie.tremblay"))
        self.full_name = QLineEdit(self)
        self.full_name.setMaxLength(100)
        self.role = QComboBox(self)
        for role in (Role.RECEPTIONIST, Role.MANAGER, Role.PRIVACY_OFFICER):
            self.role.addItem(role_label(role), role.value)
        self.password = _password_field(self)
        self.password_again = _password_field(self)
        self.add_field("username", self.tr("&Username"), self.tr("Username"), self.username)
        self.add_field("full_name", self.tr("&Full name"), self.tr("Full name"), self.full_name)
        self.add_field("role", self.tr("&Role"), self.tr("Role"), self.role)
        self.add_field("password", self.tr("&Password"), self.tr("Password"), self.password)
        self.add_field(
            "password_again", self.tr("Password &again"), self.tr("Password again"), self.password_again
        )
        self.create_button = self.buttons.addButton(
            self.tr("&Create the account"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create_button.setAccessibleName(self.tr("Create the account"))
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.create_button.clicked.connect(self.create)
        cancel.clicked.connect(self.reject)
        self.finish_layout(None, self.create_button)

    def password_fields(self) -> list[QLineEdit]:
        return [self.password, self.password_again]

    def create(self) -> None:
        if not self.passwords_match(self.password, self.password_again, "password_again"):
            return
        self.errors.clear()
        services, actor = self._services, self._actor
        username, full_name = self.username.text(), self.full_name.text()
        role, password = Role(self.role.currentData()), self.password.text()
        self.submit(
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
        self.setWindowTitle(self.tr("Reset the password of {username}").format(username=staff.username))
        self._actor = actor
        self.staff = staff
        intro = QLabel(
            self.tr(
                "New password for {name} ({username}). Give it to them in person; a lock-out after too "
                "many wrong passwords is lifted too."
            ).format(name=staff.full_name, username=staff.username),
            self,
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.password = _password_field(self)
        self.password_again = _password_field(self)
        self.add_field("password", self.tr("New &password"), self.tr("New password"), self.password)
        self.add_field(
            "password_again", self.tr("Password &again"), self.tr("New password again"), self.password_again
        )
        self.reset_button = self.buttons.addButton(
            self.tr("&Set the password"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.reset_button.setAccessibleName(self.tr("Set the password"))
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.reset_button.clicked.connect(self.apply)
        cancel.clicked.connect(self.reject)
        self.finish_layout(intro, self.reset_button)

    def password_fields(self) -> list[QLineEdit]:
        return [self.password, self.password_again]

    def apply(self) -> None:
        if not self.passwords_match(self.password, self.password_again, "password_again"):
            return
        self.errors.clear()
        services, actor, staff_id, password = self._services, self._actor, self.staff.id, self.password.text()
        self.submit(
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
        self.setWindowTitle(self.tr("Change my password"))
        self._actor = actor
        intro = QLabel(
            self.tr("Password of {name} ({username}).").format(name=actor.full_name, username=actor.username),
            self,
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.current = _password_field(self)
        self.password = _password_field(self)
        self.password_again = _password_field(self)
        self.add_field(
            "current_password", self.tr("&Current password"), self.tr("Current password"), self.current
        )
        self.add_field("password", self.tr("&New password"), self.tr("New password"), self.password)
        self.add_field(
            "password_again",
            self.tr("New password &again"),
            self.tr("New password again"),
            self.password_again,
        )
        self.change_button = self.buttons.addButton(
            self.tr("C&hange the password"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.change_button.setAccessibleName(self.tr("Change the password"))
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.change_button.clicked.connect(self.apply)
        cancel.clicked.connect(self.reject)
        self.finish_layout(intro, self.change_button)

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
        self.submit(
            lambda: services.staff.change_own_password(actor, current, new),
            lambda _none: self._done(),
            self.tr("Changing the password…"),
        )

    def _done(self) -> None:
        self.changed.emit()
        self.accept()


def _staff_columns() -> list[Column[StaffRecord]]:
    return [
        Column(QCoreApplication.translate("Staff", "Username"), lambda s: s.username),
        Column(QCoreApplication.translate("Staff", "Full name"), lambda s: s.full_name),
        Column(QCoreApplication.translate("Staff", "Role"), lambda s: role_label(s.role)),
        Column(
            QCoreApplication.translate("Staff", "Status"),
            lambda s: (
                QCoreApplication.translate("Staff", "✔ Active")
                if s.active
                else QCoreApplication.translate("Staff", "✖ Deactivated")
            ),
            tone=lambda s: "ok" if s.active else "neutral",
        ),
    ]


class StaffDialog(QDialog):
    """Every staff account of the clinic, for the manager."""

    status_message = Signal(str)

    def __init__(
        self, services: Services, actor: Actor, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("staffDialog")
        self.setWindowTitle(self.tr("Staff accounts"))
        self.setModal(False)
        self._services = services
        self._actor = actor
        self._runner = runner
        self._tasks: dict[str, TaskHandle] = {}
        self.child_dialog: QDialog | None = None
        self._notice = ""

        intro = QLabel(
            self.tr(
                "Accounts are never deleted: deactivate the account of someone who leaves, so the audit "
                "trail keeps their name. Resetting a password also lifts a lock-out."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.model: RecordTableModel[StaffRecord] = RecordTableModel(_staff_columns(), self)
        self.table = QTableView(self)
        self.table.setObjectName("staffTable")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Staff accounts"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.selectionModel().currentChanged.connect(lambda *_args: self._update_buttons())

        self.new_button = QPushButton(self.tr("&New account…"), self)
        self.new_button.setObjectName("newAccount")
        self.new_button.setAccessibleName(self.tr("New account"))
        self.reset_button = QPushButton(self.tr("&Reset the password…"), self)
        self.reset_button.setObjectName("resetPassword")
        self.reset_button.setAccessibleName(self.tr("Reset the password of the selected account"))
        self.active_button = QPushButton(self.tr("&Deactivate"), self)
        self.active_button.setObjectName("toggleActive")
        self.active_button.setAccessibleName(self.tr("Deactivate the selected account"))
        self.new_button.clicked.connect(self.new_account)
        self.reset_button.clicked.connect(self.reset_password)
        self.active_button.clicked.connect(self.toggle_active)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.reset_button)
        row.addWidget(self.active_button)
        row.addStretch(1)

        self.state = QLabel(self)
        self.state.setObjectName("formMessage")
        self.state.setWordWrap(True)
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.state.setAccessibleName(self.tr("Staff accounts status"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.state)
        layout.addWidget(buttons)
        QWidget.setTabOrder(self.table, self.new_button)
        QWidget.setTabOrder(self.new_button, self.reset_button)
        QWidget.setTabOrder(self.reset_button, self.active_button)
        self.resize(em(self, 56), em(self, 34))
        self._update_buttons()
        self.reload()

    # ------------------------------------------------------------ list

    def _submit(self, name: str, work, on_success, busy_message: str | None = None) -> None:  # type: ignore[no-untyped-def]
        def finished(callback, value):  # type: ignore[no-untyped-def]
            self._tasks.pop(name, None)
            callback(value)

        self._tasks[name] = self._runner.submit(
            work,
            on_success=lambda value: finished(on_success, value),
            on_failure=lambda error: finished(self._failed, error),
            key=("staff", id(self), name),
            busy_message=busy_message,
        )

    def reload(self, select_id: int | None = None) -> None:
        services, actor = self._services, self._actor
        self.state.setText(self.tr("Loading…"))
        self._submit(
            "list", lambda: services.staff.list(actor), lambda records: self._show(records, select_id)
        )

    def _show(self, records: list[StaffRecord], select_id: int | None) -> None:
        current = self.selected()
        wanted = select_id if select_id is not None else (current.id if current is not None else None)
        self.model.set_records(records)
        self.table.resizeColumnsToContents()
        active = sum(1 for r in records if r.active)
        counts = self.tr("{count} account(s), {active} active.").format(count=len(records), active=active)
        self.state.setText(f"{self._notice} {counts}".strip())
        self._notice = ""
        for row, record in enumerate(records):
            if record.id == wanted:
                self.table.selectRow(row)
                break
        self._update_buttons()

    def _failed(self, error: BaseException) -> None:
        message = error_text(error)
        self.state.setText(message)
        self.status_message.emit(message)
        self._update_buttons()

    def selected(self) -> StaffRecord | None:
        index = self.table.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def records(self) -> list[StaffRecord]:
        return self.model.records()

    def _update_buttons(self) -> None:
        record = self.selected()
        self.reset_button.setEnabled(record is not None)
        own = record is not None and record.id == self._actor.staff_id
        self.active_button.setEnabled(record is not None and not own)
        if record is not None and not record.active:
            self.active_button.setText(self.tr("Re&activate"))
            self.active_button.setAccessibleName(self.tr("Reactivate the selected account"))
        else:
            self.active_button.setText(self.tr("&Deactivate"))
            self.active_button.setAccessibleName(self.tr("Deactivate the selected account"))
        self.active_button.setToolTip(self.tr("You cannot deactivate your own account.") if own else "")

    # ------------------------------------------------------------ actions

    def _open_child(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.child_dialog = dialog
        dialog.destroyed.connect(lambda _obj=None: setattr(self, "child_dialog", None))
        dialog.open()

    def new_account(self) -> None:
        dialog = NewAccountDialog(self._services, self._actor, self._runner, self)
        dialog.created.connect(self._created)
        self._open_child(dialog)

    def _created(self, record: StaffRecord) -> None:
        message = self.tr("Account {username} created.").format(username=record.username)
        self.status_message.emit(message)
        self._notice = message
        self.reload(select_id=record.id)

    def reset_password(self) -> None:
        record = self.selected()
        if record is None:
            return
        dialog = ResetPasswordDialog(self._services, self._actor, self._runner, record, self)
        dialog.reset.connect(self._password_reset)
        self._open_child(dialog)

    def _password_reset(self, staff: StaffRecord) -> None:
        message = self.tr("New password set for {username}.").format(username=staff.username)
        self.state.setText(message)
        self.status_message.emit(message)

    def toggle_active(self) -> None:
        record = self.selected()
        if record is None or record.id == self._actor.staff_id:
            return
        services, actor, staff_id, active = self._services, self._actor, record.id, not record.active
        self._submit(
            "active",
            lambda: services.staff.set_active(actor, staff_id, active),
            self._activity_changed,
            self.tr("Saving…"),
        )

    def _activity_changed(self, record: StaffRecord) -> None:
        if record.active:
            message = self.tr("Account {username} reactivated.").format(username=record.username)
        else:
            message = self.tr("Account {username} deactivated: it can no longer sign in.").format(
                username=record.username
            )
        self.status_message.emit(message)
        self._notice = message
        self.reload(select_id=record.id)

    def done(self, result: int) -> None:
        for handle in list(self._tasks.values()):
            handle.cancel()
        self._tasks.clear()
        super().done(result)
