"""The Privacy menu: an access request logged as received (any role, for the open file), a disclosure
recorded (a manager or the privacy officer), then the privacy officer's registers and the retention
review.

Each entry is shown only to the roles allowed to use it, the menu only when one entry is; the services
check the role again whatever the menu shows. The windows open through the session's
:class:`SessionWindows`, one of each kind.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, cast

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from desktop.domain.records import Actor, ClientRecord
from desktop.services.permissions import Permission, role_allows
from ui.kit.retranslate import follow_language
from ui.shell.session_windows import SessionWindows

__all__ = ["PRIVACY_NEEDS", "PrivacyMenu"]

#: What each entry needs, by its action's object name, in the menu's order (None: a separator).
PRIVACY_NEEDS: tuple[tuple[str, Permission] | None, ...] = (
    ("logAccessRequest", Permission.WORK_CLIENT_FILES),
    ("recordDisclosure", Permission.RECORD_DISCLOSURES),
    None,
    ("disclosureRegister", Permission.RECORD_DISCLOSURES),
    ("incidentRegister", Permission.KEEP_PRIVACY_REGISTERS),
    ("accessRequests", Permission.KEEP_PRIVACY_REGISTERS),
    ("retentionReview", Permission.KEEP_PRIVACY_REGISTERS),
)


class _HasClientFile(Protocol):
    """What the menu needs of the main window (which imports this module's importer)."""

    @property
    def client_file(self) -> _ShowsClient: ...


class _ShowsClient(Protocol):
    @property
    def client(self) -> ClientRecord | None: ...


class PrivacyMenu(QObject):
    """Adds « Confidentialité » / "Privacy" to ``window``'s menu bar, where the next menu goes."""

    def __init__(self, window: QMainWindow, windows: SessionWindows, actor: Actor) -> None:
        super().__init__(window)
        self._window = window
        self._windows = windows
        self._role = actor.role
        self.menu = QMenu(window)
        self.menu.setObjectName("privacyMenu")
        slots: dict[str, Callable[[], object]] = {
            "logAccessRequest": self.log_access_request,
            "recordDisclosure": self.record_disclosure,
            "disclosureRegister": windows.disclosure_register,
            "incidentRegister": windows.incident_register,
            "accessRequests": windows.access_requests,
            "retentionReview": windows.retention_review,
        }
        self.actions: dict[str, QAction] = {}
        for entry in PRIVACY_NEEDS:
            if entry is None:
                self.menu.addSeparator()
                continue
            name, permission = entry
            action = QAction(window)
            action.setObjectName(name)
            action.triggered.connect(lambda _checked=False, slot=slots[name]: slot())
            allowed = role_allows(actor.role, permission)
            action.setEnabled(allowed)
            action.setVisible(allowed)
            self.menu.addAction(action)
            window.addAction(action)
            self.actions[name] = action
        # Nothing past the separator for a receptionist: no separator left hanging at the end.
        separators = [a for a in self.menu.actions() if a.isSeparator()]
        for separator in separators:
            separator.setVisible(
                any(a.isVisible() for a in self.actions.values() if self._after(a, separator))
            )
        self.menu.menuAction().setVisible(any(a.isVisible() for a in self.actions.values()))
        window.menuBar().addMenu(self.menu)
        follow_language(window, self.retranslate)

    def _after(self, action: QAction, separator: QAction) -> bool:
        order = self.menu.actions()
        return order.index(action) > order.index(separator)

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Privacy"))
        for name, text in (
            ("logAccessRequest", self.tr("Log an &access request…")),
            ("recordDisclosure", self.tr("Record a &disclosure…")),
            ("disclosureRegister", self.tr("Disclosure &register…")),
            ("incidentRegister", self.tr("Confidentiality &incidents…")),
            ("accessRequests", self.tr("Access and rectification re&quests…")),
            ("retentionReview", self.tr("Re&tention review…")),
        ):
            self.actions[name].setText(text)

    def _open_client(self) -> ClientRecord | None:
        return cast(_HasClientFile, self._window).client_file.client

    def log_access_request(self) -> QWidget:
        """The form to log a request as received, for the open file when one is open."""
        return self._windows.log_access_request(self._open_client())

    def record_disclosure(self) -> QWidget | None:
        if not role_allows(self._role, Permission.RECORD_DISCLOSURES):
            return None
        return self._windows.record_disclosure(self._open_client())
