"""Realistic demo data for demonstrations and benchmarks: Quebec clients with consents, appointments,
acknowledgments and opt-out requests. Written in bulk (``desktop.demo_batch`` makes a batch's rows,
``desktop.demo_bulk`` writes them in one transaction), audited once per batch in the chained audit
trail, the ledgers' witness given each row's digest as written and the current-consent table
recomputed for the batch's files, so ``frontdesk db check`` finds the database as the services keep it."""

from __future__ import annotations

from functools import partial

from sqlalchemy import exists, func, select, text
from sqlalchemy.orm import Session

from desktop.db.engine import WRITE_OPTION
from desktop.db.models import Acknowledgment, AcknowledgmentDocument, Client, Clinic, PolicyVersion
from desktop.demo_accounts import DEMO_ACCOUNTS as DEMO_ACCOUNTS  # the scripts' and tests' name for them
from desktop.demo_batch import BatchContext, build_batch
from desktop.demo_bulk import (
    DEMO_COLUMNS,
    INSERT_ORDER,
    SEARCH_KEYS,
    WITNESSED,
    BulkWriter,
    check_columns,
    digests,
)
from desktop.demo_clinic import set_up_demo_clinic
from desktop.demo_generator import DemoGenerator
from desktop.demo_marks import prepare_demo_accounts
from desktop.domain.records import Actor
from desktop.services import Services
from desktop.services.audit_chain import POSTGRES_AUDIT_LOCK, append_audit
from desktop.services.ledger.current_consent import rebuild_current_consent
from desktop.services.ledger.documents import store_acknowledgment_document
from desktop.services.permissions import Permission
from desktop.services.queries.organisation import opt_out_calendar, wording_names
from desktop.services.unit_of_work import UnitOfWork, retrying, run, system_actor

#: Files per transaction: large enough that a million are written in a hundred commits, small enough
#: that each holds the write lock for a second or two.
BATCH = 10_000
#: SQLite page cache of the demo's connection while it writes (KiB): the indexes of millions of rows.
_SQLITE_CACHE_KIB = 256 * 1024


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
    generator = DemoGenerator(seed, services.clock.today(), services.clock.now())
    added = 0
    while added < clients:
        count = min(BATCH, clients - added)
        retrying(partial(write_batch, services, generator, actor, author, added, count))
        added += count
    if services.witness is not None:
        services.witness.catch_up()
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


def write_batch(
    services: Services, gen: DemoGenerator, actor: Actor, author: int, start: int, count: int
) -> None:
    """One transaction: ``count`` files with their rows, the current consent of their cells, and the
    batch's audit record chained to the trail; then the witness is given the rows' digests."""
    keeper = services.witness if services.witness is not None and services.witness.takes_digests() else None
    engine = services.db.engine.execution_options(**{WRITE_OPTION: True})  # SQLite: BEGIN IMMEDIATE
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        raw = connection.connection.driver_connection
        if sqlite:  # on the driver's connection: outside any transaction
            raw.execute(f"PRAGMA cache_size=-{_SQLITE_CACHE_KIB}")  # type: ignore[union-attr]
        try:
            with connection.begin(), Session(bind=connection) as session:
                if not sqlite:  # ids in commit order, as every write transaction takes it (witnessing.py)
                    connection.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": POSTGRES_AUDIT_LOCK}
                    )
                writer = BulkWriter(connection)
                next_ids = writer.next_ids((*INSERT_ORDER, SEARCH_KEYS))
                context = BatchContext(
                    session=session,
                    policies={p.language: p for p in session.scalars(select(PolicyVersion))},
                    names=wording_names(session),
                    calendar=opt_out_calendar(session),
                    clinic_id=actor.clinic_id,
                    author=author,
                    now=services.clock.now(),
                )
                batch = build_batch(gen, context, next_ids, start, count)
                session.flush()  # the schedule's practitioners, made with the first batch
                for name in INSERT_ORDER:
                    check_columns(name, DEMO_COLUMNS[name])
                    writer.insert(name, DEMO_COLUMNS[name], batch.rows[name])
                key_columns, key_rows = batch.key_rows(next_ids[SEARCH_KEYS])
                check_columns(SEARCH_KEYS, key_columns)
                writer.insert(SEARCH_KEYS, key_columns, key_rows)
                written = {name: len(batch.rows[name]) for name in INSERT_ORDER} | {
                    SEARCH_KEYS: len(key_rows)
                }
                writer.advance_sequences({n: next_ids[n] + k - 1 for n, k in written.items() if k})
                rebuild_current_consent(connection, (batch.first_client, batch.last_client))
                append_audit(
                    session,
                    at=context.now,
                    staff_id=None,
                    username=actor.username,
                    workstation=actor.workstation,
                    action="demo.populate",
                    entity_type="client",
                    entity_id=f"{batch.first_client}-{batch.last_client}",
                    detail=f"count={count}",
                )
        finally:
            if sqlite:
                raw.execute("PRAGMA cache_size=-2000")  # type: ignore[union-attr]  # SQLite's default, for the pool
    if keeper is not None:  # committed: digested out of the write lock
        for name in WITNESSED:
            keeper.add_digested(name, next_ids[name], digests(name, batch.rows[name]))
