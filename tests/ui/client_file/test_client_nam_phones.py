"""The client form's health insurance number and phone list: the warning said beside the number in the staff
language (saved anyway), the sex at birth taken from the card, the expiry; numbers added, marked mobile and
removed; a new file made with them is found by its NAM, which the search list shows masked."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from desktop.domain.enums import Language
from desktop.domain.errors import ValidationError
from desktop.domain.nam import SexAtBirth
from desktop.domain.phones import Phone, PhoneKind
from desktop.domain.records import ClientDraft, ClientSummary
from desktop.domain.validation import validate_client
from tests.ui.conftest import TIMEOUT_MS, off_gui, settle, type_text, wait_idle
from tests.ui.shell.test_main_window import fill, new_client_dialog, result_names
from ui.kit.client_form import ClientForm
from ui.kit.client_search import client_line


def make_form(qtbot) -> ClientForm:
    form = ClientForm()
    qtbot.addWidget(form)
    form.show()
    return form


def test_a_number_that_does_not_agree_is_warned_about_in_the_staff_language(qtbot, switch) -> None:
    form = make_form(qtbot)
    type_text(form.last_name, "Tremblay")
    type_text(form.first_name, "Marie")
    type_text(form.date_of_birth, "1985-05-15")
    assert not form.nam_warning.isVisible()
    type_text(form.health_number, "trem 8555 1512")
    # The card says female: taken as the sex at birth, none having been chosen.
    assert form.sex_at_birth.currentData() == SexAtBirth.FEMALE
    assert form.sex_at_birth.currentText() == "Female"
    assert [form.sex_at_birth.itemText(i) for i in range(form.sex_at_birth.count())] == ["Not given", "Female", "Male"]
    assert not form.nam_warning.isVisible()
    form.health_number.clear()
    type_text(form.health_number, "TREJ 8555 1612")
    assert form.nam_warning.isVisible()
    assert form.nam_warning.text() == (
        "The NAM's letters do not match the last and first names (expected: TREM).\n"
        "The NAM's digits do not match the date of birth."
    )
    type_text(form.health_card_expiry, "01/2020")
    assert "The health insurance card has expired (01/2020)" in form.nam_warning.text()
    switch(Language.FR)
    assert form.nam_warning.text().startswith(
        "Les lettres du NAM ne correspondent pas au nom et au prénom (attendu : TREM)."
    )
    assert "La carte d'assurance maladie est expirée (01/2020)" in form.nam_warning.text()
    draft = form.draft()
    assert (draft.health_number, draft.health_card_expiry) == ("TREJ 8555 1612", date(2020, 1, 1))


def test_an_expiry_that_is_not_a_month_is_named(qtbot) -> None:
    form = make_form(qtbot)
    type_text(form.health_card_expiry, "13/2027")
    assert form.draft().health_card_expiry is None
    form.show_problems(None)
    assert form.errors.message("health_card_expiry").startswith("Expiry not understood")


def test_numbers_are_added_marked_mobile_and_removed(qtbot) -> None:
    form = make_form(qtbot)
    form.set_draft(
        ClientDraft(
            "Roy", "Luc", date(1990, 1, 1), phones=(Phone("+14185550100", PhoneKind.UNSPECIFIED, "12"),)
        )
    )
    rows = form.phones.rows
    assert rows[0].number.text() == "(418) 555-0100 ext. 12"
    assert rows[0].kind.currentData() == PhoneKind.UNSPECIFIED
    assert not rows[1].isVisible()
    qtbot.mouseClick(form.phones.add_button, Qt.MouseButton.LeftButton)
    assert rows[1].isVisible() and form.focusWidget() is rows[1].number
    type_text(rows[1].number, "581 555-0199")
    rows[1].kind.setCurrentIndex(rows[1].kind.findData(PhoneKind.MOBILE))
    assert [(p.number, p.kind) for p in form.draft().phones] == [
        ("(418) 555-0100 ext. 12", PhoneKind.UNSPECIFIED),
        ("581 555-0199", PhoneKind.MOBILE),
    ]
    qtbot.mouseClick(rows[0].remove, Qt.MouseButton.LeftButton)
    assert [(p.number, p.kind) for p in form.draft().phones] == [("581 555-0199", PhoneKind.MOBILE)]
    assert not rows[1].isVisible()
    # A second number that is not one is named under its own row.
    qtbot.mouseClick(form.phones.add_button, Qt.MouseButton.LeftButton)
    type_text(rows[1].number, "12")
    try:
        validate_client(form.draft(), today=date(2026, 12, 1))
    except ValidationError as error:
        form.show_problems(error)
    assert form.errors.message("phone_2").startswith("Invalid phone number")
    assert form.errors.message("phone") == ""


def test_a_new_file_with_its_nam_and_mobile_is_found_by_the_nam_shown_masked(
    qtbot, window, gui_services, desk
) -> None:
    dialog = new_client_dialog(qtbot, window)
    fill(qtbot, dialog, last_name="Tremblay", first_name="Marie", date_of_birth="1985-05-15")
    type_text(dialog.form.health_number, "TREM 8555 1512")
    type_text(dialog.form.health_card_expiry, "03/2029")
    type_text(dialog.form.phone, "581 555-0199")
    kind = dialog.form.phones.rows[0].kind
    kind.setCurrentIndex(kind.findData(PhoneKind.MOBILE))
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.client_file.client is not None, timeout=TIMEOUT_MS)
    settle(qtbot, window)
    created = window.client_file.client
    assert created.health_number == "TREM85551512"
    assert created.sex_at_birth is SexAtBirth.FEMALE
    assert created.health_card_expiry == date(2029, 3, 1)
    assert created.phones == (Phone("+15815550199", PhoneKind.MOBILE),)
    # The file shows the number in full to staff.
    details = window.client_file.findChild(ClientForm)
    assert details is not None and details.health_number.text() == "TREM 8555 1512"

    field = window.search_panel.field
    field.clear()
    qtbot.keyClicks(field, "TREM 8555 1512")
    settle(qtbot, window)
    wait_idle(qtbot, window.runner)
    assert result_names(window) == ["Tremblay, Marie"]
    model = window.search_panel.model
    shown = [model.index(0, column).data() for column in range(model.columnCount())]
    assert "TREM •••• ••12" in shown
    assert not any("8555" in str(value) for value in shown)
    stored = off_gui(lambda: gui_services.clients.get(desk, created.id))
    assert stored.health_number == "TREM85551512"


def test_a_picked_client_line_shows_the_number_masked(qtbot) -> None:
    line = client_line(
        ClientSummary(
            1, "000001", "Tremblay", "Marie", date(1985, 5, 15), "+15815550199", Language.FR, "TREM •••• ••12"
        )
    )
    assert line.endswith("TREM •••• ••12") and "8555" not in line
