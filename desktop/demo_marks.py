"""The demo kept apart from people's records.

Every record a person can make carries a ``demo`` mark (migration 0004), true only when the demo
generator inserted it. A database *holds people's records* when any staff account, client file,
appointment, appointment event, practitioner, acknowledgment, consent event, opt-out request or
opt-out event is not marked: one made
in the window, with the command line, or before the marks existed. The demo generator refuses such a
database unless told to add to it (``into_existing``), and never creates its accounts, with their
published passwords, where people have accounts: its records are then entered under an account already
there (named to the person before they confirm). Imports no demo generator: reading the marks needs no
Faker.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from argon2 import PasswordHasher
from sqlalchemy import Select, false, func, select
from sqlalchemy.orm import Session

from desktop.db.models import (
    Acknowledgment,
    Appointment,
    AppointmentEvent,
    Client,
    ConsentEvent,
    DemoMarked,
    OptOutEvent,
    OptOutRequest,
    Practitioner,
    Staff,
)
from desktop.demo_accounts import DEMO_ACCOUNTS
from desktop.domain.enums import Role
from desktop.domain.errors import DemoIntoRealDataError
from desktop.services.unit_of_work import UnitOfWork

__all__ = ["DemoSurvey", "demo_author", "prepare_demo_accounts", "survey"]

#: The records other than accounts and client files, each made by an account about a client.
_OTHER_RECORDS: tuple[type[DemoMarked], ...] = (
    Appointment,
    AppointmentEvent,
    Practitioner,
    Acknowledgment,
    ConsentEvent,
    OptOutRequest,
    OptOutEvent,
)


@dataclass(frozen=True)
class DemoSurvey:
    """What a database holds that the demo did not make, and who the demo's records are entered under."""

    clients: int
    accounts: int
    #: Appointments and their events, practitioners, acknowledgments, consent events, opt-out
    #: requests and their events.
    others: int
    #: The demo's accounts present, by username.
    demo_accounts: tuple[str, ...]
    #: The username the demo's records are (or would be) entered under: the demo receptionist, or,
    #: where people have accounts and the demo has none, one of theirs.
    author: str

    @property
    def holds_real_records(self) -> bool:
        return bool(self.clients or self.accounts or self.others)

    @property
    def creates_demo_accounts(self) -> bool:
        """Whether adding demo data makes the demo's accounts: only where no person has an account."""
        return self.accounts == 0 and len(self.demo_accounts) < len(DEMO_ACCOUNTS)

    def refusal(self) -> DemoIntoRealDataError:
        return DemoIntoRealDataError(clients=self.clients, accounts=self.accounts, others=self.others)


def _unmarked(model: type[DemoMarked]) -> Select[int]:
    return select(func.count()).select_from(model).where(model.demo == false())


def _demo_receptionist() -> str:
    return next(a.username for a in DEMO_ACCOUNTS if a.role == Role.RECEPTIONIST)


def demo_author(session: Session) -> Staff | None:
    """The account the demo's records are entered under: the demo receptionist when it exists; else,
    where people have accounts, the oldest active receptionist, else the oldest active account."""
    return session.scalars(
        select(Staff)
        .order_by(
            Staff.demo.desc(),
            (Staff.role == Role.RECEPTIONIST).desc(),
            Staff.active.desc(),
            Staff.id,
        )
        .limit(1)
    ).first()


def survey(session: Session) -> DemoSurvey:
    others = sum(int(session.scalar(_unmarked(model)) or 0) for model in _OTHER_RECORDS)
    accounts = int(session.scalar(_unmarked(Staff)) or 0)
    demo_accounts = tuple(session.scalars(select(Staff.username).where(Staff.demo).order_by(Staff.id)))
    author = demo_author(session)
    found = DemoSurvey(
        clients=int(session.scalar(_unmarked(Client)) or 0),
        accounts=accounts,
        others=others,
        demo_accounts=demo_accounts,
        author=_demo_receptionist(),
    )
    if author is None or found.creates_demo_accounts:
        return found
    return replace(found, author=author.username)


def prepare_demo_accounts(uow: UnitOfWork, *, into_existing: bool) -> int:
    """Before the demo adds anything: refuse a database holding people's records unless
    ``into_existing``; make the demo's missing accounts where no person has one (marked, audited).
    Returns the id of the account the demo's records are entered under."""
    found = survey(uow.session)
    if found.holds_real_records and not into_existing:
        raise found.refusal()
    if found.creates_demo_accounts:
        hasher = PasswordHasher()  # the parameters the staff service hashes with
        present = set(found.demo_accounts)
        for account in DEMO_ACCOUNTS:
            if account.username in present:
                continue
            staff = Staff(
                username=account.username,
                full_name=account.full_name,
                role=account.role,
                password_hash=hasher.hash(account.password),
                active=True,
                clinic_id=uow.clinic_id,
                failed_logins=0,
                created_at=uow.now,
                password_changed_at=uow.now,
                demo=True,
            )
            uow.session.add(staff)
            uow.session.flush()
            uow.audit("staff.create", "staff", staff.id, f"role={account.role.value} demo=true")
    author = demo_author(uow.session)
    if author is None:  # not reached: the demo's accounts were just made where there were none
        raise found.refusal()
    return author.id
