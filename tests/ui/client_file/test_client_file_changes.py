"""The open client file keeps itself current through the application's change signal: it reloads only
for changes about its own client, only the parts a change names, never for its own saves, and
every few minutes for changes saved on other workstations."""

from __future__ import annotations

import threading
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.enums import Channel, Interaction, Language, Purpose
from desktop.domain.records import ConsentCapture, ConsentChange
from tests.ui.conftest import TIMEOUT_MS, create_client, draft, off_gui, settle, type_text, wait_idle
from ui.client_file import ClientFileWidget
from ui.client_file.new_client_dialog import NewClientDialog
from ui.client_file.widget import FILE_SUBJECTS, PERIODIC_REFRESH_MS

#: The facade's attributes that are services (the clock and the database are passed through).
SERVICE_NAMES = (
    "clients",
    "appointments",
    "consent",
    "optouts",
    "acknowledgments",
    "policies",
    "staff",
    "clinics",
    "documents",
    "reports",
    "exports",
)


class _CountingService:
    def __init__(self, name: str, service: Any, calls: list[tuple[str, tuple[Any, ...]]], lock: Any) -> None:
        self._name, self._service, self._calls, self._lock = name, service, calls, lock

    def __getattr__(self, method: str) -> Any:
        target = getattr(self._service, method)
        if not callable(target):
            return target

        def counted(*args: Any, **kwargs: Any) -> Any:
            with self._lock:
                self._calls.append((f"{self._name}.{method}", args))
            return target(*args, **kwargs)

        return counted


class CountingServices:
    """The services facade as one widget sees it, recording every service call that widget makes."""

    def __init__(self, services: Any) -> None:
        self._services = services
        self._lock = threading.Lock()
        self.calls: list[tuple[str, tuple[Any, ...]]] = []

    def __getattr__(self, name: str) -> Any:
        target = getattr(self._services, name)
        if name in SERVICE_NAMES:
            return _CountingService(name, target, self.calls, self._lock)
        return target

    def names(self) -> list[str]:
        with self._lock:
            return [name for name, _args in self.calls]

    def about(self, client_id: int) -> list[str]:
        """The calls that named ``client_id`` (the services take it right after the actor)."""
        with self._lock:
            return [name for name, args in self.calls if client_id in args[1:2]]

    def forget(self) -> None:
        with self._lock:
            self.calls.clear()


def record_consent(services, actor, client_id: int, granted: bool = True) -> None:
    capture = ConsentCapture(
        (ConsentChange(Purpose.NEWSLETTERS, Channel.EMAIL, granted),), Interaction.PHONE, Language.FR
    )
    off_gui(lambda: services.consent.record(actor, client_id, capture))


def newsletters_by_email(widget: ClientFileWidget) -> str:
    model = widget.consents_tab.grid_model
    row = list(Purpose).index(Purpose.NEWSLETTERS)
    column = 1 + list(Channel).index(Channel.EMAIL)
    return model.index(row, column).data()


@pytest.fixture
def clients(gui_services, desk):
    first = create_client(gui_services, desk, "Aubé", "Alice", born=date(1990, 3, 4))
    second = create_client(gui_services, desk, "Bérubé", "Benoît", born=date(1985, 7, 9))
    return first, second


@pytest.fixture
def open_files(qtbot, runner, gui_services, desk, clients):
    """Client A's file and client B's file, open side by side, each watched by its own spy."""
    widgets = []
    for client in clients:
        spy = CountingServices(gui_services)
        widget = ClientFileWidget(spy, desk, runner)
        qtbot.addWidget(widget)
        widget.show()
        widget.open_client(client.id)
        qtbot.waitUntil(lambda widget=widget: widget.client is not None, timeout=TIMEOUT_MS)
        wait_idle(qtbot, runner)
        widgets.append((widget, spy))
    for _widget, spy in widgets:
        spy.forget()
    return widgets


# ---------------------------------------------------------------- only what concerns the file


def test_saving_consent_for_client_a_makes_no_service_call_from_the_open_file_of_client_b(
    qtbot, runner, gui_services, desk, clients, open_files
):
    client_a, client_b = clients
    (file_a, spy_a), (file_b, spy_b) = open_files
    assert not newsletters_by_email(file_a).startswith("✔")

    record_consent(gui_services, desk, client_a.id)
    runner.changes.publish(DataChange.of(ChangeSubject.CONSENT, client_id=client_a.id))
    wait_idle(qtbot, runner)

    assert spy_b.calls == []
    assert file_b.client == client_b
    assert "consent.grid" in spy_a.about(client_a.id)
    assert newsletters_by_email(file_a).startswith("✔ Granted")


def test_the_main_window_showing_client_b_asks_nothing_about_b_when_a_consents(
    qtbot, make_window, gui_services, desk, clients
):
    client_a, client_b = clients
    spy = CountingServices(gui_services)
    window = make_window(spy, desk)
    window.open_client(client_b.id)
    qtbot.waitUntil(lambda: window.client_file.client is not None, timeout=TIMEOUT_MS)
    settle(qtbot, window)
    spy.forget()

    record_consent(gui_services, desk, client_a.id)
    window.runner.changes.publish(DataChange.of(ChangeSubject.CONSENT, client_id=client_a.id))
    settle(qtbot, window)

    assert spy.about(client_b.id) == []
    assert window.client_file.client == client_b


def test_a_change_reloads_only_the_parts_it_names(qtbot, runner, clients, open_files):
    client_a, _client_b = clients
    (_file_a, spy_a), (_file_b, spy_b) = open_files

    runner.changes.publish(DataChange.of(ChangeSubject.APPOINTMENTS, client_id=client_a.id))
    wait_idle(qtbot, runner)
    assert spy_a.names() == ["appointments.for_client"]

    spy_a.forget()
    runner.changes.publish(DataChange.of(ChangeSubject.ACKNOWLEDGMENTS, client_id=client_a.id))
    wait_idle(qtbot, runner)
    assert sorted(spy_a.names()) == ["acknowledgments.for_client", "clients.status"]

    spy_a.forget()
    runner.changes.publish(DataChange.of(ChangeSubject.STAFF, ChangeSubject.POLICIES))
    wait_idle(qtbot, runner)
    assert spy_a.calls == [] and spy_b.calls == []


def test_a_change_about_no_particular_client_reaches_every_open_file(qtbot, runner, clients, open_files):
    (_file_a, spy_a), (_file_b, spy_b) = open_files
    runner.changes.publish(DataChange.of(ChangeSubject.OPT_OUTS))
    wait_idle(qtbot, runner)
    for spy in (spy_a, spy_b):
        assert "optouts.for_client" in spy.names()
        assert "consent.grid" in spy.names()  # processing an opt-out withdraws consents


def test_a_closed_file_asks_for_nothing(qtbot, runner, clients, open_files):
    client_a, _client_b = clients
    (file_a, spy_a), _b = open_files
    file_a.close_client()
    runner.changes.publish(DataChange.of(*FILE_SUBJECTS, client_id=client_a.id))
    wait_idle(qtbot, runner)
    assert spy_a.calls == []


# ---------------------------------------------------------------- its own saves


def test_saved_details_publish_a_client_change_the_file_does_not_fetch_again(
    qtbot, runner, clients, open_files
):
    client_a, _client_b = clients
    (file_a, spy_a), (_file_b, spy_b) = open_files
    published: list[tuple[DataChange, object]] = []
    runner.changes.changed.connect(lambda change, source: published.append((change, source)))

    tab = file_a.details_tab
    tab.form.city.clear()
    type_text(tab.form.city, "Rimouski")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.has_unsaved_changes(), timeout=TIMEOUT_MS)
    wait_idle(qtbot, runner)

    assert published == [(DataChange.of(ChangeSubject.CLIENT, client_id=client_a.id), tab)]
    assert "clients.update" in spy_a.names()
    assert "clients.get" not in spy_a.names()  # the saved record is already on screen
    assert "clients.status" in spy_a.names()  # the language may change which policy applies
    assert file_a.client.city == "Rimouski"
    assert spy_b.calls == []


def test_a_client_change_made_elsewhere_updates_the_header_and_keeps_the_typing(
    qtbot, runner, gui_services, desk, clients, open_files
):
    client_a, _client_b = clients
    (file_a, _spy_a), _b = open_files
    type_text(file_a.details_tab.form.street, "12 rue Principale")
    off_gui(
        lambda: gui_services.clients.update(
            desk, client_a.id, client_a.version, draft("Aubé-Roy", "Alice", born=date(1990, 3, 4))
        )
    )
    runner.changes.publish(DataChange.of(ChangeSubject.CLIENT, client_id=client_a.id))
    wait_idle(qtbot, runner)

    assert file_a.header.name_label.text() == "Alice AUBÉ-ROY"
    assert file_a.client.version == client_a.version + 1
    assert file_a.details_tab.form.street.text() == "12 rue Principale"
    assert file_a.details_tab.has_unsaved_changes()


def test_creating_a_client_publishes_a_client_change(qtbot, runner, gui_services, desk):
    published: list[tuple[DataChange, object]] = []
    runner.changes.changed.connect(lambda change, source: published.append((change, source)))
    dialog = NewClientDialog(gui_services, desk, runner)
    qtbot.addWidget(dialog)
    created = []
    dialog.created.connect(created.append)
    dialog.form.set_draft(draft("Nouvelle", "Nadia", born=date(2001, 2, 3)))
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(created), timeout=TIMEOUT_MS)
    wait_idle(qtbot, runner)

    assert published == [(DataChange.of(ChangeSubject.CLIENT, client_id=created[0].id), dialog)]


# ---------------------------------------------------------------- other workstations


def test_changes_from_other_workstations_arrive_by_the_periodic_refresh(
    qtbot, runner, gui_services, desk, clients, open_files
):
    client_a, _client_b = clients
    (file_a, _spy_a), _b = open_files
    assert 15_000 <= PERIODIC_REFRESH_MS <= 300_000
    assert file_a.refresh_timer.isActive() and file_a.refresh_timer.interval() == PERIODIC_REFRESH_MS

    record_consent(gui_services, desk, client_a.id)  # nothing is published: another workstation
    wait_idle(qtbot, runner)
    assert not newsletters_by_email(file_a).startswith("✔")

    file_a.refresh_timer.timeout.emit()
    wait_idle(qtbot, runner)
    assert newsletters_by_email(file_a).startswith("✔ Granted")
    assert "✖ Opted out of promotions" not in file_a.header.badge_texts()


def test_a_hidden_file_is_not_refreshed_periodically(qtbot, runner, clients, open_files):
    (file_a, spy_a), _b = open_files
    file_a.hide()
    file_a.refresh_timer.timeout.emit()
    wait_idle(qtbot, runner)
    assert spy_a.calls == []


def test_a_periodic_refresh_keeps_the_rows_and_the_chosen_cell(
    qtbot, runner, gui_services, desk, clients, open_files
):
    client_a, _client_b = clients
    (file_a, _spy_a), _b = open_files
    record_consent(gui_services, desk, client_a.id)
    file_a.refresh()
    wait_idle(qtbot, runner)
    tab = file_a.consents_tab
    cell = tab.grid_model.index(
        list(Purpose).index(Purpose.NEWSLETTERS), 1 + list(Channel).index(Channel.EMAIL)
    )
    tab.grid_view.setCurrentIndex(cell)
    assert tab.history_model.rowCount() == 1

    record_consent(gui_services, desk, client_a.id, granted=False)
    file_a.refresh()
    assert tab.history_model.rowCount() == 1  # not blanked while the new rows are on their way
    wait_idle(qtbot, runner)
    assert tab.history_model.rowCount() == 2
    assert tab.grid_view.currentIndex().row() == cell.row()
    assert "Withdrawn" in tab.cell_detail.text() or "withdrew" in tab.cell_detail.text().lower()
