"""The disclosure register's dialog and window, driven as a manager would: nothing the law wants stated is
filled in, a refused save says what to correct in the staff language and keeps what was typed, clients are
added by file number with their names shown; the window lists the period, records and corrects entries."""

from __future__ import annotations

from datetime import date

from desktop.domain.changes import ChangeSubject
from desktop.domain.disclosures import DisclosureDraft
from desktop.domain.enums import Language
from desktop.domain.register_enums import DisclosureMeans, DisclosureRecipient
from tests.conftest import TEST_PASSWORD, WORKSTATION
from tests.ui import booking_fixtures
from tests.ui.booking_fixtures import Desk, type_text
from ui.registers.disclosure_dialog import DisclosureDialog
from ui.registers.disclosure_window import DisclosureRegisterWindow

desk = booking_fixtures.desk


def manager(desk: Desk):  # type: ignore[no-untyped-def]
    return desk.call(desk.services.staff.authenticate, "gestion", TEST_PASSWORD, WORKSTATION)


def open_dialog(qtbot, desk: Desk, actor, clients=()) -> DisclosureDialog:  # type: ignore[no-untyped-def]
    dialog = DisclosureDialog(desk.services, actor, desk.runner, None, clients)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    desk.settle()
    return dialog


def choose(combo, value) -> None:  # type: ignore[no-untyped-def]
    combo.setCurrentIndex(combo.findData(value))


def test_nothing_is_stated_for_the_person_and_a_refused_save_keeps_everything(qtbot, desk: Desk, switch):
    boss = manager(desk)
    zoe = desk.new_client("Côté", "Zoé")
    luc = desk.new_client("Roy", "Luc")
    dialog = open_dialog(qtbot, desk, boss, (zoe,))
    assert dialog.disclosed_on.text() == "" and dialog.authorised_by.text() == ""
    assert dialog.recipient_kind.currentData() is None and dialog.means.currentData() is None
    assert dialog.legal_basis.toPlainText() == "" and dialog.information.toPlainText() == ""
    assert dialog.client_ids() == (zoe.id,)
    assert dialog.client_list.item(0).text() == f"{zoe.file_number} — Côté, Zoé"

    type_text(dialog.disclosed_on, "31/02/2026")
    type_text(dialog.information, "Coordonnées")
    dialog.save_button.click()
    desk.settle()
    assert dialog.saved_record() is None
    assert "The disclosure was not recorded." in dialog.banner_text()
    assert dialog.errors["disclosed_on"].isVisible() and "31/02/2026" in dialog.errors["disclosed_on"].text()

    dialog.disclosed_on.clear()
    type_text(dialog.disclosed_on, "2026-11-20")
    choose(dialog.recipient_kind, DisclosureRecipient.COURT)
    dialog.save_button.click()
    desk.settle()
    for field in ("recipient_name", "legal_basis", "authorised_by", "means"):
        assert dialog.errors[field].isVisible() and dialog.errors[field].text(), field
    assert not dialog.errors["information"].isVisible()
    assert dialog.errors["means"].text() == "This field is required."
    assert dialog.information.toPlainText() == "Coordonnées" and dialog.disclosed_on.text() == "2026-11-20"

    switch(Language.FR)
    assert dialog.windowTitle() == "Consigner une communication"
    assert "La communication n'a pas été consignée." in dialog.banner_text()
    assert dialog.errors["recipient_name"].text().startswith("Nommez le destinataire")
    assert dialog.recipient_kind.currentText() == "Tribunal" and dialog.means.itemText(0) == "— choisir —"
    assert dialog.information.toPlainText() == "Coordonnées"
    switch(Language.EN)

    type_text(dialog.file_number, "999999")
    dialog.add_client_button.click()
    desk.settle()
    assert "999999" in dialog.errors["client_ids"].text() and dialog.file_number.text() == "999999"
    dialog.file_number.clear()
    type_text(dialog.file_number, str(int(luc.file_number)))  # typed without its zeros
    dialog.add_client_button.click()
    desk.settle()
    assert dialog.client_ids() == (zoe.id, luc.id)
    assert dialog.client_list.item(1).text() == f"{luc.file_number} — Roy, Luc"

    type_text(dialog.recipient_name, "Cour du Québec")
    type_text(dialog.legal_basis, "Ordonnance 200-22-0001")
    type_text(dialog.authorised_by, "Jeanne Tremblay")
    choose(dialog.means, DisclosureMeans.SECURE_TRANSFER)
    changes = []
    desk.runner.changes.changed.connect(lambda change, _source: changes.append(change))
    with qtbot.waitSignal(dialog.recorded, timeout=5000) as recorded:
        dialog.save_button.click()
        desk.settle()
    saved = recorded.args[0]
    assert (saved.disclosed_on, saved.recipient_name, saved.means) == (
        date(2026, 11, 20),
        "Cour du Québec",
        DisclosureMeans.SECURE_TRANSFER,
    )
    assert saved.client_ids == (zoe.id, luc.id) and saved.recorded_by == boss.full_name
    assert not dialog.save_button.isVisible()
    # One change for the two files (about no client in particular: each open file reloads).
    assert [c.client_id for c in changes if c.touches(ChangeSubject.DISCLOSURES)] == [None]


def test_the_window_lists_the_period_and_corrects_an_entry(qtbot, desk: Desk, switch):
    boss = manager(desk)
    zoe = desk.new_client("Côté", "Zoé")
    draft = DisclosureDraft(
        date(2026, 11, 10),
        DisclosureRecipient.PROFESSIONAL_ORDER,
        "Ordre des infirmières et infirmiers du Québec",
        "Demande du syndic",
        "Rendez-vous de 2026",
        "Jeanne Tremblay",
        DisclosureMeans.POST,
        (zoe.id,),
    )
    first = desk.call(desk.services.disclosures.record, boss, draft)
    window = DisclosureRegisterWindow(desk.services, boss, desk.runner)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    desk.settle()
    assert window.model.rowCount() == 1 and window.selected_record() == first
    assert "Professional order — Ordre des infirmières" in window.details.text()
    assert window.count_label.text() == "Entries in the period: 1 (1 standing)"
    assert window.correct_button.isEnabled()

    dialog = window.open_dialog(first)
    qtbot.addWidget(dialog)
    desk.settle()
    assert dialog.windowTitle() == f"Correct disclosure no. {first.id}"
    assert dialog.recipient_name.text() == draft.recipient_name and dialog.client_ids() == (zoe.id,)
    choose(dialog.means, DisclosureMeans.EMAIL)
    changes = []
    desk.runner.changes.changed.connect(lambda change, _source: changes.append(change))
    dialog.save_button.click()
    desk.settle()
    assert [c.client_id for c in changes if c.touches(ChangeSubject.DISCLOSURES)] == [zoe.id]
    fixed = dialog.saved_record()
    assert fixed is not None and fixed.corrects_id == first.id and fixed.means == DisclosureMeans.EMAIL
    desk.settle()
    assert window.model.rowCount() == 2
    assert window.model.record(0).corrected_by_id == fixed.id
    assert f"Disclosure no. {fixed.id} recorded." in window.status.text()

    switch(Language.FR)
    assert window.windowTitle() == "Registre des communications"
    assert window.record_button.text() == "Consigner une communication…"
    assert window.count_label.text() == "2 inscription(s) dans la période, 1 en vigueur"
    window.table.selectRow(0)
    assert f"(corrigée par le n° {fixed.id})" in window.details.text()
    assert not window.correct_button.isEnabled()  # only the entry that stands is corrected
    window.start.setDate(window.start.date().addMonths(-3))
    window.end.setDate(window.start.date().addDays(5))
    desk.settle()
    assert (
        window.model.rowCount() == 0 and window.count_label.text() == "Aucune communication dans la période."
    )
