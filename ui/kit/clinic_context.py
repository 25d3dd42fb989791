"""The clinic as the windows show it: who it is, the names its consent sentences carry, and its opt-out
calendar (delay and Easter holiday).

It is loaded on the worker once someone has signed in, and again whenever a clinic change is announced
on the change bus (the clinic settings, F5). Views read :attr:`ClinicContext.facts` and follow
:attr:`ClinicContext.changed`; none asks the database for these itself and none is refreshed by
another window. One context serves every window that shares a task runner and services: the
organisation is the same whoever is signed in.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from desktop.domain.business_days import OptOutCalendar
from desktop.domain.changes import ChangeSubject, DataChange
from desktop.domain.clinic_identity import OrganisationRecord
from desktop.domain.records import Actor
from desktop.domain.wording import WordingNames
from desktop.services import Services
from ui.kit.worker import TaskRunner

__all__ = ["ClinicContext", "ClinicFacts", "clinic_context", "load_clinic_facts"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ClinicFacts:
    organisation: OrganisationRecord
    names: WordingNames
    calendar: OptOutCalendar


def load_clinic_facts(services: Services, actor: Actor) -> ClinicFacts:
    """Runs on a worker thread."""
    return ClinicFacts(
        organisation=services.clinics.organisation(actor),
        names=services.consent.names(actor),
        calendar=services.optouts.calendar(actor),
    )


class ClinicContext(QObject):
    """Lives on the GUI thread, a child of the task runner; ``changed`` carries the new :class:`ClinicFacts`."""

    changed = Signal(object)

    def __init__(self, services: Services, actor: Actor, runner: TaskRunner) -> None:
        super().__init__(runner)
        self._services = services
        self._actor = actor
        self._runner = runner
        self._facts: ClinicFacts | None = None
        runner.changes.changed.connect(self._data_changed)
        self.reload()

    @property
    def facts(self) -> ClinicFacts | None:
        """None until the first load has arrived."""
        return self._facts

    def signed_in(self, actor: Actor) -> None:
        """Later loads are made as the person who signed in last (any role may read the clinic)."""
        self._actor = actor

    def follow(self, slot: Callable[[ClinicFacts], object]) -> None:
        """Call ``slot`` now if the clinic is loaded, and after every load.

        ``slot`` should be a bound method of a QObject, so the connection ends with its owner."""
        self.changed.connect(slot)
        if self._facts is not None:
            slot(self._facts)

    def reload(self) -> None:
        services, actor = self._services, self._actor
        self._runner.submit(
            lambda: load_clinic_facts(services, actor),
            on_success=self._loaded,
            on_failure=self._load_failed,
            key=("clinic-context", id(self)),
        )

    def _loaded(self, facts: ClinicFacts) -> None:
        self._facts = facts
        self.changed.emit(facts)

    def _load_failed(self, error: BaseException) -> None:
        # What was loaded before stays shown; the next change or F5 tries again.
        log.warning("the clinic's settings could not be loaded: %s", error)

    def _data_changed(self, change: DataChange, _source: QObject | None) -> None:
        if change.touches(ChangeSubject.CLINIC):
            self.reload()


def clinic_context(services: Services, actor: Actor, runner: TaskRunner) -> ClinicContext:
    """The context of these services on this runner, made (and its first load started) on first use."""
    name = f"clinicContext-{id(services)}"
    found = runner.findChild(ClinicContext, name)
    if isinstance(found, ClinicContext):
        found.signed_in(actor)
        return found
    context = ClinicContext(services, actor, runner)
    context.setObjectName(name)
    return context
