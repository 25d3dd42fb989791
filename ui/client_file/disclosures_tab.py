"""The client file's disclosures: every entry of the disclosure register naming the client (corrected ones
marked), for whoever works with the file; a manager or the privacy officer records one from here, the
client already named.

The tab joins the file's tabs by :func:`attach_disclosures_tab`: it loads when a file opens, again when
disclosures of that client change anywhere in this program, and when it is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QPushButton, QTabWidget, QWidget

from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.records import Actor, ClientRecord
from desktop.services import Services
from desktop.services.permissions import Permission, role_allows
from ui.client_file.record_list import RecordListTab
from ui.kit.models import Column
from ui.kit.retranslate import follow_language
from ui.kit.worker import TaskRunner
from ui.registers.disclosure_dialog import DisclosureDialog
from ui.registers.disclosure_names import disclosure_columns

__all__ = ["DisclosuresTab", "attach_disclosures_tab"]


class DisclosuresTab(RecordListTab):
    key = "disclosures"

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, actor, runner, parent)
        self.setObjectName("disclosuresTab")
        self.record_button = QPushButton(self)
        self.record_button.setObjectName("recordClientDisclosure")
        self.record_button.setAutoDefault(False)
        self.record_button.setVisible(role_allows(actor.role, Permission.RECORD_DISCLOSURES))
        self.record_button.clicked.connect(self.open_dialog)
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.record_button)
        self.dialog: DisclosureDialog | None = None
        runner.changes.changed.connect(self._data_changed)
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        super().retranslate()
        self.record_button.setText(self.tr("Record a disclosure…"))

    def accessible_name(self) -> str:
        return QCoreApplication.translate("Disclosures", "Disclosures of this client's information")

    def columns(self) -> list[Column[Any]]:
        return list(disclosure_columns(with_files=False))

    def fetch(self, services: Services, actor: Actor, client_id: int) -> Callable[[], list[Any]]:
        return lambda: services.disclosures.for_client(actor, client_id)

    def summary(self, records: list[Any]) -> str:
        if not records:
            return self.tr("No disclosure of this client's information to a third party.")
        return self.tr("{count} disclosure(s) of this client's information to a third party.").format(
            count=len(records)
        )

    def open_dialog(self) -> None:
        if self._client is None:
            return
        dialog = DisclosureDialog(self._services, self._actor, self._runner, self, (self._client,))
        self.dialog = dialog
        dialog.show()

    def _data_changed(self, change: DataChange, _source: QObject | None) -> None:
        if self._client is not None and change.concerns(self._client.id, ChangeSubject.DISCLOSURES):
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()


def attach_disclosures_tab(
    tabs: QTabWidget, opened: Any, services: Services, actor: Actor, runner: TaskRunner
) -> DisclosuresTab:
    """A disclosures tab added to a client file's ``tabs``, loading the client that ``opened`` (the file's
    signal carrying the ClientRecord opened) names; its title carries its count, in the staff language."""
    tab = DisclosuresTab(services, actor, runner, tabs)
    tabs.addTab(tab, "")
    count = [-1]

    def title() -> None:
        words = QCoreApplication.translate("Disclosures", "Disc&losures")
        tabs.setTabText(tabs.indexOf(tab), f"{words} ({count[0]})" if count[0] >= 0 else words)
        # Shown only for a file with some: most files have none, and the desk's tabs stay in sight.
        tabs.setTabVisible(tabs.indexOf(tab), count[0] > 0)

    def counted(value: int) -> None:
        count[0] = value
        title()

    def loaded(client: ClientRecord) -> None:
        tab.load(client)

    tab.count_changed.connect(counted)
    opened.connect(loaded)
    follow_language(tab, title)
    return tab
