"""Manage ▸ Practitioners and hours: a manager edits a site's practitioners, their weekly hours and days
off, and the clinic's appointment kinds. Every change is one service call (role checked, audited); once
saved, one ``SCHEDULE`` change is published and the open schedules reload."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.records import Actor, ClinicRecord
from desktop.domain.schedule import AppointmentKindRecord, KindDraft, PractitionerDraft, PractitionerRecord
from desktop.services import Services
from ui.kit.job_dialog import JobDialog
from ui.kit.retranslate import follow_language
from ui.kit.worker import TaskRunner
from ui.schedule.kinds_page import KindsPage
from ui.schedule.practitioners_page import PractitionerForm, PractitionersPage

__all__ = ["ScheduleEditor"]

Loaded = tuple[list[ClinicRecord], list[PractitionerRecord], list[AppointmentKindRecord]]


class ScheduleEditor(JobDialog):
    def __init__(
        self, services: Services, actor: Actor, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(runner, "schedule-editor", parent)
        self.setObjectName("scheduleEditor")
        self._services = services
        self._actor = actor
        self.clinic_id = actor.clinic_id
        self.site = QComboBox(self)
        self.site.setObjectName("editorSite")
        self.site_label = QLabel(self)
        self.site_label.setBuddy(self.site)
        self.practitioners = PractitionersPage(self)
        self.kinds = KindsPage(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.practitioners, "")
        self.tabs.addTab(self.kinds, "")
        self.outcome = self.make_outcome_label("editorOutcome")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.site_label)
        top.addWidget(self.site, 1)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.outcome)
        layout.addWidget(self.buttons)
        self.resize(900, 640)
        self.jobs.disable_while_running(self.practitioners.save_button, self.kinds.save_button)

        self.site.currentIndexChanged.connect(lambda _i: self._site_chosen())
        self.practitioners.save_requested.connect(self.save_practitioner)
        self.practitioners.day_off_requested.connect(self.add_day_off)
        self.practitioners.remove_requested.connect(self.remove_day_off)
        self.kinds.add_requested.connect(self.add_kind)
        self.kinds.update_requested.connect(self.update_kind)
        for page in (self.practitioners, self.kinds):
            page.problem.connect(self.show_outcome)
        follow_language(self, self.retranslate)
        self.load()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Practitioners, hours and appointment kinds"))
        self.site_label.setText(self.tr("&Site:"))
        self.tabs.setTabText(0, self.tr("&Practitioners and hours"))
        self.tabs.setTabText(1, self.tr("Appointment &kinds"))
        self.practitioners.retranslate()
        self.kinds.retranslate()

    # ------------------------------------------------------------ loading

    def load(self, practitioner: int | None = None, kind: str | None = None) -> None:
        services, actor, clinic_id = self._services, self._actor, self.clinic_id

        def work() -> Loaded:
            return (
                services.clinics.list(actor),
                services.schedule.practitioners(actor, clinic_id, include_inactive=True),
                services.schedule.kinds(actor, include_inactive=True),
            )

        self.jobs.start(
            work,
            on_success=lambda loaded: self._loaded(loaded, practitioner, kind),
            on_failure=self.show_failure,
            busy_message=self.tr("Loading…"),
            job="load",
            supersede=True,
        )

    def _loaded(self, loaded: Loaded, practitioner: int | None, kind: str | None) -> None:
        sites, practitioners, kinds = loaded
        self.site.blockSignals(True)
        self.site.clear()
        for site in sites:
            self.site.addItem(site.name, site.id)
        self.site.setCurrentIndex(max(0, self.site.findData(self.clinic_id)))
        self.site.blockSignals(False)
        self.practitioners.show_records(practitioners, practitioner)
        self.kinds.show_records(kinds, kind)

    def _site_chosen(self) -> None:
        chosen = self.site.currentData()
        if chosen is not None and chosen != self.clinic_id:
            self.clinic_id = chosen
            self.load()

    # ------------------------------------------------------------ saving

    def _save(
        self, work: Callable[[], Any], done: Callable[[], str], select: Callable[[Any], object]
    ) -> None:
        def saved(result: Any) -> None:
            self.jobs.runner.changes.publish(DataChange.of(ChangeSubject.SCHEDULE), self)
            self.show_outcome(done, announce=True)
            select(result)

        self.run_job(work, saved, busy_message=self.tr("Saving…"), running_text=lambda: self.tr("Saving…"))

    def save_practitioner(self, practitioner_id: int | None, form: PractitionerForm) -> None:
        services, actor, clinic_id = self._services, self._actor, self.clinic_id

        def work() -> PractitionerRecord:
            schedule = services.schedule
            if practitioner_id is None:
                made = schedule.add_practitioner(
                    actor, PractitionerDraft(form.name, clinic_id, form.specialty)
                )
                record_id = made.id
            else:
                record_id = practitioner_id
                schedule.rename_practitioner(actor, record_id, form.name, form.specialty)
                schedule.set_practitioner_active(actor, record_id, form.active)
            return schedule.set_hours(actor, record_id, form.hours)

        self._save(
            work,
            lambda: self.tr("{name} saved.").format(name=form.name),
            lambda record: self.load(practitioner=record.id),
        )

    def add_day_off(self, practitioner_id: int, starts: date, ends: date, reason: str) -> None:
        services, actor = self._services, self._actor
        self._save(
            lambda: services.schedule.add_exception(actor, practitioner_id, starts, ends, reason),
            lambda: self.tr("Days off added."),
            lambda record: self._day_off_added(record),
        )

    def _day_off_added(self, record: PractitionerRecord) -> None:
        self.practitioners.clear_day_off()
        self.load(practitioner=record.id)

    def remove_day_off(self, exception_id: int) -> None:
        services, actor = self._services, self._actor
        self._save(
            lambda: services.schedule.remove_exception(actor, exception_id),
            lambda: self.tr("Days off removed."),
            lambda record: self.load(practitioner=record.id),
        )

    def add_kind(self, draft: KindDraft) -> None:
        services, actor = self._services, self._actor
        self._save(
            lambda: services.schedule.add_kind(actor, draft),
            lambda: self.tr("Kind {kind} added.").format(kind=draft.code),
            lambda record: self.load(kind=record.code),
        )

    def update_kind(self, code: str, draft: KindDraft, active: bool) -> None:
        services, actor = self._services, self._actor
        self._save(
            lambda: services.schedule.update_kind(
                actor,
                code,
                name_fr=draft.name_fr,
                name_en=draft.name_en,
                default_minutes=draft.default_minutes,
                active=active,
            ),
            lambda: self.tr("Kind {kind} saved.").format(kind=code),
            lambda record: self.load(kind=record.code),
        )
