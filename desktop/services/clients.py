"""Client files: create (with a duplicate warning), update (with a stale-version check), open, search."""

from __future__ import annotations

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from desktop.db.database import Database
from desktop.db.models import Client, ClientPhone
from desktop.domain.errors import ConflictError, PossibleDuplicateError, StaleVersionError
from desktop.domain.file_numbers import format_file_number
from desktop.domain.normalize import fold
from desktop.domain.phones import Phone
from desktop.domain.records import Actor, ClientDraft, ClientRecord, ClientStatus, ClientSummary
from desktop.domain.search_pages import SearchCursor, SearchPage
from desktop.domain.validation import validate_client
from desktop.services.clock import Clock
from desktop.services.interruption import Interruption
from desktop.services.permissions import Permission
from desktop.services.queries.clients import client_by_file_number, client_phones, load_client, staff_names
from desktop.services.queries.status import client_status
from desktop.services.search_keys import (
    SUMMARY_COLUMNS,
    replace_keys,
    search_page,
    summary,
)
from desktop.services.unit_of_work import UnitOfWork, run

MAX_PAGE = 200
_EDITABLE = (
    "last_name",
    "first_name",
    "date_of_birth",
    "preferred_language",
    "street",
    "city",
    "province",
    "postal_code",
    "email",
    "phone",
    "phone_extension",
    "health_number",
    "sex_at_birth",
    "health_card_expiry",
)


def to_record(client: Client, names: dict[int, str], phones: tuple[Phone, ...] = ()) -> ClientRecord:
    return ClientRecord(
        id=client.id,
        file_number=client.file_number,
        last_name=client.last_name,
        first_name=client.first_name,
        date_of_birth=client.date_of_birth,
        preferred_language=client.preferred_language,
        street=client.street,
        city=client.city,
        province=client.province,
        postal_code=client.postal_code,
        email=client.email,
        phone=client.phone,
        phone_extension=client.phone_extension,
        clinic_id=client.clinic_id,
        version=client.version,
        created_at=client.created_at,
        created_by=names.get(client.created_by_id, "?"),
        updated_at=client.updated_at,
        updated_by=names.get(client.updated_by_id, "?"),
        phones=phones,
        health_number=client.health_number,
        sex_at_birth=client.sex_at_birth,
        health_card_expiry=client.health_card_expiry,
        anonymised_at=client.anonymised_at,
    )


def client_record(session: Session, client: Client) -> ClientRecord:
    names = staff_names(session, client.created_by_id, client.updated_by_id)
    return to_record(client, names, client_phones(session, client.id))


def replace_phones(session: Session, client_id: int, phones: tuple[Phone, ...]) -> None:
    """The file's numbers become ``phones``, in that order."""
    session.execute(delete(ClientPhone).where(ClientPhone.client_id == client_id))
    rows = [
        {"client_id": client_id, "position": n, "kind": p.kind, "number": p.number, "extension": p.extension}
        for n, p in enumerate(phones, start=1)
    ]
    if rows:
        session.execute(insert(ClientPhone), rows)


def find_same_person(session: Session, draft: ClientDraft, exclude_id: int | None = None) -> list[Client]:
    if draft.date_of_birth is None:
        return []
    wanted = (fold(draft.last_name), fold(draft.first_name))
    candidates = session.scalars(select(Client).where(Client.date_of_birth == draft.date_of_birth))
    return [c for c in candidates if (fold(c.last_name), fold(c.first_name)) == wanted and c.id != exclude_id]


class ClientService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def create(self, actor: Actor, draft: ClientDraft, *, confirm_duplicate: bool = False) -> ClientRecord:
        """Raises PossibleDuplicateError when the same name and date of birth exist, unless confirmed."""
        clean = validate_client(draft, today=self._clock.today())

        def work(uow: UnitOfWork) -> ClientRecord:
            same = find_same_person(uow.session, clean)
            if same and not confirm_duplicate:
                names = staff_names(uow.session, *(c.created_by_id for c in same))
                raise PossibleDuplicateError(
                    [to_record(c, names) for c in same], [c.file_number for c in same]
                )
            client = Client(
                file_number="pending",
                clinic_id=uow.clinic_id,
                version=1,
                created_at=uow.now,
                created_by_id=uow.staff_id,
                updated_at=uow.now,
                updated_by_id=uow.staff_id,
                **{name: getattr(clean, name) for name in _EDITABLE},
            )
            uow.session.add(client)
            uow.session.flush()
            client.file_number = format_file_number(client.id)
            replace_phones(uow.session, client.id, clean.phones)
            replace_keys(uow.session, client, [p.number for p in clean.phones])
            uow.session.flush()
            uow.audit("client.create", "client", client.id, "duplicate confirmed" if same else "")
            return client_record(uow.session, client)

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work)

    def update(self, actor: Actor, client_id: int, expected_version: int, draft: ClientDraft) -> ClientRecord:
        """Saves only if nobody saved since ``expected_version``; otherwise StaleVersionError carries
        the stored record so the person can compare both versions."""
        clean = validate_client(draft, today=self._clock.today())

        def work(uow: UnitOfWork) -> ClientRecord:
            client = load_client(uow.session, client_id, for_update=True)
            if client.anonymised_at is not None:  # retention replaced its identity: it stays so
                raise ConflictError("client_file_anonymised", file_number=client.file_number)
            if client.version != expected_version:
                current = client_record(uow.session, client)
                raise StaleVersionError(current, current.updated_by, current.updated_at)
            changed = [name for name in _EDITABLE if getattr(client, name) != getattr(clean, name)]
            if client_phones(uow.session, client.id) != clean.phones:
                replace_phones(uow.session, client.id, clean.phones)
                # The first number is also the phone columns: "phones" names a change beyond it (a kind, another).
                if not {"phone", "phone_extension"} & set(changed):
                    changed.append("phones")
            if not changed:
                return client_record(uow.session, client)
            for name in changed:
                if name != "phones":
                    setattr(client, name, getattr(clean, name))
            client.version += 1
            client.updated_at = uow.now
            client.updated_by_id = uow.staff_id
            replace_keys(uow.session, client, [p.number for p in clean.phones])
            uow.session.flush()
            uow.audit("client.update", "client", client.id, "fields=" + ",".join(changed))
            return client_record(uow.session, client)

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work)

    def open(self, actor: Actor, client_id: int) -> ClientRecord:
        """The client file, as opened by a person: audited."""

        def work(uow: UnitOfWork) -> ClientRecord:
            client = load_client(uow.session, client_id)
            uow.audit("client.open", "client", client.id)
            return client_record(uow.session, client)

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work)

    def status(self, actor: Actor, client_id: int) -> ClientStatus:
        """Acknowledgment of the current policy, promotions opted out, pending opt-out requests."""
        return run(
            self._db,
            self._clock,
            actor,
            Permission.WORK_CLIENT_FILES,
            lambda uow: client_status(uow, client_id),
            write=False,
        )

    def get_by_file_number(self, actor: Actor, file_number: str) -> ClientRecord:
        """The file with that number, typed with or without its leading zeros ("44" opens 000044)."""

        def work(uow: UnitOfWork) -> ClientRecord:
            client = client_by_file_number(uow.session, file_number)
            uow.audit("client.open", "client", client.id)
            return client_record(uow.session, client)

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work)

    def search_page(
        self,
        actor: Actor,
        text: str,
        *,
        after: SearchCursor | None = None,
        limit: int = 50,
        interruption: Interruption | None = None,
    ) -> SearchPage:
        """Name tokens in any order and partial, phone digits in any format, date of birth, file number, NAM
        (with or without spaces; listed masked): the page after ``after`` in name order, and where the next
        one starts. The first page costs the same whatever the number of files. ``interruption`` stops the
        search when cancelled (QueryInterruptedError): the person has typed past it."""
        size = max(1, min(limit, MAX_PAGE))

        def work(uow: UnitOfWork) -> SearchPage:
            if interruption is None:
                return search_page(uow.session, text, after, size)
            with interruption.watching(uow.session):
                return search_page(uow.session, text, after, size)

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)

    def search(self, actor: Actor, text: str, *, limit: int = 50) -> list[ClientSummary]:
        """The first page of :meth:`search_page`."""
        return self.search_page(actor, text, limit=limit).records

    def get(self, actor: Actor, client_id: int) -> ClientRecord:
        """Re-read a file the person already has open (a refresh), without counting as a new opening."""

        def work(uow: UnitOfWork) -> ClientRecord:
            return client_record(uow.session, load_client(uow.session, client_id))

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)

    def summaries(self, actor: Actor, client_ids: list[int]) -> dict[int, ClientSummary]:
        """Name, file number and date of birth of several clients at once (for lists that name them)."""
        wanted = sorted(set(client_ids))[:MAX_PAGE]

        def work(uow: UnitOfWork) -> dict[int, ClientSummary]:
            rows = uow.session.execute(select(*SUMMARY_COLUMNS).where(Client.id.in_(wanted)))
            return {row[0]: summary(row) for row in rows}

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)

    def summaries_by_file_number(self, actor: Actor, file_numbers: list[str]) -> dict[str, ClientSummary]:
        """The same lines by file number (a list that names files by their numbers: an import's possible
        duplicates). A comparison, not an opening: no access is recorded."""
        wanted = sorted(set(file_numbers))[:MAX_PAGE]

        def work(uow: UnitOfWork) -> dict[str, ClientSummary]:
            rows = uow.session.execute(select(*SUMMARY_COLUMNS).where(Client.file_number.in_(wanted)))
            return {row[1]: summary(row) for row in rows}

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)

    def possible_duplicates(
        self, actor: Actor, draft: ClientDraft, exclude_id: int | None = None
    ) -> list[ClientRecord]:
        def work(uow: UnitOfWork) -> list[ClientRecord]:
            same = find_same_person(uow.session, draft, exclude_id)
            names = staff_names(
                uow.session, *(c.created_by_id for c in same), *(c.updated_by_id for c in same)
            )
            return [to_record(c, names) for c in same]

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)
