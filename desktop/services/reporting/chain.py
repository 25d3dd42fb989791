"""The audit chain's head that every report prints, verified by the service that reads it.

Walking the whole chain costs time in proportion to the audit trail, so a verifier remembers the
last link it verified and walks only the records appended since (re-reading that link, so a chain
rewritten behind it is walked again from the start). The first report after start-up walks it all,
before the report's transaction (``catch_up``), so that walk never holds the audit lock.
"""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from desktop.db.models import AuditRecord, Base
from desktop.domain.evidence import ChainHead
from desktop.reports.base import ChainSeal
from desktop.services.audit_chain import GENESIS_HASH, record_hash
from desktop.services.queries.chain_head import chain_head

#: Records read per query: the trail grows without bound and is never loaded whole.
CHUNK = 5000
# Read as a core table (rows, not ORM objects): lighter over millions of records.
_AUDIT = Base.metadata.tables[AuditRecord.__tablename__]
_COLUMNS = (
    _AUDIT.c.id,
    _AUDIT.c.at,
    _AUDIT.c.staff_id,
    _AUDIT.c.username,
    _AUDIT.c.workstation,
    _AUDIT.c.action,
    _AUDIT.c.entity_type,
    _AUDIT.c.entity_id,
    _AUDIT.c.detail,
    _AUDIT.c.prev_hash,
    _AUDIT.c.hash,
)


class ChainVerifier:
    def __init__(self) -> None:
        self._last_id = 0
        self._last_hash = GENESIS_HASH
        self._lock = threading.Lock()

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
            self._last_id, self._last_hash = last.sequence, last.hash
            return broken

    def _last_link_holds(self, session: Session) -> bool:
        """The last verified record still there, its content still hashing to the hash remembered."""
        row = session.execute(select(*_COLUMNS).where(_AUDIT.c.id == self._last_id)).first()
        return row is not None and row.hash == self._last_hash and _recomputed(row) == row.hash


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
