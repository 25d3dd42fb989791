"""Realistic demo data for demonstrations and benchmarks: Quebec clients with consents, appointments,
acknowledgments and opt-out requests. Inserted in bulk (one unit of work per batch), audited once."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TypedDict

from faker import Faker
from sqlalchemy import exists, func, insert, select

from desktop.db.models import (
    Acknowledgment,
    AcknowledgmentDocument,
    Appointment,
    AppointmentEvent,
    Client,
    Clinic,
    ConsentEvent,
    OptOutEvent,
    OptOutRequest,
    OptOutScope,
    PolicyVersion,
)
from desktop.demo_accounts import DEMO_ACCOUNTS as DEMO_ACCOUNTS  # the scripts' and tests' name for them
from desktop.demo_clients import insert_clients
from desktop.demo_clinic import set_up_demo_clinic
from desktop.demo_marks import prepare_demo_accounts
from desktop.demo_schedule import DemoSchedule, booked_events, demo_start
from desktop.demo_signatures import signature_png
from desktop.domain.age import consents_for_themselves
from desktop.domain.enums import (
    PROMOTIONAL_PURPOSES,
    AppointmentKind,
    AppointmentMode,
    BookedVia,
    Channel,
    ConsentAction,
    ConsentMethod,
    Language,
    OptOutEventKind,
    OptOutVia,
    Purpose,
    SignerCapacity,
)
from desktop.domain.file_numbers import format_file_number
from desktop.domain.normalize import name_tokens
from desktop.domain.wording import consent_sentence, withdrawal_sentence
from desktop.services import Services
from desktop.services.ledger.documents import store_acknowledgment_document
from desktop.services.permissions import Permission
from desktop.services.queries.organisation import opt_out_calendar, wording_names
from desktop.services.search_keys import phone_keys
from desktop.services.unit_of_work import UnitOfWork, run, system_actor

_AREA_CODES = ("418", "581", "367", "514", "438", "450", "579", "819", "873")
_CITIES = (
    ("Québec", "G1"),
    ("Lévis", "G6"),
    ("Montréal", "H2"),
    ("Laval", "H7"),
    ("Gatineau", "J8"),
    ("Sherbrooke", "J1"),
    ("Trois-Rivières", "G8"),
    ("Saguenay", "G7"),
    ("Longueuil", "J4"),
    ("Rimouski", "G5"),
    ("Drummondville", "J2"),
    ("Saint-Jérôme", "J7"),
)
_EXTRA_NAMES = (("Côté", "Zoé"), ("O'Brien", "Seán"), ("Nguyễn", "Thị Mai"), ("Bélanger-Roy", "Élodie"))
BATCH = 1000


class _ClientData(TypedDict):
    last_name: str
    first_name: str
    date_of_birth: date
    preferred_language: Language
    street: str
    city: str
    province: str
    postal_code: str
    email: str
    phone: str


@dataclass(frozen=True)
class _DemoRequest:
    """An opt-out request to insert, with what its events are made from once it has an id."""

    row: dict[str, object]
    uid: uuid.UUID
    via: OptOutVia
    received: date
    logged_at: datetime
    client_id: int
    processed: bool
    purposes: frozenset[Purpose]
    language: Language
    policy: PolicyVersion


class _Generator:
    def __init__(self, seed: int, today: date, now: datetime) -> None:
        self.rng = random.Random(seed)
        self.fakers = {Language.FR: Faker("fr_CA"), Language.EN: Faker("en_CA")}
        for index, faker in enumerate(self.fakers.values()):
            faker.seed_instance(seed + index)
        self.today = today
        self.now = now
        self.signatures = [signature_png(self.rng) for _ in range(8)]
        self.schedule = DemoSchedule()

    def phone(self) -> str:
        return f"+1{self.rng.choice(_AREA_CODES)}{self.rng.randint(200, 989)}{self.rng.randint(0, 9999):04d}"

    def postal_code(self, prefix: str) -> str:
        letters = "ABCEGHJKLMNPRSTVWXYZ"
        return f"{prefix}{self.rng.choice(letters)} {self.rng.randint(0, 9)}{self.rng.choice(letters)}{self.rng.randint(0, 9)}"

    def client(self, index: int) -> _ClientData:
        language = Language.FR if self.rng.random() < 0.78 else Language.EN
        faker = self.fakers[language]
        if index < len(_EXTRA_NAMES):
            last, first = _EXTRA_NAMES[index]
        else:
            last, first = faker.last_name(), faker.first_name()
        born = self.today - timedelta(days=self.rng.randint(2 * 365, 95 * 365))
        city, prefix = self.rng.choice(_CITIES)
        local = f"{first}.{last}".lower().replace(" ", "").replace("'", "")
        local = local.encode("ascii", "ignore").decode() or "client"
        return _ClientData(
            last_name=last,
            first_name=first,
            date_of_birth=born,
            preferred_language=language,
            street=f"{self.rng.randint(1, 9999)} {faker.street_name()}",
            city=city,
            province="QC",
            postal_code=self.postal_code(prefix),
            email=f"{local}{self.rng.randint(1, 999)}@example.{self.rng.choice(['com', 'org', 'net'])}"
            if self.rng.random() < 0.8
            else "",
            phone=self.phone() if self.rng.random() < 0.95 else "",
        )


def populate(
    services: Services,
    clients: int,
    *,
    seed: int = 2020,
    workstation: str = "demo",
    into_existing: bool = False,
) -> int:
    """Add ``clients`` demo client files with their ledgers, every record marked as the demo's. Returns
    the number added. A database holding records the demo did not make is refused
    (DemoIntoRealDataError) unless ``into_existing``; the demo's accounts are made only where no person
    has an account (see :mod:`desktop.demo_marks`). A new database first gets the demonstration clinic;
    one that has its own keeps it."""
    set_up_demo_clinic(services, workstation)
    with services.db.session(write=False) as session:
        first_site = session.scalar(select(func.min(Clinic.id)))
    actor = system_actor(workstation, first_site or 1)
    author = run(
        services.db,
        services.clock,
        actor,
        Permission.ADMINISTER,
        lambda uow: prepare_demo_accounts(uow, into_existing=into_existing),
    )
    today = services.clock.today()
    generator = _Generator(seed, today, services.clock.now())
    added = 0
    while added < clients:
        count = min(BATCH, clients - added)

        def work(uow: UnitOfWork, count: int = count, start: int = added) -> int:
            _insert_batch(uow, generator, start, count, author)
            return count

        added += run(services.db, services.clock, actor, Permission.ADMINISTER, work)
    run(services.db, services.clock, actor, Permission.ADMINISTER, _store_sample_documents)
    return added


#: Bulk acknowledgments carry no PDF (rendering thousands would take minutes); the first few get
#: theirs, as at a real signing, so a demonstration can open, print and verify one.
SAMPLE_DOCUMENTS = 40


def _store_sample_documents(uow: UnitOfWork) -> None:
    missing = ~exists().where(AcknowledgmentDocument.acknowledgment_id == Acknowledgment.id)
    # The demo's own acknowledgments only: people's stay as they were signed.
    acks = uow.session.scalars(
        select(Acknowledgment)
        .where(missing, Acknowledgment.demo)
        .order_by(Acknowledgment.client_id)
        .limit(SAMPLE_DOCUMENTS)
    ).all()
    for ack in acks:
        client = uow.session.get(Client, ack.client_id)
        if client is not None:
            store_acknowledgment_document(uow, client, ack)


def _insert_batch(uow: UnitOfWork, gen: _Generator, start: int, count: int, receptionist: int) -> None:
    """One batch of demo records, each marked ``demo``, entered under the account ``receptionist``."""
    session = uow.session
    rng = gen.rng
    policies = {p.language: p for p in session.scalars(select(PolicyVersion))}
    names, calendar = wording_names(session), opt_out_calendar(session)
    first_id = (session.scalar(select(func.max(Client.id))) or 0) + 1
    now = uow.now
    rows: list[dict[str, object]] = []
    keys: list[dict[str, object]] = []
    appointments: list[dict[str, object]] = []
    acks: list[dict[str, object]] = []
    events: list[dict[str, object]] = []
    #: Per consent event: the acknowledgment and appointment it came with, linked once they have ids.
    event_links: list[tuple[uuid.UUID | None, uuid.UUID]] = []
    requests: list[_DemoRequest] = []
    scopes: list[dict[str, object]] = []
    request_events: list[dict[str, object]] = []
    for offset in range(count):
        client_id = first_id + offset
        data = gen.client(start + offset)
        # Files are opened after birth: at most the client's age in days ago.
        lived = (gen.today - data["date_of_birth"]).days
        created = now - timedelta(
            days=rng.randint(1, max(1, min(1500, lived - 1))), minutes=rng.randint(0, 600)
        )
        rows.append(
            dict(
                id=client_id,
                demo=True,
                file_number=format_file_number(client_id),
                clinic_id=uow.clinic_id,
                version=1,
                created_at=created,
                created_by_id=receptionist,
                updated_at=created,
                updated_by_id=receptionist,
                **data,
            )
        )
        keys += [
            dict(client_id=client_id, kind="name", key=t)
            for t in name_tokens(data["last_name"], data["first_name"])
        ]
        keys += [dict(client_id=client_id, kind="phone", key=k) for k in phone_keys(data["phone"])]
        language = data["preferred_language"]
        policy = policies.get(language) or next(iter(policies.values()))
        booked_at = created + timedelta(minutes=5)
        appointment_uid = uuid.uuid4()
        # A signature is taken only from someone standing at the desk; a phone booking records a spoken answer.
        at_desk = rng.random() < 0.7
        appointments.append(
            dict(
                uid=appointment_uid,
                demo=True,
                client_id=client_id,
                starts_at=demo_start(rng, gen.today),
                kind=rng.choice(list(AppointmentKind)),
                mode=rng.choice(list(AppointmentMode)),
                booked_via=BookedVia.AT_DESK if at_desk else BookedVia.PHONE,
                booked_by_id=receptionist,
                clinic_id=uow.clinic_id,
                created_at=booked_at,
            )
        )
        gen.schedule.place(session, rng, appointments[-1], now)
        ack_uid, refused, representative = None, False, None
        adult = consents_for_themselves(data["date_of_birth"], booked_at.date())
        if at_desk:
            ack_uid = uuid.uuid4()
            refused = rng.random() < 0.04
            capacity = SignerCapacity.CLIENT if adult else rng.choice([SignerCapacity.PARENT, SignerCapacity.TUTOR])
            signer = (
                f"{data['first_name']} {data['last_name']}"
                if capacity == SignerCapacity.CLIENT
                else f"{gen.fakers[language].first_name()} {data['last_name']}"
            )
            # A minor's answers are given by the parent or tutor who signs (or refuses to).
            representative = None if adult else signer
            acks.append(
                dict(
                    uid=ack_uid,
                    demo=True,
                    client_id=client_id,
                    policy_version_id=policy.id,
                    policy_sha256=policy.sha256,
                    summary_sha256=policy.summary_sha256,
                    language=language,
                    signer_capacity=capacity,
                    signer_name=signer,
                    signature_png=None if refused else rng.choice(gen.signatures),
                    refused=refused,
                    refusal_note="",
                    signed_at=booked_at,
                    witnessed_by_id=receptionist,
                    clinic_id=uow.clinic_id,
                    appointment_id=None,
                )
            )
        method = ConsentMethod.VERBAL_PHONE if not at_desk else ConsentMethod.SIGNED_AT_DESK
        method = ConsentMethod.VERBAL_IN_PERSON if refused else method
        for purpose in names.offered_purposes():
            for channel in Channel:
                chance = (
                    0.75
                    if purpose == Purpose.APPOINTMENT_REMINDERS and channel in (Channel.EMAIL, Channel.SMS)
                    else 0.18
                )
                # A minor's consent by phone would need a named parent: the demo records none.
                if rng.random() < chance and (adult or representative is not None):
                    events.append(
                        dict(
                            uid=uuid.uuid4(),
                            demo=True,
                            client_id=client_id,
                            purpose=purpose,
                            channel=channel,
                            action=ConsentAction.GRANTED,
                            method=method,
                            policy_version_id=policy.id,
                            policy_sha256=policy.sha256,
                            wording=consent_sentence(purpose, channel, language, names),
                            language=language,
                            recorded_by_id=receptionist,
                            clinic_id=uow.clinic_id,
                            recorded_at=booked_at,
                            appointment_id=None,
                            opt_out_request_id=None,
                            acknowledgment_id=None,
                            representative_name=representative,
                            representative_capacity=None if representative is None else capacity,
                        )
                    )
                    event_links.append((ack_uid, appointment_uid))
        # One file in forty has an emailed opt-out still to process, so the demo's queue is never empty.
        queued = (start + offset) % 40 == 17
        if queued or rng.random() < 0.04:
            via = OptOutVia.EMAIL if queued else rng.choice(list(OptOutVia))
            received = min(gen.today, booked_at.date() + timedelta(days=rng.randint(1, 400)))
            if queued:  # arrived lately: most of the queue is still within its delay
                received = max(booked_at.date(), gen.today - timedelta(days=rng.randint(0, 12)))
            request_uid = uuid.uuid4()
            immediate = via.takes_effect_at_once
            processed = not queued and (immediate or rng.random() < 0.6)
            purposes = PROMOTIONAL_PURPOSES if rng.random() < 0.8 else frozenset(Purpose)
            logged_at = min(now, datetime.combine(received, time(14, 0), UTC))
            row: dict[str, object] = dict(
                uid=request_uid,
                demo=True,
                received_via=via,
                received_on=received,
                due_on=received if immediate else calendar.due_date(received),
                requester_name=f"{data['first_name']} {data['last_name']}",
                requester_phone=data["phone"],
                requester_email=data["email"],
                note="",
                logged_by_id=receptionist,
                logged_at=logged_at,
                clinic_id=uow.clinic_id,
            )
            requests.append(
                _DemoRequest(
                    row,
                    request_uid,
                    via,
                    received,
                    logged_at,
                    client_id,
                    processed,
                    purposes,
                    language,
                    policy,
                )
            )
    insert_clients(session, rows, keys)  # with their NAMs and phone kinds (desktop.demo_clients)
    session.execute(insert(Appointment), appointments)
    appointment_ids = dict(
        session.execute(
            select(Appointment.uid, Appointment.id).where(
                Appointment.uid.in_([a["uid"] for a in appointments])
            )
        ).all()
    )
    session.execute(insert(AppointmentEvent), booked_events(appointments, appointment_ids))
    if acks:
        session.execute(insert(Acknowledgment), acks)
    ack_ids = (
        dict(
            session.execute(
                select(Acknowledgment.uid, Acknowledgment.id).where(
                    Acknowledgment.uid.in_([a["uid"] for a in acks])
                )
            ).all()
        )
        if acks
        else {}
    )
    for event, (linked_ack, linked_appointment) in zip(events, event_links, strict=True):
        event["appointment_id"] = appointment_ids[linked_appointment]
        event["acknowledgment_id"] = ack_ids.get(linked_ack) if linked_ack else None
    withdrawals: list[dict[str, object]] = []
    for request in requests:
        client_id, language, policy = request.client_id, request.language, request.policy
        session.execute(insert(OptOutRequest), [request.row])
        request_id = session.scalar(select(OptOutRequest.id).where(OptOutRequest.uid == request.uid))
        scopes += [
            dict(request_id=request_id, purpose=p, channel=c)
            for p in sorted(request.purposes)
            for c in Channel
        ]
        logged = request.logged_at
        request_events.append(
            dict(
                uid=uuid.uuid4(),
                demo=True,
                request_id=request_id,
                kind=OptOutEventKind.MATCHED,
                client_id=client_id,
                at=logged,
                by_id=receptionist,
            )
        )
        if request.processed:
            done = min(
                now,
                logged + timedelta(days=0 if request.via.takes_effect_at_once else rng.randint(1, 13)),
            )
            for purpose in sorted(request.purposes):
                for channel in Channel:
                    withdrawals.append(
                        dict(
                            uid=uuid.uuid4(),
                            demo=True,
                            client_id=client_id,
                            purpose=purpose,
                            channel=channel,
                            action=ConsentAction.WITHDRAWN,
                            method=request.via.consent_method,
                            policy_version_id=policy.id,
                            policy_sha256=policy.sha256,
                            wording=withdrawal_sentence(
                                purpose,
                                channel,
                                request.via,
                                request.received.isoformat(),
                                language,
                            ),
                            language=language,
                            recorded_by_id=receptionist,
                            clinic_id=uow.clinic_id,
                            recorded_at=done,
                            appointment_id=None,
                            opt_out_request_id=request_id,
                            acknowledgment_id=None,
                        )
                    )
            request_events.append(
                dict(
                    uid=uuid.uuid4(),
                    demo=True,
                    request_id=request_id,
                    kind=OptOutEventKind.PROCESSED,
                    client_id=client_id,
                    at=done,
                    by_id=receptionist,
                )
            )
    if events or withdrawals:
        session.execute(insert(ConsentEvent), events + withdrawals)
    if scopes:
        session.execute(insert(OptOutScope), scopes)
    if request_events:
        session.execute(insert(OptOutEvent), request_events)
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.setval("clients_id_seq", first_id + count - 1)))
    uow.audit("demo.populate", "client", f"{first_id}-{first_id + count - 1}", f"count={count}")
