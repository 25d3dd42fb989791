"""The README's pictures of the privacy registers (``scripts/screenshots.py`` draws them with the
others): the confidentiality-incident register with one incident open in its editor, and the retention
review with files whose last contact is over the clinic's rule, one of them under a legal hold."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop.domain.enums import AppointmentKind, AppointmentMode, BookedVia, Role
from desktop.domain.incidents import IncidentDraft
from desktop.domain.records import Actor, AppointmentDraft, ClientDraft
from desktop.services import Services
from desktop.services.clock import FixedClock
from ui.kit.worker import TaskRunner
from ui.registers.incident_window import IncidentRegisterWindow
from ui.registers.retention_window import RetentionReviewWindow


class StudioLike(Protocol):
    services: Services
    runner: TaskRunner
    actors: dict[Role, Actor]

    def settle(self, condition: Callable[[], bool] = ..., what: str = ...) -> None: ...


Save = Callable[[QWidget, Path], None]

#: Files opened eight to eleven years before the picture's day, seen last then.
OLD_FILES = (
    ("Bouchard", "Gilles", date(1941, 3, 9)),
    ("Nguyễn", "Văn Minh", date(1956, 11, 2)),
    ("Lapointe", "Micheline", date(1948, 6, 21)),
    ("Haddad", "Rania", date(1979, 1, 30)),
    ("Pelletier", "Jean-Guy", date(1937, 8, 14)),
    ("Fortin", "Ginette", date(1952, 4, 5)),
)


def _shown(window: QWidget, size: tuple[int, int]) -> None:
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    window.resize(*size)
    window.show()


def incident_register(studio: StudioLike, path: Path, save: Save) -> None:
    officer = studio.actors[Role.PRIVACY_OFFICER]
    services = studio.services
    today = services.clock.today()
    # What the privacy officer typed, in the clinic's language, whatever the screen's language.
    drafts = _incidents(today)
    opened = [services.incidents.open(officer, draft) for draft in drafts[:3]]
    # The first was investigated further: a second version, the people and the Commission notified.
    services.incidents.update(officer, opened[0].id, 1, drafts[3])
    window = IncidentRegisterWindow(services, officer, studio.runner)
    _shown(window, (1280, 800))
    studio.settle(lambda: window.model.rowCount() == 3, "the incident register")
    # The incident investigated further, its two versions in the history.
    window.table.selectRow(window.model.rowCount() - 1)
    studio.settle(what="the incident's versions")
    save(window, path)
    window.close()


def _incidents(today: date) -> list[IncidentDraft]:
    days = timedelta
    return [
        IncidentDraft(
            "Un portable contenant l'agenda d'une semaine a été volé dans la voiture d'une employée.",
            today - days(40),
            information_concerned="Noms, dates de naissance et numéros de téléphone de 212 clients.",
            occurred_from=today - days(41),
            occurred_to=today - days(41),
            people_concerned=212,
            risk_assessment="Disque non chiffré ; renseignements d'identité et de santé (motifs de visite).",
            serious_injury_risk=True,
            measures="Mots de passe changés ; chiffrement des portables imposé.",
        ),
        IncidentDraft(
            "Un courriel de rappel envoyé à la mauvaise adresse.",
            today - days(12),
            information_concerned="Nom et date de rendez-vous d'une cliente.",
            occurred_from=today - days(12),
            people_concerned=1,
            risk_assessment="Faible : aucune donnée de santé ; le destinataire a confirmé la suppression.",
            measures="Adresse corrigée au dossier.",
        ),
        IncidentDraft(
            "Des feuilles d'appel trouvées dans le bac de recyclage de la salle d'attente.",
            today - days(3),
            not_describable_reason="Les feuilles ont été déchiquetées par l'entretien avant l'inventaire.",
            risk_assessment="Noms et numéros de téléphone à la vue du public ; motifs de visite possibles.",
            serious_injury_risk=True,
            measures="Bac verrouillé ; feuilles d'appel détruites à la déchiqueteuse chaque soir.",
        ),
        IncidentDraft(
            "Un portable contenant l'agenda d'une semaine a été volé dans la voiture d'une employée.",
            today - days(40),
            information_concerned="Noms, dates de naissance et numéros de téléphone de 212 clients.",
            occurred_from=today - days(41),
            occurred_to=today - days(41),
            people_concerned=212,
            risk_assessment="Disque non chiffré ; renseignements d'identité et de santé (motifs de visite).",
            serious_injury_risk=True,
            commission_notified_on=today - days(38),
            people_notified_on=today - days(36),
            measures="Mots de passe changés ; chiffrement des portables imposé ; avis aux personnes.",
        ),
    ]


def retention_review(studio: StudioLike, path: Path, save: Save) -> None:
    services = studio.services
    desk, officer = studio.actors[Role.RECEPTIONIST], studio.actors[Role.PRIVACY_OFFICER]
    clock = services.clock
    assert isinstance(clock, FixedClock)  # the pictures' clock, moved back to open the old files
    held = None
    for index, (last, first, born) in enumerate(OLD_FILES):
        back = timedelta(days=8 * 365 + 170 * index)
        clock.advance(days=-back.days)
        try:
            client = services.clients.create(desk, ClientDraft(last, first, born))
            services.appointments.book(
                desk,
                client.id,
                AppointmentDraft(
                    clock.now() + timedelta(days=2),
                    AppointmentKind.CONSULTATION,
                    AppointmentMode.IN_CLINIC,
                    BookedVia.PHONE,
                ),
            )
        finally:
            clock.advance(days=back.days)
        if index == 2:
            held = client
    assert held is not None
    services.retention.place_hold(
        officer, held.id, "Dossier demandé par la Cour supérieure (500-17-123456-261)"
    )
    window = RetentionReviewWindow(services, officer, studio.runner)
    _shown(window, (1180, 700))
    studio.settle(lambda: window.review is not None, "the retention review")
    window.candidate_table.selectRow(0)
    save(window, path)
    window.close()
