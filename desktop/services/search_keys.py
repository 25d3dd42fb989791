"""Normalised, indexed search keys for client files, and the queries that use them."""

from __future__ import annotations

import re
from datetime import date
from typing import TypeAlias

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Select,
    SQLColumnExpression,
    delete,
    insert,
    select,
    union,
)
from sqlalchemy.orm import Session

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

#: A sub-query of client ids.
ClientIds: TypeAlias = "Select[int] | CompoundSelect[int]"
#: A ClientSummary's fields as selected by SUMMARY_COLUMNS.
SummaryRow: TypeAlias = "tuple[int, str, str, str, date, str, Language, str]"

NAME = "name"
PHONE = "phone"
NAM = "nam"
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
    rows: list[dict[str, object]] = [
        {"client_id": client.id, "kind": NAME, "key": t, "sort_key": order}
        for t in name_tokens(client.last_name, client.first_name)
    ]
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


def _key_prefix(kind: str, prefix: str) -> Select[int]:
    # Name keys are stored cut to MAX_TOKEN_LENGTH characters: a longer token is looked up by those.
    return select(ClientSearchKey.client_id).where(
        ClientSearchKey.kind == kind, *_prefix_range(ClientSearchKey.key, prefix[:MAX_TOKEN_LENGTH])
    )


def _number_lookup(number: str) -> ClientIds:
    """Files with a phone or a file number starting with the digits typed, and, for up to six digits, the
    file with that number ("44" finds 000044: people drop the leading zeros). One flat union: SQLite
    refuses a nested one."""
    lookups = [
        _key_prefix(PHONE, number),
        select(Client.id).where(*_prefix_range(Client.file_number, number)),
    ]
    if len(number) <= FILE_NUMBER_DIGITS:
        lookups.append(select(Client.id).where(Client.file_number == format_file_number(int(number))))
    return union(*lookups)


def query_filters(text: str) -> list[ClientIds]:
    """One sub-query of client ids per thing typed; a client must match all of them."""
    text = text.strip()[:200]
    if not text:
        return []
    if _NAM_PREFIX.fullmatch(text.upper()):
        return [_key_prefix(NAM, normalise_nam(text))]
    whole_date = read_date(text)
    if whole_date is not None:
        return [select(Client.id).where(Client.date_of_birth == whole_date)]
    if _PHONE_LIKE.match(text):
        number = digits(text)
        return [_number_lookup(number)] if number else []
    filters: list[ClientIds] = []
    for raw in text.split():
        day = read_date(raw)
        if day is not None:
            filters.append(select(Client.id).where(Client.date_of_birth == day))
        elif _PHONE_LIKE.match(raw):
            number = digits(raw)
            if number:
                filters.append(_number_lookup(number))
        else:
            filters.extend(_key_prefix(NAME, token) for token in query_tokens(raw))
    return filters


def search_conditions(text: str) -> list[ColumnElement[bool]]:
    """Each filter becomes ``clients.id IN (indexed sub-query)``; an empty list means nothing to search."""
    return [Client.id.in_(f) for f in query_filters(text)]


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


def search_statement(text: str, *, offset: int = 0, limit: int = 50) -> Select[*SummaryRow] | None:
    """The page of search results for what was typed, in a stable order; None when nothing was typed.
    Every lookup is an indexed range on the search keys, the date of birth or the file number."""
    conditions = search_conditions(text)
    if not conditions:
        return None
    return (
        select(*SUMMARY_COLUMNS)
        .where(*conditions)
        .order_by(Client.last_name, Client.first_name, Client.id)
        .offset(max(0, offset))
        .limit(limit)
    )
