"""The clinic settings' Email tab: the SMTP server reminders are sent through (host, port, security,
username, sender) and its password, with a connection test.

The settings are the clinic's (in the database, ``MANAGE_CLINIC``, audited by field name); the password
is this workstation's (kept owner-only in its configuration folder by the service, never in the
database nor the log): left empty, the stored one is kept. The core refuses an unencrypted connection
to another computer; its messages show under the fields. Jobs run on the dialog's worker.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from desktop.domain.errors import ValidationError
from desktop.domain.records import Actor
from desktop.domain.reminder_records import SmtpSettingsView
from desktop.domain.reminders import DEFAULT_PORTS, SmtpSecurity, SmtpSettingsDraft
from desktop.services import Services
from ui.kit.forms import InlineErrors, em, make_error_label
from ui.kit.job_dialog import JobDialog
from ui.kit.retranslate import follow_language

__all__ = ["MailSettingsPage"]


class MailSettingsPage(QWidget):
    def __init__(self, services: Services, actor: Actor, dialog: JobDialog) -> None:
        super().__init__(dialog)
        self.setObjectName("mailSettings")
        self._services = services
        self._actor = actor
        self._dialog = dialog
        self.errors = InlineErrors()
        self._grid = QGridLayout()
        self._labels: dict[str, QLabel] = {}
        self._explanation = QLabel(self)
        self._explanation.setWordWrap(True)
        self.host = self._line("smtp_host", 253)
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORTS[SmtpSecurity.STARTTLS])
        self._row("smtp_port", self.port)
        self.security = QComboBox(self)
        for security in SmtpSecurity:
            self.security.addItem("", security.value)
        self.security.activated.connect(
            lambda _index: self.port.setValue(DEFAULT_PORTS[self.chosen_security()])
        )
        self._row("smtp_security", self.security)
        self.username = self._line("smtp_username", 254)
        self.password = self._line("smtp_password", 500)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.sender_address = self._line("smtp_sender", 254)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveMail")
        self.test_button = QPushButton(self)
        self.test_button.setObjectName("testMail")
        self.save_button.clicked.connect(lambda _checked=False: self.save())
        self.test_button.clicked.connect(lambda _checked=False: self.test())
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        self._grid.addWidget(self._explanation, self._grid.rowCount(), 0, 1, 2)
        self._grid.setRowStretch(self._grid.rowCount(), 1)
        self._grid.addLayout(buttons, self._grid.rowCount(), 0, 1, 2)
        self.setLayout(self._grid)
        dialog.jobs.disable_while_running(self.save_button, self.test_button)
        follow_language(self, self.retranslate)
        self.reload()

    def _row(self, name: str, editor: QWidget) -> None:
        row = self._grid.rowCount()
        label = QLabel(self)
        label.setBuddy(editor)
        editor.setObjectName(name)
        error = make_error_label(self)
        self._grid.addWidget(label, row, 0)
        self._grid.addWidget(editor, row, 1)
        self._grid.addWidget(error, row + 1, 1)
        self._labels[name] = label
        self.errors.add(name, editor, error)

    def _line(self, name: str, max_length: int) -> QLineEdit:
        editor = QLineEdit(self)
        editor.setMaxLength(max_length)
        editor.setMinimumWidth(em(editor, 30))
        self._row(name, editor)
        return editor

    def title(self) -> str:
        return self.tr("&Email")

    def retranslate(self) -> None:
        titles = {
            "smtp_host": self.tr("SMTP &server:"),
            "smtp_port": self.tr("P&ort:"),
            "smtp_security": self.tr("Sec&urity:"),
            "smtp_username": self.tr("&Username:"),
            "smtp_password": self.tr("&Password:"),
            "smtp_sender": self.tr("Sen&der address:"),
        }
        for name, text in titles.items():
            self._labels[name].setText(text)
        words = {
            SmtpSecurity.STARTTLS: self.tr("STARTTLS: encrypted once connected (port 587)"),
            SmtpSecurity.TLS: self.tr("TLS: encrypted from the start (port 465)"),
            SmtpSecurity.PLAIN: self.tr("None (a server on this computer only)"),
        }
        for index in range(self.security.count()):
            self.security.setItemText(index, words[SmtpSecurity(self.security.itemData(index))])
        self.password.setPlaceholderText(self.tr("Left empty: the stored password is kept"))
        self._explanation.setText(
            self.tr(
                "Appointment reminders are sent through this server. The password is kept on this "
                "workstation only, readable by your account alone, never in the database: enter it on "
                "each workstation that sends reminders."
            )
        )
        self.save_button.setText(self.tr("Save the &mail server"))
        self.test_button.setText(self.tr("&Test the connection"))
        self.errors.retranslate()

    def chosen_security(self) -> SmtpSecurity:
        return SmtpSecurity(self.security.currentData())

    def draft(self) -> SmtpSettingsDraft:
        return SmtpSettingsDraft(
            host=self.host.text(),
            port=self.port.value(),
            security=self.chosen_security(),
            username=self.username.text(),
            sender=self.sender_address.text(),
        )

    # ------------------------------------------------------------ jobs

    def reload(self) -> None:
        services, actor = self._services, self._actor
        self._dialog.run_job(
            lambda: services.reminders.smtp_settings(actor),
            self._loaded,
            busy_message=self.tr("Loading the mail server…"),
            job="mail-load",
        )

    def _loaded(self, view: SmtpSettingsView) -> None:
        settings = view.settings
        if settings is not None:
            self.host.setText(settings.host)
            self.port.setValue(settings.port)
            self.security.setCurrentIndex(self.security.findData(settings.security.value))
            self.username.setText(settings.username)
            self.sender_address.setText(settings.sender)
        self.password.clear()

    def save(self) -> None:
        draft, password = self.draft(), self.password.text() or None
        services, actor = self._services, self._actor
        self._dialog.run_job(
            lambda: services.reminders.save_smtp_settings(actor, draft, password),
            self._saved,
            busy_message=self.tr("Saving the mail server…"),
            job="mail-save",
            on_failure=self._failed,
        )

    def _saved(self, view: SmtpSettingsView) -> None:
        self.errors.clear()
        self._loaded(view)
        self._dialog.show_outcome(lambda: self.tr("Mail server saved."), announce=True)

    def test(self) -> None:
        draft, password = self.draft(), self.password.text() or None
        services, actor = self._services, self._actor
        self._dialog.run_job(
            lambda: services.reminders.test_smtp(actor, draft, password),
            lambda _none: self._dialog.show_outcome(
                lambda: self.tr("The mail server answered and accepted the sign-in."), announce=True
            ),
            busy_message=self.tr("Testing the connection…"),
            running_text=lambda: self.tr("Connecting to {host}…").format(host=draft.host),
            job="mail-test",
            on_failure=self._failed,
        )

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            first = self.errors.show_error(error)
            if first is not None:
                first.setFocus(Qt.FocusReason.OtherFocusReason)
        self._dialog.show_failure(error)
