"""The client-list imports as stored: one import's record and state, its mapping, and the key under
which the mapping is offered again for a file with the same headers."""

from __future__ import annotations

import hashlib
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.models import ClientImport, ClientImportRow
from desktop.domain.enums import Language
from desktop.domain.errors import FrontDeskError, NotFoundError
from desktop.domain.import_messages import ImportStatusWords, ImportWords
from desktop.domain.import_records import (
    FIELD_NAMES,
    ColumnMapping,
    ImportField,
    ImportStatus,
    RowStatus,
    StagedImport,
)
from desktop.imports.headers import folded_header
from desktop.services.ledger.imported_clients import texts_from_json

_STATUS_WORDS = {
    ImportStatus.STAGED: ImportStatusWords.staged,
    ImportStatus.COMMITTED: ImportStatusWords.committed,
    ImportStatus.CANCELLED: ImportStatusWords.cancelled,
}


def headers_key(headers: list[str]) -> str:
    """The same headers whatever their accents or case (a new export of the same system)."""
    return hashlib.sha256("\x1f".join(folded_header(h) for h in headers).encode()).hexdigest()


def mapping_json(mapping: ColumnMapping) -> str:
    return json.dumps({f.value: h for f, h in mapping.columns.items()}, ensure_ascii=False)


def mapping_from_json(stored: str) -> ColumnMapping:
    return ColumnMapping({ImportField(k): v for k, v in json.loads(stored).items() if k in FIELD_NAMES})


def staged_import(row: ClientImport) -> StagedImport:
    return StagedImport(
        import_id=row.id,
        file_name=row.file_name,
        sha256=row.sha256,
        status=ImportStatus(row.status),
        rows=row.row_count,
        ok=row.ok_count,
        errors=row.error_count,
        possible_duplicates=row.duplicate_count,
        already_imported=row.already_count,
        with_consent=row.consent_count,
        cancelled=row.status == ImportStatus.CANCELLED,
        staged_at=row.staged_at,
    )


def load_import(
    session: Session, import_id: int, *, staged: bool = False, for_update: bool = False
) -> ClientImport:
    query = select(ClientImport).where(ClientImport.id == import_id)
    found = session.scalar(query.with_for_update() if for_update else query)
    if found is None:
        raise NotFoundError(what=ImportWords.subject.filled(id=import_id))
    if staged and found.status != ImportStatus.STAGED:
        raise FrontDeskError("import_not_staged", status=_STATUS_WORDS[ImportStatus(found.status)])
    return found


def report_lines(
    session: Session, import_id: int, language: Language | None
) -> tuple[list[str], list[list[str]]]:
    """The file's headers, and the rows not imported (errors, possible duplicates not created, rows
    already imported) as read, each followed by its reasons in ``language`` (French when none)."""
    made = load_import(session, import_id)
    headers: list[str] = json.loads(made.headers)
    lines: list[list[str]] = []
    query = (
        select(
            ClientImportRow.cells, ClientImportRow.reason, ClientImportRow.status, ClientImportRow.same_person
        )
        .where(ClientImportRow.import_id == import_id)
        .order_by(ClientImportRow.row_number)
    )
    for cells, reason, status, same in session.execute(query):
        if status == RowStatus.OK.value or (status == RowStatus.POSSIBLE_DUPLICATE.value and same is False):
            continue
        said = "; ".join(t.get(language or Language.FR) for t in texts_from_json(reason))
        row = list(json.loads(cells))
        lines.append(row + [""] * (len(headers) - len(row)) + [said])
    return headers, lines
