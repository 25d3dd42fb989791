"""The first-run set-up wizard, shown before the sign-in while the database has no organisation.

French first like every window, following a change of the staff language while open. Each page checks
what it can before Next; Finish writes everything at once through ``services.setup.run`` on the task
runner. A problem found then is shown on its page, in the person's language, with everything typed
kept, and the wizard goes back to the first page concerned.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QWidget, QWizard, QWizardPage

from desktop.domain.errors import FieldError, ValidationError
from desktop.paths import default_database_path
from desktop.services import Services
from desktop.services.setup import ManagerDraft, SetupPlan, SetupResult
from ui.kit.errors import error_words
from ui.kit.forms import em
from ui.kit.retranslate import follow_language
from ui.kit.worker import TaskRunner
from ui.setup.location_page import LocationPage, without_password
from ui.setup.manager_page import MANAGER_FIELDS, ManagerPage
from ui.setup.organisation_page import ORGANISATION_FIELDS, OrganisationPage
from ui.setup.policy_page import POLICY_FIELDS, PolicyPage
from ui.setup.sites_page import SitesPage, site_errors
from ui.setup.summary_page import Overview, SummaryPage
from ui.setup.writing import write_setup

__all__ = ["SetupWizard"]


class SetupWizard(QWizard):
    """``choose_location``: the data's place is still to choose (nothing given on the command line, in
    the environment or stored); otherwise the set-up goes into ``services``' database."""

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        workstation: str,
        *,
        choose_location: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("setupWizard")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self._local = services
        self._runner = runner
        self._workstation = workstation
        self._busy = False
        self._done = False
        self._problem: Callable[[], str] | None = None
        #: Where the set-up was written (a server's services when one was chosen), and what it made.
        self.services = services
        self.outcome: SetupResult | None = None

        self.location: LocationPage | None = LocationPage(runner) if choose_location else None
        self.organisation = OrganisationPage()
        self.sites = SitesPage()
        self.policy = PolicyPage(runner)
        self.manager = ManagerPage(services.staff.policy)
        self.summary = SummaryPage(self._finish)
        self.summary.set_source(self.overview)
        pages: list[QWizardPage] = [self.organisation, self.sites, self.policy, self.manager, self.summary]
        if self.location is not None:
            pages.insert(0, self.location)
        self.page_ids = {page: self.addPage(page) for page in pages}
        follow_language(self, self.retranslate)
        self.resize(em(self, 68), em(self, 52))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("FrontDesk — Setting up the clinic"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("&Quit"))
        self._show_problem()

    # ------------------------------------------------------------ what the pages hold

    def where(self) -> str:
        if self.location is None:
            return self._local.database_label
        if self.location.uses_server:
            return without_password(self.location.url.text().strip())
        return self.tr("This computer: {path}").format(path=default_database_path())

    def plan(self) -> SetupPlan:
        manager = self.manager
        return SetupPlan(
            organisation=self.organisation.draft(),
            sites=self.sites.drafts(),
            policy=self.policy.draft(),
            manager=ManagerDraft(manager.username.text(), manager.full_name.text(), manager.password.text()),
        )

    def overview(self) -> Overview:
        plan = self.plan()
        assert plan.manager is not None
        return Overview(
            where=self.where(),
            organisation=plan.organisation,
            sites=plan.sites,
            workstation_index=self.sites.workstation_index,
            policy=plan.policy,
            manager=f"{plan.manager.full_name} ({plan.manager.username})",
        )

    @property
    def is_busy(self) -> bool:
        return self._busy

    # ------------------------------------------------------------ Finish

    def _finish(self) -> bool:
        """The summary page's check: True once the set-up is written; otherwise start writing it."""
        if self._done:
            return True
        if self._busy:
            return False
        local, plan, workstation = self._local, self.plan(), self._workstation
        site_index = self.sites.workstation_index
        server_url = self.location.server_url if self.location is not None else None
        store_location = self.location is not None
        self._problem = None
        self._show_problem()
        self._set_busy(True)
        self._runner.submit(
            lambda: write_setup(
                local, server_url, plan, workstation, site_index, store_location=store_location
            ),
            on_success=self._written,
            on_failure=self._failed,
            key="setup-write",
            busy_message=self.tr("Writing the set-up…"),
        )
        return False

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.summary.set_busy(busy)
        # After the page's signal: the wizard sets its buttons from it, then these stay as said here.
        self.button(QWizard.WizardButton.BackButton).setEnabled(not busy)
        self.button(QWizard.WizardButton.CancelButton).setEnabled(not busy)

    def _written(self, outcome: tuple[Services, SetupResult]) -> None:
        self.services, self.outcome = outcome
        self._done = True
        self._set_busy(False)
        self.manager.password.clear()
        self.manager.password_again.clear()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(error, ValidationError):
            self._problem = error_words(error)
            self._show_problem()
            return
        by_page = self._errors_by_page(error)
        first = next((page for page in self.page_ids if page in by_page), None)
        if first is None:
            self._problem = error_words(error)
            self._show_problem()
            return
        self.go_to(first)

    def _errors_by_page(self, error: ValidationError) -> dict[QWizardPage, ValidationError]:
        """Show each page its own problems (and none it had before); the pages concerned."""

        def only(names: tuple[str, ...]) -> ValidationError | None:
            found = [e for e in error.errors if e.field in names]
            return ValidationError(found) if found else None

        shown: dict[QWizardPage, ValidationError | None] = {
            self.organisation: only(ORGANISATION_FIELDS),
            self.policy: only((*POLICY_FIELDS, "effective_date")),
            self.manager: only(MANAGER_FIELDS),
        }
        self.organisation.show_error(shown[self.organisation])
        self.policy.show_error(shown[self.policy])
        self.manager.show_error(shown[self.manager])
        by_site = site_errors(error)
        if not self.sites.forms or any(e.field == "site_name" for e in error.errors):
            by_site.setdefault(1, ValidationError([FieldError("site_name", "required")]))
        self.sites.show_errors(by_site)
        shown[self.sites] = error if by_site else None
        if self.location is not None:
            url_problem = only(("database_url",))
            self.location.errors.show_error(url_problem)
            shown[self.location] = url_problem
        return {page: problem for page, problem in shown.items() if problem is not None}

    def go_to(self, page: QWizardPage) -> None:
        """Back to ``page`` (always one before the current one), keeping everything typed."""
        target = self.page_ids[page]
        while self.currentId() != target and self.currentId() != self.startId():
            self.back()
        if self.currentId() != target:
            self.setStartId(self.startId())

    def _show_problem(self) -> None:
        self.summary.message.setText(self._problem() if self._problem is not None else "")

    # ------------------------------------------------------------ closing

    def done(self, result: int) -> None:
        if self._busy:
            return  # the set-up is being written: it ends by itself, then the wizard closes
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._busy:
            event.ignore()
            return
        super().closeEvent(event)
