"""The possible duplicates of a staged import, each with the person on file it may be (worker thread).

The staged rows name the file numbers they may match; the person's name and date of birth are read by
those numbers (a comparison is not an opening of the file, so no access is recorded).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.domain.import_records import ImportRow, RowStatus
from desktop.domain.records import Actor, ClientSummary
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
    numbers = sorted({m for row in rows for m in row.matches if m.isdigit()})
    people: dict[str, ClientSummary] = {}
    for start in range(0, len(numbers), _PAGE):
        people |= services.clients.summaries_by_file_number(actor, numbers[start : start + _PAGE])
    return [DuplicateRow(row, tuple(_who(match, people) for match in row.matches)) for row in rows]


def _who(match: str, people: dict[str, ClientSummary]) -> str:
    """ "000123 · Tremblay, Marie · 1980-05-17" for a file number; "row 12 of this file" for an earlier row."""
    if match.startswith("row ") and match[4:].isdigit():
        return QCoreApplication.translate("ImportRows", "row {number} of this file").format(number=match[4:])
    if not match.isdigit():
        return match
    person = people.get(match)
    if person is None:
        return QCoreApplication.translate("ImportRows", "file {number}").format(number=match)
    return " · ".join(
        (person.file_number, f"{person.last_name}, {person.first_name}", person.date_of_birth.isoformat())
    )
