"""The possible duplicates of a staged import, each with the person on file it may be (worker thread).

The staged rows name the file numbers they may match; the person's name and date of birth come from the
client search (a search is not an opening of the file, so no access is recorded for a mere comparison).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.domain.import_records import ImportRow, RowStatus
from desktop.domain.records import Actor
from desktop.services import Services
from ui.imports.results_page import DuplicateRow

__all__ = ["MAX_DUPLICATES_SHOWN", "load_duplicates"]

#: Past this many, the rest stay undecided (not created); the manager can import them in a second pass.
MAX_DUPLICATES_SHOWN = 1000
_PAGE = 200


def load_duplicates(services: Services, actor: Actor, import_id: int) -> list[DuplicateRow]:
    rows: list[ImportRow] = []
    while len(rows) < MAX_DUPLICATES_SHOWN:
        page = services.client_import.rows(
            actor, import_id, RowStatus.POSSIBLE_DUPLICATE, offset=len(rows), limit=_PAGE
        )
        rows.extend(page)
        if len(page) < _PAGE:
            break
    people: dict[str, str] = {}
    return [
        DuplicateRow(row, tuple(_who(services, actor, match, people) for match in row.matches))
        for row in rows
    ]


def _who(services: Services, actor: Actor, match: str, known: dict[str, str]) -> str:
    """ "000123 · Tremblay, Marie · 1980-05-17" for a file number; "row 12 of this file" for an earlier row."""
    if match.startswith("row ") and match[4:].isdigit():
        return QCoreApplication.translate("ImportRows", "row {number} of this file").format(number=match[4:])
    if not match.isdigit():
        return match
    if match not in known:
        found = [s for s in services.clients.search(actor, match, limit=5) if s.file_number == match]
        if found:
            person = found[0]
            known[match] = " · ".join(
                (
                    person.file_number,
                    f"{person.last_name}, {person.first_name}",
                    person.date_of_birth.isoformat(),
                )
            )
        else:
            known[match] = QCoreApplication.translate("ImportRows", "file {number}").format(number=match)
    return known[match]
