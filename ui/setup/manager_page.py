"""The first manager account, who then creates everyone else's."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWizardPage

from desktop.domain.errors import FieldError, ValidationError
from desktop.domain.login_policy import LoginPolicy, password_problem
from ui.kit.retranslate import follow_language
from ui.setup.fields import LabelledFields, line_edit

__all__ = ["MANAGER_FIELDS", "ManagerPage"]

MANAGER_FIELDS = ("username", "full_name", "password", "password_again")


class ManagerPage(QWizardPage):
    def __init__(self, policy: LoginPolicy) -> None:
        super().__init__()
        self.setObjectName("managerPage")
        self._policy = policy
        self.fields = LabelledFields(self)
        self.username = self.fields.add("username", line_edit(self, 64))
        self.full_name = self.fields.add("full_name", line_edit(self, 100))
        self.password = self.fields.add("password", line_edit(self, 1024, password=True))
        self.password_again = self.fields.add("password_again", line_edit(self, 1024, password=True))
        self.hint = QLabel(self)
        self.hint.setObjectName("smallPrint")
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(self.fields.layout)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        # The words of a mismatch are the window's own: kept to say them again in a new language.
        self._mismatch = False
        self._error: ValidationError | None = None
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        self.setTitle(self.tr("The first manager"))
        self.setSubTitle(self.tr("The manager signs in first and creates the other staff accounts."))
        texts = (
            ("username", self.tr("&Username"), self.tr("Username")),
            ("full_name", self.tr("F&ull name"), self.tr("Full name")),
            ("password", self.tr("Pass&word"), self.tr("Password")),
            ("password_again", self.tr("Password a&gain"), self.tr("Password again")),
        )
        for name, label, accessible in texts:
            self.fields.set_texts(name, label, accessible)
        self.username.setPlaceholderText(self.tr("e.g. marie.tremblay"))
        self.hint.setText(
            self.tr("Password: at least {min} characters, with letters and digits.").format(
                min=self._policy.min_password_length
            )
        )
        self._show()

    def show_error(self, error: ValidationError | None) -> None:
        self._mismatch, self._error = False, error
        if error is not None and error.for_field("password") is not None:
            self.password.clear()
            self.password_again.clear()
        self._show()

    def _show(self) -> None:
        if self._mismatch:
            self.fields.errors.show({"password_again": self.tr("The two passwords are different.")})
            self.password_again.setFocus()
        else:
            self.fields.show_error(self._error)

    def validatePage(self) -> bool:
        """What the window can say at once; the rest (a username's form) when the set-up runs."""
        problems = []
        if not self.username.text().strip():
            problems.append(FieldError("username", "required"))
        if not self.full_name.text().strip():
            problems.append(FieldError("full_name", "required"))
        weak = password_problem(self.password.text(), self.username.text().strip().lower(), self._policy)
        if weak is not None:
            problems.append(weak)
        if problems:
            self.show_error(ValidationError(problems))
            return False
        if self.password.text() != self.password_again.text():
            self._mismatch, self._error = True, None
            self.password_again.clear()
            self._show()
            return False
        self.show_error(None)
        return True
