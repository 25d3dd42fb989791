"""A page of client search results, and where the next one starts (keyset paging: no offset to skip)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.client_records import ClientSummary


@dataclass(frozen=True, slots=True)
class SearchCursor:
    """The last file of a page, in the results' order (its sort key, then its id)."""

    sort_key: str
    client_id: int


@dataclass(frozen=True, slots=True)
class SearchPage:
    records: list[ClientSummary]
    #: Where the next page starts; None when this page is the last.
    next: SearchCursor | None
