"""The reminder window's four lists: one table per group (email, SMS file, call sheet, not to remind).
Read-only tables of plain records; every value written by the kit in the staff language."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from desktop.domain.enums import Channel
from desktop.domain.reminders import REASON_TEXTS, ReminderItem
from ui.kit.i18n import current_language, format_phone, format_time, language_label

__all__ = ["GroupTable"]


class GroupTable(QTableWidget):
    """The appointments of one group; ``channel`` None is the "not to remind" list."""

    def __init__(self, channel: Channel | None, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.channel = channel
        self.setObjectName(f"reminders_{channel.value if channel else 'none'}")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self._items: tuple[ReminderItem, ...] = ()
        self.retranslate()

    def retranslate(self) -> None:
        last = self.tr("Reason") if self.channel is None else self.tr("Already")
        contact: dict[Channel | None, str] = {
            Channel.EMAIL: self.tr("Email"),
            Channel.SMS: self.tr("Mobile"),
            Channel.PHONE: self.tr("Phone"),
            None: self.tr("Language"),
        }
        self.setHorizontalHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Client"),
                self.tr("File"),
                contact[self.channel],
                last,
            ]
        )
        self.show_items(self._items)

    def show_items(self, items: tuple[ReminderItem, ...]) -> None:
        self._items = items
        self.setRowCount(len(items))
        for row, item in enumerate(items):
            for column, text in enumerate(self._cells(item)):
                self.setItem(row, column, QTableWidgetItem(text))

    def _cells(self, item: ReminderItem) -> list[str]:
        first = [format_time(item.starts_at), item.client_name, item.file_number]
        contacts = item.contacts
        if self.channel is None:
            reason = REASON_TEXTS[item.choice.reason].get(current_language()) if item.choice.reason else ""
            return [*first, language_label(item.language), reason]
        contact = {
            Channel.EMAIL: contacts.email,
            Channel.SMS: format_phone(contacts.mobile),
            Channel.PHONE: format_phone(contacts.phone, contacts.phone_extension),
        }[self.channel]
        return [*first, contact, self.tr("yes") if self.channel in item.already else ""]
