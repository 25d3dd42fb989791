"""Staff accounts: the manager's list (create, reset a password, deactivate, reactivate).

The services check the role (``MANAGE_STAFF``) and record every change in the audit trail; the account
forms are in :mod:`ui.admin.account_forms`. The list reloads when a STAFF change is published
elsewhere (another window's "Change my password", for instance).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.records import Actor, StaffRecord
from desktop.domain.staff_roles import may_manage_account_of
from desktop.services import Services
from ui.admin.account_forms import NewAccountDialog, ResetPasswordDialog
from ui.kit.errors import error_words
from ui.kit.forms import chain_tab_order, em
from ui.kit.i18n import role_label
from ui.kit.job_dialog import JobDialog
from ui.kit.models import Column, RecordTableModel
from ui.kit.retranslate import follow_language
from ui.kit.tables import record_table
from ui.kit.worker import TaskRunner

__all__ = ["StaffDialog"]

_LIST_JOB = "list"
_ACTIVE_JOB = "active"


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


class StaffDialog(JobDialog):
    """Every staff account of the clinic, for the manager."""

    def __init__(
        self, services: Services, actor: Actor, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(runner, "staff", parent)
        self.setObjectName("staffDialog")
        self.setModal(False)
        self._services = services
        self._actor = actor
        self.child_dialog: QDialog | None = None
        # What the state line says, kept to be said again in the staff language: the accounts loaded
        # (with what was just done to one of them), or a message of its own.
        self._records: list[StaffRecord] | None = None
        self._notice: Callable[[], str] | None = None  # said with the next list loaded
        self._shown_notice: Callable[[], str] | None = None
        self._state: Callable[[], str] | None = None

        self._intro = intro = QLabel(self)
        intro.setWordWrap(True)
        self.model: RecordTableModel[StaffRecord] = RecordTableModel(_staff_columns(), self)
        self.table = record_table(self.model, self, "staffTable")
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.selectionModel().currentChanged.connect(lambda *_args: self._update_buttons())

        self.new_button = QPushButton(self)
        self.new_button.setObjectName("newAccount")
        self.reset_button = QPushButton(self)
        self.reset_button.setObjectName("resetPassword")
        self.active_button = QPushButton(self)
        self.active_button.setObjectName("toggleActive")
        self.new_button.clicked.connect(self.new_account)
        self.reset_button.clicked.connect(self.reset_password)
        self.active_button.clicked.connect(self.toggle_active)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.reset_button)
        row.addWidget(self.active_button)
        row.addStretch(1)

        self.state = self.make_outcome_label("formMessage")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.state)
        layout.addWidget(buttons)
        chain_tab_order(self.table, self.new_button, self.reset_button, self.active_button)
        follow_language(self, self.retranslate)
        self.resize(em(self, 56), em(self, 34))
        runner.changes.changed.connect(self._data_changed)
        self.reload()

    def retranslate(self) -> None:
        """Every word in the staff language; the list, its selection and the last message stay."""
        self.setWindowTitle(self.tr("Staff accounts"))
        self._intro.setText(
            self.tr(
                "Accounts are never deleted: deactivate the account of someone who leaves, so the audit "
                "trail keeps their name. Resetting a password also lifts a lock-out."
            )
        )
        self.table.setAccessibleName(self.tr("Staff accounts"))
        self.model.retranslate(_staff_columns())
        if self.model.rowCount():
            self.table.resizeColumnsToContents()
        self.new_button.setText(self.tr("&New account…"))
        self.new_button.setAccessibleName(self.tr("New account"))
        self.reset_button.setText(self.tr("&Reset the password…"))
        self.reset_button.setAccessibleName(self.tr("Reset the password of the selected account"))
        self.state.setAccessibleName(self.tr("Staff accounts status"))
        self._update_buttons()
        self._show_state()

    def _say(self, state: Callable[[], str] | None) -> None:
        """Say ``state()`` on the state line (None: what the list holds), now and after a language change."""
        self._state = state
        self._show_state()

    def _show_state(self) -> None:
        if self._state is not None:
            self.show_outcome(self._state())
            return
        records = self._records
        if records is None:
            return
        active = sum(1 for r in records if r.active)
        counts = self.tr("{count} account(s), {active} active.").format(count=len(records), active=active)
        notice = self._shown_notice() if self._shown_notice is not None else ""
        self.show_outcome(f"{notice} {counts}".strip())

    # ------------------------------------------------------------ list

    def reload(self, select_id: int | None = None) -> None:
        services, actor = self._services, self._actor
        self._say(lambda: self.tr("Loading…"))
        self.jobs.start(
            lambda: services.staff.list(actor),
            on_success=lambda records: self._show(records, select_id),
            on_failure=self._failed,
            busy_message=self.tr("Loading…"),
            job=_LIST_JOB,
            makes_busy=False,
            supersede=True,
        )

    def _data_changed(self, change: DataChange, source: object) -> None:
        # Changes made from this window or its own forms are reloaded by their callbacks, which also
        # select the account and say what happened.
        if not change.touches(ChangeSubject.STAFF) or self._is_own(source):
            return
        self.reload()

    def _is_own(self, source: object) -> bool:
        return source is self or (isinstance(source, QObject) and source.parent() is self)

    def _show(self, records: list[StaffRecord], select_id: int | None) -> None:
        current = self.selected()
        wanted = select_id if select_id is not None else (current.id if current is not None else None)
        self.model.set_records(records)
        self.table.resizeColumnsToContents()
        self._records = records
        self._shown_notice, self._notice = self._notice, None
        self._say(None)
        for row, record in enumerate(records):
            if record.id == wanted:
                self.table.selectRow(row)
                break
        self._update_buttons()

    def _failed(self, error: BaseException) -> None:
        words = error_words(error)
        self._say(words)
        self.status_message.emit(words())
        self._update_buttons()

    def selected(self) -> StaffRecord | None:
        index = self.table.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def records(self) -> list[StaffRecord]:
        return self.model.records()

    def _update_buttons(self) -> None:
        record = self.selected()
        managed = record is not None and may_manage_account_of(self._actor.role, record.role)
        self.reset_button.setEnabled(managed)
        self.reset_button.setToolTip(
            "" if managed or record is None else self.tr("Only a privacy officer can manage this account.")
        )
        own = record is not None and record.id == self._actor.staff_id
        # Deactivating is every manager's; bringing a privacy officer's account back is a privacy officer's.
        self.active_button.setEnabled(record is not None and not own and (record.active or managed))
        if record is not None and not record.active:
            self.active_button.setText(self.tr("Re&activate"))
            self.active_button.setAccessibleName(self.tr("Reactivate the selected account"))
        else:
            self.active_button.setText(self.tr("&Deactivate"))
            self.active_button.setAccessibleName(self.tr("Deactivate the selected account"))
        if own:
            self.active_button.setToolTip(self.tr("You cannot deactivate your own account."))
        elif record is not None and not record.active and not managed:
            self.active_button.setToolTip(self.tr("Only a privacy officer can manage this account."))
        else:
            self.active_button.setToolTip("")

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
        message = lambda: self.tr("Account {username} created.").format(username=record.username)  # noqa: E731
        self.status_message.emit(message())
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
        message = lambda: self.tr("New password set for {username}.").format(username=staff.username)  # noqa: E731
        self._say(message)
        self.status_message.emit(message())

    def toggle_active(self) -> None:
        record = self.selected()
        if record is None or record.id == self._actor.staff_id:
            return
        services, actor, staff_id, active = self._services, self._actor, record.id, not record.active
        self.jobs.start(
            lambda: services.staff.set_active(actor, staff_id, active),
            on_success=self._activity_changed,
            on_failure=self._failed,
            busy_message=self.tr("Saving…"),
            job=_ACTIVE_JOB,
            makes_busy=False,
        )

    def _activity_changed(self, record: StaffRecord) -> None:
        self._runner.changes.publish(DataChange.of(ChangeSubject.STAFF), self)

        def message() -> str:
            if record.active:
                return self.tr("Account {username} reactivated.").format(username=record.username)
            return self.tr("Account {username} deactivated: it can no longer sign in.").format(
                username=record.username
            )

        self.status_message.emit(message())
        self._notice = message
        self.reload(select_id=record.id)
