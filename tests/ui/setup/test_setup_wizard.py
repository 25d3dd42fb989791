"""The set-up wizard, driven for a clinic that is not the demo's: two sites, its own policy texts, on a new
database; then what it wrote, checked through the services."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from desktop.connection_config import stored_database_url
from desktop.domain.clinic_identity import EasterHoliday
from desktop.domain.enums import Language
from desktop.settings import load_settings
from tests.conftest import WORKSTATION
from tests.ui.helpers import off_gui
from tests.ui.setup.clinic import EFFECTIVE, MANAGER, ORGANISATION, POLICY, SITES, finish, run_through


def test_a_new_clinic_is_set_up_and_its_manager_signs_in(
    qtbot, wizard, fresh_services, monkeypatch, tmp_path
):
    run_through(wizard, qtbot, monkeypatch, tmp_path / "policy")
    summary = wizard.summary.text.text()
    assert ORGANISATION["name"] in summary and SITES[1]["name"] in summary
    assert "(this workstation)" in summary

    finish(wizard, qtbot)

    assert wizard.result() == QDialog.DialogCode.Accepted, wizard.summary.message.text()
    assert wizard.outcome is not None and wizard.services is fresh_services
    username, _name, password = MANAGER
    services = fresh_services
    assert off_gui(services.setup.needed) is False
    manager = off_gui(lambda: services.staff.authenticate(username, password, WORKSTATION))
    organisation = off_gui(lambda: services.clinics.organisation(manager))
    assert organisation.name == ORGANISATION["name"]
    assert organisation.parent_name == ORGANISATION["parent_name"]
    assert organisation.privacy_officer_name == ORGANISATION["officer_name"]
    assert organisation.easter_holiday == EasterHoliday.EASTER_MONDAY
    assert (organisation.opt_out_delay_days, organisation.idle_lock_minutes) == (7, 3)
    sites = off_gui(lambda: services.clinics.list(manager))
    assert [site.name for site in sites] == [site["name"] for site in SITES]
    assert sites[0].postal_code == "G7H 4B7" and sites[0].phone.startswith("+1418")
    versions = off_gui(lambda: services.policies.versions(manager))
    assert {v.language for v in versions} == {Language.FR, Language.EN}
    assert {v.effective_date for v in versions} == {EFFECTIVE}
    french = next(v for v in versions if v.language == Language.FR)
    assert french.text == POLICY["text_fr"] and french.summary == POLICY["summary_fr"]
    # This computer's data: nothing stored; the workstation is at the second clinic.
    assert stored_database_url() is None
    assert load_settings().site_id == sites[1].id
    here = off_gui(
        lambda: services.staff.authenticate(username, password, WORKSTATION, load_settings().site_id)
    )
    assert here.clinic_id == sites[1].id


def test_going_back_keeps_what_was_typed(qtbot, wizard, monkeypatch, tmp_path):
    run_through(wizard, qtbot, monkeypatch, tmp_path / "policy")
    for _page in range(4):
        wizard.back()
    assert wizard.currentPage() is wizard.organisation
    assert wizard.organisation.name.text() == ORGANISATION["name"]
    wizard.next()
    assert [form.name.text() for form in wizard.sites.forms] == [site["name"] for site in SITES]


def test_a_clinic_can_be_removed_but_not_the_last(wizard):
    page = wizard.sites
    page.add_button.click()
    page.add_button.click()
    assert len(page.forms) == 3
    page.forms[1].name.setText("À retirer")
    page.workstation_site.setCurrentIndex(2)
    page.forms[1].remove_button.click()
    assert len(page.forms) == 2 and page.workstation_site.currentIndex() == 1
    assert [form.title() for form in page.forms] == ["Clinic 1", "Clinic 2"]
    page.forms[0].remove_button.click()
    page.forms[0].remove_button.click()
    assert len(page.forms) == 1 and not page.forms[0].remove_button.isEnabled()
