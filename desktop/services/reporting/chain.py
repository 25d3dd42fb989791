"""The audit chain's head that every report prints, verified by the service that reads it.

Walking the whole chain costs time in proportion to the audit trail (about 30 s for a million records
on SQLite), so a verifier remembers the last link it verified and walks only the records appended
since, re-reading that link first: a chain rewritten behind it is walked again from the start. The
link is kept in the user-data folder under this workstation's witness key (someone holding the
database alone cannot move it), so only the first report ever made here walks the whole chain; that
walk happens before the report's transaction (``catch_up``), never holding the audit lock.

The reports and the evidence pack share one verifier and run through ``run_verified``: the role is
checked before anything is walked, so someone refused a report cannot make the workstation walk the
chain.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from desktop.db.database import Database
from desktop.domain.evidence import ChainHead
from desktop.domain.records import Actor
from desktop.paths import user_data_dir
from desktop.reports.base import ChainSeal
from desktop.seal.witness import load_key
from desktop.services.audit_chain import AUDIT_TABLE, CHAINED_COLUMNS, GENESIS_HASH, record_hash
from desktop.services.clock import Clock
from desktop.services.permissions import Permission
from desktop.services.queries.chain_head import chain_head
from desktop.services.unit_of_work import UnitOfWork, run

log = logging.getLogger(__name__)
T = TypeVar("T")
CHECKPOINT_FOLDER = "verified-chain"
#: Records read per query: the trail grows without bound and is never loaded whole.
CHUNK = 5000
_AUDIT = AUDIT_TABLE
_COLUMNS = CHAINED_COLUMNS


class ChainVerifier:
    def __init__(self, database: str | None = None) -> None:
        """``database``: the database's label, to keep the last verified link across sessions (None:
        kept in memory only, as for a throwaway database)."""
        self._database = database
        self._lock = threading.Lock()
        self._last_id, self._last_hash = _load(database) if database else (0, GENESIS_HASH)

    def catch_up(self, session: Session) -> None:
        """Verify up to the newest record now (in a read-only session of the caller's)."""
        self._verify(session, chain_head(session).sequence)

    def seal(self, session: Session) -> ChainSeal:
        """The head as ``session`` sees it, with the first break found up to it (None: none)."""
        head = chain_head(session)
        return ChainSeal(head, self._verify(session, head.sequence))

    def _verify(self, session: Session, upto: int) -> int | None:
        with self._lock:
            if self._last_id and not self._last_link_holds(session):
                self._last_id, self._last_hash = 0, GENESIS_HASH  # changed since: walk it all again
            if upto <= self._last_id:
                return None
            broken, last = _walk(session, ChainHead(self._last_id, self._last_hash), upto)
            if last.sequence > self._last_id and self._database:
                _save(self._database, last)
            self._last_id, self._last_hash = last.sequence, last.hash
            return broken

    def _last_link_holds(self, session: Session) -> bool:
        """The last verified record still there, its content still hashing to the hash remembered."""
        row = session.execute(select(*_COLUMNS).where(_AUDIT.c.id == self._last_id)).first()
        return row is not None and row.hash == self._last_hash and _recomputed(row) == row.hash


def run_verified(
    db: Database,
    clock: Clock,
    actor: Actor,
    permission: Permission,
    verifier: ChainVerifier,
    work: Callable[[UnitOfWork, ChainSeal], T],
) -> T:
    """``work`` in a unit of work, given the chain's head read and verified first in it, so every
    record ``work`` gathers is covered by the head. Before it, a read-only unit of work checks the
    role (a refusal is recorded and raised, nothing walked) and only then walks the chain up to now:
    the audit lock is never held for a long walk, and the unit of work proper verifies only the
    records appended meanwhile."""
    run(db, clock, actor, permission, lambda uow: verifier.catch_up(uow.session), write=False)
    return run(db, clock, actor, permission, lambda uow: work(uow, verifier.seal(uow.session)))


def _walk(session: Session, start: ChainHead, upto: int) -> tuple[int | None, ChainHead]:
    """Records after ``start`` up to ``upto``, each recomputed and linked to the one before: the first
    that breaks the chain, and the last link verified before it."""
    after, expected = start.sequence, start.hash
    while after < upto:
        rows = session.execute(
            select(*_COLUMNS)
            .where(_AUDIT.c.id > after, _AUDIT.c.id <= upto)
            .order_by(_AUDIT.c.id)
            .limit(CHUNK)
        ).all()
        if not rows:
            break
        for row in rows:
            if _recomputed(row) != row.hash or row.prev_hash != expected:
                return int(row.id), ChainHead(after, expected)
            after, expected = int(row.id), row.hash
    return None, ChainHead(after, expected)


def _recomputed(row: Row[Any]) -> str:
    return record_hash(
        row.prev_hash,
        row.at,
        row.staff_id,
        row.username,
        row.workstation,
        row.action,
        row.entity_type,
        row.entity_id,
        row.detail,
    )


def _checkpoint(database: str) -> Path:
    name = hashlib.sha256(database.encode("utf-8")).hexdigest()[:24]
    return user_data_dir() / CHECKPOINT_FOLDER / f"{name}.json"


def _mac(key: bytes, database: str, last_id: int, last_hash: str) -> str:
    return hmac.new(key, f"{database}\x1f{last_id}\x1f{last_hash}".encode(), hashlib.sha256).hexdigest()


def _load(database: str) -> tuple[int, str]:
    """The link verified last time, if its file is there and sealed by this workstation's key."""
    key = load_key(create=False)
    try:
        data = json.loads(_checkpoint(database).read_text(encoding="utf-8"))
        last_id, last_hash = int(data["last_id"]), str(data["hash"])
    except (OSError, ValueError, KeyError, TypeError):
        return 0, GENESIS_HASH
    if key is None or not hmac.compare_digest(
        str(data.get("mac", "")), _mac(key, database, last_id, last_hash)
    ):
        return 0, GENESIS_HASH
    return last_id, last_hash


def _save(database: str, last: ChainHead) -> None:
    """Owner-only, replaced atomically; not kept without a witness key (nothing to seal it with)."""
    key = load_key(create=False)
    if key is None:
        return
    path = _checkpoint(database)
    data = {"database": database, "last_id": last.sequence, "hash": last.hash}
    data["mac"] = _mac(key, database, last.sequence, last.hash)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
        fd = os.open(partial, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            json.dump(data, stream)
        os.replace(partial, path)
    except OSError as error:  # the next session walks the chain again: slower, never wrong
        log.warning("verified chain link not kept: %s", error)
