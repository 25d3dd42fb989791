"""Every kind of search query reads indexes only, on 100,000 analysed files: no scan of a table, no temporary
B-tree (SQLite) or Sort node (PostgreSQL) for the name order; and its pages equal a brute-force answer."""

from __future__ import annotations

import functools
import os
import random
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import Connection, func, select, text

from desktop.app import open_services
from desktop.db.engine import sqlite_url
from desktop.db.models import Client, Clinic, Staff
from desktop.domain.file_numbers import FILE_NUMBER_DIGITS, format_file_number
from desktop.domain.normalize import fold, name_tokens, sort_key
from desktop.domain.records import Actor
from desktop.domain.search_pages import SearchCursor
from desktop.services import Services
from desktop.services.clock import FixedClock
from desktop.services.search_keys import NAM, NAME, PHONE, START, START_LENGTH, phone_keys
from desktop.services.unit_of_work import system_actor
from tests.conftest import TEST_NOW, WORKSTATION
from tests.support.query_plans import captured_statements, plan_faults, plans_of

pytestmark = pytest.mark.slow

FILES = 100_000
LAST = (
    "Tremblay Gagnon Roy Côté Bouchard Gauthier Morin Lavoie Fortin Gagné Ouellet Pelletier Bélanger Lévesque "
    "Bergeron Leblanc Paquette Girard Simard Boucher Caron Beaulieu Cloutier Dubé Poirier Fournier Lapointe "
    "Leclerc Lefebvre Poulin Thibault St-Pierre Nadeau Martin Landry Martel Bédard Grenier Lessard Bernier "
    "Richard Michaud Hébert Desjardins Couture Turcotte Lachance Parent Blais Gosselin Davis Nguyễn O'Brien"
).split()
FIRST = (
    "Marie Jean Pierre Nathalie Sylvie Michel Julie Louise Daniel François Isabelle Luc Chantal Alain Sophie "
    "Martin Mathieu Catherine Alexandre Émilie Zoé Léa Olivier William Chloé Noah Éloïse Alex Thị Mai Seán"
).split()
SYLLABLES = "ba be co da fi ga la lo ma mi no pa ri sa ta vo zu che qu xa".split()
AREAS = ("418", "514", "819", "450", "581")


@dataclass
class Person:
    id: int
    last: str
    first: str
    born: date
    phone: str
    nam: str
    order: tuple[str, int] = field(init=False)
    names: set[str] = field(init=False)
    phones: set[str] = field(init=False)

    def __post_init__(self) -> None:
        self.order = (sort_key(self.last, self.first), self.id)
        self.names = name_tokens(self.last, self.first)
        self.phones = phone_keys(self.phone)

    @property
    def starts(self) -> set[str]:
        return {t[:length] for t in self.names for length in range(1, START_LENGTH + 1)}

    @property
    def file_number(self) -> str:
        return format_file_number(self.id)


def _zipf(words: list[str]) -> list[float]:
    return [1 / (rank + 1) for rank in range(len(words))]


@functools.cache
def make_people(start: int) -> list[Person]:
    rng = random.Random(14)
    last_weights, first_weights = _zipf(LAST), _zipf(FIRST)
    people = []
    for n in range(FILES):
        if rng.random() < 0.6:
            last = rng.choices(LAST, last_weights)[0]
        else:
            last = "".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))).capitalize()
        first = rng.choices(FIRST, first_weights)[0]
        born = date(1930, 1, 1) + timedelta(days=rng.randrange(32_000))
        phone = f"+1{rng.choice(AREAS)}{rng.randrange(10_000_000):07d}"
        letters = "".join(ch for ch in fold(last + "xxx") if "a" <= ch <= "z")[:3] + fold(first)[:1]
        nam = f"{letters.upper()}{born.year % 100:02d}{born.month:02d}{born.day:02d}{rng.randrange(100):02d}"
        people.append(Person(start + n, last, first, born, phone, nam))
    return people


def insert_rows(
    connection: Connection, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]
) -> None:
    """A plain executemany on SQLite, COPY on PostgreSQL (table and columns are this file's constants)."""
    names = ", ".join(columns)
    if connection.dialect.name == "sqlite":
        marks = ", ".join("?" for _ in columns)
        connection.exec_driver_sql(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)  # noqa: S608
        return
    raw = connection.connection.dbapi_connection
    assert raw is not None
    with raw.cursor() as cursor, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:  # type: ignore[attr-defined]
        for row in rows:
            copy.write_row(row)


CLIENT_COLUMNS = (
    "id", "file_number", "last_name", "first_name", "date_of_birth", "preferred_language", "street", "city",
    "province", "postal_code", "email", "phone", "health_number", "clinic_id", "version", "created_at",
    "created_by_id", "updated_at", "updated_by_id", "sort_key",
)  # fmt: skip


def fill(services: Services) -> list[Person]:
    engine = services.db.engine
    with engine.begin() as connection:
        assert connection.scalar(select(func.count()).select_from(Client)) == 0
        staff_id = connection.scalar(select(func.min(Staff.id)))
        clinic_id = connection.scalar(select(func.min(Clinic.id)))
        people = make_people(1)
        at = "2026-01-01 00:00:00"
        insert_rows(
            connection,
            "clients",
            CLIENT_COLUMNS,
            [
                (p.id, p.file_number, p.last, p.first, p.born.isoformat(), "fr", "", "", "QC", "", "", p.phone,
                 p.nam, clinic_id, 1, at, staff_id, at, staff_id, p.order[0])
                for p in people
            ],
        )  # fmt: skip
        keys = [
            (p.id, kind, key, p.order[0])
            for p in people
            for kind, found in ((NAME, p.names), (START, p.starts), (PHONE, p.phones), (NAM, {p.nam}))
            for key in found
        ]
        insert_rows(connection, "client_search_keys", ("client_id", "kind", "key", "sort_key"), keys)
    if services.db.dialect == "sqlite":
        with engine.begin() as connection:
            connection.execute(text("ANALYZE"))
    else:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE clients"))
            connection.execute(text("VACUUM ANALYZE client_search_keys"))
    return people


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def filled(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Services, list[Person]]]:
    """One database per dialect for the module: the template's clinic and staff, then 100,000 files."""
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("plans") / "frontdesk.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        url, drop = sqlite_url(path), None
    else:
        server = request.getfixturevalue("postgres_server")
        name = f"frontdesk_plans_{os.getpid()}"
        url = server.create_database(name, template=request.getfixturevalue("postgres_template"))
        drop = lambda: server.drop_database(name)  # noqa: E731
    services = open_services(url, clock=FixedClock(TEST_NOW), migrate=False)
    try:
        yield services, fill(services)
    finally:
        services.close()
        if drop is not None:
            drop()


def _numbered(typed: str) -> Callable[[Person], bool]:
    def matches(p: Person) -> bool:
        if any(k.startswith(typed) for k in p.phones) or p.file_number.startswith(typed):
            return True
        return len(typed) <= FILE_NUMBER_DIGITS and p.file_number == format_file_number(int(typed))

    return matches


def _names(*prefixes: str) -> Callable[[Person], bool]:
    return lambda p: all(any(t.startswith(prefix) for t in p.names) for prefix in prefixes)


def queries(people: list[Person]) -> dict[str, tuple[str, Callable[[Person], bool]]]:
    """Each kind of query: what is typed, and which files it must find."""
    picked = people[4321]
    phone = picked.phone[2:8]
    return {
        "first letter": ("c", _names("c")),
        "two letters": ("co", _names("co")),
        "a full name": ("tremblay", _names("tremblay")),
        "two words": ("alex davis", _names("alex", "davis")),
        "a common word and a rare one": ("ma davis", _names("ma", "davis")),
        "two common words (the walk)": ("c m", _names("c", "m")),
        "two first letters, few together": ("j t", _names("j", "t")),
        "phone digits": (phone, _numbered(phone)),
        "a file number": (picked.file_number, _numbered(picked.file_number)),
        "a date of birth": (picked.born.isoformat(), lambda p: p.born == picked.born),
        "a name and a date of birth": (f"{picked.last} {picked.born.isoformat()}",
                                       lambda p: p.born == picked.born and _names(*fold(picked.last).split())(p)),
        "a NAM prefix": (picked.nam[:8], lambda p: p.nam.startswith(picked.nam[:8])),
    }  # fmt: skip


KINDS = [
    "first letter", "two letters", "a full name", "two words", "a common word and a rare one",
    "two common words (the walk)", "two first letters, few together", "phone digits", "a file number", "a date of birth",
    "a name and a date of birth", "a NAM prefix",
]  # fmt: skip


def expected_pages(people: list[Person], matches: Callable[[Person], bool]) -> list[int]:
    return [order[1] for order in sorted(p.order for p in people if matches(p))[:100]]


@pytest.fixture(scope="module")
def receptionist(filled: tuple[Services, list[Person]]) -> Actor:
    """The template's receptionist, on the module's database."""
    services, _people = filled
    (r,) = [s for s in services.staff.list(system_actor(WORKSTATION)) if s.username == "accueil"]
    return Actor(r.id, r.username, r.full_name, r.role, r.clinic_id, WORKSTATION)


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_of_query_reads_indexes_only(
    filled: tuple[Services, list[Person]], kind: str, receptionist: Actor
) -> None:
    services, people = filled
    actor = receptionist
    typed, matches = queries(people)[kind]
    pages = []

    def two_pages() -> None:
        first = services.clients.search_page(actor, typed)
        second = services.clients.search_page(actor, typed, after=first.next) if first.next else None
        pages.extend([first, second])

    explained = [
        (sql, plan)
        for sql, plan in plans_of(services.db.engine, two_pages)
        if sql.lstrip().upper().startswith("SELECT")
    ]
    assert explained
    for sql, plan in explained:
        walk = "ORDER BY" in sql and "LIMIT" in sql
        assert plan and not plan_faults(services.db.dialect, plan, ordered_walk=walk), (sql, plan)
    found = [r.id for page in pages if page is not None for r in page.records]
    assert found == expected_pages(people, matches), typed
    assert found, typed  # every kind finds something: the plans explained are the ones that read rows


@pytest.mark.parametrize(
    ("typed", "walks"), [("c", True), ("c m", True), ("davis", False), ("ma davis", False)]
)
def test_common_words_walk_the_name_order_and_rare_ones_drive(
    filled: tuple[Services, list[Person]], receptionist: Actor, typed: str, walks: bool
) -> None:
    services, _people = filled
    with captured_statements(services.db.engine) as seen:
        page = services.clients.search_page(receptionist, typed)
    assert page.records
    assert any("ORDER BY" in sql for sql, _ in seen) is walks
    # A full page says where the next starts: the last file's place in the order.
    last = page.records[-1]
    assert page.next == (
        SearchCursor(sort_key(last.last_name, last.first_name), last.id) if len(page.records) == 50 else None
    )
