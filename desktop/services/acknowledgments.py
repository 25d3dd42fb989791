"""Acknowledgments of the privacy policy: a signature (or a recorded refusal), never edited."""

from __future__ import annotations

from datetime import date

from desktop.db.database import Database
from desktop.db.models import Acknowledgment
from desktop.domain.errors import NotFoundError
from desktop.domain.messages import Subjects
from desktop.domain.records import AcknowledgmentRecord, Actor, BookingPolicy, SignatureCapture
from desktop.services.clock import Clock
from desktop.services.ledger.acknowledgments import append_acknowledgment
from desktop.services.ledger.documents import store_acknowledgment_document
from desktop.services.ledger.policies import policy_record
from desktop.services.permissions import Permission
from desktop.services.queries.acknowledgments import (
    acknowledgment_record,
    covering_acknowledgment,
    latest_acknowledgments,
)
from desktop.services.queries.clients import load_client, load_open_client
from desktop.services.queries.policies import current_policy
from desktop.services.unit_of_work import UnitOfWork, run


class AcknowledgmentService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def record(
        self, actor: Actor, client_id: int, capture: SignatureCapture, appointment_id: int | None = None
    ) -> AcknowledgmentRecord:
        def work(uow: UnitOfWork) -> AcknowledgmentRecord:
            client = load_open_client(uow.session, client_id)
            ack = append_acknowledgment(uow, client, capture, appointment_id)
            store_acknowledgment_document(uow, client, ack)
            return acknowledgment_record(uow.session, ack)

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work)

    def for_client(self, actor: Actor, client_id: int) -> list[AcknowledgmentRecord]:
        def work(uow: UnitOfWork) -> list[AcknowledgmentRecord]:
            return [
                acknowledgment_record(uow.session, a) for a in latest_acknowledgments(uow.session, client_id)
            ]

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)

    def for_booking(self, actor: Actor, client_id: int, day: date) -> BookingPolicy:
        """The version the client is shown for an appointment on ``day`` (in force that day, in the
        client's language), and the client's signed acknowledgment already covering it, if any: then
        the booking asks no new signature."""

        def work(uow: UnitOfWork) -> BookingPolicy:
            client = load_client(uow.session, client_id)
            policy = current_policy(uow.session, client.preferred_language, day)
            signed = covering_acknowledgment(uow.session, client.id, policy)
            return BookingPolicy(
                day=day,
                policy=policy_record(policy),
                acknowledged=acknowledgment_record(uow.session, signed) if signed is not None else None,
            )

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)

    def signature_png(self, actor: Actor, acknowledgment_id: int) -> bytes | None:
        def work(uow: UnitOfWork) -> bytes | None:
            ack = uow.session.get(Acknowledgment, acknowledgment_id)
            if ack is None:
                raise NotFoundError(what=Subjects.acknowledgment.filled(id=acknowledgment_id))
            return ack.signature_png

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)
