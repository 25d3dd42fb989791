"""Bringing in a clinic's client list (CSV): analyse the file, preview its rows as they will be saved,
stage them (validated as typed entries, outside the client tables, in short transactions), let the
manager decide each possible duplicate, then move them in in one step, or cancel. Manager role;
audited with the row counts and the file's SHA-256 (never a client's data)."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from contextlib import closing
from functools import partial
from itertools import islice
from pathlib import Path

from sqlalchemy import ColumnElement, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session

from desktop.db.database import Database
from desktop.db.models import ClientImport, ClientImportRow
from desktop.domain.errors import FrontDeskError
from desktop.domain.file_numbers import format_file_number
from desktop.domain.import_messages import ImportWords
from desktop.domain.import_records import (
    ColumnMapping,
    FileOptions,
    ImportAnalysis,
    ImportField,
    ImportResult,
    ImportRow,
    ImportStatus,
    RowStatus,
    StagedImport,
)
from desktop.domain.records import Actor
from desktop.imports.dates import detect_date_order
from desktop.imports.headers import guess_mapping
from desktop.imports.reading import (
    RawRow,
    count_rows,
    detect_encoding,
    detect_separator,
    file_sha256,
    read_rows,
)
from desktop.imports.rows import ConvertedRow, RowReader
from desktop.paths import write_owner_only
from desktop.reports.csv_safe import csv_bytes
from desktop.services.clock import Clock
from desktop.services.ledger.imported_clients import (
    classify,
    import_row,
    insert_clients,
    record_imported_consent,
    staged_values,
)
from desktop.services.permissions import Permission
from desktop.services.queries.client_imports import (
    headers_key,
    load_import,
    mapping_from_json,
    mapping_json,
    report_lines,
    staged_import,
)
from desktop.services.unit_of_work import UnitOfWork, run

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

#: Rows validated and staged per transaction (short: the desk keeps working while a list is staged).
BATCH_ROWS = 1000
#: Staged rows moved into the client tables per statement of the final step (its one transaction).
COMMIT_CHUNK = 5000
#: Rows read to tell the date order.
_DATE_SAMPLE = 500
_PERMISSION = Permission.MANAGE_CLINIC


def _creating() -> ColumnElement[bool]:
    """The staged rows the final step makes into clients: ok, or a possible duplicate said different."""
    return or_(
        ClientImportRow.status == RowStatus.OK.value,
        (ClientImportRow.status == RowStatus.POSSIBLE_DUPLICATE.value)
        & ClientImportRow.same_person.is_(False),
    )


def _clear_staged(session: Session, import_id: int) -> None:
    session.execute(delete(ClientImportRow).where(ClientImportRow.import_id == import_id, _creating()))
    session.execute(update(ClientImportRow).where(ClientImportRow.import_id == import_id).values(client=None))


def _batches(rows: Iterator[RawRow], size: int) -> Iterator[list[RawRow]]:
    while batch := list(islice(rows, size)):
        yield batch


class ClientImportService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def _check_role(self, actor: Actor) -> None:
        run(self._db, self._clock, actor, _PERMISSION, lambda uow: None, write=False)

    def analyse(self, actor: Actor, path: Path) -> ImportAnalysis:
        """What the file is: its encoding, separator and date order as detected, its headers and rows,
        the mapping guessed from the headers and the one used last for the same headers."""
        self._check_role(actor)
        sha256 = file_sha256(path)
        encoding = detect_encoding(path)
        separator = detect_separator(path, encoding)
        headers, rows = read_rows(path, encoding, separator)
        guessed, unknown = guess_mapping(headers)
        birth = guessed.header_for(ImportField.DATE_OF_BIRTH)
        column = headers.index(birth) if birth is not None else None
        samples: list[str] = []
        count = 0
        for row in rows:
            count += 1
            if column is not None and count <= _DATE_SAMPLE and column < len(row.cells):
                samples.append(row.cells[column])
        order = detect_date_order(samples)
        key = headers_key(headers)

        def remembered(uow: UnitOfWork) -> ColumnMapping | None:
            stored = uow.session.scalar(
                select(ClientImport.mapping)
                .where(ClientImport.headers_key == key, ClientImport.status == ImportStatus.COMMITTED)
                .order_by(ClientImport.id.desc())
                .limit(1)
            )
            if stored is None:
                return None
            mapping = mapping_from_json(stored)
            known = set(headers)
            return mapping if all(h in known for h in mapping.columns.values()) else None

        return ImportAnalysis(
            file_name=path.name,
            sha256=sha256,
            detected=FileOptions(encoding, separator, order),
            headers=tuple(headers),
            row_count=count,
            guessed=guessed,
            remembered=run(self._db, self._clock, actor, _PERMISSION, remembered, write=False),
            unknown_headers=unknown,
        )

    def preview(
        self, actor: Actor, path: Path, options: FileOptions, mapping: ColumnMapping, rows: int = 20
    ) -> list[ImportRow]:
        """The first ``rows`` rows as they will be saved, with their problems and possible duplicates."""
        self._check_role(actor)
        headers, raw = read_rows(path, options.encoding, options.separator)
        with closing(raw):
            reader = RowReader(headers, options, mapping, self._clock.today())
            converted = [reader.convert(r) for r in islice(raw, max(0, rows))]

        def work(uow: UnitOfWork) -> list[ImportRow]:
            return [
                ImportRow(
                    row_number=row.number,
                    status=found.status,
                    values=row.values,
                    problems=tuple(found.problems),
                    flagged=row.flagged,
                    matches=tuple(found.matches),
                )
                for row, found in zip(converted, classify(uow.session, converted, None), strict=True)
            ]

        return run(self._db, self._clock, actor, _PERMISSION, work, write=False)

    def stage(
        self,
        actor: Actor,
        path: Path,
        options: FileOptions,
        mapping: ColumnMapping,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> StagedImport:
        """Every row validated and staged, :data:`BATCH_ROWS` per transaction. ``cancelled()`` true
        between two batches stops it: what was staged is removed and the import is cancelled."""
        self._check_role(actor)
        sha256 = file_sha256(path)
        total = count_rows(path, options.encoding, options.separator)
        headers, raw = read_rows(path, options.encoding, options.separator)
        try:
            reader = RowReader(headers, options, mapping, self._clock.today())
        except FrontDeskError:
            raw.close()
            raise

        def start(uow: UnitOfWork) -> int:
            made = ClientImport(
                sha256=sha256,
                file_name=path.name[:255],
                headers=json.dumps(headers, ensure_ascii=False),
                headers_key=headers_key(headers),
                options=json.dumps([options.encoding, options.separator, options.date_order.value]),
                mapping=mapping_json(mapping),
                status=ImportStatus.STAGED.value,
                row_count=0, ok_count=0, error_count=0, duplicate_count=0, already_count=0,
                consent_count=0, created_count=0,
                staged_by_id=uow.staff_id,
                staged_at=uow.now,
                clinic_id=uow.clinic_id,
            )  # fmt: skip
            uow.session.add(made)
            uow.session.flush()
            return made.id

        import_id = run(self._db, self._clock, actor, _PERMISSION, start)
        try:
            stopped = self._stage_rows(actor, import_id, reader, raw, total, progress, cancelled)
        except BaseException:
            # A failure halfway (a file that turns unreadable, the database gone) leaves no half-staged
            # import that a later commit would take for the whole file.
            raw.close()
            self._cancel_quietly(actor, import_id)
            raise
        if stopped:
            raw.close()
            self.cancel(actor, import_id)
            return self._read(actor, import_id)
        return run(
            self._db, self._clock, actor, _PERMISSION, lambda uow: self._finish_staging(uow, import_id)
        )

    def _stage_rows(
        self,
        actor: Actor,
        import_id: int,
        reader: RowReader,
        raw: Iterator[RawRow],
        total: int,
        progress: Progress | None,
        cancelled: Cancelled | None,
    ) -> bool:
        """Stages the rows batch by batch; True when the person stopped it."""
        done = 0
        if progress is not None:
            progress(0, total)
        for batch in _batches(raw, BATCH_ROWS):
            if cancelled is not None and cancelled():
                return True
            converted = [reader.convert(r) for r in batch]
            stage_batch = partial(self._stage_batch, import_id=import_id, converted=converted)
            run(self._db, self._clock, actor, _PERMISSION, stage_batch)
            done += len(batch)
            if progress is not None:
                progress(done, total)
        return cancelled is not None and cancelled()

    def _cancel_quietly(self, actor: Actor, import_id: int) -> None:
        try:
            self.cancel(actor, import_id)
        except Exception:  # the failure being raised is the one to report
            log.warning("import %s: could not be cancelled after a failure", import_id, exc_info=True)

    @staticmethod
    def _stage_batch(uow: UnitOfWork, import_id: int, converted: list[ConvertedRow]) -> None:
        load_import(uow.session, import_id, staged=True)
        found = classify(uow.session, converted, import_id)
        uow.session.execute(
            insert(ClientImportRow),
            [staged_values(row, import_id, f) for row, f in zip(converted, found, strict=True)],
        )

    @staticmethod
    def _finish_staging(uow: UnitOfWork, import_id: int) -> StagedImport:
        made = load_import(uow.session, import_id, staged=True)
        counts = dict(
            uow.session.execute(
                select(ClientImportRow.status, func.count())
                .where(ClientImportRow.import_id == import_id)
                .group_by(ClientImportRow.status)
            ).all()
        )
        made.ok_count = counts.get(RowStatus.OK.value, 0)
        made.error_count = counts.get(RowStatus.ERROR.value, 0)
        made.duplicate_count = counts.get(RowStatus.POSSIBLE_DUPLICATE.value, 0)
        made.already_count = counts.get(RowStatus.ALREADY_IMPORTED.value, 0)
        made.row_count = sum(counts.values())
        made.consent_count = (
            uow.session.scalar(
                select(func.count()).where(
                    ClientImportRow.import_id == import_id,
                    ClientImportRow.consent.is_not(None),
                    ClientImportRow.status.in_((RowStatus.OK.value, RowStatus.POSSIBLE_DUPLICATE.value)),
                )
            )
            or 0
        )
        uow.session.flush()
        uow.audit(
            "client_import.stage",
            "client_import",
            import_id,
            f"rows={made.row_count} ok={made.ok_count} errors={made.error_count} "
            f"duplicates={made.duplicate_count} already={made.already_count} sha256={made.sha256}",
        )
        return staged_import(made)

    def _read(self, actor: Actor, import_id: int) -> StagedImport:
        return run(
            self._db,
            self._clock,
            actor,
            _PERMISSION,
            lambda uow: staged_import(load_import(uow.session, import_id)),
            write=False,
        )

    def get(self, actor: Actor, import_id: int) -> StagedImport:
        return self._read(actor, import_id)

    def rows(
        self,
        actor: Actor,
        import_id: int,
        status: RowStatus | None = None,
        *,
        offset: int = 0,
        limit: int = 200,
    ) -> list[ImportRow]:
        """The staged rows (those of ``status``) in the file's order."""

        def work(uow: UnitOfWork) -> list[ImportRow]:
            load_import(uow.session, import_id)
            query = select(ClientImportRow).where(ClientImportRow.import_id == import_id)
            if status is not None:
                query = query.where(ClientImportRow.status == status.value)
            query = (
                query.order_by(ClientImportRow.row_number)
                .offset(max(0, offset))
                .limit(max(1, min(limit, 1000)))
            )
            return [import_row(r) for r in uow.session.scalars(query)]

        return run(self._db, self._clock, actor, _PERMISSION, work, write=False)

    def decide(self, actor: Actor, import_id: int, row_number: int, same_person: bool) -> None:
        """The manager's word on a possible duplicate: the same person (not created) or a different one."""

        def work(uow: UnitOfWork) -> None:
            load_import(uow.session, import_id, staged=True)
            row = uow.session.scalar(
                select(ClientImportRow).where(
                    ClientImportRow.import_id == import_id, ClientImportRow.row_number == row_number
                )
            )
            if row is None or row.status != RowStatus.POSSIBLE_DUPLICATE:
                raise FrontDeskError("import_row_not_duplicate", row=row_number)
            row.same_person = same_person
            uow.audit(
                "client_import.decide",
                "client_import",
                import_id,
                f"row={row_number} {'same_person' if same_person else 'different_person'}",
            )

        run(self._db, self._clock, actor, _PERMISSION, work)

    def commit(
        self, actor: Actor, import_id: int, *, consent_is_clinic_evidence: bool = False
    ) -> ImportResult:
        """One step: the rows ok and the duplicates decided "different person" become clients carrying
        the import's id. A consent the file states is recorded (method ``imported``) only when the
        manager confirms it is the clinic's own evidence; otherwise the clients have no consent."""
        result = run(
            self._db,
            self._clock,
            actor,
            _PERMISSION,
            lambda uow: self._commit(uow, import_id, consent_is_clinic_evidence),
        )
        # Apart, once the clients are in: the staged rows made into clients, and the cleaned values of
        # the others (their cells as read stay for the report).
        run(self._db, self._clock, actor, _PERMISSION, lambda uow: _clear_staged(uow.session, import_id))
        return result

    def _commit(self, uow: UnitOfWork, import_id: int, with_consent: bool) -> ImportResult:
        session = uow.session
        made = load_import(session, import_id, staged=True, for_update=True)
        creating = _creating()
        first_id = last_id = None
        created = consents = after = 0
        # In chunks of the file's order, in this one transaction: the memory used stays flat.
        while chosen := session.execute(
            select(ClientImportRow.row_number, ClientImportRow.client, ClientImportRow.consent)
            .where(ClientImportRow.import_id == import_id, creating, ClientImportRow.row_number > after)
            .order_by(ClientImportRow.row_number)
            .limit(COMMIT_CHUNK)
        ).all():
            made_ids = insert_clients(
                session,
                [json.loads(c or "null") for _, c, _ in chosen],
                import_id=import_id,
                clinic_id=uow.clinic_id,
                staff_id=uow.staff_id,
                now=uow.now,
            )
            if with_consent:
                for client_id, (number, _, stored) in zip(made_ids, chosen, strict=True):
                    consents += record_imported_consent(uow, made, client_id, number, stored)
            first_id = made_ids[0] if first_id is None else first_id
            last_id = made_ids[-1]
            created += len(made_ids)
            after = chosen[-1][0]
        decided = dict(
            session.execute(
                select(ClientImportRow.same_person, func.count())
                .where(
                    ClientImportRow.import_id == import_id,
                    ClientImportRow.status == RowStatus.POSSIBLE_DUPLICATE.value,
                )
                .group_by(ClientImportRow.same_person)
            ).all()
        )
        made.status = ImportStatus.COMMITTED.value
        made.created_count = created
        made.finished_at = uow.now
        result = ImportResult(
            import_id=import_id,
            created=created,
            skipped_same_person=decided.get(True, 0),
            undecided=decided.get(None, 0),
            errors=made.error_count,
            already_imported=made.already_count,
            consents_recorded=consents,
            first_file_number=format_file_number(first_id) if first_id is not None else "",
            last_file_number=format_file_number(last_id) if last_id is not None else "",
        )
        uow.audit(
            "client_import.commit",
            "client_import",
            import_id,
            f"created={result.created} same_person={result.skipped_same_person} undecided={result.undecided} "
            f"errors={result.errors} already={result.already_imported} consents={consents} sha256={made.sha256}",
        )
        return result

    def cancel(self, actor: Actor, import_id: int) -> None:
        """The import stopped before its final step: its staged rows are removed, no client was made."""

        def work(uow: UnitOfWork) -> None:
            made = load_import(uow.session, import_id, staged=True, for_update=True)
            uow.session.execute(delete(ClientImportRow).where(ClientImportRow.import_id == import_id))
            made.status = ImportStatus.CANCELLED.value
            made.finished_at = uow.now
            uow.audit("client_import.cancel", "client_import", import_id, f"sha256={made.sha256}")

        run(self._db, self._clock, actor, _PERMISSION, work)

    def forget_rows(self, actor: Actor, import_id: int) -> int:
        """The rows a committed import kept for its report (cells as read: people's data, some never
        made into clients) removed, once the manager has the report. Rows removed."""

        def work(uow: UnitOfWork) -> int:
            made = load_import(uow.session, import_id)
            if made.status == ImportStatus.STAGED:
                raise FrontDeskError("import_not_finished")
            kept = ClientImportRow.import_id == import_id
            removed = uow.session.scalar(select(func.count()).select_from(ClientImportRow).where(kept)) or 0
            uow.session.execute(delete(ClientImportRow).where(kept))
            uow.audit("client_import.forget_rows", "client_import", import_id, f"rows={removed}")
            return removed

        return run(self._db, self._clock, actor, _PERMISSION, work)

    def write_error_report(self, actor: Actor, import_id: int, path: Path) -> int:
        """The rows not imported (errors, possible duplicates not created, rows already imported): the
        file's columns as read plus the reason, in the manager's language; owner-only. Rows written."""
        language = actor.language

        def work(uow: UnitOfWork) -> tuple[list[str], list[list[str]]]:
            headers, lines = report_lines(uow.session, import_id, language)
            uow.audit("client_import.error_report", "client_import", import_id, f"rows={len(lines)}")
            return headers, lines

        headers, lines = run(self._db, self._clock, actor, _PERMISSION, work)
        reason = ImportWords.reason_header.get(language) if language else ImportWords.reason_header.fr
        write_owner_only(path, csv_bytes([[*headers, reason], *lines]))
        return len(lines)
