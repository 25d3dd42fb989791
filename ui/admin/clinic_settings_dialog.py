"""The clinic's settings, for a manager or the privacy officer: the organisation (its name, parent,
privacy officer, the Easter holiday it observes, its opt-out and idle-lock delays) and each of its sites.

Everything is read and saved on the worker; the services check the role (``MANAGE_CLINIC``) and audit
each change. A save announces a clinic change on the change bus, and every view that shows the clinic
(the opt-out queue's deadlines, the consent sentences, the idle lock) follows it by itself. A refused
save shows the core's messages under the fields and keeps everything typed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.clinic_identity import OrganisationRecord
from desktop.domain.errors import ValidationError
from desktop.domain.records import Actor, ClinicRecord
from desktop.services import Services
from ui.admin.clinic_forms import OrganisationForm, SiteForm
from ui.kit.forms import em
from ui.kit.job_dialog import JobDialog
from ui.kit.models import Column, RecordTableModel
from ui.kit.retranslate import follow_language
from ui.kit.tables import record_table
from ui.kit.worker import TaskRunner
from ui.reminders.mail_settings import MailSettingsPage

__all__ = ["ClinicSettingsDialog"]

_LOAD_JOB = "load"
_ORGANISATION_JOB = "organisation"
_SITE_JOB = "site"


def _site_columns() -> list[Column[ClinicRecord]]:
    return [
        Column(QCoreApplication.translate("ClinicSites", "Clinic"), lambda s: s.name),
        Column(QCoreApplication.translate("ClinicSites", "City"), lambda s: s.city),
    ]


class ClinicSettingsDialog(JobDialog):
    """The organisation's form on one tab, its sites (a list and one site's form) on the other."""

    def __init__(
        self, services: Services, actor: Actor, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(runner, "clinic-settings", parent)
        self.setObjectName("clinicSettingsDialog")
        self._services = services
        self._actor = actor
        self._organisation: OrganisationRecord | None = None
        self._sites: list[ClinicRecord] = []
        # The site in the form: its id, or None for a new one not saved yet.
        self._site_id: int | None = None

        self.tabs = QTabWidget(self)
        self.organisation_form = OrganisationForm(self)
        self.save_organisation_button = QPushButton(self)
        self.save_organisation_button.setObjectName("saveOrganisation")
        organisation_page = QWidget(self)
        organisation_layout = QVBoxLayout(organisation_page)
        organisation_layout.addWidget(self.organisation_form)
        organisation_layout.addStretch(1)
        organisation_layout.addWidget(self.save_organisation_button, 0, Qt.AlignmentFlag.AlignRight)

        self.site_model: RecordTableModel[ClinicRecord] = RecordTableModel(_site_columns(), self)
        self.site_list = record_table(self.site_model, self, "siteList")
        self.site_list.setMinimumWidth(em(self, 18))
        self.site_form = SiteForm(self)
        self.new_site_button = QPushButton(self)
        self.new_site_button.setObjectName("newSite")
        self.save_site_button = QPushButton(self)
        self.save_site_button.setObjectName("saveSite")
        site_buttons = QHBoxLayout()
        site_buttons.addWidget(self.new_site_button)
        site_buttons.addStretch(1)
        site_buttons.addWidget(self.save_site_button)
        site_side = QVBoxLayout()
        self.site_heading = QLabel(self)
        self.site_heading.setObjectName("siteHeading")
        site_side.addWidget(self.site_heading)
        site_side.addWidget(self.site_form)
        site_side.addStretch(1)
        site_side.addLayout(site_buttons)
        sites_page = QWidget(self)
        sites_layout = QHBoxLayout(sites_page)
        sites_layout.addWidget(self.site_list)
        sites_layout.addLayout(site_side, 1)
        self.tabs.addTab(organisation_page, "")
        self.tabs.addTab(sites_page, "")
        self.mail_page = MailSettingsPage(services, actor, self)  # the reminders' SMTP server
        self.tabs.addTab(self.mail_page, "")

        self.outcome = self.make_outcome_label(
            "clinicSettingsOutcome", lambda: self.tr("Result of the last save")
        )
        self.progress = self.make_progress_bar(lambda: self.tr("Saving"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.outcome)
        layout.addWidget(buttons)

        self.jobs.disable_while_running(
            self.save_organisation_button, self.save_site_button, self.new_site_button, self.site_list
        )
        self.save_organisation_button.clicked.connect(self.save_organisation)
        self.save_site_button.clicked.connect(self.save_site)
        self.new_site_button.clicked.connect(self.new_site)
        self.site_list.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._site_chosen(current.row())
        )
        follow_language(self, self.retranslate)
        self.resize(em(self, 72), em(self, 40))
        self.reload()

    def retranslate(self) -> None:
        """Every word in the staff language; what is typed and the problems shown stay."""
        self.setWindowTitle(self.tr("Clinic settings"))
        self.tabs.setTabText(0, self.tr("&Organisation"))
        self.tabs.setTabText(1, self.tr("&Sites"))
        self.tabs.setTabText(2, self.mail_page.title())
        self.save_organisation_button.setText(self.tr("Save the &organisation"))
        self.new_site_button.setText(self.tr("&New site"))
        self.save_site_button.setText(self.tr("Save the si&te"))
        self.site_list.setAccessibleName(self.tr("Sites of the organisation"))
        self.site_model.retranslate(_site_columns())
        self._show_site_heading()

    # ------------------------------------------------------------ loading

    def reload(self) -> None:
        services, actor = self._services, self._actor
        self.run_job(
            lambda: (services.clinics.organisation(actor), services.clinics.list(actor)),
            self._loaded,
            busy_message=self.tr("Loading the clinic's settings…"),
            job=_LOAD_JOB,
        )

    def _loaded(self, loaded: tuple[OrganisationRecord, list[ClinicRecord]]) -> None:
        organisation, sites = loaded
        self._organisation = organisation
        self.organisation_form.set_record(organisation)
        self._sites = sites
        self._show_sites()
        if sites and self._site_id is None:
            self.site_list.selectRow(0)

    def _show_sites(self) -> None:
        """The list of sites, the one in the form kept selected."""
        self.site_list.selectionModel().blockSignals(True)
        self.site_model.set_records(self._sites)
        row = next((i for i, site in enumerate(self._sites) if site.id == self._site_id), -1)
        if row >= 0:
            self.site_list.selectRow(row)
        else:
            self.site_list.clearSelection()
            self.site_list.setCurrentIndex(self.site_model.index(-1, 0))
        self.site_list.selectionModel().blockSignals(False)

    def _show_site_heading(self) -> None:
        site = self.site(self._site_id)
        self.site_heading.setText(
            self.tr("New site") if site is None else self.tr("Site: {name}").format(name=site.name)
        )

    def site(self, site_id: int | None) -> ClinicRecord | None:
        return next((s for s in self._sites if s.id == site_id), None)

    # ------------------------------------------------------------ the organisation

    def save_organisation(self) -> None:
        draft = self.organisation_form.draft()
        services, actor = self._services, self._actor
        self.run_job(
            lambda: services.clinics.update_organisation(actor, draft),
            self._organisation_saved,
            on_failure=lambda error: self._refused(error, self.organisation_form, 0),
            busy_message=self.tr("Saving the clinic's settings…"),
            running_text=lambda: self.tr("Saving…"),
            job=_ORGANISATION_JOB,
        )

    def _organisation_saved(self, record: OrganisationRecord) -> None:
        self._organisation = record
        self.organisation_form.set_record(record)
        self.organisation_form.show_problems(None)
        self.show_outcome(lambda: self.tr("The organisation's settings are saved."), announce=True)
        self.jobs.runner.changes.publish(DataChange.of(ChangeSubject.CLINIC), self)

    def _refused(self, error: BaseException, form: OrganisationForm | SiteForm, tab: int) -> None:
        if isinstance(error, ValidationError):
            self.tabs.setCurrentIndex(tab)
            form.show_problems(error)
            self.show_outcome(
                lambda: self.tr("Not saved: correct what is shown in red. Nothing typed was lost.")
            )
        else:
            self.show_failure(error)

    # ------------------------------------------------------------ the sites

    def _site_chosen(self, row: int) -> None:
        chosen = self._sites[row].id if 0 <= row < len(self._sites) else None
        if chosen == self._site_id and self.site(chosen) is not None:
            return
        if self.site_form.is_changed() and not self._drop_site_changes():
            self._show_sites()  # back to the site whose changes are kept
            return
        self._site_id = chosen
        self.site_form.set_site(self.site(chosen))
        self._show_site_heading()

    def new_site(self) -> None:
        if self.site_form.is_changed() and not self._drop_site_changes():
            return
        self._site_id = None
        self.site_form.set_site(None)
        self._show_sites()
        self._show_site_heading()
        self.tabs.setCurrentIndex(1)
        self.site_form.site_name.setFocus()

    def _drop_site_changes(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("The site's changes are not saved. Drop them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def save_site(self) -> None:
        draft = self.site_form.draft()
        services, actor, site_id = self._services, self._actor, self._site_id
        if site_id is None:
            self.run_job(
                lambda: services.clinics.add_site(actor, draft),
                self._site_saved,
                on_failure=lambda error: self._refused(error, self.site_form, 1),
                busy_message=self.tr("Adding the site…"),
                running_text=lambda: self.tr("Saving…"),
                job=_SITE_JOB,
            )
            return
        self.run_job(
            lambda: services.clinics.update_site(actor, site_id, draft),
            self._site_saved,
            on_failure=lambda error: self._refused(error, self.site_form, 1),
            busy_message=self.tr("Saving the site…"),
            running_text=lambda: self.tr("Saving…"),
            job=_SITE_JOB,
        )

    def _site_saved(self, record: ClinicRecord) -> None:
        self._sites = [s for s in self._sites if s.id != record.id] + [record]
        self._sites.sort(key=lambda s: s.id)
        self._site_id = record.id
        self.site_form.set_site(record)
        self._show_sites()
        self._show_site_heading()
        self.show_outcome(
            lambda: self.tr("The site {name} is saved.").format(name=record.name), announce=True
        )
        self.jobs.runner.changes.publish(DataChange.of(ChangeSubject.CLINIC), self)

    # ------------------------------------------------------------ closing

    def has_unsaved_changes(self) -> bool:
        organisation = self._organisation
        changed = organisation is not None and self.organisation_form.draft() != organisation.draft()
        return changed or self.site_form.is_changed()

    def reject(self) -> None:
        if not self.jobs.holds_close and self.has_unsaved_changes():
            answer = QMessageBox.question(
                self,
                self.tr("Close without saving?"),
                self.tr("Some changes to the clinic's settings are not saved. Close anyway?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()
