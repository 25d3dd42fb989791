"""``frontdesk db check``: the audit chain, the database's own consistency checks, the append-only
triggers and the schema revision, each reported on one line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from desktop.db.database import Database
from desktop.db.models import APPEND_ONLY_TABLES, Base
from desktop.maintenance.audit_verify import verify_audit_chain

_SHOWN_PROBLEMS = 10
# pg_trigger.tgtype bits (see PostgreSQL's catalog/pg_trigger.h).
_PG_ROW, _PG_BEFORE, _PG_DELETE, _PG_UPDATE = 1, 2, 8, 16


class Status(StrEnum):
    OK = "ok"
    FAILED = "FAILED"
    WARNING = "warning"
    UNAVAILABLE = "n/a"


@dataclass(frozen=True)
class Finding:
    check: str
    status: Status
    detail: str

    def line(self) -> str:
        return f"[{self.status.value}] {self.check}: {self.detail}"


@dataclass(frozen=True)
class IntegrityReport:
    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        return all(f.status != Status.FAILED for f in self.findings)

    def lines(self) -> list[str]:
        return [f.line() for f in self.findings]

    def finding(self, check: str) -> Finding | None:
        return next((f for f in self.findings if f.check == check), None)


def check_database(engine: Engine) -> IntegrityReport:
    """Every check runs, whatever the others found; an error in one is reported as its failure."""
    checks: list[tuple[str, Callable[[Connection], list[Finding]]]] = [
        ("schema", _schema_revision),
        ("audit chain", _audit_chain),
    ]
    if engine.dialect.name == "sqlite":
        checks += [("integrity_check", _sqlite_integrity), ("foreign_key_check", _sqlite_foreign_keys)]
    else:
        checks += [("amcheck", _postgres_amcheck)]
    checks += [("append-only triggers", _triggers)]
    findings: list[Finding] = []
    for name, check in checks:
        try:
            with engine.connect() as connection:
                findings += check(connection)
        except (SQLAlchemyError, OSError) as error:
            findings.append(Finding(name, Status.FAILED, f"could not run: {_short(error)}"))
    return IntegrityReport(tuple(findings))


def check_database_at(url: str) -> IntegrityReport:
    """The checks on the database at ``url``, opened for them alone (not migrated, not seeded)."""
    db = Database(url)
    try:
        return check_database(db.engine)
    finally:
        db.dispose()


def _short(error: BaseException) -> str:
    if isinstance(error, DBAPIError) and error.orig is not None:
        return str(error.orig).strip().splitlines()[0]
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def _schema_revision(connection: Connection) -> list[Finding]:
    from desktop.maintenance.revisions import known_revision, newest_revision

    current = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    head = newest_revision()
    if current == head:
        return [Finding("schema", Status.OK, f"revision {current} (the newest this version knows)")]
    if current is None or not known_revision(current):
        return [
            Finding("schema", Status.FAILED, f"revision {current} is unknown to this version of FrontDesk")
        ]
    return [
        Finding("schema", Status.WARNING, f"revision {current}, older than {head}: run frontdesk db upgrade")
    ]


def _audit_chain(connection: Connection) -> list[Finding]:
    result = verify_audit_chain(connection)
    if result.ok:
        tail = f"; newest record {result.last_id}, hash {result.last_hash}" if result.last_id else ""
        return [Finding("audit chain", Status.OK, f"{result.checked} records verified{tail}")]
    first = result.breaks[0]
    more = f" ({len(result.breaks) - 1} more problems after it)" if len(result.breaks) > 1 else ""
    return [
        Finding(
            "audit chain",
            Status.FAILED,
            f"broken at record {first.record_id}: {first.reason}{more}; {result.checked} records read",
        )
    ]


def _sqlite_integrity(connection: Connection) -> list[Finding]:
    rows = [str(r[0]) for r in connection.exec_driver_sql("PRAGMA integrity_check").all()]
    if rows == ["ok"]:
        return [Finding("integrity_check", Status.OK, "ok")]
    shown = "; ".join(rows[:_SHOWN_PROBLEMS])
    return [Finding("integrity_check", Status.FAILED, f"{len(rows)} problems: {shown}")]


def _sqlite_foreign_keys(connection: Connection) -> list[Finding]:
    rows = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
    if not rows:
        return [Finding("foreign_key_check", Status.OK, "ok")]
    shown = "; ".join(f"{table} row {rowid} → {parent}" for table, rowid, parent, _ in rows[:_SHOWN_PROBLEMS])
    return [Finding("foreign_key_check", Status.FAILED, f"{len(rows)} dangling references: {shown}")]


def _postgres_amcheck(connection: Connection) -> list[Finding]:
    try:
        with connection.begin():
            connection.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS amcheck")
    except DBAPIError as error:
        return [
            Finding(
                "amcheck",
                Status.UNAVAILABLE,
                "index check not available (the amcheck extension could not be enabled: "
                f"{_short(error)}); a database administrator can run CREATE EXTENSION amcheck",
            )
        ]
    with connection.begin():
        indexes = _postgres_indexes(connection)
    problems = []
    checked = 0
    for index in indexes:
        try:
            with connection.begin():
                connection.execute(text("SELECT bt_index_check(CAST(:name AS regclass))"), {"name": index})
            checked += 1
        except DBAPIError as error:
            problems.append(f"{index}: {_short(error)}")
    if problems:
        shown = "; ".join(problems[:_SHOWN_PROBLEMS])
        return [Finding("amcheck", Status.FAILED, f"{len(problems)} damaged indexes: {shown}")]
    return [Finding("amcheck", Status.OK, f"{checked} indexes verified (bt_index_check)")]


def _postgres_indexes(connection: Connection) -> list[str]:
    """The B-tree indexes of FrontDesk's own tables in the current schema."""
    return list(
        connection.execute(
            text(
                "SELECT c.relname FROM pg_index i "
                "JOIN pg_class c ON c.oid = i.indexrelid "
                "JOIN pg_class t ON t.oid = i.indrelid "
                "JOIN pg_am am ON am.oid = c.relam "
                "JOIN pg_namespace n ON n.oid = t.relnamespace "
                "WHERE am.amname = 'btree' AND n.nspname = current_schema() AND t.relname = ANY(:tables) "
                "ORDER BY c.relname"
            ),
            {"tables": [*Base.metadata.tables, "alembic_version"]},
        ).scalars()
    )


def _triggers(connection: Connection) -> list[Finding]:
    covered = (
        _sqlite_guarded(connection) if connection.dialect.name == "sqlite" else _postgres_guarded(connection)
    )
    missing = []
    for table in APPEND_ONLY_TABLES:
        lacking = [op for op in ("UPDATE", "DELETE") if op not in covered.get(table, set())]
        if lacking:
            missing.append(f"{table} ({', '.join(lacking)})")
    if missing:
        return [
            Finding(
                "append-only triggers",
                Status.FAILED,
                "missing or disabled on " + "; ".join(missing),
            )
        ]
    return [
        Finding("append-only triggers", Status.OK, f"present on all {len(APPEND_ONLY_TABLES)} ledger tables")
    ]


def _sqlite_guarded(connection: Connection) -> dict[str, set[str]]:
    covered: dict[str, set[str]] = {}
    rows = connection.exec_driver_sql("SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger'")
    for row in rows:
        table, sql = str(row[0]), row[1]
        normalised = " ".join(str(sql or "").upper().split())
        if "RAISE(ABORT" not in normalised.replace(" (", "("):
            continue
        for op in ("UPDATE", "DELETE"):
            if f"BEFORE {op} ON" in normalised:
                covered.setdefault(table, set()).add(op)
    return covered


def _postgres_guarded(connection: Connection) -> dict[str, set[str]]:
    covered: dict[str, set[str]] = {}
    rows = connection.execute(
        text(
            "SELECT c.relname, t.tgtype FROM pg_trigger t "
            "JOIN pg_class c ON c.oid = t.tgrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "JOIN pg_proc p ON p.oid = t.tgfoid "
            "WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' AND n.nspname = current_schema() "
            "AND p.proname = 'frontdesk_refuse_change'"
        )
    )
    for row in rows:
        table, tgtype = str(row[0]), int(row[1])
        if tgtype & _PG_ROW and tgtype & _PG_BEFORE:
            if tgtype & _PG_UPDATE:
                covered.setdefault(table, set()).add("UPDATE")
            if tgtype & _PG_DELETE:
                covered.setdefault(table, set()).add("DELETE")
    return covered
