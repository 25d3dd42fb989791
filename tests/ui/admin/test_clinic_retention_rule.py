"""The retention rule in the clinic settings: shown, read whole in both languages, saved and audited,
and bounded to 1-100 years by the spin box as by the core."""

from __future__ import annotations

from PySide6.QtTest import QTest

from desktop.domain.enums import Language
from desktop.domain.retention import RETENTION_YEARS_MAX, RETENTION_YEARS_MIN
from tests.ui.admin.test_clinic_settings import audit_details, open_settings
from tests.ui.conftest import off_gui, sign_in, wait_idle


def test_the_retention_rule_is_saved_audited_and_read_back(qtbot, gui_services, runner):
    dialog = open_settings(qtbot, gui_services, runner)
    form = dialog.organisation_form
    spin = form.retention_years
    assert spin.value() == 7  # the default rule
    assert spin.text() == "7 years after the last contact"
    assert spin.accessibleName() == "Review files 7 years after the last contact"
    assert (spin.minimum(), spin.maximum()) == (RETENTION_YEARS_MIN, RETENTION_YEARS_MAX) == (1, 100)

    spin.selectAll()
    QTest.keyClicks(spin, "250")
    spin.interpretText()
    assert spin.value() <= 100  # more than a century cannot be entered
    spin.setValue(10)
    dialog.save_organisation_button.click()
    wait_idle(qtbot, runner)
    assert "The organisation's settings are saved." in dialog.outcome.text()
    assert audit_details(gui_services, "organisation.update")[-1] == "retention_years=10"
    manager = sign_in(gui_services, "gestion")
    assert off_gui(lambda: gui_services.clinics.organisation(manager)).retention_years == 10

    again = open_settings(qtbot, gui_services, runner)
    assert again.organisation_form.retention_years.value() == 10
    assert again.organisation_form.draft().retention_years == 10


def test_the_rule_reads_whole_in_french(qtbot, gui_services, runner, switch):
    dialog = open_settings(qtbot, gui_services, runner)
    spin = dialog.organisation_form.retention_years
    switch(Language.FR)
    assert spin.text() == "7 ans après le dernier contact"
    label = dialog.organisation_form._labels["retention_years"].text().replace("&", "")
    assert label.startswith("Réviser les dossiers")
    spin.setValue(1)
    assert spin.text() == "1 an après le dernier contact"
