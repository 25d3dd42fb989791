"""The clinic settings and the policy versions: a manager's changes are audited and every view showing the
clinic follows them; a receptionist is offered neither window."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from desktop.db.models import AuditRecord
from desktop.domain.clinic_identity import EasterHoliday
from desktop.domain.enums import Purpose
from desktop.services import Services
from tests.ui.conftest import off_gui, sign_in, type_text, wait_idle
from ui.admin.clinic_settings_dialog import ClinicSettingsDialog
from ui.admin.policy_dialog import PolicyDialog
from ui.optouts.optout_dialog import OptOutDialog
from ui.optouts.optout_queue import OptOutQueueWindow


def audit_details(services: Services, action: str) -> list[str]:
    def read() -> list[str]:
        with services.db.session(write=False) as session:
            rows = session.scalars(
                select(AuditRecord).where(AuditRecord.action == action).order_by(AuditRecord.id)
            )
            return [row.detail for row in rows]

    return off_gui(read)


def open_settings(qtbot, gui_services, runner) -> ClinicSettingsDialog:
    manager = sign_in(gui_services, "gestion")
    dialog = ClinicSettingsDialog(gui_services, manager, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    wait_idle(qtbot, runner)
    return dialog


def test_the_easter_holiday_changed_is_audited_and_the_opt_out_deadlines_follow(
    qtbot, gui_services, runner, desk
):
    queue = OptOutQueueWindow(gui_services, desk, runner)
    qtbot.addWidget(queue)
    request = OptOutDialog(gui_services, desk, runner)
    qtbot.addWidget(request)
    request.show()
    request.via_post.click()
    # Ten business days from this Friday end on Good Friday 2026 or, when it is worked, on Easter Monday.
    request.received_on.setDate(QDate(2026, 3, 20))
    wait_idle(qtbot, runner)
    assert request.due_date() == date(2026, 4, 6)
    assert "Good Friday" in queue._explanation.text()

    dialog = open_settings(qtbot, gui_services, runner)
    form = dialog.organisation_form
    assert form.easter.currentData() == EasterHoliday.GOOD_FRIDAY
    form.easter.setCurrentIndex(form.easter.findData(EasterHoliday.EASTER_MONDAY))
    dialog.save_organisation_button.click()
    wait_idle(qtbot, runner)

    assert "The organisation's settings are saved." in dialog.outcome.text()
    assert audit_details(gui_services, "organisation.update")[-1] == "easter_holiday=easter_monday"
    assert request.due_date() == date(2026, 4, 3)
    assert "Due by 2026-04-03" in request.effect.text()
    assert "Easter Monday" in queue._explanation.text() and "Good Friday" not in queue._explanation.text()


def test_a_delay_above_ten_is_refused_and_a_refused_save_keeps_what_was_typed(qtbot, gui_services, runner):
    dialog = open_settings(qtbot, gui_services, runner)
    form = dialog.organisation_form
    form.opt_out_delay.selectAll()
    QTest.keyClicks(form.opt_out_delay, "11")
    form.opt_out_delay.interpretText()
    assert form.opt_out_delay.value() <= 10  # the law's ceiling: 11 cannot be entered

    form.name.clear()
    form.parent_name.clear()
    type_text(form.parent_name, "Groupe Santé Boréal")
    dialog.save_organisation_button.click()
    wait_idle(qtbot, runner)
    assert form.errors.message("organisation_name")  # said under the field
    assert form.parent_name.text() == "Groupe Santé Boréal"
    assert "Nothing typed was lost" in dialog.outcome.text()
    assert audit_details(gui_services, "organisation.update") == []


def test_a_site_is_edited_and_one_added(qtbot, gui_services, runner):
    dialog = open_settings(qtbot, gui_services, runner)
    assert dialog.site_model.rowCount() == 1
    created = len(audit_details(gui_services, "clinic.create"))
    dialog.new_site_button.click()
    site = dialog.site_form
    for editor, text in (
        (site.site_name, "Clinique Boréale de Lévis"),
        (site.street, "5 rue Principale"),
        (site.city, "Lévis"),
        (site.postal_code, "g6v 1a1"),
        (site.phone, "418 555-0199"),
        (site.email, "levis@boreale.example"),
    ):
        type_text(editor, text)
    dialog.save_site_button.click()
    wait_idle(qtbot, runner)
    assert dialog.site_model.rowCount() == 2
    assert site.postal_code.text() == "G6V 1A1"  # as the core cleaned it
    assert len(audit_details(gui_services, "clinic.create")) == created + 1

    site.postal_code.clear()
    type_text(site.postal_code, "12345")
    dialog.save_site_button.click()
    wait_idle(qtbot, runner)
    assert site.errors.message("postal_code")
    assert site.site_name.text() == "Clinique Boréale de Lévis"


def write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_version_is_published_from_files_and_a_date_only_once(qtbot, gui_services, runner, tmp_path):
    officer = sign_in(gui_services, "vie.privee")
    dialog = PolicyDialog(gui_services, officer, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle(qtbot, runner)
    before = dialog.model.rowCount()
    assert before >= 2  # the demo clinic's version, in French and English
    effective = gui_services.clock.today() + timedelta(days=14)
    dialog.effective.setDate(QDate(effective.year, effective.month, effective.day))
    files = {
        "text_fr": write(tmp_path, "fr.txt", "POLITIQUE\nTexte révisé.\n"),
        "text_en": write(tmp_path, "en.txt", "POLICY\nRevised text.\n"),
        "summary_fr": write(tmp_path, "resume-fr.txt", "Résumé.\n"),
        "summary_en": write(tmp_path, "summary-en.txt", "Summary.\n"),
    }
    dialog.paths["summary_en"].setText(str(tmp_path / "missing.txt"))
    for field in ("text_fr", "text_en", "summary_fr"):
        dialog.paths[field].setText(files[field])
    dialog.publish_button.click()
    wait_idle(qtbot, runner)
    assert "missing.txt" in dialog.errors.message("summary_en")
    assert dialog.model.rowCount() == before

    dialog.paths["summary_en"].setText(files["summary_en"])
    dialog.publish_button.click()
    wait_idle(qtbot, runner)
    assert dialog.model.rowCount() == before + 2
    newest = dialog.model.record(0)
    assert newest is not None and newest.effective_date == effective and len(newest.sha256) == 64
    assert dialog.model.data(dialog.model.index(0, 2), Qt.ItemDataRole.DisplayRole) == newest.sha256

    for field, path in files.items():
        dialog.paths[field].setText(path)
    dialog.publish_button.click()
    wait_idle(qtbot, runner)
    assert "already published" in dialog.outcome.text() and effective.isoformat() in dialog.outcome.text()
    assert dialog.model.rowCount() == before + 2


def test_a_receptionist_is_offered_neither_window(qtbot, make_window, gui_services, desk):
    window = make_window(gui_services, desk)
    for action in (window.manage.settings_action, window.manage.policies_action):
        assert not action.isVisible() and not action.isEnabled()
    assert window.manage.open_settings() is None and window.manage.open_policies() is None
    assert "clinic-settings" not in window.windows.opened

    manager = make_window(gui_services, sign_in(gui_services, "gestion"))
    assert manager.manage.settings_action.isVisible() and manager.manage.policies_action.isVisible()
    opened = manager.manage.open_settings()
    assert isinstance(opened, ClinicSettingsDialog)
    assert isinstance(manager.manage.open_policies(), PolicyDialog)


def test_without_a_parent_organisation_its_option_is_gone(qtbot, gui_services, runner, desk):
    request = OptOutDialog(gui_services, desk, runner)
    qtbot.addWidget(request)
    request.show()
    wait_idle(qtbot, runner)
    assert request.parent_company.isVisible() and "Groupe Médical Lacroix" in request.parent_company.text()

    dialog = open_settings(qtbot, gui_services, runner)
    dialog.organisation_form.parent_name.clear()
    dialog.save_organisation_button.click()
    wait_idle(qtbot, runner)
    assert not request.parent_company.isVisible()
    assert Purpose.PARENT_COMPANY_PROMOTIONS not in request.purposes()
    request.via_post.click()
    request.preset_everything.click()
    assert "Everything, including appointment reminders" in request.effect.text()
