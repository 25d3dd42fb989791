"""The one client search: in the main window (search as you type, accents and formats, keys, result
pages) and picking a client in a form; it searches again when a client is saved, and it is the only
place in the GUI that calls ``clients.search``."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.enums import Language
from tests.conftest import TEST_PASSWORD, WORKSTATION
from tests.ui.conftest import TIMEOUT_MS, create_client, off_gui, settle, type_text, wait_idle
from ui.kit.client_search import (
    NAME_COLUMN_MINIMUM,
    SEARCH_PAGE,
    ClientPickerDialog,
    ClientSearch,
    client_line,
)

ROOT = Path(__file__).resolve().parents[3]


def result_names(window) -> list[str]:
    model = window.search_panel.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def search(qtbot, window, text: str, *, ascii_keys: bool = True) -> list[str]:
    field = window.search_panel.field
    field.clear()
    if ascii_keys:
        qtbot.keyClicks(field, text)
    else:
        type_text(field, text)
    settle(qtbot, window)
    return result_names(window)


# ---------------------------------------------------------------- searching (SQLite and PostgreSQL)


@pytest.fixture
def desk_on_both(services):
    """The receptionist on the parametrised services (SQLite file and PostgreSQL server)."""
    return off_gui(lambda: services.staff.authenticate("accueil", TEST_PASSWORD, WORKSTATION))


def test_search_ignores_accents_and_case(qtbot, make_window, services, desk_on_both):
    create_client(services, desk_on_both, "Côté", "Zoé", born=date(1998, 10, 11))
    create_client(services, desk_on_both, "Tremblay", "Marie")
    window = make_window(services, desk_on_both)

    assert search(qtbot, window, "cote") == ["Côté, Zoé"]
    assert search(qtbot, window, "Côté", ascii_keys=False) == ["Côté, Zoé"]
    assert search(qtbot, window, "ZOE COTE") == ["Côté, Zoé"]
    assert search(qtbot, window, "zo") == ["Côté, Zoé"]
    assert search(qtbot, window, "1998-10-11") == ["Côté, Zoé"]
    assert "1 client found" in window.search_panel.state.text()


def test_search_finds_a_phone_number_typed_in_another_format(qtbot, make_window, services, desk_on_both):
    record = create_client(services, desk_on_both, "Gagnon", "Luc", phone="418 555-0123")
    window = make_window(services, desk_on_both)

    assert search(qtbot, window, "(418) 555-0123") == ["Gagnon, Luc"]
    assert search(qtbot, window, "4185550123") == ["Gagnon, Luc"]
    assert search(qtbot, window, record.file_number) == ["Gagnon, Luc"]
    phone_column = window.search_panel.model.index(0, 2).data()
    assert "555-0123" in phone_column


# ---------------------------------------------------------------- keyboard


def test_arrow_keys_and_enter_open_the_file_with_its_badges(qtbot, window, gui_services, desk):
    create_client(gui_services, desk, "Bouchard", "Anne")
    wanted = create_client(gui_services, desk, "Bouchard", "Benoît", born=date(1975, 1, 2))
    create_client(gui_services, desk, "Bouchard", "Claire")
    assert search(qtbot, window, "bouchard") == ["Bouchard, Anne", "Bouchard, Benoît", "Bouchard, Claire"]
    field = window.search_panel.field

    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.client_file.client is None  # several results, none chosen: nothing opens
    qtbot.keyClick(field, Qt.Key.Key_Down)
    qtbot.keyClick(field, Qt.Key.Key_Down)
    qtbot.keyClick(field, Qt.Key.Key_Down)
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert field.hasFocus()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.client_file.client is not None, timeout=TIMEOUT_MS)
    settle(qtbot, window)

    header = window.client_file.header
    assert window.client_file.client.id == wanted.id
    assert header.name_label.text() == "Benoît BOUCHARD"
    assert wanted.file_number in header.facts_label.text()
    assert "born 1975-01-02" in header.facts_label.accessibleName()
    assert header.badge_texts() == ["⚠ Privacy policy acknowledgment missing"]
    assert header.badges[0].property("tone") == "warning"
    assert wanted.file_number in window.statusBar().currentMessage()


def test_enter_typed_before_the_results_arrive_opens_the_only_match(qtbot, window, gui_services, desk):
    only = create_client(gui_services, desk, "Lévesque", "Théo")
    field = window.search_panel.field
    qtbot.keyClicks(field, "levesque")
    qtbot.keyClick(field, Qt.Key.Key_Return)  # within the debounce delay
    qtbot.waitUntil(lambda: window.client_file.client is not None, timeout=TIMEOUT_MS)
    assert window.client_file.client.id == only.id


def test_escape_clears_the_search(qtbot, window):
    field = window.search_panel.field
    qtbot.keyClicks(field, "abc")
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert field.text() == ""
    settle(qtbot, window)
    assert window.search_panel.model.rowCount() == 0


# ---------------------------------------------------------------- long result lists


@pytest.fixture
def many_clients(gui_services, desk):
    def work():
        for index in range(120):
            gui_services.clients.create(
                desk,
                draft_for(index),
                confirm_duplicate=True,
            )

    off_gui(work)


def draft_for(index: int):
    from tests.ui.conftest import draft

    return draft(
        "Lachance", f"Prénom{index:03d}", born=date(1950 + index % 50, 1 + index % 12, 1 + index % 28)
    )


def test_results_are_fetched_a_page_at_a_time_while_scrolling(qtbot, many_clients, window):
    search(qtbot, window, "lachance")
    model = window.search_panel.model
    assert model.rowCount() == SEARCH_PAGE
    assert model.has_more
    assert "More than 50" in window.search_panel.state.text()

    table = window.search_panel.table
    table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == 2 * SEARCH_PAGE, timeout=TIMEOUT_MS)
    settle(qtbot, window)
    table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == 120, timeout=TIMEOUT_MS)
    settle(qtbot, window)
    assert not model.has_more
    names = result_names(window)
    assert names == sorted(names) and len(set(names)) == 120


def test_arrow_keys_past_the_last_loaded_row_load_the_next_page(qtbot, many_clients, window):
    search(qtbot, window, "lachance")
    field = window.search_panel.field
    for _ in range(6):
        qtbot.keyClick(field, Qt.Key.Key_PageDown)
    settle(qtbot, window)
    assert window.search_panel.model.rowCount() > SEARCH_PAGE


def test_a_new_search_drops_the_pages_of_the_previous_one(qtbot, many_clients, window, gui_services, desk):
    create_client(gui_services, desk, "Zyx", "Unique")
    field = window.search_panel.field
    qtbot.keyClicks(field, "lachance")
    settle(qtbot, window)
    window.search_panel.table.scrollToBottom()  # asks for page 2 ...
    field.clear()
    qtbot.keyClicks(field, "zyx")  # ... which must never land in these results
    settle(qtbot, window)
    assert result_names(window) == ["Zyx, Unique"]


# ---------------------------------------------------------------- picking a client in a form


@pytest.fixture
def picker(qtbot, gui_services, desk, runner):
    widget = ClientSearch(gui_services, desk, runner, picking=True)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.cancel_work()
    wait_idle(qtbot, runner)


def settle_picker(qtbot, picker: ClientSearch, runner) -> None:
    qtbot.waitUntil(picker.is_settled, timeout=TIMEOUT_MS)
    wait_idle(qtbot, runner)


def test_enter_picks_the_only_result_and_clear_forgets_it(qtbot, picker, runner, gui_services, desk):
    client = create_client(gui_services, desk, "Côté", "Zoé", phone="418 555-0123")
    create_client(gui_services, desk, "Tremblay", "Léa")
    assert picker.selected_client() is None
    assert picker.picked_label.text() == "No client picked."
    assert not picker.clear_button.isEnabled()

    type_text(picker.field, "coté")
    with qtbot.waitSignal(picker.picked, timeout=TIMEOUT_MS) as picked:
        QTest.keyClick(picker.field, Qt.Key.Key_Return)  # within the debounce delay: searched at once
    assert picked.args[0].id == client.id
    assert [c.id for c in picker.results()] == [client.id]
    assert picker.selected_client().id == client.id
    assert picker.picked_label.text() == f"Picked: {client_line(picker.selected_client())}"
    assert "(418) 555-0123" in picker.picked_label.text()

    with qtbot.waitSignal(picker.picked, timeout=TIMEOUT_MS) as cleared:
        picker.clear_button.click()
    assert cleared.args[0] is None
    assert picker.selected_client() is None


def test_several_results_wait_for_a_choice_made_with_the_arrow_keys(
    qtbot, picker, runner, gui_services, desk
):
    create_client(gui_services, desk, "Bouchard", "Anne")
    second = create_client(gui_services, desk, "Bouchard", "Benoît")
    picker.search("bouchard")
    settle_picker(qtbot, picker, runner)
    assert len(picker.results()) == 2
    assert "2 clients found" in picker.state.text()

    QTest.keyClick(picker.field, Qt.Key.Key_Return)
    assert picker.selected_client() is None  # nothing chosen yet: nothing picked
    QTest.keyClick(picker.field, Qt.Key.Key_Down)
    QTest.keyClick(picker.field, Qt.Key.Key_Down)
    assert picker.field.hasFocus()
    QTest.keyClick(picker.field, Qt.Key.Key_Return)
    assert picker.selected_client().id == second.id


def test_a_double_click_picks_the_row(qtbot, picker, runner, gui_services, desk):
    client = create_client(gui_services, desk, "Gagnon", "Luc")
    picker.search("gagnon")
    settle_picker(qtbot, picker, runner)
    index = picker.model.index(0, 0)
    picker.table.doubleClicked.emit(index)
    assert picker.selected_client().id == client.id


def test_a_client_given_at_the_start_is_shown_as_picked(qtbot, gui_services, desk, runner):
    client = create_client(gui_services, desk, "Roy", "Julie")
    widget = ClientSearch(gui_services, desk, runner, picking=True, client=client)
    qtbot.addWidget(widget)
    assert widget.selected_client().id == client.id
    assert "Roy, Julie" in widget.picked_label.text()
    assert widget.clear_button.isEnabled()


def test_the_match_button_of_the_picker_dialog_waits_for_a_pick(qtbot, gui_services, desk, runner):
    client = create_client(gui_services, desk, "Pelletier", "Rose")
    dialog = ClientPickerDialog(gui_services, desk, runner, "Requester as given: Rose Pelletier")
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.buttons()[0]
    assert not ok.isEnabled()
    dialog.picker.search("pelletier")
    settle_picker(qtbot, dialog.picker, runner)
    QTest.keyClick(dialog.picker.field, Qt.Key.Key_Return)
    assert ok.isEnabled()
    assert dialog.chosen().id == client.id
    dialog.reject()
    assert dialog.picker.results() == []  # closing dropped the search


# ---------------------------------------------------------------- following saved changes


def test_a_saved_client_runs_the_search_again(qtbot, picker, runner, gui_services, desk):
    create_client(gui_services, desk, "Lavoie", "Anne")
    picker.search("lavoie")
    settle_picker(qtbot, picker, runner)
    assert len(picker.results()) == 1

    added = create_client(gui_services, desk, "Lavoie", "Bruno")  # saved elsewhere in the window
    runner.changes.publish(DataChange.of(ChangeSubject.CLIENT, client_id=added.id))
    qtbot.waitUntil(lambda: len(picker.results()) == 2, timeout=TIMEOUT_MS)


def test_other_changes_and_an_empty_field_search_nothing(
    qtbot, monkeypatch, picker, runner, gui_services, desk
):
    calls: list[str] = []
    real_search = gui_services.clients.search_page
    monkeypatch.setattr(
        gui_services.clients,
        "search_page",
        lambda *args, **kwargs: calls.append("search") or real_search(*args, **kwargs),
    )
    runner.changes.publish(DataChange.of(ChangeSubject.CLIENT))  # nothing typed: nothing to search
    picker.search("lavoie")
    settle_picker(qtbot, picker, runner)
    assert calls == ["search"]
    runner.changes.publish(DataChange.of(ChangeSubject.CONSENT, ChangeSubject.APPOINTMENTS, client_id=1))
    settle_picker(qtbot, picker, runner)
    assert calls == ["search"]


def test_the_window_s_search_follows_a_client_saved_in_the_file(qtbot, window, gui_services, desk):
    create_client(gui_services, desk, "Lachance", "Anne")
    assert search(qtbot, window, "lachance") == ["Lachance, Anne"]
    renamed = create_client(gui_services, desk, "Lachance", "Zacharie")
    window.runner.changes.publish(DataChange.of(ChangeSubject.CLIENT, client_id=renamed.id))
    qtbot.waitUntil(lambda: len(result_names(window)) == 2, timeout=TIMEOUT_MS)
    settle(qtbot, window)
    assert result_names(window) == ["Lachance, Anne", "Lachance, Zacharie"]


# ---------------------------------------------------------------- one search in the GUI


def calls_of(path: Path, service: str, method: str) -> int:
    """How many ``<something>.<service>.<method>(...)`` calls the module makes (docstrings aside)."""
    return sum(
        1
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == method
        and isinstance(node.func.value, ast.Attribute)
        and node.func.value.attr == service
    )


def test_only_the_client_search_widget_calls_the_search_service():
    callers = {
        str(path.relative_to(ROOT)): count
        for path in sorted((ROOT / "ui").rglob("*.py"))
        if (count := calls_of(path, "clients", "search") + calls_of(path, "clients", "search_page"))
    }
    assert callers == {"ui/kit/client_search.py": 1}


def test_a_date_of_birth_typed_day_first_finds_the_client_and_says_the_day_understood(
    qtbot, window, gui_services, desk, switch
):
    create_client(gui_services, desk, "Côté", "Zoé", born=date(1994, 5, 26))
    assert search(qtbot, window, "26/05/1994") == ["Côté, Zoé"]
    assert window.search_panel.state.text() == (
        "Date of birth read: Thursday, May 26, 1994. 1 client found. Press Enter to open the file."
    )
    switch(Language.FR)
    assert search(qtbot, window, "26.05.1994") == ["Côté, Zoé"]
    assert window.search_panel.state.text().startswith(
        "Date de naissance lue\u00a0: jeudi 26 mai 1994. 1 client"
    )


def test_every_result_column_is_in_sight_at_the_default_window_size(
    qtbot, window, gui_services, desk, switch
):
    """At the panel's default width, in both languages (French headers are longer), the name is readable
    (never narrower than NAME_COLUMN_MINIMUM; a longer one elided, whole in its tooltip) and takes the
    width the others leave; the date, phone, file, language and NAM are whole, the last ones behind the
    scroll bar when the panel is too narrow for them all."""
    create_client(gui_services, desk, "Bélanger-Archambault", "Marie-Geneviève", born=date(1974, 8, 27))
    create_client(gui_services, desk, "Côté", "Zoé", born=date(1998, 10, 11))
    for language in ("en", "fr"):
        if language == "fr":
            switch(Language.FR)
        search(qtbot, window, "e")
        settle(qtbot, window)
        table = window.search_panel.table
        header = table.horizontalHeader()
        assert header.sectionSize(0) >= NAME_COLUMN_MINIMUM, language
        # The name takes what the others leave, down to its minimum (then the last columns scroll).
        others = sum(header.sectionSize(column) for column in range(1, header.count() - 1))
        assert header.sectionSize(0) == max(NAME_COLUMN_MINIMUM, table.viewport().width() - others) or (
            header.sectionSize(0)
            == table.viewport().width() - others - header.sectionSize(header.count() - 1)
        ), language
        for column in range(1, header.count()):  # the date, phone, file, language and NAM whole
            model = table.model()
            needed = max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
            assert header.sectionSize(column) >= needed, (
                language,
                model.headerData(column, Qt.Orientation.Horizontal),
            )
        name = window.search_panel.model.index(0, 0)
        assert name.data(Qt.ItemDataRole.ToolTipRole) == name.data()
