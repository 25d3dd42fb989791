"""The client form reads a date in any accepted form and says what it understood, names a day that does
not exist, clears a field's problem once the field is corrected, and shows a phone's extension."""

from __future__ import annotations

from datetime import date

from desktop.domain.enums import Language
from desktop.domain.errors import FieldError, ValidationError
from desktop.domain.records import ClientDraft
from tests.ui.helpers import type_text
from ui.kit.client_form import ClientForm


def make_form(qtbot) -> ClientForm:
    form = ClientForm()
    qtbot.addWidget(form)
    form.show()
    return form


def test_a_day_first_date_of_birth_is_read_and_shown_in_words(qtbot, switch):
    form = make_form(qtbot)
    type_text(form.date_of_birth, "26/05/1994")
    assert form.draft().date_of_birth == date(1994, 5, 26)
    assert form.date_understood.isVisible()
    assert form.date_understood.text() == "May 26, 1994"
    switch(Language.FR)
    assert form.date_understood.text() == "26 mai 1994"
    assert form.date_of_birth.placeholderText() == "AAAA-MM-JJ, JJ/MM/AAAA ou JJ.MM.AAAA"
    form.date_of_birth.clear()
    type_text(form.date_of_birth, "26.05.1994")
    assert form.draft().date_of_birth == date(1994, 5, 26)
    form.date_of_birth.clear()
    type_text(form.date_of_birth, "26/05")
    assert form.date_understood.text() == ""


def test_a_day_that_does_not_exist_is_named_in_the_staff_language(qtbot, switch):
    form = make_form(qtbot)
    type_text(form.date_of_birth, "31/02/1994")
    assert form.draft().date_of_birth is None
    form.show_problems(None)
    assert form.errors.message("date_of_birth") == "There is no such day: 31/02/1994."
    switch(Language.FR)
    assert form.errors.message("date_of_birth") == "Ce jour n'existe pas : 31/02/1994."


def test_a_problem_goes_as_soon_as_its_field_is_corrected_and_only_that_one(qtbot):
    form = make_form(qtbot)
    type_text(form.last_name, "Côté")
    type_text(form.first_name, "Zoé")
    type_text(form.date_of_birth, "1994-05-26")
    type_text(form.email, "zoe@@exemple")
    type_text(form.phone, "41")
    form.show_problems(
        ValidationError(
            [FieldError("email", "invalid_email", {"reason": "x"}), FieldError("phone", "invalid_phone")]
        )
    )
    assert form.errors.message("email") and form.errors.message("phone")
    form.email.clear()
    type_text(form.email, "zoe@exemple")
    assert form.errors.message("email")  # still no domain: the problem stays
    type_text(form.email, ".ca")
    assert form.errors.message("email") == ""
    assert not form.email.property("invalid")
    assert form.errors.message("phone") == "Invalid phone number. Example: 418 555-0123 ext. 12."
    type_text(form.phone, "8 555-0123 poste 12")
    assert form.errors.message("phone") == ""


def test_a_date_problem_goes_once_the_date_is_readable(qtbot):
    form = make_form(qtbot)
    type_text(form.date_of_birth, "1994-05-")
    form.draft()
    form.show_problems(None)
    assert form.errors.message("date_of_birth") == (
        "Date not understood. Accepted forms: YYYY-MM-DD, DD/MM/YYYY or DD.MM.YYYY."
    )
    type_text(form.date_of_birth, "26")
    assert form.errors.message("date_of_birth") == ""


def test_a_stored_phone_shows_its_extension_in_the_staff_language(qtbot, switch):
    form = make_form(qtbot)
    form.set_draft(ClientDraft("Côté", "Zoé", date(1994, 5, 26), phone="+14185550123", phone_extension="12"))
    assert form.phone.text() == "(418) 555-0123 ext. 12"
    assert form.draft().phones[0].number == "(418) 555-0123 ext. 12"
    switch(Language.FR)
    form.set_draft(ClientDraft("Côté", "Zoé", date(1994, 5, 26), phone="+14185550123", phone_extension="12"))
    assert form.phone.text() == "418 555-0123, poste 12"
