"""The consent ledger: events are only ever added; the current grid is the fold of the events."""

from __future__ import annotations

from sqlalchemy import select

from desktop.db.database import Database
from desktop.db.models import ConsentEvent
from desktop.domain.enums import Channel, Language, Purpose
from desktop.domain.records import Actor, ConsentCapture, ConsentEventRecord, ConsentGrid
from desktop.domain.wording import WordingNames, consent_sentence
from desktop.services.clock import Clock
from desktop.services.ledger.consent import append_events, validate_consent_capture
from desktop.services.ledger.consent_method import vouch
from desktop.services.permissions import Permission
from desktop.services.queries.clients import load_client, load_open_client
from desktop.services.queries.consent import consent_grid, event_records
from desktop.services.queries.organisation import wording_names
from desktop.services.unit_of_work import UnitOfWork, run

MAX_HISTORY_PAGE = 500


class ConsentService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def names(self, actor: Actor) -> WordingNames:
        """The names the consent sentences carry (the organisation's, its parent's) and so which
        purposes a client is asked about."""

        def work(uow: UnitOfWork) -> WordingNames:
            return wording_names(uow.session)

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)

    def wording(self, actor: Actor, purpose: Purpose, channel: Channel, language: Language) -> str:
        """The sentence to show the client; the same sentence is stored with the event."""
        return consent_sentence(purpose, channel, language, self.names(actor))

    def record(self, actor: Actor, client_id: int, capture: ConsentCapture) -> list[ConsentEventRecord]:
        """Record the answers that change the current state; unchanged answers add nothing. The
        method stored follows from ``capture.interaction`` and the signature it names (see
        :func:`vouch`); a contradicting ``capture.method`` is refused, as is a minor's grant
        without the parent or tutor who gave it."""
        validate_consent_capture(capture)

        def work(uow: UnitOfWork) -> list[ConsentEventRecord]:
            client = load_open_client(uow.session, client_id)
            vouched = vouch(uow, client, capture)
            added = append_events(
                uow,
                client,
                capture.choices,
                method=vouched.method,
                language=capture.language,
                representative=vouched.representative,
                acknowledgment_id=vouched.acknowledgment_id,
                appointment_id=vouched.appointment_id,
            )
            return event_records(uow.session, added)

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work)

    def grid(self, actor: Actor, client_id: int) -> ConsentGrid:
        def work(uow: UnitOfWork) -> ConsentGrid:
            load_client(uow.session, client_id)
            return consent_grid(uow.session, client_id)

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)

    def history(
        self, actor: Actor, client_id: int, *, offset: int = 0, limit: int = 100
    ) -> list[ConsentEventRecord]:
        """Newest first, a page at a time."""
        limit = max(1, min(limit, MAX_HISTORY_PAGE))

        def work(uow: UnitOfWork) -> list[ConsentEventRecord]:
            events = uow.session.scalars(
                select(ConsentEvent)
                .where(ConsentEvent.client_id == client_id)
                .order_by(ConsentEvent.recorded_at.desc(), ConsentEvent.id.desc())
                .offset(max(0, offset))
                .limit(limit)
            )
            return event_records(uow.session, events)

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)
