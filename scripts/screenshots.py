"""Every picture of the README, made offscreen from a throwaway demo database, in one language.

    .venv/bin/python scripts/screenshots.py [--language fr|en] [--out docs/images] [--no-documents]
                                            [--only setup-wizard.png ...]

The screens: the client file's consent grid, the consent step of a booking, the opt-out queue, the
reports window beside its preview, the lock screen, the first-run set-up wizard, the clinic settings and
the policy versions. The two document pages (an acknowledgment, a report) come from ``scripts/document_samples.py``, run at the end unless ``--no-documents``.
The clock is fixed (a Tuesday afternoon in Quebec), so two runs draw the same dates.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["QT_QPA_PLATFORM"] = "offscreen"  # never a window on screen, with or without a desktop

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from screenshot_registers import incident_register, retention_review  # noqa: E402  (beside this script)
from screenshot_reminders import reminders_window  # noqa: E402  (beside this script)

from desktop.app import DemoDatabase  # noqa: E402
from desktop.demo_accounts import DEMO_ACCOUNTS  # noqa: E402
from desktop.domain.enums import (  # noqa: E402
    AppointmentMode,
    BookedVia,
    Channel,
    Interaction,
    Language,
    Purpose,
    Role,
)
from desktop.domain.records import Actor, AppointmentDraft, ClientRecord, ConsentCapture  # noqa: E402
from desktop.domain.schedule import AppointmentState, CancelledBy, PractitionerDraft, WeeklyHours  # noqa: E402
from desktop.services import Services  # noqa: E402
from desktop.services.clock import FixedClock  # noqa: E402
from desktop.services.reports import ReportFormat, ReportKind  # noqa: E402
from desktop.workstation import workstation_name  # noqa: E402
from ui.admin.clinic_settings_dialog import ClinicSettingsDialog  # noqa: E402
from ui.admin.policy_dialog import PolicyDialog  # noqa: E402
from ui.admin.reports_window import ReportsWindow  # noqa: E402
from ui.booking.booking_dialog import BookingDialog  # noqa: E402
from ui.kit.i18n import install_translators  # noqa: E402
from ui.kit.settings import AppSettings  # noqa: E402
from ui.kit.worker import TaskRunner  # noqa: E402
from ui.optouts.optout_queue import OptOutQueueWindow  # noqa: E402
from ui.schedule.editor import ScheduleEditor  # noqa: E402
from ui.schedule.window import ScheduleWindow  # noqa: E402
from ui.setup.wizard import SetupWizard  # noqa: E402
from ui.shell.app import create_application, wait_until  # noqa: E402
from ui.shell.main_window import MainWindow  # noqa: E402
from ui.shell.sessions import SessionManager  # noqa: E402

#: Tuesday 24 November 2026, 16:29 in Quebec.
SHOT_TIME = datetime(2026, 11, 24, 21, 29, tzinfo=UTC)
DEMO_CLIENTS = 300
BACKDROP = QColor(60, 68, 80)  # behind windows shown side by side
MARGIN = 24


class Studio:
    """The application, the demo database and one signed-in actor per demo role."""

    def __init__(self, services: Services, runner: TaskRunner, settings: AppSettings, language: Language):
        self.services = services
        self.runner = runner
        self.settings = settings
        self.language = language
        passwords = {account.role: account for account in DEMO_ACCOUNTS}
        self.actors: dict[Role, Actor] = {
            role: services.staff.authenticate(account.username, account.password, workstation_name())
            for role, account in passwords.items()
        }

    def settle(self, condition: Callable[[], bool] = lambda: True, what: str = "the screen") -> None:
        if not wait_until(condition, self.runner):
            raise RuntimeError(f"timed out waiting for {what}")

    def window(self, role: Role) -> MainWindow:
        window = MainWindow(self.services, self.actors[role], self.runner, self.settings, demo=True)
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        window.resize(1280, 800)
        window.show()
        self.settle(what="the main window")
        return window

    def client(self, text: str) -> ClientRecord:
        actor = self.actors[Role.RECEPTIONIST]
        found = self.services.clients.search(actor, text, limit=1)
        if not found:
            raise RuntimeError(f"no demo client matches {text!r}")
        return self.services.clients.get(actor, found[0].id)


def save(widget: QWidget, path: Path) -> None:
    QApplication.processEvents()
    if not widget.grab().save(str(path)):
        raise RuntimeError(f"could not write {path}")
    print(path)


# ---------------------------------------------------------------- the pictures


def client_file_consents(studio: Studio, path: Path) -> None:
    window = studio.window(Role.RECEPTIONIST)
    window.open_first_result("Côté")
    studio.settle(lambda: window.client_file.client is not None, "a client file")
    window.client_file.select_tab("consents")
    studio.settle()
    save(window, path)
    window.close_without_asking()


def client_file_details(studio: Studio, path: Path) -> None:
    """The Details tab: the NAM in full with its card, the phone list (one number marked mobile)."""
    window = studio.window(Role.RECEPTIONIST)
    window.open_first_result("Côté")
    studio.settle(lambda: window.client_file.client is not None, "a client file")
    window.client_file.select_tab("details")
    studio.settle()
    save(window, path)
    window.close_without_asking()


def booking_consent_step(studio: Studio, path: Path) -> None:
    window = studio.window(Role.RECEPTIONIST)
    dialog = BookingDialog(
        studio.services, studio.actors[Role.RECEPTIONIST], studio.runner, studio.client("Zoé Côté"), window
    )
    dialog.resize(900, 700)
    dialog.show()
    studio.settle(lambda: dialog.consent_step.is_loaded, "the consent grid")
    dialog.appointment_page.via_desk.setChecked(True)
    dialog.go_next()
    step = dialog.consent_step
    # One consent given and one withdrawn, so the picture shows both announcements.
    given = next(
        (c for c in Channel if not step.checkbox(Purpose.APPOINTMENT_REMINDERS, c).isChecked()), None
    )
    if given is not None:
        step.checkbox(Purpose.APPOINTMENT_REMINDERS, given).setChecked(True)
    withdrawn = next(
        (
            (p, c)
            for p in Purpose
            for c in Channel
            if p != Purpose.APPOINTMENT_REMINDERS and step.checkbox(p, c).isChecked()
        ),
        None,
    )
    if withdrawn is not None:
        step.checkbox(*withdrawn).setChecked(False)
    studio.settle()
    save(dialog, path)
    dialog.done(0)
    window.close_without_asking()


def client_file_update_consent(studio: Studio, path: Path) -> None:
    """Update consent… from the client file: a phone call granting SMS reminders."""
    window = studio.window(Role.RECEPTIONIST)
    window.open_first_result("Zoé Côté")
    studio.settle(lambda: window.client_file.client is not None, "a client file")
    dialog = window.client_file.desk_actions.update_consent()
    if dialog is None:
        raise RuntimeError("the receptionist could not open Update consent…")
    studio.settle(lambda: dialog.step.is_loaded, "the consent grid")
    dialog.choose(Interaction.PHONE)
    # The client says "you may text me": a reminder channel not yet granted becomes a consent given.
    step = dialog.step
    given = next(
        (c for c in Channel if not step.checkbox(Purpose.APPOINTMENT_REMINDERS, c).isChecked()), None
    )
    if given is not None:
        step.checkbox(Purpose.APPOINTMENT_REMINDERS, given).setChecked(True)
    studio.settle()
    save(dialog, path)
    dialog.done(0)
    window.close_without_asking()


def client_file_sign_policy(studio: Studio, path: Path) -> None:
    """Sign the policy… from the client file, at the desk without an appointment."""
    window = studio.window(Role.RECEPTIONIST)
    window.open_first_result("Zoé Côté")
    studio.settle(lambda: window.client_file.client is not None, "a client file")
    dialog = window.client_file.desk_actions.sign_policy()
    if dialog is None:
        raise RuntimeError("the receptionist could not open Sign the policy…")
    studio.settle(lambda: dialog.policy is not None, "the policy in force")
    save(dialog, path)
    dialog.done(0)
    window.close_without_asking()


def opt_out_queue(studio: Studio, path: Path) -> None:
    queue = OptOutQueueWindow(studio.services, studio.actors[Role.PRIVACY_OFFICER], studio.runner)
    queue.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    queue.resize(1100, 640)
    queue.show()
    studio.settle(lambda: queue.model.rowCount() > 0, "the opt-out queue")
    for row in range(queue.model.rowCount()):  # a matched request says the most
        queue.table.selectRow(row)
        selected = queue.selected_row()
        if selected is not None and selected.client is not None:
            break
    studio.settle()
    save(queue, path)
    queue.close()


def reports_window(studio: Studio, path: Path) -> None:
    window = ReportsWindow(studio.services, studio.actors[Role.MANAGER], studio.runner)
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    window.show()
    today = SHOT_TIME.astimezone().date()
    start = date(today.year, today.month, 1)
    window.set_choice(ReportKind.CONSENT_COVERAGE, ReportFormat.PDF, start, start + timedelta(days=29))
    window.language.setCurrentIndex(max(0, window.language.findData(studio.language.value)))
    window.run_button.setFocus()
    window.run()

    def preview_drawn() -> bool:
        preview = window.preview
        return preview is not None and preview.page_count > 0 and bool(preview.rendered_pages())

    studio.settle(preview_drawn, "the report's preview")
    preview = window.preview
    assert preview is not None
    preview.resize(760, 780)
    studio.settle()
    side_by_side([window, preview], path)
    preview.close()
    window.close()


def side_by_side(windows: list[QWidget], path: Path) -> None:
    """The windows next to each other, tops aligned, on a dark backdrop."""
    QApplication.processEvents()
    pictures = [window.grab() for window in windows]
    width = sum(p.width() for p in pictures) + MARGIN * (len(pictures) + 1)
    height = max(p.height() for p in pictures) + 2 * MARGIN
    canvas = QImage(width, height, QImage.Format.Format_RGB32)
    canvas.fill(BACKDROP)
    painter = QPainter(canvas)
    x = MARGIN
    for picture in pictures:
        painter.drawPixmap(x, MARGIN, picture)
        x += picture.width() + MARGIN
    painter.end()
    if not canvas.save(str(path)):
        raise RuntimeError(f"could not write {path}")
    print(path)


def lock_screen(studio: Studio, path: Path) -> None:
    """The receptionist's locked window, a wrong password typed, the manager's session kept aside."""
    sessions = SessionManager(studio.services, studio.runner, studio.settings, demo=True, idle_minutes=60)
    accounts = {account.role: account for account in DEMO_ACCOUNTS}
    first = sessions.start(studio.actors[Role.MANAGER])
    first.resize(1280, 800)
    studio.settle()

    def type_on_lock_screen(window: MainWindow, username: str, password: str) -> None:
        window.lock()
        window.lock_screen.username.setText(username)
        window.lock_screen.password.setText(password)
        window.lock_screen.unlock_button.click()
        studio.settle(lambda: not window.lock_screen.is_busy, "the password check")

    desk = accounts[Role.RECEPTIONIST]
    type_on_lock_screen(first, desk.username, desk.password)
    second = sessions.active
    assert second is not None and second is not first
    second.resize(1280, 800)
    studio.settle()
    type_on_lock_screen(second, desk.username, "not-the-password")
    save(second, path)
    sessions.close_all()
    studio.settle()


def setup_wizard(studio: Studio, path: Path) -> None:
    """The set-up wizard's organisation page, filled in for a clinic of the picture's own (nothing is
    written: the picture is taken before Finish)."""
    wizard = SetupWizard(studio.services, studio.runner, workstation_name())
    wizard.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    wizard.resize(880, 600)
    wizard.show()
    wizard.next()  # past where the data lives: this computer
    page = wizard.organisation
    page.name.setText("Santé Familiale du Fjord")
    page.parent_name.setText("Groupe Boréal Santé")
    page.officer_name.setText("Hélène Gagnon-Lévesque")
    page.officer_title.setText("Directrice des opérations")
    page.officer_contact.setText("418 555-0199, vie.privee@fjord-sante.ca")
    page.easter.setCurrentIndex(max(0, page.easter.findData("easter_monday")))
    page.opt_out_delay.setValue(7)
    page.name.setFocus()
    studio.settle()
    save(wizard, path)
    wizard.done(0)


def clinic_settings(studio: Studio, path: Path) -> None:
    dialog = ClinicSettingsDialog(studio.services, studio.actors[Role.MANAGER], studio.runner)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    dialog.resize(840, 600)
    dialog.show()
    studio.settle(lambda: dialog.organisation_form.name.text() != "", "the clinic's settings")
    save(dialog, path)
    dialog.done(0)


def policy_versions(studio: Studio, path: Path) -> None:
    dialog = PolicyDialog(studio.services, studio.actors[Role.PRIVACY_OFFICER], studio.runner)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    dialog.resize(840, 600)
    dialog.show()
    studio.settle(lambda: dialog.model.rowCount() > 0, "the policy versions")
    save(dialog, path)
    dialog.done(0)


# ---------------------------------------------------------------- the schedule

#: Practitioners for a demo database that has none: name, specialty, hours (weekdays, local).
PRACTITIONERS = (
    ("Dre Isabelle Tremblay", "Médecine familiale", ((8, 0, 12, 0), (13, 0, 17, 0))),
    ("Dr Karim Benali", "Médecine familiale", ((9, 0, 12, 30), (13, 30, 18, 0))),
    ("Julie Fortin, inf. clin.", "Soins infirmiers", ((8, 0, 16, 0),)),
    ("Dr Marc Lévesque", "Physiothérapie", ((10, 0, 19, 0),)),
)
#: Which free slots of each practitioner's day the picture books (every few, morning to evening).
PICKED_SLOTS = (1, 4, 9, 13, 18, 24, 29)


def schedule_day_data(studio: Studio) -> None:
    """Practitioners (the demo's, else four made here) and, once, appointments in free slots of the
    picture's day in every state: arrived or no-show before now, booked after, one cancelled."""
    if getattr(studio, "schedule_ready", False):
        return
    studio.schedule_ready = True  # type: ignore[attr-defined]
    manager = studio.actors[Role.MANAGER]
    desk = studio.actors[Role.RECEPTIONIST]
    schedule = studio.services.schedule
    if not schedule.practitioners(manager):
        for name, specialty, spans in PRACTITIONERS:
            made = schedule.add_practitioner(manager, PractitionerDraft(name, manager.clinic_id, specialty))
            hours = [
                WeeklyHours(weekday, clock_time(h1, m1), clock_time(h2, m2))
                for weekday in range(5)
                for h1, m1, h2, m2 in spans
            ]
            schedule.set_hours(manager, made.id, hours)
    now = studio.services.clock.now()
    day = schedule.day(desk, now.astimezone().date())
    found = {
        summary.id: summary for letter in "belmr" for summary in studio.services.clients.search(desk, letter)
    }
    clients = iter(studio.services.clients.get(desk, client_id) for client_id in found)
    made_past = 0
    for column in day.columns[:4]:
        free = column.free_slots
        for index in PICKED_SLOTS:
            if index >= len(free):
                break
            slot = free[index]
            client = next(clients, None)
            if client is None:
                return
            draft = AppointmentDraft(
                slot.starts_at, "consultation", AppointmentMode.IN_CLINIC, BookedVia.PHONE,
                practitioner_id=column.practitioner.id, length_minutes=slot.minutes,
            )  # fmt: skip
            capture = ConsentCapture((), Interaction.PHONE, client.preferred_language)
            appointment = studio.services.appointments.book(desk, client.id, draft, capture).appointment.id
            if slot.starts_at < now:
                made_past += 1
                if made_past % 4 == 0:
                    schedule.mark_no_show(desk, appointment)
                else:
                    schedule.mark_arrived(desk, appointment)
            elif index == PICKED_SLOTS[-1]:
                schedule.cancel(desk, appointment, CancelledBy.CLIENT, "Malade")


def schedule_window(studio: Studio, week: bool) -> ScheduleWindow:
    schedule_day_data(studio)
    window = studio.window(Role.RECEPTIONIST)
    window.open_first_result("Zoé Côté")
    studio.settle(lambda: window.client_file.client is not None, "a client file")
    schedule = window.schedule.open()
    schedule.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    schedule.resize(1280, 820)
    studio.settle(lambda: schedule.model.columnCount() > 0, "the schedule")
    if week:
        schedule.show_week()
        studio.settle(lambda: schedule.week_view and schedule.model.columnCount() == 7, "the week")
    return schedule


def schedule_day(studio: Studio, path: Path) -> None:
    schedule = schedule_window(studio, week=False)
    # A booked appointment chosen (its actions enabled), the morning in sight: every state shows.
    booked = next(
        (
            (row, column)
            for column in range(schedule.model.columnCount())
            for row in range(schedule.model.rowCount())
            if (cell := schedule.model.cell(row, column)) is not None
            and cell.first
            and cell.appointment is not None
            and cell.appointment.state == AppointmentState.BOOKED
        ),
        None,
    )
    if booked is not None:
        schedule.grid.setCurrentIndex(schedule.model.index(*booked))
    schedule.grid.scrollToTop()
    studio.settle()
    save(schedule, path)
    main = schedule.parentWidget()
    schedule.close()
    if isinstance(main, MainWindow):
        main.close_without_asking()


def schedule_week(studio: Studio, path: Path) -> None:
    schedule = schedule_window(studio, week=True)
    studio.settle()
    save(schedule, path)
    main = schedule.parentWidget()
    schedule.close()
    if isinstance(main, MainWindow):
        main.close_without_asking()


def schedule_editor(studio: Studio, path: Path) -> None:
    schedule_day_data(studio)
    dialog = ScheduleEditor(studio.services, studio.actors[Role.MANAGER], studio.runner)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    dialog.show()
    studio.settle(lambda: dialog.practitioners.list.count() > 0, "the practitioners")
    save(dialog, path)
    dialog.done(0)


SHOTS: dict[str, Callable[[Studio, Path], None]] = {
    "client-file-consents.png": client_file_consents,
    "client-file-details.png": client_file_details,
    "booking-consent-step.png": booking_consent_step,
    "client-file-update-consent.png": client_file_update_consent,
    "client-file-sign-policy.png": client_file_sign_policy,
    "opt-out-queue.png": opt_out_queue,
    "reports-window.png": reports_window,
    "lock-screen.png": lock_screen,
    "setup-wizard.png": setup_wizard,
    "clinic-settings.png": clinic_settings,
    "policy-versions.png": policy_versions,
    "schedule-day.png": schedule_day,
    "schedule-week.png": schedule_week,
    "schedule-editor.png": schedule_editor,
    "reminders.png": lambda studio, path: reminders_window(studio, path, save, schedule_day_data),
    "incident-register.png": lambda studio, path: incident_register(studio, path, save),
    "retention-review.png": lambda studio, path: retention_review(studio, path, save),
}


# ---------------------------------------------------------------- running


def make_pictures(
    out: Path, language: Language, clients: int = DEMO_CLIENTS, only: frozenset[str] = frozenset()
) -> list[Path]:
    """Draw every screen (or those named in ``only``) into ``out``; returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    app = create_application()
    install_translators(app, language)
    with tempfile.TemporaryDirectory(prefix="frontdesk-shots-") as scratch:
        # Private settings: the pictures never depend on, nor change, this computer's choices.
        settings = AppSettings(QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat))
        demo = DemoDatabase(Path(scratch) / "demo")
        demo.folder.mkdir()
        runner = TaskRunner()
        try:
            services = demo.open(clock=FixedClock(SHOT_TIME))
            demo.populate(clients)
            studio = Studio(services, runner, settings, language)
            written = []
            for name, shoot in SHOTS.items():
                if only and name not in only:
                    continue
                shoot(studio, out / name)
                written.append(out / name)
            return written
        finally:
            runner.wait_for_idle(10_000)
            runner.shutdown()
            demo.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", choices=[language.value for language in Language], default="fr")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    parser.add_argument("--clients", type=int, default=DEMO_CLIENTS, help="demo clients to create")
    parser.add_argument(
        "--no-documents", action="store_true", help="skip the acknowledgment and report pages"
    )
    parser.add_argument("--only", nargs="+", choices=sorted(SHOTS), default=[], help="just these pictures")
    args = parser.parse_args()
    os.environ["TZ"] = "America/Toronto"  # the dates and times a Quebec desk sees
    time.tzset()
    os.environ["FRONTDESK_LANGUAGE"] = args.language
    make_pictures(args.out, Language(args.language), args.clients, frozenset(args.only))
    if not args.no_documents:
        subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "document_samples.py"), "--out", str(args.out)],
            check=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
