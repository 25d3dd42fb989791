"""Support for ``test_languages.py``: sample data in the staff language, and a review that shows a window,
waits for its background loads, and gathers what :mod:`tests.ui.language_check` finds in it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtWidgets import QApplication, QWidget

from desktop.domain.enums import Channel, Language, OptOutVia, Purpose, Role
from desktop.domain.records import Actor, ClientDraft, ClientRecord, OptOutDraft
from desktop.services import Services
from tests.conftest import STAFF, TEST_PASSWORD, WORKSTATION
from tests.support.documents import book
from tests.ui.helpers import off_gui
from tests.ui.language_check import clipped_texts, language_problems, visible_texts
from ui.kit.i18n import install_translators, language_name
from ui.kit.worker import TaskRunner

__all__ = ["KNOWN_ISSUES", "Review", "Sample", "make_sample"]

TIMEOUT_MS = 10_000

#: Problems seen and not yet fixed, each with its reason: (a piece of the problem's text, why it is left).
#: An entry that no longer matches anything fails the test, so the list never outlives its problems.
KNOWN_ISSUES: tuple[tuple[str, str], ...] = ()

#: A language's name is written in that language wherever a language is chosen (``language_name``), so
#: a person finds their own: « English » in a French list of languages is by design.
ENDONYMS = tuple(language_name(language) for language in Language)

CLIENTS = {
    Language.FR: dict(
        last_name="Côté",
        first_name="Zoé",
        street="12, rue des Érables",
        city="Québec",
        postal_code="G1R 2B5",
        email="zoe.cote@exemple.ca",
        phone="4185550123",
    ),
    Language.EN: dict(
        last_name="Walsh",
        first_name="Nora",
        street="45 Oak Street",
        city="Sherbrooke",
        postal_code="J1H 4B2",
        email="nora.walsh@example.ca",
        phone="8195550144",
    ),
}
REQUESTERS = {Language.FR: "Rose Pelletier", Language.EN: "Rose Sullivan"}


@dataclass
class Sample:
    """A client who speaks the staff language, with an appointment, consent answers, a signed
    acknowledgment (its PDF stored) and an opt-out request; plus a pending request nobody matched yet."""

    services: Services
    officer: Actor
    runner: TaskRunner
    language: Language
    client: ClientRecord
    #: The clinic's own words (its name, parent, officer, sites): data, in whatever language it wrote them.
    clinic: tuple[str, ...] = ()

    def data(self) -> tuple[str, ...]:
        """Values from the database that may appear inside a sentence: taken out before its words are read."""
        client = self.client
        values = [
            client.full_name,
            client.last_name,
            client.first_name,
            client.file_number,
            client.street,
            client.city,
            client.email,
            client.postal_code,
            *REQUESTERS.values(),
            self.services.database_label,
            WORKSTATION,
            *STAFF,
            *(name for name, _role in STAFF.values()),
            *self.clinic,
        ]
        return tuple(value for value in values if value)


def make_sample(services: Services, runner: TaskRunner, language: Language) -> Sample:
    officer = off_gui(services.staff.authenticate, "vie.privee", TEST_PASSWORD, WORKSTATION)
    assert officer.role == Role.PRIVACY_OFFICER  # sees every menu and window
    fields: dict[str, Any] = dict(CLIENTS[language])
    draft = ClientDraft(
        fields.pop("last_name"), fields.pop("first_name"), date(1980, 4, 12), preferred_language=language, **fields
    )
    client = off_gui(services.clients.create, officer, draft, confirm_duplicate=True)
    off_gui(
        book,
        services,
        officer,
        client.id,
        granted=((Purpose.APPOINTMENT_REMINDERS, Channel.SMS), (Purpose.NEWSLETTERS, Channel.EMAIL)),
        declined=((Purpose.SURVEYS_CONTESTS_EVENTS, Channel.PHONE),),
        language=language,
    )
    today = services.clock.today()
    requester = REQUESTERS[language]
    off_gui(
        services.optouts.log,
        officer,
        OptOutDraft(OptOutVia.PHONE, today, client.full_name, purposes=frozenset(Purpose), client_id=client.id),
    )
    off_gui(
        services.optouts.log,
        officer,
        OptOutDraft(
            OptOutVia.EMAIL, today, requester, requester_email="rose@exemple.ca", purposes=frozenset(Purpose)
        ),
    )
    organisation = off_gui(services.clinics.organisation, officer)
    sites = off_gui(services.clinics.list, officer)
    clinic = (
        organisation.name,
        organisation.parent_name,
        organisation.privacy_officer_name,
        organisation.privacy_officer_title,
        organisation.privacy_officer_contact,
        *(value for site in sites for value in (site.name, site.street, site.city, site.email, site.postal_code)),
    )
    return Sample(services, officer, runner, language, client, clinic)


@dataclass
class Review:
    """Windows looked at in one language, and every problem found in them."""

    qtbot: Any
    runner: TaskRunner
    language: Language
    data: tuple[str, ...]
    looked_at: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def settle(self, until: Callable[[], bool] | None = None) -> None:
        """Wait until every background task has delivered (and ``until`` holds), then let layouts run."""
        self.qtbot.waitUntil(
            lambda: self.runner.is_idle()
            and self.runner.pending_count() == 0
            and (until is None or bool(until())),
            timeout=TIMEOUT_MS,
        )
        QApplication.processEvents()

    def look(
        self, window: QWidget, state: str, until: Callable[[], bool] | None = None, *, switch: bool = True
    ) -> None:
        """Show ``window`` (at its own default size) if it is not shown, wait for it, and check it.

        With ``switch``, the staff language is then switched to the other language and back while the
        window stays open, and the window is checked in each: every text must follow at once. Windows
        showing what the client reads (in the client's language, whatever the staff's) pass ``False``.
        """
        if not window.isVisible():
            window.show()
        self.qtbot.waitExposed(window)
        self.settle(until)
        name = f"{window.objectName() or type(window).__name__} ({state})" if state else window.objectName()
        self.looked_at.append(name)
        self._check(window, name, self.language)
        if switch:
            other = Language.EN if self.language == Language.FR else Language.FR
            self.switch_to(other)
            self._check(window, f"{name} switched to {other.value}", other)
            self.switch_to(self.language)
            self._check(window, f"{name} switched back to {self.language.value}", self.language)

    def switch_to(self, language: Language) -> None:
        """Change the staff language as the Language menu does, and let every window follow."""
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        install_translators(app, language)
        # Layouts need a few passes before a window grows to fit longer text.
        for _ in range(3):
            QApplication.processEvents()
        self.settle()
        QApplication.processEvents()

    def _check(self, window: QWidget, name: str, language: Language) -> None:
        seen = [item for item in visible_texts(window) if item.text not in ENDONYMS]
        found = language_problems(seen, language, self.data) + clipped_texts(window)
        self.problems += [f"{name}: {problem}" for problem in found]

    def unexplained(self) -> list[str]:
        """The problems found that no known issue explains."""
        return sorted(
            {problem for problem in self.problems if not any(piece in problem for piece, _why in KNOWN_ISSUES)}
        )
