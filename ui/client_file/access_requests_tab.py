"""The client file's access and rectification requests: each request about the client, when it was received
and how, what it asked, its due date (30 calendar days), where it stands (open, answered or refused; an
open one past due flagged OVERDUE in words and in colour) and what was sent, for whoever works with the
file. The requester is named as given; how to reach them stays in the privacy officer's queue.

The tab joins the file's tabs by :func:`attach_access_requests_tab`: it loads when a file opens, again
when access requests of that client change anywhere in this program, and when it is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QWidget

from desktop.domain.access_requests import AccessRequestRecord, AccessRequestStatus
from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.records import Actor, ClientRecord
from desktop.services import Services
from ui.client_file.record_list import RecordListTab
from ui.kit.i18n import format_date
from ui.kit.models import Column
from ui.kit.retranslate import follow_language
from ui.kit.worker import TaskRunner
from ui.registers.access_request_model import answer_item_name, channel_name, kind_name

__all__ = ["AccessRequestsTab", "attach_access_requests_tab", "request_state"]


def request_state(record: AccessRequestRecord, today: date) -> tuple[str, str]:
    """(words, tone) for where a request stands on ``today``."""
    if record.status == AccessRequestStatus.ANSWERED and record.answered_at is not None:
        return QCoreApplication.translate("AccessRequestsTab", "Answered on {day}").format(
            day=format_date(record.answered_at.astimezone().date())
        ), "ok"
    if record.status == AccessRequestStatus.REFUSED and record.refused_at is not None:
        return QCoreApplication.translate("AccessRequestsTab", "Refused on {day}").format(
            day=format_date(record.refused_at.astimezone().date())
        ), "warning"
    left = record.days_left(today)
    if left < 0:
        return QCoreApplication.translate(
            "AccessRequestsTab", "OVERDUE: open, {days} day(s) past due"
        ).format(days=-left), "danger"
    if left == 0:
        return QCoreApplication.translate("AccessRequestsTab", "Open, due today"), "warning"
    return QCoreApplication.translate("AccessRequestsTab", "Open, {days} day(s) left").format(
        days=left
    ), "neutral"


def _sent(record: AccessRequestRecord) -> str:
    if record.status == AccessRequestStatus.REFUSED:
        return QCoreApplication.translate("AccessRequestsTab", "Nothing (refused)")
    return ", ".join(answer_item_name(item) for item in sorted(record.answer_items)) or "—"


def _state_tooltip(record: AccessRequestRecord) -> str:
    if record.status == AccessRequestStatus.REFUSED:
        return QCoreApplication.translate("AccessRequestsTab", "Reason for refusing: {reason}").format(
            reason=record.refusal_reason
        )
    if record.identity_verified_at is None:
        return QCoreApplication.translate(
            "AccessRequestsTab", "The requester's identity is not verified yet."
        )
    return QCoreApplication.translate("AccessRequestsTab", "Identity verified on {day}").format(
        day=format_date(record.identity_verified_at.astimezone().date())
    )


class AccessRequestsTab(RecordListTab):
    key = "access-requests"

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        self._today: Callable[[], date] = services.clock.today
        super().__init__(services, actor, runner, parent)
        self.setObjectName("accessRequestsTab")
        runner.changes.changed.connect(self._data_changed)
        follow_language(self, self.retranslate)

    def accessible_name(self) -> str:
        return QCoreApplication.translate(
            "AccessRequestsTab", "Access and rectification requests about this client"
        )

    def columns(self) -> list[Column[Any]]:
        today = self._today
        return [
            Column(
                QCoreApplication.translate("AccessRequestsTab", "Received on"),
                lambda r: format_date(r.received_on),
            ),
            Column(QCoreApplication.translate("AccessRequestsTab", "Kind"), lambda r: kind_name(r.kind)),
            Column(
                QCoreApplication.translate("AccessRequestsTab", "Received by"),
                lambda r: channel_name(r.channel),
            ),
            Column(QCoreApplication.translate("AccessRequestsTab", "Requester"), lambda r: r.requester_name),
            Column(QCoreApplication.translate("AccessRequestsTab", "Due"), lambda r: format_date(r.due_on)),
            Column(
                QCoreApplication.translate("AccessRequestsTab", "Status"),
                lambda r: request_state(r, today())[0],
                tooltip=_state_tooltip,
                tone=lambda r: request_state(r, today())[1],
                bold=lambda r: r.overdue_on(today()),
            ),
            Column(QCoreApplication.translate("AccessRequestsTab", "What was sent"), _sent, tooltip=_sent),
        ]

    def fetch(self, services: Services, actor: Actor, client_id: int) -> Callable[[], list[Any]]:
        return lambda: services.access_requests.for_client(actor, client_id)

    def summary(self, records: list[Any]) -> str:
        if not records:
            return self.tr("No access or rectification request about this client.")
        today = self._today()
        late = sum(1 for record in records if record.overdue_on(today))
        words = self.tr("{count} access or rectification request(s) about this client.").format(
            count=len(records)
        )
        if late:
            words += " " + self.tr("{late} OVERDUE: the answer was due within 30 days.").format(late=late)
        return words

    def _data_changed(self, change: DataChange, _source: QObject | None) -> None:
        if self._client is not None and change.concerns(self._client.id, ChangeSubject.ACCESS_REQUESTS):
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()


def attach_access_requests_tab(
    tabs: QTabWidget, opened: Any, services: Services, actor: Actor, runner: TaskRunner
) -> AccessRequestsTab:
    """An access-requests tab added to a client file's ``tabs``, loading the client that ``opened`` (the
    file's signal carrying the ClientRecord opened) names; its title carries its count, in the staff
    language."""
    tab = AccessRequestsTab(services, actor, runner, tabs)
    tabs.addTab(tab, "")
    count = [-1]

    def title() -> None:
        words = QCoreApplication.translate("AccessRequestsTab", "Access re&quests")
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
