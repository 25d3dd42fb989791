"""The Manage menu: reports, exports, staff accounts and the client-list import, then the clinic's
settings and its privacy-policy versions.

Each entry is shown only to the roles allowed to use it (the clinic's two to a manager or the privacy
officer, ``MANAGE_CLINIC``), and the menu only when one entry is; the services check the role again
whatever the menu shows. The clinic's windows open through the session's :class:`SessionWindows`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from desktop.domain.records import Actor
from desktop.services.permissions import Permission, role_allows
from ui.kit.retranslate import follow_language
from ui.shell.privacy_menu import PrivacyMenu
from ui.shell.session_windows import SessionWindows

__all__ = ["NEEDS", "ManageMenu"]

# What each entry needs, by its action's object name.
NEEDS = {
    "reports": Permission.RUN_REPORTS,
    "exportContacts": Permission.EXPORT_CONTACTS,
    "importClients": Permission.MANAGE_CLINIC,
    "staffAccounts": Permission.MANAGE_STAFF,
    "clinicSettings": Permission.MANAGE_CLINIC,
    "policyVersions": Permission.MANAGE_CLINIC,
}


class ManageMenu(QObject):
    """Fills ``menu`` with the window's ``actions`` (named in :data:`NEEDS`), then the clinic's two."""

    def __init__(
        self,
        window: QMainWindow,
        windows: SessionWindows,
        actor: Actor,
        menu: QMenu,
        actions: Iterable[QAction],
    ) -> None:
        super().__init__(window)
        self._windows = windows
        self._role = actor.role
        self.import_action = self._action(window, "importClients", self.open_import)
        self.settings_action = self._action(window, "clinicSettings", self.open_settings)
        self.policies_action = self._action(window, "policyVersions", self.open_policies)
        for action in [*actions, self.import_action, self.settings_action, self.policies_action]:
            permission = NEEDS[action.objectName()]
            allowed = role_allows(actor.role, permission)
            action.setEnabled(allowed)
            action.setVisible(allowed)
            if action is self.settings_action and allowed:
                menu.addSeparator()
            menu.addAction(action)
        menu.menuAction().setVisible(any(a.isVisible() and not a.isSeparator() for a in menu.actions()))
        # The next menu on the bar: the registers the privacy law asks for.
        self.privacy = PrivacyMenu(window, windows, actor)
        follow_language(window, self.retranslate)

    @staticmethod
    def _action(window: QMainWindow, name: str, slot: Callable[[], object]) -> QAction:
        action = QAction(window)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        window.addAction(action)
        return action

    def retranslate(self) -> None:
        self.import_action.setText(self.tr("&Import a client list…"))
        self.settings_action.setText(self.tr("C&linic settings…"))
        self.policies_action.setText(self.tr("&Privacy policy versions…"))

    def open_import(self) -> QWidget | None:
        """The client-list import; None for a role that may not bring clients in."""
        return self._windows.import_clients() if role_allows(self._role, Permission.MANAGE_CLINIC) else None

    def open_settings(self) -> QWidget | None:
        """The clinic settings; None for a role that may not change them."""
        return self._windows.clinic_settings() if role_allows(self._role, Permission.MANAGE_CLINIC) else None

    def open_policies(self) -> QWidget | None:
        return self._windows.policies() if role_allows(self._role, Permission.MANAGE_CLINIC) else None
