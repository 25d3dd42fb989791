"""Whom a slot is booked for: the client whose file is open in the main window, or one picked here.

Picking opens the client's file record through ``services.clients.open`` (an access, logged as any
opening), on the task runner.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from desktop.domain.records import Actor, ClientRecord
from desktop.services import Services
from ui.kit.client_search import ClientPickerDialog
from ui.kit.errors import error_words
from ui.kit.worker import TaskRunner

__all__ = ["BookingClientPicker", "ClientChoice"]


class BookingClientPicker(ClientPickerDialog):
    """The client search, asking whom the slot is for."""

    def _retranslate_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Book for this client"))

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Book for which client?"))


class ClientChoice(QObject):
    """``current`` is the client Enter books for; ``changed`` says it changed."""

    changed = Signal()
    failed = Signal(object)
    dialog_closed = Signal()

    def __init__(self, services: Services, actor: Actor, runner: TaskRunner, window: QWidget) -> None:
        super().__init__(window)
        self._services = services
        self._actor = actor
        self._runner = runner
        self._window = window
        self.current: ClientRecord | None = None
        self.picker: BookingClientPicker | None = None

    def set(self, client: ClientRecord | None) -> None:
        self.current = client
        self.changed.emit()

    def choose(self, then: Callable[[ClientRecord], object] | None = None) -> BookingClientPicker:
        """Ask for the client; once their file is read, they are the current one (and ``then`` runs)."""
        picker = self.picker = BookingClientPicker(
            self._services,
            self._actor,
            self._runner,
            lambda: self.tr("Search for the client, choose with ↑ and ↓, then press Enter."),
            self._window,
        )
        services, actor = self._services, self._actor

        def answered(result: int) -> None:
            chosen = picker.chosen()
            self.picker = None
            picker.deleteLater()
            self.dialog_closed.emit()
            if result != QDialog.DialogCode.Accepted or chosen is None:
                return
            self._runner.submit(
                lambda: services.clients.open(actor, chosen.id),
                on_success=lambda client: self._chosen(client, then),
                on_failure=lambda error: self.failed.emit(error_words(error)),
            )

        picker.finished.connect(answered)
        picker.open()
        return picker

    def _chosen(self, client: ClientRecord, then: Callable[[ClientRecord], object] | None) -> None:
        self.set(client)
        if then is not None:
            then(client)

    def then(self, act: Callable[[ClientRecord], object]) -> None:
        """``act`` on the current client, asking for one first when there is none."""
        if self.current is not None:
            act(self.current)
        else:
            self.choose(act)
