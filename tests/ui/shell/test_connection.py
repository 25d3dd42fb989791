"""A lost database: the banner appears when a task fails with DatabaseUnavailableError, the window asks
``services.ping()`` again with growing waits and hides the banner when it answers; what was typed is
never cleared, so the save is simply done again. A busy database only gets a status message."""

from __future__ import annotations

import os

import psycopg
import pytest
from PySide6.QtCore import Qt

from desktop.app import open_services
from desktop.domain.errors import DatabaseBusyError, DatabaseUnavailableError
from desktop.services.clock import FixedClock
from tests.conftest import TEST_NOW
from tests.ui.conftest import TIMEOUT_MS, create_client, settle, sign_in, type_text, wait_idle
from ui.shell.connection import PING_DELAYS_MS

TYPED = "Trois-Pistoles"


def open_and_type(qtbot, window, client) -> None:
    window.open_client(client.id)
    qtbot.waitUntil(lambda: window.client_file.client is not None, timeout=TIMEOUT_MS)
    settle(qtbot, window)
    city = window.client_file.details_tab.form.city
    city.clear()
    city.setFocus()
    type_text(city, TYPED)


def save(qtbot, window) -> None:
    qtbot.mouseClick(window.client_file.details_tab.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window.runner)


def test_the_banner_comes_and_goes_and_the_typing_is_kept(qtbot, monkeypatch, window, gui_services, desk):
    client = create_client(gui_services, desk, "Pelletier", "Rose")
    open_and_type(qtbot, window, client)
    window.connection.delays_ms = (30, 60, 90)
    answers = [DatabaseUnavailableError(), DatabaseUnavailableError(), None]
    pings: list[int] = []

    def ping() -> None:
        pings.append(1)
        answer = answers.pop(0) if answers else None
        if answer is not None:
            raise answer

    def unreachable(*_args, **_kwargs):
        raise DatabaseUnavailableError()

    monkeypatch.setattr(gui_services, "ping", ping)
    update = gui_services.clients.update
    monkeypatch.setattr(gui_services.clients, "update", unreachable)
    assert not window.connection_banner.isVisible()

    save(qtbot, window)
    assert window.connection_banner.isVisible()
    assert "Connection to the database lost" in window.connection_banner.message.text()
    assert "Your typing is kept" in window.connection_banner.message.text()
    details = window.client_file.details_tab
    assert details.form.city.text() == TYPED
    assert details.has_unsaved_changes() and details.save_button.isEnabled()

    qtbot.waitUntil(lambda: not window.connection_banner.isVisible(), timeout=TIMEOUT_MS)
    assert len(pings) == 3  # two failed tries, then the answer
    assert "back" in window.statusBar().currentMessage()

    monkeypatch.setattr(gui_services.clients, "update", update)
    save(qtbot, window)
    assert details.result_label.text() == "✔ Saved"
    assert details.form.city.text() == TYPED


def test_the_waits_grow_between_tries():
    assert list(PING_DELAYS_MS) == sorted(PING_DELAYS_MS)
    assert PING_DELAYS_MS[0] <= 3000 and PING_DELAYS_MS[-1] <= 60_000


def test_try_now_asks_at_once(qtbot, monkeypatch, window, gui_services):
    monkeypatch.setattr(gui_services, "ping", lambda: None)
    window.connection.connection_lost()
    assert window.connection_banner.isVisible()
    qtbot.mouseClick(window.connection_banner.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.connection_banner.isVisible(), timeout=TIMEOUT_MS)


def test_a_busy_database_only_says_so(qtbot, monkeypatch, window, gui_services, desk):
    client = create_client(gui_services, desk, "Pelletier", "Rose")
    open_and_type(qtbot, window, client)

    def busy(*_args, **_kwargs):
        raise DatabaseBusyError()

    monkeypatch.setattr(gui_services.clients, "update", busy)
    save(qtbot, window)
    assert not window.connection_banner.isVisible()
    assert "busy" in window.statusBar().currentMessage()
    assert window.client_file.details_tab.form.city.text() == TYPED


# ---------------------------------------------------------------- a real PostgreSQL server


@pytest.fixture
def lost_database(postgres_server, postgres_template):
    """Services on a throwaway database of the test server, and a switch to refuse its connections."""
    name = f"frontdesk_gui_lost_{os.getpid()}"
    url = postgres_server.create_database(name, template=postgres_template)
    services = open_services(url, clock=FixedClock(TEST_NOW), migrate=False)

    def refuse(refused: bool) -> None:
        with psycopg.connect(postgres_server.dsn("postgres"), autocommit=True) as admin:
            admin.execute(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS {"false" if refused else "true"}')
            if refused:
                admin.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,)
                )

    yield services, refuse
    refuse(False)
    services.close()
    postgres_server.drop_database(name)


@pytest.mark.postgresql
def test_a_postgresql_database_that_refuses_connections_then_comes_back(qtbot, make_window, lost_database):
    services, refuse = lost_database
    desk = sign_in(services)
    client = create_client(services, desk, "Pelletier", "Rose")
    window = make_window(services, desk)
    window.connection.delays_ms = (100, 200)
    open_and_type(qtbot, window, client)

    refuse(True)
    save(qtbot, window)
    assert window.connection_banner.isVisible()
    details = window.client_file.details_tab
    assert details.form.city.text() == TYPED and details.has_unsaved_changes()
    qtbot.wait(500)
    assert window.connection_banner.isVisible()  # still unreachable: the tries go on

    refuse(False)
    qtbot.waitUntil(lambda: not window.connection_banner.isVisible(), timeout=TIMEOUT_MS)
    save(qtbot, window)
    assert details.result_label.text() == "✔ Saved"
