"""Normalised, indexed search keys for client files, and the queries that use them."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from typing import TypeAlias

from sqlalchemy import (
    ColumnElement,
    Select,
    SQLColumnExpression,
    and_,
    delete,
    exists,
    func,
    insert,
    literal,
    or_,
    select,
    tuple_,
)
from sqlalchemy.orm import Session, aliased

from desktop.db.models import Client, ClientSearchKey
from desktop.domain.client_records import ClientSummary
from desktop.domain.dates import read_date
from desktop.domain.enums import Language
from desktop.domain.file_numbers import FILE_NUMBER_DIGITS, format_file_number
from desktop.domain.nam import mask_nam, normalise_nam
from desktop.domain.normalize import (
    MAX_TOKEN_LENGTH,
    digits,
    name_tokens,
    prefix_upper_bound,
    query_tokens,
    sort_key,
)
from desktop.domain.search_pages import SearchCursor, SearchPage

#: A ClientSummary's fields as selected by SUMMARY_COLUMNS.
SummaryRow: TypeAlias = "tuple[int, str, str, str, date, str, Language, str]"

NAME = "name"
PHONE = "phone"
NAM = "nam"
#: The first one and two letters of each name token, stored as keys of their own: what is typed first
#: ("c", "co", "j t") is then one exact key, whose files the covering index gives in name order.
START = "start"
START_LENGTH = 2
_PHONE_LIKE = re.compile(r"^[\d\s()+.\-]+$")
#: A health insurance number or its beginning: typed whole (TREM8005), or spaced as the card to the day of
#: birth at least (a name then a year, "cote 1980", stays a name and a number).
_NAM_PREFIX = re.compile(r"[A-Z]{4}\d{4,8}|[A-Z]{4} \d{4} ?\d{2,4}", re.ASCII)


def phone_keys(e164: str) -> set[str]:
    """'+14185550123' -> full digits, national number, and the 7-digit local part."""
    all_digits = digits(e164)
    if not all_digits:
        return set()
    keys = {all_digits}
    if e164.startswith("+1") and len(all_digits) == 11:
        keys.add(all_digits[1:])
        keys.add(all_digits[4:])
    return keys


def client_keys(
    client: Client, numbers: list[str] | tuple[str, ...] | None = None
) -> list[dict[str, object]]:
    """The search-key rows of a client: name tokens, each number's phone keys (``numbers``, or the file's
    first number), and the health insurance number."""
    order = sort_key(client.last_name, client.first_name)
    tokens = name_tokens(client.last_name, client.first_name)
    rows: list[dict[str, object]] = [
        {"client_id": client.id, "kind": NAME, "key": t, "sort_key": order} for t in tokens
    ]
    starts = {t[:length] for t in tokens for length in range(1, START_LENGTH + 1)}
    rows += [{"client_id": client.id, "kind": START, "key": k, "sort_key": order} for k in sorted(starts)]
    phones: set[str] = set()
    for number in numbers if numbers is not None else (client.phone,):
        phones |= phone_keys(number)
    rows += [{"client_id": client.id, "kind": PHONE, "key": k, "sort_key": order} for k in sorted(phones)]
    if client.health_number:
        rows.append({"client_id": client.id, "kind": NAM, "key": client.health_number, "sort_key": order})
    return rows


def replace_keys(
    session: Session, client: Client, numbers: list[str] | tuple[str, ...] | None = None
) -> None:
    """The client's keys and sort key, after its names or numbers changed."""
    client.sort_key = sort_key(client.last_name, client.first_name)
    session.execute(delete(ClientSearchKey).where(ClientSearchKey.client_id == client.id))
    rows = client_keys(client, numbers)
    if rows:
        session.execute(insert(ClientSearchKey), rows)


def _prefix_range(column: SQLColumnExpression[str], prefix: str) -> list[ColumnElement[bool]]:
    upper = prefix_upper_bound(prefix)
    return [column >= prefix] + ([column < upper] if upper is not None else [])


#: The search keys as seen from a probe: each EXISTS has its own scope, so one alias serves them all (and
#: making an alias per probe cost more than the query).
_PROBE = aliased(ClientSearchKey, name="probe")


def _probe(*conditions: ColumnElement[bool]) -> ColumnElement[bool]:
    """EXISTS, looked up by index for each row it is asked about. Its OFFSET 0 keeps PostgreSQL from
    turning it into a join, which would read every match and sort them, where the walk in name order
    stops at the page's end."""
    return exists(select(literal(1)).where(*conditions).offset(0))


@dataclass(frozen=True)
class _KeyPrefix:
    """Files with a search key of ``kind`` starting with ``prefix``."""

    kind: str
    prefix: str

    def rows(self, others: list[Filter]) -> Select[str, int]:
        """(sort key, client id) of the matches, index-only from (kind, key, sort_key, client_id)."""
        key = ClientSearchKey
        return select(key.sort_key, key.client_id).where(
            key.kind == self.kind,
            *_prefix_range(key.key, self.prefix),
            *(other.holds(key.client_id, on_clients=False) for other in others),
        )

    def holds(self, client_id: SQLColumnExpression[int], *, on_clients: bool) -> ColumnElement[bool]:
        probe = _PROBE
        return _probe(
            probe.client_id == client_id, probe.kind == self.kind, *_prefix_range(probe.key, self.prefix)
        )


@dataclass(frozen=True)
class _ClientsWhere:
    """Files whose own row meets ``condition`` (an indexed column: date of birth, file number)."""

    condition: ColumnElement[bool]

    def rows(self, others: list[Filter]) -> Select[str, int]:
        return select(Client.sort_key, Client.id).where(
            self.condition, *(other.holds(Client.id, on_clients=True) for other in others)
        )

    def holds(self, client_id: SQLColumnExpression[int], *, on_clients: bool) -> ColumnElement[bool]:
        if on_clients:
            return self.condition
        return _probe(Client.id == client_id, self.condition)


_Source: TypeAlias = "_KeyPrefix | _ClientsWhere"


@dataclass(frozen=True)
class Filter:
    """One thing typed: a file matches it through any of its sources (a number: a phone or a file number)."""

    sources: tuple[_Source, ...]

    def holds(self, client_id: SQLColumnExpression[int], *, on_clients: bool) -> ColumnElement[bool]:
        return or_(*(source.holds(client_id, on_clients=on_clients) for source in self.sources))

    def count(self, session: Session, cap: int) -> int:
        """Its matches (a file once per key matched), counted up to ``cap`` + 1 and no further."""
        total = 0
        for source in self.sources:
            capped = source.rows([]).with_only_columns(literal(1)).limit(cap + 1 - total).subquery()
            total += int(session.connection().scalar(select(func.count()).select_from(capped)) or 0)
            if total > cap:
                break
        return total


def _key_prefix(kind: str, prefix: str) -> Filter:
    # Name keys are stored cut to MAX_TOKEN_LENGTH characters: a longer token is looked up by those.
    return Filter((_KeyPrefix(kind, prefix[:MAX_TOKEN_LENGTH]),))


def _born_on(day: date) -> Filter:
    return Filter((_ClientsWhere(Client.date_of_birth == day),))


def _number_lookup(number: str) -> Filter:
    """Files with a phone or a file number starting with the digits typed, and, for up to six digits, the
    file with that number ("44" finds 000044: people drop the leading zeros)."""
    sources: list[_Source] = [
        _KeyPrefix(PHONE, number),
        _ClientsWhere(and_(*_prefix_range(Client.file_number, number))),
    ]
    if len(number) <= FILE_NUMBER_DIGITS:
        sources.append(_ClientsWhere(Client.file_number == format_file_number(int(number))))
    return Filter(tuple(sources))


def query_filters(text: str) -> list[Filter]:
    """One filter per thing typed; a client must match all of them."""
    text = text.strip()[:200]
    if not text:
        return []
    if _NAM_PREFIX.fullmatch(text.upper()):
        return [_key_prefix(NAM, normalise_nam(text))]
    whole_date = read_date(text)
    if whole_date is not None:
        return [_born_on(whole_date)]
    if _PHONE_LIKE.match(text):
        number = digits(text)
        return [_number_lookup(number)] if number else []
    filters: list[Filter] = []
    for raw in text.split():
        day = read_date(raw)
        if day is not None:
            filters.append(_born_on(day))
        elif _PHONE_LIKE.match(raw):
            number = digits(raw)
            if number:
                filters.append(_number_lookup(number))
        else:
            filters.extend(_key_prefix(NAME, token) for token in query_tokens(raw))
    return filters


#: The columns of a ClientSummary, in its field order.
SUMMARY_COLUMNS = (
    Client.id,
    Client.file_number,
    Client.last_name,
    Client.first_name,
    Client.date_of_birth,
    Client.phone,
    Client.preferred_language,
    Client.health_number,
)


def summary(row: SummaryRow) -> ClientSummary:
    """A search line from SUMMARY_COLUMNS: the health insurance number masked."""
    return ClientSummary(*row[:7], masked_health_number=mask_nam(row[7]))


#: A name word typed alone drives (its matches read whole) up to this many matches; above, the walk.
SINGLE_WORD_DRIVE_CAP = 1000


def drive_cap(files: int, limit: int) -> int:
    """Up to how many matches of its rarest filter a search reads them all and sorts them in Python, rather
    than walking the files in name order: where the two cost about the same (a walk reads some
    files / matches rows per result wanted)."""
    return max(500, min(10_000, int(math.sqrt(max(1, files) * limit))))


def driven_statements(rarest: Filter, others: list[Filter]) -> list[Select[str, int]]:
    """Every match of the rarest filter that meets the others (probed by index), unordered."""
    return [source.rows(others) for source in rarest.sources]


def _after(after: SearchCursor | None) -> list[ColumnElement[bool]]:
    if after is None:
        return []
    return [tuple_(Client.sort_key, Client.id) > tuple_(after.sort_key, after.client_id)]


def walk_statement(
    filters: list[Filter], after: SearchCursor | None, limit: int, *where: ColumnElement[bool]
) -> Select[str, int]:
    """The files in name order from the cursor on (and meeting ``where``), each probed for every filter,
    ``limit`` of them: the (sort_key, id) index read in order, stopped at the limit."""
    return (
        select(Client.sort_key, Client.id)
        .where(*where, *(f.holds(Client.id, on_clients=True) for f in filters), *_after(after))
        .order_by(Client.sort_key, Client.id)
        .limit(limit)
    )


def _name_word(f: Filter) -> bool:
    source = f.sources[0]
    return len(f.sources) == 1 and isinstance(source, _KeyPrefix) and source.kind == NAME


def _short_word(f: Filter) -> str | None:
    """The name prefix of a filter typed as one or two letters: a start key, matched exactly."""
    source = f.sources[0]
    if len(f.sources) == 1 and isinstance(source, _KeyPrefix) and source.kind == NAME:
        return source.prefix if len(source.prefix) <= START_LENGTH else None
    return None


def start_walk_statement(
    start: str, others: list[Filter], after: SearchCursor | None, limit: int, *where: ColumnElement[bool]
) -> Select[str, int]:
    """The files with the start key ``start``, in name order from the cursor on, each probed for the
    ``others``: one range of the covering index (kind, key, sort_key, client_id) read in order and stopped
    at the limit. Only the files with that start are crossed, never the whole name order."""
    key = ClientSearchKey
    return (
        select(key.sort_key, key.client_id)
        .where(
            key.kind == START,
            key.key == start,
            *where,
            *(f.holds(key.client_id, on_clients=False) for f in others),
            *(
                [tuple_(key.sort_key, key.client_id) > tuple_(after.sort_key, after.client_id)]
                if after
                else []
            ),
        )
        .order_by(key.sort_key, key.client_id)
        .limit(limit)
    )


def _start_walk(
    session: Session, filters: list[Filter], shorts: list[int], after: SearchCursor | None, limit: int
) -> list[tuple[str, int]]:
    """Walk the start of the longest of the words typed as one or two letters (its files are fewer)."""
    lead = max(shorts, key=lambda n: len(_short_word(filters[n]) or ""))
    others = filters[:lead] + filters[lead + 1 :]
    return _pairs(session, start_walk_statement(_short_word(filters[lead]) or "", others, after, limit))


def _pairs(session: Session, statement: Select[str, int]) -> list[tuple[str, int]]:
    # Core, not the ORM: thousands of plain pairs, which the ORM's row loading would cost more than reading.
    return [(k, i) for k, i in session.connection().execute(statement).all()]


def _leading(column: SQLColumnExpression[str], word: str) -> ColumnElement[bool]:
    """The last name starts with ``word``: its sort key does, a range of the name order. Every such file
    has a name key starting with it (its last name's first token)."""
    return and_(*_prefix_range(column, word))


def _split_walk(
    session: Session, filters: list[Filter], lead: int, after: SearchCursor | None, limit: int, cap: int
) -> list[tuple[str, int]]:
    """Every filter common, the ``lead`` one a name word: a walk of all files in name order would cross
    every file before the names starting with it ("tremblay" near the end). So its matches are read in two
    parts, merged: the files whose last name starts with it, a range of the name order walked from its
    start; and the others (first names, later words of names), spread evenly over the order, walked, or
    read whole when few."""
    word = filters[lead].sources[0].prefix  # type: ignore[union-attr]
    others = filters[:lead] + filters[lead + 1 :]
    found = set(_pairs(session, walk_statement(others, after, limit, _leading(Client.sort_key, word))))
    key = ClientSearchKey
    scattered = select(key.sort_key, key.client_id).where(
        key.kind == NAME, *_prefix_range(key.key, word), ~_leading(key.sort_key, word)
    )
    few = select(func.count()).select_from(scattered.with_only_columns(literal(1)).limit(cap + 1).subquery())
    if int(session.scalar(few) or 0) <= cap:
        probed = scattered.where(*(f.holds(key.client_id, on_clients=False) for f in others))
        found.update(
            m for m in _pairs(session, probed) if after is None or m > (after.sort_key, after.client_id)
        )
    else:
        # Before the range and after it: two ordered walks of the files that have the word's start (a
        # few in a hundred of all files), each a range of the covering index.
        start, sort_order = word[:START_LENGTH], ClientSearchKey.sort_key
        upper = prefix_upper_bound(word)
        for outside in [sort_order < word] + ([sort_order >= upper] if upper is not None else []):
            found.update(_pairs(session, start_walk_statement(start, filters, after, limit, outside)))
    return sorted(found)[:limit]


def search_page(session: Session, text: str, after: SearchCursor | None, limit: int) -> SearchPage:
    """The page of files matching what was typed after ``after``, in name order. Its cost does not grow
    with the number of files: the rarest filter's matches (at most drive_cap) read from the covering
    index, or, when every filter matches many files, an ordered walk that soon finds ``limit`` (see
    _split_walk)."""
    filters = query_filters(text)
    if not filters:
        return SearchPage([], None)
    shorts = [n for n, f in enumerate(filters) if _short_word(f) is not None]
    if shorts and len(filters) == 1:
        # A first letter or two: its start key read in name order, nothing to count.
        return _page(session, _start_walk(session, filters, shorts, after, limit + 1), limit)
    files = int(session.scalar(select(func.max(Client.id))) or 0)
    cap = drive_cap(files, limit)
    # One name word alone is walked from where the last names start with it, which soon fills a page:
    # reading all its matches pays only when they are few.
    drive = min(cap, SINGLE_WORD_DRIVE_CAP) if len(filters) == 1 and _name_word(filters[0]) else cap
    counts = []
    for f in filters:
        counts.append(f.count(session, drive))
        if counts[-1] == 0:
            return SearchPage([], None)
    rarest = counts.index(min(counts))
    found: list[tuple[str, int]]
    if counts[rarest] > drive and shorts:
        found = _start_walk(session, filters, shorts, after, limit + 1)
    elif counts[rarest] <= drive:
        others = filters[:rarest] + filters[rarest + 1 :]
        matches: list[tuple[str, int]] = []
        for statement in driven_statements(filters[rarest], others):
            # Plain tuples: sorting SQLAlchemy rows compares them in Python.
            matches += [(k, i) for k, i in session.connection().execute(statement).all()]
        if after is not None:
            matches = [m for m in matches if m > (after.sort_key, after.client_id)]
        found = _first_distinct(sorted(matches), limit + 1)
    else:
        words = [n for n, f in enumerate(filters) if _name_word(f)]
        if words:
            found = _split_walk(session, filters, words[0], after, limit + 1, cap)
        else:
            found = list(_pairs(session, walk_statement(filters, after, limit + 1)))
    return _page(session, found, limit)


def _first_distinct(ordered: list[tuple[str, int]], wanted: int) -> list[tuple[str, int]]:
    """The first ``wanted`` different pairs of a sorted list (a file matched by two of its keys comes
    twice, side by side): thousands of matches are sorted in C, and only the page's are looked at."""
    distinct: list[tuple[str, int]] = []
    for pair in ordered:
        if not distinct or pair != distinct[-1]:
            distinct.append(pair)
            if len(distinct) == wanted:
                break
    return distinct


def _page(session: Session, found: list[tuple[str, int]], limit: int) -> SearchPage:
    """The page's records from (sort key, id) pairs in name order, one more than ``limit`` telling that
    another page follows."""
    page = found[:limit]
    rows = {
        row[0]: row
        for row in session.execute(select(*SUMMARY_COLUMNS).where(Client.id.in_([i for _, i in page])))
    }
    records = [summary(rows[i]) for _, i in page if i in rows]
    more = len(found) > limit and page
    return SearchPage(records, SearchCursor(*page[-1]) if more else None)
