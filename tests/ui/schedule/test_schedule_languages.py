"""The schedule's windows in French and in English: no text left in the other language, none cut short."""

from __future__ import annotations

from datetime import datetime, time

import pytest

from desktop.domain.enums import AppointmentMode, BookedVia, Interaction, Language
from desktop.domain.records import AppointmentDraft, ConsentCapture
from desktop.domain.schedule import PractitionerDraft, WeeklyHours
from desktop.services import Services
from tests.ui.conftest import create_client, sign_in, wait_idle
from tests.ui.helpers import off_gui
from tests.ui.language_check import clipped_texts, language_problems, visible_texts
from ui.kit.i18n import install_translators
from ui.schedule.editor import ScheduleEditor
from ui.schedule.window import ScheduleWindow


@pytest.fixture(params=[Language.FR, Language.EN], ids=["fr", "en"])
def language(request, qapp):
    assert install_translators(qapp, request.param) == request.param
    yield request.param
    install_translators(qapp, Language.EN)


def test_the_schedule_and_its_dialogs_in_one_language(
    qtbot, gui_services: Services, desk, runner, language
) -> None:
    manager = sign_in(gui_services, "gestion")
    client = create_client(gui_services, desk, "Gagnon", "Léa")
    today = gui_services.clock.today()

    def set_up() -> str:
        made = gui_services.schedule.add_practitioner(
            manager, PractitionerDraft("Dre Tremblay", manager.clinic_id)
        )
        gui_services.schedule.set_hours(manager, made.id, [WeeklyHours(today.weekday(), time(15), time(18))])
        starts = datetime.combine(today, time(16)).astimezone()
        draft = AppointmentDraft(
            starts, "consultation", AppointmentMode.IN_CLINIC, BookedVia.PHONE, practitioner_id=made.id
        )
        gui_services.appointments.book(
            desk, client.id, draft, ConsentCapture((), Interaction.PHONE, Language.FR)
        )
        return gui_services.clinics.get(desk).name

    site = off_gui(set_up)
    data = [site, "Dre Tremblay", "Léa Gagnon", client.file_number, "Consultation"]
    schedule = ScheduleWindow(gui_services, desk, runner)
    qtbot.addWidget(schedule)
    schedule.show()
    qtbot.waitExposed(schedule)
    wait_idle(qtbot, runner)
    schedule.grid.select(*schedule.model.find(schedule.model.cell(4, 0).appointment.id))  # type: ignore[union-attr,misc]
    cancel = schedule.actions_.cancel(schedule.selected_appointment())  # type: ignore[arg-type]
    qtbot.waitExposed(cancel)
    go_to = schedule.go_to_date()
    qtbot.waitExposed(go_to)
    editor = ScheduleEditor(gui_services, manager, runner)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    wait_idle(qtbot, runner)
    for window in (schedule, cancel, go_to, editor):
        assert language_problems(visible_texts(window), language, data) == [], window.objectName()
        assert clipped_texts(window) == [], window.objectName()
    cancel.done(0)
    go_to.done(0)
    editor.done(0)
