"""The client file's "Update consent…" and "Sign the policy…": what a client says or signs at the desk
without an appointment (a call saying "you may text me", a signature at the counter).

Each is an action with its shortcut, shown in its tooltip and wherever a menu lists it, and a button
beside the client's header. Both open a dialog for the file on screen, one of each at a time, owned by
the window so the session's lock hides it. A role the service would refuse sees them disabled, with a
tooltip saying why; the services check the role again anyway.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QToolButton, QWidget

from desktop.domain.records import AcknowledgmentRecord, Actor, ClientRecord
from desktop.services import Services
from desktop.services.permissions import Permission, role_allows
from ui.client_file.anonymised import is_anonymised, why_unchangeable
from ui.client_file.consent_update_dialog import ConsentUpdateDialog
from ui.client_file.policy_signing_dialog import PolicySigningDialog
from ui.kit.retranslate import follow_language
from ui.kit.worker import TaskRunner

__all__ = ["DESK_PERMISSION", "SIGN_POLICY_KEY", "UPDATE_CONSENT_KEY", "ClientDeskActions"]

#: What recording consent and acknowledgments asks of the role (``services.consent.record``,
#: ``services.acknowledgments.record``).
DESK_PERMISSION = Permission.WORK_CLIENT_FILES
UPDATE_CONSENT_KEY = "Ctrl+Shift+C"
SIGN_POLICY_KEY = "Ctrl+Shift+P"


class ClientDeskActions(QObject):
    """The two actions and their buttons, for one client file widget."""

    status_message = Signal(str)
    document_requested = Signal(str, object)
    """("print", AcknowledgmentRecord): a copy of a just-signed acknowledgment for the client."""
    dialog_opened = Signal(str, object)
    """(kind, dialog): "consent-update" or "policy-signing", for the session to keep with its forms."""

    def __init__(self, services: Services, actor: Actor, runner: TaskRunner, file_widget: QWidget) -> None:
        super().__init__(file_widget)
        self._services = services
        self._actor = actor
        self._runner = runner
        self._file_widget = file_widget
        self._client: ClientRecord | None = None
        self.allowed = role_allows(actor.role, DESK_PERMISSION)
        self.consent_dialog: ConsentUpdateDialog | None = None
        self.signing_dialog: PolicySigningDialog | None = None

        self.update_consent_action = self._action("updateConsent", UPDATE_CONSENT_KEY, self.update_consent)
        self.sign_policy_action = self._action("signPolicy", SIGN_POLICY_KEY, self.sign_policy)
        self.update_consent_button = self._button("updateConsentButton", self.update_consent_action)
        self.sign_policy_button = self._button("signPolicyButton", self.sign_policy_action)
        self.set_client(None)
        follow_language(self, self.retranslate)

    def _action(self, name: str, key: str, slot: Callable[[], object]) -> QAction:
        action = QAction(self._file_widget)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(key))
        # Anywhere in the window the file is in: the search field usually has the focus.
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self._file_widget.addAction(action)
        return action

    def _button(self, name: str, action: QAction) -> QToolButton:
        button = QToolButton(self._file_widget)
        button.setObjectName(name)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def actions(self) -> list[QAction]:
        return [self.update_consent_action, self.sign_policy_action]

    def retranslate(self) -> None:
        self.update_consent_action.setText(self.tr("Update consent…"))
        self.sign_policy_action.setText(self.tr("Sign the policy…"))
        self._describe()

    def _describe(self) -> None:
        """Each tooltip says what the action does and its shortcut, or why it cannot be used now."""
        for action, what in (
            (
                self.update_consent_action,
                self.tr(
                    "Record what the client tells us, by phone, at the desk, by letter or by email, "
                    "about reminders and messages, outside any booking."
                ),
            ),
            (
                self.sign_policy_action,
                self.tr(
                    "Have the client sign the privacy policy in force today at the desk, without an "
                    "appointment."
                ),
            ),
        ):
            key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if not self.allowed:
                tip = self.tr("Your role may not record consent or signatures.")
            elif self._client is None:
                tip = self.tr("Open a client file first.")
            elif is_anonymised(self._client):
                tip = why_unchangeable()
            else:
                tip = what
            action.setToolTip(f"{tip} ({key})")
            action.setStatusTip(tip)

    def set_client(self, client: ClientRecord | None) -> None:
        """The file on screen (None: no file, the actions wait for one)."""
        self._client = client
        for action in self.actions():
            action.setEnabled(self.allowed and client is not None and not is_anonymised(client))
        self._describe()

    # ------------------------------------------------------------------ dialogs

    def update_consent(self) -> ConsentUpdateDialog | None:
        client = self._client
        if client is None or not self.allowed:
            return None
        existing = self.consent_dialog
        if _showing(existing, client):
            assert existing is not None
            _bring_up(existing)
            return existing
        dialog = ConsentUpdateDialog(
            self._services, self._actor, self._runner, client, self._file_widget.window()
        )
        dialog.recorded.connect(
            lambda _events: self.status_message.emit(
                self.tr("Consent updated for {name}.").format(name=client.full_name)
            )
        )
        self.consent_dialog = dialog
        self._open("consent-update", dialog)
        return dialog

    def sign_policy(self) -> PolicySigningDialog | None:
        client = self._client
        if client is None or not self.allowed:
            return None
        existing = self.signing_dialog
        if _showing(existing, client):
            assert existing is not None
            _bring_up(existing)
            return existing
        dialog = PolicySigningDialog(
            self._services, self._actor, self._runner, client, self._file_widget.window()
        )
        dialog.signed.connect(lambda record, print_it: self._signed(client, record, print_it))
        self.signing_dialog = dialog
        self._open("policy-signing", dialog)
        return dialog

    def _signed(self, client: ClientRecord, record: AcknowledgmentRecord, print_it: bool) -> None:
        if record.refused:
            message = self.tr("Refusal to sign recorded for {name}.")
        else:
            message = self.tr("Privacy policy acknowledgment recorded for {name}; its PDF is in the file.")
        self.status_message.emit(message.format(name=client.full_name))
        if print_it:
            self.document_requested.emit("print", record)

    def _open(self, kind: str, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog_opened.emit(kind, dialog)
        dialog.open()
        _bring_up(dialog)


def _showing(dialog: ConsentUpdateDialog | PolicySigningDialog | None, client: ClientRecord) -> bool:
    """The dialog of that kind is still open, for that client (another client's is left as it is)."""
    return (
        dialog is not None
        and shiboken6.isValid(dialog)
        and dialog.isVisible()
        and dialog.client_id == client.id
    )


def _bring_up(dialog: QWidget) -> None:
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
