"""The checks of ``frontdesk db check`` that concern the ledgers: their triggers as defined and
enabled, the stored PDFs against their SHA-256, and the database against each witness."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, select, text

from desktop.db.models import APPEND_ONLY_TABLES, AcknowledgmentDocument, AuditRecord
from desktop.seal.witness import (
    RESTORE_ACTION,
    WitnessUnreadable,
    compare,
    key_id,
    load_key,
    read_witness,
    witness_path,
)
from desktop.services.witnessing import database_label, recorded_witnesses

_SHOWN = 10
# pg_trigger.tgtype bits (see PostgreSQL's catalog/pg_trigger.h).
_PG_ROW, _PG_BEFORE, _PG_DELETE, _PG_UPDATE, _PG_TRUNCATE = 1, 2, 8, 16, 32
#: pg_trigger.tgenabled values under which a trigger fires in an ordinary session ('R': replica
#: only, 'D': disabled; both let changes through unseen).
_PG_FIRING = ("O", "A")
_PG_FUNCTION_BODY = (
    "BEGIN RAISE EXCEPTION 'append-only table %: % refused', TG_TABLE_NAME, TG_OP "
    "USING ERRCODE = 'insufficient_privilege'; END;"
)


@dataclass(frozen=True)
class Outcome:
    problems: list[str]
    warnings: list[str]
    summary: str


def _normalised(sql: str | None) -> str:
    return " ".join(str(sql or "").split())


def sqlite_trigger_sql(table: str, operation: str) -> str:
    """Exactly what migration 0001 creates: a trigger with any other text (``WHEN 0``) is neutered."""
    return (
        f"CREATE TRIGGER {table}_no_{operation.lower()} BEFORE {operation} ON {table} "
        f"BEGIN SELECT RAISE(ABORT, 'append-only table {table}: {operation} refused'); END"
    )


def trigger_problems(connection: Connection) -> list[str]:
    if connection.dialect.name == "sqlite":
        return _sqlite_trigger_problems(connection)
    return _postgres_trigger_problems(connection)


def _sqlite_trigger_problems(connection: Connection) -> list[str]:
    stored = {
        str(name): _normalised(str(sql))
        for name, sql in connection.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
        )
    }
    problems = []
    for table in APPEND_ONLY_TABLES:
        missing = [op for op in ("UPDATE", "DELETE") if f"{table}_no_{op.lower()}" not in stored]
        if missing:
            problems.append(f"missing or disabled on {table} ({', '.join(missing)})")
        for operation in ("UPDATE", "DELETE"):
            name = f"{table}_no_{operation.lower()}"
            if name in stored and stored[name] != _normalised(sqlite_trigger_sql(table, operation)):
                problems.append(f"{table}: {operation} trigger altered (its definition is not FrontDesk's)")
    return problems


def _postgres_trigger_problems(connection: Connection) -> list[str]:
    rows = connection.execute(
        text(
            "SELECT c.relname, t.tgname, t.tgtype, t.tgenabled, p.proname FROM pg_trigger t "
            "JOIN pg_class c ON c.oid = t.tgrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "JOIN pg_proc p ON p.oid = t.tgfoid "
            "WHERE NOT t.tgisinternal AND n.nspname = current_schema()"
        )
    ).all()
    found = {(str(r.relname), str(r.tgname)): r for r in rows}
    expected_types = {
        "append_only": _PG_ROW | _PG_BEFORE | _PG_UPDATE | _PG_DELETE,
        "no_truncate": _PG_BEFORE | _PG_TRUNCATE,
    }
    problems = []
    for table in APPEND_ONLY_TABLES:
        for suffix, tgtype in expected_types.items():
            row = found.get((table, f"{table}_{suffix}"))
            what = "UPDATE/DELETE" if suffix == "append_only" else "TRUNCATE"
            if row is None:
                problems.append(f"missing or disabled on {table} ({what.replace('/', ', ')})")
            elif int(row.tgtype) != tgtype or row.proname != "frontdesk_refuse_change":
                problems.append(f"{table}: {what} trigger altered (its definition is not FrontDesk's)")
            elif str(row.tgenabled) not in _PG_FIRING:
                state = "ENABLE REPLICA" if str(row.tgenabled) == "R" else "DISABLED"
                problems.append(f"{table}: {what} trigger does not fire ({state})")
    body = connection.scalar(
        text(
            "SELECT p.prosrc FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
            "WHERE p.proname = 'frontdesk_refuse_change' AND n.nspname = current_schema()"
        )
    )
    if body is None:
        problems.append("the function frontdesk_refuse_change is missing")
    elif _normalised(body) != _PG_FUNCTION_BODY:
        problems.append("the function frontdesk_refuse_change was altered")
    return problems


def pdf_problems(connection: Connection) -> tuple[int, list[str]]:
    """Each stored acknowledgment PDF recomputed against its recorded SHA-256."""
    docs = AcknowledgmentDocument.__table__
    checked, after = 0, 0
    problems: list[str] = []
    while True:
        rows = connection.execute(
            select(docs.c.id, docs.c.acknowledgment_id, docs.c.pdf, docs.c.sha256)
            .where(docs.c.id > after)
            .order_by(docs.c.id)
            .limit(200)
        ).all()
        if not rows:
            return checked, problems
        for row in rows:
            checked += 1
            if hashlib.sha256(row.pdf or b"").hexdigest() != row.sha256:
                problems.append(
                    f"acknowledgment_documents id {row.id} (acknowledgment {row.acknowledgment_id}): "
                    "the PDF does not match its SHA-256"
                )
        after = rows[-1].id


def witness_outcome(
    connection: Connection, url: str, workstation: str, given: Sequence[Path] = ()
) -> Outcome:
    """The database against this workstation's witnesses (those the database records) and each
    witness file given. A witness the database records but that cannot be read is a failure."""
    problems: list[str] = []
    warnings: list[str] = []
    label = database_label(url)
    key = load_key(create=False)
    paths = [(witness_path(w), True) for w in recorded_witnesses_on(connection, workstation)]
    paths += [(p, False) for p in given]
    compared = 0
    restored_at = connection.scalar(
        select(AuditRecord.at).where(AuditRecord.action == RESTORE_ACTION).order_by(AuditRecord.id.desc())
    )
    for path, recorded in paths:
        try:
            witness = read_witness(path)
        except WitnessUnreadable as error:
            problems.append(
                f"witness {error}" + (" (the database records it was written)" if recorded else "")
            )
            continue
        if recorded and witness.database != label:
            continue  # the witness of the database this one was copied from
        name = f"witness {path.name} ({witness.workstation}, {witness.written_at})"
        if key is not None and witness.key_id == key_id(key):
            if witness.expected_mac(key) != witness.mac:
                problems.append(f"{name}: the file was altered (its keyed head does not match)")
                continue
        else:
            warnings.append(f"{name}: kept with another workstation's key, its head not verified here")
        differences = compare(connection, witness)
        if differences and restored_at is not None and witness.written_at < restored_at.isoformat():
            warnings.append(f"{name}: predates the restore of {restored_at:%Y-%m-%d %H:%M} UTC")
            continue
        compared += 1
        problems += [f"{name}: {d}" for d in differences[:_SHOWN]]
        if len(differences) > _SHOWN:
            problems.append(f"{name}: {len(differences) - _SHOWN} more differences")
    return Outcome(problems, warnings, f"database matches {compared} witness(es)")


def recorded_witnesses_on(connection: Connection, workstation: str) -> list[str]:
    from sqlalchemy.orm import Session

    with Session(bind=connection) as session:
        return recorded_witnesses(session, workstation)
