"""The checks of ``frontdesk db check`` that concern the ledgers: their triggers as defined and
enabled, the stored PDFs against their SHA-256, and the database against each witness."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, and_, inspect, select, text

from desktop.db.models import APPEND_ONLY_TABLES, AcknowledgmentDocument, AuditRecord, Base
from desktop.seal.digest import (
    blank_by_nature,
    erasable_tables,
    erased_value,
    is_erased,
    is_personal,
    personal_columns,
)
from desktop.seal.erasure import ERASURE_ACTION, erasures, erasures_of
from desktop.seal.witness import (
    RESTORE_ACTION,
    WitnessUnreadable,
    compare,
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
_PG_REFUSE = (
    "BEGIN RAISE EXCEPTION 'append-only table %: % refused', TG_TABLE_NAME, TG_OP "
    "USING ERRCODE = 'insufficient_privilege'; END;"
)
#: Migration 0008's guard of the ledgers that hold personal fields: an UPDATE that only blanks them,
#: on a row an erasure record names (the personal columns are the trigger's arguments).
_PG_ERASE_ONLY = (
    "DECLARE personal text[] := TG_ARGV; field text; "
    "BEGIN IF TG_OP = 'UPDATE' AND to_jsonb(NEW) - personal = to_jsonb(OLD) - personal "
    "AND EXISTS ( SELECT 1 FROM audit_records a WHERE a.action = 'erasure' "
    "AND a.entity_type = TG_TABLE_NAME AND a.entity_id = OLD.id::text ) "
    "THEN FOREACH field IN ARRAY personal LOOP "
    "IF coalesce(to_jsonb(NEW) ->> field, '') NOT IN ('', '\\x') THEN "
    "RAISE EXCEPTION 'append-only table %: % refused', TG_TABLE_NAME, TG_OP "
    "USING ERRCODE = 'insufficient_privilege'; END IF; END LOOP; RETURN NEW; END IF; "
    "RAISE EXCEPTION 'append-only table %: % refused', TG_TABLE_NAME, TG_OP "
    "USING ERRCODE = 'insufficient_privilege'; END;"
)
#: The revision that gave the ledgers with personal fields their erasure guard.
ERASURE_GUARD_REVISION = "0008"
#: Ledgers created after the first schema, by the revision that creates them (and their guards).
LEDGER_REVISIONS = {
    "appointment_events": "0009",
    "reminder_records": "0011",
    **dict.fromkeys(
        (
            "disclosures",
            "disclosure_clients",
            "incidents",
            "incident_versions",
            "access_requests",
            "access_request_events",
            "legal_hold_events",
            "anonymisations",
        ),
        "0017",
    ),
}
_PG_FUNCTIONS = {"frontdesk_refuse_change": _PG_REFUSE, "frontdesk_erase_only": _PG_ERASE_ONLY}


@dataclass(frozen=True)
class Outcome:
    problems: list[str]
    warnings: list[str]
    summary: str


def _normalised(sql: str | None) -> str:
    return " ".join(str(sql or "").split())


def sqlite_trigger_sql(table: str, operation: str, erasure: bool = True) -> str:
    """Exactly what migrations 0001 and 0008 create: a trigger with any other text (``WHEN 0``) is
    neutered. A ledger with personal fields lets through only their recorded erasure (0008)."""
    condition = ""
    t = Base.metadata.tables[table]
    personal = personal_columns(t)
    if operation == "UPDATE" and personal and erasure:
        unchanged = [f'NEW."{c.name}" IS OLD."{c.name}"' for c in t.c if not is_personal(c)]
        blanked = [f'NEW."{c.name}" IS {_sql_literal(erased_value(c))}' for c in personal]
        recorded = (
            f"EXISTS (SELECT 1 FROM audit_records WHERE action = '{ERASURE_ACTION}' "  # noqa: S608 (our own names)
            f"AND entity_type = '{table}' AND entity_id = CAST(OLD.id AS TEXT))"
        )
        condition = f"WHEN NOT ({' AND '.join([*unchanged, *blanked, recorded])}) "
    return (
        f"CREATE TRIGGER {table}_no_{operation.lower()} BEFORE {operation} ON {table} {condition}"
        f"BEGIN SELECT RAISE(ABORT, 'append-only table {table}: {operation} refused'); END"
    )


def _sql_literal(value: str | bytes | None) -> str:
    return "NULL" if value is None else "X''" if isinstance(value, bytes) else "''"


def postgres_guard_sql(table: str) -> str:
    """The row trigger migrations 0001 and 0008 create on PostgreSQL."""
    function, arguments = _postgres_guard(table)
    return (
        f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {function}({', '.join(repr(a) for a in arguments)})"
    )


def _postgres_guard(table: str, erasure: bool = True) -> tuple[str, tuple[str, ...]]:
    personal = tuple(c.name for c in personal_columns(Base.metadata.tables[table]))
    return ("frontdesk_erase_only", personal) if personal and erasure else ("frontdesk_refuse_change", ())


def trigger_problems(connection: Connection) -> list[str]:
    """The guards as the database's schema revision defines them: a backup or database from before
    migration 0008 (upgraded when FrontDesk opens it) has the guards of 0001 throughout, and a ledger
    is looked for only from the revision that creates it."""
    revision = _revision(connection)
    erasure = revision is None or revision >= ERASURE_GUARD_REVISION
    ledgers = tuple(
        t for t in APPEND_ONLY_TABLES if revision is None or revision >= LEDGER_REVISIONS.get(t, "0001")
    )
    if connection.dialect.name == "sqlite":
        return _sqlite_trigger_problems(connection, erasure, ledgers)
    return _postgres_trigger_problems(connection, erasure, ledgers)


def _revision(connection: Connection) -> str | None:
    """The schema revision (None: no alembic_version, or an empty one: taken as the latest)."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    revision = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    return None if revision is None else str(revision)


def _sqlite_trigger_problems(connection: Connection, erasure: bool, ledgers: tuple[str, ...]) -> list[str]:
    stored = {
        str(name): _normalised(str(sql))
        for name, sql in connection.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
        )
    }
    problems = []
    for table in ledgers:
        missing = [op for op in ("UPDATE", "DELETE") if f"{table}_no_{op.lower()}" not in stored]
        if missing:
            problems.append(f"missing or disabled on {table} ({', '.join(missing)})")
        for operation in ("UPDATE", "DELETE"):
            name = f"{table}_no_{operation.lower()}"
            if name in stored and stored[name] != _normalised(sqlite_trigger_sql(table, operation, erasure)):
                problems.append(f"{table}: {operation} trigger altered (its definition is not FrontDesk's)")
    return problems


def _postgres_trigger_problems(connection: Connection, erasure: bool, ledgers: tuple[str, ...]) -> list[str]:
    rows = connection.execute(
        text(
            "SELECT c.relname, t.tgname, t.tgtype, t.tgenabled, t.tgargs, p.proname FROM pg_trigger t "
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
    for table in ledgers:
        for suffix, tgtype in expected_types.items():
            row = found.get((table, f"{table}_{suffix}"))
            what = "UPDATE/DELETE" if suffix == "append_only" else "TRUNCATE"
            if row is None:
                problems.append(f"missing or disabled on {table} ({what.replace('/', ', ')})")
            elif int(row.tgtype) != tgtype or (row.proname, _arguments(row.tgargs)) != (
                _postgres_guard(table, erasure)
                if suffix == "append_only"
                else ("frontdesk_refuse_change", ())
            ):
                problems.append(f"{table}: {what} trigger altered (its definition is not FrontDesk's)")
            elif str(row.tgenabled) not in _PG_FIRING:
                state = "ENABLE REPLICA" if str(row.tgenabled) == "R" else "DISABLED"
                problems.append(f"{table}: {what} trigger does not fire ({state})")
    found_bodies = connection.execute(
        text(
            "SELECT p.proname, p.prosrc FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
            "WHERE p.proname IN ('frontdesk_refuse_change', 'frontdesk_erase_only') "
            "AND n.nspname = current_schema()"
        )
    ).all()
    bodies = {str(name): str(body) for name, body in found_bodies}
    for function, expected in _PG_FUNCTIONS.items():
        if function == "frontdesk_erase_only" and not erasure:
            continue
        if function not in bodies:
            problems.append(f"the function {function} is missing")
        elif _normalised(bodies[function]) != _normalised(expected):
            problems.append(f"the function {function} was altered")
    return problems


def _arguments(tgargs: bytes | memoryview | None) -> tuple[str, ...]:
    """pg_trigger.tgargs: each argument followed by a NUL byte."""
    raw = bytes(tgargs or b"")
    return tuple(a.decode("utf-8") for a in raw.split(b"\x00")[:-1])


def pdf_problems(connection: Connection) -> tuple[int, list[str]]:
    """Each stored acknowledgment PDF recomputed against its recorded SHA-256."""
    docs = AcknowledgmentDocument.__table__
    erased = erasures_of(connection, AcknowledgmentDocument.__tablename__)
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
            if row.pdf == b"" and row.id in erased:
                continue  # erased by its recorded event (see erasure_outcome)
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
            witness = read_witness(path, key)
        except WitnessUnreadable as error:
            problems.append(
                f"witness {error}" + (" (the database records it was written)" if recorded else "")
            )
            continue
        if recorded and witness.database != label:
            continue  # the witness of the database this one was copied from
        name = f"witness {path.name} ({witness.workstation}, {witness.written_at})"
        if witness.verified is False:
            problems.append(f"{name}: the file was altered ({witness.alteration})")
            continue
        if witness.verified is None:
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


def erasure_outcome(connection: Connection) -> Outcome:
    """Each erasure record against its row (blanked, as recorded), and each row of a ledger whose
    personal fields cannot all be empty by nature found blank with no erasure record (tampering).
    Whether a row held, before its erasure, what its record says is the witness's to tell."""
    problems: list[str] = []
    erased: list[str] = []
    recorded: dict[str, set[int]] = {}
    for erasure in erasures(connection):
        what = f"{erasure.table} id {erasure.row_id}"
        if (
            erasure.table not in erasable_tables()
            or None in (erasure.digest, erasure.whole_row)
            or erasure.row_id < 0
        ):
            problems.append(f"audit record {erasure.event_id}: an erasure record FrontDesk cannot read")
            continue
        recorded.setdefault(erasure.table, set()).add(erasure.row_id)
        t = Base.metadata.tables[erasure.table]
        row = connection.execute(select(*t.c).where(t.c.id == erasure.row_id)).first()
        if row is None:
            problems.append(f"{what}, erased by event {erasure.event_id}, is missing")
        elif not is_erased(t, row):
            problems.append(
                f"{what}: erased by event {erasure.event_id}, yet its personal fields are present"
            )
        else:
            erased.append(
                f"{what} erased by event {erasure.event_id} ({erasure.at:%Y-%m-%d %H:%M} UTC, {erasure.username})"
            )
    for name in erasable_tables():
        t = Base.metadata.tables[name]
        if blank_by_nature(t):
            continue
        blank = and_(
            *(c.is_(None) if erased_value(c) is None else c == erased_value(c) for c in personal_columns(t))
        )
        row_id: int
        for row_id in connection.scalars(select(t.c.id).where(blank).order_by(t.c.id)):
            if row_id not in recorded.get(name, set()):
                problems.append(f"{name} id {row_id}: personal fields erased with no erasure record")
    if not erased:
        return Outcome(problems, [], "no personal fields erased")
    shown = "; ".join(erased[:_SHOWN]) + (f"; {len(erased) - _SHOWN} more" if len(erased) > _SHOWN else "")
    return Outcome(problems, [], f"{len(erased)} row(s) erased, each by its recorded event: {shown}")
