"""``frontdesk db check``: the audit chain, the database's own consistency checks, the append-only
triggers, the schema revision and the modes of FrontDesk's files, each reported on one line."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from desktop.db.database import Database
from desktop.db.engine import sqlite_companions
from desktop.db.models import APPEND_ONLY_TABLES, Base
from desktop.domain.enums import Language
from desktop.domain.messages import message
from desktop.maintenance.audit_verify import verify_audit_chain
from desktop.maintenance.current_consent_check import current_consent_outcome
from desktop.maintenance.files import shared_modes
from desktop.maintenance.ledger_checks import erasure_outcome, pdf_problems, trigger_problems, witness_outcome
from desktop.maintenance.read_only import read_only_engine
from desktop.maintenance.sqlite_file import sqlite_path
from desktop.paths import user_data_dir, user_log_dir
from desktop.settings import config_dir

_SHOWN_PROBLEMS = 10


#: The check that names FrontDesk's files readable by others (fixed in place, unlike damage).
FILE_MODES_CHECK = "file modes"
#: The check of the current-consent table against the consent ledger recomputed.
CURRENT_CONSENT_CHECK = "current consent"


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


def check_database(
    engine: Engine,
    *,
    url: str | None = None,
    workstation: str = "",
    witnesses: Sequence[Path] = (),
    language: Language = Language.EN,
) -> IntegrityReport:
    """Every check runs, whatever the others found; an error in one is reported as its failure.
    With ``url``, the database is also compared with this workstation's witnesses and ``witnesses``."""
    checks: list[tuple[str, Callable[[Connection], list[Finding]]]] = [
        ("schema", _schema_revision),
        ("audit chain", _audit_chain),
    ]
    if engine.dialect.name == "sqlite":
        checks += [("integrity_check", _sqlite_integrity), ("foreign_key_check", _sqlite_foreign_keys)]
    else:
        checks += [("amcheck", _postgres_amcheck)]
    checks += [("append-only triggers", _triggers), ("stored PDFs", _pdfs), ("erasures", _erasures)]
    checks += [(CURRENT_CONSENT_CHECK, _current_consent(language))]
    if url is not None:
        checks += [("witness", _witness_check(url, workstation, witnesses))]
    findings: list[Finding] = []
    for name, check in checks:
        try:
            with engine.connect() as connection:
                findings += check(connection)
        except (SQLAlchemyError, OSError) as error:
            findings.append(Finding(name, Status.FAILED, f"could not run: {_short(error)}"))
    return IntegrityReport(tuple(findings))


def check_database_at(
    url: str, *, workstation: str = "", witnesses: Sequence[Path] = (), language: Language = Language.EN
) -> IntegrityReport:
    """The checks on the database at ``url``, opened for them alone and read-only (a SQLite file's
    bytes and mode are left as they were: no WAL switch, no journal), then the modes of FrontDesk's
    files (said in ``language``)."""
    path = sqlite_path(url)
    if path is not None:
        engine = read_only_engine(path)
        try:
            report = check_database(
                engine, url=url, workstation=workstation, witnesses=witnesses, language=language
            )
        finally:
            engine.dispose()
    else:
        db = Database(url)
        try:
            report = check_database(
                db.engine, url=url, workstation=workstation, witnesses=witnesses, language=language
            )
        finally:
            db.dispose()
    return IntegrityReport((*report.findings, file_modes(path, language)))


def file_modes(database: Path | None, language: Language = Language.EN) -> Finding:
    """FrontDesk's own folders (data, logs, configuration) and the SQLite file with its journals: none
    may give the group or others any permission. Other files in the database's folder are not ours."""
    own = [user_data_dir(create=False), user_log_dir(create=False), config_dir()]
    if database is not None:
        own += [database, *sqlite_companions(database)]
    looked_at, shared = shared_modes(own)
    if not shared:
        return Finding(FILE_MODES_CHECK, Status.OK, message("files_private", language, count=looked_at))
    listed = ", ".join(f"{path} ({mode:04o})" for path, mode in shared[:_SHOWN_PROBLEMS])
    more = f" (+{len(shared) - _SHOWN_PROBLEMS})" if len(shared) > _SHOWN_PROBLEMS else ""
    return Finding(
        FILE_MODES_CHECK, Status.FAILED, message("files_not_private", language, files=listed + more)
    )


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
    problems = trigger_problems(connection)
    if problems:
        return [Finding("append-only triggers", Status.FAILED, "; ".join(problems))]
    return [
        Finding(
            "append-only triggers",
            Status.OK,
            f"present, as defined, and enabled on all {len(APPEND_ONLY_TABLES)} ledger tables",
        )
    ]


def _pdfs(connection: Connection) -> list[Finding]:
    checked, problems = pdf_problems(connection)
    if problems:
        shown = "; ".join(problems[:_SHOWN_PROBLEMS])
        return [Finding("stored PDFs", Status.FAILED, f"{len(problems)} altered: {shown}")]
    return [Finding("stored PDFs", Status.OK, f"{checked} PDFs match their SHA-256")]


def _erasures(connection: Connection) -> list[Finding]:
    outcome = erasure_outcome(connection)
    if outcome.problems:
        shown = "; ".join(outcome.problems[:_SHOWN_PROBLEMS])
        return [Finding("erasures", Status.FAILED, f"{len(outcome.problems)} not as recorded: {shown}")]
    return [Finding("erasures", Status.OK, outcome.summary)]


def _current_consent(language: Language) -> Callable[[Connection], list[Finding]]:
    def check(connection: Connection) -> list[Finding]:
        same, detail = current_consent_outcome(connection, language)
        status = Status.UNAVAILABLE if same is None else Status.OK if same else Status.FAILED
        return [Finding(CURRENT_CONSENT_CHECK, status, detail)]

    return check


def _witness_check(
    url: str, workstation: str, witnesses: Sequence[Path]
) -> Callable[[Connection], list[Finding]]:
    def check(connection: Connection) -> list[Finding]:
        outcome = witness_outcome(connection, url, workstation, witnesses)
        findings = [Finding("witness", Status.WARNING, w) for w in outcome.warnings]
        findings += [Finding("witness", Status.FAILED, p) for p in outcome.problems]
        if not outcome.problems:
            findings.append(Finding("witness", Status.OK, outcome.summary))
        return findings

    return check
